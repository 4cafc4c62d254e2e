"""Attribution conflicts: one quotation attributed to different people by independent
sources. Quotations repeated by many outlets are compared once (see `copies.py`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from storyline.corpus.disagreements.claims import QuoteClaim, quote_claims, words
from storyline.corpus.disagreements.copies import select_copies
from storyline.corpus.disagreements.simjoin import overlap_candidates
from storyline.model import Article, Claim

QUOTE_OVERLAP = 0.7
# Of one quotation with one speaker, this many sources (different syndication groups)
# are compared; the others are cited with them. One quotation, at most this many speakers.
QUOTE_COPIES = 2
QUOTE_VARIANTS = 16

Found = tuple[str, str, list[Claim]]


class Spot(NamedTuple):
    """Where a sentence is: its article (index), syndication group and character span."""

    art: int
    group: str
    start: int
    end: int
    text: str


def _overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if len(wa) < 4 or len(wb) < 4:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def attribution_conflicts(
    articles: Sequence[Article],
    sents: Sequence[Spot],
    names: dict[str, str],
    people: frozenset[str],
    claim: Callable[[Article, str, str], Claim],
) -> tuple[list[Found], dict[tuple[str, str], list[int]]]:
    """Quotations attributed to one person in one source and to another elsewhere, and
    the copies to cite with each compared quotation's sentence ((article id, text) ->
    indices into `sents`)."""
    quotes: list[tuple[int, QuoteClaim]] = []
    for k, s in enumerate(sents):
        a = articles[s.art]
        for q in quote_claims(a.text, s.start, s.end, a.mentions, people):
            if len(q.speakers) == 1:
                quotes.append((k, q))
    picked = select_copies(
        [(q.quote, q.speakers) for _, q in quotes],
        [q.quote for _, q in quotes],
        [sents[k].group for k, _ in quotes],
        QUOTE_COPIES,
        QUOTE_VARIANTS,
    )
    cite: dict[tuple[str, str], list[int]] = {}
    for r, more in picked.also.items():
        s = sents[quotes[r][0]]
        key = (articles[s.art].id, " ".join(s.text.split()))
        cite.setdefault(key, []).extend(quotes[m][0] for m in more)
    quotes = [quotes[r] for r in picked.kept]
    out: list[Found] = []
    bags = [words(q.quote) if len(words(q.quote)) >= 4 else frozenset() for _, q in quotes]
    for i, j in sorted(overlap_candidates(bags, QUOTE_OVERLAP)):
        (ki, qi), (kj, qj) = quotes[i], quotes[j]
        si, sj = sents[ki], sents[kj]
        if si.group == sj.group or qi.speakers == qj.speakers:
            continue
        if _overlap(qi.quote, qj.quote) < QUOTE_OVERLAP:
            continue
        quote = qi.quote if len(qi.quote) <= 80 else qi.quote[:77] + "..."
        (spi,), (spj,) = qi.speakers, qj.speakers
        out.append(("attribution", f"who said \u201c{quote}\u201d", [
            claim(articles[si.art], names.get(spi, spi), si.text),
            claim(articles[sj.art], names.get(spj, spj), sj.text),
        ]))  # fmt: skip
    return out, cite
