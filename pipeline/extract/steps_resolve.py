"""Who owns a next step, which side it falls on, what the action is and when it is due."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from milepost.models import NextStep
from milepost.pipeline.extract import commitment_model, names
from milepost.pipeline.extract.commitment import JOINT_CUES, REQUEST_CUES, Candidate, contains
from milepost.pipeline.extract.commitment import lexicon as _lexicon
from milepost.pipeline.extract.steps_action import action_head, action_phrase
from milepost.pipeline.extract.steps_due import find_due, time_phrase

RECIPIENT_DEPS = frozenset({"dative", "dobj", "pobj", "poss"})
# A joint question takes its day from the reply only when the reply opens with it.
JOINT_REPLY_WORDS = 8
# "We'll send you the export": the speaker's side, no one person (guide: owner null).
WE_CUES = frozenset({"WE_WILL", "WE_CAN", "WE_NEED"})
# The owner key of a request whose addressee is not known ("ask:12", by its turn).
ASKED = "ask:"
SUGGEST, OWN_PROMISE = "I_SUGGEST", "I_WILL"
# The customer signs its order; the vendor only sends it.
SIGNING = frozenset({"sign", "countersign"})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from milepost.models.analysis import StepSide
    from milepost.pipeline.extract.meeting import Meeting


@dataclass
class Resolved:
    """The contract fields of a step, and the key that says which commitment it is."""

    side: StepSide
    owner: str | None
    owner_key: str
    """Speaker label, person's name or 'joint': two statements of one step share it."""
    action: str
    due_text: str | None
    due: str | None


def as_step(
    meeting: Meeting, cand: Candidate, res: Resolved, evidence: str, score: float, finder: str
) -> NextStep:
    """The contract item for a resolved candidate; `finder` names the model that kept it."""
    return NextStep(
        action=res.action,
        side=res.side,
        owner=res.owner,
        due=res.due,
        due_text=res.due_text,
        speaker=meeting.transcript.turns[cand.turn].speaker,
        evidence=evidence.strip(),
        confidence=round(min(score, 1.0), 3),
        found_by=f"{finder}:{cand.first_cue}",
    )


def resolve(meeting: Meeting, cand: Candidate) -> Resolved:
    """Fill side, owner, action and due for an accepted candidate."""
    speaker = meeting.transcript.turns[cand.turn].speaker
    cue = _owner_cue(cand)
    if cue in JOINT_CUES or (cue == "WE_WILL" and _sounds_joint(cand)):
        side: StepSide = "joint"
        owner, key = None, "joint"
    elif cue in REQUEST_CUES:
        side, owner, key = _addressee(meeting, cand, speaker)
    elif cue == "NAME_WILL":
        side, owner, key = _named(meeting, cand, speaker)
    else:
        side = _speaker_side(meeting, cand, speaker)
        owner = meeting.owner_name(speaker) if cue not in WE_CUES else None
        anonymous = owner is not None and names.is_anonymous(owner)
        if (anonymous or owner is None and speaker is None) and cue not in WE_CUES:
            owner = recapped_owner(meeting, cand) or owner  # 'SPEAKER_01' is no one's name
        key = speaker or side
    due_text, due = due_of(meeting, cand)
    return Resolved(side, owner, key, action_phrase(cand, due_text), due_text, due)


def recapped_owner(meeting: Meeting, cand: Candidate) -> str | None:
    """Who the call's own recap says does this step, where the transcript does not say who
    speaks: 'I'll check that we integrate with your geo tab account ...' and later 'Chris checks
    the geo tab connection and lets you know tomorrow.' A later sentence whose subject is a
    person's name, with the step's verb in the present ('checks') and words of its object (two,
    where the step names two), names the owner; the one sharing most words, the first on a tie."""
    verb = action_head(cand)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    wanted = _object_words(cand.sent, verb)
    need = min(2, len(wanted))
    best: tuple[int, Token] | None = None
    for turn in range(cand.turn, len(meeting.docs)):
        for tok in meeting.docs[turn]:
            if (turn == cand.turn and tok.i < cand.sent.end) or tok.tag_ != "VBZ":
                continue
            if tok.lemma_.lower() != lemma:
                continue
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
            if len(subj) != 1 or subj[0].i > tok.i:
                continue
            shared = len(wanted & _object_words(tok.sent, tok))
            if need and shared >= need and (best is None or shared > best[0]):
                best = (shared, subj[0])
    if best is None:
        return None
    said = best[1].text  # a lower-case (ASR) transcript has no capital to tell a name by
    return _name_said(best[1]) if said.islower() or said in names.ProperNouns(meeting) else None


def _object_words(sent: Span, verb: Token) -> set[str]:
    """The nouns said after the verb in its own clause ('the geo tab connection')."""
    return {
        t.lemma_.lower()
        for t in verb.subtree
        if t.i > verb.i and t.i < sent.end and t.pos_ in ("NOUN", "PROPN") and t.dep_ != "npadvmod"
    }


def _name_said(tok: Token) -> str:
    """A name as said, capitalised ('Min-ji' for 'min-ji', which the tokenizer splits)."""
    doc, start = tok.doc, tok.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if doc[start - 2].whitespace_:
            break
        start -= 2
    text = doc[start : tok.i + 1].text
    return text[:1].upper() + text[1:]


def _owner_cue(cand: Candidate) -> str:
    """The cue that decides ownership: a request or 'let's' beats an 'I'll' in passing, but
    what the speaker suggests is their own promise when it is one ('So what I'd suggest is,
    I'll send you a short deck ...')."""
    if cand.cues and cand.cues[0] == SUGGEST and OWN_PROMISE in cand.cues:
        return OWN_PROMISE
    for group in (JOINT_CUES, REQUEST_CUES):
        for cue in cand.cues:
            if cue in group and cand.cues.index(cue) == 0:
                return cue
    return cand.first_cue


def _sounds_joint(cand: Candidate) -> bool:
    return contains(cand.text, _lexicon()["we_joint"]) is not None


def _speaker_side(meeting: Meeting, cand: Candidate, speaker: str | None) -> StepSide:
    side = meeting.side_of(speaker)
    if side != "unknown":
        return side
    if _signs(cand):
        return "customer"
    return _side_from_words(cand.text)


def _signs(cand: Candidate) -> bool:
    """'Then I'll sign it before the 23rd': who signs the order is the customer, whatever
    else the words say (not 'sign you up', which the vendor does)."""
    verb = action_head(cand)
    if verb is None or verb.lemma_.lower() not in SIGNING:
        return False
    return not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _side_from_words(text: str) -> StepSide:
    """Vendor or customer from the wording alone ("send you the quote" vs "send you our export")."""
    words = [w.strip(".,?!").lower() for w in text.split()]
    feats = {f"w:{w}": 1.0 for w in words}
    feats.update({f"b:{a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    vendor = commitment_model.side().score(feats)
    return "vendor" if vendor >= commitment_model.thresholds()["vendor_side"] else "customer"


def _addressee(
    meeting: Meeting, cand: Candidate, speaker: str | None
) -> tuple[StepSide, str | None, str]:
    """The person asked: a name said in the request, else whoever answers next."""
    turns = meeting.transcript.turns
    named = _vocative(meeting, cand)
    said = None if named is not None else said_addressee(meeting, cand)
    target = named
    if target is None and cand.turn + 1 < len(turns):
        nxt = turns[cand.turn + 1].speaker
        target = nxt if nxt != speaker else None
    if target is not None and target in meeting.sides:
        side = meeting.side_of(target)
        if side != "unknown":
            return side, _as_said(meeting.owner_name(target), said), target
    own = meeting.side_of(speaker)
    side_: StepSide = {"vendor": "customer", "customer": "vendor"}.get(own, "customer")  # type: ignore[assignment]
    owner = _as_said(meeting.owner_name(target) if target else None, said)
    return side_, owner, target or f"{ASKED}{cand.turn}"


def _as_said(shown: str | None, said: str | None) -> str | None:
    """The owner of a request: the answering speaker's name where the transcript gives one
    ('Hyun-woo Park' for 'Hyun-woo, can you ...'), else the name the request was addressed to
    (for a diarizer label or a transcript without speakers)."""
    if shown is not None and not names.is_anonymous(shown):
        return shown
    return said or shown


def said_addressee(meeting: Meeting, cand: Candidate) -> str | None:
    """The name a request is addressed to, as said ("Janelle, could you send me the list?",
    "... this week, Shauna?"), where no speaker goes by it: the person asked owns the step
    (guide: owner as said) whether or not the transcript names who speaks. The name is read
    where names.addressed reads one, at the sentence's edges, and only a word the meeting reads
    as a proper noun counts."""
    text = cand.sent.text.strip()
    lowered = names.lowercase_names(meeting.transcript.turns) if text.islower() else {}
    proper = names.ProperNouns(meeting) | set(lowered.values())
    called = names.addressed(names.recased(text, lowered), proper)
    return called[0][0] if called else _lower_vocative(cand)


def _lower_vocative(cand: Candidate) -> str | None:
    """'and silvana, can you send me ...', 'and for that, ollie could you ...': an ASR
    transcript without capitals still sets the person asked off at the front of the request,
    one word the tagger reads as a proper noun, opening the sentence or a clause and followed by
    the comma or the request itself."""
    doc = cand.sent.doc
    for tok in doc[cand.sent.start : cand.cue_start]:
        if not (tok.is_lower and tok.is_alpha and tok.pos_ == "PROPN") or tok.is_stop:
            continue
        if tok.lower_ in names.vocab().not_names:
            continue
        prev = doc[tok.i - 1] if tok.i > cand.sent.start else None
        nxt = doc[tok.i + 1]
        opens = prev is None or prev.text == "," or prev.pos_ in ("CCONJ", "INTJ", "ADV")
        if opens and (nxt.text == "," or nxt.i == cand.cue_start):
            return tok.text.capitalize()
    return None


def _vocative(meeting: Meeting, cand: Candidate) -> str | None:
    """A speaker whose (first) name is said in the request sentence."""
    names = {}
    for label in meeting.transcript.speakers:
        shown = meeting.owner_name(label) or label
        names[shown.split()[0].lower()] = label
    for tok in cand.sent:  # "Seun, can you send Elena the list?": Seun is asked, not Elena
        named = tok.lower_ in names and tok.dep_ not in RECIPIENT_DEPS
        if named and (tok.i < cand.cue_start or (tok.pos_ == "PROPN" and _closes(tok))):
            return names[tok.lower_]
    return None


def _closes(tok: Token) -> bool:
    """'..., Shauna?': a name after the request is said to someone only where it ends the
    sentence after a comma; one inside it is someone talked about ('Could you get us your
    redlines by Tuesday, so Halima has time before the board?')."""
    doc, sent = tok.doc, tok.sent
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return False
    return all(t.is_punct for t in doc[tok.i + 1 : sent.end])


def _named(
    meeting: Meeting, cand: Candidate, speaker: str | None
) -> tuple[StepSide, str | None, str]:
    """'Priya will send it': owner Priya; her side when she is a speaker, else the speaker's."""
    name = _named_person(cand)
    for label in meeting.transcript.speakers:
        shown = meeting.owner_name(label) or label
        if name and shown.split()[0].lower() == name.lower():
            side = meeting.side_of(label)
            if side != "unknown":
                return side, shown, label
    return _speaker_side(meeting, cand, speaker), name, name or (speaker or "?")


def _named_person(cand: Candidate) -> str | None:
    """The name before 'will': 'Priya will', or set off by commas ('Our treasurer, Gus, will').

    'Marcus, my scheduler lead, will' puts the role between the commas: the name is before.
    """
    doc = cand.sent.doc
    before = doc[cand.sent.start : cand.cue_end]
    if doc[cand.cue_start].text == ",":  # an appositive cue: ", X, will" or ", our role, will"
        if cand.cue_end - cand.cue_start == 4:
            return doc[cand.cue_start + 1].text
        before = doc[cand.sent.start : cand.cue_start]
    name_tok = next((t for t in before if t.pos_ == "PROPN" and not _title(t)), None)
    return name_tok.text if name_tok is not None else None


def _title(tok: Token) -> bool:
    """'Dr.', 'Mr.', 'Prof.': an abbreviation before a name is no name ('Dr. Mokoena will')."""
    return tok.text.endswith(".") and len(tok.text) > 1


def due_of(meeting: Meeting, cand: Candidate) -> tuple[str | None, str | None]:
    """The time phrase in the sentence, else the rest of the turn, else the reply to a request.

    A phrase the spotting pattern (time.json, a scorer feature) misses still dates a step when
    due.py resolves it to a date ("in ten days", "by May 8"); an undated one ("once I have
    it") counts only where the pattern spots a time.
    """
    texts = [cand.text]
    doc = meeting.docs[cand.turn]
    if cand.sent.end < len(doc):
        nxt = doc[cand.sent.end].sent
        texts.append(meeting.span_text(cand.turn, nxt.start, nxt.end))
    if cand.turn + 1 < len(meeting.docs):
        reply = meeting.transcript.turns[cand.turn + 1].text  # doc.text joins every token
        if cand.first_cue in REQUEST_CUES:
            texts.append(reply[:200])
        elif cand.first_cue in JOINT_CUES and cand.text.rstrip().endswith("?"):
            # "Should we go through it together?" "Yes, let's do the ninth.": the answer's day
            texts.append(" ".join(reply.split()[:JOINT_REPLY_WORDS]))
    for text in texts:
        due_text, due = find_due(text, meeting.date)
        if due_text and (due or time_phrase(text) is not None):
            return due_text, due
    return None, None


def lexicon_hit(text: str, key: str) -> bool:
    return contains(text, _lexicon()[key]) is not None
