"""Incremental single-pass story clustering (`stories.single_pass.v1`).

Articles are taken in time order (then by id). Each is compared with every open story:

    score = (1 - w) * cos(terms, story terms) + w * cos(names, story names)
    score /= 1 + gap_days / time_scale_days

where the story's vectors are the sums of its articles' (TF-IDF terms and entity names, each
unit length) and `gap_days` is how far the article's day lies outside the story's first..last
days (0 inside; undated articles are not penalised). The article joins the best story when
its score reaches `threshold`; it also joins any other story scoring at least `overlap_ratio`
of the best and twice `threshold`, when that story is another story (the two stories' summed
vectors score under `distinct_below`, so not two chapters of one story): an article about two
stories belongs to both. Otherwise it starts a story. No number of stories is preset.

A story drifts: its vectors are sums, so it follows what its latest articles talk about, and
its time window grows with it. With `merge_threshold`, stories whose summed vectors score that
much are merged after the pass (off by default: it did not help on Timeline17 and merges the
mixed fixture pile's stories). With `attach_threshold`, an article left alone joins the story
it scores best with when that reaches the threshold and it lies within `attach_days` of the
story (off by default: it raises Timeline17's B-cubed F1 by 0.005 only because T17's topic
folders hold off-topic articles, and it puts the fixture pile's sport and weather items into
stories; docs/evaluation.md). Stories are compared through an inverted index of their
features, so the cost grows with the shared features, not with every story.

Parameters follow scikit-learn's contract: `__init__` only stores them, the result of
`fit` ends in `_`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.stories.features import ArticleFeatures, Sparse


@dataclass
class _Story:
    members: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    terms_norm2: float = 0.0
    names_norm2: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None


def _add(into: dict[str, float], norm2: float, vec: Sparse) -> float:
    for k, w in vec.items():
        old = into.get(k, 0.0)
        into[k] = old + w
        norm2 += 2 * old * w + w * w
    return norm2


class SinglePassClusterer:
    """See the module docstring."""

    name = "stories.single_pass.v1"

    def __init__(
        self,
        threshold: float = 0.2,
        name_weight: float = 0.4,
        time_scale_days: float = 60.0,
        overlap_ratio: float = 0.6,
        distinct_below: float = 0.2,
        merge_threshold: float | None = None,
        merge_time_scale_days: float = 365.0,
        attach_threshold: float | None = None,
        attach_days: float = 30.0,
    ) -> None:
        self.threshold = threshold
        self.attach_threshold = attach_threshold
        self.attach_days = attach_days
        self.merge_threshold = merge_threshold
        self.merge_time_scale_days = merge_time_scale_days
        self.name_weight = name_weight
        self.time_scale_days = time_scale_days
        self.overlap_ratio = overlap_ratio
        self.distinct_below = distinct_below

    def fit(self, features: Sequence[ArticleFeatures]) -> SinglePassClusterer:
        """Cluster `features`; sets `clusters_` (lists of article ids, in order of their first
        article) and `scores_` (article id -> best score when it joined, None if it started
        a story)."""
        order = sorted(features, key=lambda f: (f.day is None, f.day or 0, f.id))
        stories: list[_Story] = []
        term_index: dict[str, set[int]] = defaultdict(set)
        name_index: dict[str, set[int]] = defaultdict(set)
        scores: dict[str, float | None] = {}
        for f in order:
            ranked = self._ranked(f, stories, term_index, name_index)
            chosen: list[int] = []
            if ranked and ranked[0][0] >= self.threshold:
                best = ranked[0][0]
                floor = max(best * self.overlap_ratio, 2 * self.threshold)
                first = stories[ranked[0][1]]
                chosen = [ranked[0][1]] + [
                    i
                    for s, i in ranked[1:]
                    if s >= floor and self._pair(first, stories[i]) < self.distinct_below
                ]
                scores[f.id] = best
            else:
                stories.append(_Story())
                chosen = [len(stories) - 1]
                scores[f.id] = None
            for i in chosen:
                self._join(stories[i], i, f, term_index, name_index)
        if self.merge_threshold is not None:
            stories = self._merge(stories)
        if self.attach_threshold is not None:
            stories = self._attach(stories, order, scores)
        self.clusters_: list[list[str]] = [s.members for s in stories]
        self.scores_ = scores
        return self

    def _pair(self, a: _Story, b: _Story) -> float:
        def cos(x: dict[str, float], nx: float, y: dict[str, float], ny: float) -> float:
            if not nx or not ny:
                return 0.0
            if len(x) > len(y):
                x, y = y, x
            return sum(w * y.get(k, 0.0) for k, w in x.items()) / math.sqrt(nx * ny)

        score = (1 - self.name_weight) * cos(
            a.terms, a.terms_norm2, b.terms, b.terms_norm2
        ) + self.name_weight * cos(a.names, a.names_norm2, b.names, b.names_norm2)
        gap = 0.0
        if a.first and a.last and b.first and b.last:
            gap = float(max(0, (b.first - a.last).days, (a.first - b.last).days))
        return score / (1.0 + gap / self.merge_time_scale_days)

    def _merge(self, stories: list[_Story]) -> list[_Story]:
        """Merge stories (of two articles or more) whose summed vectors are alike, best pair
        first, until no pair reaches `merge_threshold`: the single pass splits a long story
        into chapters that started before they could be recognised as one."""
        assert self.merge_threshold is not None
        live = [i for i, s in enumerate(stories) if len(s.members) > 1]
        sims = {(i, j): self._pair(stories[i], stories[j]) for i in live for j in live if i < j}
        while sims:
            (i, j), best = max(sims.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]))
            if best < self.merge_threshold:
                break
            a, b = stories[i], stories[j]
            for m in b.members:
                if m not in a.members:
                    a.members.append(m)
            a.terms_norm2 = _add(a.terms, a.terms_norm2, b.terms)
            a.names_norm2 = _add(a.names, a.names_norm2, b.names)
            a.first = min(d for d in (a.first, b.first) if d) if a.first or b.first else None
            a.last = max(d for d in (a.last, b.last) if d) if a.last or b.last else None
            b.members = []
            live.remove(j)
            sims = {k: v for k, v in sims.items() if j not in k and i not in k}
            for k in live:
                if k != i:
                    sims[(min(i, k), max(i, k))] = self._pair(
                        stories[min(i, k)], stories[max(i, k)]
                    )
        return [s for s in stories if s.members]

    def _attach(
        self,
        stories: list[_Story],
        order: Sequence[ArticleFeatures],
        scores: dict[str, float | None],
    ) -> list[_Story]:
        """Attach each article left alone to the story it is closest to, when that scores at
        least `attach_threshold` and the article lies within `attach_days` of the story's
        days. The stories' vectors are not updated, so the order of attachment is moot."""
        assert self.attach_threshold is not None
        term_index: dict[str, set[int]] = defaultdict(set)
        name_index: dict[str, set[int]] = defaultdict(set)
        for i, s in enumerate(stories):
            if len(s.members) > 1:
                for k in s.terms:
                    term_index[k].add(i)
                for k in s.names:
                    name_index[k].add(i)
        position = {f.id: n for n, f in enumerate(order)}
        by_id = {f.id: f for f in order}
        alone = [s for s in stories if len(s.members) == 1]
        grown: set[int] = set()
        for lone in sorted(alone, key=lambda s: position[s.members[0]]):
            f = by_id[lone.members[0]]
            for score, i in self._ranked(f, stories, term_index, name_index):
                if score < self.attach_threshold:
                    break
                if self._gap(f, stories[i]) <= self.attach_days:
                    stories[i].members.append(f.id)
                    lone.members = []
                    scores[f.id] = score
                    grown.add(i)
                    break
        for i in grown:  # the founding article first, then the others in time order
            rest = sorted(stories[i].members[1:], key=position.__getitem__)
            stories[i].members[1:] = rest
        return [s for s in stories if s.members]

    def _ranked(
        self,
        f: ArticleFeatures,
        stories: list[_Story],
        term_index: dict[str, set[int]],
        name_index: dict[str, set[int]],
    ) -> list[tuple[float, int]]:
        term_dot: dict[int, float] = defaultdict(float)
        name_dot: dict[int, float] = defaultdict(float)
        for k, w in f.terms.items():
            for i in term_index.get(k, ()):
                term_dot[i] += w * stories[i].terms[k]
        for k, w in f.names.items():
            for i in name_index.get(k, ()):
                name_dot[i] += w * stories[i].names[k]
        ranked: list[tuple[float, int]] = []
        for i in set(term_dot) | set(name_dot):
            s = stories[i]
            cos_t = term_dot.get(i, 0.0) / math.sqrt(s.terms_norm2) if s.terms_norm2 else 0.0
            cos_n = name_dot.get(i, 0.0) / math.sqrt(s.names_norm2) if s.names_norm2 else 0.0
            score = (1 - self.name_weight) * cos_t + self.name_weight * cos_n
            ranked.append((score / (1.0 + self._gap(f, s) / self.time_scale_days), i))
        ranked.sort(key=lambda si: (-si[0], si[1]))
        return ranked

    @staticmethod
    def _gap(f: ArticleFeatures, s: _Story) -> float:
        if f.day is None or s.first is None or s.last is None:
            return 0.0
        if f.day < s.first:
            return float((s.first - f.day).days)
        if f.day > s.last:
            return float((f.day - s.last).days)
        return 0.0

    @staticmethod
    def _join(
        s: _Story,
        i: int,
        f: ArticleFeatures,
        term_index: dict[str, set[int]],
        name_index: dict[str, set[int]],
    ) -> None:
        s.members.append(f.id)
        s.terms_norm2 = _add(s.terms, s.terms_norm2, f.terms)
        s.names_norm2 = _add(s.names, s.names_norm2, f.names)
        for k in f.terms:
            term_index[k].add(i)
        for k in f.names:
            name_index[k].add(i)
        if f.day is not None:
            s.first = f.day if s.first is None or f.day < s.first else s.first
            s.last = f.day if s.last is None or f.day > s.last else s.last
