"""A Ray run from paths on a real local cluster of two nodes (one CPU each): the workers read
JSONL, .jsonl.gz, WARC and text files, prepare them and write Parquet shards, and the timeline
is byte-identical to a serial run's (skipped when Ray is not installed)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

import storyline
from storyline.config import Config
from storyline.model import Timeline
from storyline.pipeline import prepare_sharded, timeline_from
from storyline.render import render
from storyline.store.parquet import read_shards, shard_indexes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from warc_writer import Page, page_html, write_warc  # needs the path above

HAS_RAY = importlib.util.find_spec("ray") is not None
pytestmark = [
    pytest.mark.skipif(not HAS_RAY, reason="pip install 'storyline[distributed]'"),
    pytest.mark.slow,
]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
QUERY = "Renaissance Dam"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n")[1:] if p.strip()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sharded")
    shutil.copytree(EXAMPLES, root / "examples")
    records = [
        json.loads(line)
        for line in (EXAMPLES / "09_nile_basin_monitor.jsonl").read_text().splitlines()
        if line.strip()
    ]
    # copies of the records of another shard (the first twice: once more in this shard)
    wire = [records[0], records[-1], records[0]]
    # and a wire copy from another outlet, edited: a near-duplicate for syndication
    edited = records[0]["maintext"].replace("on Monday", "on Monday in Khartoum")
    wire.append({**records[0], "maintext": edited, "source": "Nile Wire Service"})
    lines = [json.dumps(r) for r in wire] + ["{broken"]
    (root / "wire.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode(), mtime=0))
    kinshasa = _paragraphs(EXAMPLES / "08_kinshasa_talks.txt")
    pages = [
        Page("", b"software: tests\r\n", kind="warcinfo"),
        Page(
            "https://nile.example/2021/04/06/kinshasa-talks-end",
            page_html("Dam talks in Kinshasa end without a deal", kinshasa),
            date="2021-04-07T09:00:00Z",
        ),
        Page("https://nile.example/gone", b"<html>gone</html>", status="404 Not Found"),
        Page("https://nile.example/a.pdf", b"%PDF-1.4", content_type="application/pdf"),
    ]
    write_warc(root / "crawl.warc.gz", pages)
    return root


def _json(timeline: Timeline) -> str:
    """timeline.json as written, with the settings that say how it was run made equal."""
    config = timeline.provenance.config
    for key in ("executor", "cache", "shards"):
        config[key] = None
    return render(timeline, "json")


def test_ray_shards_give_the_serial_timeline(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    import ray

    assert len([n for n in ray.nodes() if n["Alive"]]) == 2
    shards = tmp_path / "shards"
    on_ray = storyline.build([corpus], Config(query=QUERY, executor="ray", shards=str(shards)))
    serial = storyline.build([corpus], Config(query=QUERY, executor="serial"))
    assert _json(on_ray) == _json(serial)
    # the JSONL files split between shards, each preparing every k-th record
    cfg = Config(query=QUERY, executor="ray")
    split = timeline_from(prepare_sharded([corpus], cfg, split_bytes=1000), cfg)
    assert _json(split) == _json(serial)
    # kept: crawl.warc.gz; examples/01-08; its .jsonl; examples/10-14; wire.jsonl.gz
    assert shard_indexes(shards) == [0, 1, 2, 3, 4]
    merged = list(read_shards(shards))
    assert sum(isinstance(m, storyline.Article) for m in merged) >= len(on_ray.articles)
    reasons = {s.reason for s in on_ray.skipped}
    assert {"duplicate", "http-status", "unsupported", "not-article", "malformed"} <= reasons
    dups = [s for s in on_ray.skipped if s.reason == "duplicate"]
    firsts = [s.detail.rsplit("#", 1)[-1] for s in dups]  # of wire.jsonl.gz#L1, L2, L3
    assert firsts == ["L1", "L2", "L1"] and all("09_nile_basin" in s.detail for s in dups)
    warc = [a for a in on_ray.articles if "crawl.warc.gz#R2" in a.path]
    assert warc and str(warc[0].crawled) == "2021-04-07"
    # syndication's pairs, found on the cluster, put the edited copy with its original
    copy = next(a for a in on_ray.articles if a.path.endswith("wire.jsonl.gz#L4"))
    first = next(a for a in on_ray.articles if a.path.endswith("09_nile_basin_monitor.jsonl#L1"))
    assert copy.syndication_group == first.syndication_group
    assert (copy.duplicate_of, first.duplicate_of) in {(first.id, None), (None, copy.id)}


def test_near_duplicate_pairs_on_ray_equal_the_serial_ones(cluster: Any) -> None:
    from storyline.corpus.syndication.bands import similar_pairs_on
    from storyline.corpus.syndication.groups import similar_pairs
    from storyline.exec.distributed import RayExecutor

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus" / "syndication"))
    from syndication_texts import planted_texts

    texts = planted_texts()
    with RayExecutor() as ex:  # the cluster's session, left running
        assert similar_pairs_on(ex, texts, 0.8) == similar_pairs(texts, 0.8, "minhash")


def test_cli_build_on_ray_keeps_its_shards(corpus: Path, cluster: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli.main import cli

    out, shards = tmp_path / "out", tmp_path / "kept"
    args = ["-q", "build", str(corpus / "wire.jsonl.gz"), "-o", str(out), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--executor", "ray", "--shards", str(shards)])
    assert result.exit_code == 0, result.output
    doc = json.loads((out / "timeline.json").read_text())
    assert doc["provenance"]["config"]["shards"] == str(shards)
    assert shard_indexes(shards) == [0] and (shards / "part-00000.done").is_file()
