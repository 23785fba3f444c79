"""Commitments changed by the next words: offers the other side accepts, steps handed over.

The classifier scores one sentence with a little context; these are dialogue rules it
has too few examples to learn from cs_train, written as data-driven checks:
- an offer ("if it helps, I can set up a sandbox", "want me to send the deck?", "I'm happy
  to come on site Tuesday") is a step once someone else accepts it ("yes please"); unaccepted
  or declined, it is not;
- a request its addressee says yes to and takes on ("Kit, can you put together a one-pager
  for the board?" "Yep, I'll do that after the weekend.") is a step, however it scored;
- "I'll send the deck. Actually scratch that, Ben will do it." is Ben's step: the
  withdrawal moves the step to the person named, it does not cancel it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from milepost.pipeline.extract import commitment_model
from milepost.pipeline.extract.commitment import (
    REQUEST_CUES,
    Candidate,
    contains,
    lexicon,
    starts_with,
)
from milepost.pipeline.extract.steps_action import action_phrase
from milepost.pipeline.extract.steps_due import find_due, time_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from milepost.pipeline.extract.meeting import Meeting

OFFER_CUES = frozenset({"I_CAN", "WE_CAN", "I_HAPPY", "I_WILL", "WE_WILL", "LET_ME"})
OFFER = "OFFER"
# Families that are offers as said ("I'm happy to ..."), with no condition needed.
PLAIN_OFFER_CUES = frozenset({"I_HAPPY"})
# Proposals that become a step once the other side says yes to them.
PROPOSAL_CUES = frozenset({"LETS", "SHALL_WE"})
# A promise in the answerer's own voice that takes a request on ("Yep, I'll block it.").
TAKE_ON_CUES = frozenset({"I_WILL", "I_GOING"})
# How many of the answer's first sentences may hold that promise ("Yes. I'll pick four ...").
TAKE_ON_SENTS = 2
# Families that promise in the speaker's own voice: only these can be handed to someone else.
COMMIT_CUES = frozenset({"I_WILL", "I_GOING", "WE_WILL", "LET_ME", "I_CAN"})
# The day a meeting with no date is read from, only to ask whether a time names a day.
ANY_DATE = date(2000, 1, 3)
# An answer that says its speaker cannot, however it opens ('Sorry, I can't do Thursday.').
CANNOT = ["i can't", "i cannot", "we can't", "we cannot", "can't do", "cannot do"]


def accepted_offers(meeting: Meeting, cands: list[Candidate]) -> list[Candidate]:
    """Offers made in the meeting that the next speaker accepts, in meeting order."""
    lex = lexicon()
    offers = [c for c in cands if c.first_cue in OFFER_CUES and _offered(c)]
    firsts = {p.split()[0] for p in lex["offer_questions"]}
    for turn, doc in enumerate(meeting.docs):
        text = meeting.transcript.turns[turn].text.lower()
        if "?" in text and any(w in text for w in firsts):  # skip the turns that cannot match
            offers.extend(_offer_questions(turn, doc, lex["offer_questions"]))
    found = [c for c in offers if _accepted(meeting, c, "offer_accepts") and not _in_meeting(c)]
    return sorted(found, key=lambda c: (c.turn, c.sent.start))


def accepted_proposals(meeting: Meeting, cands: list[Candidate]) -> list[Candidate]:
    """Another meeting proposed for a time and accepted ('Let's do this again Thursday?' 'Sure.').

    The guide's step is a thing asked and accepted; the scorer weighs one sentence's wording,
    so a plain "works for me" after it is made explicit here. A question must be about
    meeting again: other joint questions answered yes in cs_train are as often goals agreed
    ("let's make that the target?"), which the scorer already tells apart. A joint doing put
    on a day as a statement ("Let's meet on March third." "I'll be there.") is one too,
    labelled joint on the proposal's words (sets xo, xt, xv): its maker may go on ("I'll
    have Felix there."), not ask something else.
    """
    asks = REQUEST_CUES | PROPOSAL_CUES
    asking = {(c.turn, c.sent.start) for c in cands if c.first_cue in asks}
    found = []
    for cand in cands:
        if cand.first_cue not in PROPOSAL_CUES:
            continue
        if cand.text.rstrip().endswith("?"):
            when = time_phrase(cand.text)
            if when and _meets_again(cand, when) and _time_accepted(meeting, cand, False):
                found.append(cand)
            continue
        asks_more = any(t == cand.turn and k > cand.sent.start for t, k in asking)
        if _put_on_a_day(meeting, cand) and _time_accepted(meeting, cand, not asks_more):
            found.append(cand)
    return found


def puts_a_time(meeting: Meeting, cand: Candidate) -> bool:
    """A joint proposal that puts something on a day or time, the kind accepted_proposals
    reads the answer to: 'Then let's pencil the desk training for Thursday.', 'Shall we
    regroup Tuesday?'."""
    if cand.first_cue not in PROPOSAL_CUES:
        return False
    if cand.text.rstrip().endswith("?"):
        return time_phrase(cand.text) is not None
    return _put_on_a_day(meeting, cand)


def proposal_left(meeting: Meeting, cand: Candidate) -> bool:
    """True for a joint proposal nobody takes up: the meeting ends on it, or the next
    speaker answers only with a question of their own that names no time ('Can I ask about
    pricing first?', not 'The 20th is a Monday?') or says they cannot ('Sorry, I can't do
    Thursday.'). Other answers, and a proposal its maker speaks on after, stay as scored;
    the question that closes the turn and puts the day ('Let's do a site visit. How's the
    sixth?', read with the proposal by _put_on_a_day) is the proposal still."""
    doc = meeting.docs[cand.turn]
    if cand.sent.end < len(doc) and not _closing_question(doc, cand):
        return False  # its maker spoke on: the answer may be to that
    if cand.turn == len(meeting.docs) - 1:
        return True
    nxt = meeting.next_other(cand.turn)
    if nxt is None or not len(meeting.docs[nxt]):
        return False
    sents = [sent.text.strip() for sent in meeting.docs[nxt].sents if sent.text.strip()]
    if not sents:
        return False
    if all(sent.endswith("?") for sent in sents) and not any(map(time_phrase, sents)):
        return True
    return contains(sents[0], CANNOT) is not None


def _closing_question(doc: Doc, cand: Candidate) -> bool:
    """The candidate's sentence is followed only by a question that ends its turn."""
    closing = doc[cand.sent.end].sent
    return closing.end == len(doc) and closing.text.rstrip().endswith("?")


def _put_on_a_day(meeting: Meeting, cand: Candidate) -> bool:
    """'Let's do the training on the eighteenth', 'Let's do a site visit. How's November
    sixth?': a day the due reader dates after 'let's' (or in the question that closes the
    turn), not 'let's not decide today', 'we're not turning it on this quarter, let's get
    the core working', 'let's come back to it once the readers are in', or a target to
    meet ('let's get it signed by the fifteenth')."""
    doc = cand.sent.doc
    after = doc[cand.cue_end].lower_ if cand.cue_end < cand.sent.end else ""
    said = meeting.span_text(cand.turn, cand.cue_end, cand.sent.end)
    if after in ("not", "n't") or contains(said, lexicon()["deadline_words"]):
        return False
    if cand.sent.end < len(doc) and _closing_question(doc, cand):
        said += " " + doc[cand.sent.end].sent.text
    return find_due(said, meeting.date or ANY_DATE)[1] is not None  # a day, not 'once it's in'


def _time_accepted(meeting: Meeting, cand: Candidate, going_on: bool) -> bool:
    """A yes to a time proposed, or an answer that takes the time: 'I'll be there.',
    'November sixth works.', 'Morning's good.' (lexicon time_accepts, time_fits).
    going_on: the answer may come after its maker's further sentences."""
    first = _answer(meeting, cand, going_on)
    if first is None:
        return False
    lex = lexicon()
    said = first.lower().replace("\u2019", "'").strip(" .!,")
    if starts_with(said, lex["offer_accepts"] + lex["time_accepts"]):
        return True
    return said.endswith(tuple(lex["time_fits"]))


def accepted_requests(meeting: Meeting, cands: list[Candidate], accept: float) -> list[Candidate]:
    """A question asking someone to do a thing, answered yes with a promise to do it.

    "Wren, can you block it in the rota so everyone's on?" "Yep, I'll block it." The guide's
    step is the request (the answer only says yes); the scorer weighs the request's own
    wording, and scored such requests low in the meetings it had not seen. The answer must
    open with a yes (lexicon request_accepts) and promise in its own voice in its first
    TAKE_ON_SENTS sentences: "I can make it." to "can you make it?" or "Yes, I'll see." is no
    yes.
    The asker may add to the question, not ask another. A promise in the answer that the
    scorer keeps on its own ("Happy to. I'll write them in your voice ... I'll send the draft
    case study with the draft quotes by next Friday.") already is the step, in the words that
    say what will be done.
    """
    promises = promises_by_turn(cands)
    found = []
    for cand in cands:
        if request_taken(meeting, cand, promises) is not True:
            continue
        said = promises.get(meeting.next_other(cand.turn) or 0, [])
        if all(p.score < accept for p in said):
            found.append(cand)
    return found


def promises_by_turn(
    cands: list[Candidate], cues: frozenset[str] = TAKE_ON_CUES
) -> dict[int, list[Candidate]]:
    """The candidates that take something on in the speaker's own voice (cues), by turn,
    an offer with something said after its cue ('I can do that', not 'I can.')."""
    promises: dict[int, list[Candidate]] = {}
    for cand in cands:
        rest = cand.sent.doc[cand.cue_end : cand.sent.end]
        said = cand.first_cue not in ("I_CAN", "WE_CAN") or any(t.is_alpha for t in rest)
        if cand.first_cue in cues and said:
            promises.setdefault(cand.turn, []).append(cand)
    return promises


def request_taken(
    meeting: Meeting, cand: Candidate, promises: dict[int, list[Candidate]]
) -> bool | None:
    """For a question asking someone to do a thing: True when the next speaker says yes and
    promises in their own voice in the first TAKE_ON_SENTS sentences (accepted_requests);
    False when those sentences promise nothing and either hold a promise that is none ('Yes,
    I'll see. It depends on the audit.') or say it is done already, with no time ('Yep. It's
    in the board pack already.'); None otherwise (the scorer decides): any other answer, no
    answer, a question about the call, or one the asker followed with another question."""
    if cand.first_cue not in REQUEST_CUES or not cand.text.rstrip().endswith("?"):
        return None
    if _perceiving(cand):
        return None  # "Can you hear me okay?" "Yes, hi. Hang on, I'll shut the door."
    doc = meeting.docs[cand.turn]
    if "?" in meeting.span_text(cand.turn, cand.sent.end, len(doc)):
        return None  # the asker asked something else after it: the answer is to that
    nxt = meeting.next_other(cand.turn)
    if nxt is None or not len(meeting.docs[nxt]):
        return None
    lex = lexicon()
    sents = list(meeting.docs[nxt].sents)[:TAKE_ON_SENTS]
    said = [p for p in promises.get(nxt, []) if p.sent.start < sents[-1].end]
    if any(_promises(p) for p in said):
        yes = starts_with(sents[0].text, lex["request_accepts"])
        return True if yes and not contains(sents[0].text, lex["offer_declines"]) else None
    if said:
        return False  # 'I'll see', 'I'll think about it': a promise of nothing
    if any(time_phrase(sent.text) for sent in sents):
        return None  # 'Yes, by Friday.': the answer takes it on for a time
    words = {t.lower_ for sent in sents for t in sent}
    return False if "already" in words else None


def _perceiving(cand: Candidate) -> bool:
    """'Can you hear me?', 'can you see my screen?': asks about the call, not for a step."""
    doc = cand.sent.doc
    verb = doc[cand.cue_end] if cand.cue_end < cand.sent.end else None
    return verb is not None and verb.lower_ in lexicon()["perception_verbs"]


def _promises(cand: Candidate) -> bool:
    """'I'll block it', not 'I'll see' or a figure of speech ('I'll be honest')."""
    lex = lexicon()
    return contains(cand.text, lex["not_commitments"] + lex["non_promises"]) is None


def _meets_again(cand: Candidate, when: str) -> bool:
    """True when the action is another meeting ('meet', 'regroup', 'do this again')."""
    action = action_phrase(cand, when).lower()
    lex = lexicon()
    return starts_with(action, lex["meeting_proposals"] + lex["meeting_again"])


def _offered(cand: Candidate) -> bool:
    """'I'm happy to ...' is an offer as said; 'I can ...' is one with its condition.

    The family's bare 'will do' / 'can do' offers nothing said in the speaker's own voice:
    'Will do.' answers a request, 'they can do it between customers' describes others.
    """
    plain = cand.first_cue in PLAIN_OFFER_CUES and cand.sent.doc[cand.cue_start].lower_ == "i"
    return plain or _conditional_offer(cand)


def _conditional_offer(cand: Candidate) -> bool:
    """'If it helps, I can ...': the condition stands alone, it is not 'tell me if you want X'."""
    low = cand.text.lower().replace("\u2019", "'")
    for phrase in lexicon()["offer_conditions"]:
        at = low.find(phrase)
        while at != -1:
            rest = low[at + len(phrase) :].lstrip()
            alone = not rest or not rest[0].isalnum() or rest.split()[0] in ("i", "we")
            if alone and (at == 0 or not low[at - 1].isalnum()):
                return True
            at = low.find(phrase, at + 1)
    return False


def _offer_questions(turn: int, doc: Doc, phrases: list[str]) -> list[Candidate]:
    """'Want me to send the deck over?': the offer is the speaker's, the verb follows it."""
    out: list[Candidate] = []
    lowered = [t.lower_ for t in doc]
    for phrase in phrases:
        words = phrase.split()
        starts = [i for i, w in enumerate(lowered) if w == words[0]]
        for i in starts:
            if lowered[i : i + len(words)] != words:
                continue
            sent = doc[i].sent
            if sent.text.rstrip().endswith("?") and all(c.sent != sent for c in out):
                out.append(Candidate(turn, sent, [OFFER], cue_start=i, cue_end=i + len(words)))
    return out


def _in_meeting(offer: Candidate) -> bool:
    """'Should I share my screen?' with no time said: done in the call, not a next step."""
    if time_phrase(offer.text) is not None:
        return False
    action = action_phrase(offer, None).lower()
    phrases = lexicon()["in_meeting_actions"]
    return starts_with(action, phrases) or contains(action, phrases) is not None


def _accepted(meeting: Meeting, offer: Candidate, accepts: str) -> bool:
    """True when the next turn, by someone else, opens by saying yes (lexicon[accepts])."""
    first = _answer(meeting, offer)
    return first is not None and starts_with(first, lexicon()[accepts])


def _answer(meeting: Meeting, cand: Candidate, going_on: bool = False) -> str | None:
    """The first sentence of the next turn by someone else, when it answers cand and declines
    nothing (lexicon offer_declines); None when cand's maker spoke on after it (the next turn
    answers something else), unless going_on allows that."""
    nxt = meeting.next_other(cand.turn)
    if nxt is None or not len(meeting.docs[nxt]):
        return None
    if cand.sent.end < len(meeting.docs[cand.turn]) and not going_on:
        return None
    first = next(iter(meeting.docs[nxt].sents)).text
    return None if contains(first, lexicon()["offer_declines"]) else first


def handed_over(meeting: Meeting, cand: Candidate) -> Candidate | None:
    """'..., Ben will do it.' after a withdrawn commitment: the span naming the new owner."""
    if cand.first_cue not in COMMIT_CUES or cand.text.rstrip().endswith("?"):
        return None
    doc = meeting.docs[cand.turn]
    end = doc[cand.sent.end].sent.end if cand.sent.end < len(doc) else cand.sent.end
    lex = lexicon()
    for tok in doc[cand.cue_end : end - 1]:
        if tok.pos_ != "PROPN" or doc[tok.i + 1].lower_ not in lex["handover_modals"]:
            continue
        if not contains(doc[cand.cue_end : tok.i].text, lex["withdrawals"]):
            continue
        if _pro_form(doc[tok.i + 2 : tok.sent.end]):
            span = doc[tok.i : tok.sent.end]
            return Candidate(cand.turn, span, ["NAME_WILL"], cue_start=tok.i, cue_end=tok.i + 2)
    return None


def _pro_form(rest: Span) -> bool:
    """'do it', 'take that instead': a verb standing in for the withdrawn one, no new object."""
    words = []
    for tok in rest:  # up to the end of its clause: "Ben will do it, he owns the account"
        if tok.is_punct:
            break
        words.append(tok)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    return has_verb and len(words) <= 5 and not any(t.pos_ in ("NOUN", "PROPN") for t in words)


def score_as_said(cand: Candidate) -> float:
    """The model's score for the commitment as first said, before it was handed over."""
    kept = {k: v for k, v in cand.features.items() if "withdraw" not in k}
    return commitment_model.commitment().score(kept)
