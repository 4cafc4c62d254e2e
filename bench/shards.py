"""A Ray run through Parquet shards against a serial run, on real news: speed per core, shard
bytes per article, the driver's merge rate, and whether the two corpora are equal.

    python bench/shards.py [TOPIC_DIR ...] [--cpus 2]

Defaults to the Timeline17 topics `mj` and `haiti` under ../shared/data/t17 (424 articles
in two `.jsonl.gz` files of under 1 MB: one shard each). Runs, in one process, side by side:

1. serial: `pipeline.prepare_paths` with `--executor serial`: wall time, and the process's
   CPU time (user + system, `resource.getrusage`), whose inverse is articles/s *per core*
   even on a machine shared with other jobs;
2. Ray: `pipeline.prepare_sharded` on a local cluster of `--cpus` CPUs, shards kept under
   `bench/_out/shards/`: wall time, and the workers' CPU time from each shard's report;
3. the shards: bytes per article in the articles files and per skip in the skips files,
   and the rate at which the driver merges and decodes them back (`store.parquet.read_shards`).

Prints whether the serial and the Ray corpus are equal (they must be).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "src"))

from storyline.config import Config  # noqa: E402
from storyline.pipeline import prepare_paths, prepare_sharded  # noqa: E402
from storyline.store.parquet import read_shards, shard_indexes, shard_pieces  # noqa: E402

T17 = BENCH.parent.parent / "shared" / "data" / "t17"
OUT = BENCH / "_out" / "shards"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topics", nargs="*", type=Path)
    ap.add_argument("--cpus", type=int, default=2)
    args = ap.parse_args()
    topics = args.topics or [T17 / "mj", T17 / "haiti"]

    cfg = Config(executor="serial")
    t0, c0 = time.perf_counter(), _cpu()
    serial = prepare_paths(topics, cfg)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    n = len(serial.articles)
    print(f"inputs: {', '.join(str(t) for t in topics)}")
    print(f"serial: {n} articles, {len(serial.skipped)} skipped")
    print(f"  wall {wall:.1f} s ({n / wall:.2f} articles/s); CPU {cpu:.1f} s")
    print(f"  -> {n / cpu:.2f} articles per CPU-second (one core), incl. spaCy load")

    import ray

    ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False)
    try:
        t0 = time.perf_counter()
        sharded = prepare_sharded(topics, Config(executor="ray", shards=str(OUT)))
        ray_wall = time.perf_counter() - t0
    finally:
        ray.shutdown()
    print(f"ray ({args.cpus} CPUs): wall {ray_wall:.1f} s ({n / ray_wall:.2f} articles/s)")
    print(f"  same corpus as serial: {sharded == serial}")

    import pyarrow.parquet as pq

    rows = skips = size = skip_size = json_bytes = 0
    for index in shard_indexes(OUT):
        for articles_file, skips_file in shard_pieces(OUT, index):
            table = pq.read_table(articles_file, columns=["article"])
            rows += table.num_rows
            json_bytes += sum(len(v.as_py().encode()) for v in table.column(0))
            skips += pq.ParquetFile(skips_file).metadata.num_rows
            size += articles_file.stat().st_size
            skip_size += skips_file.stat().st_size
    print(f"shards: {len(shard_indexes(OUT))} under {OUT}")
    print(
        f"  articles files: {rows} rows, {size / 1e6:.2f} MB -> {size / max(rows, 1):,.0f} "
        f"bytes per prepared article (zstd; the JSON alone: {json_bytes / max(rows, 1):,.0f})"
    )
    print(f"  skips files: {skips} rows, {skip_size:,} bytes")
    t0 = time.perf_counter()
    merged = sum(1 for _ in read_shards(OUT))
    merge = time.perf_counter() - t0
    print(f"  driver merge + decode: {merged} items in {merge:.2f} s ({merged / merge:,.0f}/s)")


if __name__ == "__main__":
    main()
