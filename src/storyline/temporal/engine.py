"""The rule engine: rules are (pattern, normaliser) pairs; the engine finds every candidate span,
keeps the longest non-overlapping ones, and normalises them in text order so that anaphoric
expressions ("that year", "the following day") see the last date mentioned before them.

A rule's normaliser receives the regex match and a `Context` and returns a `Result` (type, value,
anchor) or None to reject the candidate (e.g. "may" written in lower case is not a month).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from storyline.spans import SpanMask
from storyline.temporal.arith import anchor_date

log = logging.getLogger(__name__)

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")

Tense = str | None  # "past" | "present" | "future" | None


@dataclass(frozen=True)
class Result:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    anchor: str = "none"  # dct | previous | none
    # Characters to drop from the start / end of the matched extent (e.g. a leading "in").
    trim_start: int = 0
    trim_end: int = 0
    # False for expressions that must not become the anchor of later anaphoric ones
    # (e.g. "a year earlier" is itself computed from the previous anchor).
    anchoring: bool = True


@dataclass
class Context:
    """What a normaliser may consult: the text, the DCT, the tense at a span, the last date."""

    text: str
    dct: dt.date | None
    tense_at: Callable[[int, int], Tense]
    # the tense as read, before "future-in-past" ("would attend") is folded into "future"
    raw_tense_at: Callable[[int, int], Tense] | None = None
    last: tuple[dt.date, str] | None = None  # the last resolved date mention: (date, unit)
    last_end: int = -1  # where that mention ends in the text
    # weekday (0 = Monday) -> the day a bare mention of it was placed on earlier in the text
    weekdays: dict[int, dt.date] = field(default_factory=dict)

    def last_in_sentence(self, pos: int) -> dt.date | None:
        """The last resolved day, when it was mentioned earlier in the sentence that holds
        `pos` (a reported statement's time: "announced on Wednesday that ... on Thursday")."""
        if self.last is None or self.last[1] != "day" or not 0 <= self.last_end <= pos:
            return None
        between = self.text[self.last_end : pos]
        return None if _SENTENCE_BREAK.search(between) else self.last[0]

    def ref(self) -> tuple[dt.date | None, str]:
        """The reference date for deictic expressions and how it was chosen: the DCT when the
        document is dated, else the last mentioned date, else nothing."""
        if self.dct is not None:
            return self.dct, "dct"
        if self.last is not None:
            return self.last[0], "previous"
        return None, "none"

    def previous(self) -> tuple[dt.date | None, str, str]:
        """The anchor of anaphoric expressions: the last mentioned date (with its unit), else the
        DCT, else nothing. Returns (date, unit, anchor)."""
        if self.last is not None:
            return self.last[0], self.last[1], "previous"
        if self.dct is not None:
            return self.dct, "day", "dct"
        return None, "day", "none"


Normaliser = Callable[[re.Match[str], Context], Result | None]


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern and the function that normalises its matches."""

    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    priority: int = 0  # among equally long candidates, the higher priority wins


def is_title(text: str, start: int, word: str) -> bool:
    """True when a capitalised word sits mid-sentence (a name such as the TV show "This Week"
    or "VOA Today"), not at the start of a sentence, line or quotation."""
    if not word[:1].isupper():
        return False
    before = text[max(0, start - 8) : start].rstrip()
    if before and before[-1] in "\"'`(“‘":  # an opening quote: look before it
        before = before.rstrip("\"'`(“‘ ")
        return bool(before) and before[-1] not in ".!?\n:;,-_"
    return bool(before) and before[-1] not in ".!?\n:;-_"


def rule(name: str, pattern: str, normalise: Normaliser, priority: int = 0) -> Rule:
    """Build a Rule from a verbose, case-insensitive pattern."""
    return Rule(name, re.compile(pattern, re.IGNORECASE | re.VERBOSE), normalise, priority)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def windows(text: str, trigger: re.Pattern[str] | None, margin: int = 60) -> list[tuple[int, int]]:
    """Merged character windows around the trigger words: only there can a rule match."""
    if trigger is None:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        s, e = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def candidates(
    text: str,
    rules: Sequence[Rule],
    pos: int = 0,
    endpos: int | None = None,
    trigger: re.Pattern[str] | None = None,
) -> list[Candidate]:
    """Every non-empty match of every rule in text[pos:endpos] (searched only in the windows
    around `trigger` words when given), longest and highest-priority first."""
    end = len(text) if endpos is None else endpos
    spans = [(pos, end)] if trigger is None else windows(text[:end], trigger)
    found: list[Candidate] = []
    seen: set[tuple[int, int, str]] = set()
    for r in rules:
        for ws, we in spans:
            for m in r.pattern.finditer(text, max(ws, pos), we):
                key = (m.start(), m.end(), r.name)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    found.append(Candidate(m.start(), m.end(), r, m))
    found.sort(key=lambda c: (c.start - c.end, -c.rule.priority, c.start, c.rule.name))
    return found


@dataclass(frozen=True)
class Scan:
    """The candidates of every rule in one text. They depend on the text alone (not on the
    DCT, tense or context), so a text tagged twice (the annotate stage's two passes) is
    scanned once."""

    text: str
    candidates: tuple[Candidate, ...]


def scan(text: str, rules: Sequence[Rule], trigger: re.Pattern[str] | None = None) -> Scan:
    return Scan(text, tuple(candidates(text, rules, trigger=trigger)))


@dataclass(frozen=True)
class Tagged:
    start: int
    end: int
    result: Result


def _normalise(c: Candidate, ctx: Context) -> Result | None:
    """The rule's normalisation, or None when calendar arithmetic leaves the supported range
    (years 1-9999) so that a far-fetched candidate never breaks tagging."""
    try:
        return c.rule.normalise(c.match, ctx)
    except (OverflowError, ValueError) as e:
        log.debug("rule %s rejected %r: %s", c.rule.name, c.match.group(0), e)
        return None


def run(
    text: str,
    rules: Sequence[Rule],
    ctx: Context,
    trigger: re.Pattern[str] | None = None,
    scanned: Scan | None = None,
) -> list[Tagged]:
    """Select the longest non-overlapping candidates that their normaliser accepts, then
    normalise them again in text order, so that anaphoric rules see the previous date.
    `scanned`, when given, is `scan(text, rules, trigger)` done before (of this very text)."""
    if scanned is None or scanned.text != text:
        scanned = scan(text, rules, trigger)
    scratch = Context(text=text, dct=ctx.dct, tense_at=ctx.tense_at, raw_tense_at=ctx.raw_tense_at)
    taken = SpanMask(len(text))  # linear: a mask of taken characters, not a list to search
    chosen: list[Candidate] = []
    for c in scanned.candidates:
        if not taken.free(c.start, c.end):
            continue
        if _normalise(c, scratch) is None:
            continue
        taken.take(c.start, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    out: list[Tagged] = []
    for c in chosen:
        res = _normalise(c, ctx)
        if res is None:
            continue
        s, e = c.start + res.trim_start, c.end - res.trim_end
        if e <= s:
            continue
        out.append(Tagged(s, e, res))
        if res.type in ("DATE", "TIME") and res.anchoring:
            a = anchor_date(res.value)
            if a is not None:
                ctx.last = a
                ctx.last_end = e
    return out
