"""Syndication's grouping on a synthetic pile: every MinHash candidate pair verified exactly
(`similar_pairs`, the old serial path) against verification skipped for pairs already in one
group (`find_syndication`'s serial path), side by side, with the groups compared.

    python bench/syndication.py [--sizes 2000,5000,10000] [--repeats 3] [--seed 0]

The texts are those of `bench/make_corpus.py`'s corpus (generated once under `bench/_data/`,
read as they are written: the synthetic stories share paragraphs, so most articles of a story
are each other's candidates). CPU seconds per run, medians, their ratio, the number of
candidate pairs and of exact comparisons made, and whether the groups are equal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from make_corpus import generate  # noqa: E402

from storyline.corpus.syndication import groups  # noqa: E402


def texts_of(n: int, seed: int) -> list[str]:
    root = BENCH / "_data" / f"corpus_{n}_seed{seed}"
    if not root.is_dir():
        generate(n, root, seed=seed)
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def partition(uf: groups._UnionFind, n: int) -> list[tuple[int, ...]]:
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(uf.find(i), []).append(i)
    return sorted(tuple(m) for m in members.values())


def verify_all(texts: list[str], threshold: float) -> tuple[list[tuple[int, ...]], int]:
    uf = groups._UnionFind(len(texts))
    sets = [groups.shingles(t) for t in texts]
    candidates = sorted(groups._minhash_candidates(sets, threshold))
    for i, j in candidates:
        if groups.similarity(sets[i], sets[j]) >= threshold:
            uf.union(i, j)
    return partition(uf, len(texts)), len(candidates)


def verify_new(texts: list[str], threshold: float) -> list[tuple[int, ...]]:
    uf = groups._UnionFind(len(texts))
    groups._group_candidates(texts, threshold, uf)
    return partition(uf, len(texts))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,5000,10000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=0.8)
    args = ap.parse_args(argv)
    print(f"{'files':>8} {'candidates':>11} {'all CPU s':>10} {'skip CPU s':>11} "
          f"{'ratio':>6} {'groups':>7} same")  # fmt: skip
    for n in (int(x) for x in args.sizes.split(",")):
        texts = texts_of(n, args.seed)
        old_t, new_t = [], []
        for _ in range(args.repeats):
            t0 = time.process_time()
            old, candidates = verify_all(texts, args.threshold)
            old_t.append(time.process_time() - t0)
            t0 = time.process_time()
            new = verify_new(texts, args.threshold)
            new_t.append(time.process_time() - t0)
        a, b = statistics.median(old_t), statistics.median(new_t)
        print(f"{len(texts):>8} {candidates:>11} {a:>10.1f} {b:>11.1f} {a / b:>5.2f}x "
              f"{len(new):>7} {old == new}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
