"""The store and the prepare cache survive faults: kill -9 at random points then a re-run
gives output byte-identical to a clean run; two runs share one cache file; a cache file
that is garbage, empty, truncated or another program's database gives a clear message,
never a silent wrong result. Real subprocesses, real SQLite (bench/reliability.py runs the
2,000-article, 10-kill version)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from .faults import integrity, kill_loop, run_once, timed, write_articles

ARTICLES = 120
KILLS = 4


def _args(corpus: Path, cache: str = "cache.db") -> list[str]:
    return ["-q", "build", str(corpus), "-o", "out", "--cache", cache, "--format", "json,md,csv"]


def _outputs(work: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((work / "out").iterdir())}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], float]:
    root = tmp_path_factory.mktemp("faults")
    corpus = write_articles(root / "in", ARTICLES)
    work = root / "clean"
    work.mkdir()
    proc, seconds = timed(_args(corpus), work)
    assert proc.returncode == 0, proc.stderr
    return corpus, _outputs(work), seconds


@pytest.mark.slow
def test_kill_9_at_random_points_then_a_rerun_matches_a_clean_run(
    clean: tuple[Path, dict[str, bytes], float], tmp_path: Path
) -> None:
    corpus, expected, seconds = clean
    work = tmp_path / "killed"
    work.mkdir()
    loop = kill_loop(_args(corpus), work, runs=KILLS, span=max(2.0, seconds))
    assert loop.killed_at, "no run was killed: the span is too short"
    if (work / "cache.db").exists():
        check, rows, ids = integrity(work / "cache.db")
        assert check == "ok" and rows == ids
    proc = run_once(_args(corpus), work)
    assert proc.returncode == 0, proc.stderr
    assert _outputs(work) == expected
    check, rows, ids = integrity(work / "cache.db")
    assert (check, rows, ids) == ("ok", ARTICLES, ARTICLES)


@pytest.mark.slow
def test_two_runs_share_one_cache_file(
    clean: tuple[Path, dict[str, bytes], float], tmp_path: Path
) -> None:
    corpus, expected, _ = clean
    works = [tmp_path / "a", tmp_path / "b"]
    cache = str(tmp_path / "shared.db")
    procs = []
    for work in works:
        work.mkdir()
        procs.append(
            subprocess.Popen(
                [*_cmd(_args(corpus, cache))],
                cwd=work,
                env=_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for p in procs:
        _, err = p.communicate(timeout=900)
        assert p.returncode == 0, err
    first, second = (_outputs(w) for w in works)
    assert first == second
    # the same bytes as the clean run but for the cache path in provenance.config
    assert first["timeline.md"] == expected["timeline.md"]
    assert integrity(Path(cache)) == ("ok", ARTICLES, ARTICLES)


def _cmd(args: list[str]) -> list[str]:
    from .conftest import storyline_cmd

    return storyline_cmd(*args)


def _env() -> dict[str, str]:
    from .conftest import cli_env

    return cli_env()


def _small_corpus(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "in", 3)


@pytest.mark.parametrize("kind", ["garbage", "foreign", "truncated"])
def test_a_bad_cache_file_is_refused_with_a_clear_message(tmp_path: Path, kind: str) -> None:
    corpus = _small_corpus(tmp_path)
    cache = tmp_path / "cache.db"
    if kind == "garbage":
        cache.write_bytes(b"this is not a database\n" * 100)
    elif kind == "foreign":
        conn = sqlite3.connect(cache)
        conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO users (name) VALUES ('ada')")
        conn.commit()
        conn.close()
    else:
        assert run_once(_args(corpus, str(cache)), tmp_path).returncode == 0
        data = cache.read_bytes()
        cache.write_bytes(data[: len(data) // 3])
    before = cache.read_bytes()
    proc = run_once(_args(corpus, str(cache)), tmp_path)
    assert "Traceback" not in proc.stderr
    if kind == "truncated" and proc.returncode == 0:
        # SQLite could still read what was left: then the result must be the right one
        fresh = tmp_path / "fresh"
        fresh.mkdir()
        assert run_once(_args(corpus, "other.db"), fresh).returncode == 0
        assert _outputs(tmp_path)["timeline.md"] == _outputs(fresh)["timeline.md"]
        return
    assert proc.returncode != 0
    assert "Error:" in proc.stderr and "--cache" in proc.stderr, proc.stderr
    if kind == "foreign":
        assert "another program" in proc.stderr
        conn = sqlite3.connect(cache)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
        assert tables == {"users"}  # storyline added nothing
    if kind == "garbage":
        assert cache.read_bytes() == before


def test_an_empty_cache_file_is_a_new_cache(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path)
    (tmp_path / "cache.db").write_bytes(b"")
    proc = run_once(_args(corpus), tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert integrity(tmp_path / "cache.db") == ("ok", 3, 3)


def test_a_renamed_file_or_changed_header_is_not_a_stale_hit(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path)
    assert run_once(_args(corpus), tmp_path).returncode == 0
    (corpus / "00000.txt").rename(corpus / "renamed.txt")
    second = (corpus / "00001.txt").read_text(encoding="utf-8")
    # the same text (so the same article id) under another date header
    (corpus / "00001.txt").write_text(second.replace(" date 2019-", " date 2020-", 1))
    assert run_once(_args(corpus), tmp_path).returncode == 0
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert run_once(_args(corpus), fresh).returncode == 0
    cached, clean = _outputs(tmp_path), _outputs(fresh)
    assert cached["timeline.md"] == clean["timeline.md"]
    assert b"renamed.txt" in cached["timeline.json"]
