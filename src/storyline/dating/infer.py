"""What a text's own dates say about when it was written.

Every calendar date the text mentions is read with the tense of the clause that
holds it: a date reported in the past ("talks were held on 23 September 2017") is a
lower bound on the publication date, a date announced as coming ("they will meet
on 22 January") an upper bound. From these this module

- checks a publication-date candidate (`check_candidate`): it is rejected when the
  text reports a past event after it, announces as coming an event before it, or
  when it lies far beyond every dated thing the text mentions (a crawl or page clock);
- gives the hard bounds of an undated text (`text_bounds`);
- resolves the year of a year-less dateline (`resolve_year`);
- gives a best single estimate (`estimate`), used only for measurement and never
  published as a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.dating.scan import DateMatch, scan_dates
from storyline.model import DateInterval, Granularity
from storyline.spans import SpanMask

__all__ = [
    "FUTURE",
    "PAST",
    "UNKNOWN",
    "Bounds",
    "Mention",
    "Verdict",
    "check_candidate",
    "estimate",
    "extract_mentions",
    "first_weekday",
    "guess_year",
    "resolve_year",
    "tense_at",
    "text_bounds",
]

PAST, FUTURE, UNKNOWN = "past", "future", "unknown"

_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|won't|wo n't|'ll|would|going to|plans? to|planned|planning|expected|"
    r"expects?|scheduled|schedule|set to|is to|are to|next|upcoming|forthcoming|"
    r"ahead of|to be held|intends? to|hopes? to|aims? to|due(?! to)|matur\w*|expir\w*)\b",
    re.IGNORECASE,
)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|since|last|earlier|previously|former|"
    r"came|went|took|made|gave|began|won|saw|left|sent|found|led|fell|rose|paid|sold|"
    r"spent|became|brought|struck|met|held|agreed|freed|"
    r"(?-i:(?!hundred|indeed|united)[a-z]{2,}[^e\W]ed))\b",
    re.IGNORECASE,
)
# A date right after these words is a deadline or a span end, either side of the writing.
_OPEN_ENDED = re.compile(r"\b(?:by|until|till|through|to|for|before)\s+(?:the\s+)?$", re.IGNORECASE)
# Clause boundaries: tense is read within the clause that holds a date.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”\n]|(?<=[.!?])\s|\s[-–—]\s")
_CONTEXT = 90

# How many days a contradicting date may overlap a candidate (time zones, late filing).
_TOLERANCE_DAYS = 2


@dataclass(frozen=True)
class Mention:
    """A calendar date the text mentions, with the tense of its clause."""

    match: DateMatch
    tense: str  # past | future | unknown

    @property
    def interval(self) -> DateInterval | None:
        return self.match.interval


def _clause_before(text: str, pos: int) -> str:
    window = text[max(0, pos - _CONTEXT) : pos]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(window):
        cut = m.end()
    return window[cut:]


def _clause_after(text: str, pos: int) -> str:
    window = text[pos : pos + _CONTEXT]
    m = _CLAUSE_BREAK.search(window.lstrip(",; "))
    head = window.lstrip(",; ")
    return head[: m.start()] if m else head


def tense_at(text: str, start: int, end: int) -> str:
    """The tense of the clause around text[start:end]: past, future or unknown.

    A date right after "by", "until", "to", "for"... is unknown (a deadline or span end
    may fall either side of the writing). Otherwise future markers (will, expected,
    next...) before the date win; then past markers (was, said, -ed verbs, since...);
    then the clause after the date is read.
    """
    before = _clause_before(text, start)
    if _OPEN_ENDED.search(before):
        return UNKNOWN  # "by May 2013", "until 2005", "for the January 2013 trial"
    if _FUTURE_WORDS.search(before):
        return FUTURE
    if _PAST_WORDS.search(before):
        return PAST
    after = _clause_after(text, end)
    fut = _FUTURE_WORDS.search(after)
    past = _PAST_WORDS.search(after)
    if fut and (not past or fut.start() < past.start()):
        return FUTURE
    if past:
        return PAST
    return UNKNOWN


def extract_mentions(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every calendar date in `text` outside the `exclude` spans, with its tense."""
    out: list[Mention] = []
    excluded = SpanMask(len(text), exclude)
    for dm in scan_dates(text):
        if not excluded.free(dm.start, dm.end):
            continue
        out.append(Mention(dm, tense_at(text, dm.start, dm.end)))
    return out


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_NUM = {name: i for i, name in enumerate(calendar.day_name)}


def first_weekday(text: str, exclude: Sequence[tuple[int, int]] = ()) -> int | None:
    """The first weekday the story names outside the future tense (0 = Monday).

    In news the first weekday named is nearly always the day of the reported event,
    which is usually the day of publication."""
    excluded = SpanMask(len(text), exclude)
    for m in _WEEKDAY.finditer(text):
        if not excluded.free(m.start(), m.end()):
            continue
        if tense_at(text, m.start(), m.end()) != FUTURE:
            return _WEEKDAY_NUM[m.group(1)]
        return None
    return None


@dataclass(frozen=True)
class Bounds:
    """Hard bounds the text puts on its own publication date (either may be None)."""

    earliest: dt.date | None = None
    earliest_from: str | None = None
    latest: dt.date | None = None
    latest_from: str | None = None


def text_bounds(mentions: Sequence[Mention], body_end: int | None = None) -> Bounds:
    """The latest start of a date reported in the past, and the earliest end of a date
    (at month or day precision) announced as coming. Only dates before `body_end` count
    (comments and sidebars follow the story); a conflicting upper bound is dropped."""
    body = [m for m in mentions if body_end is None or m.match.start < body_end]
    past = [(m.interval.start, m) for m in body if m.tense == PAST and m.interval]
    fut = [
        (m.interval.end, m)
        for m in body
        if m.tense == FUTURE and m.interval and m.match.granularity is not Granularity.YEAR
    ]
    earliest = max(past, key=lambda x: (x[0], x[1].match.start)) if past else None
    latest = min(fut, key=lambda x: (x[0], x[1].match.start)) if fut else None
    if earliest and latest and latest[0] < earliest[0]:
        latest = None
    return Bounds(
        earliest[0] if earliest else None,
        earliest[1].match.text if earliest else None,
        latest[0] if latest else None,
        latest[1].match.text if latest else None,
    )


def _nearest(month: int, day: int, around: dt.date) -> dt.date | None:
    best: dt.date | None = None
    for y in (around.year - 1, around.year, around.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - around).days) < abs((best - around).days):
            best = d
    return best


@dataclass(frozen=True)
class Verdict:
    """The text's judgement of one candidate: a rejection reason (or None) and a
    support score in [0, 1] (how well the text's dates agree with it)."""

    reason: str | None
    support: float
    kind: str = "ok"  # ok | crawl | past | future | clock (what rejected it)


def check_candidate(
    value: DateInterval,
    mentions: Sequence[Mention],
    max_gap_days: int | None,
    crawled: dt.date | None = None,
    strong: bool = False,
    corroborated: bool = False,
    weekday: int | None = None,
    body_end: int | None = None,
    today: dt.date | None = None,
) -> Verdict:
    """Check a publication-date candidate against the text's own dates.

    Only dates at day or month precision can contradict a candidate; a bare year's
    tense is read too loosely. Only dates before `body_end` can contradict a `strong`
    candidate (a container's header, field or meta): the tail of a page is where
    comments, corrections and sidebars printed after publication sit. With
    `max_gap_days` None the page-clock rule is off (real stories often cite only old
    dates, so container dates should not face it). A
    `corroborated` candidate (another place on the page prints nearly the same day) is
    not taken for a page clock however old the text's own dates are; nor is a day
    falling on `weekday`, the first weekday the story names (see `first_weekday`).
    A candidate after `today` (the day of the run) is rejected whatever its source: no
    article was published in the future.
    """
    if today is not None and value.start > today + dt.timedelta(days=1):
        return Verdict(
            f"{value.iso()} is in the future (today is {today.isoformat()}): not a "
            f"publication date",
            0.0,
            "future-date",
        )
    if weekday is not None and value.granularity is Granularity.DAY:
        corroborated = corroborated or value.start.weekday() == weekday
    if crawled is not None and value.start > crawled + dt.timedelta(days=1):
        return Verdict(f"{value.iso()} is after the crawl date {crawled.isoformat()}", 0.0, "crawl")
    tol = dt.timedelta(days=_TOLERANCE_DAYS)
    for m in mentions:
        iv = m.interval
        if iv is None or iv.granularity is Granularity.YEAR:
            continue  # a bare year's tense is read too loosely to reject on its own
        if strong and body_end is not None and m.match.start >= body_end:
            continue
        if m.tense == PAST and iv.start > value.end + tol:
            return Verdict(
                f"the text reports {m.match.text!r} ({iv.iso()}) in the past tense, "
                f"after {value.iso()}",
                0.0,
                "past",
            )
        if m.tense == FUTURE and iv.end < value.start - tol:
            return Verdict(
                f"the text announces {m.match.text!r} ({iv.iso()}) as coming, before {value.iso()}",
                0.0,
                "future",
            )
    specific = [m.interval for m in mentions if m.interval and m.match.granularity.rank <= 2]
    years = {m.match.year for m in mentions if m.match.year is not None}
    if (
        specific
        and max_gap_days is not None
        and not corroborated
        and not years & {value.start.year, value.start.year - 1}
    ):
        last = max(iv.end for iv in specific)
        gap = (value.start - last).days
        if gap > max_gap_days:
            what = "a crawl or page clock, not a publication date"
            if strong:
                what = "a crawl or page clock, a default or a typo: not a publication date"
            return Verdict(
                f"{value.iso()} is {gap} days after the latest date the text mentions "
                f"({last.isoformat()}) and the text never names {value.start.year} or the "
                f"year before: {what}",
                0.0,
                "clock",
            )
    return Verdict(None, _support(value, mentions))


def _support(value: DateInterval, mentions: Sequence[Mention]) -> float:
    """Share of the text's near dates that sit where they should around `value`:
    past ones in the preceding weeks, coming ones in the following months."""
    good = total = 0
    anchor = value.start
    for m in mentions:
        if m.match.month is None or m.match.day is None or m.tense == UNKNOWN:
            continue
        if m.match.year is not None:
            d = dt.date(m.match.year, m.match.month, m.match.day)
        else:
            near = _nearest(m.match.month, m.match.day, anchor)
            if near is None:
                continue
            d = near
        delta = (d - anchor).days
        if abs(delta) > 400:
            continue
        total += 1
        if (m.tense == PAST and -60 <= delta <= _TOLERANCE_DAYS) or (
            m.tense == FUTURE and -_TOLERANCE_DAYS <= delta <= 180
        ):
            good += 1
    return good / total if total else 0.5


def guess_year(mentions: Sequence[Mention]) -> tuple[int | None, str]:
    """The most likely year of writing: the latest year the text names outside the
    future tense (None when it names none). On T17 year-less datelines this is the
    dateline's year in 17 of 21 articles that name a year with a month."""
    named = [m.match.year for m in mentions if m.match.year is not None and m.tense != FUTURE]
    if not named:
        return None, "the text names no year"
    y0 = max(named)
    return y0, f"latest year the text names is {y0}"


def _fits(d: dt.date, bounds: Bounds) -> bool:
    if bounds.earliest is not None and d < bounds.earliest - dt.timedelta(days=_TOLERANCE_DAYS):
        return False
    return not (bounds.latest is not None and d > bounds.latest)


def _date(y: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def resolve_year(
    month: int,
    day: int,
    mentions: Sequence[Mention],
    weekday: int | None = None,
    anchor: dt.date | None = None,
    stamped: int | None = None,
) -> tuple[int | None, str]:
    """The year of a year-less date (`LONDON, March 29 (Reuters)`).

    With an `anchor` (a full date found elsewhere on the page) the year putting the date
    nearest to it; else, with `stamped` (the year of the page's copyright line), that year
    or the one before where the weekday fits. Otherwise from the text: the guessed year of writing
    (`guess_year`), refined by `weekday` (the weekday the lead gives for the
    dateline's day) when one is known, and kept within the bounds the text's dates set.
    Returns (year, why); year is None when nothing fits.
    """
    if anchor is not None:
        days = [
            (abs((d - anchor).days), d.year)
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if (d := _date(y, month, day)) is not None
        ]
        if days:
            gap, year = min(days)
            if gap <= 183:
                return year, f"nearest to {anchor.isoformat()} found on the page"
    bounds = text_bounds(mentions)
    if stamped is not None:  # the copyright year, or the year before it
        for y in (stamped, stamped - 1):
            d = _date(y, month, day)
            if d is None or not _fits(d, bounds):
                continue
            if weekday is None or d.weekday() == weekday:
                return y, f"the page's copyright line is dated {stamped}"
    guess, why = guess_year(mentions)
    if guess is None:
        return None, why
    if weekday is not None:
        for off in (0, 1, -1, 2, -2, 3, -3):
            d = _date(guess + off, month, day)
            if d is not None and d.weekday() == weekday and _fits(d, bounds):
                return d.year, f"{why}; nearest year where the lead's weekday matches"
    for y in (guess, guess + 1):
        d = _date(y, month, day)
        if d is not None and _fits(d, bounds):
            return y, why + ("" if y == guess else "; the date falls after a reported one")
    return None, f"no year near {guess} fits the dates the text reports"


def estimate(mentions: Sequence[Mention], bounds: Bounds) -> DateInterval | None:
    """A best single guess of the publication date from the text alone (for
    measurement, never published): the latest day the text reports in the past,
    placed in the guessed year of writing when written without a year; else the
    latest dated day of that year; else the guessed year. None without any year."""
    year, _ = guess_year(mentions)
    if year is None:
        fut = sorted({m.match.year for m in mentions if m.match.year})
        return DateInterval.year(fut[0]) if fut else None
    if bounds.earliest is not None and year < bounds.earliest.year:
        year = bounds.earliest.year
    if bounds.latest is not None and year > bounds.latest.year:
        year = bounds.latest.year
    days: list[dt.date] = []
    for m in mentions:
        dm = m.match
        if m.tense == FUTURE or dm.month is None or dm.day is None:
            continue
        if dm.year is None:
            d = None
            if dm.weekday is not None:
                for off in (0, 1, -1, 2, -2, 3, -3):
                    c = _date(year + off, dm.month, dm.day)
                    if c is not None and c.weekday() == dm.weekday:
                        d = c
                        break
            d = d or _date(year, dm.month, dm.day)
        elif dm.year == year:
            d = _date(dm.year, dm.month, dm.day)
        else:
            continue
        if d is not None and _fits(d, bounds):
            days.append(d)
    if days:
        return DateInterval.day(max(days))
    return DateInterval.year(year)
