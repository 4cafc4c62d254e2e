"""Syndication and duplicates: wire copies, re-crawls and near-duplicates, as groups.

Every article gets a `syndication_group`; all but the group's original (earliest
published, ties to the smallest id) get `duplicate_of`. Two articles are linked when

* their canonical URLs are equal (one page re-crawled under tracking parameters, AMP or
  mobile variants), or
* the similarity of their 5-word shingle sets reaches the threshold. The similarity is
  the larger of the Jaccard index and the containment of the shorter text in the longer
  one (when the shorter has at least `MIN_CONTAINMENT_SHINGLES` shingles), so that a wire
  story reprinted inside a page with extra paragraphs still counts.

Candidates come from MinHash LSH (datasketch) and are verified exactly on the shingle
sets; `method="simhash"` uses 64-bit SimHash instead (see bench/cross_source.py for the
comparison on the planted corpus).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit

from storyline.corpus.syndication.credits import detect_credits, merge_credits
from storyline.model import Article, stable_id

if TYPE_CHECKING:
    from storyline.exec.base import Executor

log = logging.getLogger(__name__)

SHINGLE_WORDS = 5
NUM_PERM = 128
MIN_CONTAINMENT_SHINGLES = 30
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|ocid|cmpid|ref|src|source|amp|outputtype)$")


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """The set of k-word shingles of the lower-cased words of `text`."""
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if len(words) < k:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """max(Jaccard, containment of the shorter set) — see the module docstring."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    jaccard = inter / len(a | b)
    shorter = min(len(a), len(b))
    if shorter >= MIN_CONTAINMENT_SHINGLES:
        return max(jaccard, inter / shorter)
    return jaccard


def canonical_url(url: str | None) -> str | None:
    """A URL without scheme, www/m./amp prefixes, tracking parameters, fragment, trailing /."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    path = re.sub(r"/(?:amp|index\.html?)/?$", "", parts.path).rstrip("/")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())]
    q = urlencode(sorted(query))
    return f"{host}{path}" + (f"?{q}" if q else "") if host else None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _minhash_candidates(sets: Sequence[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    # LSH is tuned on Jaccard; containment pairs can have a lower Jaccard, so query lower.
    lsh = MinHashLSH(threshold=max(0.2, threshold - 0.4), num_perm=NUM_PERM)
    pairs: set[tuple[int, int]] = set()
    for i, s in enumerate(sets):
        if not s:
            continue
        mh = MinHash(num_perm=NUM_PERM, seed=1)
        mh.update_batch([x.encode("utf-8") for x in sorted(s)])
        for key in lsh.query(mh):
            j = int(key)
            pairs.add((min(i, j), max(i, j)))
        lsh.insert(str(i), mh)
    return pairs


def simhash(features: Iterable[str]) -> int:
    """64-bit SimHash of a set of features (each weighted 1)."""
    counts = [0] * 64
    for f in features:
        h = int.from_bytes(hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            counts[bit] += 1 if h >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if counts[bit] > 0)


def simhash_similarity(a: int, b: int) -> float:
    """1 - Hamming distance / 64."""
    return 1.0 - bin(a ^ b).count("1") / 64.0


def similar_pairs(
    texts: Sequence[str], threshold: float = 0.8, method: str = "minhash"
) -> dict[tuple[int, int], float]:
    """Index pairs (i < j) of texts whose similarity reaches `threshold`, with the score."""
    sets = [shingles(t) for t in texts]
    out: dict[tuple[int, int], float] = {}
    if method == "minhash":
        for i, j in sorted(_minhash_candidates(sets, threshold)):
            score = similarity(sets[i], sets[j])
            if score >= threshold:
                out[(i, j)] = score
    elif method == "simhash":
        hashes = [simhash(s) if s else None for s in sets]
        for i in range(len(sets)):
            for j in range(i + 1, len(sets)):
                hi, hj = hashes[i], hashes[j]
                if hi is None or hj is None:
                    continue
                score = simhash_similarity(hi, hj)
                if score >= threshold:
                    out[(i, j)] = score
    else:
        raise ValueError(f"unknown near-duplicate method {method!r}: use 'minhash' or 'simhash'")
    return out


def _group_candidates(texts: Sequence[str], threshold: float, uf: _UnionFind) -> None:
    """Join the MinHash candidates whose exact similarity reaches `threshold`, verifying
    only pairs not already in one group: the groups of `similar_pairs`, without the exact
    comparison of every candidate pair (texts built from shared paragraphs are all each
    other's candidates, so that count grows with the square of a story's size)."""
    sets = [shingles(t) for t in texts]
    for i, j in sorted(_minhash_candidates(sets, threshold)):
        if uf.find(i) == uf.find(j):
            continue  # already one group: the score would change nothing
        if similarity(sets[i], sets[j]) >= threshold:
            uf.union(i, j)


def _order_key(a: Article) -> tuple[dt.date, str]:
    return (a.published.start if a.published is not None else dt.date.max, a.id)


def find_syndication(
    articles: Sequence[Article],
    threshold: float = 0.8,
    method: str = "minhash",
    executor: Executor | None = None,
) -> list[Article]:
    """Group copies of one story; set `duplicate_of`, `syndication_group` and `credits`.

    Returns the articles in the same order. Deterministic: the result does not depend
    on the order of the input. With an `executor` (and the minhash method) the pairs are
    found on its workers, band by band (`bands.similar_pairs_on`): the same pairs.
    """
    texts = [a.text or a.raw_text for a in articles]
    uf = _UnionFind(len(articles))
    if executor is None and method == "minhash":
        _group_candidates(texts, threshold, uf)
    else:
        if executor is not None and method == "minhash":
            from storyline.corpus.syndication.bands import similar_pairs_on

            pairs = similar_pairs_on(executor, texts, threshold)
        else:
            pairs = similar_pairs(texts, threshold, method)
        for (i, j), score in pairs.items():
            log.debug("near-duplicates %s ~ %s (%.2f)", articles[i].id, articles[j].id, score)
            uf.union(i, j)
    by_url: dict[str, int] = {}
    for i, a in enumerate(articles):
        cu = canonical_url(a.url)
        if cu is None:
            continue
        if cu in by_url:
            uf.union(by_url[cu], i)
        else:
            by_url[cu] = i
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(uf.find(i), []).append(i)
    original_of: dict[int, Article] = {}
    for idx in members.values():
        original = min((articles[i] for i in idx), key=_order_key)
        for i in idx:
            original_of[i] = original
    out: list[Article] = []
    for i, a in enumerate(articles):
        original = original_of[i]
        out.append(
            dataclasses.replace(
                a,
                duplicate_of=None if original.id == a.id else original.id,
                syndication_group=stable_id("syndication", original.id, prefix="g", length=12),
                credits=merge_credits(a.credits, detect_credits(a.text or a.raw_text)),
            )
        )
    n_groups = len(members)
    log.info("syndication: %d articles in %d groups", len(articles), n_groups)
    return out


def group_of(articles: Iterable[Article]) -> Mapping[str, str]:
    """Article id -> syndication group (the id itself when the article has no group)."""
    return {a.id: a.syndication_group or a.id for a in articles}
