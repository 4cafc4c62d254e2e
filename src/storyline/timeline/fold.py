"""One event told at several precisions is one entry: a week, month or year candidate
whose sentence tells what another article's candidate of a finer date inside its period
tells joins that date (`fold_similar`), so "2015", "March 2015" and "23 March 2015" are one
entry, at the day (used by `timeline.events.v1`)."""

from __future__ import annotations

import dataclasses

import numpy as np
from numpy.typing import NDArray

from storyline.model import DateInterval, Granularity
from storyline.timeline.candidates import Candidate
from storyline.timeline.text import SentenceVectors

MAX_FOLD_COMPARED = 200  # sentences of one finer date compared with a coarse candidate
_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MENTION = "mention"  # a candidate for a date its sentence only mentions


def _names(c: Candidate) -> frozenset[str]:
    """The entities (registry ids, else names) a candidate's sentence names."""
    s = c.sentence
    return frozenset(
        m.entity_id or m.text
        for m in c.article.mentions
        if s.start <= m.start < s.end and m.label in _PARTICIPANT_LABELS
    )


# verbs too common to say two sentences tell one event
_LIGHT_VERBS = frozenset({"be", "have", "do", "say", "make", "take", "get", "go", "come"})


def _predicate(c: Candidate) -> str:
    """The verb of the event a candidate tells ("" when unknown or too common)."""
    p = c.event.predicate if c.event is not None else ""
    return "" if p in _LIGHT_VERBS else p


def _alike(sim: float, shared: int, threshold: float) -> bool:
    """Two sentences tell one event: similar words, or fairly similar words and two names
    in common ("Putin and Abe agreed ..." / "Putin and Abe last met ... and agreed ...")."""
    return sim >= threshold or (sim >= threshold / 2 and shared >= 2)


def fold_similar(
    by_date: dict[DateInterval, list[Candidate]],
    rows: dict[tuple[str, int], int],
    vectors: SentenceVectors,
    threshold: float,
) -> None:
    """A week, month or year candidate whose sentence tells what another article's
    candidate of a finer date inside its period tells (`_alike`) joins that date: one event
    told at several precisions is one entry, at the most specific date."""
    fold = _Folder(by_date, rows, vectors, threshold)
    for gran in (Granularity.YEAR, Granularity.MONTH, Granularity.WEEK):
        finer = sorted(
            (d for d in by_date if d.granularity.rank < gran.rank),
            key=lambda d: (d.start, d.end),
        )
        for coarse in sorted((d for d in by_date if d.granularity is gran), key=lambda d: d.start):
            inside = [d for d in finer if coarse.start <= d.start and d.end <= coarse.end]
            if not inside:
                continue
            kept: list[Candidate] = []
            for c in by_date[coarse]:
                if c.kind == MENTION:  # counts for the period it names
                    kept.append(c)
                    continue
                best = fold.best(c, inside, gran)
                if best is None:
                    kept.append(c)
                else:
                    fold.add(dataclasses.replace(c, date=best, folded=True))
            if kept:
                by_date[coarse] = kept
            else:
                del by_date[coarse]


class _Folder:
    """`fold_similar`'s comparisons, with what they reuse kept: each finer date's candidates
    that are not mentions (and their rows and articles), each sentence's names, and one
    similarity product per folded candidate for all its dates (each cosine is the one
    computed date by date)."""

    def __init__(
        self,
        by_date: dict[DateInterval, list[Candidate]],
        rows: dict[tuple[str, int], int],
        vectors: SentenceVectors,
        threshold: float,
    ) -> None:
        self.by_date, self.rows, self.vectors, self.threshold = by_date, rows, vectors, threshold
        self.told: dict[DateInterval, list[Candidate]] = {}
        self.articles: dict[DateInterval, set[str]] = {}
        self.names: dict[tuple[str, int], frozenset[str]] = {}

    def _told(self, d: DateInterval) -> list[Candidate]:
        if d not in self.told:
            self.told[d] = [x for x in self.by_date.get(d, ()) if x.kind != MENTION]
            self.articles[d] = {x.article.id for x in self.told[d]}
        return self.told[d]

    def add(self, c: Candidate) -> None:
        """`c` (not a mention) joins its date."""
        self.by_date[c.date].append(c)
        if c.date in self.told:
            self.told[c.date].append(c)
            self.articles[c.date].add(c.article.id)

    def names_of(self, c: Candidate) -> frozenset[str]:
        key = (c.article.id, c.sentence.start)
        if key not in self.names:
            self.names[key] = _names(c)
        return self.names[key]

    def best(
        self, c: Candidate, inside: list[DateInterval], gran: Granularity
    ) -> DateInterval | None:
        """The finer date `c` folds into: the best-scoring alike sentence, then the most
        articles. The one finer date of a period that another article tells ("2011" and
        the only day of 2011) needs fewer names in common: none in a year, one in a month."""
        plan: list[tuple[DateInterval, list[Candidate], int]] = []
        keys: list[int] = []
        for d in inside:
            told = self._told(d)
            if c.article.id in self.articles[d]:
                told = [x for x in told if x.article.id != c.article.id]
            others = told[:MAX_FOLD_COMPARED]
            if others:
                plan.append((d, others, len(keys)))
                keys.extend(self.rows[(x.article.id, x.sentence.start)] for x in others)
        if not plan:
            return None
        lone = (2 if gran is Granularity.YEAR else 1) if len(plan) == 1 else 0
        sims_all = self.vectors.similarity([self.rows[(c.article.id, c.sentence.start)]], keys)[0]
        mine = self.names_of(c)
        predicate = _predicate(c)
        best: tuple[float, int, DateInterval] | None = None
        for d, others, offset in plan:
            sims = sims_all[offset : offset + len(others)]
            score = self._score(sims, others, mine, lone, predicate)
            if score is None:
                continue
            support = len({x.article.id for x in others})
            if best is None or (score, support) > best[:2]:
                best = (score, support, d)
        return None if best is None else best[2]

    def _score(
        self,
        sims: NDArray[np.float64],
        others: list[Candidate],
        mine: frozenset[str],
        lone: int = 0,
        predicate: str = "",
    ) -> float | None:
        """The best similarity among the `_alike` sentences (`lone` names granted, and one
        for the same verb: "agreed to the settlement last year" / "agreed on Monday to
        settle"), or None: names are compared only where the words alone do not decide."""
        high = sims >= self.threshold
        score = float(sims[high].max()) if high.any() else None
        if len(mine) + lone + bool(predicate) >= 2:
            for j in np.flatnonzero((sims >= self.threshold / 2) & ~high):
                s = float(sims[j])
                same = int(bool(predicate) and predicate == _predicate(others[j]))
                shared = lone if lone >= 2 else len(mine & self.names_of(others[j])) + lone
                shared += same
                if (score is None or s > score) and _alike(s, shared, self.threshold):
                    score = s
        return score
