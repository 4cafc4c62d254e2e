"""Fault injection for commands that write the store: kill -9 at random points, runs
sharing one file, damaged files. Reusable by any command (`build --cache`, a later
`storyline add`): give it the argument list and a working folder.

    corpus = write_articles(tmp / "in", 300)
    result = kill_loop(["build", str(corpus), "-o", "out", "--cache", "c.db"], work, runs=4)
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

try:
    from .conftest import cli_env, storyline_cmd
except ImportError:  # run as a script from bench/
    from conftest import cli_env, storyline_cmd  # type: ignore[no-redef]

_TOPICS = ("bridge", "harbour", "dam", "rail line", "power plant", "stadium", "airport")
_PLACES = ("Ostravia", "Lenmark", "Tavria", "Corvel", "Ambria")
_MONTHS = ("January", "February", "March", "April", "May", "June")


def write_articles(folder: Path, n: int, seed: int = 0) -> Path:
    """`n` short, distinct, dated articles about one story, as text files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        topic, place = rng.choice(_TOPICS), rng.choice(_PLACES)
        month, day = rng.randrange(6), rng.randint(1, 28)
        text = (
            f" date 2019-{month + 1:02d}-{day:02d} The council of {place} voted on {day} "
            f"{_MONTHS[month]} 2019 to rebuild the {topic}, officials said in report {i}. "
            f"Engineers had warned in {_MONTHS[max(0, month - 1)]} 2019 that the {topic} "
            f"was failing. Mayor Anna Rolf told reporters on Monday that work would start "
            f"next year and cost {rng.randint(2, 90)} million euros. Residents of {place} "
            f"said the works would disrupt traffic for months."
        )
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


@dataclass
class KillLoop:
    runs: int  # runs killed with SIGKILL
    killed_at: list[float]  # seconds after start
    finished_early: int  # runs that ended before their kill time came


def run_once(args: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        storyline_cmd(*args),
        cwd=cwd,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def kill_loop(args: list[str], cwd: Path, runs: int, span: float, seed: int = 1) -> KillLoop:
    """Start `storyline ARGS` `runs` times in `cwd` and SIGKILL each at a random moment in
    (0.5 s, `span` s): mid-import, mid-batch, mid-transaction."""
    rng = random.Random(seed)
    killed_at: list[float] = []
    early = 0
    for _ in range(runs):
        when = rng.uniform(0.5, span)
        proc = subprocess.Popen(
            storyline_cmd(*args),
            cwd=cwd,
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        try:
            proc.wait(timeout=when)
            early += 1
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_at.append(round(when, 2))
    return KillLoop(runs, killed_at, early)


def rows_in(db: Path, table: str) -> int:
    """The rows of `table` in the store `db` (0 while the file or table does not exist)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def kill_mid_write(
    args: list[str], cwd: Path, db: Path, table: str, at_least: int, timeout: float = 300
) -> int:
    """Start `storyline ARGS` in `cwd` and SIGKILL it as soon as `table` of `db` holds
    `at_least` rows: surely mid-write. Returns the rows seen then (0: it ended first)."""
    proc = subprocess.Popen(
        storyline_cmd(*args),
        cwd=cwd,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            seen = rows_in(db, table)
            if seen >= at_least:
                proc.send_signal(signal.SIGKILL)
                return seen
            time.sleep(0.02)
        return 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def integrity(db: Path) -> tuple[str, int, int]:
    """(PRAGMA integrity_check, rows, distinct ids) of a store file."""
    conn = sqlite3.connect(db)
    try:
        check = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        rows, ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        return check, int(rows), int(ids)
    finally:
        conn.close()


def timed(args: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    proc = run_once(args, cwd)
    return proc, time.perf_counter() - start
