"""Parquet shards of prepared articles (real pyarrow): exact round trip, sorted by id,
deterministic bytes, versioned, and duplicates across shards resolved as a serial run does."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from storyline.model import Article, DateInterval, Granularity, Skip
from storyline.store.parquet import (
    Outcome,
    ShardError,
    clear_shards,
    iter_shard_articles,
    read_shard_skips,
    read_shards,
    shard_files,
    shard_indexes,
    shard_pieces,
    write_shard,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_strategies import articles  # needs the path above

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pyarrow") is None, reason="pip install 'storyline[distributed]'"
)
DAY = DateInterval(dt.date(2020, 7, 15), dt.date(2020, 7, 15), Granularity.DAY)


def _article(key: str, path: str, dated: bool = True) -> Article:
    return Article(id=key, path=path, raw_text=f"text of {key}", published=DAY if dated else None)


@settings(max_examples=40, deadline=None)
@given(articles)
def test_an_article_comes_back_exactly(article: Article) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_shard(folder, 0, [Outcome(1, article.id, article)])
        assert list(read_shards(folder)) == [article]


def test_rows_are_sorted_by_id_with_date_columns_and_bytes_repeat(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    outcomes = [
        Outcome(1, "a-c", _article("a-c", "f#L1")),
        Outcome(2, None, Skip("f#L2", "malformed", "line 2: not JSON")),
        Outcome(3, "a-a", _article("a-a", "f#L3", dated=False)),
        Outcome(4, "a-b", _article("a-b", "f#L4")),
    ]
    assert write_shard(tmp_path / "one", 0, outcomes) == (3, 1)
    write_shard(tmp_path / "two", 0, list(reversed(outcomes)))
    table = pq.read_table(shard_files(tmp_path / "one", 0)[0])
    assert table.column("id").to_pylist() == ["a-a", "a-b", "a-c"]
    assert table.column("published_start").to_pylist() == [None, DAY.start, DAY.start]
    assert table.schema.metadata[b"storyline.shard_schema"] == b"1"
    for one, two in zip(
        shard_files(tmp_path / "one", 0), shard_files(tmp_path / "two", 0), strict=True
    ):
        assert one.read_bytes() == two.read_bytes()
    assert [o.item.id for o in iter_shard_articles(shard_files(tmp_path / "one", 0)[0])] == [
        "a-a",
        "a-b",
        "a-c",
    ]
    assert [o.seq for o in read_shard_skips(shard_files(tmp_path / "one", 0)[1])] == [2]


def test_merge_keeps_the_first_copy_in_input_order_and_explains_the_rest(
    tmp_path: Path,
) -> None:
    # shard 0: x (an article), y (cleaned away: a skip with its key)
    write_shard(
        tmp_path,
        0,
        [
            Outcome(1, "x", _article("x", "s0#1")),
            Outcome(2, "y", Skip("s0#2", "not-article", "too short")),
        ],
    )
    # shard 1: y again (prepared this time), x again twice (the second marked in-shard)
    write_shard(
        tmp_path,
        1,
        [
            Outcome(1, "y", _article("y", "s1#1")),
            Outcome(2, "x", _article("x", "s1#2")),
            Outcome(3, "x", Skip("s1#3", "duplicate", "")),
            Outcome(4, None, Skip("s1", "unreadable", "stopped")),
        ],
    )
    out = list(read_shards(tmp_path))
    assert [a.path for a in out if isinstance(a, Article)] == ["s0#1"]
    skips = {s.path: (s.reason, s.detail) for s in out if isinstance(s, Skip)}
    assert skips == {
        "s0#2": ("not-article", "too short"),
        "s1#1": ("duplicate", "same text and source as s0#2"),
        "s1#2": ("duplicate", "same text and source as s0#1"),
        "s1#3": ("duplicate", "same text and source as s0#1"),
        "s1": ("unreadable", "stopped"),
    }


def test_another_schema_version_is_refused_with_the_fix(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    write_shard(tmp_path, 0, [Outcome(1, "x", _article("x", "f"))])
    path = shard_files(tmp_path, 0)[0]
    table = pq.read_table(path)
    meta = {**table.schema.metadata, b"storyline.shard_schema": b"99"}
    pq.write_table(table.replace_schema_metadata(meta), path)
    with pytest.raises(ShardError, match=r"schema 99.*empty folder"):
        list(read_shards(tmp_path))


def test_clear_removes_only_shard_files_and_incomplete_shards_are_not_read(
    tmp_path: Path,
) -> None:
    write_shard(tmp_path, 0, [Outcome(1, "x", _article("x", "f"))])
    write_shard(tmp_path, 1, [Outcome(1, "y", _article("y", "g"))])
    (tmp_path / "part-00001.done").unlink()  # shard 1 never finished
    (tmp_path / "notes.txt").write_text("mine")
    assert shard_indexes(tmp_path) == [0]
    assert [a.id for a in read_shards(tmp_path)] == ["x"]
    assert clear_shards(tmp_path) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(ShardError, match="not a folder"):
        shard_indexes(tmp_path / "missing")


def test_an_article_with_every_field_survives(tmp_path: Path) -> None:
    article = dataclasses.replace(_article("z", "f"), title="T", url="https://x.example/a")
    write_shard(tmp_path, 7, [Outcome(5, "z", article)])
    assert list(read_shards(tmp_path)) == [article]


def test_a_shard_in_pieces_reads_as_one(tmp_path: Path) -> None:
    outcomes = [Outcome(n, f"a-{9 - n}", _article(f"a-{9 - n}", f"f#{n}")) for n in range(1, 8)]
    outcomes.insert(3, Outcome(30, None, Skip("f#bad", "malformed", "not JSON")))
    assert write_shard(tmp_path / "pieces", 0, outcomes, articles_per_piece=3) == (7, 1)
    write_shard(tmp_path / "whole", 0, outcomes)
    assert len(shard_pieces(tmp_path / "pieces", 0)) == 3
    assert list(read_shards(tmp_path / "pieces")) == list(read_shards(tmp_path / "whole"))
    ids = [a.id for a in read_shards(tmp_path / "pieces") if isinstance(a, Article)]
    assert ids == sorted(ids) and len(ids) == 7
