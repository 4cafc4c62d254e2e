"""Rules for named holidays: Christmas, Thanksgiving, Easter... resolved like month-days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.temporal.engine import Context, Result, Rule, rule
from storyline.temporal.rules_common import YEAR, tense_or_none


# -- holidays ---
def _easter(y: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n=-1: last) weekday of a month."""
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = dt.date(y + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
}


def norm_holiday(m: re.Match[str], ctx: Context) -> Result | None:
    if not m["name"][:1].isupper():
        return None
    when = HOLIDAYS[re.sub(r"\s+", " ", m["name"].lower())]
    if m["year"]:
        return Result("DATE", when(int(m["year"])).isoformat())
    ref, how = ctx.ref()
    if ref is None:
        fixed = when(2001).strftime("%m-%d") == when(2002).strftime("%m-%d")
        return Result("DATE", f"XXXX-{when(2001):%m-%d}" if fixed else "XXXX-XX-XX")
    rel = (m["rel"] or "").lower()
    dates = [when(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "last":
        pick = max(d for d in dates if d < ref)
    elif rel == "next":
        pick = min(d for d in dates if d > ref)
    elif rel == "this":
        pick = dates[1]
    else:
        t = tense_or_none(ctx, m)
        ok = [d for d in dates if (t != "past" or d <= ref) and (t != "future" or d >= ref)]
        pick = min(ok or dates, key=lambda d: abs((d - ref).days))
    return Result("DATE", pick.isoformat(), how)


RULES: list[Rule] = [
    rule(
        "holiday",
        r"(?:\b(?P<rel>last|next|this)\s+)?\b(?P<name>christmas(?:\s+day|\s+eve)?|"
        r"new\s+year's\s+(?:day|eve)|thanksgiving(?:\s+day)?|independence\s+day|labor\s+day|"
        r"memorial\s+day|halloween|valentine's\s+day|easter(?:\s+sunday)?|good\s+friday)\b"
        rf"(?:,?\s+(?P<year>{YEAR})(?!\d))?",
        norm_holiday,
        priority=3,
    ),
]
