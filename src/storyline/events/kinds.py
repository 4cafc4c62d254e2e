"""The kind of event a clause reports, from its verb: something that happened, something
scheduled, a statement, an expectation, or a background state.

    happened     "signed on Monday", "has completed", "was killed", "Egypt initials a deal"
    scheduled    "will meet on 14 January", "is expected to visit", "is due to vote in June"
    statement    "said on Tuesday", "told reporters", "according to"
    expectation  "would see a breakthrough in 2019", "hopes to finish by 2025"
    background   "never signed", "has long been", "the mine employs 1,400 people"

Only happened and scheduled events become timeline entries; statements date the reports
they make at a lower weight; expectations and background states date nothing.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.data import word_set
from storyline.nlp import lemma_of

HAPPENED = "happened"
SCHEDULED = "scheduled"
STATEMENT = "statement"
EXPECTATION = "expectation"
BACKGROUND = "background"
KINDS = (HAPPENED, SCHEDULED, STATEMENT, EXPECTATION, BACKGROUND)
ENTRY_KINDS = frozenset({HAPPENED, SCHEDULED})

REPORTING = word_set("events", "reporting")
# a reaction ("welcomed the plan", "condemned the attack") is a position voiced: a statement
REACTING = word_set("events", "reacting")
# a verb that names a thing something ("called the trip a gift"): with a predicate, a statement
NAMING = word_set("events", "naming")
# verbs whose subject expects or intends rather than does
EXPECTING = word_set("events", "expecting")
# verbs of states, not events, in the present (and "be" in the past)
STATIVE = word_set("events", "stative")
_SCHEDULING = word_set("events", "scheduling")
_OUTLOOK = word_set("events", "outlook")
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_MODALS = frozenset({"could", "might", "may", "can", "should", "must", "ought"})
_MAYBE = frozenset({"could", "might", "may"})  # what may happen is no scheduled event
_NEVER = frozenset({"never", "not", "n't", "no longer"})
_LONG = frozenset(
    {"long", "always", "traditionally", "historically", "usually", "often", "still", "currently"}
)


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _running_total(verb: Any) -> bool:
    """ "had so far been diverted", "have to date signed": a count that runs on, not an
    event of one day."""
    for c in verb.children:
        if (
            c.dep_ == "advmod"
            and c.lower_ == "far"
            and any(g.lower_ in ("so", "thus") for g in c.children)
        ):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "date" for g in c.children):
            return True
    return False


_SPAN_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
     "season", "term"}
)  # fmt: skip


def _lasting(verb: Any, auxes: list[str]) -> bool:
    """A perfect that spans a stretch of time ("have played in the top division for 57
    seasons", "has lasted for six weeks", "have fallen by a third in five years"): a state
    or a trend up to now, not an event of one day."""
    if not any(a in ("has", "have", "'ve", "'s") for a in auxes):
        return False
    for c in verb.children:
        if c.lower_ == "since" and c.dep_ in ("prep", "mark"):
            return True  # "has lost a quarter of its value since the peg was dropped"
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children):
            return True
        if c.dep_ != "prep" or c.lower_ not in ("for", "in", "over"):
            continue
        for obj in c.children:
            unit = (lemma_of(obj) or obj.lower_).lower()
            if obj.dep_ != "pobj" or unit not in _SPAN_UNITS:
                continue
            counted = any(
                g.like_num
                or g.lower_ in ("several", "many", "few")
                or (c.lower_ == "over" and g.lower_ in ("past", "last"))
                for g in obj.children
            )  # "in five years", "over the past decade"; not "in the past week"
            if c.lower_ == "for" or counted:  # "in five years", "over the past decade"
                return True
    return False


_DEADLINES = frozenset({"deadline", "ultimatum"})
_RUNNING_OUT = frozenset({"expire", "run", "lapse", "pass", "end", "fall"})


# "was due to", "was meant to", "was supposed to": a plan of the past, since changed
_MEANT = frozenset({"due", "mean", "meant", "suppose", "supposed"})


def _former_plan(verb: Any, lemma: str, auxes: list[str]) -> bool:
    """A plan told in the pluperfect ("had been planned for February", "had been due to
    fly in December"): what was meant to happen, since changed."""
    if "had" in auxes:
        return lemma in _SCHEDULING or lemma in EXPECTING
    if verb.tag_ != "VB" or "to" not in auxes or verb.head.i == verb.i:
        return False
    head = verb.head  # "due" in "had been due to fly", "planned" in "had planned to"
    head_lemma = (lemma_of(head) or head.lower_).lower()
    if head_lemma not in _SCHEDULING and head_lemma not in EXPECTING and head_lemma not in _MEANT:
        return False
    for tok in (head, head.head):
        helpers = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if "had" in helpers:
            return True
        past = tok.lower_ in ("was", "were") or "was" in helpers or "were" in helpers
        if head_lemma in _MEANT and past:
            return True  # "was due to retire in September", "was meant to fly in 2021"
    return False


def _deadline(verb: Any, lemma: str, auxes: list[str]) -> bool:
    """A deadline's end still ahead ("the deadline runs out on Saturday", "the ultimatum
    will expire"): a bound, not an event; one that has passed is."""
    if lemma not in _RUNNING_OUT or verb.tag_ in ("VBD", "VBN"):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and (lemma_of(c) or c.lower_).lower() in _DEADLINES
        for c in verb.children
    )


def _tagging_along(verb: Any) -> bool:
    """A non-finite verb with no subject of its own under a preposition or a conjunction
    ("before growing in 2016", "after meeting on Monday"): it shares its governor's kind."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("pcomp", "advcl")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _governor(verb: Any) -> Any | None:
    tok = verb.head
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def clause_kind(verb: Any, depth: int = 0) -> str:
    """The kind of the clause headed by the spaCy token `verb`."""
    lemma = lemma_of(verb).lower() or verb.lower_
    auxes = [c.lower_ for c in _children(verb, "aux", "auxpass")]
    negated = any(
        c.lower_ in _NEVER or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for c in _children(verb, "neg", "advmod")
    )  # "never signed", "will no longer take place"
    habitual = any(c.lower_ in _LONG for c in _children(verb, "advmod"))
    perfect = any(a in ("has", "have", "'ve") for a in auxes)
    # "has already set aside 200 million": where things stand, not the day's event
    progressive = verb.tag_ == "VBG" and any(a in ("is", "are", "was", "were") for a in auxes)
    already = any(c.lower_ == "already" for c in verb.children)
    # "has already set aside 200 million", "were already turning the lava": where things
    # stand, not the day's event
    habitual = habitual or (already and (perfect or progressive))
    # "nobody has answered for it", "no one was hurt": nothing happened
    negated = negated or any(
        (c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "nothing", "none"))
        or (
            c.dep_ in ("nsubj", "nsubjpass")
            and c.lower_ == "one"
            and any(g.lower_ == "no" for g in c.children)
        )
        for c in verb.children
    )
    passive = bool(_children(verb, "auxpass", "nsubjpass"))
    if negated or habitual or _running_total(verb) or _lasting(verb, auxes):
        return BACKGROUND
    if _former_plan(verb, lemma, auxes):
        return BACKGROUND
    if _deadline(verb, lemma, auxes):
        return EXPECTATION  # "the 30-day deadline runs out on Saturday"
    if _tagging_along(verb) and depth < 3:
        head = _governor(verb)
        if head is not None:
            kind = clause_kind(head, depth + 1)
            if kind in (EXPECTATION, SCHEDULED):
                return kind  # "expect the economy to shrink before growing in 2016"
    if lemma in REPORTING or (lemma in REACTING and not passive):
        return STATEMENT
    if lemma in NAMING and _children(verb, "oprd") and not passive:
        return STATEMENT  # "called the trip 'a gift'", "called the result disappointing"
    if lemma == "call" and any(c.lower_ == "for" for c in _children(verb, "prep", "prt")):
        return STATEMENT  # "have called for an independent review": a demand voiced
    future = any(a in _FUTURE_AUX for a in auxes)
    modal = any(a in _MODALS for a in auxes)
    to_infinitive = verb.tag_ == "VB" and "to" in auxes
    if to_infinitive and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        head = verb.head
        head_lemma = (lemma_of(head) or head.lower_).lower()
        if head_lemma == "expect" and head.tag_ != "VBN":
            return EXPECTATION  # "economists expect the economy to shrink"
        if head_lemma in _SCHEDULING:
            return SCHEDULED  # "is to meet", "is expected to visit", "is due to vote"
        if head_lemma in EXPECTING:
            return SCHEDULED if head.tag_ == "VBN" else EXPECTATION
        return (
            clause_kind(head, depth + 1) if depth < 3 else HAPPENED
        )  # "agreed to talk": an agreement
    if to_infinitive:
        return SCHEDULED
    if any(a in _MAYBE for a in auxes) and verb.tag_ == "VB":
        return EXPECTATION  # "the talks could resume on Monday": a possibility
    if future or modal:
        if passive:
            return SCHEDULED  # "will be held on 14 January"
        return EXPECTATION if lemma in STATIVE or lemma in _OUTLOOK else SCHEDULED
    if lemma in EXPECTING and not passive and not _pledged_amount(verb, lemma):
        return EXPECTATION
    if lemma in STATIVE and not passive:
        if lemma in ("have",) and _children(verb, "dobj") and verb.tag_ == "VBD":
            return HAPPENED  # "had talks"
        return BACKGROUND
    if verb.tag_ in ("VBD", "VBN") or "has" in auxes or "have" in auxes or passive:
        return HAPPENED
    if verb.tag_ in ("VBZ", "VBP"):
        return HAPPENED  # headline present: "Egypt initials a deal"; "they meet Monday"
    return HAPPENED


_GIVING = frozenset({"pledge", "promise", "commit"})


def _pledged_amount(verb: Any, lemma: str) -> bool:
    """ "pledged 940 million dalans", "promised 200 troops" in the past: a pledge given, an
    event of its day (what a pledge is to do, "promised to send planes", stays expected)."""
    if lemma not in _GIVING or verb.tag_ != "VBD" or _children(verb, "ccomp"):
        return False
    return any(any(t.like_num for t in obj.subtree) for obj in _children(verb, "dobj"))


_STATE_WORDS = re.compile(
    r"\b(?:never|no longer|has long|have long|has always|have always|remains?|continues? to|"
    r"is|are|employs?|depends?|relies on|consists?|lies|holds?)\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|is to|are to|is due to|are due to|is expected to|are expected to|plans? to|"
    r"is set to|are set to|is scheduled to|are scheduled to)\b",
    re.IGNORECASE,
)
_REPORTING_WORDS = re.compile(r"\b(?:said|says|told|added|according to)\b", re.IGNORECASE)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|has|have)\b|\b\w{3,}ed\b|\b(?:met|held|won|lost|began|left|took|"
    r"made|gave|came|went|sent|led|fell|rose|broke|struck|shot|hit|cut|set|put|spoke|fled)\b",
    re.IGNORECASE,
)


def kind_from_words(text: str) -> str:
    """A sentence's kind from its words alone (when no parse is at hand)."""
    if _FUTURE_WORDS.search(text):
        return SCHEDULED
    if _PAST_WORDS.search(text):
        if re.search(r"\bnever\b|\bno longer\b", text, re.IGNORECASE):
            return BACKGROUND
        return HAPPENED
    if _REPORTING_WORDS.search(text):
        return STATEMENT
    if _STATE_WORDS.search(text):
        return BACKGROUND
    return HAPPENED
