"""News agencies an article credits for its reporting.

Only credit lines and dateline prefixes are read ("MOSCOW (Reuters) -", "Based on reporting
by AFP and Interfax", "ls/rt (Reuters, AFP)", "The Associated Press contributed to this
report"); a photo credit ("REUTERS/Jane Doe") credits a picture, not the story, and is
not read. Names are mapped to one canonical spelling.
"""

from __future__ import annotations

import re

from storyline.data import agencies

# Canonical agency name -> spellings met in credit lines (matched case-insensitively,
# on word boundaries; longer spellings are tried first): `storyline/data/agencies.toml`.
AGENCIES: dict[str, tuple[str, ...]] = agencies()

_SPELLINGS = sorted(
    ((spelling, name) for name, spellings in AGENCIES.items() for spelling in spellings),
    key=lambda item: -len(item[0]),
)
# Short all-caps spellings (AP, AA, RIA) only count when written in capitals, so that
# "ap" or "Ria" in ordinary words or names are not taken for agencies.
_CASE_SENSITIVE = frozenset(
    {
        "AP",
        "AA",
        "RIA",
        "UPI",
        "PTI",
        "EFE",
        "KNA",
        "ANSA",
        "IRNA",
        "ANI",
        "IANS",
        "KUNA",
        "WAM",
        "AAP",
    }
)
_AGENCY_RE = re.compile(
    "|".join(
        rf"(?<![\w-])(?{'' if spelling in _CASE_SENSITIVE else 'i'}:{re.escape(spelling)})(?![\w-])"
        for spelling, _ in _SPELLINGS
    )
)
_CANONICAL = {spelling.casefold(): name for spelling, name in _SPELLINGS}


def agencies_in(text: str) -> list[str]:
    """Canonical names of the agencies named in `text` (a credit line or dateline)."""
    found: list[str] = []
    for m in _AGENCY_RE.finditer(text):
        name = _CANONICAL[m.group(0).casefold()]
        if name not in found:
            found.append(name)
    return found


def without_agencies(text: str) -> str:
    """`text` with every agency name cut out (to see what else a line holds)."""
    return _AGENCY_RE.sub("", text)


# "... near Beatrix Island (dpa)." - an agency credited in parentheses at a sentence's end.
_INLINE_CREDIT = re.compile(r"\(([A-Za-z][\w .&'’/,-]{1,40})\)(?=[.!?]?[\"'”’]?(?:\s|$))")


def inline_credits(paragraph: str) -> list[str]:
    """Agencies credited in parentheses at the end of a sentence of story text, when the
    parentheses hold nothing but agency names ("(dpa)", "(AFP, Reuters)")."""
    found: list[str] = []
    for m in _INLINE_CREDIT.finditer(paragraph):
        inner = m.group(1)
        names = agencies_in(inner)
        rest = re.sub(r"[\s,;/&]|\band\b", "", without_agencies(inner))
        if names and not rest:
            found.extend(n for n in names if n not in found)
    return found
