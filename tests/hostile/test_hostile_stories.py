"""`storyline stories --store` survives kill -9: a subprocess adding a mixed pile to a store
and writing each story's timeline is killed with SIGKILL mid-write (once as soon as the first
story's timeline is remembered, then at random points); the store stays consistent, and the
re-run gives the same stories.json and the same timelines as one uninterrupted run. Real
subprocesses, real SQLite, real spaCy."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .faults import integrity, kill_loop, kill_mid_write, run_once, timed

PILE = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
KILLS = 3
SMALL_BATCHES = ("--set", "annotate.batch_size=2")  # many transactions to be killed in


def _stories() -> list[str]:
    return ["-q", "stories", str(PILE), "--store", "s.db", "-o", "out", *SMALL_BATCHES]


def _outputs(work: Path) -> dict[str, bytes]:
    """stories.json and every story's timeline.json (changes.json says what changed since the
    store's last build of a story, which a killed run may have made: not compared)."""
    out = work / "out"
    files = [out / "stories.json", *sorted(out.glob("*/timeline.json"))]
    return {str(p.relative_to(out)): p.read_bytes() for p in files}


def _store(db: Path) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        members = conn.execute("SELECT count(*), count(DISTINCT id) FROM members").fetchone()
        stories = conn.execute("SELECT id, title, timeline FROM stories ORDER BY id").fetchall()
        links = conn.execute(
            "SELECT story, article FROM story_articles ORDER BY story, article"
        ).fetchall()
        return {"members": tuple(members), "stories": stories, "links": links}
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_during_stories_store_then_a_rerun_gives_the_uninterrupted_output(
    tmp_path: Path,
) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    proc, seconds = timed(_stories(), clean)
    assert proc.returncode == 0, proc.stderr
    expected, expected_store = _outputs(clean), _store(clean / "s.db")
    found = json.loads(expected["stories.json"])["stories"]
    assert len(found) == 3 and len(expected) == 4  # three stories, each with its timeline
    assert [row[0] for row in expected_store["stories"]] == sorted(s["id"] for s in found)

    work = tmp_path / "killed"
    work.mkdir()
    db = work / "s.db"
    # killed as soon as the first story's timeline is remembered: the others are not yet
    assert kill_mid_write(_stories(), work, db, "stories", 1) > 0
    check, rows, ids = integrity(db)
    assert check == "ok" and rows == ids
    assert len(_store(db)["stories"]) < 3
    loop = kill_loop(_stories(), work, runs=KILLS, span=max(2.0, seconds))
    assert loop.killed_at, "no run was killed: the span is too short"
    check, rows, ids = integrity(db)
    assert check == "ok" and rows == ids
    held, distinct = _store(db)["members"]
    assert held == distinct

    proc = run_once(_stories(), work)
    assert proc.returncode == 0, proc.stderr
    assert _outputs(work) == expected
    assert _store(db) == expected_store
    assert integrity(db) == integrity(clean / "s.db")
