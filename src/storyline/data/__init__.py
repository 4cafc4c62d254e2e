"""Tables that are data, shipped with the package and read once per process.

    months()              {"january": 1, ...}; month_abbreviations(), weekdays(), ...
    agencies()            {"AFP": ("AFP", "Agence France-Presse", ...), ...}
    picture_agencies()    ("REUTERS", "Getty Images", ...)
    stopwords("query")    frozenset of words
    word_set("events", "reporting")   a word list of a table
    countries()           lower-cased country names
    contested_places()    the raw table of contested place names (see corpus/entities/aliases)

Files: `calendar.toml`, `agencies.toml`, `stopwords.toml`, `events.toml`, `countries.txt`,
`contested_places.toml`.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def table(name: str) -> dict[str, Any]:
    """A TOML data file of this package, parsed (`name` without `.toml`)."""
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _int_map(section: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in table("calendar")[section].items()}


@functools.cache
def months() -> dict[str, int]:
    """Full month names (lower case) -> 1..12."""
    return _int_map("months")


@functools.cache
def month_abbreviations() -> dict[str, int]:
    """Month abbreviations (lower case, "sept" included, "may" not) -> 1..12."""
    return _int_map("month_abbreviations")


@functools.cache
def weekdays() -> dict[str, int]:
    """Full weekday names (lower case) -> 0 (Monday)..6."""
    return _int_map("weekdays")


@functools.cache
def weekday_abbreviations() -> dict[str, int]:
    """Weekday abbreviations ("tue", "tues", "thur", ...) -> 0..6."""
    return _int_map("weekday_abbreviations")


def month_names() -> tuple[str, ...]:
    """ "January" .. "December", for display."""
    by_number = {n: name for name, n in months().items()}
    return tuple(by_number[i].capitalize() for i in range(1, 13))


@functools.cache
def agencies() -> dict[str, tuple[str, ...]]:
    """Canonical news agency name -> the spellings met in credit lines."""
    return {str(k): tuple(v) for k, v in table("agencies")["news"].items()}


@functools.cache
def picture_agencies() -> tuple[str, ...]:
    """Names that appear in picture credits, longest first (for regex alternations)."""
    names = {str(n) for n in table("agencies")["pictures"]["names"]}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@functools.cache
def stopwords(purpose: str) -> frozenset[str]:
    """One of the project's word lists in `stopwords.toml` (query, count_filler, hedges,
    dull)."""
    return frozenset(str(w) for w in table("stopwords")[purpose])


@functools.cache
def word_set(name: str, key: str) -> frozenset[str]:
    """A list of words in the TOML table `name` (e.g. `word_set("events", "reporting")`)."""
    return frozenset(str(w) for w in table(name)[key])


@functools.cache
def countries() -> frozenset[str]:
    """Lower-cased country names."""
    text = resources.files(__name__).joinpath("countries.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


__all__ = [
    "agencies",
    "countries",
    "month_abbreviations",
    "month_names",
    "months",
    "picture_agencies",
    "stopwords",
    "table",
    "weekday_abbreviations",
    "weekdays",
    "word_set",
]
