"""The readable report `milepost analyze` prints for a person."""

from __future__ import annotations

from milepost.models import Analysis


def render_analysis(a: Analysis, explain: bool = False) -> str:
    lines = [f"# {a.title or a.source}"]
    meta = [f"format {a.input_format}"]
    if a.date:
        meta.append(f"date {a.date}")
    if a.account:
        meta.append(f"account {a.account}")
    lines.append(" · ".join(meta))
    if a.speakers:
        lines.append("Speakers: " + ", ".join(f"{s.name} ({s.side})" for s in a.speakers))
    lines.append("")
    if a.stage:
        lines.append(f"Stage: {a.stage.id} (confidence {a.stage.confidence:.2f})")
    else:
        lines.append("Stage: unknown")
    if a.has_agreed_goal:
        lines.append("Agreed goal: yes")
    else:
        lines.append("⚑ No clear agreed goal (flag: no_agreed_goal)")
    lines.append("")
    lines.append("Goals:")
    for g in a.goals or []:
        bits = [g.category]
        if g.metric:
            bits.append(f"metric {g.metric}")
        if g.deadline:
            bits.append(f"deadline {g.deadline}")
        if g.agreed:
            bits.append("agreed")
        lines.append(f"  - {g.text} [{', '.join(bits)}]")
        lines.append(f'      "{g.evidence}"' + (f"  ({g.found_by})" if explain else ""))
    if not a.goals:
        lines.append("  (none found)")
    lines.append("")
    lines.append("Next steps:")
    for side in ("vendor", "customer", "joint"):
        steps = [s for s in a.next_steps if s.side == side]
        if not steps:
            continue
        lines.append(f"  {side}:")
        for s in steps:
            who = s.owner or "-"
            due = s.due or (s.due_text or "no date")
            lines.append(f"    - {s.action} — {who}, due {due}")
            if explain:
                lines.append(f'        "{s.evidence}"  ({s.found_by}, {s.confidence:.2f})')
    if not a.next_steps:
        lines.append("  (none found)")
    if a.verified_outcomes:
        lines.append("")
        lines.append("Verified outcomes:")
        for o in a.verified_outcomes:
            lines.append(f'  - {o.category}: "{o.evidence}"')
    if a.questions:
        lines.append("")
        lines.append("Questions to agree a goal:")
        lines.extend(f"  - {q}" for q in a.questions)
    return "\n".join(lines)
