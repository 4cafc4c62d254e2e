"""Line shapes that a single regular expression describes badly: date-only lines, tag
lists and agency-only credit lines. Used as predicates by `clean.rules`."""

from __future__ import annotations

import re

from storyline.clean.credits import agencies_in, without_agencies
from storyline.clean.paragraphs import ends_sentence
from storyline.data import month_abbreviations, months, weekday_abbreviations, weekdays

_I = re.IGNORECASE

_MONTHS = "|".join(sorted({*months(), *month_abbreviations()}, key=lambda w: (-len(w), w)))
_WEEKDAYS = "|".join(sorted({*weekdays(), *weekday_abbreviations()}))
_DATE_WORDS = frozenset(
    (
        _MONTHS + "|" + _WEEKDAYS + "|am|pm|a|m|p|gmt|utc|est|edt|cet|cest|msk|bst|pst|pdt|cst|cdt|"
        "jst|ist|aest|eet|eest|z|st|nd|rd|th|updated|published|posted|last|modified|on|at|"
        "first|created|date|time|local"
    ).split("|")
)
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_NUMERIC_DATE_RE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_MONTH_RE = re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\.?(?![A-Za-z])", _I)
_LETTER_DIGIT_RE = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def is_date_line(paragraph: str) -> bool:
    """A line that is only a date and/or clock time, optionally with a place in capitals:
    "MOSCOW Tue Jan 21, 2014 8:16am EST", "00:23 GMT29 July 2021", "Updated 10.01.2019"."""
    if not any(ch.isdigit() for ch in paragraph):
        return False
    spaced = _LETTER_DIGIT_RE.sub(" ", paragraph)
    has_date = bool(
        _CLOCK_RE.search(spaced)
        or _NUMERIC_DATE_RE.search(spaced)
        or (_MONTH_RE.search(spaced) and re.search(r"\d", spaced))
    )
    if not has_date:
        return False
    others = [w for w in re.findall(r"[A-Za-z]+", spaced) if w.lower() not in _DATE_WORDS]
    return len(others) <= 4 and all(w.isupper() and len(w) > 1 for w in others)


def is_tag_list(paragraph: str) -> bool:
    """Comma-separated short labels without sentence punctuation: "peace, treaty, Japan"."""
    if ends_sentence(paragraph):
        return False
    items = [item.strip() for item in paragraph.split(",")]
    words = [len(item.split()) for item in items]
    return (
        len(items) >= 4
        and all(0 < n <= 4 for n in words)
        and sum(words) / len(words) <= 2.5
        and not any(" and " in f" {item} " for item in items)
    )


def is_agency_line(paragraph: str) -> bool:
    """A line naming only agencies: "(Reuters, AFP)", "— AFP", "AP/dpa"."""
    if not agencies_in(paragraph):
        return False
    rest = without_agencies(paragraph)
    return not re.sub(r"[\s,;/()&+\-–—|.]|\band\b|\bwith\b|\bagencies\b", "", rest, flags=_I)
