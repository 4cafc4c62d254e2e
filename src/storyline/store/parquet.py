"""Prepared articles as Parquet shards: what the document stages write on the workers and
the corpus stages read back as one stream, sorted by article id.

    write_shard(folder, 3, outcomes)              # part-00003-0000.articles.parquet ...
    for item in read_shards(folder): ...          # Article (by id) | Skip, duplicates resolved

A shard holds the *outcomes* of the input records of one piece of the input (a JSONL or
WARC file, a group of small files), each with its `seq` (the record's place in that piece)
and `key` (the id of the ingested article; none for a record that was never an article).
A worker writes them in pieces of `ARTICLES_PER_PIECE` articles (and the skips met
meanwhile), so its memory does not grow with its input; each piece is two files:

- `part-SSSSS-PPPP.articles.parquet`: one row per prepared `Article`, sorted by (`id`, `seq`):
  `id`, `seq`, `published_start` / `published_end` (date32, null when undated: a reader
  can select a time window without decoding a row) and `article`, the article as the
  store's JSON (`store.codec.article_to_json`, exact round trip), zstd-compressed.
- `part-SSSSS-PPPP.skips.parquet`: one row per `Skip`: `key`, `seq`, `path`, `reason`,
  `detail`. A row with reason "duplicate" and a key is a later copy of an article within
  the shard; its detail is written when the shards are merged (the first copy may be in
  another one).

and `part-SSSSS.done` (JSON: pieces, articles, skips, order), written last, marks the shard
complete. The schema version (`SCHEMA_VERSION`) and the codec's are in each Parquet file's
metadata; a file of another version is refused with a `ShardError`. Every file is written
to a temporary name and renamed.

`read_shards` merges the shards by (id, order, seq), `order` being the shard's place in the
input (its index, or the index of the file it shares with other shards, each of which takes
every k-th record of it): the first record of an id wins, as in a serial run, and every
later one becomes
Skip("duplicate", "same text and source as <first path>"). It holds one batch of rows per
piece and the skips that carry a key, never all articles.
"""

from __future__ import annotations

import heapq
import itertools
import json
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
ROW_GROUP_ROWS = 1000  # rows per row group: about 30 MB of article JSON before compression
ARTICLES_PER_PIECE = 2000  # prepared articles a worker holds before it writes them
READ_BATCH_ROWS = 32  # rows per shard held by the merge
_DONE_RE = re.compile(r"^part-(\d{5,})\.done$")
_ANY_PART_RE = re.compile(r"^part-\d{5,}(?:-\d{4,}\.(?:articles|skips)\.parquet|\.done)(?:\.tmp)?$")
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


class ShardWriter:
    """Writes shard `index` of `folder` piece by piece, so a worker holds at most
    `articles_per_piece` prepared articles (and the skips between them), whatever the size
    of its input; `close()` writes the marker that makes the shard complete.

    Outcomes must be added in record order. Writing the same outcomes again gives the same
    bytes."""

    def __init__(
        self,
        folder: Path,
        index: int,
        articles_per_piece: int = ARTICLES_PER_PIECE,
        order: int | None = None,
    ) -> None:
        self._pa, self._pq = import_pyarrow()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.index = index
        self.order = index if order is None else order
        self.articles_per_piece = max(1, articles_per_piece)
        self._pending: list[Outcome] = []
        self._pending_articles = 0
        self.pieces = 0
        self.articles = 0
        self.skips = 0

    def add(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            self._pending.append(outcome)
            if isinstance(outcome.item, Article):
                self._pending_articles += 1
                if self._pending_articles >= self.articles_per_piece:
                    self._flush()

    def _flush(self) -> None:
        pa, pq = self._pa, self._pq
        pending = self._pending
        articles = sorted(
            (o for o in pending if isinstance(o.item, Article)), key=lambda o: (o.item.id, o.seq)
        )
        skips = sorted(
            (o for o in pending if isinstance(o.item, Skip)), key=lambda o: (o.seq, o.item.path)
        )
        articles_schema, skips_schema = _schemas(pa)
        articles_file, skips_file = shard_files(self.folder, self.index, self.pieces)
        rows = [_skip_row(o) for o in skips]
        _write_table(pq, pa.Table.from_pylist(rows, schema=skips_schema), skips_file)
        rows = [_article_row(o) for o in articles]
        _write_table(pq, pa.Table.from_pylist(rows, schema=articles_schema), articles_file)
        self.pieces += 1
        self.articles += len(articles)
        self.skips += len(skips)
        self._pending, self._pending_articles = [], 0

    def close(self) -> tuple[int, int]:
        """Write what is pending and the shard's marker; returns (articles, skips)."""
        if self._pending or self.pieces == 0:
            self._flush()
        marker = _marker(self.folder, self.index)
        tmp = marker.with_name(marker.name + ".tmp")
        counts = {"pieces": self.pieces, "articles": self.articles, "skips": self.skips}
        tmp.write_text(json.dumps({**counts, "order": self.order}))
        os.replace(tmp, marker)
        return self.articles, self.skips


def write_shard(
    folder: Path,
    index: int,
    outcomes: Iterable[Outcome],
    articles_per_piece: int = ARTICLES_PER_PIECE,
) -> tuple[int, int]:
    """Write shard `index` of `folder` (created if needed) from outcomes in record order;
    returns (articles, skips)."""
    writer = ShardWriter(folder, index, articles_per_piece)
    writer.add(outcomes)
    return writer.close()


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


def shard_files(folder: Path, index: int, piece: int = 0) -> tuple[Path, Path]:
    """(articles file, skips file) of piece `piece` of shard `index` in `folder`."""
    stem = f"part-{index:05d}-{piece:04d}"
    return folder / f"{stem}.articles.parquet", folder / f"{stem}.skips.parquet"


def _marker(folder: Path, index: int) -> Path:
    return folder / f"part-{index:05d}.done"


def shard_indexes(folder: Path) -> list[int]:
    """The indexes of the complete shards in `folder` (those with a marker), in order."""
    if not folder.is_dir():
        raise ShardError(f"{folder} is not a folder of Parquet shards")
    found = (_DONE_RE.match(name) for name in os.listdir(folder))
    return sorted(int(m.group(1)) for m in found if m)


def _read_marker(folder: Path, index: int) -> tuple[int, int]:
    """(pieces, order) of a complete shard."""
    marker = _marker(folder, index)
    try:
        data = json.loads(marker.read_text())
        return int(data["pieces"]), int(data.get("order", index))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ShardError(f"{marker} is not a shard marker ({e}): prepare again") from e


def shard_pieces(folder: Path, index: int) -> list[tuple[Path, Path]]:
    """The (articles, skips) files of each piece of a complete shard, in record order."""
    pieces, _ = _read_marker(folder, index)
    return [shard_files(folder, index, piece) for piece in range(pieces)]


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
    keyed_skips: list[_Keyed] = []
    streams: list[Iterator[_Keyed]] = []
    for index in shard_indexes(folder):
        _, order = _read_marker(folder, index)
        for articles_file, skips_file in shard_pieces(folder, index):
            for o in read_shard_skips(skips_file):
                if o.key is None:
                    yield o.item
                else:
                    keyed_skips.append((o.key, order, o.seq, o.item))
            streams.append(_keyed_articles(order, articles_file))
    keyed_skips.sort(key=lambda k: k[:3])
    merged = heapq.merge(*streams, keyed_skips, key=lambda k: k[:3])
    for _, group in itertools.groupby(merged, key=lambda k: k[0]):
        rows = iter(group)
        first = next(rows)[3]
        if isinstance(first, Skip) and first.reason == "duplicate" and not first.detail:
            raise ShardError(f"a duplicate of {first.path} without its first copy in {folder}")
        yield first
        for row in rows:
            yield Skip(row[3].path, "duplicate", f"same text and source as {first.path}")
