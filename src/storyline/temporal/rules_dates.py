"""Rules for calendar dates: explicit dates, months, years, decades, seasons, weekdays.

Each rule is a pattern plus a normaliser. Underspecified names (a weekday, a month without a
year) are resolved against the reference date (the DCT in news) in the direction given by the
tense of the governing verb; "last"/"next" are strict, "that"/"the following" use the last date
mentioned before.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.temporal import lexicon as lex
from storyline.temporal.arith import month_year, nearest_year, valid_day, weekday_near
from storyline.temporal.engine import Context, Result, Rule, is_title, rule

YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DAYN = r"(?:[12]\d|3[01]|0?[1-9])"
MONTH = lex.MONTH_RE
WEEKDAY = lex.WEEKDAY_RE
SEASON = lex.SEASON_RE
POD = lex.PART_OF_DAY_RE
# modifiers that keep the value but belong to the extent ("early 1990", "the end of March")
EDGE = (
    r"(?:early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"the\s+start\s+of|the\s+close\s+of|end\s+of|the\s+first\s+half\s+of|"
    r"the\s+second\s+half\s+of|the\s+last\s+half\s+of|the\s+spring\s+of|the\s+summer\s+of|"
    r"the\s+fall\s+of|the\s+autumn\s+of|the\s+winter\s+of)"
)


def month_ok(word: str) -> bool:
    """False for month names that are also common words written in lower case ("may")."""
    w = word.rstrip(".").lower()
    return not (w in lex.AMBIGUOUS_MONTHS and word[:1].islower())


# "since Tuesday", "since shortly after the Oct. 23 attack": the time lies in the past
_SINCE = re.compile(r"(?i)\bsince\b[^.;:!?]{0,30}$")
_FUTURE_BEFORE = re.compile(r"(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+(?:on\s+)?$", re.I)


def tense_direction(ctx: Context, m: re.Match[str], default: str = "past") -> str:
    """'past' or 'future': where an unanchored weekday lies, from the tense of its verb.

    A present tense reads as future ("they meet Monday"), as in HeidelTime's news mode; a
    possessive ("Monday's ruling") and an unknown tense read as `default`.
    """
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if _FUTURE_BEFORE.search(before):
        return "future"
    if _SINCE.search(before):
        return "past"
    if ctx.text.startswith("'s", m.end()):
        return default
    t = ctx.tense_at(m.start(), m.end())
    if t in ("future", "present"):
        return "future"
    if t == "past":
        return "past"
    return default


def _year_of(m: re.Match[str], group: str = "year") -> int | None:
    y = m.group(group)
    return int(y) if y else None


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


def tense_or_none(ctx: Context, m: re.Match[str]) -> str:
    """'past', 'future' or 'none': the direction in which an unanchored month (day) lies."""
    if _SINCE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return "past"
    t = ctx.tense_at(m.start(), m.end())
    return t if t in ("past", "future") else "none"


def norm_mdy(m: re.Match[str], ctx: Context) -> Result | None:
    if not month_ok(m["month"]):
        return None
    return _month_day(lex.month_number(m["month"]), int(m["day"]), _year_of(m), m, ctx)


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


# -- years, decades, centuries ---
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|[a-z]+s\b(?<!\bs)|-?(?:year|month|day|week|hour|mile|"
    r"foot|feet|meter|metre|kilometer|ton)s?\b|[.,]\d)",
)
_YEAR_OK_NEXT = re.compile(r"\s*(?:and|or|to|through|was|were|is|has|had|when|as|before|after)\b")


def norm_year(m: re.Match[str], ctx: Context) -> Result | None:
    y = int(m["year"])
    after = ctx.text[m.end() : m.end() + 20]
    mod = (m["mod"] or "").lower()
    lead = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    introduced = re.search(  # "in 1990 sales rose", "its 1989 results": a year before a noun
        r"(?:\b(?:in|since|of|from|until|by|before|after|during|through|the|its|their|his|"
        r"her|our|a|an)|'s)\s+$",
        lead,
    )
    if (
        not mod
        and _NOT_YEAR_AFTER.match(after)
        and not _YEAR_OK_NEXT.match(after)
        and not (introduced and re.match(r"\s+[a-z]", after))
    ):
        return None
    before = ctx.text[max(0, m.start() - 3) : m.start()]
    if "$" in before or "#" in before:
        return None
    prev_word = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if (
        not mod
        and re.match(r"\s+[a-z]", after)
        and not _YEAR_OK_NEXT.match(after)
        and re.search(
            r"(?:^|\b)(?:some|about|nearly|almost|approximately|around|roughly|over|than|and|"
            r"or|to|least|only|just|with|had|have|has)\s+$",
            prev_word,
        )
    ):
        return None  # "some 2000 police": a count, not a year
    if y < 1600 and not mod:
        prev = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(?:in|since|of|from|until|by|year|between|and)\s+$", prev):
            return None
    return Result("DATE", f"{y:04d}")


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}  # fmt: skip


def norm_spelled_year(m: re.Match[str], ctx: Context) -> Result | None:
    """'nineteen ninety-six' -> 1996 (broadcast transcripts spell years out)."""
    y = 1900 + _TENS[m["tens"].lower()] + _ONES.get((m["ones"] or "").lower(), 0)
    return Result("DATE", f"{y:04d}")


def norm_decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m["dec"]:
        return Result("DATE", m["dec"][:3])
    short = int(m["short"])
    ref, _how = ctx.ref()
    century = 19 if ref is None or short > (ref.year % 100) else ref.year // 100
    return Result("DATE", f"{century:02d}{short // 10}")


_CENTURY_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


def norm_century(m: re.Match[str], ctx: Context) -> Result | None:
    word = m["ord"].lower()
    n = int(word[:-2]) if word[:-2].isdigit() else _CENTURY_WORDS.get(word)
    if not n:
        return None
    return Result("DATE", f"{n - 1:02d}")


# -- seasons ---
_SEASON_INDEX = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def _season_of(d: dt.date) -> tuple[int, int]:
    """(season year, index) of a date: winter covers December to February."""
    if d.month == 12:
        return d.year, 3
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3


def norm_season(m: re.Match[str], ctx: Context) -> Result | None:
    code = lex.SEASONS[m["season"].lower()]
    if m["year"]:
        return Result("DATE", f"{m['year']}-{code}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel == "this past":
        rel = "last"
    if rel == "that":
        prev, _, how = ctx.previous()
        return Result("DATE", f"{prev.year:04d}-{code}" if prev else f"XXXX-{code}", how)
    ref, how = ctx.ref()
    if ref is None:
        return Result("DATE", f"XXXX-{code}")
    sy, si = _season_of(ref)
    idx = _SEASON_INDEX[code]
    if rel == "last":
        y = sy if idx < si else sy - 1
    elif rel in ("next", "coming"):
        y = sy if idx > si else sy + 1
    elif rel == "this":
        y = sy
    else:
        t = ctx.tense_at(m.start(), m.end())
        y = (sy if idx <= si else sy - 1) if t == "past" else (sy if idx >= si else sy + 1)
    return Result("DATE", f"{y:04d}-{code}", how)


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
    if how == "previous" and (ctx.last is None or ctx.last[1] != "day"):
        ref, how = None, "none"  # a weekday cannot be placed from a month or a year
    value = f"XXXX-WXX-{wd + 1}" if ref is None else weekday_near(ref, wd, dirn).isoformat()
    if pod:
        return Result("TIME", f"{value}T{pod}", how)
    return Result("DATE", value, how)


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


RULES: list[Rule] = [
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
        rf"(?<![\w-])(?:(?P<wd>{WEEKDAY})(?:\s?,)?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAYN})"
        rf"(?:st|nd|rd|th)?(?!\d|:\d|\.\d)(?:(?:\s?,)?\s+(?P<year>{YEAR})(?!\d))?",
        norm_mdy,
        priority=4,
    ),
    rule(
        "day-month-year",
        rf"(?<![\w.,$-])(?:(?P<wd>{WEEKDAY})(?:\s?,)?\s+)?(?:the\s+)?(?P<day>{DAYN})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<month>{MONTH})(?:(?:\s?,)?\s+(?P<year>{YEAR})(?!\d))?",
        norm_mdy,
        priority=4,
    ),
    rule(
        "month-year",
        rf"(?:\b{EDGE}[\s-]*)?(?<![\w])(?P<month>{MONTH})(?:\s?,)?\s+(?:of\s+)?"
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
