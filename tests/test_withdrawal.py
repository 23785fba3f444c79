"""How a later remark takes a goal back, or is about something else."""

from __future__ import annotations

from milepost.pipeline.extract.agreement_cues import content
from milepost.pipeline.extract.restatement import figures
from milepost.pipeline.extract.withdrawal import doubts_other, drops, later_drop

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


def test_far_from_a_goal_with_a_figure_a_drop_must_name_one_of_its_figures() -> None:
    goal = "I want route planning for the crews down from six hours a week to one by May."
    words = set(content(goal))
    aside = (
        "There's a text to the crews the day before. I'd leave it off until route planning settles."
    )
    units = [
        (0, "Raj Patel", goal),
        (1, "Dana Ruiz", "Okay."),
        (2, "Dana Ruiz", aside),
        (3, "Raj Patel", "Yeah. Leave it off."),
    ]
    assert later_drop(units, 1, words) is None  # its words, none of its figures: chance
    units.append((4, "Raj Patel", "Actually, take the six hours by May off the plan for now."))
    assert later_drop(units, 1, words) == ("Raj Patel", units[4][2])
    plain = set(content("I want route planning off the crews' plates."))  # no figure to name
    assert later_drop(units[:4], 1, plain) is not None


def test_a_far_pointing_drop_that_says_off_the_plan_drops_the_goal_without_its_figure() -> None:
    goal = "I want the console crash rate under one in a thousand sessions before the showcase."
    words = set(content(goal))
    units = [
        (0, "Raj Patel", goal),
        (1, "Dana Ruiz", "Okay."),
        (2, "Mia Chen", "Can I jump back to the goal? The showcase crash date isn't confirmed."),
        (3, "Raj Patel", "Oh. Right. Then take that off the plan for now."),
    ]
    assert later_drop(units, 1, words) == ("Raj Patel", "Then take that off the plan for now.")
    units[3] = (3, "Raj Patel", "Oh. Right. Then leave that off for now.")  # says not what from
    assert later_drop(units, 1, words) is None
