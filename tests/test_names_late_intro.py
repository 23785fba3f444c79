"""A speaker names themself in their first turns ('Hi, it's Rhian from Teifi Valley'); later,
'it's X' answers a question ('Which telematics do you use?' 'It's Webfleet.'), so it is no
self-introduction (names.SELF_INTRO_TURNS)."""

from __future__ import annotations

from milepost.models import Transcript, Turn
from milepost.pipeline.extract import names
from milepost.pipeline.extract.meeting import Meeting


def meeting(*turns: tuple[str, str]) -> Meeting:
    transcript = Transcript(
        source="t.txt", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in turns]
    )
    return Meeting(transcript=transcript, docs=[], roster={})


def test_it_is_a_product_late_in_the_call_names_no_speaker() -> None:
    m = meeting(
        ("SPEAKER_00", "Morning."),
        ("SPEAKER_01", "Morning, thanks for making the time."),
        ("SPEAKER_00", "No problem, the tankers are out anyway."),
        ("SPEAKER_01", "How many tankers have trackers today?"),
        ("SPEAKER_00", "All of them."),
        ("SPEAKER_01", "And which system?"),
        ("SPEAKER_00", "All of them. It's Webfleet."),
    )
    assert "SPEAKER_00" not in names.learn(m)


def test_it_is_a_name_in_a_first_turn_still_names_the_speaker() -> None:
    m = meeting(
        ("SPEAKER_00", "Morning."),
        ("SPEAKER_01", "Hi, it's Rhian from Teifi Valley, thanks for making the time."),
    )
    assert names.learn(m)["SPEAKER_01"] == "Rhian"
