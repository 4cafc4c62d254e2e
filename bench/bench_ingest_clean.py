"""Ingest + clean speed on T17 (news-tls), side by side with a bare gzip+json baseline.

    .venv/bin/python bench/bench_ingest_clean.py [--repeat 3] [--data ../shared/data/t17]

Prints medians over the repeats; nothing is asserted.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import resource
import statistics
import time
from pathlib import Path

from storyline.clean import clean_article
from storyline.ingest import read_articles
from storyline.model import Article, Skip

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "t17"


def _baseline(data: Path) -> int:
    """Just decompress and json-parse every article line: the floor for reading."""
    n = 0
    for path in sorted(data.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rb") as handle:
            for line in handle:
                json.loads(line)
                n += 1
    return n


def _timed(fn: object, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"T17 data not found at {args.data}; pass --data")

    base_s, base_n = _timed(lambda: _baseline(args.data), args.repeat)
    read_s, items = _timed(lambda: list(read_articles([args.data])), args.repeat)
    articles = [a for a in items if isinstance(a, Article)]  # type: ignore[union-attr]
    skips = [s for s in items if isinstance(s, Skip)]  # type: ignore[union-attr]

    def clean_all() -> list[Article | Skip]:
        return [clean_article(a) for a in articles]

    clean_s, cleaned = _timed(clean_all, args.repeat)
    kinds: collections.Counter[str] = collections.Counter()
    kept_chars = raw_chars = not_article = 0
    for a, c in zip(articles, cleaned, strict=True):  # type: ignore[call-overload]
        raw_chars += len(a.raw_text)
        if isinstance(c, Article):
            kinds.update(c.removed)
            kept_chars += len(c.text)
        else:
            not_article += 1

    print(
        f"T17 articles read           {len(articles)} (+{len(skips)} skips: "
        f"{sorted({s.reason for s in skips})})"
    )
    print(f"baseline gzip+json.loads    {base_s:.2f} s for {base_n} lines")
    print(
        f"read_articles (all T17)     {read_s:.2f} s  = {len(articles) / read_s:.0f} art/s, "
        f"x{read_s / base_s:.2f} the baseline"
    )
    print(
        f"clean_article (all T17)     {clean_s:.2f} s  = {len(articles) / clean_s:.0f} art/s, "
        f"{1000 * clean_s / len(articles):.2f} ms/article"
    )
    print(f"cleaned: not-article        {not_article}")
    print(f"cleaned: text kept          {kept_chars / raw_chars:.3f} of raw characters")
    print(f"cleaned: articles per kind  {dict(sorted(kinds.items()))}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS                    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
