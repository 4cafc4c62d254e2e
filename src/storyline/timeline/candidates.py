"""Dated sentence candidates: which sentence of which article speaks about which date.

A sentence is a candidate for every calendar date its time expressions denote (an event
date, distinct from the publication date). A lead sentence of a dated article with no time
expression of its own is a weaker candidate for the publication day (news leads report the
day's events), as in news-tls' date-wise approach.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.config import DatewiseConfig
from storyline.events.chronology import CHRONOLOGY
from storyline.model import (
    Article,
    DateInterval,
    EventMention,
    Granularity,
    Sentence,
    TimeExpression,
)

# Granularities that can date a timeline entry.
ENTRY_GRANULARITIES = (Granularity.DAY, Granularity.WEEK, Granularity.MONTH, Granularity.YEAR)


@dataclass(frozen=True)
class Candidate:
    date: DateInterval
    article: Article
    sentence: Sentence
    index: int  # position of the sentence in its article
    explicit: bool  # the sentence itself names the date (not only the publication date)
    weight: float
    chronology: bool = False  # an entry of a chronology the article carries
    day_before: bool = False  # a lead standing for the day before its publication
    kind: str = ""  # the event's kind (storyline.events), "lead", or "" (read by date alone)
    event: EventMention | None = None  # the clause that reports it, when known
    folded: bool = False  # told at a coarser date, joined to this finer one (fold_similar)
    aside: bool = False  # a clause told beside the sentence's own, otherwise dated, event


# A date introduced by these words bounds an event ("a deal by January 15", "a deadline of
# March 1") rather than dating it: the sentence is not a report of what happened that day.
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:by|until|till|before|ahead of|prior to|no later than|deadline(?: of| for)?)"
    r"(?:\s+(?:the|early|mid|late|end of|the end of))?)\s*$",
    re.IGNORECASE,
)


# A date right after a reporting verb ("said on Tuesday", "told reporters on January 11")
# dates the statement, not the event the sentence reports: it is a weaker candidate.
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told (?:\w+ ){0,2}|announced|stated|added|reported|declared|confirmed)"
    r"\s*(?:on|late on|earlier on|early on)?\s*$",
    re.IGNORECASE,
)
REPORTING_WEIGHT = 0.5


def _chronology_date(
    entry: re.Match[str], date: DateInterval, published: DateInterval | None
) -> DateInterval:
    """A chronology lists past events in the present tense ("March 17 - The Council
    votes ..."), which a tagger reads forward from the publication date: a year-less entry
    (`entry`, the CHRONOLOGY match) dated after its article is moved back to the latest
    such day not after publication."""
    if entry.group("year") or published is None or date.start <= published.end:
        return date
    start = date.start
    while start > published.end:
        try:
            start = start.replace(year=start.year - 1)
        except ValueError:  # 29 February
            return date
    return DateInterval(start, start, date.granularity)


def _before(sentence: Sentence, t: TimeExpression) -> str:
    return sentence.text[max(0, t.start - sentence.start - 30) : t.start - sentence.start]


def _is_bound(sentence: Sentence, t: TimeExpression) -> bool:
    return bool(_BOUND_BEFORE.search(_before(sentence, t)))


def _dates_in(
    sentence: Sentence, times: Sequence[TimeExpression], allow_coarse: bool
) -> list[tuple[DateInterval, float]]:
    """The dates a sentence reports events on, with a weight (event 1.0, statement 0.5),
    event dates first."""
    out: list[tuple[DateInterval, float]] = []
    for t in times:
        if t.start < sentence.start or t.end > sentence.end or t.interval is None:
            continue
        if t.type != "DATE" or _is_bound(sentence, t):
            continue
        g = t.interval.granularity
        if g not in ENTRY_GRANULARITIES or (not allow_coarse and g is not Granularity.DAY):
            continue
        if all(t.interval != d for d, _ in out):
            weight = REPORTING_WEIGHT if _REPORTED_BEFORE.search(_before(sentence, t)) else 1.0
            out.append((t.interval, weight))
    out.sort(key=lambda dw: -dw[1])  # stable: text order within a weight
    return out


def candidates_for(
    article: Article,
    params: DatewiseConfig | None = None,
    *,
    allow_coarse: bool = True,
    max_dates_per_sentence: int = 3,
) -> list[Candidate]:
    """All dated candidates of one annotated article, in text order.

    A lead sentence with no date of its own stands for the publication day and, at
    `previous_day_weight` of its weight, for the day before (a story published in the
    morning reports yesterday's events). A chronology entry weighs `chronology_weight`."""
    p = params or DatewiseConfig()
    out: list[Candidate] = []
    times, pub_day = usable_times(article)
    for i in range(len(article.sentences)):
        out.extend(
            sentence_candidates(article, i, times, pub_day, p, allow_coarse, max_dates_per_sentence)
        )
    return out


def sentence_candidates(
    article: Article,
    index: int,
    times: Sequence[TimeExpression],
    pub_day: DateInterval | None,
    params: DatewiseConfig,
    allow_coarse: bool = True,
    max_dates: int = 3,
) -> list[Candidate]:
    """Sentence `index` read date by date: a candidate for every date it names (statements
    at half weight, deadlines not at all), or, in the lead, for the publication day."""
    s = article.sentences[index]
    dates = dates_named(s, times, allow_coarse)
    if dates:
        cand_dates = [(d, w, None) for d, w in dates]
        return dated_candidates(article, index, cand_dates, pub_day, params, max_dates)
    if pub_day is not None and index < params.lead_sentences:
        return lead_candidates(article, index, pub_day, params)
    return []


def dates_named(
    sentence: Sentence, times: Sequence[TimeExpression], allow_coarse: bool = True
) -> list[tuple[DateInterval, float]]:
    """The dates `sentence` names, read date by date (`times` sorted by start), with
    their weights, event dates first."""
    inside = times[  # only the times inside the sentence: linear in the article
        bisect.bisect_left(times, sentence.start, key=_start) : bisect.bisect_right(
            times, sentence.end, key=_start
        )
    ]
    return _dates_in(sentence, inside, allow_coarse)


def _start(t: TimeExpression) -> int:
    return t.start


def usable_times(article: Article) -> tuple[list[TimeExpression], DateInterval | None]:
    """The article's time expressions that can date an event, and its trusted publication
    day: with no trustworthy day, "on Friday" or "in May" has no anchor and only absolute
    dates ("in August 1945") can date an event."""
    times = sorted(article.times, key=lambda t: t.start)
    pub = article.published
    pub_day = pub if pub is not None and pub.granularity is Granularity.DAY else None
    if article.published_how == "cross-reference":
        # resolved against the last day the matched events allow: relative dates are
        # usable, but no day stands for the lead
        return times, None
    if pub_day is None or article.published_how == "text-inferred":
        return [t for t in times if not t.relative], None
    return times, pub_day


def dated_candidates(
    article: Article,
    index: int,
    dates: Sequence[tuple[DateInterval, float, EventMention | None]],
    pub_day: DateInterval | None,
    params: DatewiseConfig,
    max_dates: int,
) -> list[Candidate]:
    """The candidates of sentence `index` for its dates (date, weight, reporting clause),
    a chronology entry weighing `chronology_weight`."""
    s = article.sentences[index]
    entry = CHRONOLOGY.match(s.text)
    factor = params.chronology_weight if entry else 1.0
    out = []
    for n, (d, w, event) in enumerate(dates[:max_dates]):
        if entry and n == 0 and d.granularity is Granularity.DAY:
            d = _chronology_date(entry, d, pub_day)
        kind = event.kind if event is not None else ""
        out.append(
            Candidate(
                d, article, s, index, True, w * factor, entry is not None, kind=kind, event=event
            )
        )
    return out


def lead_candidates(
    article: Article,
    index: int,
    pub_day: DateInterval,
    params: DatewiseConfig,
    event: EventMention | None = None,
) -> list[Candidate]:
    """A lead sentence standing for its article's publication day and, at
    `previous_day_weight` of its weight, for the day before."""
    s = article.sentences[index]
    w = params.lead_weight
    out = [Candidate(pub_day, article, s, index, False, w, kind="lead", event=event)]
    if params.previous_day_weight > 0:
        before = pub_day.start - dt.timedelta(days=1)
        out.append(
            Candidate(
                DateInterval(before, before, Granularity.DAY),
                article,
                s,
                index,
                False,
                w * params.previous_day_weight,
                day_before=True,
                kind="lead",
                event=event,
            )
        )
    return out


def drop_unconfirmed_days_before(by_date: dict[DateInterval, list[Candidate]]) -> None:
    """A lead stands for the day before its publication only where another article names
    that day: a lead alone never creates a date."""
    for date in list(by_date):
        group = by_date[date]
        guessed = [c for c in group if c.day_before]
        if not guessed:
            continue
        named = {c.article.id for c in group if c.explicit}
        kept = [c for c in group if not c.day_before or named - {c.article.id}]
        if any(not c.day_before for c in kept):
            by_date[date] = kept
        else:
            del by_date[date]


def fold_weeks(by_date: dict[DateInterval, list[Candidate]]) -> None:
    """Reports of "next week" and "on January 14" of one week usually mean one event: a
    week's candidates join the best-supported day inside that week, when there is one."""
    days = [d for d in by_date if d.granularity is Granularity.DAY]
    for week in [d for d in by_date if d.granularity is Granularity.WEEK]:
        # only a day that another article reports: within one article, "last week" and
        # "on Thursday" are distinct events
        week_articles = {c.article.id for c in by_date[week]}
        inside = [
            d
            for d in days
            if week.start <= d.start <= week.end
            and any(c.article.id not in week_articles for c in by_date[d])
        ]
        if not inside:
            continue
        target = max(
            inside, key=lambda d: (len({c.article.id for c in by_date[d]}), -d.start.toordinal())
        )
        moved = [dataclasses.replace(c, date=target) for c in by_date.pop(week)]
        by_date[target].extend(moved)


def collect(
    articles: Iterable[Article],
    params: DatewiseConfig | None = None,
    *,
    allow_coarse: bool = True,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Candidate]:
    """Candidates of all articles, restricted to dates within [start, end] when given."""
    out: list[Candidate] = []
    for a in articles:
        for c in candidates_for(a, params, allow_coarse=allow_coarse):
            if start is not None and c.date.end < start:
                continue
            if end is not None and c.date.start > end:
                continue
            out.append(c)
    return out
