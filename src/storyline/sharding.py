"""Sharded runs: the input split into shards that workers read, prepare and write as
Parquet (`store.parquet`), so the driver never reads an input record.

    tasks, walk_skips = plan_shards(paths, config.ingest)
    for done in executor.map(PrepareShard(prepare, folder), tasks, chunksize=1): ...

A shard is a record container (a JSONL or WARC file: one per shard, since one holds
thousands of records) or a run of consecutive other files (up to `FILES_PER_SHARD` files or
`BYTES_PER_SHARD` bytes), in the order the walk reads them, so (shard order, record) order
is the input order of a serial run. A large JSONL file is split between several shards of
one order, each preparing every k-th record of it (`SPLIT_BYTES`).

The worker reads its files with the same readers as a serial run, passes each later copy
of an article id within the shard over (a "duplicate" marker: `store.parquet.read_shards`
explains it once every shard is known), runs `prepare` (the document stages) on batches of
`batch_size` articles and writes the outcomes, each with its record number and article id,
as shard `index`, a piece at a time (`ShardWriter`). Its memory is that of the document
stages on one batch, a piece of prepared articles, and the ids of the shard's records.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest.registry import reader_for
from storyline.ingest.walk import InputFile, iter_files, read_file
from storyline.model import Article, Skip
from storyline.store.parquet import ARTICLES_PER_PIECE, Outcome, ShardWriter

FILES_PER_SHARD = 256
BYTES_PER_SHARD = 16_000_000
# readers whose files hold many records: each such file is a shard of its own
CONTAINERS = frozenset({"jsonl", "warc"})
# ...and those cheap enough to read that a large file is split between several workers, each
# reading all of it (not WARC: reading a page is its HTML extraction, a seventh of the cost
# of preparing it)
SPLITTABLE = frozenset({"jsonl"})
SPLIT_BYTES = 1_000_000  # of the file as stored (gzip: about 300 news articles)
MAX_SPLITS = 16

Prepare = Callable[[Sequence[Article]], list[Article | Skip]]
"""The document stages over a batch of ingested articles (picklable: it is sent to workers)."""


@dataclass(frozen=True)
class ShardTask:
    """Shard `index`: the files it reads, in input order; `order` is its place in the input
    (shards that split one file share it, each taking the records whose number, counted
    from 0, is `offset` modulo `stride`)."""

    index: int
    files: tuple[InputFile, ...]
    order: int
    stride: int = 1
    offset: int = 0


@dataclass(frozen=True)
class ShardDone:
    """What a worker reports of a shard it wrote."""

    index: int
    records: int
    articles: int
    skips: int
    seconds: float


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def plan_shards(
    paths: Iterable[str | Path],
    config: IngestConfig,
    *,
    files_per_shard: int = FILES_PER_SHARD,
    bytes_per_shard: int = BYTES_PER_SHARD,
    split_bytes: int = SPLIT_BYTES,
) -> tuple[list[ShardTask], list[Skip]]:
    """The shards of the input under `paths`, and the skips of the walk itself (missing
    paths, links outside the input...). Only file names and sizes are read. A JSONL file
    of more than `split_bytes` is split into one shard per `split_bytes` (at most
    `MAX_SPLITS`), each reading the whole file but preparing every k-th record."""
    tasks: list[ShardTask] = []
    skips: list[Skip] = []
    group: list[InputFile] = []
    group_bytes = 0
    order = 0

    def close_group() -> None:
        nonlocal group, group_bytes, order
        if group:
            tasks.append(ShardTask(len(tasks), tuple(group), order))
            group, group_bytes, order = [], 0, order + 1

    for item in iter_files(paths, config):
        if isinstance(item, Skip):
            skips.append(item)
            continue
        reader = reader_for(item.path)
        if reader is not None and reader.name in CONTAINERS:
            close_group()
            splits = 1
            if reader.name in SPLITTABLE:
                splits = min(MAX_SPLITS, max(1, -(-_size(item.path) // split_bytes)))
            for k in range(splits):
                tasks.append(ShardTask(len(tasks), (item,), order, splits, k))
            order += 1
            continue
        group.append(item)
        group_bytes += _size(item.path)
        if len(group) >= files_per_shard or group_bytes >= bytes_per_shard:
            close_group()
    close_group()
    return tasks, skips


@dataclass(frozen=True)
class PrepareShard:
    """Read, prepare and write one shard (what a worker runs; picklable)."""

    prepare: Prepare
    folder: str
    ingest: IngestConfig
    batch_size: int
    articles_per_piece: int = ARTICLES_PER_PIECE

    def __call__(self, task: ShardTask) -> ShardDone:
        start = time.perf_counter()
        writer = ShardWriter(Path(self.folder), task.index, self.articles_per_piece, task.order)
        seen: set[str] = set()  # ids: 32 bytes a record
        batch: list[tuple[int, Article]] = []
        skips: list[Outcome] = []  # met since the last batch
        seq = records = 0
        for file in task.files:
            for item in read_file(file.path, file.shown, self.ingest):
                seq += 1
                if (seq - 1) % task.stride != task.offset:
                    continue  # another shard's record
                records += 1
                if isinstance(item, Skip):
                    skips.append(Outcome(seq, None, item))
                elif item.id in seen:  # explained when every shard is known
                    skips.append(Outcome(seq, item.id, Skip(item.path, "duplicate", "")))
                else:
                    seen.add(item.id)
                    batch.append((seq, item))
                    if len(batch) >= self.batch_size:
                        writer.add([*skips, *self._prepared(batch)])
                        batch, skips = [], []
        writer.add([*skips, *self._prepared(batch)])
        articles, skipped = writer.close()
        return ShardDone(task.index, records, articles, skipped, time.perf_counter() - start)

    def _prepared(self, batch: list[tuple[int, Article]]) -> list[Outcome]:
        """The batch prepared, each output with the record number and id of its input
        (an article keeps its id; a skip is matched to its input by path)."""
        if not batch:
            return []
        by_id = {a.id: (seq, a.id) for seq, a in batch}
        by_path = {a.path: (seq, a.id) for seq, a in batch}
        out: list[Outcome] = []
        for item in self.prepare([a for _, a in batch]):
            found = by_id.get(item.id) if isinstance(item, Article) else None
            seq, key = found or by_path[item.path]
            out.append(Outcome(seq, key, item))
        return out
