"""What the user tells milepost about a meeting beyond the file itself (date, account, roster).

Kept apart from the analyzer so a command can build it without importing spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from milepost.models import SpeakerSide


@dataclass
class Options:
    """What the user tells milepost about a meeting beyond the file itself."""

    date: date | None = None
    account: str | None = None
    vendor: list[str] = field(default_factory=list)
    customer: list[str] = field(default_factory=list)

    def roster(self) -> dict[str, SpeakerSide]:
        out: dict[str, SpeakerSide] = {n: "vendor" for n in self.vendor}
        out.update({n: "customer" for n in self.customer})
        return out
