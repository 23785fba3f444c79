"""What a pronoun stands for when the thing asked for is a question, not a noun phrase.

"Can you ask the front desks which reminder times work best?" "Sure, I'll collect that."
'that' is the answer to the question, not the desks, so the step reads "collect which
reminder times work best from the front desks". The question is the earlier action's object
clause: a wh- or whether-clause after its verb, its particle or the people it asks
(steps_action.opens_clause decides where one starts). steps_refer.py asks here first, before
it looks for a noun phrase, so a noun inside the clause is never taken for the referent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from milepost.pipeline.extract.commitment import lexicon
from milepost.pipeline.extract.steps_action import opens_clause

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Clause:
    """An action's object clause: its verb, the clause, and who is asked ('the front desks')."""

    verb: Token
    words: list[Token]
    asked: list[Token]


def clause_object(tokens: list[Token]) -> Clause | None:
    """The object clause of an action phrase ('ask the desks which times work'), if it has one."""
    for k in range(1, len(tokens)):
        if opens_clause(tokens[k], tokens[:k]) and tokens[k].lower_ != "that":
            between = [t for t in tokens[1:k] if t.dep_ != "prt"]
            if between and between[0].pos_ == "ADP":  # "check with IT how long ..."
                between = between[1:]
            return Clause(tokens[0], tokens[k:], between)
    return None


def clause_action(tokens: list[Token], pron: Token, clause: Clause) -> str:
    """This phrase with the pronoun's place taken by the clause, e.g. 'collect which ... from X'.

    The clause goes to the end ('confirm with our team whether ...', 'find out how ...'); a
    gathering verb after an asking one names where the answers come from.
    """
    kept = [t for t in tokens if t.i != pron.i]
    head = "".join(t.text_with_ws for t in kept).strip()
    said = "".join(t.text_with_ws for t in clause.words).strip()
    lex = lexicon()
    gathers = tokens[0].lemma_.lower() in lex["clause_gatherers"]
    asked = clause.verb.lemma_.lower() in lex["clause_askers"] and clause.asked
    if gathers and asked and len(kept) == 1:
        source = "".join(t.text_with_ws for t in clause.asked).strip()
        return f"{head} {said} from {source}"
    return f"{head} {said}"
