"""Rules for calendar dates: explicit dates, months, years, decades, seasons, weekdays.

Each rule is a pattern plus a normaliser. Underspecified names (a weekday, a month without a
year) are resolved against the reference date (the DCT in news) in the direction given by the
tense of the governing verb; "last"/"next" are strict, "that"/"the following" use the last date
mentioned before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.temporal import lexicon as lex
from storyline.temporal.arith import month_year, nearest_year, valid_day, weekday_near
from storyline.temporal.engine import Context, Result, Rule, is_title, rule
from storyline.temporal.rules_common import (
    DAYN,
    EDGE,
    MONTH,
    POD,
    SEASON,
    WEEKDAY,
    YEAR,
    month_is_name,
    month_ok,
    tense_direction,
    tense_or_none,
    year_of,
)
from storyline.temporal.rules_years import (
    norm_century,
    norm_decade,
    norm_season,
    norm_spelled_year,
    norm_year,
)
from storyline.temporal.tense import FUTURE_IN_PAST


# -- explicit dates ---
def norm_iso(m: re.Match[str], ctx: Context) -> Result | None:
    d = valid_day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return Result("TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}")
    return Result("DATE", d.isoformat())


def norm_slash(m: re.Match[str], ctx: Context) -> Result | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 30 else 2000
    d = valid_day(y, int(m["mo"]), int(m["d"]))
    return None if d is None else Result("DATE", d.isoformat())


def _month_day(month: int, day: int, year: int | None, m: re.Match[str], ctx: Context) -> Result:
    if year is not None:
        d = valid_day(year, month, day)
        return Result("DATE", d.isoformat() if d else f"{year:04d}-{month:02d}")
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}")
    # in an undated text the reference is the last date mentioned: keep its year
    y = ref.year if how == "previous" else nearest_year(ref, month, day, tense_or_none(ctx, m))
    if m["wd"]:
        # "Friday, Nov. 9": the nearby year in which that day is that weekday
        wd = lex.WEEKDAYS[m["wd"].lower()]
        for c in (y, y - 1, y + 1):
            d = valid_day(c, month, day)
            if d is not None and d.weekday() == wd:
                y = c
                break
    d = valid_day(y, month, day)
    if d is None:
        return Result("DATE", f"{y:04d}-{month:02d}", how)
    return Result("DATE", d.isoformat(), how)


# "the November 15 Association", "the March 8 movement": a date that names something
_NAMED_AFTER_DATE = re.compile(
    r"^[ \t]+(?:[A-Z][\w'’]+[ \t]+){0,2}(?:Association|Movement|Committee|Group|Coalition|"
    r"Alliance|Front|Party|Network|Foundation|Brigade|Society|Union|Council|Campaign|Revolution|"
    r"Organi[sz]ation|Federation|Club|Collective|Forum|Initiative)\b"
)
_THE_BEFORE = re.compile(r"(?i)\bthe[ \t]+$")
_DAY_AFTER = re.compile(r"[ \t]+\d{1,2}\b")


def norm_mdy(m: re.Match[str], ctx: Context) -> Result | None:
    if not month_ok(m["month"]) or month_is_name(ctx, m.start("month"), m.end("month")):
        return None
    named = not m["year"] and _THE_BEFORE.search(ctx.text[max(0, m.start() - 5) : m.start()])
    if named and _NAMED_AFTER_DATE.match(ctx.text[m.end() : m.end() + 20]):
        return None
    year = year_of(m)
    rel = m.groupdict().get("rel")
    if rel:  # "30 June next year"
        ref, _ = ctx.ref()
        if ref is None:
            return None
        year = ref.year + {"last": -1, "next": 1}.get(rel.lower(), 0)
    return _month_day(lex.month_number(m["month"]), int(m["day"]), year, m, ctx)


def norm_month_year(m: re.Match[str], ctx: Context) -> Result | None:
    if not month_ok(m["month"]):
        return None
    month = lex.month_number(m["month"])
    if m["year"]:
        return Result("DATE", f"{int(m['year']):04d}-{month:02d}")
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", f"XXXX-{month:02d}")
    rel = m["rel"].lower()
    y = ref.year + {"last": -1, "next": 1}.get(rel, 0)
    return Result("DATE", f"{y:04d}-{month:02d}", how)


def norm_month(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["month"]
    if not month_ok(word) or (word.lower().rstrip(".") in lex.MONTH_ABBR and "." not in word):
        return None
    if month_is_name(ctx, m.start("month"), m.end("month")):
        return None  # "Theresa May said", "Judge April Moreau"
    if _DAY_AFTER.match(ctx.text[m.end() : m.end() + 4]):
        return None  # "November 15 ...": a day the month-day rules took or turned down
    if not m["rel"] and re.match(
        r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]", ctx.text[m.end() : m.end() + 12]
    ):
        return None  # "the March for Life": a name
    month = lex.month_number(word)
    rel = (m["rel"] or "").lower()
    if rel == "that":
        prev, _, how = ctx.previous()
        if prev is None:
            return Result("DATE", f"XXXX-{month:02d}")
        return Result("DATE", f"{month_year(prev, month, 'same'):04d}-{month:02d}", how)
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", f"XXXX-{month:02d}")
    if rel == "last":
        direction = "strict-past"
    elif rel in ("next", "coming"):
        direction = "strict-future"
    elif rel == "this":
        direction = "same"
    else:
        y = ref.year if how == "previous" else nearest_year(ref, month, None, tense_or_none(ctx, m))
        return Result("DATE", f"{y:04d}-{month:02d}", how)
    return Result("DATE", f"{month_year(ref, month, direction):04d}-{month:02d}", how)


# -- weekdays ---
def norm_weekday(m: re.Match[str], ctx: Context) -> Result | None:
    wd = lex.WEEKDAYS[m["wd"].lower()]
    pod = lex.PARTS_OF_DAY.get((m["pod"] or "").lower())
    if m["plural"]:
        return Result("SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    rel = (m["rel"] or m["rel2"] or "").lower()
    if m["rel2"] or rel == "that":
        prev, _, how = ctx.previous()
        ref: dt.date | None = prev
        direction = {
            "previous": "strict-past",
            "following": "strict-future",
            "next": "strict-future",
        }
        dirn = direction.get(rel, "past")
    else:
        ref, how = ctx.ref()
        if rel in ("last", "past", "previous"):
            dirn = "strict-past"
        elif rel in ("next", "coming", "following"):
            dirn = "strict-future"
        else:
            dirn = tense_direction(ctx, m)
            said_on = _statement_day(ctx, m)
            if said_on is not None:  # "announced on Wednesday that it would ... on Thursday"
                ref, dirn = said_on, "strict-future"
    if how == "previous" and (ctx.last is None or ctx.last[1] != "day"):
        ref, how = None, "none"  # a weekday cannot be placed from a month or a year
    if ref is None:
        value = f"XXXX-WXX-{wd + 1}"
    elif not rel and how == "dct" and wd in ctx.weekdays:
        value = ctx.weekdays[wd].isoformat()  # a weekday named again is the same day
    else:
        day = weekday_near(ref, wd, dirn)
        if not rel and how == "dct":
            ctx.weekdays.setdefault(wd, day)
        value = day.isoformat()
    if pod:
        return Result("TIME", f"{value}T{pod}", how)
    return Result("DATE", value, how)


def _statement_day(ctx: Context, m: re.Match[str]) -> dt.date | None:
    """The day of the statement a future-in-past weekday is seen from: a day named earlier
    in the same sentence, before the document's date."""
    if ctx.raw_tense_at is None or ctx.raw_tense_at(m.start(), m.end()) != FUTURE_IN_PAST:
        return None
    day = ctx.last_in_sentence(m.start())
    return day if day is not None and ctx.dct is not None and day < ctx.dct else None


# -- today, yesterday, tonight ---
_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "tonite": 0}
_UNRESOLVED = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def norm_deictic(m: re.Match[str], ctx: Context) -> Result | None:
    if is_title(ctx.text, m.start(), m.group(0)):
        return None
    word = m["w"].lower()
    offset = _DEICTIC[word] * (2 if m["twice"] else 1)
    pod = lex.PARTS_OF_DAY.get((m["pod"] or "").lower())
    if word in ("tonight", "tonite"):
        pod = "NI"
    ref, how = ctx.ref()
    if ref is None or how != "dct":
        return Result(
            "TIME" if pod else "DATE", _UNRESOLVED[offset // abs(offset) if offset else 0]
        )
    d = ref + dt.timedelta(days=offset)
    if pod:
        return Result("TIME", f"{d.isoformat()}T{pod}", "dct")
    return Result("DATE", d.isoformat(), "dct")


def norm_part_of_day(m: re.Match[str], ctx: Context) -> Result | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    pod = lex.PARTS_OF_DAY[m["pod"].lower()]
    ref, how = ctx.ref()
    if ref is None or how != "dct":
        return Result("TIME", "PRESENT_REF" if "this" in rel else "PAST_REF")
    offset = -1 if rel == "last" else 0
    return Result("TIME", f"{(ref + dt.timedelta(days=offset)).isoformat()}T{pod}", "dct")


# -- "the last night of 2023", "the first day of March": an edge day of a month or year ---
def norm_edge_day(m: re.Match[str], ctx: Context) -> Result | None:
    first = m["edge"].lower() in ("first", "opening")
    year = year_of(m) or year_of(m, "year2")
    month = 1 if first else 12
    if m["month"]:
        if not month_ok(m["month"]):
            return None
        month = lex.month_number(m["month"])
        if year is None:
            ref, how = ctx.ref()
            if ref is None:
                return None
            year = ref.year if how == "previous" else month_year(ref, month, "none")
    if year is None:
        return None
    day = 1 if first else calendar.monthrange(year, month)[1]
    return Result("DATE", dt.date(year, month, day).isoformat())


# -- "on the 14th": a day of the reference's month (or the one before or after) ---
def norm_ordinal_day(m: re.Match[str], ctx: Context) -> Result | None:
    day = int(m["day"])
    trim = m.start("the") - m.start()
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", f"XXXX-XX-{day:02d}", trim_start=trim)
    direction = tense_or_none(ctx, m)
    months = [(ref.year, ref.month + k) for k in (-1, 0, 1)]
    found = []
    for y, mo in months:
        y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
        d = valid_day(y, mo, day)
        if d is None or (direction == "past" and d > ref) or (direction == "future" and d < ref):
            continue
        found.append((abs((d - ref).days), d))
    if not found:
        return None
    return Result("DATE", min(found)[1].isoformat(), how, trim_start=trim)


RULES: list[Rule] = [
    rule(
        "edge-day",
        r"\bthe\s+(?P<edge>first|last|final|opening|closing)\s+(?:day|night|evening|morning)"
        rf"\s+of\s+(?:(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?|(?P<year2>{YEAR}))(?![\w-])",
        norm_edge_day,
        priority=5,
    ),
    rule(
        "ordinal-day",  # "on the 14th," / "by the 3rd and": not "the 14th floor", "the 3rd round"
        rf"\b(?:on|by|until|till|since|from|before|after)\s+(?P<the>the\s+(?P<day>{DAYN})"
        r"(?:st|nd|rd|th))\b(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|when|at|in|after|before|but|as|"
        r"with|following|while|amid)\b)",
        norm_ordinal_day,
        priority=3,
    ),
    rule(
        "iso-date",
        r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![\w/-])",
        norm_iso,
        priority=5,
    ),
    rule(
        "slash-date",
        r"(?<![\w/.$])(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})"
        r"(?![\w/])",
        norm_slash,
        priority=5,
    ),
    rule(
        "dotted-date",  # day-first, as in "(25.04.2017)"
        r"(?<![\w.,/-])(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<mo>1[0-2]|0?[1-9])\.(?P<y>\d{4})"
        r"(?![\w/-]|\.\d)",
        norm_slash,
        priority=5,
    ),
    rule(
        "month-day-year",
        rf"(?<![\w-])(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAYN})"
        rf"(?:st|nd|rd|th)?(?!\d|:\d|\.\d)(?:,?\s+(?P<year>{YEAR})(?!\d))?",
        norm_mdy,
        priority=4,
    ),
    rule(
        "day-month-year",
        rf"(?<![\w.,$-])(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYN})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR})(?!\d)|"
        r"\s+(?P<rel>this|last|next)\s+year\b)?",
        norm_mdy,
        priority=4,
    ),
    rule(
        "month-year",
        rf"(?:\b{EDGE}[\s-]*)?(?<![\w])(?P<month>{MONTH}),?\s+(?:of\s+)?"
        rf"(?:(?P<year>{YEAR})(?!\d)|(?P<rel>this|last|next)\s+year\b)",
        norm_month_year,
        priority=3,
    ),
    rule(
        "month",
        rf"(?:\b(?P<rel>last|next|this|that|coming|early|late|mid|the\s+end\s+of|"
        rf"the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of|end\s+of)[\s-]+)?"
        rf"(?<![\w])(?P<month>{MONTH})(?![\w-])",
        norm_month,
        priority=2,
    ),
    rule(
        "year",
        rf"(?<![\w$.,/:'-])(?:(?P<mod>{EDGE}|fiscal(?:\s+year)?|calendar(?:\s+year)?|"
        rf"the\s+year|the\s+fiscal\s+year|model\s+year)[\s-]*)?(?<![\w$.,/:'])(?P<year>{YEAR})"
        r"(?![\w%/:-]|[.,]\d|'s)",
        norm_year,
        priority=1,
    ),
    rule(
        "spelled-year",
        r"\bnineteen[\s-]+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-]+(?P<ones>one|two|three|four|five|six|seven|eight|nine))?\b",
        norm_spelled_year,
        priority=1,
    ),
    rule(
        "decade",
        r"(?:\bthe\s+)?(?:\b(?:early|late|mid)[\s-]*)?(?<![\w$])"
        r"(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<short>\d0)s|(?P<short2>[2-9]0)s(?=\b))(?![\w])",
        lambda m, c: norm_decade(m, c) if not m["short2"] else None,
        priority=2,
    ),
    rule(
        "century",
        r"(?:\bthe\s+)?(?:\b(?:early|late|mid)[\s-]*)?\b(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
        r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        r"twentieth|twenty-first)[\s-]+century\b",
        norm_century,
        priority=2,
    ),
    rule(
        "season",
        rf"(?:\b(?P<rel>last|next|this\s+past|this|that|coming|early|late|the)\s+)?(?<![\w-])"
        rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})(?!\d))?(?![\w-])",
        lambda m, c: (
            norm_season(m, c)
            if m["year"]
            or (m["rel"] or "").lower() not in ("", "the")
            or ((m["rel"] or "").lower() == "the" and m["season"].lower() in ("summer", "winter"))
            else None
        ),
        priority=1,
    ),
    rule(
        "weekday",
        rf"(?:\b(?P<rel>last|next|this|that|coming|past|early|late|earlier|later)\s+)?"
        rf"(?:\bthe\s+(?P<rel2>previous|following|next)\s+)?(?<![\w-])(?P<wd>{WEEKDAY})"
        rf"(?P<plural>s)?(?:\s+(?P<pod>{POD}))?(?![\w-])",
        norm_weekday,
        priority=2,
    ),
    rule(
        "deictic",
        rf"(?:\b(?:earlier|later|early|late)\s+)?(?:\bthe\s+day\s+(?P<twice>before|after)\s+)?"
        rf"\b(?P<w>today|yesterday|tomorrow|tonight|tonite)\b(?:\s+(?P<pod>{POD})\b)?",
        norm_deictic,
        priority=3,
    ),
    rule(
        "part-of-day",
        r"\b(?P<rel>this|last|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+"
        r"(?P<pod>morning|afternoon|evening|night)\b",
        norm_part_of_day,
        priority=2,
    ),
]
