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


# Words that introduce a month as a time ("in May", "since June", "the May elections").
MONTH_CONTEXT = frozenset(
    {
        "in", "on", "since", "by", "until", "till", "from", "to", "through", "throughout",
        "during", "before", "after", "last", "next", "this", "that", "early", "late", "mid",
        "the", "of", "and", "or", "between", "around", "about", "every", "each", "for", "at",
        "as", "into", "same", "a", "an", "its", "their", "his", "her", "our",
    }
)  # fmt: skip
# Month names that are also given names ("Theresa May", "April Moreau", "June Halvorsen").
_GIVEN_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w'’-]*)\.?[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"^[ \t]+([A-Z][a-z][\w'’-]*)")
# What a person does, right after the name ("May said", "June told", "April has").
_PERSON_VERB_AFTER = re.compile(
    r"^(?:'s|’s|[ \t]+(?:said|says|told|tells|has|had|is|was|will|would|wants|wanted|added|"
    r"announced|insisted|warned|urged|argued|met|won|lost|spoke|wrote|called|visited|"
    r"resigned|replied|accused|denied|promised|vowed|voted|urged|conceded|thanked|claimed|"
    r"declared|congratulated|campaigned|addressed)\b)"
)
_NUMBER_AFTER = re.compile(r"^,?[ \t]*\d")
_DAY_BEFORE = re.compile(r"(?<![\d.,])\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:[ \t]+of)?[ \t]+$")
_NOT_SURNAMES = frozenset({"Day", "Day's", "Madness", "Fools", "The", "Of", "And"})


def month_is_name(ctx: Context, start: int, end: int) -> bool:
    """True when the month word at [start, end) is part of a person's name: after a title or
    a given name ("Prime Minister Theresa May", "Judge April Moreau"), or, for the months
    that are given names, before a surname or what a person does ("June Halvorsen said",
    "May told reporters"). A month after a time word ("in May") is a month."""
    word = ctx.text[start:end]
    if (
        word.endswith(".")
        or ctx.text[end : end + 1] == "."
        or _NUMBER_AFTER.match(ctx.text[end : end + 6])
    ):
        return False  # "Feb. 1", "April 2", "May 2019": a date
    before = ctx.text[max(0, start - 40) : start]
    if _DAY_BEFORE.search(before):
        return False  # "3 April was", "the 3rd of May said": a day of that month
    prev = _WORD_BEFORE.search(before)
    if prev is not None:
        prev_word = prev.group(1).rstrip("'’s").lower()
        if prev_word in MONTH_CONTEXT or prev_word in lex.WEEKDAYS or prev_word in lex.MONTHS:
            return False
        if not prev.group(1).endswith(("'s", "’s")):
            return True  # "Theresa May", "Judge April"
    elif before.rstrip(" \t").endswith(tuple(MONTH_CONTEXT)):
        return False
    if word.lower() not in _GIVEN_NAME_MONTHS:
        return False
    after = ctx.text[end : end + 40]
    surname = _CAPITALISED_AFTER.match(after)
    if surname is not None and surname.group(1) not in _NOT_SURNAMES:
        following = surname.group(1).lower()
        if following not in lex.MONTHS and following not in lex.WEEKDAYS:
            return True
    return _PERSON_VERB_AFTER.match(after) is not None


def month_ok(word: str) -> bool:
    """False for month names that are also common words written in lower case ("may")."""
    w = word.rstrip(".").lower()
    return not (w in lex.AMBIGUOUS_MONTHS and word[:1].islower())


# "since Tuesday", "since shortly after the Oct. 23 attack": the time lies in the past
_SINCE = re.compile(r"(?i)\bsince\b[^.;:!?]{0,30}$")
_FUTURE_BEFORE = re.compile(r"(?:as\s+(?:soon|early)\s+as|no\s+later\s+than)\s+(?:on\s+)?$", re.I)
# "declared Monday a national day of mourning": a day set aside lies ahead, whatever the
# tense of the declaring
_DESIGNATING_BEFORE = re.compile(
    r"(?i)\b(?:declared?|declares|proclaim(?:ed|s)?|designat(?:ed|es?)|named?|names|made|"
    r"makes?)\s+(?:next\s+|this\s+(?:coming\s+)?)?$"
)
_DAY_AFTER = re.compile(r"(?i)^\s+(?:as\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:day|holiday)\b")
# "Sunday marks one year since ...", "Friday is the deadline": the day as the subject of a
# present verb lies ahead (or is today), whatever a parser makes of "marks"
_PRESENT_AFTER = re.compile(r"^\s+(?:marks|is|sees|brings|begins|opens|ends)\b")


def tense_direction(ctx: Context, m: re.Match[str], default: str = "past") -> str:
    """'past' or 'future': where an unanchored weekday lies, from the tense of its verb.

    A present tense reads as future ("they meet Monday"), as in HeidelTime's news mode; a
    possessive ("Monday's ruling") and an unknown tense read as `default`.
    """
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    if _FUTURE_BEFORE.search(before):
        return "future"
    if _DESIGNATING_BEFORE.search(before) and _DAY_AFTER.match(ctx.text[m.end() : m.end() + 60]):
        return "future"
    if _SINCE.search(before):
        return "past"
    if _PRESENT_AFTER.match(ctx.text[m.end() : m.end() + 12]):
        return "future"
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
