"""Parsing the sentences that need it, once, in batches: the tense of the verbs that govern
time expressions and the clauses of the event layer both read these parses.

    plan = ParsePlan(article, lead_sentences=8)
    times = tag_times(text, dct, tense=plan.tense)   # first pass: records what needs a parse
    plan.add(...)                                     # + sentences with dates, the lead
    parse_batch([plan, ...], nlp)                     # one nlp.pipe over every article's picks
    times = tag_times(text, dct, tense=plan.tense)   # second pass: tense from the parses

A sentence is parsed when a time expression in it depends on tense, when it holds a date
(its clauses decide what the date dates), or when it is one of the lead sentences of a
dated article (its kind decides whether it reports the day's events).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from storyline.model import Article, TimeExpression
from storyline.nlp import parse_many
from storyline.temporal.tense import Tense, heuristic_tense, spacy_tense_in


class ParsePlan:
    """The parsed sentences of one article (by index) and a tense lookup over them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.starts = [s.start for s in article.sentences]
        self.wanted: set[int] = set()
        self.docs: dict[int, Any] = {}

    def sentence_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.article.sentences[i].end:
            return None
        return i

    def tense(self, start: int, end: int) -> Tense:
        """The tense at text[start:end]: from the parse of its sentence when there is one
        (else the word cues, and the sentence is marked as wanted)."""
        text = self.article.text
        i = self.sentence_of(start)
        if i is not None and i in self.docs:
            found = spacy_tense_in(self.docs[i], start, end, offset=self.article.sentences[i].start)
            if found is not None:
                return found
        elif i is not None:
            self.wanted.add(i)
        return heuristic_tense(text, start, end)

    def want_dated(self, times: Sequence[TimeExpression]) -> None:
        for t in times:
            if t.type in ("DATE", "TIME"):
                i = self.sentence_of(t.start)
                if i is not None:
                    self.wanted.add(i)

    def want_lead(self, n: int) -> None:
        self.wanted.update(range(min(n, len(self.article.sentences))))


def parse_batch(
    plans: Sequence[ParsePlan], nlp: Any, batch_size: int = 64, max_per_article: int = 300
) -> None:
    """Parse the wanted, not yet parsed sentences of `plans` in one batched pass: at most
    `max_per_article` of one article (the first ones; the others are read from their words),
    so a text dense with dates costs time linear in its length with a small constant."""
    todo = [
        (p, i)
        for p in plans
        for i in sorted(p.wanted)[: max(0, max_per_article - len(p.docs))]
        if i not in p.docs
    ]
    texts = (p.article.sentences[i].text for p, i in todo)
    for (plan, i), doc in zip(todo, parse_many(nlp, texts, batch_size), strict=True):
        plan.docs[i] = doc
