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
    date_spans,
    day_dates,
    locative_places,
)
from storyline.corpus.disagreements.common import SIM_EVENT, SIM_NUMBER, Sent, claim_of, topic
from storyline.corpus.disagreements.copies import Copies, cluster_pairs, row_keys, select_copies
from storyline.corpus.disagreements.numbers import Count, count_items, number_disagreements
from storyline.corpus.disagreements.places import broad_places, places_named_together
from storyline.corpus.entities.names import MONTHS, WEEKDAYS
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
MAX_DATE_GAP_DAYS = 31
BROAD_PLACE_SHARE = 0.75


def _collect(articles: Sequence[Article], entries: Sequence[TimelineEntry]) -> list[Sent]:
    entry_of: dict[tuple[str, int], str] = {}
    for e in entries:
        for es in (*e.sentences, *e.citations):
            entry_of[(es.article, es.start)] = e.id
    out: list[Sent] = []
    for i, a in enumerate(articles):
        group = a.syndication_group or a.id
        for s in a.sentences:
            out.append(Sent(i, s.start, s.end, s.text, group, entry_of.get((a.id, s.start))))
    return out


def _tfidf(sents: Sequence[Sent]) -> sp.csr_matrix | None:
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
    sents: Sequence[Sent],
    keys: list[bytes],
) -> dict[tuple[int, int], float]:
    """Pairs of the given sentences from different groups with a cosine of at least floor."""
    if x is None or len(rows) < 2:
        return {}
    return cluster_pairs(x, rows, floor, keys, [s.group for s in sents])


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
    items = count_items(sents, spans)
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
    found = number_disagreements(sents, articles, pairs, items)
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
    quoted, quote_cite = attribution_conflicts(articles, spots, names, people, claim_of)

    def copy(k: int, value: str) -> Claim:
        return claim_of(articles[sents[k].art], value, sents[k].text)

    return merge_found(
        [*cite_copies(found, cite, copy), *cite_copies(quoted, quote_cite, copy)], articles
    )


# Of sentences making one claim (same text, values, entry), at most MAX_COPIES from
# different syndication groups are compared, the others cited with them; of sentences
# with one bag of words in one entry, at most MAX_VARIANTS different claims.
MAX_COPIES = 2
MAX_VARIANTS = 16


def _pick(
    sents: Sequence[Sent], events: list[_Event], items: list[Count], keys: list[bytes]
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
class _Event:
    """What a sentence says about when and where, and every entity it names."""

    dates: tuple[dt.date, ...]
    places: frozenset[str]
    entities: frozenset[str]


def _events(sents: Sequence[Sent], articles: Sequence[Article], broad: set[str]) -> list[_Event]:
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
    si: Sent, sj: Sent, ei: _Event, ej: _Event, articles: Sequence[Article],
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
            out.append(("date", f"date of: {topic(si.text, sj.text)}", [
                claim_of(ai, di[0].isoformat(), si.text), claim_of(aj, dj[0].isoformat(), sj.text),
            ]))  # fmt: skip
    if places_differ and not dates_differ:
        vi = ", ".join(sorted(names.get(p, p) for p in pi))
        vj = ", ".join(sorted(names.get(p, p) for p in pj))
        out.append(("place", f"place of: {topic(si.text, sj.text)}", [
            claim_of(ai, vi, si.text), claim_of(aj, vj, sj.text),
        ]))  # fmt: skip
    return out
