"""Rules' normalisers for years, spelled-out years, decades, centuries and seasons."""

from __future__ import annotations

import datetime as dt
import re

from storyline.temporal import lexicon as lex
from storyline.temporal.engine import Context, Result

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
