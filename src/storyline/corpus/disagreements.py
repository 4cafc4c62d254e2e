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

Precision comes first: every rule needs explicit evidence on both sides.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import combinations, pairwise

from storyline.corpus.claims import (
    CountClaim,
    QuoteClaim,
    count_claims,
    date_spans,
    day_dates,
    locative_places,
    quote_claims,
    singular,
    words,
)
from storyline.corpus.namegraph import source_name
from storyline.corpus.names import MONTHS, WEEKDAYS
from storyline.corpus.quantities import CURRENCY_CODES
from storyline.model import Article, Claim, Disagreement, Entity, TimelineEntry

log = logging.getLogger(__name__)
ENGLISH_STOP = frozenset(
    {"about", "some", "roughly", "around", "more", "than", "most", "them", "they", "there",
     "according", "over", "under", "nearly", "almost", "today", "now"}
)  # fmt: skip

SIM_NUMBER = 0.35  # cosine for "same quantity" outside a shared entry
SIM_EVENT = 0.55  # cosine for "same event" (dates and places)
MAX_DATE_GAP_DAYS = 31
QUOTE_OVERLAP = 0.7
BROAD_PLACE_SHARE = 0.75
FRAME_OVERLAP = 0.5
_BLOCK = 2048  # shared words around two numbers with the same counted noun


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


def _similar_pairs(sents: Sequence[_Sent], floor: float) -> dict[tuple[int, int], float]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    texts = [s.text for s in sents]
    if len(texts) < 2:
        return {}
    stop = sorted(ENGLISH_STOP_WORDS | MONTHS | WEEKDAYS | {"said", "says", "told"})
    vec = TfidfVectorizer(
        stop_words=stop, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b", sublinear_tf=True
    )
    try:
        x = vec.fit_transform(texts)
    except ValueError:  # only stop words
        return {}
    out: dict[tuple[int, int], float] = {}
    xt = x.T.tocsc()
    for lo in range(0, x.shape[0], _BLOCK):  # row blocks bound the memory of the product
        sim = (x[lo : lo + _BLOCK] @ xt).tocoo()
        keep = (sim.data >= floor) & (sim.row + lo < sim.col)
        for r, j, v in zip(sim.row[keep], sim.col[keep], sim.data[keep], strict=True):
            i = lo + int(r)
            if sents[i].group != sents[int(j)].group:
                out[(i, int(j))] = float(v)
    return out


def _claim(a: Article, value: str, text: str) -> Claim:
    return Claim(value=value, text=" ".join(text.split()), article=a.id, source=source_name(a))


def _topic(a: str, b: str, limit: int = 5) -> str:
    """Up to `limit` content words both sentences use, in the order of the first."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    shared = words(a) & words(b)
    ordered: list[str] = []
    for w in a.lower().split():
        w = "".join(c for c in w if c.isalpha())
        if w in shared and w not in ordered and w not in _DULL and w not in ENGLISH_STOP_WORDS:
            ordered.append(w)
    return " ".join(ordered[:limit])


_DULL = frozenset(
    {"the", "and", "was", "were", "has", "have", "had", "said", "that", "with", "for", "from",
     "this", "which", "are", "its", "their", "his", "her"}
)  # fmt: skip


def find_disagreements(
    articles: Sequence[Article],
    entries: Sequence[TimelineEntry],
    entities: Sequence[Entity],
) -> list[Disagreement]:
    """Typed disagreements between independent sources, in a deterministic order."""
    names = {e.id: e.name for e in entities}
    sents = _collect(articles, entries)
    pairs = _similar_pairs(sents, min(SIM_NUMBER, SIM_EVENT))
    by_entry: dict[str, list[int]] = defaultdict(list)
    for idx, s in enumerate(sents):
        if s.entry is not None:
            by_entry[s.entry].append(idx)
    for members in by_entry.values():
        for i, j in combinations(members, 2):
            if sents[i].group != sents[j].group:
                pairs.setdefault((i, j), 0.0)
    spans = [date_spans(a) for a in articles]
    found: list[tuple[str, str, list[Claim]]] = []
    broad = _broad_places(articles, names)
    together = _places_named_together(articles)
    found += _number_disagreements(sents, articles, pairs, spans)
    events: dict[int, _Event] = {}
    for (i, j), score in sorted(pairs.items()):
        if score < SIM_EVENT:
            continue
        for k in (i, j):
            if k not in events:
                events[k] = _event(sents[k], articles[sents[k].art], broad)
        found += _event_conflicts(
            sents[i], sents[j], events[i], events[j], articles, names, together
        )
    people = frozenset(e.id for e in entities if e.type == "PERSON")
    found += _attribution_conflicts(articles, sents, names, people)
    return _merge(found, articles)


@dataclass(frozen=True)
class _Count:
    sent: int
    claim: CountClaim
    frame: frozenset[str]


def _content(text: str) -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(singular(w) for w in words(text) if w not in ENGLISH_STOP_WORDS)


def _frame(text: str, c: CountClaim) -> frozenset[str]:
    """Content words around a number, singular: what the number is about."""
    window = text[max(0, c.quantity.start - 40) : c.quantity.end + 60]
    return frozenset(singular(w) for w in words(window) if w not in _DULL and w not in ENGLISH_STOP)


def _number_disagreements(
    sents: Sequence[_Sent],
    articles: Sequence[Article],
    pairs: dict[tuple[int, int], float],
    spans: list[list[tuple[int, int]]],
) -> list[tuple[str, str, list[Claim]]]:
    """Incompatible values for the same counted thing in two independent articles.

    Each number is compared only with its best match in the other article (the claim with
    the same counted noun in the sentence sharing most words), and only when that match is
    mutual: an article that gives 375 MW for one turbine and 5,150 MW for the whole plant
    disagrees with "6,000 MW for the plant" only about the plant.
    """
    items = [
        _Count(idx, c, _frame(s.text, c))
        for idx, s in enumerate(sents)
        for c in count_claims(s.text, s.start, spans[s.art])
    ]
    content = {it.sent: _content(sents[it.sent].text) for it in items}
    by_noun: dict[str, list[int]] = defaultdict(list)
    by_sent: dict[int, list[_Count]] = defaultdict(list)
    for k, it in enumerate(items):
        by_noun[it.claim.noun].append(k)
        by_sent[it.sent].append(it)
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (claim, other article) -> match
    candidates: list[tuple[int, int, float, bool, bool]] = []
    for ks in by_noun.values():
        for x, y in combinations(ks, 2):
            ix, iy = items[x], items[y]
            sx, sy = sents[ix.sent], sents[iy.sent]
            if sx.group == sy.group:
                continue
            score = pairs.get((min(ix.sent, iy.sent), max(ix.sent, iy.sent)), 0.0)
            same_entry = sx.entry is not None and sx.entry == sy.entry
            overlap = len(ix.frame & iy.frame) / max(1, min(len(ix.frame), len(iy.frame)))
            wx, wy = content[ix.sent], content[iy.sent]
            jaccard = len(wx & wy) / max(1, len(wx | wy))
            affinity = jaccard + (1.0 if same_entry else 0.0)
            for a, b in ((x, y), (y, x)):
                key = (a, sents[items[b].sent].art)
                if key not in best or (affinity, -b) > (best[key][0], -best[key][1]):
                    best[key] = (affinity, b)
            related = score >= SIM_NUMBER or same_entry
            candidates.append((x, y, overlap, related, score >= SIM_EVENT or same_entry))
    out: list[tuple[str, str, list[Claim]]] = []
    for x, y, overlap, related, close in candidates:
        ix, iy = items[x], items[y]
        if best[(x, sents[iy.sent].art)][1] != y or best[(y, sents[ix.sent].art)][1] != x:
            continue
        if not related and overlap < FRAME_OVERLAP:
            continue
        if (
            _contrast(ix.frame)
            and _contrast(iy.frame)
            and not _contrast(ix.frame) & _contrast(iy.frame)
        ):
            continue  # "300 killed" and "200 injured" count different things
        if not _comparable(ix.claim, close) or not _comparable(iy.claim, close):
            continue
        if _agrees(ix, iy, by_sent) or _agrees(iy, ix, by_sent):
            continue
        sx, sy = sents[ix.sent], sents[iy.sent]
        noun = ix.claim.noun
        what = f"amount in {noun}" if noun in CURRENCY_CODES else f"number of {noun}s"
        about = f"{what} ({_topic(sx.text, sy.text)})"
        out.append(("number", about, [
            _claim(articles[sx.art], ix.claim.quantity.text, sx.text),
            _claim(articles[sy.art], iy.claim.quantity.text, sy.text),
        ]))  # fmt: skip
    return out


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


def _event(s: _Sent, a: Article, broad: set[str]) -> _Event:
    return _Event(
        dates=tuple(day_dates(a, s.start, s.end, s.text)),
        places=frozenset(locative_places(a.text, s.start, s.end, a.mentions) - broad),
        entities=frozenset(
            m.entity_id for m in a.mentions if m.entity_id and s.start <= m.start < s.end
        ),
    )


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


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Lower-cased country names from the shipped data file."""
    text = resources.files("storyline.corpus").joinpath("data/countries.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _broad_places(articles: Sequence[Article], names: dict[str, str]) -> set[str]:
    """Countries, and places named by most articles (what the story is about): places that
    contain others, so never compared with them."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for eid in {m.entity_id for m in a.mentions if m.entity_id and m.label in ("GPE", "LOC")}:
            counts[eid] += 1
    n = len(articles)
    known = countries()
    return {
        e
        for e, c in counts.items()
        if names.get(e, "").lower() in known or (n >= 4 and c >= BROAD_PLACE_SHARE * n)
    }


def _places_named_together(articles: Sequence[Article]) -> set[frozenset[str]]:
    """Pairs of place entities that appear side by side ("Vladivostok, Russia")."""
    out: set[frozenset[str]] = set()
    for a in articles:
        places = [m for m in a.mentions if m.entity_id and m.label in ("GPE", "LOC", "FAC")]
        for m, n in pairwise(places):
            between = a.text[m.end : n.start]
            if m.entity_id != n.entity_id and between.strip() in (",", "in", "of", "("):
                out.add(frozenset((str(m.entity_id), str(n.entity_id))))
    return out


def _overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if len(wa) < 4 or len(wb) < 4:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _attribution_conflicts(
    articles: Sequence[Article],
    sents: Sequence[_Sent],
    names: dict[str, str],
    people: frozenset[str],
) -> list[tuple[str, str, list[Claim]]]:
    quotes: list[tuple[_Sent, QuoteClaim]] = []
    for s in sents:
        a = articles[s.art]
        for q in quote_claims(a.text, s.start, s.end, a.mentions, people):
            if len(q.speakers) == 1:
                quotes.append((s, q))
    out: list[tuple[str, str, list[Claim]]] = []
    for (si, qi), (sj, qj) in combinations(quotes, 2):
        if si.group == sj.group or qi.speakers == qj.speakers:
            continue
        if _overlap(qi.quote, qj.quote) < QUOTE_OVERLAP:
            continue
        quote = qi.quote if len(qi.quote) <= 80 else qi.quote[:77] + "..."
        (spi,), (spj,) = qi.speakers, qj.speakers
        out.append(("attribution", f"who said \u201c{quote}\u201d", [
            _claim(articles[si.art], names.get(spi, spi), si.text),
            _claim(articles[sj.art], names.get(spj, spj), sj.text),
        ]))  # fmt: skip
    return out


def _merge(
    found: list[tuple[str, str, list[Claim]]], articles: Sequence[Article]
) -> list[Disagreement]:
    """One disagreement per connected set of conflicting claims of one kind; of copies of
    one wire story making the same claim only the group's original (or first copy) is cited."""
    rank = {a.id: (a.syndication_group or a.id, a.duplicate_of is not None, a.id) for a in articles}
    parent = list(range(len(found)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str, str, str], int] = {}
    for idx, (kind, about, pair) in enumerate(found):
        key_kind = kind + ("|" + about.split(" (", 1)[0] if kind == "number" else "")
        for c in pair:
            k = (key_kind, c.article, c.text, "")
            if k in owner:
                parent[find(idx)] = find(owner[k])
            else:
                owner[k] = idx
    groups: dict[int, list[int]] = defaultdict(list)
    for idx in range(len(found)):
        groups[find(idx)].append(idx)
    out: list[Disagreement] = []
    for members in groups.values():
        kind, about, _ = found[members[0]]
        claims: dict[tuple[str, str, str], Claim] = {}
        for idx in members:
            for c in found[idx][2]:
                claims.setdefault((c.article, c.text, c.value), c)
        best: dict[tuple[str, str], Claim] = {}
        for c in sorted(claims.values(), key=lambda c: rank.get(c.article, (c.article,) * 3)):
            best.setdefault((rank.get(c.article, (c.article,))[0], c.value), c)
        ordered = tuple(sorted(best.values(), key=lambda c: (c.value, c.article, c.text)))
        if len({c.value for c in ordered}) >= 2:
            out.append(Disagreement(kind=kind, about=about, claims=ordered))
    out.sort(key=lambda d: (d.kind, d.about, [(c.article, c.value) for c in d.claims]))
    log.info("disagreements: %d", len(out))
    return out
