"""The tense of the verb that governs a time expression: "past", "present", "future" or None.

Two ways to find it:
- `SpacyTense`: walk the dependency parse from the expression up to its governing verb and read
  its auxiliaries ("will", "is to", "planned to") and morphology (Tense=Past, ...). When no
  parsed Doc was given, sentences are parsed on demand, only those that need it.
- `heuristic_tense`: the nearest tense cue in the clause (word lists and "-ed" endings), used
  when no spaCy pipeline is available.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from storyline.nlp import lemma_of

Tense = str | None

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# a future seen from a past moment ("announced on Monday that it would attend on Friday")
_FUTURE_IN_PAST_AUX = frozenset({"would", "'d"})
FUTURE_IN_PAST = "future-in-past"
_MODALS = frozenset({"could", "might", "may", "can", "should", "must"})
_FUTURE_BEFORE_TO = frozenset(
    [
        "plan",
        "plans",
        "planned",
        "planning",
        "schedule",
        "scheduled",
        "expect",
        "expects",
        "expected",
        "set",
        "due",
        "going",
        "hope",
        "hopes",
        "hoped",
        "want",
        "wants",
        "wanted",
        "intend",
        "intends",
        "intended",
        "agree",
        "agreed",
        "promise",
        "promised",
        "vow",
        "vowed",
        "threaten",
        "threatened",
        "ready",
        "prepared",
        "likely",
        "unlikely",
        "aim",
        "aims",
        "aimed",
        "seek",
        "seeks",
        "sought",
        "decide",
        "decided",
        "propose",
        "proposed",
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
    ]
)
_FUTURE_WORDS = frozenset({"will", "'ll", "shall", "wo", "would", "upcoming", "scheduled"})
_PAST_WORDS = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "went",
        "came",
        "made",
        "took",
        "gave",
        "met",
        "left",
        "began",
        "held",
        "saw",
        "got",
        "fell",
        "rose",
        "won",
        "lost",
        "sent",
        "found",
        "became",
        "brought",
        "bought",
        "ran",
        "spoke",
        "wrote",
        "led",
        "struck",
        "fought",
        "thought",
        "knew",
        "began",
        "paid",
        "sold",
        "grew",
        "shot",
        "flew",
        "drove",
        "caught",
        "ate",
        "arrived",
        "killed",
        "ago",
    ]
)
_PRESENT_WORDS = frozenset({"is", "are", "am", "says", "has", "have", "does", "do"})
_NOT_PAST_ED = frozenset(
    [
        "need",
        "feed",
        "speed",
        "red",
        "bed",
        "hundred",
        "indeed",
        "seed",
        "breed",
        "bleed",
        "shed",
        "weed",
        "proceed",
        "exceed",
        "succeed",
        "embed",
        "united",
        "limited",
        "expected",
        "scheduled",
        "planned",
    ]
)
_CLAUSE_END = re.compile(r"[.!?;:\n]|\s[-—]\s")
_WORD = re.compile(r"[A-Za-z']+")


def _cue(words: list[str], i: int, after: bool = False) -> Tense:
    """The tense a word signals; `after` when the word follows the time expression (then
    "On Friday, the government planned to..." dates the planning, a past event)."""
    w = words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if w in _FUTURE_BEFORE_TO and nxt == "to" and w not in ("was", "were", "is", "are", "am"):
        if after and (w.endswith("ed") or w in _PAST_WORDS):
            return "past"
        return "future"
    if w in ("is", "are", "was", "were") and nxt == "to":
        return "future"
    if w in _FUTURE_IN_PAST_AUX:
        return FUTURE_IN_PAST
    if w in _FUTURE_WORDS or (w == "going" and nxt == "to"):
        return "future"
    if w in _MODALS and nxt != "have":
        return "future"
    participle = w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED)
    if participle:
        # the auxiliaries before a participle decide: "will be paid", "is expected", "has left"
        prev = words[i - 1].lower() if i >= 1 else ""
        prev2 = words[i - 2].lower() if i >= 2 else ""
        if prev in ("be", "being") and (
            prev2 in _FUTURE_WORDS or prev2 in _MODALS or prev2 == "to"
        ):
            return "future"
        if prev in ("is", "are", "am") and w not in _PAST_WORDS:
            return "present"
        return "past"
    if w in _PRESENT_WORDS:
        return "present"
    return None


def heuristic_tense(text: str, start: int, end: int) -> Tense:
    """The nearest tense cue within the clause around text[start:end] (12 words left first,
    then 6 words right)."""
    lo = max(0, start - 200)
    left_text = text[lo:start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left_text)]
    if cut:
        left_text = left_text[cut[-1] :]
    right_text = text[end : end + 150]
    m = _CLAUSE_END.search(right_text)
    if m:
        right_text = right_text[: m.start()]
    left = _WORD.findall(left_text)
    right = _WORD.findall(right_text)
    words = left + right
    n_left = len(left)
    for k in range(1, 13):
        i = n_left - k
        if i < 0:
            break
        t = _cue(words, i)
        if t:
            return t
    for k in range(min(6, len(right))):
        t = _cue(words, n_left + k, after=True)
        if t:
            return t
    return None


# -- spaCy ---
def _passive_infinitive(verb: Any) -> bool:
    """A participle with a bare "be" before it ("must be approved")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children
    )


# Verbs that set the day of something ahead: the day they are set "for" ("set the hearing for
# 16 January", "listed the appeal for a hearing on 12 September", "moved the vote to Friday").
_SETTING_VERBS = frozenset(
    [
        "set",
        "schedule",
        "reschedule",
        "list",
        "fix",
        "adjourn",
        "postpone",
        "delay",
        "defer",
        "move",
        "push",
        "bring",
        "call",
        "book",
        "slate",
        "earmark",
        "pencil",
    ]
)
_TARGET_PREPS = frozenset({"for", "to", "until", "till"})

# Nouns after which "for X to do" tells a plan or a wish ("calls for the army to withdraw").
_PLAN_NOUNS = frozenset(
    [
        "plan",
        "plans",
        "call",
        "calls",
        "bid",
        "deal",
        "agreement",
        "proposal",
        "decision",
        "order",
        "orders",
        "deadline",
        "move",
        "effort",
        "request",
        "demand",
        "demands",
        "invitation",
        "offer",
        "promise",
        "pledge",
        "threat",
        "intention",
        "aim",
        "goal",
        "target",
        "chance",
        "opportunity",
        "time",
        "date",
        "schedule",
        "permission",
        "approval",
        "push",
        "pressure",
        "motion",
        "way",
        "need",
        "hope",
        "hopes",
        "appeal",
        "appeals",
    ]
)


def _for_to_under_noun(verb: Any) -> bool:
    """ "the alert level for Mount Kald to orange": a for-to infinitive hung on a noun that
    tells no plan, where the parser took a word for a verb; its tense is the clause's."""
    head = verb.head
    return (
        head.i != verb.i
        and head.pos_ in ("NOUN", "PROPN")
        and head.lower_ not in _PLAN_NOUNS
        and (
            any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
            # "pledged 940 million to rebuild the island ... on Friday": an object's purpose
            or (verb.dep_ in ("relcl", "acl") and head.dep_ == "dobj")
        )
    )


def _verb_above(tok: Any) -> Any:
    """The nearest verb at or above `tok` (the root when none is)."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _verb_tense(verb: Any, depth: int = 0) -> Tense:
    """Tense of a verb token from its auxiliaries and morphology."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in _FUTURE_IN_PAST_AUX:
            return FUTURE_IN_PAST
        if a.lower_ in _FUTURE_AUX:
            return "future"
        if a.lower_ in _MODALS and (verb.tag_ == "VB" or _passive_infinitive(verb)):
            return "future"  # "must approve", "must be approved"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        head = verb.head
        if head.i != verb.i and head.lower_ in _FUTURE_BEFORE_TO:
            return "future"
        if _for_to_under_noun(verb) and depth < 4:
            return _verb_tense(_verb_above(head), depth + 1)
        if head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < 4:
            return _verb_tense(head, depth + 1)
        return "future"
    for a in auxes:
        if a.lower_ in ("had", "did", "was", "were"):
            return "past"
        if a.lower_ in ("has", "have"):
            return "past"
    if "Past" in verb.morph.get("Tense") and verb.tag_ == "VBD":
        return "past"
    for a in auxes:
        if a.lower_ in ("is", "are", "am", "'s", "'re", "do", "does"):
            return "present" if verb.tag_ != "VBG" else "future"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    return None


def spacy_tense_in(doc: Any, start: int, end: int, offset: int = 0) -> Tense:
    """Tense of the verb governing the characters [start, end) of the text (doc starts at
    `offset` in that text)."""
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    # the path goes through "for", "to" or "until", or the day is the object: a day something
    # is set for ("set the hearing for May 20", "has set May 20 for the hearing")
    target = tok.dep_ == "dobj"
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            if target and lemma_of(tok).lower() in _SETTING_VERBS:
                return "future"  # "set the hearing for 16 January", "moved the vote to Friday"
            t = _verb_tense(tok)
            if t is not None:
                return t
        if tok.dep_ == "prep" and tok.lower_ in _TARGET_PREPS:
            target = True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


# Sentences of one text parsed on demand at most (see SpacyTense).
MAX_PARSES = 200


class SpacyTense:
    """Tense lookup backed by a dependency parse: of the whole text (`doc`), or of the
    sentences that need it, parsed on demand (and cached) by `parse`. Where the parse names
    no tense, the word-cue heuristic decides; with neither, only the heuristic is used.

    At most `max_parses` sentences of one text are parsed (each parse costs ~20 ms): past
    that budget the heuristic decides, so tagging a text stays linear with a small constant
    however many tense-dependent expressions it holds (news articles need a few dozen)."""

    def __init__(
        self,
        text: str,
        doc: Any = None,
        parse: Callable[[str], Any] | None = None,
        max_parses: int = MAX_PARSES,
    ) -> None:
        self.text = text
        self.doc = doc
        self._parse = parse
        self._cache: dict[tuple[int, int], Any] = {}
        self._budget = max_parses

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        lo = start
        while lo > 0 and not (
            self.text[lo - 1] in ".!?\n" and (lo >= len(self.text) or self.text[lo].isspace())
        ):
            lo -= 1
            if start - lo > 400:
                break
        hi = end
        while (
            hi < len(self.text)
            and self.text[hi] not in "\n"
            and not (
                self.text[hi] in ".!?" and (hi + 1 >= len(self.text) or self.text[hi + 1].isspace())
            )
        ):
            hi += 1
            if hi - end > 400:
                break
        return lo, min(len(self.text), hi + 1)

    def __call__(self, start: int, end: int) -> Tense:
        if self.doc is not None:
            t = spacy_tense_in(self.doc, start, end)
        elif self._parse is not None:
            key = self._sentence(start, end)
            sent = self._cache.get(key)
            if sent is None and self._budget > 0:
                self._budget -= 1
                sent = self._parse(self.text[key[0] : key[1]])
                self._cache[key] = sent
            t = None if sent is None else spacy_tense_in(sent, start, end, offset=key[0])
        else:
            t = None
        return t if t is not None else heuristic_tense(self.text, start, end)
