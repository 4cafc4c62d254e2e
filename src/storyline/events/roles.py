"""What a time expression does in its sentence: does it date the event the sentence reports,
or does the sentence only mention it?

A year inside a noun phrase ("a 1956 joint declaration", "the 2015 accord", "last week's
election"), the start of a state ("stalled since January"), a comparison ("the highest
since 2009", "narrower than in January"), a deadline ("by June 30") or a date in a relative
clause ("Putin, who last visited Japan in 2005, ...") is mentioned, not reported: it must
not date an entry. Read from the dependency parse of the sentence where there is one, and
from the words around the expression where there is not.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.data import word_set
from storyline.nlp import lemma_of

# roles
ANCHOR = "anchor"  # dates the event of its clause
NOUN = "noun"  # modifies a noun: "the 2015 accord", "last week's election"
SINCE = "since"  # the start of a state: "stalled since January"
COMPARISON = "comparison"  # "the highest since 2009", "than in January", "up from 2019"
BOUND = "bound"  # a deadline or a span's end: "by June 30", "until 2025", "between 2017 and"
RELATIVE = "relative"  # inside a relative clause: "who last visited Japan in 2005"
SEQUENCE = "sequence"  # dates an earlier event: "resumed, following a meeting in July"
MENTIONED = frozenset({NOUN, SINCE, COMPARISON, BOUND, RELATIVE, SEQUENCE})

_BOUND_BEFORE = re.compile(
    r"(?:\b(?:by|until|till|before|ahead of|prior to|no later than|deadline(?: of| for)?)"
    r"(?:\s+(?:the|early|mid|late|end of|the end of))?)\s*$",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(
    r"\b(?:since|dating back to|dates back to|going back to)"
    r"(?:\s+(?:the|early|mid|late|at least))?\s*$",
    re.IGNORECASE,
)
_COMPARISON_BEFORE = re.compile(
    r"\b(?:(?:than|compared (?:with|to))\b[^,.;:!?]{0,45}|against\s+|(?:up|down|rose|fell|"
    r"increased|decreased|climbed|dropped)\s+(?:\S+\s+){0,3}from\s+(?:\S+\s+){0,3}?|as in\s+)"
    r"(?:in\s+|on\s+|the\s+)?$",
    re.IGNORECASE,
)
# a determiner or possessive right before a bare year or month ("the 2015 accord")
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|these|those|whose)|['’]s)\s+$",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"^[\s-]*([A-Za-z][\w'’-]*)")
# after a year, these words are not the noun it modifies
_NOT_A_NOUN_AFTER = word_set("events", "not_nouns")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_RELATIVE_BEFORE = re.compile(
    r"(?:,|—|–|\(|\s-)\s*(?:who|which|whose|where|when)\b[^,;—–()]*$", re.IGNORECASE
)
_TIME_NOUNS = word_set("events", "time_nouns")
# verbs that move a plan to another date: the date they move it to is not their own
_MOVING = frozenset(
    {"move", "postpone", "delay", "push", "defer", "reschedule", "adjourn", "put", "bring"}
)
# "the end of March", "the early hours of Sunday": a part of the date, not a thing it names
_EDGES = frozenset(
    {"end", "start", "beginning", "middle", "rest", "remainder", "half", "part", "hours",
     "hour", "eve", "dawn", "dusk", "course", "run-up", "days", "weeks"}
)  # fmt: skip
_BARE_UNIT = re.compile(
    r"^(?:\d{4}|(?:early|mid|late)[\s-]+\d{4}|[A-Z][a-z]+\.?(?:\s+\d{4})?|(?:last|this|next)\s+"
    r"(?:year|month|week))$"
)


# the ends of a span ("built it between 2017 and 2023", "from March to May"): a stretch
# of time, not the day of an event
_SPAN_START_BEFORE = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SPAN_START_AFTER = re.compile(r"^\s*(?:and|to|until|till|through)\s", re.IGNORECASE)
_SPAN_END_BEFORE = re.compile(
    r"\b(?:between|from)\s+[^,;:.()]{1,30}?\s+(?:and|to|until|till|through)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _span_end(before: str, after: str) -> bool:
    return bool(
        (_SPAN_START_BEFORE.search(before) and _SPAN_START_AFTER.match(after))
        or _SPAN_END_BEFORE.search(before)
    )


def role_from_words(text: str, start: int, end: int) -> str:
    """The role read from the words around text[start:end] (used without a parse, and to
    catch what a parse gets wrong)."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 30]
    if _BOUND_BEFORE.search(before) or _span_end(before, after):
        return BOUND
    if _SINCE_BEFORE.search(before):
        return SINCE
    if _COMPARISON_BEFORE.search(before):
        return COMPARISON
    if _POSSESSIVE_AFTER.match(after):
        return NOUN  # "last week's election", "Monday's ruling"
    expression = text[start:end]
    if _BARE_UNIT.match(expression) and _DETERMINER_BEFORE.search(before):
        word = _WORD_AFTER.match(after)
        following = word.group(1).lower() if word is not None else ""
        if following and following not in _NOT_A_NOUN_AFTER and following not in _TIME_NOUNS:
            return NOUN  # "a 1956 joint declaration", "the 2015 Declaration"
    if _RELATIVE_BEFORE.search(before):
        return RELATIVE
    return ANCHOR


_STATE_STARTS = frozenset({"since"})
_BOUNDS = frozenset({"until", "till", "by", "before"})
# prepositions whose object is an earlier event ("following a meeting in July")
_SEQUENCE = frozenset({"following", "after"})


_RELATIVE_WORDS = frozenset({"WDT", "WP", "WP$", "WRB"})


def headless_relative(tok: Any) -> bool:
    """A relative clause with no relative word in a sentence whose root is a noun: the
    parser's reading of a sentence whose subject it took for the root ("Corvane's appeal
    against the fine over its drug Pemoxal opened on Tuesday"): the sentence's predicate."""
    if tok.dep_ != "relcl":
        return False
    root = tok.head
    for _ in range(12):
        if root.head.i == root.i:
            break
        root = root.head
    return (
        root.pos_ in ("NOUN", "PROPN")
        and root.i < tok.i
        and not any(c.tag_ in _RELATIVE_WORDS or c.lower_ == "that" for c in tok.children)
    )


def comma_participle(verb: Any) -> bool:
    """A participle set off by commas that the parser took for the root, the sentence's
    verb hanging on it as a conjunct with its own auxiliary and no "and" ("The state of
    emergency, declared on 3 March, was lifted on Friday")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return False
    if verb.doc[verb.i - 1].text != ",":
        return False
    children = list(verb.children)
    if any(c.dep_ in ("cc", "aux", "auxpass") for c in children):
        return False
    return any(
        c.dep_ == "conj" and c.i > verb.i and any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in children
    )


def purpose_of_object(verb: Any) -> bool:
    """An infinitive hung on the object of a past verb ("pledged 940 million to rebuild the
    island ... on Friday"): the parser's place for a time that tells the verb's day."""
    head = verb.head
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("relcl", "acl"):  # hung on the object
        return bool(head.dep_ == "dobj" and head.head.tag_ == "VBD")
    # hung on the verb beside an amount it gave ("sent 200 troops to secure the border"),
    # not a person asked ("asked him to come on Monday")
    return bool(
        verb.dep_ == "xcomp"
        and head.tag_ == "VBD"
        and any(c.dep_ == "dobj" and any(t.like_num for t in c.subtree) for c in head.children)
    )


def role_from_parse(span: Any) -> str | None:
    """The role read from the dependency parse of the expression's span (a spaCy Span), or
    None when the parse says nothing the words do not."""
    root = span.root
    head = root.head
    modifier = root.dep_ in ("compound", "nummod", "amod", "nmod", "poss")
    outside = not span.start <= head.i < span.end
    if modifier and outside and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _TIME_NOUNS:
        return NOUN
    if (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ in ("NOUN", "PROPN")
        and head.head.lower_ not in _TIME_NOUNS
        and head.head.lower_ not in _EDGES
    ):
        return NOUN  # "the agency's report of March 2023": the report's date, a name for it
    if (
        root.dep_ == "pobj"
        and head.lower_ in ("to", "until", "till")
        and head.head.pos_ == "VERB"
        and (lemma_of(head.head) or head.head.lower_).lower() in _MOVING
    ):
        return BOUND  # "moves the launch to November 2024": where the plan now stands
    if root.dep_ == "pobj" and head.dep_ == "prep":
        prep = head.lower_
        if prep == "since":
            return SINCE
        if prep in ("by", "until", "till", "before"):
            return BOUND
        if prep == "than":
            return COMPARISON
    tok = root
    through_noun = False
    for _ in range(10):
        if purpose_of_object(tok):
            tok = tok.head if tok.dep_ == "xcomp" else tok.head.head  # the time's clause
            continue
        if (tok.dep_ == "relcl" and not headless_relative(tok)) or comma_participle(tok):
            return RELATIVE
        if tok.dep_ in ("prep", "mark") and tok.lower_ in _STATE_STARTS:
            return SINCE  # "Since [the visit in December 2016], relations have improved"
        if tok.dep_ in ("prep", "mark") and tok.lower_ in _BOUNDS:
            return BOUND
        if tok.pos_ in ("NOUN", "PROPN") and not span.start <= tok.i < span.end:
            through_noun = through_noun or tok.lower_ not in _TIME_NOUNS
        if tok.dep_ == "prep" and tok.lower_ in _SEQUENCE and through_noun:
            return SEQUENCE  # "talks resumed, following a meeting in July"
        if tok.dep_ == "pcomp" and tok.head.lower_ in _STATE_STARTS:
            return SINCE  # "since taking office in 2021"
        if tok.dep_ == "pcomp" and tok.head.lower_ in ("before", "until", "till"):
            return BOUND  # "before leaving office in May" (not "by surviving two days")
        if tok.dep_ == "advcl" and tok.pos_ not in ("VERB", "AUX"):
            # a clause whose verb the tagger missed ("before the hearings close in July")
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            if marks & _STATE_STARTS:
                return SINCE
            if marks & _BOUNDS:
                return BOUND
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break  # the clause's verb: what is above it belongs to other clauses
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def role_of(text: str, start: int, end: int, span: Any | None) -> str:
    """The role of the expression at text[start:end]: the words decide the clear cases
    (deadlines, "since", comparisons, "X's"), the parse the others."""
    by_words = role_from_words(text, start, end)
    if by_words != ANCHOR or span is None:
        return by_words
    return role_from_parse(span) or ANCHOR
