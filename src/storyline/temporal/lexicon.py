"""Word lists the time-expression rules are built from: months, weekdays, numbers, units.

Each table maps a lower-case surface form to its meaning; `alternation` turns a table into a
regular-expression alternation (longest forms first so that the regex engine prefers them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.data import month_abbreviations, months, weekdays

MONTHS: dict[str, int] = months()
# abbreviations, used only with a period or before a day number
MONTH_ABBR: dict[str, int] = month_abbreviations()
# month names that are also ordinary words: only taken when capitalised
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "jun", "aug"})

WEEKDAYS: dict[str, int] = weekdays()

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "one hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0,
}  # fmt: skip
# vague quantities: the number becomes X in the TIMEX3 value
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "some", "many", "a couple of", "couple of"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# unit word (singular) -> (granularity name, TIMEX3 duration letter, is a time-of-day unit)
UNITS: dict[str, tuple[str, str, bool]] = {
    "second": ("second", "S", True),
    "minute": ("minute", "M", True),
    "hour": ("hour", "H", True),
    "day": ("day", "D", False),
    "week": ("week", "W", False),
    "weekend": ("weekend", "WE", False),
    "month": ("month", "M", False),
    "quarter": ("quarter", "Q", False),
    "year": ("year", "Y", False),
    "decade": ("decade", "E", False),
    "century": ("century", "C", False),
}
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "weeks": "week",
    "weekends": "weekend", "months": "month", "quarters": "quarter", "years": "year",
    "decades": "decade", "centuries": "century",
}  # fmt: skip


def unit_of(word: str) -> str:
    """The singular unit name of a unit word ('Years' -> 'year')."""
    w = word.lower()
    return UNIT_PLURALS.get(w, w)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of whitespace."""
    forms = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


def number_value(text: str) -> int | None:
    """The integer a number phrase denotes ('two', '12', 'twenty-five', 'a'), None when vague."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in VAGUE_NUMBERS:
        return None
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = re.split(r"[-\s]+", t)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


MONTH_RE = (
    "(?:" + alternation(MONTHS) + "|(?:" + alternation(MONTH_ABBR) + r")(?:\.|(?=\s+\d))" + ")"
)
WEEKDAY_RE = alternation(WEEKDAYS)
SEASON_RE = alternation(SEASONS)
PART_OF_DAY_RE = alternation(PARTS_OF_DAY)
_NUMBER_WORD_RE = alternation(k for k in NUMBER_WORDS if k not in ("a", "an", "half a"))
_ONES_RE = "one|two|three|four|five|six|seven|eight|nine"
NUMBER_RE = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    rf"|(?:{_NUMBER_WORD_RE})(?:[-\s](?:{_ONES_RE})(?![\w-]))?"
    rf"|{alternation(VAGUE_NUMBERS)}|an?)"
)
UNIT_RE = alternation(list(UNITS) + list(UNIT_PLURALS))
ORDINAL_RE = alternation(ORDINALS)


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR[w]
