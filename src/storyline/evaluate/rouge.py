"""ROUGE-N counts exactly as ROUGE-1.5.5 computes them under tilse's options.

tilse calls ROUGE-1.5.5 with `-a -n 2 -x -f A -d -m -s -t 2` (raw counts, Porter stemming,
stop words removed) on summaries written in the SEE html format, one sentence per line,
each sentence being its whitespace tokens joined by one space with "^" written as
"&circ;". ROUGE then, per summary:

1. keeps each sentence's text up to its first "<" (sentences that are empty or start with
   "<" are dropped), lower-cases A-Z and joins the sentences with spaces;
2. splits "-" off, turns every other character outside [A-Za-z0-9] into a space;
3. drops tokens in the SMART stop word list, and tokens not starting with [a-z0-9];
4. stems tokens longer than 3 characters (WordNet exception table, else Porter);
5. counts n-grams over the whole summary (n-grams cross sentence boundaries).

With several models ("-f A"), hits are clipped per model and the model, peer and hit
counts are summed over the models (the peer is counted once per model).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from storyline.evaluate.porter import rouge_stem

MAX_N = 2
_ALNUM = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class RougeCounts:
    """Raw ROUGE-N counts: `hit` matched n-grams, `model` and `peer` n-gram totals."""

    hit: int
    model: int
    peer: int


@cache
def smart_stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's stop word list (from the SMART information retrieval system)."""
    path = resources.files("storyline.evaluate").joinpath("data/smart_common_words.txt")
    return frozenset(line for line in path.read_text(encoding="ascii").split("\n") if line)


def see_sentence_text(sentence: str) -> str:
    """The text ROUGE reads back from a sentence tilse writes into a SEE html file."""
    joined = " ".join(tok.replace("^", "&circ;") for tok in sentence.split())
    return joined.partition("<")[0]


@lru_cache(maxsize=65536)
def _sentence_tokens(sentence: str) -> tuple[str, ...]:
    stop = smart_stopwords()
    out: list[str] = []
    # Only ASCII letters/digits survive ROUGE's filter; lower-case only A-Z like Perl's tr.
    for raw in _ALNUM.findall(see_sentence_text(sentence)):
        tok = raw.lower()
        if tok in stop:
            continue
        out.append(rouge_stem(tok) if len(tok) > 3 else tok)
    return tuple(out)


def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """The token stream ROUGE-1.5.5 (-m -s) builds from one summary."""
    tokens: list[str] = []
    for sentence in sentences:
        tokens.extend(_sentence_tokens(sentence))
    return tokens


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of a token stream."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_counts(
    peer: Sequence[str], models: Sequence[Sequence[str]], max_n: int = MAX_N
) -> dict[int, RougeCounts]:
    """ROUGE-1..max_n raw counts of a peer summary against model summaries.

    `peer` and each model are lists of sentences (strings). Returns {n: RougeCounts}.
    """
    peer_tokens = rouge_tokens(peer)
    model_tokens = [rouge_tokens(m) for m in models]
    result: dict[int, RougeCounts] = {}
    for n in range(1, max_n + 1):
        peer_grams = ngram_counts(peer_tokens, n)
        peer_total = sum(peer_grams.values())
        hit = model_total = peer_sum = 0
        for tokens in model_tokens:
            grams = ngram_counts(tokens, n)
            hit += sum(min(c, peer_grams[g]) for g, c in grams.items() if g in peer_grams)
            model_total += sum(grams.values())
            peer_sum += peer_total
        result[n] = RougeCounts(hit=hit, model=model_total, peer=peer_sum)
    return result
