"""Publication dates you can trust: the dating stage.

`date_article(article)` fills `published`, `published_how`, `published_confidence`
and `published_window`; `explain_date(article)` returns the full `DatingReport`
behind it (every candidate, accepted or not, with the reason).

Candidates come, in order of trust, from the container (`header`, `field`, `meta`,
`url` via `Article.given_date`), a ` date YYYY-MM-DD` header, a dateline, a byline or
timestamp line near the top, and the URL. Each is checked against what the text
itself says (`storyline.dating.infer.check_candidate`); the first that
survives wins. When none does, the article stays undated (`published=None`) and the
bounds its own dates put on the publication date become `published_window`
(`published_how="text-inferred"`). A day is never made up: a text-inferred date is
published only when the bounds fall within one month (as that month) or one year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass

from storyline.config import DatingConfig
from storyline.dating.datelines import (
    Found,
    copyright_year,
    find_bylines,
    find_datelines,
    find_header,
    find_published_notes,
    find_url_date,
)
from storyline.dating.infer import (
    Bounds,
    Mention,
    check_candidate,
    estimate,
    extract_mentions,
    first_weekday,
    resolve_year,
    text_bounds,
)
from storyline.dating.numeric import is_ambiguous, resolve_order
from storyline.dating.scan import DateMatch, parse_date_string
from storyline.model import Article, DateEvidence, DateInterval, Granularity
from storyline.outlets.names import host_of

__all__ = [
    "HOWS",
    "Candidate",
    "DatingReport",
    "date_article",
    "explain_date",
]

log = logging.getLogger(__name__)

HOWS = ("header", "meta", "field", "dateline", "byline", "url", "text-inferred", "none")
_ORDER = ("header", "field", "meta", "dateline", "byline", "url")
_PRIOR = {"header": 0.95, "field": 0.9, "meta": 0.85, "dateline": 0.9, "byline": 0.8, "url": 0.75}
_STRONG = frozenset({"header", "field", "meta"})
_YEARLESS_FACTOR = 0.6  # a dateline whose year comes from the content
_ANCHORED_FACTOR = 0.9  # a dateline whose year comes from another date on the page
_CLOCK_FACTOR = 0.85  # a top-of-page date printed with a time of day may be a page clock
# Only dates in the body (at least the first 2000 characters) contradict a container date
# (the first half of a page) or bound an undated one (its first 80%): comments,
# corrections and sidebars printed after publication come at the end.
_BODY_SHARE = 0.5
_BOUNDS_SHARE = 0.8
_BODY_MIN_CHARS = 2000
_INFERRED_CONFIDENCE = 0.35  # a month or year inferred from the text's own bounds
# "00:23 GMT29 July 2021": a clock, its zone run into the day, alone on a line - the page's
# live clock (the time it was rendered or crawled), never a publication stamp.
_GLUED_CLOCK = re.compile(
    r"^\s*\d{1,2}:\d{2}\s*(?:GMT|UTC|[A-Z]{2,4}T)\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\s*$"
)


@dataclass(frozen=True)
class Candidate:
    """One publication-date candidate and what became of it."""

    how: str  # header | field | meta | dateline | byline | url
    value: str  # the date read, ISO (XXXX-MM-DD when the year is missing)
    accepted: bool
    reason: str  # why it was accepted or rejected
    confidence: float = 0.0
    source_text: str = ""  # the line or string it was read from


@dataclass(frozen=True)
class DatingReport:
    """Everything `date_article` decided, and why."""

    candidates: tuple[Candidate, ...]
    published: DateInterval | None
    how: str
    confidence: float
    window: tuple[dt.date, dt.date] | None
    bounds: Bounds
    estimate: DateInterval | None  # best single guess, for measurement only
    # an article dated by cross-reference (a corpus stage): the events it shares
    evidence: tuple[DateEvidence, ...] = ()

    @property
    def chosen(self) -> Candidate | None:
        if self.published is None or self.how in ("text-inferred", "none"):
            return None
        return next((c for c in self.candidates if c.accepted and c.how == self.how), None)


@dataclass(frozen=True)
class _Raw:
    how: str
    value: DateInterval | None
    match: DateMatch | None
    text: str
    clock: bool = False
    parse_error: str = ""
    lead_weekday: int | None = None


def _value_text(match: DateMatch) -> str:
    y = f"{match.year:04d}" if match.year else "XXXX"
    parts = [y]
    if match.month:
        parts.append(f"{match.month:02d}")
        if match.day:
            parts.append(f"{match.day:02d}")
    return "-".join(parts)


def _gather(article: Article) -> list[_Raw]:
    raws: list[_Raw] = []
    if article.given_date:
        how = article.given_date_how if article.given_date_how in _PRIOR else "field"
        iv = parse_date_string(article.given_date)
        err = "" if iv else f"cannot read {article.given_date!r} as a date"
        raws.append(_Raw(how, iv, None, article.given_date, parse_error=err))
    raw = article.raw_text
    header = find_header(raw)
    found: list[Found] = [header] if header else []
    datelines = find_datelines(raw)
    found += datelines
    dl_lines = {f.line for f in datelines}
    bylines = [b for b in find_bylines(raw) if b.line not in dl_lines]
    found += bylines
    taken = {b.match.start for b in bylines}
    found += [n for n in find_published_notes(raw) if n.match.start not in taken]
    url = find_url_date(article.url)
    if url:
        found.append(url)
    for f in found:
        raws.append(_Raw(f.how, f.match.interval, f.match, f.line, f.clock, "", f.lead_weekday))
    seen: set[tuple[str, str]] = set()
    out: list[_Raw] = []
    # Full dates first, in order of trust; year-less datelines only after them.
    for r in sorted(
        raws, key=lambda r: (r.value is None and not r.parse_error, _ORDER.index(r.how))
    ):
        key = (r.how, r.value.iso() if r.value else r.text)
        if key not in seen:
            seen.add(key)
            out.append(r)
        else:  # the same date twice: keep a printed stamp rather than a glued page clock
            i = next(
                i for i, o in enumerate(out) if (o.how, o.value.iso() if o.value else o.text) == key
            )
            if _GLUED_CLOCK.match(out[i].text) and not _GLUED_CLOCK.match(r.text):
                out[i] = r
    return out


def _exclusions(text: str, raws: list[_Raw]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for r in raws:
        if r.how == "url" or not r.text.strip():
            continue
        start = text.find(r.text)
        while start != -1:
            spans.append((start, start + len(r.text)))
            start = text.find(r.text, start + 1)
    return spans


@dataclass(frozen=True)
class _Judged:
    candidate: Candidate
    value: DateInterval | None  # the date checked (year resolved), when there is one
    clock: bool = False  # rejected as a crawl or page clock: an upper bound, not a date


def _judge(
    r: _Raw,
    raws: list[_Raw],
    mentions: list[Mention],
    story_weekday: int | None,
    anchor: dt.date | None,
    body_end: int,
    article: Article,
    cfg: DatingConfig,
) -> _Judged:
    """Resolve, check and score one candidate."""
    shown = r.value.iso() if r.value else (_value_text(r.match) if r.match else r.text)
    if r.parse_error:
        return _Judged(Candidate(r.how, shown, False, r.parse_error, 0.0, r.text), None)
    value = r.value
    factor = 1.0
    why = "consistent with the dates the text mentions"
    if r.match is not None and value is not None and is_ambiguous(r.match):
        reading = resolve_order(
            r.match,
            article.raw_text,
            host=host_of(article.url),
            outlet=article.source,
            story_weekday=story_weekday,
            position=(r.match.start, r.match.end) if r.how != "field" else None,
        )
        value = reading.match.interval
        factor, why = reading.factor, reading.reason
        shown = value.iso() if value else shown
    glued = r.how == "byline" and _GLUED_CLOCK.match(r.text)
    if glued and value is not None and not _corroborated(value, r, raws):
        why = "a page clock: the time is glued to the day, as live-clock widgets print it"
        return _Judged(Candidate(r.how, shown, False, why, 0.0, r.text), value, True)
    if value is None and r.match is not None and r.match.month and r.match.day:
        weekday = r.match.weekday if r.match.weekday is not None else r.lead_weekday
        stamped = copyright_year(article.raw_text)
        year, ywhy = resolve_year(r.match.month, r.match.day, mentions, weekday, anchor, stamped)
        if year is None:
            return _Judged(Candidate(r.how, shown, False, f"no year: {ywhy}", 0.0, r.text), None)
        value = DateInterval.day(dt.date(year, r.match.month, r.match.day))
        shown = value.iso()
        factor = _ANCHORED_FACTOR if anchor is not None else _YEARLESS_FACTOR
        why = f"year from the content ({ywhy})"
    if value is None:
        return _Judged(Candidate(r.how, shown, False, "no usable date", 0.0, r.text), None)
    verdict = check_candidate(
        value,
        mentions,
        _gap_days(r.how, cfg),
        article.crawled,
        strong=r.how in _STRONG,
        corroborated=_corroborated(value, r, raws),
        weekday=story_weekday,
        body_end=body_end,
        today=_today(cfg),
    )
    if verdict.reason is not None:
        rejected = Candidate(r.how, shown, False, verdict.reason, 0.0, r.text)
        return _Judged(rejected, value, verdict.kind == "clock")
    if r.clock and r.how == "byline":
        factor *= _CLOCK_FACTOR
    printed = r.match.weekday if r.match is not None and r.match.year else None
    if printed is not None and value.start.weekday() != printed:
        factor *= 0.7
        why += "; the printed weekday does not match the date"
    conf = _PRIOR[r.how] * factor * (0.8 + 0.2 * verdict.support)
    if value.granularity is not Granularity.DAY:
        conf *= 0.85
    return _Judged(Candidate(r.how, shown, True, why, round(conf, 3), r.text), value)


def _gap_days(how: str, cfg: DatingConfig) -> int | None:
    """The page-clock gap a candidate faces: `strong_max_gap_days` for a header or a JSON
    field (None by default: real stories often cite only old dates in full; a field after
    today is rejected anyway), twice the gap for HTML metadata (htmldate may fall back to
    dates printed on the page), the configured gap for anything read off the page."""
    if how in ("header", "field"):
        return cfg.strong_max_gap_days
    return cfg.max_gap_days * (2 if how == "meta" else 1)


def _today(cfg: DatingConfig) -> dt.date:
    """The day of the run (`dating.today` pins it, for reproducing an old run)."""
    if cfg.today:
        try:
            return dt.date.fromisoformat(cfg.today)
        except ValueError:
            log.warning("dating.today=%r is not a YYYY-MM-DD date; using the clock", cfg.today)
    return dt.date.today()


def _agreement(chosen: _Judged, others: list[_Judged]) -> float:
    """The chosen candidate's confidence, raised by each accepted candidate giving the same
    day (noisy-or at half weight) and lowered by each that contradicts it."""
    assert chosen.value is not None
    confidence = chosen.candidate.confidence
    for o in others:
        assert o.value is not None
        gap = abs((o.value.start - chosen.value.start).days)
        if o.value.granularity is Granularity.DAY and gap <= 1:
            confidence = 1 - (1 - confidence) * (1 - o.candidate.confidence / 2)
        elif chosen.value.granularity is Granularity.DAY and not o.value.contains(
            chosen.value.start
        ):
            confidence *= 0.85
    return round(min(0.99, confidence), 3)


def explain_date(article: Article, config: DatingConfig | None = None) -> DatingReport:
    """Find, check and choose a publication date for `article`, reporting every
    candidate and the reason it was accepted or rejected. An article the corpus stage dated
    by cross-reference (`storyline.corpus.crossref`) reports that date and its evidence:
    the sentences that tell events other articles date."""
    if article.published_how == "cross-reference" and (
        article.published is not None or article.published_window is not None
    ):
        if article.published_window is not None:
            window = article.published_window
        else:
            assert article.published is not None
            window = (article.published.start, article.published.end)
        return DatingReport(
            candidates=(),
            published=article.published,
            how="cross-reference",
            confidence=article.published_confidence,
            window=window,
            bounds=Bounds(),
            estimate=None,
            evidence=article.published_evidence,
        )
    cfg = config or DatingConfig()
    text = article.text or article.raw_text
    raws = _gather(article)
    excluded = _exclusions(text, raws)
    mentions = extract_mentions(text, excluded)
    story_weekday = first_weekday(text, excluded)
    body_end = max(_BODY_MIN_CHARS, int(len(text) * _BODY_SHARE))
    bounds = text_bounds(mentions, max(_BODY_MIN_CHARS, int(len(text) * _BOUNDS_SHARE)))
    anchor = next(
        (r.value.start for r in raws if r.value and r.value.granularity is Granularity.DAY), None
    )
    judged = [
        _judge(r, raws, mentions, story_weekday, anchor, body_end, article, cfg) for r in raws
    ]
    cands = tuple(j.candidate for j in judged)
    for c in cands:
        if not c.accepted:
            log.info("%s: rejected %s date %s: %s", article.id, c.how, c.value, c.reason)

    accepted = [j for j in judged if j.candidate.accepted]
    if accepted and accepted[0].value is not None:
        best = accepted[0]
        confidence = _agreement(best, accepted[1:])
        return DatingReport(
            cands, best.value, best.candidate.how, confidence, None, bounds, best.value
        )

    # Nothing trustworthy: the bounds the text's own dates set, closed above by the crawl
    # date or a rejected page clock (a page showing a clock was rendered after publication).
    upper = [
        d
        for d in (*(j.value.end for j in judged if j.clock and j.value), article.crawled)
        if d is not None
    ]
    crawled = article.crawled
    if bounds.earliest is not None and crawled is not None and crawled < bounds.earliest:
        # the page was crawled before a date the text reports: the bounds cannot be trusted
        log.info("%s: crawled %s before %s the text reports", article.id, crawled, bounds.earliest)
        return DatingReport(cands, None, "none", 0.0, None, Bounds(), None)
    if bounds.earliest is not None:
        upper = [d for d in upper if d >= bounds.earliest]
    if upper and (bounds.latest is None or min(upper) < bounds.latest):
        bounds = dataclasses.replace(bounds, latest=min(upper), latest_from="crawl or page clock")
    guess = estimate(mentions, bounds)
    if bounds.earliest is None or bounds.latest is None:
        return DatingReport(cands, None, "none", 0.0, None, bounds, guess)
    window = (bounds.earliest, bounds.latest)
    coarse = _coarse(window)
    confidence = _INFERRED_CONFIDENCE if coarse is not None else 0.0
    return DatingReport(cands, coarse, "text-inferred", confidence, window, bounds, guess)


def _corroborated(value: DateInterval, me: _Raw, raws: list[_Raw]) -> bool:
    """Another candidate, printed elsewhere, gives (nearly) the same day."""
    for r in raws:
        if r is me or r.text == me.text:
            continue
        if r.value is not None and r.value.granularity is Granularity.DAY:
            if abs((r.value.start - value.start).days) <= 2:
                return True
        elif r.match is not None and r.match.month and r.match.day:
            for y in (value.start.year - 1, value.start.year, value.start.year + 1):
                try:
                    other = dt.date(y, r.match.month, r.match.day)
                except ValueError:
                    continue
                if abs((other - value.start).days) <= 2:
                    return True
    return False


def _coarse(window: tuple[dt.date, dt.date]) -> DateInterval | None:
    """The month or year that holds the whole window, if any."""
    lo, hi = window
    if (lo.year, lo.month) == (hi.year, hi.month):
        return DateInterval.month(lo.year, lo.month)
    if lo.year == hi.year:
        return DateInterval.year(lo.year)
    return None


def date_article(article: Article, config: DatingConfig | None = None) -> Article:
    """The dating stage: `article` with `published`, `published_how`,
    `published_confidence` and `published_window` filled in (see `explain_date`)."""
    report = explain_date(article, config)
    return dataclasses.replace(
        article,
        published=report.published,
        published_how=report.how,
        published_confidence=report.confidence,
        published_window=report.window
        if report.published is None or report.how == "text-inferred"
        else None,
    )
