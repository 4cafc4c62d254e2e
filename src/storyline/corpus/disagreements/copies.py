"""Repeated sentences, compared once: what keeps the disagreement finder linear.

A large corpus repeats itself: one wire sentence is re-published by hundreds of outlets
that syndication did not group (other edits, other boilerplate), and near-identical
sentences differ only in a number or a spelling. Comparing every copy with every other
copy makes the number of sentence pairs grow with the square of the corpus, although the
copies add nothing but citations. Two steps bound it:

* `select_copies`: sentences making the same claim (same text, same extracted values, same
  timeline entry) are *copies*; at most `copies` of them, from different syndication
  groups, take part in the comparisons. The others are cited wherever their representative
  is (`Copies.also`), so a disagreement still lists every source that makes a claim. Of the
  sentences with one bag of words (the same TF-IDF row) and one entry, at most `variants`
  different claims are kept (the first in corpus order); the rest are logged and skipped.
* `cluster_pairs`: sentences with identical TF-IDF rows have identical cosines with any
  other sentence, so the similarity join runs over distinct rows only and its pairs are
  expanded to the kept sentences of each row.

Both are deterministic (corpus order) and change nothing when no claim is repeated more
than `copies` times and no bag of words carries more than `variants` claims.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from storyline.corpus.disagreements.simjoin import cosine_pairs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Copies:
    """Which sentences are compared (`kept`, ascending) and what each kept one stands for."""

    kept: list[int]
    also: dict[int, list[int]] = field(default_factory=dict)  # kept -> its other copies
    skipped: list[int] = field(default_factory=list)  # over the variants cap: not compared


def select_copies(
    claims: Sequence[Hashable | None],
    bags: Sequence[Hashable],
    groups: Sequence[Hashable],
    copies: int,
    variants: int,
) -> Copies:
    """Representatives of repeated claims, in corpus order.

    `claims[k]` is sentence k's claim key (None: nothing to compare), `bags[k]` the key of
    its bag of words; sentences of one claim key have one bag key. A sentence is kept when
    its claim has fewer than `copies` kept sentences, none from its group, and its bag has
    fewer than `variants` claims (or already has this one). A sentence of a known claim
    that is not kept is cited wherever the claim's kept sentences are."""
    if copies < 1 or variants < 1:
        raise ValueError(f"copies and variants must be at least 1, got {copies}, {variants}")
    kept: list[int] = []
    members: dict[Hashable, list[int]] = {}
    extra: dict[Hashable, list[int]] = defaultdict(list)
    per_bag: dict[Hashable, int] = defaultdict(int)
    skipped: list[int] = []
    for k, claim in enumerate(claims):
        if claim is None:
            continue
        reps = members.get(claim)
        if reps is None:
            if per_bag[bags[k]] >= variants:
                skipped.append(k)
                continue
            per_bag[bags[k]] += 1
            reps = members[claim] = []
        if len(reps) < copies and all(groups[r] != groups[k] for r in reps):
            reps.append(k)
            kept.append(k)
        else:
            extra[claim].append(k)
    also = {}
    for claim, more in extra.items():
        for r in members[claim]:
            also[r] = [k for k in (*members[claim], *more) if k != r]
    if skipped or extra:
        log.debug(
            "copies: %d sentences compared, %d cited through a copy, %d skipped (cap %d)",
            len(kept),
            sum(len(m) for m in extra.values()),
            len(skipped),
            variants,
        )
    return Copies(kept, also, skipped)


def row_keys(x: sp.csr_matrix) -> list[bytes]:
    """One key per row, equal for rows with identical entries (all-zero rows: b"")."""
    x = x.copy()
    x.sort_indices()
    out: list[bytes] = []
    ptr, ind, val = x.indptr, x.indices.astype(np.int64), x.data.astype(np.float64)
    for r in range(x.shape[0]):
        a, b = ptr[r], ptr[r + 1]
        out.append(ind[a:b].tobytes() + val[a:b].tobytes())
    return out


def cluster_pairs(
    x: sp.csr_matrix,
    rows: Sequence[int],
    floor: float,
    keys: Sequence[bytes],
    groups: Sequence[Hashable],
) -> dict[tuple[int, int], float]:
    """Every pair (i, j), i < j, of the given rows from different groups whose cosine is
    at least `floor`, with that cosine, computed once per pair of distinct rows (`keys`
    from `row_keys`). The same pairs and values as `cosine_pairs` over `rows`."""
    by_key: dict[bytes, list[int]] = {}
    for r in rows:
        if keys[r]:  # an all-zero row is similar to nothing
            by_key.setdefault(keys[r], []).append(r)
    clusters = list(by_key.values())
    if not clusters:
        return {}
    heads = [c[0] for c in clusters]
    out: dict[tuple[int, int], float] = {}

    def expand(ci: list[int], cj: list[int], value: float) -> None:
        for i in ci:
            for j in cj:
                if i != j and groups[i] != groups[j]:
                    out[(i, j) if i < j else (j, i)] = value

    self_sims = np.asarray(x[heads].multiply(x[heads]).sum(axis=1)).ravel()
    for c, value in zip(clusters, self_sims, strict=True):
        if len(c) > 1 and value >= floor:
            expand(c, c, float(value))
    if len(heads) >= 2:
        found = cosine_pairs(x[heads], floor, list(range(len(heads))))
        for (a, b), value in found.items():
            expand(clusters[a], clusters[b], value)
    return out
