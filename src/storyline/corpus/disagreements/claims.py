"""Checkable claims inside one sentence: counted quantities, day dates, places of events
and quotations with their speaker. The disagreement finder compares these across sources.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.corpus.disagreements.quantities import (
    CURRENCY_CODES,
    Quantity,
    is_year_like,
    parse_quantities,
)
from storyline.data import months, stopwords
from storyline.model import Article, EntityMention, TimeExpression
from storyline.spans import SpanMask

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_MONTHS = months()
_MONTH_RE = "|".join(m.capitalize() for m in _MONTHS)
_DAY_MONTH = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})(?:,?\s+(?P<y>\d{{4}}))?\b"
)
_MONTH_DAY = re.compile(
    rf"\b(?P<m>{_MONTH_RE})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"
)
_CALENDAR_WORD = re.compile(rf"\b(?:{_MONTH_RE})\b|\d", re.IGNORECASE)
_QUOTE = re.compile(r"[\u201c\"](?P<q>[^\u201c\u201d\"]{20,}?)[\u201d\"]")
_COUNT_STOP = stopwords("count_filler")
_LOCATIVE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_COUNTED = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
     "minute", "minutes", "time", "times", "percent", "am", "pm", "gmt", "utc", "est", "st",
     "nd", "rd", "th"}
)  # fmt: skip


@dataclass(frozen=True)
class CountClaim:
    quantity: Quantity
    noun: str  # the counted thing, singular, lower case ("resident", "vote")


@dataclass(frozen=True)
class QuoteClaim:
    quote: str
    speakers: frozenset[str]  # entity ids of the people the sentence names outside the quote


def singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def counted_noun(text: str, end: int) -> str:
    """The thing a number counts: the first plural noun-looking word among the next few
    ("four China Coast Guard vessels" -> "vessel"), else the first content word."""
    first = ""
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", text[end : end + 60])[:5]:
        low = word.lower()
        if low in _COUNT_STOP:
            if first:
                break
            continue
        first = first or low
        if low.endswith("s") and not low.endswith(("ss", "'s", "us")) and len(low) > 3:
            return singular(low)
    return singular(first) if first else ""


def date_mask(spans: Sequence[tuple[int, int]]) -> SpanMask:
    """The date spans of one article as a mask: `count_claims` then checks a quantity
    against all of them in time proportional to its length, not to their number."""
    return SpanMask(max((e for _, e in spans), default=0), spans)


def _blocked(start: int, end: int, spans: Sequence[tuple[int, int]] | SpanMask) -> bool:
    if isinstance(spans, SpanMask):
        return not spans.free(start, end)
    return any(s < end and start < e for s, e in spans)


def count_claims(
    sentence: str, offset: int, date_spans: Sequence[tuple[int, int]] | SpanMask
) -> list[CountClaim]:
    """Quantities with what they count; years and numbers inside dates are left out."""
    out: list[CountClaim] = []
    for q in parse_quantities(sentence):
        if is_year_like(q) or _blocked(offset + q.start, offset + q.end, date_spans):
            continue
        # Money is compared as money ("$4.8 billion" / "about $4 billion", whatever follows).
        noun = q.unit if q.unit in CURRENCY_CODES else counted_noun(sentence, q.end)
        if not noun or noun in _NOT_COUNTED:
            continue
        out.append(CountClaim(q, noun))
    return out


def day_dates(
    article: Article,
    start: int,
    end: int,
    text: str,
    times: Sequence[TimeExpression] | None = None,
) -> list[dt.date]:
    """Absolute day dates stated in a sentence: from the tagger's time expressions when
    present, else from "14 January [2019]" / "January 14[, 2019]" forms. `times` may
    narrow the article's time expressions to those near the sentence (a speed-up)."""
    found: set[dt.date] = set()
    for t in article.times if times is None else times:
        iv = t.interval
        # "January 14" gets its year from the publication date: still a calendar date;
        # "on Monday" or "today" depend on the reporter's clock and are left out.
        explicit = not t.relative or _CALENDAR_WORD.search(t.text) is not None
        if start <= t.start < end and iv is not None and explicit and iv.days == 1:
            found.add(iv.start)
    if article.times:
        return sorted(found)
    year = article.published.start.year if article.published is not None else None
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            y = int(m.group("y")) if m.group("y") else year
            if y is None:
                continue
            try:
                found.add(dt.date(y, _MONTHS[m.group("m").lower()], int(m.group("d"))))
            except ValueError:
                continue
    return sorted(found)


def date_spans(article: Article) -> list[tuple[int, int]]:
    """Character spans of dates and times (tagger output and DATE/TIME entity labels)."""
    spans = [(t.start, t.end) for t in article.times]
    spans += [(m.start, m.end) for m in article.mentions if m.label in ("DATE", "TIME")]
    return spans


def locative_places(text: str, start: int, end: int, mentions: Sequence[EntityMention]) -> set[str]:
    """Entity ids of places the sentence puts an event in ("held in Moscow", "at Sochi")."""
    out: set[str] = set()
    for m in mentions:
        if m.label in PLACE_LABELS and m.entity_id and start <= m.start and m.end <= end:
            before = text[max(start, m.start - 10) : m.start]
            if _LOCATIVE.search(before):
                out.add(m.entity_id)
    return out


def quote_claims(
    text: str,
    start: int,
    end: int,
    mentions: tuple[EntityMention, ...],
    people: frozenset[str] = frozenset(),
) -> list[QuoteClaim]:
    """Quotations of 20+ characters in the sentence, with the people named outside them
    (mentions labelled PERSON, or linked to an entity id in `people`)."""
    sentence = text[start:end]
    quotes = list(_QUOTE.finditer(sentence))
    if not quotes:
        return []
    inside = [(start + q.start(), start + q.end()) for q in quotes]
    speakers = frozenset(
        m.entity_id
        for m in mentions
        if m.entity_id
        and (m.label == "PERSON" or m.entity_id in people)
        and start <= m.start < end
        and not _blocked(m.start, m.end, inside)
    )
    return [QuoteClaim(q.group("q").strip(), speakers) for q in quotes]


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2)
