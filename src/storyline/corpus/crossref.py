"""Dating undated articles from the events they share with dated ones.

    articles = date_by_cross_reference(articles)

An undated article that says "Lavrov and Kono held talks on Monday in Moscow" cannot place
its Monday. When a dated article reports the same event ("Lavrov is expected to meet Kono
on Monday", 14 January 2019) — similar words, a name in common, a date of the weekday (or
the month and day, or the month) the undated article gives — that match bounds when the
undated article was written: after 14 January and within the week for a past "on Monday",
before it for a future one. The bounds of every match are intersected; when they leave a
week or a month, the article is dated by that interval (`published_how =
"cross-reference"`, never a day), with the matches as evidence, and annotated again
against its last possible day so that its relative expressions resolve and its reports
count as sources of the events they tell.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.config import AnnotateConfig
from storyline.model import Article, DateEvidence, DateInterval, Granularity, Sentence
from storyline.timeline.text import SentenceVectors

log = logging.getLogger(__name__)

HOW = "cross-reference"
_MATCHED_KINDS = frozenset({"happened", "scheduled"})
MIN_SIMILARITY = 0.3  # cosine of the two sentences' TF-IDF vectors
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^XXXX-(\d{2})$")
# how long after (or before) a matched event a text may speak of it in these terms
_SPAN = {"weekday": 6, "day": 180, "month": 365}


@dataclass(frozen=True)
class _Reference:
    day: dt.date
    article: Article
    sentence: Sentence


def _references(articles: Sequence[Article]) -> list[_Reference]:
    """Events dated articles anchor to a day: the dates an undated article can be bound by."""
    out = []
    for a in articles:
        for e in a.events:
            if e.anchor is None or e.kind not in _MATCHED_KINDS:
                continue
            t = a.times[e.anchor]
            iv = t.interval
            if iv is not None and iv.granularity is Granularity.DAY:
                out.append(_Reference(iv.start, a, a.sentences[e.sentence]))
    return out


def _names(article: Article, s: Sentence) -> frozenset[str]:
    """The last word of each name a sentence holds ("Kono", "Moscow"): a cheap, spelling-
    tolerant key (the registry that merges "Kano" and "Kono" runs later)."""
    out = set()
    for m in article.mentions:
        if s.start <= m.start < s.end and m.label in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
            out.add(m.text.split()[-1].lower().strip(".,'’s"))
    return frozenset(out)


def _fits(value: str, day: dt.date) -> str | None:
    """How an unresolved value ("XXXX-WXX-1", "XXXX-01-22", "XXXX-12") can stand for `day`."""
    if (m := _WEEKDAY.match(value)) is not None:
        return "weekday" if day.isoweekday() == int(m.group(1)) else None
    if (m := _MONTH_DAY.match(value)) is not None:
        return "day" if (day.month, day.day) == (int(m.group(1)), int(m.group(2))) else None
    if (m := _MONTH.match(value)) is not None:
        return "month" if day.month == int(m.group(1)) else None
    return None


def _bounds(kind: str, day: dt.date, future: bool) -> tuple[dt.date, dt.date]:
    span = dt.timedelta(days=_SPAN[kind])
    return (day - span, day) if future else (day, day + span)


def _evidence(
    article: Article, references: list[_Reference], vectors: SentenceVectors
) -> list[tuple[tuple[dt.date, dt.date], DateEvidence]]:
    """Bounds from every event of `article` whose anchor is unresolved ("held talks on
    Monday") and that tells an event a dated article anchors to a fitting day."""
    ref_rows = {id(r): i for i, r in enumerate(references)}
    out = []
    for e in article.events:
        if e.anchor is None or e.kind not in _MATCHED_KINDS:
            continue  # a statement's "said Tuesday" is any Tuesday: no evidence
        t = article.times[e.anchor]
        if t.interval is not None or t.type not in ("DATE", "TIME"):
            continue
        s = article.sentences[e.sentence]
        mine = _names(article, s)
        row = len(references) + e.sentence
        future = e.kind == "scheduled"  # told as ahead: written before the event
        for r in references:
            kind = _fits(t.value, r.day)
            if kind is None or not (mine & _names(r.article, r.sentence)):
                continue
            sim = float(vectors.similarity([row], [ref_rows[id(r)]])[0, 0])
            if sim < MIN_SIMILARITY:
                continue
            proof = DateEvidence(
                sentence=s.text,
                article=r.article.id,
                date=r.day.isoformat(),
                similarity=round(sim, 4),
            )
            out.append((_bounds(kind, r.day, future), proof))
    return out


def _window(found: list[tuple[tuple[dt.date, dt.date], DateEvidence]]) -> tuple[dt.date, dt.date]:
    """The intersection of every match's bounds; when the matches disagree, the bounds of
    the strongest match alone."""
    lo = max(b[0] for b, _ in found)
    hi = min(b[1] for b, _ in found)
    if lo <= hi:
        return lo, hi
    best = max(found, key=lambda f: (f[1].similarity, f[1].date))
    return best[0]


def date_by_cross_reference(
    articles: Sequence[Article], config: AnnotateConfig | None = None
) -> list[Article]:
    """`articles`, the undated ones dated by the events they share with dated ones where the
    matches bound their writing to a month or less (see the module docstring)."""
    undated = [a for a in articles if a.published is None and a.sentences]
    references = _references([a for a in articles if a.published is not None])
    if not undated or not references:
        return list(articles)
    dated_out: dict[str, Article] = {}
    for a in undated:
        texts = [r.sentence.text for r in references] + [s.text for s in a.sentences]
        vectors = SentenceVectors(texts)
        found = _evidence(a, references, vectors)
        if not found:
            continue
        lo, hi = _window(found)
        days = (hi - lo).days + 1
        if days > 31:
            continue
        gran = Granularity.WEEK if days <= 7 else Granularity.MONTH
        evidence = tuple(sorted({p for _, p in found}, key=lambda p: (p.date, p.article)))
        confidence = round(min(0.9, 0.5 + 0.1 * len(evidence)), 3)
        dated_out[a.id] = _reannotate(a, DateInterval(lo, hi, gran), evidence, confidence, config)
        log.info("dated %s by cross-reference: %s..%s (%d matches)", a.path, lo, hi, len(evidence))
    return [dated_out.get(a.id, a) for a in articles]


def _reannotate(
    article: Article,
    window: DateInterval,
    evidence: tuple[DateEvidence, ...],
    confidence: float,
    config: AnnotateConfig | None,
) -> Article:
    """The article annotated again against the window's last day (so that "on Monday"
    resolves), then dated by the window itself."""
    from storyline.annotate import annotate_articles

    as_of_last_day = dataclasses.replace(
        article, published=DateInterval.day(window.end), published_how=HOW
    )
    [annotated] = annotate_articles([as_of_last_day], config)
    return dataclasses.replace(
        annotated,
        published=window,
        published_how=HOW,
        published_confidence=confidence,
        published_window=(window.start, window.end),
        published_evidence=evidence,
    )
