"""Meeting metadata carried by files: `Key: value` header fields and dates, to ISO form.

The analyzer takes `--date` first, then `Transcript.date`, which readers fill
from the file's own metadata and, failing that, from a date in the file name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
PATTERNS = [
    re.compile(rf"(?<!\d){_YEAR}[-/.](?P<mon>\d{{1,2}})[-/.]{_DAY}(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
]
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
FIELD = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,30}):\s*(?P<value>.*)$")
KNOWN_FIELDS = frozenset(
    {"title", "date", "publication date", "published", "recorded", "meeting date",
     "playlist", "description", "captions", "youtube url", "url", "meeting", "topic"}
)  # fmt: skip


def find_date(text: str) -> str | None:
    """The first date written in `text` (ISO, 'Jan. 10, 2024', '10 January 2024') as ISO."""
    found: list[tuple[int, str]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m.groupdict())
            if iso:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


def date_in_name(path: str | Path) -> str | None:
    """A date in a file name: `2026-03-03`, `20260303`, `2026_03_03`."""
    for m in _NAME_DATE.finditer(Path(path).name):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
    return None


def fields(lines: Iterable[str]) -> dict[str, str]:
    """Known `Key: value` header fields (lower-case keys), as a caption dump or page starts."""
    out: dict[str, str] = {}
    for line in lines:
        m = FIELD.match(line.strip())
        if m and m.group("key").lower() in KNOWN_FIELDS:
            out.setdefault(m.group("key").lower(), m.group("value").strip())
    return out


def _iso(parts: dict[str, str | None]) -> str | None:
    if parts.get("mon"):
        month = int(parts["mon"] or 0)
    else:
        month = MONTHS.get((parts.get("month") or "").lower(), 0)
    return _valid(int(parts["year"] or 0), month, int(parts["day"] or 0))


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
