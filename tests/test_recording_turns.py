"""Whisper's segments to speaker turns: a recorded call reads like the same call typed out."""

from __future__ import annotations

import pytest

from milepost.models import Transcript
from milepost.pipeline.audio.recording import speaker_turns
from milepost.pipeline.audio.transcriber import Segment
from milepost.pipeline.extract import steps
from milepost.pipeline.extract.commitment_features import dialogue_acts
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.options import Options


def seg(start: float, end: float, text: str, speaker: str | None = "SPEAKER_1") -> Segment:
    return Segment(start, end, text, speaker)


def spans(segments: list[Segment], gap: float | None = 2.0) -> list[tuple]:
    return [(t.speaker, t.start, t.end, t.text) for t in speaker_turns(segments, gap)]


def test_one_speakers_consecutive_segments_are_one_turn() -> None:
    segments = [
        seg(0.0, 1.5, "Thanks for joining."),
        seg(1.7, 4.0, "I pulled the usage numbers."),
        seg(4.5, 5.0, "Okay.", "SPEAKER_2"),
        seg(5.2, 7.0, "I'll send the guide by Friday.", "SPEAKER_1"),
        seg(7.1, 9.0, "Great, thanks.", "SPEAKER_2"),
        seg(9.5, 11.0, "Talk soon.", "SPEAKER_2"),
    ]
    assert spans(segments) == [
        ("SPEAKER_1", 0.0, 4.0, "Thanks for joining. I pulled the usage numbers."),
        ("SPEAKER_2", 4.5, 5.0, "Okay."),
        ("SPEAKER_1", 5.2, 7.0, "I'll send the guide by Friday."),
        ("SPEAKER_2", 7.1, 11.0, "Great, thanks. Talk soon."),
    ]


def test_a_long_silence_parts_one_speakers_turn() -> None:
    segments = [
        seg(0.0, 1.0, "Let me check."),
        seg(1.2, 2.0, "Yes.", "SPEAKER_2"),
        seg(4.0, 5.0, "Found it."),  # 2.0 s after SPEAKER_2, not after SPEAKER_1: no silence
        seg(7.0, 8.0, "It was the Dayton export."),  # 2.0 s of silence: a new turn
        seg(8.5, 9.0, "Right.", "SPEAKER_2"),
    ]
    assert spans(segments) == [
        ("SPEAKER_1", 0.0, 1.0, "Let me check."),
        ("SPEAKER_2", 1.2, 2.0, "Yes."),
        ("SPEAKER_1", 4.0, 5.0, "Found it."),
        ("SPEAKER_1", 7.0, 8.0, "It was the Dayton export."),
        ("SPEAKER_2", 8.5, 9.0, "Right."),
    ]
    assert [t[3] for t in spans(segments, None)][2] == "Found it. It was the Dayton export."


@pytest.mark.parametrize("label", ["SPEAKER_1", None])
def test_one_label_for_everyone_joins_pieces_into_sentences_not_one_turn(label) -> None:  # type: ignore[no-untyped-def]
    """Without diarization every piece has one label: joining runs would make one turn."""
    segments = [
        seg(0.0, 2.0, "So the plan is that we", label),
        seg(2.3, 4.0, "roll it out in March.", label),
        seg(4.2, 4.6, "Okay.", label),
        seg(4.8, 6.0, "And the night shift", label),
        seg(8.5, 9.5, "needs training first.", label),  # a 2.5 s pause parts it anyway
    ]
    assert spans(segments) == [
        (label, 0.0, 4.0, "So the plan is that we roll it out in March."),
        (label, 4.2, 4.6, "Okay."),
        (label, 4.8, 6.0, "And the night shift"),
        (label, 8.5, 9.5, "needs training first."),
    ]


# A customer call as Whisper gives it: sentence-sized segments, speakers SPEAKER_n.
BLOCK = [
    ("SPEAKER_1", ["Great.", "Thanks for the numbers.", "Forty of the sixty drivers logged in."]),
    ("SPEAKER_2", ["Okay.", "That is good.", "The night shift never got the training."]),
    ("SPEAKER_1", ["Right.", "I'll set up a recorded session and send you the link by Friday."]),
    ("SPEAKER_2", ["Perfect.", "Thank you.", "I'll ask Marco to book thirty minutes for it."]),
]


def call(blocks: int) -> list[Segment]:
    out, clock = [], 0.0
    for _ in range(blocks):
        for speaker, sentences in BLOCK:
            for text in sentences:
                out.append(seg(clock, clock + len(text) / 15, text, speaker))
                clock += len(text) / 15 + 0.3
    return out


def meeting(analyzer, segments: list[Segment], merged: bool) -> Meeting:  # type: ignore[no-untyped-def]
    turns = speaker_turns(segments) if merged else speaker_turns(segments, -1.0)
    transcript = Transcript(source="call.wav", input_format="audio", turns=turns)
    return Meeting(transcript=transcript, docs=list(analyzer.nlp.pipe(t.text for t in turns)))


def test_a_recorded_call_goes_to_the_customer_call_extractor(analyzer) -> None:  # type: ignore[no-untyped-def]
    segments = call(16)
    pieces = meeting(analyzer, segments, merged=False)  # a negative gap: one turn per segment
    assert len(pieces.docs) == len(segments) == 176 and dialogue_acts(pieces)
    turns = meeting(analyzer, segments, merged=True)
    assert len(turns.docs) == 64 and not dialogue_acts(turns)
    found = steps.find(turns)
    assert found and all(s.found_by.startswith("cue+linear:") for s in found)
    assert {s.evidence for s in found} >= {
        "I'll set up a recorded session and send you the link by Friday."
    }


def test_a_call_heard_as_one_voice_is_read_as_unnamed_speech(analyzer) -> None:  # type: ignore[no-untyped-def]
    """--speakers 1, or a diarization that heard one voice: every sentence has one label.
    Read as one named speaker, most turns are short and the AMI act model took the call, and
    every step had that speaker's one side; unnamed, as an undiarized recording's pieces."""
    segments = [seg(s.start, s.end, s.text, "SPEAKER_1") for s in call(16)]
    turns = speaker_turns(segments)
    transcript = Transcript(source="call.wav", input_format="audio", turns=turns)
    analysis = analyzer.analyze(transcript)
    found = {s.evidence: s for s in analysis.next_steps}
    assert len(found) >= 2
    assert all(s.found_by.startswith("cue+linear:") for s in found.values())
    assert found["I'll set up a recorded session and send you the link by Friday."].side == "vendor"
    assert {t.speaker for t in analysis.turns} == {"SPEAKER_1"}  # the label is still shown
    named = analyzer.analyze(transcript, Options(vendor=["SPEAKER_1"]))  # the user placed it
    assert {s.side for s in named.next_steps} == {"vendor"}
