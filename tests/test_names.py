"""Speaker names learned from the talk: self-introductions and greetings that are no names."""

from __future__ import annotations

import re

import pytest

from milepost.models import Transcript, Turn
from milepost.pipeline.extract import names
from milepost.pipeline.extract.meeting import Meeting


def meeting(*turns: tuple[str, str]) -> Meeting:
    transcript = Transcript(
        source="t.txt", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in turns]
    )
    return Meeting(transcript=transcript, docs=[], roster={})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Jordan, thanks for joining. This is Maya from Brightline. How are things?", ["Maya"]),
        ("So, this is Fenna from our ops team, she runs the desks.", []),
        ("This is Fenna, she runs the desks.", []),
    ],
)
def test_this_is_a_name_from_a_company_is_the_speaker(text: str, name: list[str]) -> None:
    assert names.self_named(text) == name


def test_the_caller_who_says_this_is_maya_from_brightline_is_maya(analyzer) -> None:  # type: ignore[no-untyped-def]
    from dialogue import meeting as parsed

    m = parsed(
        analyzer,
        [
            (
                "SPEAKER_1",
                "Hi Jordan, thanks for joining. This is Maya from Brightline. How are things?",
            ),
            ("SPEAKER_2", "Good, busy. The new intake flow is live in two clinics."),
        ],
        roster=False,
    )
    assert names.learn(m)["SPEAKER_1"] == "Maya"


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Buongiorno, and good afternoon. Thank you for having me.", []),
        ("Bonjour, everyone. Sorry, the line is bad.", []),
        ("Beatriz, hi. Good to see you.", [("Beatriz", False)]),
        ("Kwame, could you send it?", [("Kwame", False)]),
    ],
)
def test_a_greeting_to_the_whole_call_is_no_name(text: str, called: list[tuple[str, bool]]) -> None:
    assert names.addressed(text) == called


def test_a_newcomers_greeting_is_not_the_next_speakers_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    from dialogue import meeting as parsed

    m = parsed(
        analyzer,
        [
            ("Speaker 1", "Hello, good afternoon, Hasegawa-san. Can you hear me all right?"),
            ("Speaker 2", "Yes, good afternoon. I hear you."),
            ("Speaker 1", "So, I have Laura with me today, she handles renewals."),
            ("Speaker 4", "Buongiorno, and good afternoon. Thank you for having me."),
            ("Speaker 2", "Please come and stay with us."),
        ],
        roster=False,
    )
    assert names.learn(m)["Speaker 2"] == "Hasegawa-san"


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("Yep, got you Maya. Hector's here with me.", [("Maya", True)]),
        ("Yep, we're here, Evan. Terrell's next to me.", [("Evan", True)]),
        ("Yes, Monday.", []),
    ],
)
def test_a_yes_that_names_whom_it_answers(text: str, called: list[tuple[str, bool]]) -> None:
    assert names.addressed(text) == called


def test_the_one_who_asked_can_you_hear_me_is_named_by_the_answer(analyzer) -> None:  # type: ignore[no-untyped-def]
    from dialogue import meeting as parsed

    m = parsed(
        analyzer,
        [
            ("SPEAKER_01", "Hi Gail, hi Hector. Can you hear me okay?"),
            ("SPEAKER_00", "Yep, got you Maya. Hector's here, we're in the service office."),
            ("SPEAKER_01", "Great. Let's start with the pilot numbers."),
        ],
        roster=False,
    )
    assert names.learn(m)["SPEAKER_01"] == "Maya"


def test_a_lower_case_caller_who_says_this_is_kofi_from_pic_path_is_kofi(analyzer) -> None:  # type: ignore[no-untyped-def]
    """ASR text has no capitals to tell a name: the self-introduction's slot does (xa_11)."""
    from dialogue import meeting as parsed

    m = parsed(
        analyzer,
        [
            ("SPEAKER_00", "ok hi brenda, this is kofi from pic path, can you hear me"),
            ("SPEAKER_01", "yeah we got you kofi. wes is here with me in the break room"),
            ("SPEAKER_02", "hi both, im shauna from routewell, and ive got felix on"),
        ],
        roster=False,
    )
    learned = names.learn(m)
    assert learned["SPEAKER_00"] == "Kofi"
    assert learned["SPEAKER_02"] == "Shauna"
    assert "SPEAKER_01" not in learned


@pytest.mark.parametrize(
    "texts",
    [
        # no place named after "from": where someone is coming from, not who they are
        ["yeah so just so you know where im coming from, our target is sixty days"],
        # not in the speaker's first turns, where people introduce themselves
        ["hi all", "sure", "its configured from day one, so nothing to set up"],
        # a written turn's capitals already tell its names
        ["This is kofi from Pic Path."],
    ],
)
def test_lower_case_words_that_are_no_self_introduction(texts: list[str]) -> None:
    turns = [Turn(speaker="SPEAKER_00", text=t) for t in texts]
    assert names.lowercase_names(turns) == {}


def test_a_name_here_after_a_greeting_sentence_is_the_speaker() -> None:
    assert names.self_named("Hi, everyone. Curtis here. Sorry, we had a detour.") == ["Curtis"]
    # someone else said to be here ("Aiko's here") is no self-introduction (t2, xm_02, xt_04)
    assert names.self_named("Sure. Aiko's here too, she runs billing.") == []


def test_proper_nouns_read_on_demand_answer_as_the_full_set(analyzer) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "Hi, this is Priya from Northwind, I'm with Acme's team.",
        "Acme, Acme and Acme again: Acme runs it. Jordan here, by the way.",
        "Great. Paris in May then? Sounds good, Priya.",
        "Will do. Thanks, Mark.",
    ]
    turns = [Turn(speaker=f"S{k % 2}", text=t) for k, t in enumerate(lines)]
    transcript = Transcript(source="t.txt", input_format="plain", turns=turns)
    full = names.proper_nouns([analyzer.nlp(t) for t in lines])
    docs = list(analyzer.nlp.pipe(lines, disable=["ner"]))
    m = Meeting(transcript, docs, ner=analyzer.find_entities)
    lazy = names.ProperNouns(m)
    assert ("Mark" in lazy) == ("Mark" in full)
    assert [m.has_entities(k) for k in range(len(lines))] == [False, False, False, True]
    words = {w for t in lines for w in re.findall(r"[A-Z][a-z]+", t)} | {"Nobody", "priya"}
    assert full and all((w in lazy) == (w in full) for w in words)
    assert "Zed" in lazy | {"Zed"} and "Priya" in lazy | {"Zed"}


def test_a_word_that_only_opens_a_sentence_before_a_comma_is_no_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    """'Understood, ...' and 'Hola, ...' are tagged proper nouns where every word has a capital;
    that tag says nothing there, so they name no speaker (xm, xr, xs, ya, yc, ye: 'Understood';
    ye_15 'Hola'; yc_15 'Hei'), while a name said elsewhere too still does ("Thabo's on too")."""
    from dialogue import meeting as parsed

    m = parsed(
        analyzer,
        [
            ("Speaker 1", "So that's the plan for the saleyards. Any questions?"),
            ("Speaker 2", "Understood, saleyards only for now."),
            ("Speaker 3", "I'll send the list of PICs by Friday."),
            ("Speaker 1", "Hola, good morning."),
            ("Speaker 2", "Good morning. Thabo's on too, he ran the technical review."),
            ("Speaker 3", "Thabo, one more thing on the review, can you send the report?"),
            ("Speaker 4", "Yes, I'll send it tomorrow."),
        ],
        roster=False,
    )
    proper = names.ProperNouns(m)
    assert "Understood" not in proper and "Hola" not in proper and "Thabo" in proper
    assert names.proper_nouns(m.docs) & {"Understood", "Hola", "Thabo"} == {"Thabo"}
    learned = names.learn(m)
    assert "Understood" not in learned.values() and "Hola" not in learned.values()
