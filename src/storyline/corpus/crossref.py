"""Dating undated articles from the events they share with dated ones.

    articles = date_by_cross_reference(articles)

An undated article that says "Lavrov and Kono held talks on Monday in Moscow" cannot place
its Monday. When a dated article reports the same event ("Lavrov is expected to meet Kono
on Monday", 14 January 2019) — similar words, a name in common, a date of the weekday (or
the month and day, or the month) the undated article gives — that match bounds when the
undated article was written: after 14 January and within the week for a past "on Monday",
before it for a future one. A statement counts only by a month and day ("said on 12
August"): "said Tuesday" is any Tuesday. The bounds of every match are intersected, and
with the bounds the article's own dates set (`published_window` of a `text-inferred`
article). When they leave a year or less, the article is annotated again against the
window's first and last day, and each time expression keeps the date both readings give
it: one the whole window agrees on (every relative reading moves forward with the
publication day, so agreement at both ends is agreement throughout); the others stay
unresolved ("on Wednesday" in a window of two weeks). The article is dated by the window
(`published_how = "cross-reference"`, a week or a month at most, never a day) when it
leaves a month or less; a longer window is kept as `published_window` with no date. The
matches are the evidence either way, and its reports count as sources of the events they
tell.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.config import AnnotateConfig
from storyline.model import (
    Article,
    DateEvidence,
    DateInterval,
    Granularity,
    Sentence,
    TimeExpression,
)
from storyline.timeline.text import SentenceVectors

log = logging.getLogger(__name__)

HOW = "cross-reference"
_MATCHED_KINDS = frozenset({"happened", "scheduled"})
_STATEMENT = "statement"
MIN_SIMILARITY = 0.3  # cosine of the two sentences' TF-IDF vectors
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^XXXX-(\d{2})$")
# how long after (or before) a matched event a text may speak of it in these terms
_SPAN = {"weekday": 6, "day": 180, "month": 365}
MAX_WINDOW_DAYS = 366  # longer: the matches resolve nothing
MAX_DATED_DAYS = 31  # longer: no publication date, only the window


@dataclass(frozen=True)
class _Reference:
    day: dt.date
    article: Article
    sentence: Sentence
    predicate: str  # the event's verb lemma


@dataclass(frozen=True)
class _Match:
    bounds: tuple[dt.date, dt.date]
    proof: DateEvidence
    same_verb: bool  # both tell it with one verb ("postponed" / "postponed")


def _references(articles: Sequence[Article]) -> list[_Reference]:
    """Events dated articles anchor to a day: the dates an undated article can be bound by."""
    out = []
    for a in articles:
        for e in a.events:
            if e.anchor is None or (e.kind not in _MATCHED_KINDS and e.kind != _STATEMENT):
                continue
            t = a.times[e.anchor]
            iv = t.interval
            if iv is not None and iv.granularity is Granularity.DAY:
                out.append(_Reference(iv.start, a, a.sentences[e.sentence], e.predicate))
    return out


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,:;\"'’()") for w in _POSSESSIVE.sub("", text).lower().split()]
    words = [w for w in words if len(w) > 2 and w not in _NAME_FILLERS]
    if len(words) > 2:
        words.append("".join(w[0] for w in words))  # "Financial Supervisory Authority": fsa
    return words


def _names_by_sentence(article: Article) -> dict[int, frozenset[str]]:
    """The words of the names each sentence of `article` holds (by sentence start), in one
    pass: "taro", "kono", "merrow", "bank", a cheap, spelling-tolerant key ("Taro Kano" and
    "Taro Kono", "Merrow Bank" and "Merrow" share a word; the registry that merges names
    runs later)."""
    starts = [s.start for s in article.sentences]
    out: dict[int, set[str]] = {}
    for m in article.mentions:
        if m.label not in _NAME_LABELS:
            continue
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < article.sentences[i].end:
            out.setdefault(starts[i], set()).update(_name_words(m.text))
    return {k: frozenset(v) for k, v in out.items()}


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
# verbs too common to say two reports tell one event without a name in common
_LIGHT_VERBS = frozenset({"be", "have", "do", "say", "tell", "make", "take", "get", "go", "come"})
REANNOTATE_BATCH = 32  # undated articles read again per batch (two readings each)
MAX_COMPARED = 500  # references one event is compared with (those sharing most names first)


class _Index:
    """The references by the words of their names and by their verb, so that an event is
    compared only with references that share a name or its verb (not with all of them)."""

    def __init__(self, references: list[_Reference]) -> None:
        self.refs = references
        names_of: dict[str, dict[int, frozenset[str]]] = {}
        self.names: list[frozenset[str]] = []
        self.by_word: dict[str, list[int]] = {}
        self.by_verb: dict[str, list[int]] = {}
        for i, r in enumerate(references):
            if r.article.id not in names_of:
                names_of[r.article.id] = _names_by_sentence(r.article)
            names = names_of[r.article.id].get(r.sentence.start, frozenset())
            self.names.append(names)
            for w in names:
                self.by_word.setdefault(w, []).append(i)
            if r.predicate and r.predicate not in _LIGHT_VERBS:
                self.by_verb.setdefault(r.predicate, []).append(i)

    def candidates(self, names: frozenset[str], verb: str) -> list[int]:
        """References sharing a name word or the (not light) verb: most shared first."""
        shared: dict[int, int] = {}
        for w in names:
            for i in self.by_word.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        for i in self.by_verb.get(verb, ()) if verb not in _LIGHT_VERBS else ():
            shared.setdefault(i, 0)
        ranked = sorted(shared, key=lambda i: (-shared[i], i))
        return sorted(ranked[:MAX_COMPARED])


_POSSESSIVE = re.compile(r"['’]s\b")


_NAME_FILLERS = frozenset({"the", "and", "for", "of"})


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
    article: Article, index: _Index, vectors: SentenceVectors, first_row: int
) -> list[_Match]:
    """Bounds from every event of `article` whose anchor is unresolved ("held talks on
    Monday") and that tells an event a dated article anchors to a fitting day: similar
    words and a name in common or the same verb. `first_row` is the row of the article's
    first sentence in `vectors` (the references' rows are their positions)."""
    out = []
    names = _names_by_sentence(article)
    for e in article.events:
        if e.anchor is None or (e.kind not in _MATCHED_KINDS and e.kind != _STATEMENT):
            continue
        t = article.times[e.anchor]
        if t.interval is not None or t.type not in ("DATE", "TIME"):
            continue
        if e.kind == _STATEMENT and not _MONTH_DAY.match(t.value):
            continue  # a statement's "said Tuesday" is any Tuesday: no evidence
        s = article.sentences[e.sentence]
        mine = names.get(s.start, frozenset())
        future = e.kind == "scheduled"  # told as ahead: written before the event
        fitting = []
        for i in index.candidates(mine, e.predicate):
            r = index.refs[i]
            kind = _fits(t.value, r.day)
            same_verb = e.predicate == r.predicate and e.predicate not in _LIGHT_VERBS
            if kind is not None and (same_verb or mine & index.names[i]):
                fitting.append((i, kind, same_verb))
        if not fitting:
            continue
        sims = vectors.similarity([first_row + e.sentence], [i for i, _, _ in fitting])[0]
        for (i, kind, same_verb), sim in zip(fitting, sims, strict=True):
            if sim < MIN_SIMILARITY:
                continue
            r = index.refs[i]
            proof = DateEvidence(
                sentence=s.text,
                article=r.article.id,
                date=r.day.isoformat(),
                similarity=round(float(sim), 4),
            )
            out.append(_Match(_bounds(kind, r.day, future), proof, same_verb))
    return out


def _window(found: list[_Match]) -> tuple[dt.date, dt.date]:
    """The intersection of every match's bounds; when the matches disagree, the bounds of
    the strongest match alone (told with the same verb first, then the most similar)."""
    lo = max(m.bounds[0] for m in found)
    hi = min(m.bounds[1] for m in found)
    if lo <= hi:
        return lo, hi
    best = max(found, key=lambda m: (m.same_verb, m.proof.similarity, m.proof.date))
    return best.bounds


def _within_text_bounds(
    article: Article, window: tuple[dt.date, dt.date]
) -> tuple[dt.date, dt.date]:
    """The window cut by the bounds the article's own dates set, when they leave any."""
    if article.published_window is None:
        return window
    lo = max(window[0], article.published_window[0])
    hi = min(window[1], article.published_window[1])
    return (lo, hi) if lo <= hi else window


def date_by_cross_reference(
    articles: Sequence[Article], config: AnnotateConfig | None = None
) -> list[Article]:
    """`articles`, the undated ones dated (or bounded) by the events they share with dated
    ones (see the module docstring)."""
    undated = [a for a in articles if a.published is None and a.sentences]
    references = _references([a for a in articles if a.published is not None])
    if not undated or not references:
        return list(articles)
    index = _Index(references)
    # one set of vectors for the references and every undated sentence: each undated
    # article is compared through the index, never with every reference
    texts = [r.sentence.text for r in references]
    rows: dict[str, int] = {}
    for a in undated:
        rows[a.id] = len(texts)
        texts.extend(s.text for s in a.sentences)
    vectors = SentenceVectors(texts)
    dated: list[tuple[Article, tuple[dt.date, dt.date], tuple[DateEvidence, ...]]] = []
    for a in undated:
        found = _evidence(a, index, vectors, rows[a.id])
        if not found:
            continue
        lo, hi = _within_text_bounds(a, _window(found))
        days = (hi - lo).days + 1
        if days > MAX_WINDOW_DAYS:
            continue
        agreeing = {m.proof for m in found if m.bounds[0] <= hi and lo <= m.bounds[1]}
        dated.append((a, (lo, hi), tuple(sorted(agreeing, key=lambda p: (p.date, p.article)))))
        log.info("dated %s by cross-reference: %s..%s (%d matches)", a.path, lo, hi, len(agreeing))
    dated_out = {a.id: a for a in _reannotate(dated, config)}
    return [dated_out.get(a.id, a) for a in articles]


def _reannotate(
    dated: Sequence[tuple[Article, tuple[dt.date, dt.date], tuple[DateEvidence, ...]]],
    config: AnnotateConfig | None,
) -> list[Article]:
    """Each article annotated again against its window's first and last day (in batches of
    `REANNOTATE_BATCH` articles), each time expression keeping only a date both readings
    agree on; dated by the window when it is a month or less."""
    from storyline.annotate import annotate_articles

    out: list[Article] = []
    for at in range(0, len(dated), REANNOTATE_BATCH):  # batches bound the memory held
        chunk = dated[at : at + REANNOTATE_BATCH]
        readings = annotate_articles(
            [
                dataclasses.replace(a, published=DateInterval.day(day), published_how=HOW)
                for a, window, _ in chunk
                for day in window
            ],
            config,
        )
        out.extend(
            _dated(a, window, evidence, readings[2 * k], readings[2 * k + 1])
            for k, (a, window, evidence) in enumerate(chunk)
        )
    return out


def _dated(
    article: Article,
    window: tuple[dt.date, dt.date],
    evidence: tuple[DateEvidence, ...],
    early: Article,
    late: Article,
) -> Article:
    confidence = round(min(0.9, 0.5 + 0.1 * len(evidence)), 3)
    times = _agreed(article.times, early.times, late.times)
    days = (window[1] - window[0]).days + 1
    published = None
    if days <= MAX_DATED_DAYS:
        gran = Granularity.WEEK if days <= 7 else Granularity.MONTH
        published = DateInterval(window[0], window[1], gran)
    return dataclasses.replace(
        late,
        times=times,
        published=published,
        published_how=HOW,
        published_confidence=confidence,
        published_window=window,
        published_evidence=evidence,
    )


def _agreed(
    unresolved: Sequence[TimeExpression],
    early: Sequence[TimeExpression],
    late: Sequence[TimeExpression],
) -> tuple[TimeExpression, ...]:
    """`late`'s time expressions where `early` gives the same date, the article's own
    unresolved reading elsewhere. (Should the two readings find different spans, `late`'s
    stand, as its events index them.)"""
    spans = [(t.start, t.end) for t in late]
    if [(t.start, t.end) for t in early] != spans:
        return tuple(late)
    plain = {(t.start, t.end): t for t in unresolved}
    out = []
    for e, t in zip(early, late, strict=True):
        if e.value == t.value:
            out.append(t)
        else:
            out.append(plain.get((t.start, t.end), dataclasses.replace(t, interval=None)))
    return tuple(out)
