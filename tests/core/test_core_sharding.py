"""Sharded runs without Ray: how the input is cut into shards, and a sharded run in this
process equal to a plain one (real files, real spaCy, real pyarrow)."""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import partial
from pathlib import Path

import pytest

from storyline.config import Config, IngestConfig
from storyline.pipeline import prepare_paths, prepare_sharded, uses_shards
from storyline.sharding import PrepareShard, plan_shards

BODY = (
    "The ministers met in Khartoum on Monday and signed a declaration on the dam. "
    "Officials said the text set out principles for filling the reservoir. "
) * 4


def _corpus(root: Path) -> Path:
    (root / "a").mkdir(parents=True)
    for n in range(5):
        (root / "a" / f"{n}.txt").write_text(f" date 2015-03-2{n} Story {n}. {BODY}\n")
    records = [
        {"text": f"Report {n}. {BODY}", "date": "2015-03-23", "source": "Wire"} for n in range(3)
    ]
    lines = [json.dumps(r) for r in [*records, records[0]]] + ["{bad"]
    (root / "b.jsonl").write_text("\n".join(lines) + "\n")
    (root / "c.jsonl.gz").write_bytes(gzip.compress("\n".join(lines[1:3]).encode(), mtime=0))
    (root / "d.txt").write_text(" date 2015-03-23 Story 1. " + BODY + "\n")  # = a/1.txt
    return root


def test_containers_are_shards_of_their_own_and_small_files_are_grouped(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    tasks, skips = plan_shards([root, tmp_path / "missing"], IngestConfig(), files_per_shard=3)
    names = [[f.path.name for f in t.files] for t in tasks]
    assert names == [
        ["0.txt", "1.txt", "2.txt"],
        ["3.txt", "4.txt"],
        ["b.jsonl"],
        ["c.jsonl.gz"],
        ["d.txt"],
    ]
    assert [t.index for t in tasks] == [0, 1, 2, 3, 4]
    assert [s.reason for s in skips] == ["missing"]


def test_a_large_jsonl_file_is_split_between_shards_of_one_order(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    size = (root / "b.jsonl").stat().st_size
    tasks, _ = plan_shards(
        [root / "b.jsonl", root / "d.txt"], IngestConfig(), split_bytes=size // 3
    )
    assert [(t.order, t.stride, t.offset) for t in tasks] == [
        (0, 4, 0),
        (0, 4, 1),
        (0, 4, 2),
        (0, 4, 3),
        (1, 1, 0),
    ]
    warc = root / "e.warc"
    warc.write_bytes(b"x" * size)  # never split: reading a page costs too much
    tasks, _ = plan_shards([warc], IngestConfig(), split_bytes=10)
    assert [(t.stride, t.offset) for t in tasks] == [(1, 0)]


def test_only_ray_without_a_cache_goes_through_shards() -> None:
    assert uses_shards(Config(executor="ray")) and uses_shards(Config(executor="ray:auto"))
    assert not uses_shards(Config(executor="ray", cache="c.db"))
    assert not uses_shards(Config(executor="processes:2"))


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs pyarrow")
def test_a_sharded_run_equals_a_plain_one(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in")
    cfg = Config(executor="serial", shards=str(tmp_path / "shards"))
    plain = prepare_paths([root], cfg)
    sharded = prepare_sharded([root], cfg)
    assert sharded == plain
    # b.jsonl split between 16 shards, c.jsonl.gz between 2: the copy of b.jsonl#L1 at L4
    # is prepared by another shard than its first, and still reported as the duplicate
    assert prepare_sharded([root], cfg, split_bytes=200) == plain
    reasons = sorted(s.reason for s in plain.skipped)
    assert reasons == ["duplicate"] * 4 + ["malformed"], plain.skipped
    assert len(plain.articles) == 8
    # a second run into the same folder replaces the shards, never adds to them
    assert prepare_sharded([root / "a"], cfg).articles == tuple(
        a for a in plain.articles if "/a/" in a.path
    )


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs pyarrow")
def test_a_worker_writes_its_shard_in_pieces_that_read_as_one(tmp_path: Path) -> None:
    from storyline.pipeline import prepare_batch
    from storyline.store.parquet import read_shards, shard_pieces

    root = _corpus(tmp_path / "in")
    cfg = Config()
    tasks, _ = plan_shards([root / "b.jsonl", root / "a"], cfg.ingest)
    for folder, per_piece in (("small", 1), ("large", 2000)):
        work = PrepareShard(
            partial(prepare_batch, config=cfg), str(tmp_path / folder), cfg.ingest, 2, per_piece
        )
        assert [work(t).records for t in tasks] == [5, 5]
    assert len(shard_pieces(tmp_path / "small", 0)) == 3  # one per article, skips with the last
    assert list(read_shards(tmp_path / "small")) == list(read_shards(tmp_path / "large"))
