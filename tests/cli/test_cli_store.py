"""`storyline add`, `build --store` and `search`: the real commands on the bundled examples."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.stories import StoryStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _doc(out: Path) -> dict[str, object]:
    doc: dict[str, object] = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    return doc


def test_add_build_and_search_a_store(tmp_path: Path) -> None:
    db = str(tmp_path / "nile.db")
    code, out = _run("add", str(EXAMPLES), "--store", db)
    assert code == 0, out
    assert "added 14 articles, 0 held already, skipped 1" in out
    code, out = _run("add", str(EXAMPLES / "01_foundation_stone.txt"), "--store", db)
    assert code == 0 and "added 0 articles, 1 held already" in out
    code, out = _run("build", "--store", db, "-o", str(tmp_path / "s"), "--format", "json")
    assert code == 0, out
    code, out = _run("build", str(EXAMPLES), "-o", str(tmp_path / "f"), "--format", "json")
    assert code == 0, out
    assert _doc(tmp_path / "s") == _doc(tmp_path / "f")
    code, out = _run("search", "Khartoum declaration", "--store", db, "--json")
    assert code == 0, out
    hits = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert hits and all(h["path"].startswith(str(EXAMPLES)) for h in hits)
    assert hits[0]["path"].endswith("09_nile_basin_monitor.jsonl#L1")
    assert hits[0]["published"] == "2015-03-23" and "Khartoum" in hits[0]["text"]
    story = _doc(tmp_path / "s")["story"]
    assert isinstance(story, dict) and hits[0]["stories"] == [story["title"]]


def test_build_needs_articles_or_a_store_and_says_what_to_do(tmp_path: Path) -> None:
    code, out = _run("build", "-o", str(tmp_path / "out"))
    assert code == 2 and "give ARTICLES" in out
    code, out = _run("build", "--store", str(tmp_path / "none.db"), "-o", str(tmp_path / "o"))
    assert code == 2 and "storyline add ARTICLES... --store" in out
    assert not (tmp_path / "none.db").exists()
    code, out = _run("build", str(EXAMPLES), "--store", "x.db", "-o", str(tmp_path / "o"))
    assert code == 2 and "storyline add" in out
    code, out = _run("search", "dam", "--store", str(tmp_path / "none.db"))
    assert code == 2


def test_building_an_empty_store_says_how_to_add_articles(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    code, out = _run("add", str(tmp_path / "nothing-here"), "--store", str(db))
    assert code == 0 and "skipped 1" in out  # a missing path is listed, not stored
    code, out = _run("build", "--store", str(db), "-o", str(tmp_path / "out"))
    assert code == 1 and "none of the 1 input could be used (missing: 1)" in out
    StoryStore(tmp_path / "new.db").close()
    code, out = _run("build", "--store", str(tmp_path / "new.db"), "-o", str(tmp_path / "o"))
    assert code == 1 and "holds no article" in out and "storyline add" in out
    assert not (tmp_path / "o").exists()


def test_add_checks_the_executor_like_build(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text("x", encoding="utf-8")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        cli, ["add", str(story), "--store", str(db), "--executor", "threads"]
    )
    assert result.exit_code == 2
    assert "use auto, serial, processes:N" in result.output
    assert not db.exists()  # refused before the store is touched
