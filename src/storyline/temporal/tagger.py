"""`tag_times`: find and normalise TIMEX3 time expressions in English news text.

>>> import datetime as dt
>>> [(t.text, t.value) for t in tag_times("He left on Friday.", dt.date(2013, 3, 22))]
[('Friday', '2013-03-22')]
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any

from storyline.model import DateInterval, TimeExpression
from storyline.nlp import DEFAULT_MODEL, load_nlp, parse
from storyline.temporal import lexicon as lex
from storyline.temporal import rules_dates, rules_holidays, rules_relative, rules_spans
from storyline.temporal.arith import interval_of
from storyline.temporal.engine import Context, Rule, Scan, Tense, run, scan
from storyline.temporal.tense import FUTURE_IN_PAST, SpacyTense

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    *rules_dates.RULES,
    *rules_holidays.RULES,
    *rules_relative.RULES,
    *rules_spans.RULES,
)
# Every rule match contains one of these words (or a digit): rules only run near them. A
# run of digits is one trigger ("2011" gives the window that its four digits gave merged).
TRIGGER = re.compile(
    r"\d+|\b(?:"
    + lex.alternation(
        [*lex.MONTHS, *lex.MONTH_ABBR, *lex.WEEKDAYS, *lex.SEASONS, *lex.PARTS_OF_DAY,
         *lex.UNITS, *lex.UNIT_PLURALS]
    )
    + r"|nineteen|today|yesterday|tomorrow|toni(?:ght|te)|now|current(?:ly)?|present(?:ly)?|"
    r"nowadays|days|recent(?:ly)?|previously|formerly|lately|soon|future|past|noon|midnight|midday|"
    r"daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semi-?annually|bimonthly|"
    r"half|quarters?|period|term|christmas|easter|thanksgiving|halloween|valentine's)",
    re.IGNORECASE,
)  # fmt: skip


def tag_times(
    text: str,
    dct: dt.date | None,
    doc: Any = None,
    *,
    model: str = DEFAULT_MODEL,
    use_spacy: bool = True,
    tense: Callable[[int, int], Tense] | None = None,
    scanned: Scan | None = None,
) -> list[TimeExpression]:
    """Time expressions in `text`, in text order, non-overlapping, normalised against `dct`.

    `doc` is an optional spaCy Doc of the same text; it gives the tense of governing verbs.
    Without it, sentences that hold a tense-dependent expression are parsed on demand with the
    spaCy pipeline `model` (loaded on first need; ModelNotFoundError when it is not
    installed) when `use_spacy` is true, else a word-cue heuristic is used. With `dct` None,
    relative expressions stay unresolved ("XXXX-12", "PAST_REF") while absolute ones
    ("in 2005") are still resolved. `tense(start, end)`, when given, answers every tense
    question instead (the annotate stage passes parses it batches itself). `scanned` is
    `scan_times(text)` when the caller tags the same text more than once.
    """
    if not text:
        return []
    if doc is not None and getattr(doc, "text", None) != text:
        log.warning("tag_times: the Doc's text differs from the text; ignoring the Doc")
        doc = None
    if tense is None:
        if doc is not None:
            tense = SpacyTense(text, doc=doc)
        elif use_spacy:
            tense = SpacyTense(text, parse=lambda sentence: parse(load_nlp(model), sentence))
        else:
            tense = SpacyTense(text)
    raw = tense

    def plain(start: int, end: int) -> Tense:
        t = raw(start, end)
        return "future" if t == FUTURE_IN_PAST else t

    ctx = Context(text=text, dct=dct, tense_at=plain, raw_tense_at=raw)
    out: list[TimeExpression] = []
    last_end = -1
    for t in run(text, RULES, ctx, TRIGGER, scanned):
        if t.start < last_end:
            continue
        r = t.result
        interval = _interval(r.type, r.value, text[t.start : t.end])
        if interval is not None and dct is not None:
            interval = _part_of(text[t.start : t.end], interval, dct)
        out.append(
            TimeExpression(
                start=t.start,
                end=t.end,
                text=text[t.start : t.end],
                type=r.type,
                value=r.value,
                interval=interval,
                relative=r.anchor != "none",
                anchor=r.anchor,
            )
        )
        last_end = t.end
    return out


def scan_times(text: str) -> Scan:
    """Every rule's candidates in `text`: what `tag_times` finds before it reads tense or
    the DCT, so two taggings of one text (`scanned=`) scan it once."""
    return scan(text, RULES, TRIGGER)


# "earlier this week" is the part of the week before the document's day; "later this
# month" the part after it (the TIMEX3 value stays the whole unit)
_EARLIER_LATER = re.compile(r"(?i)^(earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)$")


def _interval(type_: str, value: str, text: str) -> DateInterval | None:
    """The calendar interval of a DATE, or the day of a TIME that names its day ("Tuesday
    morning", "yesterday evening"; a bare clock, "at 10 a.m.", dates nothing)."""
    if type_ == "DATE":
        return interval_of(value)
    if type_ == "TIME" and len(value) > 10 and value[10] == "T" and _NAMES_A_DAY.search(text):
        return interval_of(value[:10])
    return None


_NAMES_A_DAY = re.compile(
    rf"(?i)\b(?:{lex.WEEKDAY_RE}|{lex.MONTH_RE}|yesterday|tomorrow|today|tonight|"
    rf"(?:this|last)\s+(?:morning|afternoon|evening|night))\b|\d{{4}}-\d{{2}}-\d{{2}}"
)


def _part_of(text: str, interval: DateInterval, dct: dt.date) -> DateInterval:
    m = _EARLIER_LATER.match(text.strip())
    if m is None or not interval.contains(dct):
        return interval
    one = dt.timedelta(days=1)
    if m.group(1).lower() == "earlier" and interval.start < dct:
        return DateInterval(interval.start, dct - one, interval.granularity)
    if m.group(1).lower() == "later" and dct < interval.end:
        return DateInterval(dct + one, interval.end, interval.granularity)
    return interval


__all__ = ["scan_times", "tag_times"]
