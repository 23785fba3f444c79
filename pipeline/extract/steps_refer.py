"""What 'it', 'that' or 'those' in a step stand for, looked up where the thing was named.

"Can you send the SSO guide?" "Sure, I'll get it to you Friday." would read in a brief
as "get it to you". An object pronoun is resolved from the sentence before it in the
same turn, else from the request or offer the sentence answers: a verb of the same
family (send, get, forward ...) or a pro-verb ("do that") takes the earlier verb phrase
whole; any other verb keeps its own and takes the earlier object ("export it" ->
"export the user list"). Where no object was named the action stays as said: a wrong
referent would be worse than a vague one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from milepost.pipeline.extract.commitment import JOINT_CUES, REQUEST_CUES, Candidate, lexicon
from milepost.pipeline.extract.steps_action import action_tokens
from milepost.pipeline.extract.steps_clause import clause_action, clause_object
from milepost.pipeline.extract.steps_due import find_due, time_phrase
from milepost.pipeline.extract.steps_resolve import Resolved, due_of, resolve

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from milepost.pipeline.extract.meeting import Meeting

NP_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "appos"})
# What "let's do this again" means when both sides say it: another meeting like this one.
MEET_AGAIN = "meet again"
# A reply that only accepts comes first in its turn ('Yes. Let's do the ninth.').
ACCEPT_LEAD = 4


def refer(
    meeting: Meeting, cand: Candidate, res: Resolved, proposals: list[Candidate]
) -> tuple[Candidate, Resolved]:
    """The candidate and fields with an object pronoun resolved, when its referent is clear."""
    tokens = action_tokens(cand, res.due_text)
    pron = _pronoun_object(tokens)
    if pron is None and has_content(res.action):
        return cand, res
    if res.side == "joint" and res.action.lower() in lexicon()["meeting_again"]:
        return cand, _with_action(res, MEET_AGAIN)  # "Let's do this again Thursday": this call
    if cand.sent.start > 0:
        found = _from_same_turn(meeting, cand, res, tokens, pron)
        if found is not None:
            return found
    answered = _answered(meeting, cand, proposals)
    if answered is not None and _names_a_thing(answered):
        delivers = bool(tokens) and tokens[0].lemma_.lower() in lexicon()["delivery_verbs"]
        earlier = _proposal_tokens(meeting, answered)
        action = _from_sentence(answered, tokens, pron, earlier, sure=delivers)
        if action is not None:
            return cand, _with_action(res, action)
    return cand, res


def answered_proposal(
    meeting: Meeting, cand: Candidate, res: Resolved, proposals: list[Candidate]
) -> tuple[Candidate, Resolved] | None:
    """'Should we meet on the ninth?' 'Yes, let's do the ninth.': the question states the step.

    A reply that only accepts (its action is 'do', 'do that' once the time is cut off) is
    quoted by the request or joint proposal it answers, as the guide quotes an accepted
    request; the reply lends its time when the proposal gave none.
    """
    said = time_phrase(res.action)
    if has_content(res.action.replace(said, "") if said else res.action):
        return None
    answered = _answered(meeting, cand, proposals, lead=ACCEPT_LEAD)
    if answered is None or answered.first_cue not in REQUEST_CUES | JOINT_CUES:
        return None
    fields = resolve(meeting, answered)
    if not has_content(fields.action):
        return None
    if fields.due is None and fields.due_text is None:
        fields = Resolved(
            fields.side, fields.owner, fields.owner_key, fields.action, res.due_text, res.due
        )
    answered.score = max(answered.score, cand.score)
    return answered, fields


def has_content(action: str) -> bool:
    """True when the action says what is done (not only 'do it', 'get that to you')."""
    stop = set(lexicon()["action_stopwords"])
    return any(w.strip(".,?!").lower() not in stop for w in action.split())


def _from_same_turn(
    meeting: Meeting, cand: Candidate, res: Resolved, tokens: list[Token], pron: Token | None
) -> tuple[Candidate, Resolved] | None:
    """'I still need to turn on SSO. I'll do that Friday.': quote both, act on the first."""
    doc = meeting.docs[cand.turn]
    prev = doc[cand.sent.start - 1].sent
    verb = next((t for t in prev if t.pos_ == "VERB"), None)
    if verb is None or prev.root.tag_ in ("VBD", "VBN"):
        return None
    merged = Candidate(
        cand.turn, doc[prev.start : cand.sent.end], cand.cues, cue_start=verb.i, cue_end=verb.i
    )
    merged.features, merged.score = cand.features, cand.score
    due_text, due = due_of(meeting, merged)
    earlier = action_tokens(merged, due_text)
    if not any(t.pos_ in ("NOUN", "PROPN") for t in earlier):  # "Thank you." names nothing
        return None
    asked = pron is not None and clause_object(earlier) is not None  # "need to know whether X"
    if earlier[0].lemma_.lower() in lexicon()["mental_verbs"] and not asked:
        return None  # "I think that's time."
    named = has_content(res.action)
    action = _from_sentence(prev, tokens, pron, earlier, sure=not named)
    if action is None:
        return None
    if named and not asked:  # it names its own thing: keep its quote
        return cand, _with_action(res, action)
    if res.due_text:  # "I can ask them which ... I'll collect that Friday": quote the question too
        due_text, due = res.due_text, res.due
    return merged, Resolved(res.side, res.owner, res.owner_key, action, due_text, due)


def _from_sentence(
    source: Span | Candidate,
    tokens: list[Token],
    pron: Token | None,
    earlier_tokens: list[Token],
    sure: bool,
) -> str | None:
    """The earlier verb phrase, or this one with the earlier object in place of the pronoun.

    The earlier phrase is taken whole for a pro-verb or a verb of the same family, and when
    `sure` (this sentence says nothing else, 'I'll have that to you Friday'); the object
    alone when the earlier verb only has or needs it ('IT has two questions. I'll send
    those'); the earlier question when that is what was asked for (steps_clause.py). Any
    other pairing is left unresolved.
    """
    sent = source.sent if isinstance(source, Candidate) else source
    head = tokens[0] if tokens else None
    whole = "".join(t.text_with_ws for t in earlier_tokens).strip() or sent.text.strip()
    clause = clause_object(earlier_tokens)
    if clause is not None and head is not None and pron is not None:
        if _same_clause_verb(head, clause.verb):
            return whole
        return clause_action(tokens, pron, clause)
    earlier = _object_np(sent)
    light = earlier is not None and earlier.head.lemma_.lower() in lexicon()["light_verbs"]
    asked_verb = earlier_tokens[0] if earlier_tokens and isinstance(source, Candidate) else None
    if (
        head is None
        or pron is None
        or _same_family(head, earlier, asked_verb)
        or (sure and not light)
    ):
        return whole if has_content(whole) else None
    if earlier is None or not ((light and sure) or isinstance(source, Candidate)):
        return None
    return _substituted(tokens, pron, earlier)


def _answered(
    meeting: Meeting, cand: Candidate, proposals: list[Candidate], lead: int = 8
) -> Candidate | None:
    """The request or offer, by someone else in the last two turns, this sentence answers.

    Only a sentence at most `lead` words into its turn answers one: further in, the
    speaker has moved on ('Yeah, I can do five thousand. I'll have that to Karin').
    """
    turns = meeting.transcript.turns
    speaker = turns[cand.turn].speaker
    if len(cand.sent.doc[: cand.sent.start].text.split()) > lead:
        return None
    before = [p for p in proposals if 0 < cand.turn - p.turn <= 2]
    # a request or proposal is answered by someone else; an offer is often confirmed by its maker
    before = [
        p
        for p in before
        if speaker is None
        or turns[p.turn].speaker != speaker
        or p.first_cue not in REQUEST_CUES | JOINT_CUES
    ]
    return before[-1] if before else None


def _names_a_thing(prop: Candidate) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN") for t in prop.sent.doc[prop.cue_end : prop.sent.end])


def _proposal_tokens(meeting: Meeting, prop: Candidate) -> list[Token]:
    text = prop.text
    due_text = find_due(text, meeting.date)[0] if time_phrase(text) else None
    return action_tokens(prop, due_text)


def _pronoun_object(tokens: list[Token]) -> Token | None:
    """'it' in 'send it over': a bare pronoun that is the phrase's direct object."""
    pronouns = set(lexicon()["object_pronouns"])
    for tok in tokens[1:]:
        if tok.lower_ in pronouns and tok.dep_ == "dobj" and not list(tok.children):
            return tok
        if tok.lower_ in pronouns and tok.dep_ == "pobj" and _verb_preposition(tok.head, tokens):
            return tok  # "look into it", "follow up on that"
    return None


def _verb_preposition(prep: Token, tokens: list[Token]) -> bool:
    """'into' in 'look into it': a preposition the verb takes, right after it or its particle."""
    if prep.lower_ not in lexicon()["verb_prepositions"]:
        return False
    before = [t for t in tokens if t.i < prep.i]
    return all(t.i == tokens[0].i or t.dep_ == "prt" for t in before)


def _object_np(sent: Span) -> Token | None:
    """The main verb's direct object, else the last one in the sentence ('the SSO guide')."""
    objs = [
        t
        for t in sent
        if t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ in ("VERB", "AUX")
    ]
    main = [t for t in objs if t.head == sent.root]  # 'has two questions', not a later clause's
    return (main or objs)[-1] if objs else None


def _same_family(head: Token, earlier: Token | None, asked: Token | None = None) -> bool:
    """A pro-verb ('do it'), or the earlier object's verb in one family with this one.

    With no object parsed, the verb of the request or offer answered stands in ('Can you
    check the SSO logs?' 'I'll look into it').
    """
    lemma = head.lemma_.lower()
    lex = lexicon()
    if lemma in lex["pro_verbs"]:
        return True
    verb = earlier.head if earlier is not None else asked
    if verb is None:
        return False
    other = verb.lemma_.lower()
    if other in lex["light_verbs"]:
        return False
    return lemma == other or any(lemma in fam and other in fam for fam in lexicon_families())


def _same_clause_verb(head: Token, verb: Token) -> bool:
    """'Do that', 'get that to you', or the asking verb again: the earlier phrase stands whole."""
    lemma, other = head.lemma_.lower(), verb.lemma_.lower()
    lex = lexicon()
    if lemma in lex["pro_verbs"] or lemma in lex["delivery_verbs"] or lemma == other:
        return True
    return any(lemma in fam and other in fam for fam in lexicon_families())


def lexicon_families() -> list[list[str]]:
    return [f.split() for f in lexicon()["verb_families"]]


def _substituted(tokens: list[Token], pron: Token, noun: Token) -> str:
    """This phrase with the pronoun replaced by the earlier noun phrase."""
    np = _np_tokens(noun)
    parts = []
    for tok in tokens:
        if tok.i == pron.i:
            parts.append("".join(t.text_with_ws for t in np).strip() + tok.whitespace_)
        else:
            parts.append(tok.text_with_ws)
    return "".join(parts).strip()


def _np_tokens(noun: Token) -> list[Token]:
    """The noun with its modifiers, without relative clauses or trailing punctuation."""
    out: list[Token] = []
    for tok in noun.subtree:
        if tok.dep_ in NP_STOP_DEPS and tok.i > noun.i:
            break
        out.append(tok)
    return out


def _with_action(res: Resolved, action: str) -> Resolved:
    return Resolved(res.side, res.owner, res.owner_key, action, res.due_text, res.due)
