"""What tells no event of a day: a heading, a sentence placed in a historical period or a
vague stretch of time, and history before the pile that few sources tell (used by
`timeline.events.v1`).

    >>> names_a_period("Soviet troops seized the islands at the end of the war.")
    True
    >>> heading("FACTBOX - Kestrel-1 in brief")
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.data import word_set
from storyline.events.chronology import is_coarse_chronology_entry
from storyline.model import Article, Granularity
from storyline.timeline.candidates import Candidate
from storyline.timeline.fold import MENTION

_END_MARK = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")", "\u2026")


def heading(text: str) -> bool:
    """A short line with no closing mark ("FACTBOX - Kestrel-1 in brief", "Key dates"):
    a heading, which stands for no event of its article's day (the dates it names stay:
    "12 June - cap fitted")."""
    line = text.strip()
    return bool(line) and not line.endswith(_END_MARK) and len(line.split()) <= 8


_LAST = re.compile(r"\b(?:last|previous|most recently|latest)\b", re.IGNORECASE)


def drop_lone_history(
    candidates: list[Candidate], articles: Sequence[Article], years: int, sources: int
) -> list[Candidate]:
    """The candidates without those of years more than `years` years before the pile's
    first published article that fewer than `sources` independent sources tell (at any
    precision): one profile's "founded in 1889" is background. A month or a day of the
    past ("seized the islands in August 1945") is an account of an event, and stays, as
    does a year in a chronology the article carries."""
    starts = [a.published.start for a in articles if a.published is not None]
    if not starts or sources <= 1:
        return candidates
    first = min(starts)
    try:
        cutoff = first.replace(year=first.year - years)
    except ValueError:  # 29 February
        cutoff = first.replace(year=first.year - years, day=28)
    told: dict[int, set[str]] = {}  # by year: "1945" and "August 1945" are one time
    for c in candidates:
        if c.date.end < cutoff and c.kind != MENTION:
            told.setdefault(c.date.start.year, set()).add(
                c.article.syndication_group or c.article.id
            )
    lone = {year for year, groups in told.items() if len(groups) < sources}
    # "was last inspected in April 2019", "its last eruption began in January 1973": when
    # something last happened, before the story, is a record, at any precision
    candidates = [
        c
        for c in candidates
        if c.date.end >= cutoff or c.kind == MENTION or not _LAST.search(c.sentence.text)
    ]
    return [
        c
        for c in candidates
        if c.date.end >= cutoff
        or c.date.granularity is not Granularity.YEAR
        or c.date.start.year not in lone
        or c.chronology
        or is_coarse_chronology_entry(c.sentence.text)  # "2016 - The accord is signed"
    ]


def _period_pattern() -> re.Pattern[str]:
    nouns = "|".join(
        re.escape(n).replace(r"\ ", r"\s+")
        for n in sorted(word_set("events", "period_nouns"), key=lambda n: (-len(n), n))
    )
    ordinal = r"(?:(?:first|second|1st|2nd)\s+)?"
    return re.compile(
        rf"\b(?:at\s+the\s+(?:end|start|beginning|close|height)\s+of|in\s+the\s+"
        rf"(?:wake|aftermath|closing\s+days|final\s+days)\s+of|after)\s+"
        rf"(?:the\s+)?{ordinal}(?:{nouns})\b(?:\s+(?:i|ii|one|two))?",
        re.IGNORECASE,
    )


_PERIOD = _period_pattern()


# a stretch of time no tagger dates, which places what a sentence tells away from its day
_VAGUE_STRETCH = re.compile(
    r"\b(?:in|during|over|within)\s+the\s+(?:days|weeks|months|years|decades)\s+"
    r"(?:after|before|since|following|that\s+followed|leading\s+up\s+to)\b|"
    r"\b(?:days|weeks|months|years|decades)\s+(?:ago|earlier|later|before)\b|"
    r"\bin\s+recent\s+(?:weeks|months|years)\b",
    re.IGNORECASE,
)


def names_a_period(text: str) -> bool:
    """Whether a sentence places what it tells in a historical period ("at the end of the
    war", "after World War II") or in a stretch of time away from its day ("in the months
    after the hostages were freed", "years earlier"); "since" and "during" a named event
    are left out: "the heaviest shelling since the war began" is the day's news."""
    return _PERIOD.search(text) is not None or _VAGUE_STRETCH.search(text) is not None


_LIVE = re.compile(
    r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[-\u2013\u2014|]\s+\S"
)


def live_entry(text: str) -> bool:
    """An entry of a live page, opened by its clock time ("07:25 - Selvik airport has
    closed"): it tells what happened on its page's day, wherever it stands on the page."""
    return _LIVE.match(text) is not None
