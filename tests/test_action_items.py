"""Action items in dialogue-act transcripts: every act scored, assignments at the end found."""

from __future__ import annotations

import json

import numpy as np
import pytest

from milepost.models import NextStep, Transcript, Turn
from milepost.pipeline.extract import action_items, steps
from milepost.pipeline.extract.commitment import candidates
from milepost.pipeline.extract.commitment_features import dialogue_acts
from milepost.pipeline.extract.meeting import Meeting

# Small talk in dialogue-act pieces (a few words per turn), as AMI segments a meeting.
CHAT = [
    ("A", "I like the yellow one."),
    ("B", "Yeah."),
    ("C", "That's funny."),
    ("A", "Um."),
    ("B", "It looks a bit like a banana."),
    ("C", "Mm-hmm."),
    ("D", "I think so too."),
    ("A", "Right."),
    ("B", "The buttons are quite small."),
    ("C", "Okay."),
    ("D", "Uh, I had one like that at home."),
    ("A", "Yeah, yeah."),
]
WRAP_UP = [
    ("A", "Okay, so for the next meeting,"),
    ("A", "you're gonna be doing the product evaluation,"),
    ("A", "and you'll work on the interface design."),
    ("A", "Okay, thanks everyone."),
    ("B", "Thanks."),
]


@pytest.fixture(scope="module")
def parse(analyzer):  # type: ignore[no-untyped-def]
    """A Meeting from (speaker, text) dialogue acts."""

    def run(lines: list[tuple[str, str]]) -> Meeting:
        transcript = Transcript(
            source="t", input_format="plain", turns=[Turn(speaker=s, text=t) for s, t in lines]
        )
        return Meeting(transcript=transcript, docs=list(analyzer.nlp.pipe(t for _, t in lines)))

    return run


def test_assignments_at_the_end_of_a_meeting_are_found(parse) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10 + WRAP_UP)
    assert dialogue_acts(meeting)
    found: list[NextStep] = steps.find(meeting)
    assert [s.evidence for s in found] == [
        "Okay, so for the next meeting,",
        "you're gonna be doing the product evaluation,",
        "and you'll work on the interface design.",
    ]
    assert [s.action for s in found[1:]] == [
        "doing the product evaluation",
        "work on the interface design",
    ]
    assert [s.found_by for s in found] == [
        "dialogue-act+linear:ACT",
        "dialogue-act+linear:YOU_WILL",
        "dialogue-act+linear:YOU_WILL",
    ]
    assert {s.speaker for s in found} == {"A"}
    assert all(action_items.model().threshold <= s.confidence <= 1.0 for s in found)


def test_small_talk_has_no_action_items(parse) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10)
    assert dialogue_acts(meeting)
    assert steps.find(meeting) == []
    scores = action_items.probabilities(
        action_items.features(meeting, candidates(meeting)), action_items.model()
    )
    assert scores.max() < action_items.model().threshold


def test_a_short_exchange_still_goes_through_the_cue_model(parse) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT + WRAP_UP)
    assert not dialogue_acts(meeting)
    assert all(s.found_by.startswith("cue+linear:") for s in steps.find(meeting))


def test_features_place_speaker_and_context(parse) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10 + WRAP_UP)
    feats = action_items.features(meeting, candidates(meeting))
    last_assignment = feats[122]
    assert last_assignment["pos:9"] == 1.0
    assert last_assignment["tail:<25"] == 1.0
    assert last_assignment["rank:0"] == 1.0  # A says the most words
    assert last_assignment["run:<8"] == 1.0  # A's run of four acts
    assert last_assignment["prev_same"] == last_assignment["next_same"] == 1.0
    assert last_assignment["cf:YOU_WILL"] == 1.0
    assert last_assignment["cpph:next_time"] == 1.0  # "next meeting" two acts before
    assert last_assignment["cpcf:YOU_WILL"] == 1.0  # "you're gonna" the act before
    assert last_assignment["w:interface"] == 1.0
    assert not any(k.startswith(("cp:", "cn:", "cs:")) for k in last_assignment)  # no words
    first = feats[0]
    assert (first["pos:0"], first["tail:<200"]) == (1.0, 1.0)
    assert "prev_same" not in first


def test_the_chair_is_who_names_the_meeting_not_who_talks_most(parse) -> None:  # type: ignore[no-untyped-def]
    talk = [("B", "I had one like that at home, it was yellow and the buttons were small.")] * 3
    chaired = [("A", "Okay, this meeting is about the remote."), ("B", "Okay.")]
    meeting = parse(talk + chaired + WRAP_UP)
    feats = action_items.features(meeting, candidates(meeting))
    assert feats[0]["rank:0"] == 1.0  # B says the most words
    assert [f.get("chair", 0.0) for f in feats] == [0, 0, 0, 1, 0, 1, 1, 1, 1, 0]
    nobody = parse(talk + [("A", "Okay.")])  # nobody names the meeting: who talks most chairs
    chairs = [f.get("chair", 0.0) for f in action_items.features(nobody, candidates(nobody))]
    assert chairs == [1, 1, 1, 0]


def test_context_columns_read_neighbours_and_the_meetings_best() -> None:
    speakers = ["A", "A", "B", "A", "B", "B", "A"]
    scores = np.array([0.5, 0.9, 0.2, 0.1, 0.5, 0.5, 0.5])
    cols = action_items.context_columns(speakers, scores)
    logit = np.log(scores / (1 - scores))
    assert cols["own"] == pytest.approx(logit)
    floor = action_items.FLOOR
    # Best of the same speaker's acts within 3 on each side, the act itself left out.
    assert cols["same_speaker_near"] == pytest.approx(
        [logit[1], logit[0], logit[4], logit[1], logit[5], logit[4], logit[3]]
    )
    assert cols["same_speaker_near"][2] > floor
    assert cols["anyone_near"] == pytest.approx([logit[1], logit[0]] + [logit[1]] * 5)
    assert cols["below_best"] == pytest.approx(logit - logit[1])
    assert cols["below_top"] == pytest.approx(logit - logit[0])  # 5th best: one of the 0.5s
    lone = action_items.context_columns(["A"], np.array([0.3]))
    assert lone["same_speaker_near"].tolist() == lone["anyone_near"].tolist() == [floor]
    assert lone["below_best"].tolist() == lone["below_top"].tolist() == [0.0]


def test_an_act_that_stands_out_in_its_meeting_counts(parse) -> None:  # type: ignore[no-untyped-def]
    meeting = parse([("A", "one"), ("B", "two"), ("A", "three")])
    relative = {"bias": 0.0, "below_best": 1.0}
    out = action_items.in_context(meeting, np.array([0.01, 0.02, 0.04]), relative)
    assert out[2] == pytest.approx(0.5)  # the meeting's best act, however low
    assert out[0] < out[1] < out[2]


def test_an_act_without_content_words_is_never_a_step(parse, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10 + WRAP_UP)
    everything = action_items.ActModel({}, 0.0, 0.0, {"bias": 0.0})
    monkeypatch.setattr(action_items, "model", lambda: everything)
    found = action_items.find(meeting, candidates(meeting))
    texts = {s.evidence for s in found}
    assert "you're gonna be doing the product evaluation," in texts
    assert "It looks a bit like a banana." in texts
    assert texts.isdisjoint(
        {"Yeah.", "Um.", "Mm-hmm.", "Okay.", "Right.", "Yeah, yeah.", "Thanks."}
    )
    assert "Okay, thanks everyone." not in texts  # "thanks" is a backchannel, "everyone" a pronoun
    assert len(found) == 6 * 10 + 3  # every other act with a noun, verb, adjective or number


def test_shipped_model_is_small_and_chosen_on_train() -> None:
    from importlib import resources

    path = resources.files("milepost.pipeline").joinpath(action_items.MODEL_FILE)
    data = json.loads(path.read_text("utf-8"))
    assert len(path.read_bytes()) < 1_000_000
    assert "AMI train only" in data["_about"]
    assert 0.0 < data["threshold"] < 1.0
    assert set(data["context"]) == {"bias", *action_items.context_columns(["A"], np.zeros(1))}
    assert not any(k.startswith(("role", "meeting")) for k in data["weights"])


def test_readable_actions_drop_hesitations_and_leading_links() -> None:
    assert action_items.readable("Um and uh marketing executive,") == "marketing executive"
    assert action_items.readable("Okay, so for the next meeting,") == "for the next meeting"
    assert action_items.readable("receive uh t uh you will do some trend watching") == (
        "receive t you will do some trend watching"
    )
    assert action_items.readable("work on the interface design") == "work on the interface design"
    assert action_items.readable("and") == "and"  # nothing would be left: keep what was said


def test_an_assignment_fragment_reads_as_its_task(parse, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10 + [("A", "Um and uh marketing executive,")])
    everything = action_items.ActModel({}, 0.0, 0.0, {"bias": 0.0})
    monkeypatch.setattr(action_items, "model", lambda: everything)
    last = action_items.find(meeting, candidates(meeting))[-1]
    assert (last.evidence, last.action) == ("Um and uh marketing executive,", "marketing executive")


def test_shipped_weights_name_only_families_that_still_fire() -> None:
    """A renamed or dropped cue family or phrase would silently lose its learned weight."""
    from milepost.pipeline.extract.commitment import matcher

    step_families = set(matcher().labels)
    phrase_families = action_items.cues()
    phrases = {p for family in phrase_families.values() for p in family}
    named_cf, named_ph, named_phrase = set(), set(), set()
    for key in action_items.model().weights:
        if "cf:" in key:
            named_cf.add(key.split("cf:", 1)[1])
        elif "ph:" in key:
            named_ph.add(key.split("ph:", 1)[1])
        elif key.startswith("ph="):
            named_phrase.add(key[3:])
    assert named_cf and named_cf <= step_families
    assert named_ph and named_ph <= set(phrase_families)
    assert named_phrase and named_phrase <= phrases


# A customer call in whole speaker turns, a quarter of them backchannels (cs_train's longest
# calls have up to 27% turns of six tokens or fewer).
CALL = [
    ("Dana Ruiz", "Thanks for making the time today, I know quarter end is busy for your team."),
    (
        "Raj Patel",
        "No problem, we wanted to go through the rollout numbers before our steering call.",
    ),
    ("Dana Ruiz", "So far forty of the sixty dispatchers have logged in at least once this month."),
    ("Raj Patel", "Okay, good."),
    ("Dana Ruiz", "The ones who have not are mostly on the night shift at the Dayton depot."),
    ("Raj Patel", "That makes sense, they never got the training session we ran in March."),
    ("Dana Ruiz", "I'll set up a recorded session for them and send you the link by Friday."),
    ("Raj Patel", "Perfect, thank you."),
    ("Dana Ruiz", "And could you ask the depot manager to block out thirty minutes for it?"),
    ("Raj Patel", "Yes, I'll talk to Marco about it tomorrow morning before the shift change."),
    ("Dana Ruiz", "Great."),
    (
        "Raj Patel",
        "One more thing, the export to our billing system still drops the fuel surcharge.",
    ),
]


def _srt(lines: list[tuple[str, str]], named: bool, words: int = 7) -> str:
    """Captions cut every few words, as caption exports do, with or without 'Name: ' prefixes."""
    cues, start = [], 0.0
    for speaker, text in lines:
        said = text.split()
        for k in range(0, len(said), words):
            piece = " ".join(said[k : k + words])
            stamp = f"00:{int(start) // 60:02d}:{int(start) % 60:02d},000"
            end = f"00:{int(start + 2) // 60:02d}:{int(start + 2) % 60:02d},000"
            cues.append(
                f"{len(cues) + 1}\n{stamp} --> {end}\n{speaker + ': ' if named else ''}{piece}\n"
            )
            start += 2
    return "\n".join(cues)


def _read(analyzer, text: str) -> Meeting:  # type: ignore[no-untyped-def]
    from milepost.pipeline.formats import srt

    transcript = srt.parse(text, "call.srt")
    return Meeting(
        transcript=transcript, docs=list(analyzer.nlp.pipe(t.text for t in transcript.turns))
    )


@pytest.mark.parametrize("named", [True, False])
def test_a_call_cut_into_short_caption_cues_goes_through_the_cue_model(analyzer, named) -> None:  # type: ignore[no-untyped-def]
    meeting = _read(analyzer, _srt(CALL * 6, named))
    assert len(meeting.docs) >= 60
    assert not dialogue_acts(meeting)
    found = steps.find(meeting)
    assert found and all(s.found_by.startswith(("cue+linear", "offer+accepted")) for s in found)


def test_ami_like_talk_read_from_captions_is_still_read_as_dialogue_acts(analyzer) -> None:  # type: ignore[no-untyped-def]
    """A file joins one speaker's acts into runs; the many short turns stay, and the run is
    cut back into the cues it was joined from: the same steps as the acts given one a turn."""
    names = {"A": "Anna", "B": "Ben", "C": "Carla", "D": "Dev"}
    acts = [(names[s], text) for s, text in CHAT * 10 + WRAP_UP]
    meeting = _read(analyzer, _srt(acts, named=True, words=40))
    assert len(meeting.docs) < len(acts)  # runs of one speaker joined
    assert dialogue_acts(meeting)
    found = steps.find(meeting)
    # each act, not Anna's whole run ("Yeah, yeah. Okay, so ... Okay, thanks everyone.")
    assert [(s.speaker, s.evidence, s.action) for s in found] == [
        ("Anna", "Okay, so for the next meeting,", "for the next meeting"),
        ("Anna", "you're gonna be doing the product evaluation,", "doing the product evaluation"),
        ("Anna", "and you'll work on the interface design.", "work on the interface design"),
    ]


def test_dialogue_acts_are_told_by_their_short_turns_not_their_mean_length(parse) -> None:  # type: ignore[no-untyped-def]
    """Long acts raise the mean turn length past a call's; the backchannels between them stay."""
    said = (
        "and then the remote control would need a much bigger battery compartment at the back,"
        " because the current one only lasts about two weeks with the screen on"
    )
    acts = [(s, said) if k in (0, 4, 6, 8, 10) else (s, t) for k, (s, t) in enumerate(CHAT)]
    meeting = parse(acts * 6)
    assert sum(len(d) for d in meeting.docs) / len(meeting.docs) > 12
    assert dialogue_acts(meeting)


@pytest.mark.parametrize(("short", "routed"), [(20, True), (19, False)])
def test_a_third_of_short_turns_makes_dialogue_acts(parse, short, routed) -> None:  # type: ignore[no-untyped-def]
    said = ("A", "We looked at the usage report with the whole team on Monday.")
    meeting = parse([("B", "Okay.")] * short + [said] * (60 - short))
    assert dialogue_acts(meeting) is routed


def test_pieces_with_no_speaker_are_no_dialogue_acts(parse) -> None:  # type: ignore[no-untyped-def]
    """An undiarized recording's sentence segments are short but have no speakers; acts do."""
    said = "We looked at the usage report with the whole team on Monday."
    assert dialogue_acts(parse([("B", "Okay.")] * 30 + [("A", said)] * 30))
    assert not dialogue_acts(parse([(None, "Okay.")] * 30 + [(None, said)] * 30))


def test_too_few_turns_say_nothing_about_segmentation(parse) -> None:  # type: ignore[no-untyped-def]
    assert not dialogue_acts(parse([("B", "Okay.")] * 59))


def test_speaker_runs_are_cut_into_sentences_as_acts(parse) -> None:  # type: ignore[no-untyped-def]
    acts = parse([("A", "Okay."), ("A", "So you'll draw it."), ("B", "Sure.")])
    assert action_items.as_acts(acts) is acts  # one speaker's acts in a row: acts already
    runs = parse([("A", "Okay. So you'll draw it."), ("B", "Sure. I will.")])
    split = action_items.as_acts(runs)
    assert [(t.speaker, t.text.strip()) for t in split.transcript.turns] == [
        ("A", "Okay."),
        ("A", "So you'll draw it."),
        ("B", "Sure."),
        ("B", "I will."),
    ]
    assert [d.text for d in split.docs] == [t.text for t in split.transcript.turns]
    assert split.docs[1][1].pos_ == "PRON"  # the parse travels with the sentence ("you")


def test_a_cueless_act_whose_verb_is_a_copula_keeps_its_own_words(parse, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting = parse(CHAT * 10 + [("A", "Um the User Interface Designer, that's for.")])
    everything = action_items.ActModel({}, 0.0, 0.0, {"bias": 0.0})
    monkeypatch.setattr(action_items, "model", lambda: everything)
    last = action_items.find(meeting, candidates(meeting))[-1]
    assert last.action == "the User Interface Designer, that's for."  # not "'s"
    assert last.found_by == "dialogue-act+linear:ACT"


def _bench():  # type: ignore[no-untyped-def]
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_ami.py"
    spec = importlib.util.spec_from_file_location("bench_ami", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_as_file_finds_acts_half_inside_a_steps_evidence_in_their_turn() -> None:
    from types import SimpleNamespace

    rows = [
        {"role": "PM", "text": "Okay, so for the next meeting,"},
        {"role": "PM", "text": "you're gonna draw it."},
        {"role": "ID", "text": "Okay."},
        {"role": "PM", "text": "Thanks."},
    ]
    said = [("PM", "Okay, so for the next meeting, you're gonna draw it."), ("ID", "Okay.")]
    turns = [Turn(speaker=s, text=t) for s, t in [*said, ("PM", "Thanks.")]]
    transcript = Transcript(source="t", input_format="plain", turns=turns)
    covered = _bench().covered_acts

    def step(speaker: str, evidence: str) -> SimpleNamespace:
        return SimpleNamespace(speaker=speaker, evidence=evidence)

    assert covered(rows, transcript, [step("PM", said[0][1])]) == {0, 1}
    assert covered(rows, transcript, [step("PM", "you're gonna draw it.")]) == {1}
    assert covered(rows, transcript, [step("ID", "Okay.")]) == {2}  # not the PM's "Okay,"
    assert covered(rows, transcript, [step("PM", "for the next")]) == set()  # under half
    assert covered(rows, transcript, [step("PM", "the next meeting")]) == {0}  # over half


def test_a_run_read_from_lines_is_cut_at_each_line_as_acts(analyzer) -> None:  # type: ignore[no-untyped-def]
    """A file with one act a line ("ROLE: text", as bench_ami.py --as-file writes AMI) is read
    as speaker runs; the acts are its lines (and their sentences), not the run's sentences
    alone: "Okay, so for the next meeting," and "you're gonna draw it." parse as one."""
    from milepost.pipeline import formats

    text = "PM: Okay, so for the next meeting,\nPM: you're gonna draw it.\nID: Okay. Sure.\n"
    transcript = formats.parse(text, "call.txt")
    docs = list(analyzer.nlp.pipe(t.text for t in transcript.turns))
    split = action_items.as_acts(Meeting(transcript=transcript, docs=docs))
    assert [(t.speaker, t.text.strip()) for t in split.transcript.turns] == [
        ("PM", "Okay, so for the next meeting,"),
        ("PM", "you're gonna draw it."),
        ("ID", "Okay."),
        ("ID", "Sure."),
    ]
    assert [d.text for d in split.docs] == [t.text for t in split.transcript.turns]


def test_a_recordings_turns_are_cut_at_segments_and_sentences_as_acts(analyzer) -> None:  # type: ignore[no-untyped-def]
    """A recording's turns join Whisper's segments but are parted after 2 s of one speaker's
    silence, so one speaker's turns can follow each other: they are still cut into acts (at
    the segments and, segments not being acts, their sentences), not scored as whole runs."""
    from milepost.pipeline.audio.recording import speaker_turns
    from milepost.pipeline.audio.transcriber import Segment

    segments = [
        Segment(0.0, 2.0, "Okay, so for the next meeting,", "SPEAKER_1"),
        Segment(2.2, 5.0, "you're gonna draw it. Mike does the buttons.", "SPEAKER_1"),
        Segment(5.2, 5.6, "Okay.", "SPEAKER_2"),
        Segment(8.0, 9.0, "Any questions?", "SPEAKER_2"),  # after 2.4 s of silence: parted
    ]
    turns = speaker_turns(segments)
    assert [t.speaker for t in turns] == ["SPEAKER_1", "SPEAKER_2", "SPEAKER_2"]
    transcript = Transcript(source="m.wav", input_format="audio", turns=turns)
    docs = list(analyzer.nlp.pipe(t.text for t in turns))
    split = action_items.as_acts(Meeting(transcript=transcript, docs=docs))
    assert [(t.speaker, t.text.strip()) for t in split.transcript.turns] == [
        ("SPEAKER_1", "Okay, so for the next meeting,"),
        ("SPEAKER_1", "you're gonna draw it."),
        ("SPEAKER_1", "Mike does the buttons."),
        ("SPEAKER_2", "Okay."),
        ("SPEAKER_2", "Any questions?"),
    ]
    assert [d.text for d in split.docs] == [t.text for t in split.transcript.turns]


def test_bench_reads_a_meeting_as_a_recording_gives_it() -> None:
    """bench_ami.py --recorded: one speaker's acts under a second apart join into a segment up
    to the given length; a speaker silent for 2 s goes on in a turn of their own."""
    rows = [
        {"role": "PM", "start": 0.0, "end": 1.5, "text": "Okay, so for the next meeting,"},
        {"role": "PM", "start": 1.8, "end": 3.0, "text": "you're gonna draw it."},
        {"role": "PM", "start": 3.2, "end": 5.0, "text": "And the buttons."},  # over 4 s
        {"role": "ID", "start": 5.1, "end": 5.4, "text": "Okay."},
        {"role": "ID", "start": 8.0, "end": 9.0, "text": "Sure."},  # 2.6 s of silence
    ]
    transcript = _bench().as_recording("m", rows, 4.0)
    assert transcript.input_format == "audio"
    assert [(t.speaker, t.text, t.joins()) for t in transcript.turns] == [
        ("PM", "Okay, so for the next meeting, you're gonna draw it. And the buttons.", (10,)),
        ("ID", "Okay.", ()),
        ("ID", "Sure.", ()),
    ]
