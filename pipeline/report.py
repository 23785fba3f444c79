"""The readable report `milepost analyze` prints for a person; `--explain` shows the why."""

from __future__ import annotations

from milepost.models import Analysis, Goal, SpeakerSide, TurnOut
from milepost.pipeline.extract.names import is_anonymous
from milepost.pipeline.extract.sides import same_person
from milepost.pipeline.extract.stage import WEAK_STAGE
from milepost.pipeline.internal import analysis_is_internal
from milepost.pipeline.templating import clip, step_words
from milepost.pipeline.viewpoint import turned
from milepost.pipeline.wording import (
    category_words,
    figure_alone,
    figure_words,
    goal_text,
    lead_in_of,
    reads_alone,
    said_before,
)

SIDES = (("vendor", "Vendor (us)"), ("customer", "Customer"), ("joint", "Both sides"))


def render_analysis(a: Analysis, explain: bool = False) -> str:
    """The report: header, stage and goal verdict, goals, steps per side, outcomes, questions."""
    lines = _header(a, explain)
    lines += ["", *_goals(a, explain), *_steps(a, explain)]
    if a.verified_outcomes:
        lines += ["", "Verified outcomes:"]
        for o in a.verified_outcomes:
            lines.append(f'  - {category_words(o.category)}: "{o.evidence}"')
            if explain:
                lines.append(f"      {_why(a, o.evidence, o.found_by, o.confidence)}")
    if a.questions:
        when = " at the next customer call" if analysis_is_internal(a) else ""  # nobody here to ask
        lines += ["", f"Questions to agree a goal{when}:"]
        lines.extend(f"  - {q}" for q in a.questions)
    return "\n".join(lines)


def unheard(a: Analysis, names: dict[str, SpeakerSide]) -> list[str]:
    """Roster entries that name nobody who speaks in the meeting, each as a warning: a typo
    there otherwise passes silently, as every side is then inferred."""
    spoke = [s.name for s in a.speakers]
    heard = f"speakers: {', '.join(spoke)}" if spoke else "it names no speaker"
    return [
        f"{a.source}: --{side} {name!r} names nobody who speaks in it ({heard})"
        for name, side in names.items()
        if not any(same_person(name, s) for s in spoke)
    ]


def length(seconds: float) -> str:
    """'45 s' under a minute ('0 min' said nothing of a 30 s clip), else whole minutes."""
    return f"{seconds:.0f} s" if seconds < 59.5 else f"{seconds / 60:.0f} min"


def _header(a: Analysis, explain: bool = False) -> list[str]:
    meta = [f"format {a.input_format}"]
    if a.date:
        meta.append(f"date {a.date}")
    if a.account:
        meta.append(f"account {a.account}")
    if a.duration_s:
        meta.append(length(a.duration_s))
    lines = [f"# {a.title or a.source}", " · ".join(meta)]
    if a.speakers:
        lines.append("Speakers: " + ", ".join(f"{s.name} ({s.side})" for s in a.speakers))
        if analysis_is_internal(a):
            lines.append("No customer-side speaker: an internal call? (else name them: --customer)")
    lines.append("")
    if a.stage:
        guess = "; a guess, little was said about it" if a.stage.confidence < WEAK_STAGE else ""
        lines.append(f"Stage: {a.stage.id} (confidence {a.stage.confidence:.2f}{guess})")
        if explain:
            lines.extend(f'      "{e}"' for e in a.stage.evidence)
    else:
        lines.append("Stage: unknown")
    if not a.has_agreed_goal:
        lines.append("⚑ No clear agreed goal (flag: no_agreed_goal)")
        return lines
    agreed = [g for g in a.goals if g.agreed]  # said once, here; "Other goals" has the rest
    if len(agreed) == 1:
        lines.append(f"Agreed goal: {_goal_line(a, agreed[0])}")
        lines.extend(_goal_why(a, agreed[0], explain))
    else:
        lines.append("Agreed goals:")
        for g in agreed:
            lines.append(f"  - {_goal_line(a, g)}")
            lines.extend(_goal_why(a, g, explain))
    return lines


def _goals(a: Analysis, explain: bool) -> list[str]:
    """The goals the verdict above does not show: every goal when none was agreed, else the
    others (nothing when there are none)."""
    if a.has_agreed_goal:
        others = [g for g in a.goals if not g.agreed]
        if not others:
            return []
        lines = ["Other goals:"]
    else:
        others = a.goals
        lines = ["Goals:"]
    for g in others:
        lines.append(f"  - {_goal_line(a, g)}")
        lines.extend(_goal_why(a, g, explain))
    if not others:
        lines.append("  (none found)")
    return [*lines, ""]


def _goal_line(a: Analysis, g: Goal) -> str:
    bits = [category_words(g.category)]
    if g.metric:
        bits.append(f"metric: {g.metric}")
    if g.deadline:
        bits.append(f"deadline: {g.deadline}")
    if not (g.agreed and a.has_agreed_goal):  # the verdict line says so
        bits.append("agreed" if g.agreed else "not agreed")
    return f"{_goal_words(a, g)} [{'; '.join(bits)}]"


def _goal_why(a: Analysis, g: Goal, explain: bool) -> list[str]:
    if not explain:
        return []
    lines = []
    if reads_alone(goal_text(g.text)):  # else the line above quotes it already
        lines.append(f'      "{g.evidence}"')
    lines.append(f"      {_why(a, g.evidence, g.found_by, g.confidence)}")
    if g.agreement:
        lines.append(f"      agreed: {g.agreement}")
    return lines


def _goal_words(a: Analysis, g: Goal) -> str:
    """The goal's short text, or its quoted sentence when the text leans on what came before,
    opening on the sentence said before it in its turn ("Intake takes twelve minutes. We want
    to get that under five."), as the brief quotes it."""
    text = goal_text(g.text)
    if reads_alone(text):
        return text
    before = lead_in_of((t.text for t in a.turns), g.evidence)
    if before:
        return f'"{before} {g.evidence}"'
    turns = [(t.speaker or "", t.text) for t in a.turns]
    asked = said_before(turns, g.evidence, figure_words(text)) if figure_alone(text) else None
    if asked is None:
        return f'"{g.evidence}"'
    # a figure said in answer ("5% by the end of 2027."), after the sentence that put it
    by = turns[asked[0]][0]
    by = f" {by}:" if by and not is_anonymous(by) else ":"
    return f'"{g.evidence}" (after{by} "{clip(asked[1])}")'


def _steps(a: Analysis, explain: bool) -> list[str]:
    lines = ["Next steps:"]
    said_by = {sp.name: sp.side for sp in a.speakers}
    for side, title in SIDES:
        steps = [s for s in a.next_steps if s.side == side]
        if steps:
            lines.append(f"  {title}:")
        for s in steps:
            who = s.owner or "owner not named"
            due = f"due {s.due}" if s.due else f'due "{s.due_text}"' if s.due_text else ""
            action = turned(s.action, said_by.get(s.speaker or ""), "brief")  # from our side
            # "sign it", "have it fixed": its sentence, as the brief quotes it
            quoted = step_words(s) != s.action
            shown = step_words(s) if quoted else action
            lines.append(f"    - {shown} ({who}; {due or 'no due date'})")
            if explain and not quoted:
                lines.append(f'        "{s.evidence}"')
                lines.append(f"        {_why(a, s.evidence, s.found_by, s.confidence)}")
    if not a.next_steps:
        lines.append("  (none found)")
    return lines


def _why(a: Analysis, evidence: str, found_by: str, confidence: float) -> str:
    """Where the quote was said and what found it."""
    turn = _turn_of(a.turns, evidence)
    where = ""
    if turn is not None:
        at = f" at {_clock(turn.start)}" if turn.start is not None else ""
        where = f"said by {turn.speaker or 'unlabelled speaker'} ({turn.side}){at}; "
    return f"[{where}found by {found_by or 'rules'}, confidence {confidence:.2f}]"


def _turn_of(turns: list[TurnOut], evidence: str) -> TurnOut | None:
    needle = " ".join(evidence.split())
    return next((t for t in turns if needle in " ".join(t.text.split())), None)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
