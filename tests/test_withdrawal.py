"""How a later remark takes a goal back, or is about something else."""

from __future__ import annotations

from milepost.pipeline.extract.agreement_cues import content
from milepost.pipeline.extract.restatement import figures
from milepost.pipeline.extract.withdrawal import doubts_other, drops

GOAL = "I want audit prep down to two days by June."
WORDS = set(content(GOAL))
FIGS = figures(GOAL)


def test_a_doubt_naming_another_figure_is_about_another_goal() -> None:
    assert doubts_other("I'd be careful with eighty in year one.", WORDS, FIGS)
    assert not doubts_other("I'd be careful with two days in year one.", WORDS, FIGS)


def test_a_doubt_pointing_back_is_about_the_figure_said_just_before() -> None:
    doubt = "Well, that's your number, not mine."
    assert doubts_other(doubt, WORDS, FIGS, "We like to see ninety percent active.")
    assert not doubts_other(doubt, WORDS, FIGS, "So two days by June.")
    assert not doubts_other(doubt, WORDS, FIGS)  # nothing said before: about the goal


def test_a_drop_names_the_goal_or_points_back_right_after_it_was_named() -> None:
    units = [
        (0, "Raj Patel", GOAL),
        (1, "Dana Ruiz", "If we promise two days by June and the rules change, we miss."),
        (2, "Raj Patel", "Fair. Scratch that as a target, then."),
        (3, "Dana Ruiz", "And take the link out of the email."),
    ]
    assert drops(units, 2, WORDS)
    assert not drops(units, 3, WORDS)  # about the link
