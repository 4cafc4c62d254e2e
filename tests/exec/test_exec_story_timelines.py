"""`storyline stories` on the mixed fixture pile with each story's timeline built serially,
in two worker processes and as Ray tasks on a real local cluster of two nodes (one CPU each):
stories.json and every file of every story are the same bytes, apart from the executor the
run records in its provenance. With a store too: changes.json and the timelines kept in the
store. Real pipeline, real spaCy, the real CLI (the Ray runs are skipped when Ray is not
installed; with `ray` and no store the workers also read the pile, through Parquet shards)."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli

HAS_RAY = importlib.util.find_spec("ray") is not None
pytestmark = pytest.mark.slow
PILE = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
FORMATS = "json,md,html,csv,timelinejs"
ON_WORKERS = [
    "processes:2",
    pytest.param(
        "ray", marks=pytest.mark.skipif(not HAS_RAY, reason="pip install 'storyline[distributed]'")
    ),
]
# the one run setting a file records: provenance.config.executor (JSON, HTML-escaped JSON)
EXECUTOR_VALUE = re.compile(r'(executor(?:&quot;|")\s*:\s*(?:&quot;|"))[^&"]*')

Files = dict[str, str]


def _files(out: Path) -> Files:
    """Every file under `out` by its relative path, the executor's name made equal."""
    return {
        str(p.relative_to(out)): EXECUTOR_VALUE.sub(r"\1?", p.read_text(encoding="utf-8"))
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _stories(out: Path, executor: str, *more: str) -> Files:
    args = ["-q", "stories", *more, "-o", str(out), "--format", FORMATS, "--executor", executor]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return _files(out)


def _kept(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT id, title, timeline FROM stories ORDER BY id").fetchall()
        links = conn.execute("SELECT * FROM story_articles ORDER BY story, article").fetchall()
    # the kept timeline.json documents record the executor too
    return {"stories": [EXECUTOR_VALUE.sub(r"\1?", str(r)) for r in rows], "links": links}


def _grown(work: Path, executor: str) -> tuple[Files, Files, dict[str, Any]]:
    """A store given the first nine files of the pile, then the rest: both runs' files and
    what the store keeps."""
    work.mkdir()
    db = work / "s.db"
    paths = [str(p) for p in sorted(PILE.glob("*.txt"))]
    before = _stories(work / "first", executor, "--store", str(db), *paths[:9])
    after = _stories(work / "then", executor, "--store", str(db), *paths[9:])
    return before, after, _kept(db)


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> Files:
    files = _stories(tmp_path_factory.mktemp("serial"), "serial", str(PILE))
    stories = [name for name in files if name.endswith("/timeline.json")]
    assert len(stories) == 3 and "stories.json" in files
    return files


@pytest.fixture(scope="module")
def serial_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Files, Files, dict[str, Any]]:
    grown = _grown(tmp_path_factory.mktemp("store") / "serial", "serial")
    assert any(name.endswith("changes.json") for name in grown[1])
    assert '"first_build": false' in " ".join(grown[1].values())
    return grown


def _on(executor: str, request: pytest.FixtureRequest) -> None:
    if executor == "ray":
        import ray

        request.getfixturevalue("cluster")  # the two-node cluster of conftest.py
        assert len([n for n in ray.nodes() if n["Alive"]]) == 2


@pytest.mark.parametrize("executor", ON_WORKERS)
def test_story_timelines_on_workers_are_the_serial_files(
    executor: str, serial: Files, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    _on(executor, request)
    files = _stories(tmp_path / "out", executor, str(PILE))
    assert files.keys() == serial.keys()
    for name, text in serial.items():
        assert files[name] == text, f"{name} differs on {executor}"
    # the executor is recorded, so the runs compared did differ
    raw = (tmp_path / "out" / "stories.json").read_text(encoding="utf-8")
    assert f'"executor": "{executor}"' in raw


@pytest.mark.parametrize("executor", ON_WORKERS)
def test_stories_from_a_store_keep_the_serial_changes_on_workers(
    executor: str,
    serial_store: tuple[Files, Files, dict[str, Any]],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    _on(executor, request)
    before, after, kept = _grown(tmp_path / "work", executor)
    assert before == serial_store[0]
    assert after == serial_store[1]
    assert kept == serial_store[2]
