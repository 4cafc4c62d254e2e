"""Number disagreements: incompatible values for the same counted thing ("residents",
"votes") in independent sources; rounding and qualifiers are respected ("about 19,000"
agrees with "19,000")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.corpus.disagreements.claims import (
    CountClaim,
    count_claims,
    date_mask,
    singular,
    words,
)
from storyline.corpus.disagreements.common import (
    HEDGES,
    SIM_EVENT,
    SIM_NUMBER,
    Sent,
    claim_of,
    topic,
)
from storyline.corpus.disagreements.quantities import CURRENCY_CODES
from storyline.corpus.disagreements.simjoin import overlap_pairs
from storyline.data import stopwords
from storyline.model import Article, Claim

FRAME_OVERLAP = 0.5
_DULL = stopwords("dull")


@dataclass(frozen=True)
class Count:
    sent: int
    claim: CountClaim
    frame: frozenset[str]


def _content(text: str) -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(singular(w) for w in words(text) if w not in ENGLISH_STOP_WORDS)


def _keyed(it: Count) -> frozenset[tuple[str, str]]:
    """The frame's words keyed by the counted noun: only claims of one noun can match."""
    return frozenset((it.claim.noun, w) for w in it.frame)


def _frame(text: str, c: CountClaim) -> frozenset[str]:
    """Content words around a number, singular: what the number is about."""
    window = text[max(0, c.quantity.start - 40) : c.quantity.end + 60]
    return frozenset(singular(w) for w in words(window) if w not in _DULL and w not in HEDGES)


def count_items(sents: Sequence[Sent], spans: list[list[tuple[int, int]]]) -> list[Count]:
    masks = [date_mask(sp) for sp in spans]
    return [
        Count(idx, c, _frame(s.text, c))
        for idx, s in enumerate(sents)
        for c in count_claims(s.text, s.start, masks[s.art])
    ]


def number_disagreements(
    sents: Sequence[Sent],
    articles: Sequence[Article],
    pairs: dict[tuple[int, int], float],
    items: list[Count],
) -> list[tuple[str, str, list[Claim]]]:
    """Incompatible values for the same counted thing in two independent articles.

    Each number is compared only with its best match in the other article (the claim with
    the same counted noun in the sentence sharing most words), and only when that match is
    mutual: an article that gives 375 MW for one turbine and 5,150 MW for the whole plant
    disagrees with "6,000 MW for the plant" only about the plant.
    """
    content = {it.sent: _content(sents[it.sent].text) for it in items}
    by_sent: dict[int, list[Count]] = defaultdict(list)
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
        about = f"{what} ({topic(sx.text, sy.text)})"
        out.append(("number", about, [
            claim_of(articles[sx.art], ix.claim.quantity.text, sx.text),
            claim_of(articles[sy.art], iy.claim.quantity.text, sy.text),
        ]))  # fmt: skip
    return out


def _conflicting(items: list[Count], found: set[tuple[int, int]]) -> set[tuple[int, int]]:
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


def _agrees(x: Count, y: Count, by_sent: dict[int, list[Count]]) -> bool:
    """Some number for the same thing in x's sentence is compatible with y's."""
    return any(
        it.claim.noun == x.claim.noun and it.claim.quantity.compatible(y.claim.quantity)
        for it in by_sent[x.sent]
    )


def _comparable(c: CountClaim, close: bool) -> bool:
    """Small counts ("two islands") are often parts of a whole: compare only near-copies."""
    return close or c.quantity.value >= 10 or bool(c.quantity.unit)
