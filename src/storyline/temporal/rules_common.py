"""What the calendar-date rules share: the building blocks of their patterns (year, day,
month, weekday, season, part of day, extent modifiers) and the direction in which an
underspecified date lies, read from the tense of its verb."""

from __future__ import annotations

import re

from storyline.temporal import lexicon as lex
from storyline.temporal.engine import Context

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


def year_of(m: re.Match[str], group: str = "year") -> int | None:
    y = m.group(group)
    return int(y) if y else None


def tense_or_none(ctx: Context, m: re.Match[str]) -> str:
    """'past', 'future' or 'none': the direction in which an unanchored month (day) lies."""
    if _SINCE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return "past"
    t = ctx.tense_at(m.start(), m.end())
    return t if t in ("past", "future") else "none"
