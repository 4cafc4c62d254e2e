"""`storyline add` survives kill -9: a subprocess adding a generated corpus is killed with
SIGKILL mid-write, again and again; the store stays consistent (no duplicate row), a re-run
adds exactly what is missing, and the build from the store equals a clean one. Real
subprocesses, real SQLite, real spaCy."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from .faults import integrity, kill_loop, kill_mid_write, run_once, timed, write_articles

ARTICLES = 120
KILLS = 4
SMALL_BATCHES = ("--set", "annotate.batch_size=8")  # many transactions to be killed in


def _add(corpus: Path) -> list[str]:
    return ["add", str(corpus), "--store", "story.db", *SMALL_BATCHES]


def _build() -> list[str]:
    return [
        "-q",
        "build",
        "--store",
        "story.db",
        "-o",
        "out",
        "--format",
        "json,md,csv",
        *SMALL_BATCHES,
    ]


def _outputs(work: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((work / "out").iterdir())}


def _members(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        rows, ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM members").fetchone()
        return int(rows), int(ids)
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_during_add_then_a_rerun_adds_exactly_what_is_missing(tmp_path: Path) -> None:
    corpus = write_articles(tmp_path / "in", ARTICLES)
    clean = tmp_path / "clean"
    clean.mkdir()
    proc, seconds = timed(_add(corpus), clean)
    assert proc.returncode == 0, proc.stderr
    assert f"added {ARTICLES} articles, 0 held already" in proc.stderr
    assert run_once(_build(), clean).returncode == 0
    expected = _outputs(clean)

    work = tmp_path / "killed"
    work.mkdir()
    db = work / "story.db"
    # first killed as soon as the first batch is in, surely mid-write; then at random points
    assert kill_mid_write(["-q", *_add(corpus)], work, db, "members", 1) > 0
    first, _ = _members(db)
    assert 0 < first < ARTICLES
    loop = kill_loop(["-q", *_add(corpus)], work, runs=KILLS, span=max(2.0, seconds))
    assert loop.killed_at, "no run was killed: the span is too short"
    assert integrity(db)[0] == "ok"
    held, distinct = _members(db)
    assert held == distinct and held >= first
    proc = run_once(_add(corpus), work)
    assert proc.returncode == 0, proc.stderr
    found = re.search(r"added (\d+) articles?, (\d+) held already", proc.stderr)
    assert found, proc.stderr
    assert (int(found[1]), int(found[2])) == (ARTICLES - held, held)
    assert _members(work / "story.db") == (ARTICLES, ARTICLES)
    check, rows, ids = integrity(work / "story.db")
    assert (check, rows, ids) == ("ok", ARTICLES, ARTICLES)
    assert run_once(_build(), work).returncode == 0
    assert _outputs(work) == expected
