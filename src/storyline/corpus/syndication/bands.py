"""Near-duplicate pairs on an executor's workers: MinHash signatures, LSH band by band,
exact verification, each step a `map` over pieces of the corpus.

    pairs = similar_pairs_on(executor, texts, threshold=0.8)   # == similar_pairs(texts, 0.8)

The same MinHash (`datasketch`, 128 permutations, seed 1) and the same band shape as the
serial `MinHashLSH` (b bands of r rows for the threshold it is given) are used, and a pair is
a candidate when any of its bands is equal, which is exactly when `MinHashLSH.query` returns
it: so the candidates, the verified pairs and their scores are those of `groups.similar_pairs`.

Cost: signatures are linear in the text (one task per `TEXTS_PER_TASK` texts); each band is
one task that sorts n signatures' band values (n log n) and lists the pairs of each bucket
(quadratic only inside a bucket, as in the serial index); verification is one task per
`PAIRS_PER_TASK` candidate pairs, given only the texts those pairs name. The driver holds
the signature matrix (n x 128 x 8 bytes: 1 KB an article) and the candidate pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.corpus.syndication.groups import NUM_PERM, shingles, similarity

if TYPE_CHECKING:
    from storyline.exec.base import Executor

TEXTS_PER_TASK = 256
PAIRS_PER_TASK = 2000

Pair = tuple[int, int]


def band_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) of the serial index for `threshold` (`groups`' query level)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.2, threshold - 0.4), num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def signatures(texts: Sequence[str]) -> list[Any]:
    """The MinHash values (a numpy uint64 array) of each text's shingles, None when it has
    none (such a text is never a candidate)."""
    from datasketch import MinHash

    out: list[Any] = []
    for text in texts:
        s = shingles(text)
        if not s:
            out.append(None)
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch([x.encode("utf-8") for x in sorted(s)])
        out.append(mh.hashvalues)
    return out


@dataclass(frozen=True)
class Band:
    """One band's values: `rows[k]` is the band of article `ids[k]` (bytes)."""

    ids: tuple[int, ...]
    rows: tuple[bytes, ...]


def band_pairs(band: Band) -> list[Pair]:
    """The pairs (i < j) of articles whose values in this band are equal."""
    order = sorted(range(len(band.ids)), key=lambda k: (band.rows[k], band.ids[k]))
    pairs: list[Pair] = []
    start = 0
    while start < len(order):
        end = start + 1
        while end < len(order) and band.rows[order[end]] == band.rows[order[start]]:
            end += 1
        members = sorted(band.ids[k] for k in order[start:end])
        pairs.extend((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
        start = end
    return pairs


@dataclass(frozen=True)
class Verify:
    """Candidate pairs with the texts they name: what one verification task gets."""

    pairs: tuple[Pair, ...]
    texts: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class _Verifier:
    threshold: float

    def __call__(self, task: Verify) -> list[tuple[Pair, float]]:
        sets = {i: shingles(t) for i, t in task.texts}
        out = []
        for i, j in task.pairs:
            score = similarity(sets[i], sets[j])
            if score >= self.threshold:
                out.append(((i, j), score))
        return out


def similar_pairs_on(
    executor: Executor, texts: Sequence[str], threshold: float = 0.8
) -> dict[Pair, float]:
    """`groups.similar_pairs(texts, threshold, "minhash")`, computed on `executor`."""
    pieces = [texts[i : i + TEXTS_PER_TASK] for i in range(0, len(texts), TEXTS_PER_TASK)]
    sigs = [s for chunk in executor.map(signatures, pieces, chunksize=1) for s in chunk]
    b, r = band_shape(threshold)
    present = [i for i, s in enumerate(sigs) if s is not None]
    bands = [
        Band(tuple(present), tuple(sigs[i][k * r : (k + 1) * r].tobytes() for i in present))
        for k in range(b)
    ]
    candidates = sorted(
        {p for found in executor.map(band_pairs, bands, chunksize=1) for p in found}
    )
    tasks = []
    for n in range(0, len(candidates), PAIRS_PER_TASK):
        chunk = tuple(candidates[n : n + PAIRS_PER_TASK])
        named = sorted({i for pair in chunk for i in pair})
        tasks.append(Verify(chunk, tuple((i, texts[i]) for i in named)))
    verified = executor.map(_Verifier(threshold), tasks, chunksize=1)
    return dict(sorted(p for found in verified for p in found))
