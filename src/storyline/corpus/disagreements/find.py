"""Where independent sources conflict about the same thing, with both sides cited.

Only sentences from different syndication groups are compared: copies of one wire story
do not disagree with each other. Two sentences are about the same thing when the timeline
put them in one entry, or when their content words are similar (TF-IDF cosine over words,
numbers and calendar words left out). Then:

* number: the same counted thing ("residents", "votes") with incompatible values; rounding
  and qualifiers are respected ("about 19,000" agrees with "19,000");
* date: near-identical event sentences giving different day dates (at most a month apart);
* place: near-identical event sentences putting the event in different places, when the
  two places are never named together anywhere (which would hint that one contains the
  other) and neither is a country or a place most articles mention (data/countries.txt);
* attribution: one quotation attributed to different people.

Precision comes first: every rule needs explicit evidence on both sides. Sentences that
repeat one claim are compared once and cited together (`copies.py`), which keeps the
stage about linear on corpora where one wire sentence appears in hundreds of outlets.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from storyline.corpus.disagreements.assemble import cite_copies, merge_found
from storyline.corpus.disagreements.attribution import Spot, attribution_conflicts
from storyline.corpus.disagreements.claims import (
    CountClaim,
    count_claims,
    date_spans,
    day_dates,
    locative_places,
    singular,
    words,
)
from storyline.corpus.disagreements.copies import Copies, cluster_pairs, row_keys, select_copies
from storyline.corpus.disagreements.places import broad_places, places_named_together
from storyline.corpus.disagreements.quantities import CURRENCY_CODES
from storyline.corpus.disagreements.simjoin import overlap_pairs
from storyline.corpus.entities.namegraph import source_name
from storyline.corpus.entities.names import MONTHS, WEEKDAYS
from storyline.data import stopwords
from storyline.model import (
    Article,
    Claim,
    Disagreement,
    Entity,
    EntityMention,
    TimeExpression,
    TimelineEntry,
)

if TYPE_CHECKING:
    import scipy.sparse as sp

log = logging.getLogger(__name__)
HEDGES = stopwords("hedges")

SIM_NUMBER = 0.35  # cosine for "same quantity" outside a shared entry
SIM_EVENT = 0.55  # cosine for "same event" (dates and places)
MAX_DATE_GAP_DAYS = 31
BROAD_PLACE_SHARE = 0.75
FRAME_OVERLAP = 0.5


@dataclass(frozen=True)
class _Sent:
    art: int
    start: int
    end: int
    text: str
    group: str
    entry: str | None


def _collect(articles: Sequence[Article], entries: Sequence[TimelineEntry]) -> list[_Sent]:
    entry_of: dict[tuple[str, int], str] = {}
    for e in entries:
        for es in (*e.sentences, *e.citations):
            entry_of[(es.article, es.start)] = e.id
    out: list[_Sent] = []
    for i, a in enumerate(articles):
        group = a.syndication_group or a.id
        for s in a.sentences:
            out.append(_Sent(i, s.start, s.end, s.text, group, entry_of.get((a.id, s.start))))
    return out


def _tfidf(sents: Sequence[_Sent]) -> sp.csr_matrix | None:
    """L2-normalised TF-IDF rows of every sentence (words only), None if there are none."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    if len(sents) < 2:
        return None
    stop = sorted(ENGLISH_STOP_WORDS | MONTHS | WEEKDAYS | {"said", "says", "told"})
    vec = TfidfVectorizer(
        stop_words=stop, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b", sublinear_tf=True
    )
    try:
        return vec.fit_transform([s.text for s in sents]).tocsr()
    except ValueError:  # only stop words
        return None


def _similar_pairs(
    x: sp.csr_matrix | None,
    rows: list[int],
    floor: float,
    sents: Sequence[_Sent],
    keys: list[bytes],
) -> dict[tuple[int, int], float]:
    """Pairs of the given sentences from different groups with a cosine of at least floor."""
    if x is None or len(rows) < 2:
        return {}
    return cluster_pairs(x, rows, floor, keys, [s.group for s in sents])


def _claim(a: Article, value: str, text: str) -> Claim:
    return Claim(value=value, text=" ".join(text.split()), article=a.id, source=source_name(a))


def _topic(a: str, b: str, limit: int = 5) -> str:
    """Up to `limit` content words both sentences use, in the order of the first."""
    shared = _words_of(a) & _words_of(b)
    return " ".join([w for w in _topic_words(a) if w in shared][:limit])


@functools.lru_cache(maxsize=1 << 16)
def _words_of(text: str) -> frozenset[str]:
    return words(text)


@functools.lru_cache(maxsize=1 << 16)
def _topic_words(text: str) -> tuple[str, ...]:
    """The sentence's lower-cased words, letters only, without dull words, first use first."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    ordered: dict[str, None] = {}
    for w in text.lower().split():
        w = "".join(c for c in w if c.isalpha())
        if w not in _DULL and w not in ENGLISH_STOP_WORDS:
            ordered.setdefault(w)
    return tuple(ordered)


_DULL = stopwords("dull")


def find_disagreements(
    articles: Sequence[Article],
    entries: Sequence[TimelineEntry],
    entities: Sequence[Entity],
) -> list[Disagreement]:
    """Typed disagreements between independent sources, in a deterministic order."""
    names = {e.id: e.name for e in entities}
    sents = _collect(articles, entries)
    spans = [date_spans(a) for a in articles]
    broad = broad_places(articles, names, BROAD_PLACE_SHARE)
    together = places_named_together(articles)
    events = _events(sents, articles, broad)
    items = _count_items(sents, spans)
    # Only sentences that can conflict are compared: those with a counted number (at the
    # number bar), and those stating one day date or a place (at the event bar); of
    # sentences repeating one claim, a few (see corpus/disagreements/copies.py).
    x = _tfidf(sents)
    keys = row_keys(x) if x is not None else [b""] * len(sents)
    picked = _pick(sents, events, items, keys)
    kept = set(picked.kept)
    dropped = {k for ks in picked.also.values() for k in ks} - kept  # cited with a copy
    dropped.update(picked.skipped)
    log.info(
        "disagreements: %d of %d sentences compared; %d others cited with a copy, %d skipped",
        len(kept), len(sents), len(dropped) - len(picked.skipped), len(picked.skipped),
    )  # fmt: skip
    items = [it for it in items if it.sent in kept]
    pairs = _similar_pairs(x, sorted({it.sent for it in items}), SIM_NUMBER, sents, keys)
    dated = [k for k in picked.kept if len(events[k].dates) == 1 or events[k].places]
    for key, score in _similar_pairs(x, dated, SIM_EVENT, sents, keys).items():
        pairs.setdefault(key, score)
    by_entry: dict[str, list[int]] = defaultdict(list)
    for idx, s in enumerate(sents):
        if s.entry is not None and idx not in dropped:
            by_entry[s.entry].append(idx)
    for members in by_entry.values():
        # an entry cited by thousands of articles would make this quadratic: its first
        # MAX_ENTRY_PAIRING sentences (in corpus order) stand for it
        for i, j in combinations(members[:MAX_ENTRY_PAIRING], 2):
            if sents[i].group != sents[j].group:
                pairs.setdefault((i, j), 0.0)
    found = _number_disagreements(sents, articles, pairs, items)
    for (i, j), score in sorted(pairs.items()):
        if score >= SIM_EVENT:
            found += _event_conflicts(
                sents[i], sents[j], events[i], events[j], articles, names, together
            )
    cite = {
        (articles[sents[r].art].id, " ".join(sents[r].text.split())): more
        for r, more in picked.also.items()
    }
    people = frozenset(e.id for e in entities if e.type == "PERSON")
    spots = [Spot(s.art, s.group, s.start, s.end, s.text) for s in sents]
    quoted, quote_cite = attribution_conflicts(articles, spots, names, people, _claim)

    def copy(k: int, value: str) -> Claim:
        return _claim(articles[sents[k].art], value, sents[k].text)

    return merge_found(
        [*cite_copies(found, cite, copy), *cite_copies(quoted, quote_cite, copy)], articles
    )


# Of sentences making one claim (same text, values, entry), at most MAX_COPIES from
# different syndication groups are compared, the others cited with them; of sentences
# with one bag of words in one entry, at most MAX_VARIANTS different claims.
MAX_COPIES = 2
MAX_VARIANTS = 16


def _pick(
    sents: Sequence[_Sent], events: list[_Event], items: list[_Count], keys: list[bytes]
) -> Copies:
    """The sentences that are compared (see corpus/disagreements/copies.py)."""
    counted: dict[int, list[tuple[str, str, float, float, str]]] = defaultdict(list)
    for it in items:
        q = it.claim.quantity
        counted[it.sent].append((it.claim.noun, q.text, q.low, q.high, q.unit))
    claims: list[tuple[object, ...] | None] = []
    for k, (s, e) in enumerate(zip(sents, events, strict=True)):
        if k in counted or len(e.dates) == 1 or e.places:
            claims.append((s.text, s.entry, tuple(counted.get(k, ())), e.dates,
                           tuple(sorted(e.places)), tuple(sorted(e.entities))))  # fmt: skip
        else:
            claims.append(None)
    # an all-zero row (stop words only) is no bag of words: never capped
    bags = [(keys[k], s.entry) if keys[k] else k for k, s in enumerate(sents)]
    return select_copies(claims, bags, [s.group for s in sents], MAX_COPIES, MAX_VARIANTS)


# Most sentences of one timeline entry paired with each other (see find_disagreements).
MAX_ENTRY_PAIRING = 60


@dataclass(frozen=True)
class _Count:
    sent: int
    claim: CountClaim
    frame: frozenset[str]


def _content(text: str) -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(singular(w) for w in words(text) if w not in ENGLISH_STOP_WORDS)


def _keyed(it: _Count) -> frozenset[tuple[str, str]]:
    """The frame's words keyed by the counted noun: only claims of one noun can match."""
    return frozenset((it.claim.noun, w) for w in it.frame)


def _frame(text: str, c: CountClaim) -> frozenset[str]:
    """Content words around a number, singular: what the number is about."""
    window = text[max(0, c.quantity.start - 40) : c.quantity.end + 60]
    return frozenset(singular(w) for w in words(window) if w not in _DULL and w not in HEDGES)


def _count_items(sents: Sequence[_Sent], spans: list[list[tuple[int, int]]]) -> list[_Count]:
    return [
        _Count(idx, c, _frame(s.text, c))
        for idx, s in enumerate(sents)
        for c in count_claims(s.text, s.start, spans[s.art])
    ]


def _number_disagreements(
    sents: Sequence[_Sent],
    articles: Sequence[Article],
    pairs: dict[tuple[int, int], float],
    items: list[_Count],
) -> list[tuple[str, str, list[Claim]]]:
    """Incompatible values for the same counted thing in two independent articles.

    Each number is compared only with its best match in the other article (the claim with
    the same counted noun in the sentence sharing most words), and only when that match is
    mutual: an article that gives 375 MW for one turbine and 5,150 MW for the whole plant
    disagrees with "6,000 MW for the plant" only about the plant.
    """
    content = {it.sent: _content(sents[it.sent].text) for it in items}
    by_sent: dict[int, list[_Count]] = defaultdict(list)
    ks_of_sent: dict[int, list[int]] = defaultdict(list)
    by_noun_art: dict[tuple[str, int], list[int]] = defaultdict(list)
    noun_rank: dict[str, int] = {}
    for k, it in enumerate(items):
        by_sent[it.sent].append(it)
        ks_of_sent[it.sent].append(k)
        by_noun_art[(it.claim.noun, sents[it.sent].art)].append(k)
        noun_rank.setdefault(it.claim.noun, len(noun_rank))
    # Pairs worth a look: claims in related sentences, or with overlapping frames.
    groups = [sents[it.sent].group for it in items]
    found = set(overlap_pairs([_keyed(it) for it in items], FRAME_OVERLAP, groups))
    for (i, j), score in pairs.items():
        same_entry = sents[i].entry is not None and sents[i].entry == sents[j].entry
        if score >= SIM_NUMBER or same_entry:
            for x in ks_of_sent.get(i, ()):
                for y in ks_of_sent.get(j, ()):
                    if items[x].claim.noun == items[y].claim.noun:
                        found.add((min(x, y), max(x, y)))
    found = _conflicting(items, found)
    best: dict[tuple[int, int], int] = {}  # (claim, other article) -> its best match there

    def best_in(a: int, art: int) -> int:
        if (a, art) not in best:
            noun, wa, ea = items[a].claim.noun, content[items[a].sent], sents[items[a].sent].entry
            scored = []
            for b in by_noun_art[(noun, art)]:
                wb, eb = content[items[b].sent], sents[items[b].sent].entry
                jaccard = len(wa & wb) / max(1, len(wa | wb))
                scored.append((jaccard + (1.0 if ea is not None and ea == eb else 0.0), -b))
            best[(a, art)] = -max(scored)[1]
        return best[(a, art)]

    contrast = [_contrast(it.frame) for it in items]
    out: list[tuple[str, str, list[Claim]]] = []
    for x, y in sorted(found, key=lambda p: (noun_rank[items[p[0]].claim.noun], p)):
        ix, iy = items[x], items[y]
        sx, sy = sents[ix.sent], sents[iy.sent]
        if sx.group == sy.group:
            continue
        score = pairs.get((min(ix.sent, iy.sent), max(ix.sent, iy.sent)), 0.0)
        same_entry = sx.entry is not None and sx.entry == sy.entry
        overlap = len(ix.frame & iy.frame) / max(1, min(len(ix.frame), len(iy.frame)))
        if score < SIM_NUMBER and not same_entry and overlap < FRAME_OVERLAP:
            continue  # neither related sentences nor the same words around the numbers
        # Every test below must pass; the costly mutual-best-match test comes last.
        cx, cy = contrast[x], contrast[y]
        if cx and cy and not cx & cy:
            continue  # "300 killed" and "200 injured" count different things
        close = score >= SIM_EVENT or same_entry
        if not _comparable(ix.claim, close) or not _comparable(iy.claim, close):
            continue
        if _agrees(ix, iy, by_sent) or _agrees(iy, ix, by_sent):
            continue
        if best_in(x, sy.art) != y or best_in(y, sx.art) != x:
            continue
        noun = ix.claim.noun
        what = f"amount in {noun}" if noun in CURRENCY_CODES else f"number of {noun}s"
        about = f"{what} ({_topic(sx.text, sy.text)})"
        out.append(("number", about, [
            _claim(articles[sx.art], ix.claim.quantity.text, sx.text),
            _claim(articles[sy.art], iy.claim.quantity.text, sy.text),
        ]))  # fmt: skip
    return out


def _conflicting(items: list[_Count], found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs that pass two of the tests below, vectorised: the two numbers themselves
    are incompatible (else they agree), and their frames' contrast classes do not differ."""
    if not found:
        return found
    import numpy as np

    units: dict[str, int] = {}
    unit = np.array([units.setdefault(it.claim.quantity.unit, len(units)) for it in items])
    low = np.array([it.claim.quantity.low for it in items], dtype=np.float64)
    high = np.array([it.claim.quantity.high for it in items], dtype=np.float64)
    classes = sorted(set(_CONTRAST.values()))
    mask = np.array(
        [sum(1 << classes.index(c) for c in _contrast(it.frame)) for it in items], dtype=np.int64
    )
    xs, ys = np.array(sorted(found), dtype=np.int64).T
    # Quantity.compatible, vectorised: another unit, or overlapping intervals, agree.
    compatible = (unit[xs] != unit[ys]) | (
        (low[xs] <= high[ys] * 1.0001) & (low[ys] <= high[xs] * 1.0001)
    )
    contrasting = (mask[xs] != 0) & (mask[ys] != 0) & (mask[xs] & mask[ys] == 0)
    keep = ~compatible & ~contrasting
    return {(int(x), int(y)) for x, y in zip(xs[keep], ys[keep], strict=True)}


# Words that say which of several things a number counts: two numbers whose sentences use
# different classes ("killed" / "injured", "for" / "against") are not the same quantity.
_CONTRAST = {
    "killed": "dead", "dead": "dead", "died": "dead", "death": "dead", "fatality": "dead",
    "injured": "hurt", "wounded": "hurt", "hurt": "hurt", "injury": "hurt",
    "missing": "missing", "arrested": "held", "detained": "held", "held": "held",
    "evacuated": "moved", "displaced": "moved", "fled": "moved", "flee": "moved",
    "rescued": "rescued", "infected": "sick", "case": "sick", "recovered": "well",
    "favour": "for", "favor": "for", "against": "against", "abstained": "abstain",
    "abstention": "abstain", "export": "out", "import": "in",
}  # fmt: skip


def _contrast(frame: frozenset[str]) -> frozenset[str]:
    return frozenset(_CONTRAST[w] for w in frame if w in _CONTRAST)


def _agrees(x: _Count, y: _Count, by_sent: dict[int, list[_Count]]) -> bool:
    """Some number for the same thing in x's sentence is compatible with y's."""
    return any(
        it.claim.noun == x.claim.noun and it.claim.quantity.compatible(y.claim.quantity)
        for it in by_sent[x.sent]
    )


def _comparable(c: CountClaim, close: bool) -> bool:
    """Small counts ("two islands") are often parts of a whole: compare only near-copies."""
    return close or c.quantity.value >= 10 or bool(c.quantity.unit)


@dataclass(frozen=True)
class _Event:
    """What a sentence says about when and where, and every entity it names."""

    dates: tuple[dt.date, ...]
    places: frozenset[str]
    entities: frozenset[str]


def _events(sents: Sequence[_Sent], articles: Sequence[Article], broad: set[str]) -> list[_Event]:
    """Every sentence's event: each article's time expressions and mentions are sorted
    once, so a sentence only looks at those starting inside it."""
    out: list[_Event] = []
    art = -1
    times: list[TimeExpression] = []
    mentions: list[EntityMention] = []
    t_at: list[int] = []
    m_at: list[int] = []
    for s in sents:
        a = articles[s.art]
        if s.art != art:
            art = s.art
            times = sorted(a.times, key=lambda t: t.start)
            mentions = sorted(a.mentions, key=lambda m: m.start)
            t_at, m_at = [t.start for t in times], [m.start for m in mentions]
        near_t = times[bisect_left(t_at, s.start) : bisect_left(t_at, s.end)]
        near_m = mentions[bisect_left(m_at, s.start) : bisect_left(m_at, s.end)]
        out.append(
            _Event(
                dates=tuple(day_dates(a, s.start, s.end, s.text, near_t)),
                places=frozenset(locative_places(a.text, s.start, s.end, near_m) - broad),
                entities=frozenset(m.entity_id for m in near_m if m.entity_id),
            )
        )
    return out


def _event_conflicts(
    si: _Sent, sj: _Sent, ei: _Event, ej: _Event, articles: Sequence[Article],
    names: dict[str, str], together: set[frozenset[str]],
) -> list[tuple[str, str, list[Claim]]]:  # fmt: skip
    out: list[tuple[str, str, list[Claim]]] = []
    ai, aj = articles[si.art], articles[sj.art]
    pi, pj, di, dj = ei.places, ej.places, ei.dates, ej.dates
    places_differ = bool(pi and pj and not pi & ej.entities and not pj & ei.entities)
    places_differ = places_differ and not any(frozenset((p, q)) in together for p in pi for q in pj)
    dates_differ = len(di) == 1 and len(dj) == 1 and di[0] != dj[0]
    if dates_differ and not places_differ:
        gap = abs((di[0] - dj[0]).days)
        if gap <= MAX_DATE_GAP_DAYS:
            out.append(("date", f"date of: {_topic(si.text, sj.text)}", [
                _claim(ai, di[0].isoformat(), si.text), _claim(aj, dj[0].isoformat(), sj.text),
            ]))  # fmt: skip
    if places_differ and not dates_differ:
        vi = ", ".join(sorted(names.get(p, p) for p in pi))
        vj = ", ".join(sorted(names.get(p, p) for p in pj))
        out.append(("place", f"place of: {_topic(si.text, sj.text)}", [
            _claim(ai, vi, si.text), _claim(aj, vj, sj.text),
        ]))  # fmt: skip
    return out
