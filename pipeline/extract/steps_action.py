"""A step's action: the promised verb phrase, cut to a short imperative a CSM can scan.

The phrase starts on the verb the cue governs and runs to the first clause break or
closing punctuation; the time phrase is left out (it is the step's due) and the
addressee pronoun ("send you the guide") is dropped, as in "send the guide" (not after
"get": "get it to you"), as is an emphatic "myself". An adverbial clause that ends the
phrase goes with its opening words ("when they"). Filler
openings ("look, I'll ...", "what I'll do is ...") and meeting verbs ("let's sit down
and build the baseline") give way to the verb that says what will be done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from milepost.pipeline.extract.commitment import lexicon
from milepost.pipeline.extract.commitment_features import action_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from milepost.pipeline.extract.commitment import Candidate

STOP_DEPS = frozenset({"advcl", "mark"})
# Words an action should not end on once the time phrase is cut off ("a call on the books for").
TRAILING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX"})
# ...nor on a possessive whose noun was the time phrase ("run it by Walt at our [Sunday
# meeting]", "believe it when my [Monday ...]"): spaCy tags "our" PRON, not DET.
POSSESSIVE_TAGS = frozenset({"PRP$"})
STOP_WORDS = frozenset({"so", "because", "since", "and", "but", "once", "if", "which", "then"})
OBJECT_POS = frozenset({"NOUN", "PROPN", "PRON", "DET", "NUM"})
NOUN_POS = frozenset({"NOUN", "PROPN", "NUM"})
# Right after the verb these open its object clause, not a new clause ("check whether ...").
COMPLEMENTIZERS = frozenset({"whether", "if", "that", "what", "how", "who", "which", "when"})
# After the verb's object they open a clause only for verbs that take one ("ask them which").
WH_OPENERS = frozenset({"whether", "what", "how", "who", "which", "when", "where", "why"})
ADDRESSEES = frozenset({"you", "me", "us"})
PERSONS = ADDRESSEES | {"him", "her", "them"}
# "write the summary myself": who does it, said for emphasis, not part of what is done.
REFLEXIVES = frozenset(
    {"myself", "ourselves", "yourself", "yourselves", "himself", "herself", "themselves"}
)
# A verb's complement that says what state its object is put in ("get the tablets charged").
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
PARTICIPLES = frozenset({"VBN", "VBD"})


def action_phrase(cand: Candidate, due_text: str | None) -> str:
    """A short imperative: the governed verb and what follows, up to the time phrase or clause."""
    tokens = action_tokens(cand, due_text)
    if not tokens:
        return cand.text.strip()
    return "".join(t.text_with_ws for t in tokens).strip()


def action_tokens(cand: Candidate, due_text: str | None) -> list[Token]:
    """The tokens of the action phrase (empty when the sentence has no verb after the cue)."""
    verb = action_head(cand)
    if verb is None:
        return []
    tokens = _trimmed(_phrase_from(cand, verb.i, due_text))
    lex = lexicon()
    if (
        tokens
        and tokens[0].lemma_.lower() in lex["action_fillers"]
        and (len(tokens) == 1 or tokens[1].lemma_ == "be")
    ):  # "what I'll do is, I'll send X" and "what I'll do is send X" -> "send X"
        later = _cleft_verb(cand, tokens) or _next_verb(cand, tokens[0].i + 1)
        tokens = _trimmed(_phrase_from(cand, later.i, due_text)) if later is not None else tokens
    if tokens and tokens[0].lemma_.lower() in lex["gathering_verbs"] and not _causative(tokens[0]):
        later = _continuation(cand, tokens)  # "let's sit down and build the baseline"
        tokens = _trimmed(_phrase_from(cand, later.i, due_text)) if later is not None else tokens
    second = next((t.i for t in tokens[1:] if _second_verb(t, tokens[0])), None)
    # "send you the guide" -> "send the guide"; a second verb keeps its "to you" ("get it to
    # you"), as does "get" itself: "get the questionnaire over" is not "... over to you"
    kept = [
        t
        for t in tokens
        if (not _addressee(t) or (_after(t, second) or _gets(tokens[0])) and _to_whom(t))
        and not _emphatic(t)
    ]
    return kept if len(kept) > 1 or len(tokens) == 1 else tokens  # "come to you" stays


def _gets(verb: Token) -> bool:
    """'get X (over) to you': without its 'to you', 'get X' reads as fetching X."""
    return verb.lemma_.lower() == "get"


def _emphatic(tok: Token) -> bool:
    """'myself' in 'write the summary myself' or 'by myself': whose work, not what is done."""
    if tok.lower_ == "by":
        kids = list(tok.children)
        return len(kids) == 1 and kids[0].lower_ in REFLEXIVES
    if tok.lower_ not in REFLEXIVES:
        return False
    return tok.dep_ not in ("dobj", "dative", "pobj") or tok.head.lower_ == "by"


def _causative(verb: Token) -> bool:
    """'get the tablets charged', 'get the audit done': the verb puts its object in a state
    (a participle complement), so it is the action, not a meeting verb giving way."""
    return any(
        c.dep_ in COMPLEMENT_DEPS and c.tag_ in PARTICIPLES and c.i > verb.i for c in verb.children
    )


def _after(tok: Token, at: int | None) -> bool:
    return at is not None and tok.i > at


def _to_whom(tok: Token) -> bool:
    """'to you' (the preposition or its object), not the bare 'you' of 'send you the names'."""
    return tok.lower_ == "to" or (tok.dep_ == "pobj" and tok.head.lower_ == "to")


def action_head(cand: Candidate) -> Token | None:
    """The verb the action starts on: planning and light verbs lead to the real one."""
    verb = action_verb(cand)
    doc = cand.sent.doc
    skips = set(lexicon()["after_cue_skips"])  # "could you two present this"
    at = cand.cue_end
    while at < cand.sent.end - 1 and doc[at].lower_ in skips:
        at += 1
    first = doc[at] if at < cand.sent.end else None
    if first is not None and first.pos_ != "VERB" and _takes_object(first):
        verb = first  # "I'll forward it today": a verb the tagger read as an adverb
    if verb is None:
        return None
    if verb.lemma_.lower() in lexicon()["light_verbs"]:  # "be willing to do X" -> "do X"
        later = _next_verb(cand, verb.i + 1)
        # ...but "have the audit done" keeps its object: skip only when no object comes between.
        between = doc[verb.i + 1 : later.i] if later is not None else []
        if later is not None and not any(t.pos_ in OBJECT_POS for t in between):
            verb = later
    return verb


def _takes_object(tok: Token) -> bool:
    return tok.dep_ == "ROOT" and any(c.dep_ in ("dobj", "dative") for c in tok.children)


def _addressee(tok: Token) -> bool:
    """'you' in 'send you the guide' or 'get it to you': who receives it, not what is done."""
    if tok.lower_ == "to":
        kids = list(tok.children)
        return len(kids) == 1 and kids[0].lower_ in ADDRESSEES and tok.dep_ in ("dative", "prep")
    if tok.lower_ not in ADDRESSEES:
        return False
    if tok.dep_ == "pobj":
        return _addressee(tok.head)
    if tok.dep_ not in ("dative", "dobj"):
        return False
    if any(c.dep_ == "dobj" for c in tok.head.children if c.i > tok.i):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in WH_OPENERS and tok.head.lemma_.lower() in lexicon()["showing_verbs"]:
        return True  # "show you how to route alerts" -> "show how to route alerts"
    if nxt.dep_ == "advcl":
        return _misread_noun(nxt)  # "you redacted examples"
    # "send you the intake times" with the object misread as an adverb: a noun phrase follows
    return nxt.pos_ == "DET" and nxt.head.pos_ == "NOUN" and nxt.head.head == tok.head


def _continuation(cand: Candidate, tokens: list[Token]) -> Token | None:
    """The verb after a meeting verb's 'and'/'to' (or comma, when it has no object), if any."""
    doc = cand.sent.doc
    bare = not any(t.pos_ in OBJECT_POS for t in tokens)
    for tok in doc[tokens[-1].i + 1 : cand.sent.end]:
        if tok.pos_ == "VERB" and doc[tok.i - 1].lower_ in ("to", "and"):
            return tok
        if tok.tag_ == "VB" and doc[tok.i - 1].text == "," and bare:
            return tok  # "let's get back together on the twelfth, go through the breakdown"
    return None


def _cleft_verb(cand: Candidate, tokens: list[Token]) -> Token | None:
    """The bare verb right after "what I'll do is", which the tagger often reads as a noun
    ("is book the room")."""
    if len(tokens) < 3 or tokens[1].lemma_ != "be":
        return None
    after = tokens[2]
    return after if after.tag_ in {"VB", "VBP", "NN"} else None


def _next_verb(cand: Candidate, start: int) -> Token | None:
    return next((t for t in cand.sent.doc[start : cand.sent.end] if t.pos_ == "VERB"), None)


def _phrase_from(cand: Candidate, start: int, due_text: str | None) -> list[Token]:
    """Tokens from the verb to the first clause break or closing punctuation, less the time."""
    doc = cand.sent.doc
    due_low = (due_text or "").lower()
    text = doc.text if due_low else ""  # Doc.text joins every token: once a phrase
    starts_due = _starts_with_lowered(doc, due_low, text) if due_low else None
    out: list[Token] = []
    skip_to = -1
    clause = False  # inside the verb's object clause, whose own verb is no new clause
    for tok in doc[start : cand.sent.end]:
        if tok.i < skip_to:
            continue
        if tok.is_punct and tok.text in ",.?!;:":
            break
        complement = tok.i > start and opens_clause(tok, out)  # "check whether X"
        inner = clause and tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl"
        whole = complement or inner or _in_word(tok)
        if tok.i > start and not whole and _breaks(tok, out):
            if tok.dep_ == "advcl":
                out = _without_clause_opening(tok, out)  # "... myself when they come in"
            break
        clause = (clause and not inner) or complement
        if starts_due is not None and starts_due(tok) and _ends_word(text, tok.idx + len(due_low)):
            skip_to = tok.i + len(due_low.split())  # the due is its own field; the rest stays
            if not _continues(doc, skip_to, cand.sent.end, out):
                break
            continue
        out.append(tok)
    return out


def _without_clause_opening(verb: Token, out: list[Token]) -> list[Token]:
    """The phrase less the words opening the adverbial clause that cuts it ('when they',
    'when he's'); kept whole when those words hold a noun (a misread object: 'three slots
    for the Leeds call EOD' read as a clause whose subject is 'slots')."""
    if not out or verb.is_ancestor(out[0]):
        return out
    opening = [t for t in out if verb.is_ancestor(t)]
    if any(t.pos_ in NOUN_POS for t in opening):
        return out
    return [t for t in out if not verb.is_ancestor(t)]


def _ends_word(text: str, at: int) -> bool:
    """The due said ends a word here in the doc's text: "today" is not the start of "today's
    price"."""
    return at >= len(text) or not (text[at].isalnum() or text[at] in "'’")


def _in_word(tok: Token) -> bool:
    """'-present' of 'co-present', 'live' of 'go-live': the rest of a hyphenated word, which
    the parser may read as a new clause (a spaced dash is no hyphen)."""
    doc = tok.doc
    if tok.text == "-":
        glued = tok.i > 0 and not doc[tok.i - 1].whitespace_ and not tok.whitespace_
        return glued and tok.i + 1 < len(doc)
    if tok.i < 2 or doc[tok.i - 1].text != "-":
        return False
    return not (doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_)


def _starts_with_lowered(doc: Doc, low: str, text: str | None = None) -> Callable[[Token], bool]:
    """A test for doc[tok.i:].text.lower().startswith(low) that cuts the doc's text once
    (`text`, when the caller has joined it) instead of joining the tokens to the doc's end
    for every token it is asked about."""
    text = doc.text if text is None else text
    end = len(text) - (1 if len(doc) and doc[-1].whitespace_ else 0)  # Span.text drops it
    if text.isascii():  # lower-casing maps character to character: read only what low needs
        return lambda tok: text[tok.idx : min(end, tok.idx + len(low))].lower() == low
    return lambda tok: text[tok.idx : end].lower().startswith(low)


def opens_clause(tok: Token, out: list[Token]) -> bool:
    """True for the word opening the verb's object clause, not a new clause of the sentence.

    Right after the verb or its particle ("check whether", "find out how"); after a person
    it asks ("ask him if"); after the object of a verb that asks or tells ("ask the front
    desks which ..."); after a preposition ("the list of which systems they use").
    """
    low = tok.lower_
    if low not in COMPLEMENTIZERS | WH_OPENERS:
        return False
    between = out[1:]
    if not between:
        return low in COMPLEMENTIZERS
    if all(t.dep_ == "prt" for t in between):  # "find out whether", not "point out that ..."
        return low in WH_OPENERS | {"if"}
    prev = tok.doc[tok.i - 1]
    lex = lexicon()
    if prev.lower_ in PERSONS and len(between) == 1:
        return low in WH_OPENERS | {"if"}
    if low not in WH_OPENERS:
        return False
    if prev.pos_ == "ADP" and prev.lower_ in lex["clause_prepositions"]:
        return True
    if prev.pos_ == "VERB" and prev.lemma_.lower() in lex["clause_verbs"]:
        return True  # "let you know whether it works"
    asks = out[0].lemma_.lower() in lex["clause_verbs"]
    return asks and len(between) <= 5 and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _misread_noun(tok: Token) -> bool:
    """'the waste logging', 'the calendar invites', 'you redacted examples': a noun or its
    modifier the parser took for a verb opening a new clause."""
    doc = tok.doc
    prev = doc[tok.i - 1]
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if tok.tag_ in ("VBG", "VBZ"):  # a noun has no object ('following the instructions' does)
        has_object = any(c.dep_ in ("dobj", "pobj") for c in tok.children)
        noun = prev.pos_ in ("NOUN", "PROPN")  # 'the waste logging', 'the Upper Egypt reps'
        return noun and prev.dep_ in ("dobj", "compound", "pobj") and not has_object
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.tag_ == "VBN"
        and nxt is not None
        and nxt.pos_ in ("NOUN", "ADJ")
        and any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children)
    )


def _breaks(tok: Token, out: list[Token]) -> bool:
    """True where a new clause starts; 'the pack and the recap' is one object, kept whole."""
    if tok.dep_ == "advcl" and _misread_noun(tok):
        return False
    if tok.dep_ == "advcl" and _purpose(tok, out):
        return False
    if tok.dep_ in STOP_DEPS:
        return True
    if tok.lower_ not in STOP_WORDS:
        return False
    if tok.dep_ != "cc" or tok.i + 1 >= len(tok.doc):
        return True
    if out and (_second_verb(tok, out[0]) or _second_participle(tok, out)):
        return False
    nxt = next((c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i), None)
    if nxt is not None and _repeats_object(nxt, out):
        return False
    return nxt is None or nxt.pos_ not in NOUN_POS or tok.head not in out


def _repeats_object(conj: Token, out: list[Token]) -> bool:
    """'put shed 3 and shed 4 on the feeding module': the word after 'and' repeats a word of
    the object, so it lists another thing of the same kind, however the tagger reads it."""
    return conj.i == conj.doc[conj.i - 1].i + 1 and conj.lower_ in {t.lower_ for t in out[1:]}


def _second_verb(cc: Token, verb: Token) -> bool:
    """'draft the rules and send them to Simone': one step, its verb's own second verb.

    Not after a meeting verb ('let's sit down and go through it'): that gives way to the
    second verb instead (action_tokens).
    """
    if cc.lower_ != "and" or cc.head != verb:
        return False
    if verb.lemma_.lower() in lexicon()["gathering_verbs"]:
        return False
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.i > cc.i), None)
    return (
        nxt is not None
        and nxt.i == cc.i + 1
        and nxt.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)
    )


def _second_participle(cc: Token, out: list[Token]) -> bool:
    """'get the tablets charged and logged in': the state the verb's object is put in, told
    in two participles, is one complement."""
    head = cc.head
    if cc.lower_ != "and" or head not in out or head.dep_ not in COMPLEMENT_DEPS:
        return False
    if head.tag_ not in PARTICIPLES or head.head != out[0]:
        return False
    nxt = next((c for c in head.children if c.dep_ == "conj" and c.i > cc.i), None)
    return (
        nxt is not None
        and nxt.i == cc.i + 1
        and nxt.tag_ in PARTICIPLES
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in nxt.children)
    )


def _purpose(tok: Token, out: list[Token]) -> bool:
    """'to walk through the redlines' after 'do a final call': what the step is for."""
    doc = tok.doc
    return (
        bool(out)
        and out[0].lemma_.lower() not in lexicon()["gathering_verbs"]  # they give way to it
        and tok.head in out  # the verb's, or its object's ('a final call to walk through')
        and tok.tag_ == "VB"
        and doc[tok.i - 1].lower_ == "to"
        and doc[tok.i - 1] in out
    )


def _continues(doc, start: int, end: int, out: list[Token]) -> bool:  # type: ignore[no-untyped-def]
    """After a time phrase, the object goes on ('with both options'), not a new clause."""
    if start >= end:
        return False
    tok = doc[start]
    if tok.lower_ == "to" and start + 1 < end and _purpose(doc[start + 1], out + [tok]):
        return True
    if out and _second_verb(tok, out[0]):
        return True
    if tok.pos_ != "ADP" or tok.dep_ != "prep" or tok.lower_ in ("by", "on", "at"):
        return False
    return any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Drop dangling function words, but never split a word like "add-on" or 'sit down'."""
    while (
        len(tokens) > 1
        and (tokens[-1].pos_ in TRAILING_POS or tokens[-1].tag_ in POSSESSIVE_TAGS)
        and tokens[-1].dep_ != "prt"
        and tokens[-2].whitespace_
    ):
        tokens.pop()
    if not tokens:
        return tokens
    last = tokens[-1]
    told = last.tag_ in PARTICIPLES and last.dep_ == "conj"  # "trained and certified" stays
    if len(tokens) > 2 and tokens[-2].lower_ == "and" and last.pos_ == "VERB" and not told:
        tokens = tokens[:-2]  # "talk to Dean at my one-on-one and see": a bare verb says nothing
    return tokens
