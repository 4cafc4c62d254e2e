"""The surface forms of absolute dates: every date string in a text (`scan_dates`:
"21 January 2014", "Jan. 21, 2014", "2014-01-21", "Tue Jan 21, 2014") and a container's
date string (`parse_date_string`: ISO, compact, or written out). Where a page prints its
own date is `datelines`; whether a date is trustworthy is `pubdate`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from storyline.data import (
    month_abbreviations,
    month_names,
    months,
    weekday_abbreviations,
    weekdays,
)
from storyline.model import DateInterval, Granularity
from storyline.spans import SpanMask

__all__ = ["MONTHS", "WEEKDAYS", "DateMatch", "parse_date_string", "scan_dates", "valid_date"]

MONTHS: dict[str, int] = {**months(), **month_abbreviations()}
# "Wednes." is a weekday abbreviation some page templates print
WEEKDAYS: dict[str, int] = {**weekdays(), **weekday_abbreviations(), "wednes": 2}

_MON = r"(?P<mon>[A-Z][A-Za-z]{2,8})\.?"
_MON2 = r"(?P<mon2>[A-Z][A-Za-z]{2,8})\.?"
_ORD = r"(?:st|nd|rd|th)?"
_WD = r"(?P<wd>[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?\s?,?\s+"

# "2000 people" is a count, not a year.
_COUNTED = (
    r"(?:people|persons|troops|soldiers|workers|jobs|families|homes|houses|residents|refugees|"
    r"protesters|demonstrators|children|men|women|students|employees|dollars|euros|pounds|"
    r"tons|tonnes|barrels|miles|km|kilometres|kilometers|metres|meters|feet|acres|hectares|"
    r"cases|deaths|votes|seats|units|cars|flights|passengers|members|copies|pages|words|"
    r"more|of\s+them|others|times|points|shares|sq|square)"
)

# Order matters: the first pattern to claim a span wins, so the most specific come first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    (
        "mdy",
        re.compile(rf"(?:{_WD})?{_MON}\s+(?P<d>\d{{1,2}}){_ORD}\s?,?\s+(?P<y>\d{{4}})(?![\d])"),
    ),
    (
        "dmy",
        re.compile(
            rf"(?:{_WD})?(?<!\d)(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON},?\s+(?P<y>\d{{4}})(?!\d)"
        ),
    ),
    (
        "num",
        re.compile(
            r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d])"
        ),
    ),
    ("my", re.compile(rf"{_MON},?\s+(?P<y>\d{{4}})(?![\d])")),
    ("md", re.compile(rf"(?:{_WD})?{_MON}\s+(?P<d>\d{{1,2}}){_ORD}(?![\d])")),
    ("dm", re.compile(rf"(?:{_WD})?(?<![\d.,])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON2}\b")),
    (
        "mon",
        re.compile(
            r"\b(?:in|since|until|till|by|from|during|before|after|last|next|this|early|late|mid-?)"
            r"\s+(?:early\s+|late\s+|mid-?)?(?P<mon>[A-Z][a-z]{2,8})\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?<![\d$£€.,/:-])(?P<y>1[89]\d\d|20\d\d)(?![\d%]|s\b|-\d|,\d|\s+{_COUNTED}\b)"
        ),
    ),
]


@dataclass(frozen=True)
class DateMatch:
    """An absolute (or year-less) calendar date written in a text.

    `year`, `month` and `day` are the fields the text gives; a month-day without a
    year (`March 29`) has `year=None`. `weekday` is a weekday name written next to it.
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    weekday: int | None = None

    @property
    def interval(self) -> DateInterval | None:
        """The calendar interval when the year is known, else None."""
        if self.year is None:
            return None
        if self.month is None:
            return DateInterval.year(self.year)
        if self.day is None:
            return DateInterval.month(self.year, self.month)
        return DateInterval.day(dt.date(self.year, self.month, self.day))

    @property
    def granularity(self) -> Granularity:
        if self.day is not None:
            return Granularity.DAY
        if self.month is not None:
            return Granularity.MONTH
        return Granularity.YEAR


def valid_date(y: int | None, m: int | None, d: int | None) -> bool:
    if y is not None and not 1800 <= y <= 2100:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    last = calendar.monthrange(y if y is not None else 2000, m)[1]
    return 1 <= d <= last


def _month(token: str | None) -> int | None:
    if token is None:
        return None
    key = token.lower().rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    return None


def _weekday(token: str | None) -> int | None:
    if token is None:
        return None
    return WEEKDAYS.get(token.lower().rstrip(".,"))


def _from_match(kind: str, m: re.Match[str]) -> tuple[int | None, int | None, int | None] | None:
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    d = int(gd["d"]) if gd.get("d") else None
    if kind == "iso":
        mo: int | None = int(gd["m"])
    elif kind == "num":
        a, b = int(gd["a"]), int(gd["b"])
        # Dots are day.month.year (European); slashes month/day/year unless impossible.
        if gd["sep"] == "." or a > 12:
            d, mo = a, b
        else:
            mo, d = a, b
    elif kind == "year":
        mo = None
    else:
        mo = _month(gd.get("mon") or gd.get("mon2"))
        if mo is None:
            return None
        if kind == "mon" and (gd["mon"] or "").lower() != month_names()[mo - 1].lower():
            return None  # a bare month needs its full name ("in Dec" is too ambiguous)
    if not valid_date(y, mo, d):
        return None
    return y, mo, d


def scan_dates(text: str) -> list[DateMatch]:
    """Every calendar date written in `text` (full, month-year, month-day, bare month, year).

    Overlaps are resolved by pattern priority; the result is sorted by position. Linear in
    the length of the text (a mask of taken characters, not a list of spans to compare).
    """
    taken = SpanMask(len(text))
    out: list[DateMatch] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            fields = _from_match(kind, m)
            if fields is None:
                continue
            y, mo, d = fields
            s, e = m.span()
            wd = _weekday(m.groupdict().get("wd"))
            if m.groupdict().get("wd") and wd is None:
                # the optional weekday group swallowed another word: drop it from the span
                s = min(m.start(g) for g, v in m.groupdict().items() if v and g != "wd")
            if not taken.free(s, e):
                continue
            taken.take(s, e)
            out.append(DateMatch(s, e, text[s:e], y, mo, d, wd))
    out.sort(key=lambda x: (x.start, x.end))
    return out


# -- container strings ---------------------------------------------------------------

_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+.*)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:[T ]?\d{2,6}.*)?\s*$")


def parse_date_string(value: str) -> DateInterval | None:
    """Parse a date string given by a container (header, JSON field, HTML meta, URL).

    Accepts ISO dates and datetimes (`2019-01-11`, `2019-01-11T08:00:00Z`, `2019-01`,
    `2019`), compact `20190111`, and written dates (`Jan 21, 2014 8:16am EST`,
    `29 July 2021`, `Tue, 21 Jan 2014 13:16:00 GMT`). Returns None when it cannot.
    """
    s = value.strip()
    if not s:
        return None
    m = _ISO_PREFIX.match(s)
    if m:
        y, mo, d = (int(g) if g else None for g in m.groups())
        if valid_date(y, mo, d):
            assert y is not None
            return DateMatch(0, 0, s, y, mo, d).interval
        return None
    m = _COMPACT.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return DateMatch(0, 0, s, y, mo, d).interval if valid_date(y, mo, d) else None
    found = [x for x in scan_dates(s) if x.year is not None]
    if not found:
        return None
    best = min(found, key=lambda x: (x.granularity.rank, x.start))
    return best.interval
