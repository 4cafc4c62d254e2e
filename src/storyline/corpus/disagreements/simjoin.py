"""Exact similarity joins that do not compare every pair.

The disagreement finder needs every pair of sentences whose TF-IDF cosine reaches a bar,
and every pair of word sets that overlap enough. Comparing all pairs grows with the square
of the corpus; these joins first find, through inverted indexes, the pairs that *can*
reach the bar, then compute the exact score of those only. Both are exact: no pair that
reaches the bar is lost (the bounds used are proofs, not heuristics).

* `cosine_pairs` (the "All-Pairs" idea of Bayardo, Ma and Srikant, 2007): each row's most
  common features are left out of the index as long as an upper bound of what they can
  contribute to any dot product stays below the bar, so a pair reaching the bar must share
  one of the indexed (rarer) features. Candidates come from one sparse product with the
  indexed part only; their exact cosines from row-wise products.
* `overlap_pairs`: all pairs of sets sharing enough elements, from one sparse product of
  the set-element incidence matrix (for many small sets with a shared vocabulary);
* `overlap_candidates` (prefix filtering): if |A & B| >= t * min(|A|, |B|) then the
  smaller set's rarest |A| - ceil(t |A|) + 1 elements contain one of B's elements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

import numpy as np
import scipy.sparse as sp

_MARGIN = 1e-6  # bounds are kept this far below the bar, against rounding
_CHUNK = 200_000  # candidate pairs scored per vectorised step (bounds memory)
_ROWS = 2048  # rows per block of the candidate product (bounds memory)


def _split_common(x: sp.csr_matrix, threshold: float) -> tuple[sp.csr_matrix, np.ndarray]:
    """The part of each row that must be indexed, and a bound of what the rest can add.

    Features are taken most common first; a row's leading features stay out of the index
    while min(L2 norm, sum of weight * the feature's largest weight anywhere) of them,
    an upper bound of their dot product with any unit row, is below `threshold`."""
    n_rows, n_cols = x.shape
    coo = x.tocoo()
    df = np.bincount(coo.col, minlength=n_cols)
    rank = np.empty(n_cols, dtype=np.int64)
    rank[np.lexsort((np.arange(n_cols), -df))] = np.arange(n_cols)
    order = np.lexsort((rank[coo.col], coo.row))
    rows, cols, vals = coo.row[order], coo.col[order], coo.data[order]
    max_w = np.zeros(n_cols)
    np.maximum.at(max_w, cols, np.abs(vals))
    starts = np.searchsorted(rows, np.arange(n_rows))
    sq = np.cumsum(vals * vals)
    lin = np.cumsum(np.abs(vals) * max_w[cols])
    before_sq = np.concatenate(([0.0], sq))[starts][rows]  # cumulative sums restart per row
    before_lin = np.concatenate(([0.0], lin))[starts][rows]
    bound = np.minimum(np.sqrt(np.maximum(sq - before_sq, 0.0)), lin - before_lin)
    rest = bound < threshold - _MARGIN
    rest_bound = np.zeros(n_rows)
    np.maximum.at(rest_bound, rows[rest], bound[rest])
    keep = ~rest
    indexed = sp.csr_matrix((vals[keep], (rows[keep], cols[keep])), shape=x.shape)
    return indexed, rest_bound


def cosine_pairs(
    x: sp.csr_matrix, threshold: float, groups: Sequence[Hashable]
) -> dict[tuple[int, int], float]:
    """Every pair (i, j), i < j, of L2-normalised rows from different groups whose cosine
    is at least `threshold` (> 0), with that cosine."""
    x = sp.csr_matrix(x, dtype=np.float64)
    n = x.shape[0]
    if n < 2 or threshold <= 0:
        raise ValueError("cosine_pairs needs at least two rows and a positive threshold")
    codes: dict[Hashable, int] = {}
    group = np.array([codes.setdefault(g, len(codes)) for g in groups], dtype=np.int64)
    indexed, rest_bound = _split_common(x, threshold)
    xt = x.T.tocsc()
    out: dict[tuple[int, int], float] = {}
    for lo in range(0, n, _ROWS):
        part = (indexed[lo : lo + _ROWS] @ xt).tocoo()
        r = part.row.astype(np.int64) + lo
        c = part.col.astype(np.int64)
        # A pair reaches the bar only if its indexed part plus the rest's bound does.
        keep = (r < c) & (group[r] != group[c])
        keep &= part.data + rest_bound[r] >= threshold - _MARGIN
        r, c = r[keep], c[keep]
        for k in range(0, len(r), _CHUNK):
            ri, ci = r[k : k + _CHUNK], c[k : k + _CHUNK]
            sims = np.asarray(x[ri].multiply(x[ci]).sum(axis=1)).ravel()
            hit = sims >= threshold
            for i, j, v in zip(ri[hit], ci[hit], sims[hit], strict=True):
                out[(int(i), int(j))] = float(v)
    return out


def overlap_candidates(
    sets: Sequence[frozenset[Hashable]], threshold: float
) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, that may have |A & B| >= threshold * min(|A|, |B|), 0 < t <= 1:
    a superset of those pairs (empty sets never pair). Callers check each candidate."""
    if not 0 < threshold <= 1:
        raise ValueError(f"overlap threshold must be in (0, 1], got {threshold}")
    freq: dict[Hashable, int] = defaultdict(int)
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for tok in s:
            freq[tok] += 1
            postings[tok].append(i)
    order = sorted(freq, key=lambda t: (freq[t], repr(t)))  # rarest first
    rank = {t: k for k, t in enumerate(order)}.__getitem__
    out: set[tuple[int, int]] = set()
    for i, s in enumerate(sets):
        size = len(s)
        if not size:
            continue
        # int() rounds down, so the prefix is never shorter than the exact one.
        length = min(size, size - int(threshold * size) + 1)
        prefix = sorted(s, key=rank)[:length]
        for tok in prefix:
            for j in postings[tok]:
                if j != i and len(sets[j]) >= size:
                    out.add((i, j) if i < j else (j, i))
    return out


def overlap_pairs(
    sets: Sequence[frozenset[Hashable]], threshold: float, groups: Sequence[Hashable]
) -> list[tuple[int, int]]:
    """Every pair (i, j), i < j, from different groups with |A & B| / max(1, min(|A|, |B|))
    >= threshold, ascending. Vectorised: one sparse product of the incidence matrix."""
    vocab: dict[Hashable, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, s in enumerate(sets):
        for tok in s:
            rows.append(i)
            cols.append(vocab.setdefault(tok, len(vocab)))
    n = len(sets)
    if n < 2 or not vocab:
        return []
    codes: dict[Hashable, int] = {}
    group = np.array([codes.setdefault(g, len(codes)) for g in groups], dtype=np.int64)
    inc = sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, len(vocab)))
    size = np.array([len(s) for s in sets], dtype=np.int64)
    inc_t = inc.T.tocsc()
    out: list[np.ndarray] = []
    for lo in range(0, n, _ROWS):
        part = (inc[lo : lo + _ROWS] @ inc_t).tocoo()
        r = part.row.astype(np.int64) + lo
        c = part.col.astype(np.int64)
        keep = (r < c) & (group[r] != group[c])
        r, c, shared = r[keep], c[keep], part.data[keep]
        # The same float as len(a & b) / max(1, min(len(a), len(b))) in Python.
        ratio = shared / np.maximum(1, np.minimum(size[r], size[c]))
        hit = ratio >= threshold
        out.append(r[hit] * n + c[hit])
    keys = np.sort(np.concatenate(out))
    return [(int(k // n), int(k % n)) for k in keys]
