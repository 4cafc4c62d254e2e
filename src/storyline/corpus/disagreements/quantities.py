"""Parsing numbers as journalists write them, into intervals that can be compared.

"about 19,000", "17 000", "2.5 million", "a dozen", "more than 20,000", "nearly 300",
"twenty-one", "45%", "5 km". Each parse is a `Quantity` with the interval of values the
writer's words allow, so that "about 19,000" and "19,000" are compatible and
"17,000" and "19,000" are not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# Units folded to a base unit: (dimension, factor).
_UNITS = {
    "km": ("m", 1e3), "kilometres": ("m", 1e3), "kilometers": ("m", 1e3),
    "kilometre": ("m", 1e3), "kilometer": ("m", 1e3), "m": ("m", 1.0), "metres": ("m", 1.0),
    "meters": ("m", 1.0), "miles": ("m", 1609.344), "mile": ("m", 1609.344),
    "kg": ("kg", 1.0), "kilograms": ("kg", 1.0), "tonnes": ("kg", 1e3), "tons": ("kg", 1e3),
    "%": ("%", 1.0), "percent": ("%", 1.0), "per cent": ("%", 1.0),
    "sq km": ("m2", 1e6), "square kilometres": ("m2", 1e6), "square kilometers": ("m2", 1e6),
    "hectares": ("m2", 1e4),
}  # fmt: skip
_CURRENCIES = {"$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY"}
CURRENCY_CODES = frozenset(_CURRENCIES.values())
# Qualifier -> (low factor, high factor) applied to the stated value.
_QUALIFIERS = {
    "about": (0.95, 1.05), "around": (0.95, 1.05), "some": (0.95, 1.05),
    "roughly": (0.95, 1.05), "approximately": (0.95, 1.05), "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1), "nearly": (0.9, 1.0), "almost": (0.9, 1.0), "close to": (0.9, 1.0),
    "just under": (0.9, 1.0), "under": (0.0, 1.0), "less than": (0.0, 1.0),
    "fewer than": (0.0, 1.0), "up to": (0.0, 1.0), "at most": (0.0, 1.0),
    "over": (1.0, math.inf), "more than": (1.0, math.inf), "above": (1.0, math.inf),
    "at least": (1.0, math.inf), "just over": (1.0, 1.1), "upwards of": (1.0, math.inf),
    "tens of": (1.0, 10.0),
}  # fmt: skip

_WORD_NUM = "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True))
_QUAL = "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True))
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))

_NUMBER_RE = re.compile(
    rf"""
    (?:(?P<qual>{_QUAL})\s+)?
    (?P<cur>[$\u20ac\u00a3\u00a5]\s?)?
    (?:
        (?P<digits>\d{{1,3}}(?:(?:,|\u00a0|\u202f|\x20)\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      | (?P<words>(?:{_WORD_NUM})(?:[-\s](?:{_WORD_NUM}))?)
      | (?P<dozen>(?:a|one|two|three|half\s+a)\s+dozen)
    )
    (?:\s*(?P<scale>{_SCALE})\b)?
    (?:\s*(?P<unit>{_UNIT})(?![A-Za-z]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)


_DIGIT = re.compile(r"\d")
_CORE_WORDS = tuple(sorted({*_SMALL, *_TENS}))
_QUAL_MAX = max(len(q) for q in _QUALIFIERS)
_SCALE_HEADS = max(len(h) for h in ("a", "one", "two", "three", "half"))


def _back(text: str, i: int, n: int) -> int:
    """From `i`, skip back over a run of whitespace, then `n` more characters."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return max(0, i - n)


def _starts(text: str) -> list[int]:
    """Every position where a match of _NUMBER_RE may start, ascending (a superset).

    A match holds a digit, a number word or "dozen", preceded at most by a qualifier,
    whitespace and a currency sign; scanning only near those is what makes this fast."""
    low = text.lower()
    cores = [(m.start(), m.start()) for m in _DIGIT.finditer(text)]  # earliest, latest
    for word in _CORE_WORDS:
        at = low.find(word)
        while at >= 0:
            cores.append((at, at))
            at = low.find(word, at + 1)
    at = low.find("dozen")
    while at >= 0:  # "half a dozen": two words and their whitespace before "dozen"
        cores.append((_back(text, _back(text, at, _SCALE_HEADS), _SCALE_HEADS), at))
        at = low.find("dozen", at + 1)
    out: set[int] = set()
    for first, last in cores:
        out.update(range(_back(text, _back(text, first, 2), _QUAL_MAX + 1), last + 1))
    return sorted(out)


def _number_matches(text: str) -> list[re.Match[str]]:
    """The same matches as `_NUMBER_RE.finditer(text)`, trying only positions near a
    number: finditer tries every position, which dominated the disagreement finder."""
    out: list[re.Match[str]] = []
    pos = 0
    for start in _starts(text):
        if start < pos:
            continue
        m = _NUMBER_RE.match(text, start)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with the interval [low, high] its wording allows."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    unit: str = ""  # base unit dimension ("m", "kg", "%") or "" for counts
    approximate: bool = False

    def compatible(self, other: Quantity) -> bool:
        """True when both statements can be true of the same quantity."""
        if self.unit != other.unit:
            return True  # not comparable: never a conflict
        return self.low <= other.high * 1.0001 and other.low <= self.high * 1.0001


def _implicit_rounding(value: float, digits: str | None, scaled: bool) -> tuple[float, float]:
    """The values a writer may have rounded to this number.

    A scaled number allows half a unit of its last written digit, at least 2.5%: "5 billion"
    covers 4.5-5.5 billion (so "$4.8 billion" agrees), "2.5 million" 2.45-2.55 million.
    A round-looking plain number ("19,000") allows 2.5%; exact-looking numbers ("19,437",
    "802") and number words allow nothing."""
    if value == 0 or digits is None:
        return (value, value)
    if scaled:
        mantissa = float(re.sub(r"[^\d.]", "", digits))
        decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
        half = 0.5 * 10.0**-decimals * value / mantissa
        half = max(half, 0.025 * value)
        return (value - half, value + half)
    integer = int(value)
    if integer == value and integer % 1000 == 0:
        return (value * 0.975, value * 1.025)
    return (value, value)


def _words_value(words: str) -> float:
    parts = re.split(r"[-\s]+", words.lower())
    total = 0
    for p in parts:
        total += _SMALL.get(p, 0) + _TENS.get(p, 0)
    return float(total)


def parse_quantities(text: str) -> list[Quantity]:
    """All quantities in `text`, left to right."""
    out: list[Quantity] = []
    for m in _number_matches(text):
        digits, words, dozen = m.group("digits"), m.group("words"), m.group("dozen")
        if words is not None and not _word_boundaries(text, m.start("words"), m.end("words")):
            continue
        if digits is not None:
            if not _word_boundaries(text, m.start("digits"), m.end("digits"), digits=True):
                continue
            value = float(re.sub(r"[,\u00a0\u202f\x20]", "", digits))
        elif words is not None:
            value = _words_value(words)
        else:
            assert dozen is not None
            head = dozen.lower().split()[0]
            value = 6.0 if head == "half" else 12.0 * (1 if head in ("a", "one") else _SMALL[head])
        scale = m.group("scale")
        scaled = False
        if scale is not None:
            s = scale.lower()
            if s in ("m", "k") and scale != s and digits is None:
                continue
            value *= _SCALES[s]
            scaled = True
        unit_name = ""
        if m.group("unit"):
            dim, factor = _UNITS[m.group("unit").lower()]
            value *= factor
            unit_name = dim
        low, high = _implicit_rounding(value, digits, scaled)
        if unit_name:
            low, high = value * 0.995, value * 1.005
        approximate = dozen is not None
        qual = m.group("qual")
        if qual is not None:
            lo_f, hi_f = _QUALIFIERS[qual.lower()]
            low, high = min(low, value * lo_f), max(high, value * hi_f)
            approximate = True
        if qual is not None or m.group("cur") is not None:
            start = m.start()
        else:
            start = m.start(next(g for g in ("digits", "words", "dozen") if m.group(g)))
        end = m.end()
        if not unit_name and m.group("cur") is not None:
            unit_name = _CURRENCIES[m.group("cur").strip()]
        out.append(Quantity(start, end, text[start:end], value, low, high, unit_name, approximate))
    return out


def _word_boundaries(text: str, start: int, end: int, digits: bool = False) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or (after.isalpha() and not digits):
        return False
    if digits and (before in "-/:." or after in "-/:" or (after.isalpha() and after not in "kmb")):
        return False
    return not (after.isalnum() and not digits)


def is_year_like(q: Quantity) -> bool:
    """Plain four-digit numbers between 1800 and 2100 are probably years."""
    return (
        not q.unit
        and not q.approximate
        and q.value == int(q.value)
        and 1800 <= q.value <= 2100
        and re.fullmatch(r"\d{4}", q.text.strip()) is not None
    )
