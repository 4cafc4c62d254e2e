"""Entries of the chronologies articles carry: "March 17 - The council votes ...".

>>> is_chronology_entry("12 June: The cap is fitted over the well.")
True
>>> is_chronology_entry("On 12 June the cap was fitted.")
False
"""

from __future__ import annotations

import re

from storyline.data import month_abbreviations, months

# A sentence that opens with its date and a dash or colon ("March 15 - Protesters march in
# ...", "12 June: The cap is fitted") is an entry of a chronology the article carries: a
# journalist's own pick of a key date, worth more than a passing mention. A clock right
# after the date ("8 May 2011 - 17:40 ...") is a comment's or a live blog's timestamp.
_MONTH = (
    "(?:"
    + "|".join(
        sorted((w.capitalize() for w in {*months(), *month_abbreviations()}), key=lambda w: -len(w))
    )
    + r")\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
CHRONOLOGY = re.compile(
    r"^\W*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})"
    r"(?P<year>\s*,?\s*\d{4})?\s*(?:-{1,2}|–|—|:)\s+(?!\d{1,2}[:.]\d{2}\b)"
)


# A chronology's entry at a year or a month ("2016 - The accord is signed", "March 2021:
# Talks resume"): a capitalised word must follow, so a score or a range is no entry.
COARSE_CHRONOLOGY = re.compile(
    rf"^\W*(?:{_MONTH}\s+)?(?:1[5-9]|20)\d\d\s*(?:-{{1,2}}|–|—|:)\s+(?=[A-Z])"
)


def is_chronology_entry(text: str) -> bool:
    return CHRONOLOGY.match(text) is not None


def is_coarse_chronology_entry(text: str) -> bool:
    """A chronology's entry at a year or a month.

    >>> is_coarse_chronology_entry("2016 - The Framework Accord is signed.")
    True
    >>> is_coarse_chronology_entry("2016: a year of talks")
    False
    """
    return COARSE_CHRONOLOGY.match(text) is not None


__all__ = ["CHRONOLOGY", "COARSE_CHRONOLOGY", "is_chronology_entry", "is_coarse_chronology_entry"]
