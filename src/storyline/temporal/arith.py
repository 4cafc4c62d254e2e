"""Calendar arithmetic and TIMEX3 value formatting used by the normalisation rules."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from storyline.model import DateInterval, Granularity


def add_months(d: dt.date, n: int) -> dt.date:
    """d shifted by n calendar months (the day clipped to the month's length)."""
    m0 = d.year * 12 + d.month - 1 + n
    y, m = divmod(m0, 12)
    y = min(max(y, 1), 9999)
    last = _cal.monthrange(y, m + 1)[1]
    return dt.date(y, m + 1, min(d.day, last))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """d shifted by n units (day, week, weekend, month, quarter, year, decade, century)."""
    try:
        if unit == "day":
            return d + dt.timedelta(days=n)
        if unit in ("week", "weekend"):
            return d + dt.timedelta(weeks=n)
        if unit == "month":
            return add_months(d, n)
        if unit == "quarter":
            return add_months(d, 3 * n)
        if unit == "year":
            return add_months(d, 12 * n)
        if unit == "decade":
            return add_months(d, 120 * n)
        if unit == "century":
            return add_months(d, 1200 * n)
    except OverflowError:
        return d
    raise ValueError(f"unknown unit {unit!r}")


def fmt(d: dt.date, unit: str) -> str:
    """The TIMEX3 value of the unit-long calendar period that contains d."""
    if unit == "day":
        return d.isoformat()
    if unit == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


_RANK = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5,
         "century": 6}  # fmt: skip


def fmt_within(d: dt.date, known: str, unit: str) -> str:
    """The value of the unit-long period at d when only the `known` unit of d is certain:
    "that day" after "in October 1998" is 1998-10-XX, after "in 1998" 1998-XX-XX."""
    if _RANK.get(known, 0) <= _RANK.get(unit, 0):
        return fmt(d, unit)
    if known == "month" and unit == "day":
        return f"{d.year:04d}-{d.month:02d}-XX"
    if unit == "day":
        return f"{d.year:04d}-XX-XX"
    if unit in ("week", "weekend"):
        return f"{d.year:04d}-WXX"
    if unit == "month":
        return f"{d.year:04d}-XX"
    return fmt(d, known)


def weekday_near(ref: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday closest to ref in a direction: 'past' (on or before ref), 'future' (on or
    after), 'strict-past' / 'strict-future' (never ref itself)."""
    delta = weekday - ref.weekday()
    if direction == "past":
        return ref + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return ref + dt.timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "strict-past":
        return ref + dt.timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "strict-future":
        return ref + dt.timedelta(days=delta if delta > 0 else delta + 7)
    raise ValueError(f"unknown direction {direction!r}")


def month_year(ref: dt.date, month: int, direction: str) -> int:
    """The year of the month named relative to ref: 'past' (on or before ref's month), 'future'
    (on or after), 'strict-past', 'strict-future', or 'same' (ref's year)."""
    y = ref.year
    if direction == "past":
        return y if month <= ref.month else y - 1
    if direction == "future":
        return y if month >= ref.month else y + 1
    if direction == "strict-past":
        return y if month < ref.month else y - 1
    if direction == "strict-future":
        return y if month > ref.month else y + 1
    return y


NEAR_DAYS = 45  # a month-day this close to the reference is taken whatever the tense
NEAR_MONTHS = 1


def nearest_year(ref: dt.date, month: int, day: int | None, direction: str) -> int:
    """The year that puts month (and day) nearest to ref: among the previous, same and next
    year, keep those on the right side for 'past' / 'future' (any side for other directions)
    and take the closest; a candidate within NEAR_DAYS (NEAR_MONTHS) wins whatever the tense,
    because the tense of the verb is a weaker cue than closeness."""
    if direction in ("past", "future"):
        y = nearest_year(ref, month, day, "none")
        d = valid_day(y, month, day or 1) or valid_day(y, month, 28)
        near = d is not None and (
            abs((d - ref).days) <= NEAR_DAYS
            if day is not None
            else abs(y * 12 + month - ref.year * 12 - ref.month) <= NEAR_MONTHS
        )
        if near:
            return y
    best: tuple[int, int] | None = None
    ref_key = ref.toordinal() if day is not None else ref.year * 12 + ref.month
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if day is not None:
            d = valid_day(y, month, day) or valid_day(y, month, 28)
            if d is None:
                continue
            key = d.toordinal()
        else:
            key = y * 12 + month
        if direction == "past" and key > ref_key:
            continue
        if direction == "future" and key < ref_key:
            continue
        dist = abs(key - ref_key)
        if best is None or dist < best[0]:
            best = (dist, y)
    return ref.year if best is None else best[1]


def valid_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")


def interval_of(value: str) -> DateInterval | None:
    """The calendar interval a DATE value denotes (day, week, month, quarter, year, decade)."""
    try:
        if m := _DAY.match(value):
            return DateInterval.day(dt.date(int(m[1]), int(m[2]), int(m[3])))
        if m := _WEEK.match(value):
            return DateInterval.iso_week(int(m[1]), int(m[2]))
        if m := _MONTH.match(value):
            return DateInterval.month(int(m[1]), int(m[2]))
        if m := _QUARTER.match(value):
            return DateInterval.quarter(int(m[1]), int(m[2]))
        if m := _YEAR.match(value):
            y = int(m[1])
            return DateInterval.year(y) if y >= 1 else None
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return DateInterval.decade(y) if y >= 1 else None
    except (ValueError, OverflowError):
        return None
    return None


def anchor_date(value: str) -> tuple[dt.date, str] | None:
    """A reference point for anaphoric expressions from a resolved value: (date, unit)."""
    iv = interval_of(value[:10] if "T" in value else value)
    if iv is None:
        return None
    unit = {
        Granularity.DAY: "day",
        Granularity.WEEK: "week",
        Granularity.MONTH: "month",
        Granularity.QUARTER: "quarter",
        Granularity.YEAR: "year",
        Granularity.DECADE: "decade",
    }[iv.granularity]
    return iv.start, unit
