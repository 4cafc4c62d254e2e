"""`tag_times`: find and normalise TIMEX3 time expressions in English news text.

>>> import datetime as dt
>>> [(t.text, t.value) for t in tag_times("He left on Friday.", dt.date(2013, 3, 22))]
[('Friday', '2013-03-22')]
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from storyline.model import TimeExpression
from storyline.nlp import DEFAULT_MODEL, load_nlp, parse
from storyline.temporal import lexicon as lex
from storyline.temporal import rules_dates, rules_holidays, rules_relative, rules_spans
from storyline.temporal.arith import interval_of
from storyline.temporal.engine import Context, Rule, run
from storyline.temporal.tense import SpacyTense

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = (
    *rules_dates.RULES,
    *rules_holidays.RULES,
    *rules_relative.RULES,
    *rules_spans.RULES,
)
# Every rule match contains one of these words (or a digit): rules only run near them.
TRIGGER = re.compile(
    r"\d|\b(?:"
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
) -> list[TimeExpression]:
    """Time expressions in `text`, in text order, non-overlapping, normalised against `dct`.

    `doc` is an optional spaCy Doc of the same text; it gives the tense of governing verbs.
    Without it, sentences that hold a tense-dependent expression are parsed on demand with the
    spaCy pipeline `model` (loaded on first need; ModelNotFoundError when it is not
    installed) when `use_spacy` is true, else a word-cue heuristic is used. With `dct` None,
    relative expressions stay unresolved ("XXXX-12", "PAST_REF") while absolute ones
    ("in 2005") are still resolved.
    """
    if not text:
        return []
    if doc is not None and getattr(doc, "text", None) != text:
        log.warning("tag_times: the Doc's text differs from the text; ignoring the Doc")
        doc = None
    if doc is not None:
        tense = SpacyTense(text, doc=doc)
    elif use_spacy:
        tense = SpacyTense(text, parse=lambda sentence: parse(load_nlp(model), sentence))
    else:
        tense = SpacyTense(text)
    ctx = Context(text=text, dct=dct, tense_at=tense)
    out: list[TimeExpression] = []
    last_end = -1
    for t in run(text, RULES, ctx, TRIGGER):
        if t.start < last_end:
            continue
        r = t.result
        interval = interval_of(r.value) if r.type == "DATE" else None
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


__all__ = ["tag_times"]
