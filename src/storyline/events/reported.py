"""What a sentence tells by report: a claim a document or an inquiry makes, an attitude a
statement voices, a statistic, and an earlier event a dated statement names in passing.

    claimed(verb)        "the complaint says the lab flagged the problem in May"
    statistic(verb, at)  "inflation had fallen to 17 per cent in January"
    via_noun(span, verb) "caused the rocket's failure in June": June dates "failure"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storyline.data import word_set
from storyline.events import kinds
from storyline.model import Granularity, TimeExpression
from storyline.nlp import lemma_of

_DOCUMENTS = word_set("events", "document_nouns")
_BODIES = word_set("events", "inquiry_nouns")
_FINDING = word_set("events", "finding")
_ATTITUDES = word_set("events", "attitudes")
_CHANGE = word_set("events", "change")
_TIME_NOUNS = word_set("events", "time_nouns")
_COUNTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _lemma(tok: Any) -> str:
    return (lemma_of(tok) or tok.lower_).lower()


def claimed(verb: Any) -> bool:
    """A clause that a document asserts ("The complaint says the laboratory flagged the
    problem in May"), that an inquiry finds ("the board found that the valve had been
    damaged in March"), or an attitude a statement voices ("said that it respected the
    decision"): a claim, dated by its saying, not an event of its own date."""
    head = verb.head
    if head.i == verb.i:
        return False
    saying = _lemma(head)
    if saying in kinds.REPORTING and _lemma(verb) in _ATTITUDES:
        return True
    if saying not in kinds.REPORTING and saying not in _FINDING:
        return False
    for c in head.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        subject = _lemma(c)
        if subject in _DOCUMENTS or (subject in _BODIES and saying in _FINDING):
            return True
    return False


def statistic(verb: Any, attached: Sequence[tuple[int, TimeExpression, str]]) -> bool:
    """A figure that changed over a month or a year ("inflation had fallen to 17 per cent
    in January", "exports rose 4% in 2021"): a statistic of that period, not an event of
    one day (the day's change, "shares fell 23 per cent on Wednesday", is one)."""
    if _lemma(verb) not in _CHANGE or not attached:
        return False
    coarse = all(
        t.interval is not None and t.interval.granularity.rank >= Granularity.MONTH.rank
        for _, t, _ in attached
    )
    if not coarse:
        return False
    return any(
        c.dep_ in ("prep", "dobj", "npadvmod", "attr")
        and any(tok.like_num or tok.ent_type_ in _COUNTS for tok in c.subtree)
        for c in verb.children
    )


def via_noun(span: Any, verb: Any) -> bool:
    """Whether the time expression `span` reaches the clause of `verb` through a noun
    that is not a time word ("the rocket's failure on its maiden flight in June")."""
    tok = span.root
    for _ in range(12):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == verb.i:
            return False
        outside = not span.start <= tok.i < span.end
        if outside and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ not in _TIME_NOUNS:
            return True
    return False


def dated_statement(root: Any | None, by_verb: Mapping[int, Sequence[Any]]) -> int | None:
    """The index of the sentence's root when it is a statement with a date of its own
    ("said on Tuesday that ..."), else None."""
    if root is None or _lemma(root) not in kinds.REPORTING:
        return None
    return root.i if by_verb.get(root.i) else None


_OPEN = frozenset({'"', "\u201c", "\u201d"})


def quoted(doc: Any) -> frozenset[int]:
    """Indices of the tokens inside a direct quotation ('"On 10 August we shut the door,"
    Vell said'): what the speaker says, a statement, whatever its tense."""
    inside = False
    out = set()
    for tok in doc:
        if tok.text in _OPEN or tok.text in ("``", "''"):
            inside = not inside if tok.text != "\u201c" else True
            if tok.text == "\u201d":
                inside = False
            continue
        if inside:
            out.add(tok.i)
    return frozenset(out) if not inside else frozenset()  # an unclosed quote: unsure
