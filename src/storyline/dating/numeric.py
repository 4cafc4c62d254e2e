"""Numeric dates whose order is ambiguous: is "Posted on 03/04/2019" 3 April or March 4?

    reading = resolve_order(match, text, host=..., outlet=..., story_weekday=...)
    reading.match      # the DateMatch in the order chosen
    reading.factor     # what the candidate's confidence is multiplied by
    reading.reason     # in words, for explain_date

A slash or dash date with both numbers at most 12 (and different) can be read both ways. The
order is taken, first decisive wins, from

1. the other numeric dates on the page written with the same separator: one whose first
   number is over 12 ("(28/03/2019)") is day-first, one whose second is ("(03/29/2022)")
   month-first; all decisive ones must agree (factor 0.9);
2. the outlet's habit, from the outlet table or the domain's country
   (`outlets.date_order`; factor 0.9);
3. the first weekday the story names ("met on Monday"): the one reading that falls on it
   (factor 0.8);
4. otherwise month-first, as before (factor 0.6: reported with low confidence).

When two of these disagree the first still decides, at factor 0.7.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.dating.scan import DateMatch, valid_date
from storyline.outlets import date_order

_NUMERIC = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$")
_PAGE_NUMERIC = re.compile(r"(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d./-])")
_DECIDED = 0.9
_WEEKDAY = 0.8
_DEFAULT = 0.6
_CONFLICT = 0.7


@dataclass(frozen=True)
class Reading:
    match: DateMatch
    factor: float
    reason: str
    ambiguous: bool = True


def numeric_parts(match: DateMatch) -> tuple[int, str, int, int] | None:
    """(first number, separator, second number, year) of a numeric date, else None."""
    m = _NUMERIC.match(match.text.strip())
    if not m:
        return None
    return int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))


def is_ambiguous(match: DateMatch) -> bool:
    """A numeric date both orders can read ("03/04/2019"; not "15/01/2019", "04/04/2019")."""
    parts = numeric_parts(match)
    if parts is None:
        return False
    a, _, b, _ = parts
    return a <= 12 and b <= 12 and a != b


def _reading(match: DateMatch, order: str) -> DateMatch | None:
    parts = numeric_parts(match)
    assert parts is not None
    a, _, b, y = parts
    day, month = (a, b) if order == "dmy" else (b, a)
    if not valid_date(y, month, day):
        return None
    return DateMatch(match.start, match.end, match.text, y, month, day, match.weekday)


def page_order(text: str, separator: str, skip: tuple[int, int] | None = None) -> str | None:
    """The order the page's other numeric dates (same separator) show, when all that show
    one agree; None when none decides or they disagree."""
    votes: set[str] = set()
    for m in _PAGE_NUMERIC.finditer(text):
        if m.group(2) != separator or (skip and m.start() < skip[1] and skip[0] < m.end()):
            continue
        a, b = int(m.group(1)), int(m.group(3))
        if a > 12 and b <= 12:
            votes.add("dmy")
        elif b > 12 and a <= 12:
            votes.add("mdy")
    return votes.pop() if len(votes) == 1 else None


def _weekday_order(match: DateMatch, weekday: int | None) -> str | None:
    if weekday is None:
        return None
    fits = [
        order
        for order in ("dmy", "mdy")
        if (r := _reading(match, order)) is not None
        and dt.date(r.year or 1, r.month or 1, r.day or 1).weekday() == weekday
    ]
    return fits[0] if len(fits) == 1 else None


def resolve_order(
    match: DateMatch,
    text: str,
    *,
    host: str | None = None,
    outlet: str | None = None,
    story_weekday: int | None = None,
    position: tuple[int, int] | None = None,
) -> Reading:
    """The reading of an ambiguous numeric date (see the module docstring); a date that is
    not ambiguous comes back as it is, with factor 1."""
    if not is_ambiguous(match):
        return Reading(match, 1.0, "", ambiguous=False)
    parts = numeric_parts(match)
    assert parts is not None
    hints = [
        ("the page's other dates", page_order(text, parts[1], position)),
        ("the outlet's habit", date_order(host=host, name=outlet)),
        ("the weekday the story names", _weekday_order(match, story_weekday)),
    ]
    decided = [(why, order) for why, order in hints if order is not None]
    if not decided:
        chosen = _reading(match, "mdy")
        assert chosen is not None
        return Reading(chosen, _DEFAULT, f"{match.text} is ambiguous; read month-first")
    why, order = decided[0]
    factor = _WEEKDAY if why.startswith("the weekday") else _DECIDED
    if any(o != order for _, o in decided[1:]):
        factor = _CONFLICT
    chosen = _reading(match, order)
    assert chosen is not None
    first = "day-first" if order == "dmy" else "month-first"
    return Reading(chosen, factor, f"{match.text} read {first} from {why}")
