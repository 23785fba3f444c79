"""Next steps: commitments and accepted requests, with side, owner and due date.

Cue patterns propose sentences (commitment.py), a trained linear model scores them
(commitment_model.py), and this module keeps the likely ones, adds the dialogue rules the
model cannot learn from cs_train (accepted offers, handed-over steps: steps_revise.py),
lets a bare "yes, let's do the ninth" stand for the proposal it accepts, folds
restatements of the same commitment into one step, and resolves each into the contract
(steps_resolve.py) with pronoun objects named (steps_refer.py).
"""

from __future__ import annotations

import re

from milepost.models import NextStep
from milepost.pipeline.extract import action_items, commitment_model
from milepost.pipeline.extract import steps_revise as revise
from milepost.pipeline.extract.commitment import (
    JOINT_CUES,
    OWN_VOICE_CUES,
    REQUEST_CUES,
    Candidate,
    contains,
    lexicon,
    starts_with,
)
from milepost.pipeline.extract.commitment_features import (
    action_verb,
    dialogue_acts,
    scored_candidates,
)
from milepost.pipeline.extract.meeting import Meeting
from milepost.pipeline.extract.steps_due import time_phrase
from milepost.pipeline.extract.steps_refer import answered_proposal, refer
from milepost.pipeline.extract.steps_resolve import ASKED, Resolved, as_step, resolve

FOUND_BY = "cue+linear"
OFFER_FOUND_BY = "offer+accepted"
HANDOVER_FOUND_BY = "cue+linear+handover"
Kept = tuple[Candidate, Resolved, str]
# An offer restated by its maker this many turns later is still one commitment.
RESTATE_TURNS = 3
_WORD = re.compile(r"[a-z0-9]+")
# Cue families a reply can turn down: a request, or a proposal to do it together.
REFUSABLE_CUES = REQUEST_CUES | JOINT_CUES
# "she'll", "it'll": a reply in the third person speaks of the request, not for its speaker.
THIRD_PERSON_CUES = frozenset({"OTHER_WILL"})
# Cues in the answerer's own voice: what an answer to a request says in an unnamed turn.
REPLY_CUES = frozenset({"I_WILL", "I_GOING", "I_CAN", "I_HAPPY"})
# The owner key of a joint step: two joint steps for one day are one meeting, however worded.
JOINT_KEY = "joint"
# What makes "I'll", "we will" a promise after a condition put to the addressee.
PROMISE_MODALS = frozenset({"'ll", "\u2019ll", "will"})
# How far into an unnamed turn a yes to a request still runs: "yeah. sure. it won't be
# pretty. i'll have marco pull them."
UNNAMED_REPLY_SENTS = 5
# An answer that adds this many words to what was asked is the request's quote.
SAYS_MORE_WORDS = 2


def find(meeting: Meeting) -> list[NextStep]:
    """The meeting's next steps, one per commitment, in the order they were first made."""
    cands = scored_candidates(meeting)
    limits = commitment_model.thresholds()
    if dialogue_acts(meeting):  # every act is scored there, not only cue sentences
        return action_items.find(meeting, cands)
    cands = [_offer_on_condition(c) for c in cands]
    kept = _kept(meeting, cands, limits["accept"])
    promises = revise.promises_by_turn(cands, OWN_VOICE_CUES)
    kept = [k for k in kept if _taken_up(meeting, k[0], promises)]
    offers = revise.accepted_offers(meeting, cands) + revise.accepted_proposals(meeting, cands)
    offers += revise.accepted_requests(meeting, cands, limits["accept"])
    for offer in offers:
        res = resolve(meeting, offer)
        if all(c is not offer for c, _, _ in kept) and not _restated(offer, res, kept):
            offer.score = max(offer.score, limits["offer_accepted"])
            kept.append((offer, res, OFFER_FOUND_BY))
    proposals = sorted(
        [c for c in cands if c.first_cue in REQUEST_CUES | JOINT_CUES] + offers,
        key=lambda c: (c.turn, c.sent.start),
    )
    kept = [_as_proposed(meeting, k, proposals) for k in kept]
    kept.sort(key=lambda k: (k[0].turn, k[0].sent.start))
    finders = {id(c): f for c, _, f in kept}
    steps, replies = _one_per_commitment(meeting, [(c, r) for c, r, _ in kept])
    out = []
    for i, (cand, res) in enumerate(steps):
        finder = finders.get(id(cand), FOUND_BY)
        cand, res = refer(meeting, cand, res, proposals)
        if i in replies:
            res = _in_reply_words(meeting, res, replies[i], proposals)
        out.append(as_step(meeting, cand, res, cand.text, cand.score, finder))
    return out


def _offer_on_condition(cand: Candidate) -> Candidate:
    """'If you can send me January's export, I'll send you the rebuilt baseline by March
    fourth.': the speaker's own promise, on a condition the addressee answers as their own
    step ('I'll get you the January export today.'), not a request (sets xd, xf, xq).

    The candidate keeps its sentence and score; its cue moves to the promise, so it is
    resolved as the speaker's and no reply is folded into it.
    """
    doc = cand.sent.doc
    if cand.first_cue not in REQUEST_CUES or doc[cand.cue_start].lower_ != "if":
        return cand
    for tok in doc[cand.cue_end : cand.sent.end - 1]:
        if tok.lower_ in ("i", "we") and doc[tok.i + 1].lower_ in PROMISE_MODALS:
            cue = "I_WILL" if tok.lower_ == "i" else "WE_WILL"
            said = Candidate(cand.turn, cand.sent, [cue, *cand.cues], tok.i, tok.i + 2)
            said.features, said.score = cand.features, cand.score
            return said
    return cand


def _in_reply_words(
    meeting: Meeting, request: Resolved, reply: tuple[Candidate, Resolved], proposals: list
) -> Resolved:
    """'Can you pull the ticket history?' 'Sure, I'll filter it Monday.': the reply's verb.

    The addressee's reply says what they will do; its pronoun is named from the request.
    A pro-verb or a delivery verb ('do that', 'get it to you': the request's own words) or
    a thing left unnamed keeps the request's.
    """
    said = reply[1].action.lower().split()
    lex = lexicon()
    if not said or said[0] in lex["pro_verbs"] + lex["delivery_verbs"]:
        return request
    if not set(lex["object_pronouns"]) & set(said):
        return request
    _, res = refer(meeting, *reply, proposals)
    return _spelled_out(request, res) if _names_the_thing(res.action) else request


def _as_proposed(meeting: Meeting, kept: Kept, proposals: list[Candidate]) -> Kept:
    """A reply that only says yes ('let's do the ninth') stands for the proposal it accepts."""
    cand, res, finder = kept
    if finder != FOUND_BY:
        return kept
    answered = answered_proposal(meeting, cand, res, proposals)
    return kept if answered is None else (*answered, finder)


def _kept(meeting: Meeting, cands: list[Candidate], limit: float) -> list[Kept]:
    """Candidates the model accepts, less figures of speech; a handed-over step changes owner."""
    kept: list[Kept] = []
    by_sent = {(c.turn, c.sent.start): c for c in cands}
    for cand in cands:
        if _vetoed(meeting, cand):
            continue
        if not _withdrawn(meeting, cand, by_sent):
            if cand.score < limit and (_makes_sure(cand) or _delivers(cand)):
                cand.score = limit
            if cand.score >= limit:
                kept.append((cand, resolve(meeting, cand), FOUND_BY))
            continue
        handover = revise.handed_over(meeting, cand)
        if handover is not None:
            kept.append(_handed(meeting, cand, handover))
    return kept


def _taken_up(meeting: Meeting, cand: Candidate, promises: dict) -> bool:
    """A joint proposal that puts a thing on a day, or a question asking someone to do a
    thing, is no step when the answer plainly does not take it up, however its wording
    scored: the meeting ends on the proposal, the answer is only a question of its own or
    says its speaker cannot ('Sorry, I can't do Thursday.'), or a request is answered with a
    promise of nothing ('Yes, I'll see.') or as done already ('Yep. It's in the board pack
    already.'): steps_revise.proposal_left, request_taken. Anything else stays as scored:
    in the training meetings, joint proposals and requests over accept are labelled steps
    after almost any answer, even when their maker asks something more ('..., if that
    works?', 'Dominic, can you make that?') or the answer says more than a yes; of the 596
    (stop 23) the gate drops none, under the shipped fit or the all-set one."""
    if revise.puts_a_time(meeting, cand):
        return not revise.proposal_left(meeting, cand)
    return revise.request_taken(meeting, cand, promises) is not False


def _makes_sure(cand: Candidate) -> bool:
    """'I'll make sure Brenda's there.': a promise however short; all 12 such sentences in
    cs_train and data/train are labelled steps (two scored under accept: xx_07, yb_05)."""
    doc = cand.sent.doc
    said = [t.lower_ for t in doc[cand.cue_end : min(cand.cue_end + 2, cand.sent.end)]]
    return cand.first_cue in ("I_WILL", "WE_WILL") and said == ["make", "sure"]


def _delivers(cand: Candidate) -> bool:
    """'You'll have it Monday.', 'You'll have them by end of day.': the speaker hands the
    thing over by a time, a promise in the addressee's words. All 10 such sentences (a
    pronoun for the thing, a time named) in cs_train and data/train are labelled steps or
    restatements of one (t2, t3, t5, xc x2, xe, xi, xk, xy, ye); a restatement folds into
    the step it restates (_same)."""
    doc = cand.sent.doc
    said = [t.lower_ for t in doc[cand.cue_end : min(cand.cue_end + 2, cand.sent.end)]]
    if cand.first_cue != "YOU_WILL" or len(said) < 2 or said[0] not in ("have", "get"):
        return False
    return said[1] in lexicon()["object_pronouns"] and time_phrase(cand.text) is not None


def _handed(meeting: Meeting, cand: Candidate, handover: Candidate) -> Kept:
    """The withdrawn step as said, owned by the person it was handed to, quoting both."""
    res = resolve(meeting, cand)
    new = resolve(meeting, handover)
    doc = meeting.docs[cand.turn]
    both = Candidate(
        cand.turn, doc[cand.sent.start : handover.sent.end], cand.cues, cand.cue_start, cand.cue_end
    )
    limits = commitment_model.thresholds()
    both.features = cand.features
    both.score = max(revise.score_as_said(cand), limits["handed_over"])
    fields = Resolved(new.side, new.owner, new.owner_key, res.action, res.due_text, res.due)
    return both, fields, HANDOVER_FOUND_BY


def _restated(offer: Candidate, res: Resolved, kept: list[Kept]) -> bool:
    """An offer its maker then spells out as a commitment ('I'll set it up Friday') is that step.

    The spelled-out sentence is the clearer statement (it usually adds the due), so it is
    kept and the offer only lends it the thing it names (steps_refer.py).
    """
    overlap = commitment_model.thresholds()["same_step_overlap"]
    for cand, other, _ in kept:
        later = (cand.turn, cand.sent.start) > (offer.turn, offer.sent.start)
        if not later or cand.turn - offer.turn > RESTATE_TURNS or other.owner_key != res.owner_key:
            continue
        if cand.turn == offer.turn or not _content(other.action):
            return True
        if _content_overlap(other.action, res.action) >= overlap:
            return True
    return False


def _vetoed(meeting: Meeting, cand: Candidate) -> bool:
    """True for a figure of speech ("I'll be honest"), a description, or another step's purpose."""
    lex = lexicon()
    if contains(cand.text, lex["not_commitments"]) is not None or _refused(meeting, cand):
        return True
    if _empty_pledge(meeting, cand) or _perceives(meeting, cand):
        return True
    doc = meeting.docs[cand.turn]
    before = doc[cand.cue_start - 1].lower_ if cand.cue_start > 0 else ""
    if before in lex["relative_leads"]:  # "a session where we'll dive into ..." describes
        return True
    return before in lex["purpose_leads"] and doc[cand.cue_end - 1].lower_ in ("can", "could")


def _empty_pledge(meeting: Meeting, cand: Candidate) -> bool:
    """'Make it thirty percent by March and I'll own that one.': a goal taken on, no action."""
    rest = meeting.span_text(cand.turn, cand.cue_end, cand.sent.end).lower()
    return rest.strip(" .,!?—-") in lexicon()["empty_pledges"]


def _perceives(meeting: Meeting, cand: Candidate) -> bool:
    """'I can see four of them never opened it', 'I can imagine': perceiving, not offering."""
    if cand.first_cue != "I_CAN":
        return False
    doc = meeting.docs[cand.turn]
    verb = doc[cand.cue_end].lower_ if cand.cue_end < len(doc) else ""
    after = doc[cand.cue_end + 1].lower_ if cand.cue_end + 1 < len(doc) else ""
    return verb in lexicon()["perception_verbs"] and after not in ("if", "whether", "about")


def _refused(meeting: Meeting, cand: Candidate) -> bool:
    """True for a request or joint proposal the next speaker turns down ('No, sorry, we
    can't share that'; 'Shall we regroup Tuesday?' 'No, Tuesday is bad for us.')."""
    if cand.first_cue not in REFUSABLE_CUES:
        return False
    nxt = meeting.next_other(cand.turn)
    if nxt is None or cand.sent.end < len(meeting.docs[cand.turn]):
        return False  # the asker spoke on: the next turn answers something else
    lex = lexicon()
    reply = meeting.transcript.turns[nxt].text
    return starts_with(reply, lex["refuse_starts"]) and not starts_with(reply, lex["affirm_starts"])


def _withdrawn(
    meeting: Meeting, cand: Candidate, by_sent: dict[tuple[int, int], Candidate]
) -> bool:
    """True when the speaker takes the commitment back ("scratch that", "no wait").

    The next sentence's withdrawal counts up to its own offer or promise: after it, it takes
    back that sentence's own ("I'll send the quote. We could do a free month, but no, scratch
    that.").
    """
    doc = meeting.docs[cand.turn]
    end = doc[cand.sent.end - 1].sent.end  # a piece of a run-on sentence: to the sentence's end
    after = meeting.span_text(cand.turn, cand.cue_end, end)
    if end < len(doc):
        nxt = doc[end].sent
        own = by_sent.get((cand.turn, nxt.start))
        end = own.cue_start if own and own.first_cue in OWN_VOICE_CUES else nxt.end
        after += " " + meeting.span_text(cand.turn, nxt.start, end)
    return contains(after, lexicon()["withdrawals"]) is not None


def _one_per_commitment(
    meeting: Meeting, kept: list[tuple[Candidate, Resolved]]
) -> tuple[list[tuple[Candidate, Resolved]], dict[int, tuple[Candidate, Resolved]]]:
    """Drop restatements: the same owner's same action said again, or a reply to a request.

    Also returns, by step index, the addressee's reply to a request that names the thing
    only by pronoun ('Sure, I'll filter it Monday'), to be read with the request's object.
    """
    overlap = commitment_model.thresholds()["same_step_overlap"]
    out: list[tuple[Candidate, Resolved]] = []
    spelled: dict[int, Resolved] = {}  # a request's step in its addressee's own words
    replies: dict[int, tuple[Candidate, Resolved]] = {}
    for k, (cand, res) in enumerate(kept):
        last = out[-1] if k and out and out[-1][0] is kept[k - 1][0] else None
        if last is not None and _unnamed_reply(meeting, *last, cand, res, overlap):
            if _names_the_thing(res.action):  # the request, in its answerer's words
                spelled[len(out) - 1] = _spelled_out(last[1], res)
            continue
        if last is not None and _goes_on(*last, cand, res):
            continue
        twin = next(
            (i for i, (c, r) in enumerate(out) if _same(meeting, c, r, cand, res, overlap)), None
        )
        if twin is None:
            out.append((cand, res))
        elif _is_reply(out[twin][0], cand):
            if _names_the_pronoun(meeting, *out[twin], cand, res) or _says_more(
                meeting, out[twin][1], cand, res
            ):
                out[twin] = (cand, _spelled_out(out[twin][1], res))
            elif _names_the_thing(res.action) and twin not in spelled:
                spelled[twin] = _spelled_out(out[twin][1], res)
            elif res.owner_key == out[twin][1].owner_key and twin not in replies:
                replies[twin] = (cand, res)
        elif cand.score > out[twin][0].score and not _recaps(cand):
            first = out[twin][1]
            if not _content(res.action) and _content(first.action):  # "So I'll send it Friday."
                res = Resolved(
                    res.side, res.owner, res.owner_key, first.action, res.due_text, res.due
                )
            out[twin] = (cand, res)
        elif cand.score > out[twin][0].score and res.due_text and not out[twin][1].due_text:
            first = out[twin][1]  # a recap: the first statement stays, with the recap's day
            day = Resolved(
                first.side, first.owner, first.owner_key, first.action, res.due_text, res.due
            )
            out[twin] = (out[twin][0], day)
    steps = [(c, spelled.get(i, r)) for i, (c, r) in enumerate(out)]
    return steps, {i: reply for i, reply in replies.items() if i not in spelled}


def _recaps(cand: Candidate) -> bool:
    """Said in a recap ('So to recap, I'll send you the pricing on Friday.'): a restatement
    of a step already made, never its first or clearest statement, however it scores (0.997
    against the first's 0.996)."""
    return bool(cand.features.get("recap_ctx"))


def _goes_on(a: Candidate, ra: Resolved, b: Candidate, rb: Resolved) -> bool:
    """'I'll get the drivers scanning the cages starting Monday. I'll tell them at the Friday
    briefing.': the next sentence of the same promise, about the thing already named, adds
    to that step (its how, its condition, a change of day), as the labels have it (sets xc,
    xq, xw, xx, xy). Kept as first said, the clearer statement."""
    if b.turn != a.turn or b.sent.start != a.sent.end or rb.owner_key != ra.owner_key:
        return False
    promises = a.first_cue in OWN_VOICE_CUES and b.first_cue in OWN_VOICE_CUES
    return promises and not _names_the_thing(rb.action)


def _names_the_pronoun(
    meeting: Meeting, a: Candidate, request: Resolved, b: Candidate, rb: Resolved
) -> bool:
    """'Can you get that to us?' 'I'll send the carrier registration info tomorrow.' with no
    speaker names, and 'Aoife, could you?' 'Yeah, I'll brief the Saturday crew on the ID
    prompt.' by the one asked (xx_03): the answer says what will be done, so it is the step's
    evidence. A named request with its own verb ('Raj, could you get that to us?') is read by
    _says_more."""
    speaker = meeting.transcript.turns[b.turn].speaker
    asked = speaker == request.owner_key and action_verb(a) is None  # not 'get that to us'
    answerer = speaker is None or asked
    return answerer and b.first_cue in REPLY_CUES and _answer_names_it(a, request, rb)


def _says_more(meeting: Meeting, request: Resolved, b: Candidate, rb: Resolved) -> bool:
    """'Walt, could you send that over?' 'I'll get you the agency spend summary by clinic and
    month, you'll have it in two weeks.': the one asked answers in their own voice with what
    the request said (all but one of its words) and at least two words more, so the answer
    is the sentence that says what will be done, the guide's evidence for an accepted request
    (labelled so in xo_04, xw_05, ya_02). A request the answer only repeats, or answers with
    something else, keeps its quote."""
    speaker = meeting.transcript.turns[b.turn].speaker
    if speaker is None or speaker != request.owner_key or b.first_cue not in REPLY_CUES:
        return False
    asked, said = _content(request.action), _content(rb.action)
    return len(said - asked) >= SAYS_MORE_WORDS and len(asked - said) <= 1


def _answer_names_it(a: Candidate, request: Resolved, rb: Resolved) -> bool:
    """The request names nothing to do ('get that to us', 'could you?': no verb after its
    cue) and the answer does."""
    return _names_nothing(a, request) and _names_the_thing(rb.action)


def _names_nothing(a: Candidate, request: Resolved) -> bool:
    """The request names nothing to do: no content words in its action, or no verb after its
    cue ('get that to us', 'could you?')."""
    return not _content(request.action) or action_verb(a) is None


def _names_the_thing(action: str) -> bool:
    """True when the action has its own words and no 'it'/'that' standing in for them."""
    pronouns = set(lexicon()["object_pronouns"])
    return bool(_content(action)) and not pronouns & set(_WORD.findall(action.lower()))


def _spelled_out(request: Resolved, reply: Resolved) -> Resolved:
    """'Can you get that to us?' 'I'll send the registration info tomorrow.': the reply's words."""
    due_text, due = (
        (request.due_text, request.due) if request.due_text else (reply.due_text, reply.due)
    )
    return Resolved(request.side, request.owner, request.owner_key, reply.action, due_text, due)


def _same(
    meeting: Meeting, a: Candidate, ra: Resolved, b: Candidate, rb: Resolved, overlap: float
) -> bool:
    if _is_reply(a, b) and meeting.transcript.turns[b.turn].speaker == rb.owner_key == ra.owner_key:
        return True
    if _is_reply(a, b) and b.first_cue in THIRD_PERSON_CUES and not _names_the_thing(rb.action):
        return True  # "Mia's out today, but she'll see it": said of the request, for the one asked
    if _is_reply(a, b) and _unnamed_answer(meeting, a, ra, b, rb, overlap):
        return True
    if ra.owner_key != rb.owner_key:
        return False
    if ra.owner_key == JOINT_KEY and ra.due is not None and ra.due == rb.due:
        return True  # "How about next Thursday?" ... "we'll go through the sandbox Thursday."
    if not _content(rb.action) and (b.turn - a.turn <= 3 or _same_day(ra, rb)):
        return True  # "You'll have it tomorrow.", or "You'll have it Friday." of the Friday send
    if ra.due and rb.due and ra.due != rb.due:  # the case study today, its update next week
        return False
    return _content_overlap(ra.action, rb.action) >= overlap


def _same_day(ra: Resolved, rb: Resolved) -> bool:
    """Both promised for one dated day: a later promise that names nothing ('You'll have it
    Friday.') is the step already due then, however many turns on (cs_train, xy, ye)."""
    return ra.due is not None and ra.due == rb.due


def _is_reply(request: Candidate, answer: Candidate) -> bool:
    """True when answer comes in the turn or two after a request."""
    return request.first_cue in REQUEST_CUES and 0 < answer.turn - request.turn <= 2


def _unnamed_answer(
    meeting: Meeting, a: Candidate, request: Resolved, b: Candidate, rb: Resolved, overlap: float
) -> bool:
    """'Could you send us three jobs from last month?' 'Yep, I'll send three jobs over by
    Friday.' with no speaker names: the answer, on the side asked, is the request's step.

    A named speaker's answer is matched by name (_same); an unnamed one by the side and by
    doing the thing asked ('record a short video?' 'I'll record it next week').
    """
    if meeting.transcript.turns[b.turn].speaker is not None or b.first_cue not in REPLY_CUES:
        return False
    if not request.owner_key.startswith(ASKED):
        return False
    if _names_nothing(a, request):  # 'Can you get that to us?'
        return b.turn == a.turn + 1 and _names_the_thing(rb.action)
    return rb.side == request.side and _content_overlap(request.action, rb.action) >= overlap


def _unnamed_reply(
    meeting: Meeting, a: Candidate, ra: Resolved, b: Candidate, rb: Resolved, overlap: float
) -> bool:
    """'could you send us the list? yeah, i'll send you the list by friday.' in one unnamed turn.

    Without speaker labels a request and its answer often share a turn: the answer is the
    next step found after the request, soon after a yes, or doing the thing asked.
    """
    if a.first_cue not in REQUEST_CUES or b.turn != a.turn or b.first_cue not in REPLY_CUES:
        return False
    if meeting.transcript.turns[a.turn].speaker is not None or b.sent.start < a.sent.end:
        return False
    before = a.sent[: a.cue_start - a.sent.start]
    asked = {t.lower_ for t in before if t.text.istitle() and t.pos_ in ("PROPN", "NOUN")}
    if asked & {t.lower_ for t in b.sent}:  # "Brent, would you ...?" ... "I'll send Brent ..."
        return False
    doc = meeting.docs[a.turn]
    after = list(doc[a.sent.end : b.sent.end].sents)
    first = doc[a.sent.end : min(after[0].end, b.sent.end)]  # a run-on piece: from its start
    if len(after) <= UNNAMED_REPLY_SENTS and starts_with(first.text, lexicon()["affirm_starts"]):
        return True
    return _content_overlap(ra.action, rb.action) >= overlap


def _content(action: str) -> set[str]:
    """The action's words that say what is done (no pronouns, particles or light verbs)."""
    stop = set(lexicon()["action_stopwords"])
    return {w for w in _WORD.findall(action.lower()) if w not in stop}


def _content_overlap(a: str, b: str) -> float:
    wa, wb = _content(a), _content(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
