"""The sidecar beside a transcript (NAME.meta.yaml or meeting.yaml), strictly validated."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class Sidecar(BaseModel):
    """Account, date and rosters for one meeting (or every meeting in a folder)."""

    model_config = ConfigDict(extra="forbid")

    account: str | None = Field(default=None, min_length=1)
    date: dt.date | None = None
    title: str | None = None
    vendor: list[str] = Field(default_factory=list, description="speakers on the vendor side")
    customer: list[str] = Field(default_factory=list, description="speakers on the customer side")

    def merged_over(self, base: Sidecar) -> Sidecar:
        """This sidecar's values, falling back to `base` for whatever this one leaves out."""
        return Sidecar(
            account=self.account or base.account,
            date=self.date or base.date,
            title=self.title or base.title,
            vendor=self.vendor or base.vendor,
            customer=self.customer or base.customer,
        )
