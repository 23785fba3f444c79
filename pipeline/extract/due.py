"""Due dates: find the time phrase in a commitment and resolve it against the meeting date.

The resolution rules are the labelling guide's table (weeks run Monday to Sunday). The
words (weekdays, months, spelled ordinals, vague phrases) live in `data/due/vocab.yaml`
(read by due_vocab.py); this module holds the grammar and the date arithmetic.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from milepost.pipeline.extract import required_words
from milepost.pipeline.extract.due_vocab import alt as _alt
from milepost.pipeline.extract.due_vocab import vocab

# Rules whose phrase is said without "on"/"from"/"starting" ("send it on tomorrow" -> "tomorrow").
UNLED_RULES = frozenset({"today", "tomorrow", "day_after_tomorrow", "vague"})
# Sayings that pin a deadline: preferred over a bare "today" said earlier in the sentence.
DEADLINE_LEADS = ("by", "before", "till", "til", "until", "no later than")


@dataclass(frozen=True)
class Found:
    """One time phrase in a text: where it is, the rule that read it, and its parts."""

    start: int
    end: int
    rule: str
    parts: dict[str, str]
    lead: str = ""


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, re.Pattern[str]]]:
    """(rule name, compiled pattern) for every dated phrase family, then the vague ones."""
    v = vocab()
    wd = _alt(list(v.weekdays))
    mon = _alt(list(v.months)) + r"\.?"
    ordw = _alt(v.ordinal_words)
    ord_ = rf"(?:{ordw}|\d{{1,2}}(?:st|nd|rd|th))"
    num = _alt(list(v.numbers)) + r"|\d{1,3}"
    tod = r"(?:\s+(?:morning|afternoon|evening|night|EOD))?"
    eod = r"(?:EOD|COB|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business)"
    table = [
        ("month_day", rf"(?:{wd},?\s+)?(?:the\s+)?(?P<day>{ord_})\s+of\s+(?P<mon>{mon})"),
        ("month_day", rf"(?:{wd},?\s+)?(?P<mon>{mon})\s+(?:the\s+)?(?P<day>{ord_}|\d{{1,2}}\b)"),
        (
            "ordinal",
            rf"(?:(?P<wd>{wd}),?\s+)?the\s+(?P<day>{ord_})(?:,?\s+(?P<wd2>{wd})(?:\s+week)?)?",
        ),
        ("tomorrow", rf"{eod}\s+tomorrow|tomorrow\s+{eod}"),
        ("weekday", rf"{eod},?\s+(?:on\s+)?(?P<wd>{wd})"),
        ("next_weekday", rf"(?P<wd>{wd}){tod},?\s+next\s+week"),
        ("weekday_week", rf"(?:a|one)\s+week\s+from\s+(?P<wd>{wd})"),
        ("day_after_tomorrow", r"(?:the\s+)?day\s+after\s+tomorrow"),
        ("tomorrow", rf"tomorrow(?!['’]s){tod}"),
        (
            "today",
            rf"(?:later\s+)?today(?!['’]s)|tonight|this\s+(?:morning|afternoon|evening)|{eod}",
        ),
        (
            "early_next_week",
            r"early\s+next\s+week|(?:the\s+)?(?:start|beginning)\s+of\s+next\s+week",
        ),
        ("mid_next_week", r"mid[- ]?next\s+week|(?:the\s+)?middle\s+of\s+next\s+week"),
        ("week_after_next", r"(?:the\s+)?week\s+after\s+next"),
        ("next_week", r"(?:(?:the\s+)?end\s+of\s+|later\s+)?next\s+week"),
        ("this_week", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|(?:later\s+)?this\s+week"),
        ("next_weekday", rf"next\s+(?P<wd>{wd}){tod}"),
        ("weekday_week", rf"(?P<wd>{wd})\s+week\b"),
        ("weekday", rf"(?:this\s+coming\s+|this\s+|coming\s+)?(?P<wd>{wd}){tod}"),
        (
            "in_n",
            rf"(?:in|within|over)\s+(?:the\s+next\s+)?(?P<n>{num})\s+(?P<unit>day|week|month)s?",
        ),
        ("in_n", r"(?:in|within|over)\s+the\s+next\s+(?P<unit>day|week|month)\b"),
        ("in_n", r"in\s+a\s+(?P<unit>fortnight)"),
        ("in_n", rf"(?P<n>{num})\s+(?P<unit>day|week|month)s?\s+from\s+(?:now|today)"),
        ("month_end", rf"(?:the\s+)?end\s+of\s+(?P<mon>{mon})"),
        ("month_end", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|month[- ]end|this\s+month"),
        ("next_month", r"(?:(?:the\s+)?end\s+of\s+)?next\s+month"),
        (
            "quarter_end",
            r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter|quarter[- ]end|this\s+quarter",
        ),
        ("quarter_end", r"(?:the\s+)?end\s+of\s+Q(?P<q>[1-4])|(?<=by\s)Q(?P<q2>[1-4])"),
        ("next_quarter", r"(?:(?:the\s+)?end\s+of\s+)?next\s+quarter"),
        ("year_end", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|year[- ]end"),
    ]
    compiled = [(n, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for n, p in table]
    compiled += [("vague", re.compile(rf"\b(?:{p})", re.IGNORECASE)) for p in v.vague]
    return compiled


def find_due(text: str, meeting_date: date | None) -> tuple[str | None, str | None]:
    """(due as ISO date or None, due_text as said or None) for one commitment sentence."""
    chosen = choose(scan(text), text)
    if chosen is None:
        return None, None
    due = _resolve_found(chosen, meeting_date)
    return (due.isoformat() if due else None), text[chosen.start : chosen.end]


def resolve(due_text: str, meeting_date: date | None) -> str | None:
    """The ISO date a time phrase means on the meeting date, or None when it has none."""
    chosen = choose(scan(due_text))
    if chosen is None:
        return None
    due = _resolve_found(chosen, meeting_date)
    return due.isoformat() if due else None


def scan(text: str) -> list[Found]:
    """Every time phrase in the text, left to right, longest first where they overlap."""
    hits: list[Found] = []
    able = _index().able_in(text)
    for key, (name, pattern) in zip(_keys(), rules(), strict=True):
        if able is not None and key not in able:
            continue  # the text lacks every word the rule needs
        for m in pattern.finditer(text):
            found = _accept(text, name, m)
            if found is not None:
                hits.append(found)
    hits.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


@lru_cache(maxsize=1)
def _keys() -> list[str]:
    return [str(k) for k in range(len(rules()))]


@lru_cache(maxsize=1)
def _index() -> required_words.Index:
    """The rules' needles, by their keys (required_words.py)."""
    return required_words.english(dict(zip(_keys(), (p for _, p in rules()), strict=True)))


def choose(found: list[Found], text: str = "") -> Found | None:
    """The phrase that dates the commitment: the first dated one, else the first vague one.

    With several dated phrases, one after 'of' ("the summary of today") drops out, those in
    a commitment sentence beat the rest, those in a condition ("if the fund's good on
    Monday, ...") lose, and a deadline ("by Friday") beats a bare "today" said earlier
    ("everything we covered today").
    """
    dated = [f for f in found if f.rule != "vague"]
    if len(dated) > 1 and text:  # "the summary of today ... tomorrow": a noun's day is no due
        dated = [f for f in dated if not _of_a_noun(text, f)] or dated
    if len(dated) > 1 and text:
        ranked = sorted(dated, key=lambda f: (_rank(text, f), f.start))
        dated = [f for f in ranked if _rank(text, f) == _rank(text, ranked[0])]
        dated.sort(key=lambda f: f.start)
    if dated:
        first = dated[0]
        if first.rule == "today" and not first.lead:
            for later in dated[1:]:
                if _is_deadline(later.lead):
                    return later
        return first
    return found[0] if found else None


def _of_a_noun(text: str, found: Found) -> bool:
    """'a recap of today', 'the list of Saturday shift leads': a day said after 'of', with no
    lead of its own, names what a thing is about, not when the step is due."""
    return not found.lead and re.search(r"\bof\s+$", text[: found.start], re.IGNORECASE) is not None


def _rank(text: str, found: Found) -> int:
    """0 for a phrase in a commitment sentence, 1 elsewhere, 2 inside a condition, 3 naming
    an event ("the end of Q1 review")."""
    nxt = re.match(r"\s*([\w-]+)", text[found.end :])
    if nxt and nxt.group(1).lower() in vocab().event_nouns:
        return 3
    sentence_start = max(text.rfind(c, 0, found.start) for c in ".?!") + 1
    ends = [i for i in (text.find(c, found.end) for c in ".?!") if i >= 0]
    sentence = text[sentence_start : min(ends) if ends else len(text)]
    clause = text[max(text.rfind(",", 0, found.start), sentence_start) : found.start]
    if vocab().condition.search(clause):
        return 2
    return 0 if vocab().commitment.search(sentence) else 1


def _is_deadline(lead: str) -> bool:
    low = " ".join(lead.lower().split())
    return any(low.endswith(w) for w in DEADLINE_LEADS)


def _accept(text: str, name: str, m: re.Match[str]) -> Found | None:
    """A Found for this match, or None when its context says it is not a date."""
    v = vocab()
    parts = {k: val for k, val in m.groupdict().items() if val}
    before = text[: m.start()]
    prev = before.split()[-1:] if before.split() else []
    if prev and prev[0].lower().strip(",") in v.blockers:
        return None
    if v.exclusion.search(before):  # "just not on a Monday": a time ruled out
        return None
    if "may" in {p.lower().rstrip(".") for p in parts.values()} and "May" not in m.group(0):
        return None
    if name == "ordinal" and not {"wd", "wd2"} & set(parts) and not _ordinal_context(text, m):
        return None
    start = m.start()
    lead = v.lead.search(before)
    core = m.group(0).lower()
    lead_word = lead.group(0).split()[-1].lower() if lead else ""
    if lead and not (lead_word in ("on", "from", "starting") and name in UNLED_RULES):
        start = lead.start()
    elif core.startswith(("the end", "end")) and re.search(r"\bat\s+$", before, re.IGNORECASE):
        start = re.search(r"\bat\s+$", before, re.IGNORECASE).start()  # type: ignore[union-attr]
    lead_text = text[start : m.start()].strip()
    return Found(start, m.end(), name, parts, lead_text)


def _ordinal_context(text: str, m: re.Match[str]) -> bool:
    """A bare "the tenth" is a date after "by/on/before..." and before a pause or small word.

    After a verb that picks a day ("let's do the ninth") or opening a reply ("the ninth
    works") it is one too, unless it is a small spelled ordinal ("go with the second").
    """
    v = vocab()
    prev = [w.lower().strip(",") for w in text[: m.start()].split()]
    rest = text[m.end() :]
    nxt = re.match(r"\s*([\w'’]+)", rest)
    after = nxt.group(1).lower() if nxt else ""
    if _reply_opening(text[: m.start()]) and after in v.ordinal_replies:
        return _day_said(m)
    if not prev:
        return False
    if prev[-1] in v.ordinal_openers:
        led = True
    elif _verb_led(prev):
        led = _day_said(m)
    else:
        return False
    if not rest.strip() or re.match(r"\s*[,.;:?!)\-–—]", rest):
        return led
    return led and after in v.ordinal_followers


def _verb_led(prev: list[str]) -> bool:
    """'do the', 'make it the', 'move it to the', 'go with the': a verb that picks a day."""
    v = vocab()
    words = list(prev[-3:])
    if words and words[-1] in v.ordinal_verb_preps:
        words.pop()
    if words and words[-1] in v.ordinal_verb_objects:
        words.pop()
    return bool(words) and words[-1] in v.ordinal_verbs


def _reply_opening(before: str) -> bool:
    """True when nothing but an interjection comes before ('Yes, the ninth works')."""
    stripped = before.strip()
    return not stripped or stripped[-1] in ".?!," and len(stripped.split()) <= 2


def _day_said(m: re.Match[str]) -> bool:
    """False for a small spelled ordinal, which after a verb is more often an option."""
    word = m.group("day")
    return word[0].isdigit() or _day_number(word) >= vocab().ordinal_verb_min_day


def _resolve_found(found: Found, d: date | None) -> date | None:
    if d is None or found.rule == "vague":
        return None
    return RESOLVERS[found.rule](found.parts, d)


def _day_number(word: str) -> int:
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group(0))
    key = re.sub(r"[\s-]", "", word.lower())
    return vocab().ordinals[key]


def _weekday(parts: dict[str, str]) -> int:
    return vocab().weekdays[parts["wd"].lower()]


def _month(parts: dict[str, str]) -> int:
    return vocab().months[parts["mon"].lower().rstrip(".")]


def _monday(d: date, weeks: int = 0) -> date:
    return d - timedelta(days=d.weekday()) + timedelta(weeks=weeks)


def _month_last(year: int, month: int) -> date:
    while month > 12:
        year, month = year + 1, month - 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    year, month = d.year + (d.month - 1 + n) // 12, (d.month - 1 + n) % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _on_or_after_weekday(d: date, wd: int) -> date:
    """That weekday on or after d; the meeting's own weekday means a week later."""
    return d + timedelta(days=(wd - d.weekday()) % 7 or 7)


def _next_day_of_month(d: date, day: int) -> date | None:
    """The next `day`-th of a month on or after d (skipping months too short for it)."""
    year, month = d.year, d.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= d:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month_day(parts: dict[str, str], d: date) -> date | None:
    month, day = _month(parts), _day_number(parts["day"])
    for year in (d.year, d.year + 1):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= d:
            return date(year, month, day)
    return None


def _in_n(parts: dict[str, str], d: date) -> date:
    raw = " ".join(parts.get("n", "one").lower().split())
    n = int(raw) if raw.isdigit() else vocab().numbers[raw]
    unit = parts["unit"].lower()
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit == "month":
        return _add_months(d, n)
    return d + timedelta(days=n * (7 if unit == "week" else 1))


def _month_end(parts: dict[str, str], d: date) -> date:
    if "mon" not in parts:
        return _month_last(d.year, d.month)
    month = _month(parts)
    return _month_last(d.year if month >= d.month else d.year + 1, month)


def _quarter_end(parts: dict[str, str], d: date, ahead: int = 0) -> date:
    q = parts.get("q") or parts.get("q2")
    if q:
        last = _month_last(d.year, int(q) * 3)
        return last if last >= d else _month_last(d.year + 1, int(q) * 3)
    return _month_last(d.year, ((d.month - 1) // 3 + 1 + ahead) * 3)


Resolver = Callable[[dict[str, str], date], date | None]
RESOLVERS: dict[str, Resolver] = {
    "month_day": _month_day,
    "ordinal": lambda p, d: _next_day_of_month(d, _day_number(p["day"])),
    "today": lambda p, d: d,
    "tomorrow": lambda p, d: d + timedelta(days=1),
    "day_after_tomorrow": lambda p, d: d + timedelta(days=2),
    "early_next_week": lambda p, d: _monday(d, 1),
    "mid_next_week": lambda p, d: _monday(d, 1) + timedelta(days=2),
    "week_after_next": lambda p, d: _monday(d, 2) + timedelta(days=4),
    "next_week": lambda p, d: _monday(d, 1) + timedelta(days=4),
    "this_week": lambda p, d: _monday(d) + timedelta(days=4),
    "next_weekday": lambda p, d: _monday(d, 1) + timedelta(days=_weekday(p)),
    "weekday_week": lambda p, d: _on_or_after_weekday(d, _weekday(p)) + timedelta(days=7),
    "weekday": lambda p, d: _on_or_after_weekday(d, _weekday(p)),
    "in_n": _in_n,
    "month_end": _month_end,
    "next_month": lambda p, d: _month_last(d.year, d.month + 1),
    "quarter_end": _quarter_end,
    "next_quarter": lambda p, d: _quarter_end(p, d, ahead=1),
    "year_end": lambda p, d: date(d.year, 12, 31),
}
