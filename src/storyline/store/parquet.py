"""Prepared articles as Parquet shards: what the document stages write on the workers and
the corpus stages read back as one stream, sorted by article id.

    write_shard(folder, 3, outcomes)              # part-00003.articles.parquet + .skips.parquet
    for item in read_shards(folder): ...          # Article (by id) | Skip, duplicates resolved

A shard holds the *outcomes* of the input records of one piece of the input (a JSONL or
WARC file, a group of small files), each with its `seq` (the record's place in that piece)
and `key` (the id of the ingested article; none for a record that was never an article):

- `part-NNNNN.articles.parquet`: one row per prepared `Article`, sorted by (`id`, `seq`):
  `id`, `seq`, `published_start` / `published_end` (date32, null when undated: a reader
  can select a time window without decoding a row) and `article`, the article as the
  store's JSON (`store.codec.article_to_json`, exact round trip), zstd-compressed.
- `part-NNNNN.skips.parquet`: one row per `Skip`: `key`, `seq`, `path`, `reason`, `detail`.
  A row with reason "duplicate" and a key is a later copy of an article within the shard;
  its detail is written when the shards are merged (the first copy may be in another one).

The schema version (`SCHEMA_VERSION`) and the codec's are in each file's metadata; a file of
another version is refused with a `ShardError`. Files are written to a temporary name and
renamed, the articles file last, so a shard whose articles file exists is complete.

`read_shards` merges the shards (in shard order, which is input order) by (id, shard, seq):
the first record of an id wins, as in a serial run, and every later one becomes
Skip("duplicate", "same text and source as <first path>"). It holds one batch of rows per
shard and the skips that carry a key, never all articles.
"""

from __future__ import annotations

import heapq
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.errors import MissingExtraError, StorylineError
from storyline.model import Article, Skip
from storyline.store.codec import CODEC_VERSION, article_from_json, article_to_json

SCHEMA_VERSION = 1
ROW_GROUP_ROWS = 1000  # rows per row group: about 20 MB of article JSON before compression
READ_BATCH_ROWS = 32  # rows per shard held by the merge
_PART_RE = re.compile(r"^part-(\d{5,})\.articles\.parquet$")
_ANY_PART_RE = re.compile(r"^part-\d{5,}\.(?:articles|skips)\.parquet(?:\.tmp)?$")
_META_SCHEMA = b"storyline.shard_schema"
_META_CODEC = b"storyline.codec"


class ShardError(StorylineError):
    """A shard folder or file cannot be read (another schema version, damaged, missing)."""


@dataclass(frozen=True)
class Outcome:
    """What became of one input record: `item` (an Article or a Skip), its place `seq` in
    the shard's input, and `key`, the id of the ingested article (None for a record that
    was never one: unreadable, not an article...)."""

    seq: int
    key: str | None
    item: Article | Skip


def import_pyarrow() -> tuple[Any, Any]:
    """(pyarrow, pyarrow.parquet), or MissingExtraError naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as e:
        raise MissingExtraError(
            "Parquet shards of prepared articles", "distributed", "pyarrow"
        ) from e
    return pyarrow, pyarrow.parquet


def shard_files(folder: Path, index: int) -> tuple[Path, Path]:
    """(articles file, skips file) of shard `index` in `folder`."""
    stem = folder / f"part-{index:05d}"
    return stem.with_suffix(".articles.parquet"), stem.with_suffix(".skips.parquet")


def _metadata() -> dict[bytes, bytes]:
    return {_META_SCHEMA: str(SCHEMA_VERSION).encode(), _META_CODEC: str(CODEC_VERSION).encode()}


def _schemas(pa: Any) -> tuple[Any, Any]:
    articles = pa.schema(
        [
            pa.field("id", pa.string(), nullable=False),
            pa.field("seq", pa.int64(), nullable=False),
            pa.field("published_start", pa.date32()),
            pa.field("published_end", pa.date32()),
            pa.field("article", pa.string(), nullable=False),
        ],
        metadata=_metadata(),
    )
    skips = pa.schema(
        [
            pa.field("key", pa.string()),
            pa.field("seq", pa.int64(), nullable=False),
            pa.field("path", pa.string(), nullable=False),
            pa.field("reason", pa.string(), nullable=False),
            pa.field("detail", pa.string(), nullable=False),
        ],
        metadata=_metadata(),
    )
    return articles, skips


def _write_table(pq: Any, table: Any, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=ROW_GROUP_ROWS)
    os.replace(tmp, path)


def write_shard(folder: Path, index: int, outcomes: Iterable[Outcome]) -> tuple[int, int]:
    """Write shard `index` of `folder` (created if needed); returns (articles, skips).
    Rewriting a shard with the same outcomes gives the same bytes."""
    pa, pq = import_pyarrow()
    folder.mkdir(parents=True, exist_ok=True)
    articles = sorted(
        (o for o in outcomes if isinstance(o.item, Article)), key=lambda o: (o.item.id, o.seq)
    )
    skips = sorted(
        (o for o in outcomes if isinstance(o.item, Skip)), key=lambda o: (o.seq, o.item.path)
    )
    articles_schema, skips_schema = _schemas(pa)
    rows = [_article_row(o) for o in articles]
    skip_rows = [_skip_row(o) for o in skips]
    articles_file, skips_file = shard_files(folder, index)
    _write_table(pq, pa.Table.from_pylist(skip_rows, schema=skips_schema), skips_file)
    _write_table(pq, pa.Table.from_pylist(rows, schema=articles_schema), articles_file)
    return len(rows), len(skip_rows)


def _article_row(outcome: Outcome) -> dict[str, Any]:
    article = outcome.item
    assert isinstance(article, Article)
    published = article.published
    return {
        "id": article.id,
        "seq": outcome.seq,
        "published_start": published.start if published else None,
        "published_end": published.end if published else None,
        "article": article_to_json(article),
    }


def _skip_row(outcome: Outcome) -> dict[str, Any]:
    skip = outcome.item
    assert isinstance(skip, Skip)
    return {
        "key": outcome.key,
        "seq": outcome.seq,
        "path": skip.path,
        "reason": skip.reason,
        "detail": skip.detail,
    }


def shard_indexes(folder: Path) -> list[int]:
    """The indexes of the complete shards in `folder`, in order."""
    if not folder.is_dir():
        raise ShardError(f"{folder} is not a folder of Parquet shards")
    found = (_PART_RE.match(name) for name in os.listdir(folder))
    return sorted(int(m.group(1)) for m in found if m)


def clear_shards(folder: Path) -> int:
    """Create `folder`, or remove the shard files a previous run left in it (only files
    named like shards); returns how many were removed."""
    folder.mkdir(parents=True, exist_ok=True)
    removed = 0
    for name in sorted(os.listdir(folder)):
        if _ANY_PART_RE.match(name):
            (folder / name).unlink()
            removed += 1
    return removed


def _open(pq: Any, path: Path) -> Any:
    try:
        handle = pq.ParquetFile(path)
    except (OSError, ValueError) as e:
        raise ShardError(f"{path} is not a readable Parquet shard ({e})") from e
    meta = handle.schema_arrow.metadata or {}
    version = meta.get(_META_SCHEMA, b"?").decode()
    codec = meta.get(_META_CODEC, b"?").decode()
    if version != str(SCHEMA_VERSION) or codec != str(CODEC_VERSION):
        raise ShardError(
            f"{path} was written with shard schema {version} and codec {codec}; this storyline "
            f"reads schema {SCHEMA_VERSION}, codec {CODEC_VERSION}. Fix: prepare the articles "
            f"again into an empty folder"
        )
    return handle


def iter_shard_articles(path: Path, batch_rows: int = READ_BATCH_ROWS) -> Iterator[Outcome]:
    """The articles of one articles file, in file order (by id), `batch_rows` at a time."""
    _, pq = import_pyarrow()
    handle = _open(pq, path)
    for batch in handle.iter_batches(batch_size=batch_rows, columns=["id", "seq", "article"]):
        for row in batch.to_pylist():
            yield Outcome(row["seq"], row["id"], article_from_json(row["article"]))


def read_shard_skips(path: Path) -> list[Outcome]:
    """The skips of one skips file, in file order."""
    _, pq = import_pyarrow()
    table = _open(pq, path).read()
    return [
        Outcome(row["seq"], row["key"], Skip(row["path"], row["reason"], row["detail"]))
        for row in table.to_pylist()
    ]


_Keyed = tuple[str, int, int, Article | Skip]  # (key, shard, seq, item)


def _keyed_articles(index: int, path: Path) -> Iterator[_Keyed]:
    for o in iter_shard_articles(path):
        yield (o.key or "", index, o.seq, o.item)


def read_shards(folder: Path) -> Iterator[Article | Skip]:
    """Every shard of `folder` merged: articles in id order, each id once (the first in
    input order), and every skip, duplicates explained (see the module's docstring)."""
    indexes = shard_indexes(folder)
    keyed_skips: list[_Keyed] = []
    for index in indexes:
        for o in read_shard_skips(shard_files(folder, index)[1]):
            if o.key is None:
                yield o.item
            else:
                keyed_skips.append((o.key, index, o.seq, o.item))
    keyed_skips.sort(key=lambda k: k[:3])
    streams = [_keyed_articles(i, shard_files(folder, i)[0]) for i in indexes]
    merged = heapq.merge(*streams, keyed_skips, key=lambda k: k[:3])
    for _, group in itertools.groupby(merged, key=lambda k: k[0]):
        rows = iter(group)
        first = next(rows)[3]
        if isinstance(first, Skip) and first.reason == "duplicate" and not first.detail:
            raise ShardError(f"a duplicate of {first.path} without its first copy in {folder}")
        yield first
        for row in rows:
            yield Skip(row[3].path, "duplicate", f"same text and source as {first.path}")
