"""`timeline.datewise.v1`: rank dates by how many independent reports speak of them, then
pick each date's sentences by centrality with a redundancy cap (maximal marginal relevance).

Dates named by the chronologies that articles carry weigh most: they are a journalist's own
pick of the key days, written in the style of a timeline. Each day is ranked against its
neighbours (coverage of one event spreads over the days around it).

The date-wise approach follows news-tls (Ghalandari & Ifrim, 2020): a date matters when many
articles *reference* it, not only when articles are published on it. Copies of one wire story
count once (they share a syndication group), so syndication cannot inflate a date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from numpy.typing import NDArray

from storyline.config import DatewiseConfig, TimelineConfig, iso_day
from storyline.model import (
    Article,
    DateInterval,
    EntryEvent,
    EntrySentence,
    Granularity,
    TimelineEntry,
    stable_id,
)
from storyline.timeline.candidates import (
    Candidate,
    collect,
    drop_unconfirmed_days_before,
    fold_weeks,
)
from storyline.timeline.text import SentenceVectors, headline_from, is_quote

MAX_COMPARED = 300  # candidates of one date compared for redundancy

# Coarser dates are weaker entries: a day is an event, a year is background.
GRANULARITY_WEIGHT = {
    Granularity.DAY: 1.0,
    Granularity.WEEK: 0.7,
    Granularity.MONTH: 0.6,
    Granularity.YEAR: 0.45,
}


@dataclass
class DatewiseTimeline:
    """Date-wise timeline summariser (scikit-learn parameter contract: __init__ only stores).

    max_entries: number of dates kept; sentences_per_entry: sentences shown per date;
    redundancy: a sentence whose cosine to an already chosen one exceeds this is a repeat;
    min_sources: dates reported by fewer articles are dropped; allow_coarse: month and year
    entries allowed; start / end: entries outside are dropped; query: what the story is
    about; required_terms: an entry's sentences must contain one of these
    (case-insensitive); params: the strategy's own parameters (`DatewiseConfig`, set as
    `timeline.datewise.*`).
    """

    name: ClassVar[str] = "timeline.datewise.v1"
    uses_entities: ClassVar[bool] = False

    max_entries: int = 30
    sentences_per_entry: int = 2
    redundancy: float = 0.3
    min_sources: int = 1
    allow_coarse: bool = True
    start: dt.date | None = None
    end: dt.date | None = None
    query: str | None = None
    required_terms: tuple[str, ...] = ()
    params: DatewiseConfig = field(default_factory=DatewiseConfig)

    @classmethod
    def from_config(cls, config: TimelineConfig, query: str | None = None) -> DatewiseTimeline:
        return cls(
            max_entries=config.max_entries,
            sentences_per_entry=config.sentences_per_entry,
            redundancy=config.redundancy,
            min_sources=config.min_sources,
            allow_coarse=config.allow_coarse,
            start=iso_day(config.start, "timeline.start"),
            end=iso_day(config.end, "timeline.end"),
            query=query,
            required_terms=config.keywords,
            params=config.datewise,
        )

    def _collect(self, articles: Sequence[Article]) -> list[Candidate]:
        """The dated candidates of every article (a hook for strategies that read more)."""
        return collect(
            articles, self.params, allow_coarse=self.allow_coarse, start=self.start, end=self.end
        )

    def _fold(
        self,
        by_date: dict[DateInterval, list[Candidate]],
        rows: dict[tuple[str, int], int],
        vectors: SentenceVectors,
    ) -> None:
        """Merge the dates that stand for one another (a hook)."""
        drop_unconfirmed_days_before(by_date)
        fold_weeks(by_date)

    def _event_of(self, lead: Candidate) -> EntryEvent | None:
        """The event an entry reports, from its headline candidate (a hook; dates alone
        say nothing of it)."""
        return None

    def _headline(self, lead: Candidate) -> str:
        return headline_from(lead.sentence.text)

    def _bonus(self, c: Candidate) -> float:
        """What a candidate sentence's score gains or loses beyond its centrality (a hook)."""
        return (
            (self.params.explicit_bonus if c.explicit else 0.0)
            + (self.params.chronology_bonus if c.chronology else 0.0)
            - (0.1 if is_quote(c.sentence.text) else 0.0)
            - (0.05 if c.article.duplicate_of else 0.0)
        )

    def _acceptable(self, group: Sequence[Candidate]) -> bool:
        """Whether a date's candidates can make an entry (a hook)."""
        return True

    def _citable(self, c: Candidate) -> bool:
        """Whether a candidate may be shown or cited for its date, beside counting in its
        score (a hook)."""
        return True

    def _can_lead(self, c: Candidate) -> bool:
        """Whether a candidate's sentence may open its entry (give the headline) (a hook)."""
        return True

    def build(self, articles: Sequence[Article]) -> list[TimelineEntry]:
        cands = [c for c in self._collect(articles) if c.weight > 0]
        if not cands:
            return []
        rows: dict[tuple[str, int], int] = {}
        texts: list[str] = []
        for c in cands:
            key = (c.article.id, c.sentence.start)
            if key not in rows:
                rows[key] = len(texts)
                texts.append(c.sentence.text)
        vectors = SentenceVectors(texts, fit_texts=[s.text for a in articles for s in a.sentences])
        by_date: dict[DateInterval, list[Candidate]] = defaultdict(list)
        for c in cands:
            by_date[c.date].append(c)
        self._fold(by_date, rows, vectors)
        ranked = self._rank_dates(by_date)
        used: set[tuple[str, int]] = set()
        entries: list[TimelineEntry] = []
        for date, group in ranked:
            if len(entries) >= self.max_entries:
                break
            if len({c.article.id for c in group if self._citable(c)}) < self.min_sources:
                continue
            if not self._acceptable(group):
                continue
            entry = self._entry(date, group, rows, vectors, used)
            if entry is not None:
                entries.append(entry)
        entries.sort(key=lambda e: (e.date.start, -e.date.granularity.rank, e.id))
        return entries

    # -- scoring ---------------------------------------------------------------------------
    def _rank_dates(
        self, by_date: dict[DateInterval, list[Candidate]]
    ) -> list[tuple[DateInterval, list[Candidate]]]:
        """Dates by score. Coverage of an event spreads over the days around it; of two
        neighbouring days the better-supported one is the event, so each day loses
        `neighbour_penalty` times its neighbours' scores."""
        score = {d: self._date_score(g) for d, g in by_date.items()}
        days = {d.start: g for d, g in by_date.items() if d.granularity is Granularity.DAY}
        one = dt.timedelta(days=1)
        for d, group in by_date.items():
            if d.granularity is not Granularity.DAY or not self.params.neighbour_penalty:
                continue
            # within one article, "on Tuesday" and "on Wednesday" are two events: only
            # other articles' support of a neighbouring day makes this day an echo
            own = {c.article.id for c in group}
            for n in (d.start - one, d.start + one):
                others = [c for c in days.get(n, ()) if c.article.id not in own]
                if others:
                    score[d] -= self.params.neighbour_penalty * self._date_score(others)
        return sorted(by_date.items(), key=lambda kv: (-score[kv[0]], kv[0].start, kv[0].end))

    def _date_score(self, group: Sequence[Candidate]) -> float:
        best: dict[str, float] = {}
        for c in group:
            g = c.article.syndication_group or c.article.id
            best[g] = max(best.get(g, 0.0), c.weight)
        explicit = sum(c.weight for c in group if c.explicit)
        base = sum(best.values()) + self.params.sentence_weight * explicit
        return base * GRANULARITY_WEIGHT.get(group[0].date.granularity, 0.3)

    def _entry(
        self,
        date: DateInterval,
        group: Sequence[Candidate],
        rows: dict[tuple[str, int], int],
        vectors: SentenceVectors,
        used: set[tuple[str, int]],
    ) -> TimelineEntry | None:
        # one candidate per (article, sentence); drop copies of the same sentence
        seen: dict[tuple[str, int], Candidate] = {}
        for c in group:
            if self._citable(c):
                seen.setdefault((c.article.id, c.sentence.start), c)
        if not seen:
            return None
        cands = sorted(seen.values(), key=lambda c: (c.article.id, c.sentence.start))
        short = [c for c in cands if len(c.sentence.text.split()) <= self.params.max_words]
        cands = short or cands  # very long "sentences" are mostly lists and run-ons
        idx = [rows[(c.article.id, c.sentence.start)] for c in cands]
        score = vectors.centroid_scores(idx)
        score = score + self.params.query_weight * vectors.query_scores(idx, self.query)
        score = score + np.array([self._bonus(c) for c in cands])
        order = sorted(range(len(cands)), key=lambda i: (-score[i], cands[i].article.id))
        # redundancy is checked among the best-scored candidates only, so that a date cited
        # by thousands of sentences does not need a thousands-squared similarity matrix
        showable = order
        if self.required_terms:  # only sentences saying one of them are shown
            terms = [t.lower() for t in self.required_terms]
            showable = [i for i in order if any(t in cands[i].sentence.text.lower() for t in terms)]
        top = showable[:MAX_COMPARED]
        pos = {i: n for n, i in enumerate(top)}
        sim = vectors.similarity([idx[i] for i in top], [idx[i] for i in top])
        chosen: list[int] = []
        for i in top:
            if len(chosen) >= self.sentences_per_entry:
                break
            key = (cands[i].article.id, cands[i].sentence.start)
            if key in used:
                continue
            if any(sim[pos[i], pos[j]] > self.redundancy for j in chosen):
                continue
            chosen.append(i)
        chosen = self._lead_first(chosen, top, cands, pos, sim, used)
        if not chosen:
            return None
        for i in chosen:
            used.add((cands[i].article.id, cands[i].sentence.start))
        # every supporting article, cited by its best sentence; a lead standing for the day
        # before its publication is a guess, not a report of this day: it is cited (and
        # counted as a source) only when its sentence is shown
        shown = {cands[i].article.id for i in chosen}
        best_per_article: dict[str, int] = {}
        for i in order:
            if cands[i].day_before and cands[i].article.id not in shown:
                continue
            best_per_article.setdefault(cands[i].article.id, i)
        support = [cands[i] for i in sorted(best_per_article.values(), key=lambda i: -score[i])]
        groups = {c.article.syndication_group or c.article.id for c in support}
        lead = cands[chosen[0]]
        return TimelineEntry(
            id=stable_id(date.iso(), date.granularity.value, prefix="t"),
            date=date,
            headline=self._headline(lead),
            sentences=tuple(_entry_sentence(cands[i]) for i in chosen),
            sources=len(best_per_article),
            independent_sources=len(groups),
            score=round(self._date_score(group), 6),
            single_source=len(groups) == 1,
            citations=tuple(_entry_sentence(c) for c in support),
            event=self._event_of(lead),
        )

    def _lead_first(
        self,
        chosen: list[int],
        top: Sequence[int],
        cands: Sequence[Candidate],
        pos: dict[int, int],
        sim: NDArray[np.float64],
        used: set[tuple[str, int]],
    ) -> list[int]:
        """`chosen` with a sentence that may lead the entry first: the best chosen one, else
        the best other candidate not redundant with the rest (it takes the last place);
        empty when no candidate may lead."""
        first = next((i for i in chosen if self._can_lead(cands[i])), None)
        if first is not None:
            return [first, *(i for i in chosen if i != first)]
        for i in top:
            if i in chosen or not self._can_lead(cands[i]):
                continue
            if (cands[i].article.id, cands[i].sentence.start) in used:
                continue
            rest = chosen[: max(0, self.sentences_per_entry - 1)]
            if any(sim[pos[i], pos[j]] > self.redundancy for j in rest):
                continue
            return [i, *rest]
        return []


def _entry_sentence(c: Candidate) -> EntrySentence:
    a = c.article
    return EntrySentence(
        text=c.sentence.text,
        article=a.id,
        start=c.sentence.start,
        end=c.sentence.end,
        source=a.source,
        published=a.published.iso() if a.published is not None else None,
    )
