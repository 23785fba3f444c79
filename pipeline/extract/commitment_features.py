"""Features of a commitment candidate: its wording, its grammar and the replies around it.

The same function feeds training (scripts/train_steps.py) and run time, so what the
classifier learned is exactly what it sees.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from milepost.pipeline.extract import commitment_model
from milepost.pipeline.extract.commitment import (
    OWN_VOICE_CUES,
    Candidate,
    candidates,
    contains,
    lexicon,
    starts_with,
)
from milepost.pipeline.extract.commitment_model import thresholds
from milepost.pipeline.extract.steps_due import time_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from milepost.pipeline.extract.meeting import Meeting

LEXICAL = frozenset({"w:", "b:", "nw"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})


def action_verb(cand: Candidate) -> Token | None:
    """The verb the cue governs: the first verb after the cue inside the sentence."""
    doc = cand.sent.doc
    for tok in doc[cand.cue_end : cand.sent.end]:
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "MD" and tok.lower_ not in ("na", "to"):
            return tok
    return None


def scored_candidates(meeting: Meeting) -> list[Candidate]:
    """The meeting's cue sentences, described and scored by the step model."""
    cands = candidates(meeting, run_ons=not dialogue_acts(meeting))
    describe(meeting, cands)
    scorer = commitment_model.commitment()
    for cand in cands:
        cand.score = scorer.score(cand.features)
    return cands


def describe(meeting: Meeting, cands: list[Candidate]) -> None:
    """Fill each candidate's features in place."""
    n_turns = max(len(meeting.docs), 1)
    prefix = "S|" if dialogue_acts(meeting) else "L|"
    turns = _Turns(meeting)
    promises: dict[int, list[int]] = {}  # turn -> where its own-voice cues start
    for cand in cands:
        if cand.first_cue in OWN_VOICE_CUES:
            promises.setdefault(cand.turn, []).append(cand.cue_start)
    for cand in cands:
        f: dict[str, float] = {"bias": 1.0}
        _wording(cand, f)
        _grammar(cand, f)
        later = [i for i in promises.get(cand.turn, ()) if i >= cand.sent.end]
        _context(meeting, cand, f, turns, min(later, default=len(meeting.docs[cand.turn])))
        if n_turns >= 20:  # position only means something in a whole meeting
            f["pos_late"] = float(cand.turn / n_turns > 0.85)
            f["pos_early"] = float(cand.turn / n_turns < 0.1)
        _conjunctions(cand, f)
        kept = {k: v for k, v in f.items() if v}
        # Shared weights plus a copy per transcript granularity (feature augmentation):
        # dialogue-act-sized turns (AMI) and speaker turns phrase commitments differently.
        kept.update({prefix + k: v for k, v in list(kept.items()) if k[:2] not in LEXICAL})
        cand.features = kept


def dialogue_acts(meeting: Meeting) -> bool:
    """True for AMI-like talk: many turns of a few words ("Okay.", "The Industrial Designer,").

    Not the mean turn length: an AMI meeting read from a file has its acts joined into
    speaker runs (7-27 tokens a turn on AMI train), as long as a customer call's turns, but
    its short turns stay (a share of 0.41 or more; customer calls, even cut into short
    caption cues, 0.27 at most). thresholds.json's _dialogue_acts has the figures.
    """
    if not any(turn.speaker for turn in meeting.transcript.turns):
        return False  # acts have speakers; nameless pieces are an undiarized recording's segments
    limits = thresholds()
    n = len(meeting.docs)
    if n < limits["dialogue_act_min_turns"]:
        return False  # a short exchange says nothing about how the meeting is segmented
    short = sum(1 for d in meeting.docs if len(d) <= limits["dialogue_act_short_tokens"])
    return short / n >= limits["dialogue_act_short_share"]


def _conjunctions(cand: Candidate, f: dict[str, float]) -> None:
    """Cue family crossed with the signals that change its meaning most."""
    cue = cand.first_cue
    for key in (
        "due_sent",
        "due_turn",
        "due_next",
        "next_affirm",
        "next_refuse",
        "question",
        "joint",
        "neg_cue",
        "past",
        "cond",
        "hedge",
        "recap_ctx",
    ):
        if f.get(key):
            f[f"{cue}&{key}"] = 1.0


def _wording(cand: Candidate, f: dict[str, float]) -> None:
    sent = cand.sent
    for cue in cand.cues:
        f[f"cue:{cue}"] = 1.0
    f[f"first:{cand.first_cue}"] = 1.0
    words = [t.lower_ for t in sent if not t.is_punct and not t.is_space]
    for w in set(words):
        f[f"w:{w}"] = 1.0
    for a, b in zip(words, words[1:], strict=False):
        f[f"b:{a}_{b}"] = 1.0
    n = len(words)
    f["len<6" if n < 6 else "len<12" if n < 12 else "len<25" if n < 25 else "len>=25"] = 1.0
    lex = lexicon()
    text = cand.text
    f["hedge"] = float(contains(text, lex["hedges"]) is not None)
    f["joint"] = float(contains(text, lex["joint_markers"]) is not None)
    f["past_marker"] = float(contains(text, lex["past_markers"]) is not None)
    f["cond"] = float(starts_with(text, lex["conditional_starts"]) or " if " in f" {text.lower()}")
    f["question"] = float(text.rstrip().endswith("?"))
    f["due_sent"] = float(time_phrase(text) is not None)
    f["first_sent"] = float(sent.start == 0)


def _grammar(cand: Candidate, f: dict[str, float]) -> None:
    verb = action_verb(cand)
    if verb is None:
        f["no_verb"] = 1.0
    else:
        f[f"verb:{verb.lemma_.lower()}"] = 1.0
        f["verb_be"] = float(verb.lemma_ == "be")
        f["has_obj"] = float(
            any(c.dep_ in ("dobj", "dative", "prt", "ccomp") for c in verb.children)
        )
        f["neg_verb"] = float(any(c.dep_ == "neg" for c in verb.children))
    doc = cand.sent.doc
    window = doc[max(cand.sent.start, cand.cue_end - 3) : min(cand.sent.end, cand.cue_end + 2)]
    f["neg_cue"] = float(any(t.lower_ in NEG_WORDS for t in window))
    f["neg_any"] = float(any(t.dep_ == "neg" for t in cand.sent))
    f["past"] = float(_is_past(cand.sent))


def _is_past(sent: Span) -> bool:
    root = sent.root
    if root.tag_ not in ("VBD", "VBN"):
        return False
    return not any(c.tag_ == "MD" for c in root.children)


class _Turns:
    """What candidates read about whole turns, worked out once per turn of the meeting
    (a turn with several candidates, and the turns around them, are read by each)."""

    def __init__(self, meeting: Meeting) -> None:
        self.turns = meeting.transcript.turns
        self._due: dict[int, bool] = {}
        self._recap: dict[int, bool] = {}
        self._reply: dict[int, dict[str, float]] = {}

    def due(self, j: int) -> bool:
        """The turn names a time."""
        if j not in self._due:
            self._due[j] = time_phrase(self.turns[j].text) is not None
        return self._due[j]

    def recap(self, j: int) -> bool:
        """The turn recaps ("so to recap", "just to summarise")."""
        if j not in self._recap:
            self._recap[j] = bool(contains(self.turns[j].text, lexicon()["recap_markers"]))
        return self._recap[j]

    def reply(self, j: int) -> dict[str, float]:
        """Features of the turn as the reply to a candidate."""
        if j not in self._reply:
            lex = lexicon()
            text = self.turns[j].text
            f = {
                "next_affirm": float(starts_with(text, lex["affirm_starts"])),
                "next_refuse": float(starts_with(text, lex["refuse_starts"])),
                "next_withdraw": float(contains(text[:120], lex["withdrawals"]) is not None),
                "due_next": float(time_phrase(text[:200]) is not None),
            }
            first = text.split()[:1]
            if first:
                f[f"nw:{first[0].lower().strip(',.!?')}"] = 1.0
            self._reply[j] = f
        return self._reply[j]


def _context(
    meeting: Meeting, cand: Candidate, f: dict[str, float], turns: _Turns, until: int
) -> None:
    """Speaker, side, what follows in the turn (up to the next promise, `until`) and replies.

    A withdrawal after the turn's next offer or promise takes that one back, not this one
    ("Maeve will pull the templates. And I'll send the handbook, actually, no.").
    """
    lex = lexicon()
    speaker = turns.turns[cand.turn].speaker
    f["nospk"] = float(speaker is None)
    side = meeting.side_of(speaker)
    if side != "unknown":
        f[f"side:{side}"] = 1.0
    after = meeting.span_text(cand.turn, cand.sent.end, until)[:200]
    f["withdrawn"] = float(contains(after, lex["withdrawals"]) is not None)
    f["due_turn"] = float(not f.get("due_sent") and turns.due(cand.turn))
    recap = any(turns.recap(j) for j in range(cand.turn - 2, cand.turn + 1) if j >= 0)
    f["recap_ctx"] = float(recap)
    nxt = meeting.next_other(cand.turn)
    if nxt is not None:
        f.update(turns.reply(nxt))
    prev = cand.turn - 1
    if prev >= 0 and turns.turns[prev].speaker != speaker:
        ptext = turns.turns[prev].text.rstrip()
        f["prev_q"] = float(ptext.endswith("?"))
