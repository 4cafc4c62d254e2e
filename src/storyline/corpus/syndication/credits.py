"""Which news agencies an article credits, read from datelines and credit lines.

Recognised forms: "MOSCOW (Reuters) -", "Moscow (AFP):", "Based on reporting by AFP and
Interfax", "With additional reporting from Kyodo", "ls/rt (Reuters, AFP)". Photo credits
("REUTERS/Alexei Nikolsky", "Credit: Reuters/...") are not story credits and are ignored.
Only known agencies are recorded, under one canonical name each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.data import agencies

_LOOKUP = {spelling.lower(): canon for canon, names in agencies().items() for spelling in names}
_ALT = "|".join(sorted((re.escape(s) for s in _LOOKUP), key=len, reverse=True))
_AGENCY_LIST = rf"(?:{_ALT})(?:\s*(?:,|and|&|/)\s*(?:{_ALT}))*"

# "MOSCOW (Reuters) -" / "Moscow (AFP):" at the start of a paragraph.
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z0-9.,' -]{{1,40}}?[ \t]*\((?P<a>{_AGENCY_LIST})\)[ \t]*[-\u2013\u2014:]",
    re.MULTILINE | re.IGNORECASE,
)
# "Based on reporting by AFP and Interfax", "with additional reporting from Kyodo".
_REPORTING = re.compile(
    rf"(?:based on|with|additional|including)\s+(?:additional\s+)?"
    rf"(?:reporting|reports|material|information|wire reports|agency reports)\s+"
    rf"(?:by|from)\s+(?P<a>{_AGENCY_LIST})\b",
    re.IGNORECASE,
)
# A short line that is only a parenthesised list of agencies, maybe after editor initials.
_CREDIT_LINE = re.compile(
    rf"^[ \t]*(?:[a-z]{{1,4}}(?:/[a-z]{{1,4}})*[ \t]+)?\((?P<a>{_AGENCY_LIST})\)[ \t]*\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "Source: AFP", "Agencies: AFP/Reuters" lines.
_SOURCE_LINE = re.compile(
    rf"^[ \t]*(?:source|sources|agencies|via)[ \t]*:[ \t]*(?P<a>{_AGENCY_LIST})[ \t]*\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|\band\b|&|/)\s*", re.IGNORECASE)


def canonical_agency(name: str) -> str | None:
    """The canonical name of an agency spelling, or None when unknown."""
    return _LOOKUP.get(name.strip().lower())


def _agencies(group: str, strict_case: bool) -> list[str]:
    found: list[str] = []
    for part in _SPLIT.split(group):
        if not part:
            continue
        canon = canonical_agency(part)
        # Lower-case "ap"/"ani"/"ria" are ordinary words: demand the agency's own casing.
        if canon is None or (strict_case and part.islower() and canon != "dpa"):
            continue
        found.append(canon)
    return found


def detect_credits(text: str) -> list[str]:
    """Agencies credited in `text`, canonical, sorted, without repeats."""
    found: set[str] = set()
    for pattern in (_DATELINE, _REPORTING, _CREDIT_LINE, _SOURCE_LINE):
        for m in pattern.finditer(text):
            found.update(_agencies(m.group("a"), strict_case=True))
    return sorted(found)


def merge_credits(existing: Iterable[str], detected: Iterable[str]) -> tuple[str, ...]:
    """Union of credits already on an article and detected ones, canonicalised and sorted."""
    out: set[str] = set()
    for name in [*existing, *detected]:
        name = name.strip()
        if name:
            out.add(canonical_agency(name) or name)
    return tuple(sorted(out))
