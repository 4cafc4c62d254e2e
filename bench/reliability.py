"""Hostile inputs and faults at full size: the table of docs/reliability.md.

    python bench/reliability.py                       # full scale: 200 MB text, 5 GB bomb...
    python bench/reliability.py --scale small --articles 300 --kills 3

For each case of tests/hostile/corpus.py, `storyline build` runs in its own process (with
the network guard) over that case's inputs: the outcome (skip reasons / used), wall time,
the process's peak memory (ru_maxrss), and the inputs listed in articles[] against those
given. Then the kill -9 loop: a clean cached build of N generated articles, K runs killed
at random moments, a re-run, and the differences from the clean run's outputs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HOSTILE = Path(__file__).resolve().parents[1] / "tests" / "hostile"
sys.path.insert(0, str(HOSTILE))

from faults import integrity, kill_loop, run_once, write_articles  # noqa: E402

from conftest import cli_env, storyline_cmd  # noqa: E402
from corpus import make_corpus  # noqa: E402


def _run(args: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """(exit status, seconds, peak MB, stderr) of one storyline process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            storyline_cmd(*args), cwd=cwd, env=cli_env(), stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, text


def inputs_table(root: Path, scale: str) -> list[str]:
    cases = make_corpus(root / "in", scale)
    rows = [
        "| case | outcome | time | peak memory | inputs listed / given |",
        "|---|---|---|---|---|",
    ]
    crashes = hangs = missing = 0
    # every case runs beside one ordinary article, as in a real pile: a build that can use
    # nothing exits 1 and writes nothing ("none of the inputs could be used"), by design
    control = write_articles(root / "control", 1)
    for i, case in enumerate(cases):
        out = root / f"out{i}"
        # a link is met inside its folder, as in a corpus: a link given as a path is
        # followed (the user named it), and one to / then walks the whole machine
        given = [
            *sorted({str(p.parent if p.is_symlink() else p) for p in case.paths}),
            str(control),
        ]
        args = ["-q", "build", *given, "-o", str(out), "--format", "json"]
        try:
            code, seconds, peak, err = _run(args, root)
        except subprocess.TimeoutExpired:  # pragma: no cover - wait4 has no timeout
            hangs += 1
            continue
        if code != 0 or "Traceback" in err:
            crashes += 1
            rows.append(f"| {case.name} | CRASH {code}: {err.strip()[-120:]} | | | |")
            continue
        doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
        reasons = Counter(
            a["skip_reason"] or "used"
            for a in doc["articles"]
            if not a["path"].startswith(str(control))
        )
        n_given = len(case.paths)
        shown = {a["path"].split("#", 1)[0] for a in doc["articles"]}
        from storyline.ingest.safeio import display_path

        listed = sum(1 for p in case.paths if display_path(p) in shown)
        missing += n_given - listed
        outcome = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items()))
        rows.append(
            f"| {case.name} | {outcome} | {seconds:.1f} s | {peak:.0f} MB | {listed} / {n_given} |"
        )
    rows.append("")
    rows.append(f"crashes: {crashes}, hangs: {hangs}, inputs unaccounted for: {missing}")
    return rows


def kill_figures(root: Path, articles: int, kills: int) -> list[str]:
    corpus = write_articles(root / "articles", articles)
    args = ["-q", "build", str(corpus), "-o", "out", "--cache", "cache.db", "--format", "json,md"]
    clean = root / "clean"
    clean.mkdir()
    start = time.perf_counter()
    assert run_once(args, clean).returncode == 0
    seconds = time.perf_counter() - start
    killed = root / "killed"
    killed.mkdir()
    loop = kill_loop(args, killed, runs=kills, span=seconds)
    checks = integrity(killed / "cache.db") if (killed / "cache.db").exists() else ("none", 0, 0)
    rerun = run_once(args, killed)
    diffs = sum(
        (clean / "out" / name).read_bytes() != (killed / "out" / name).read_bytes()
        for name in ("timeline.json", "timeline.md")
    )
    final = integrity(killed / "cache.db")
    return [
        f"articles: {articles}; clean cached run: {seconds:.1f} s",
        f"runs killed with SIGKILL: {len(loop.killed_at)} of {loop.runs} "
        f"(at {', '.join(f'{t:.1f}' for t in loop.killed_at)} s; {loop.finished_early} "
        f"finished first)",
        f"store after the kills: integrity_check {checks[0]}, {checks[1]} rows, {checks[2]} ids",
        f"re-run: exit {rerun.returncode}; store {final[0]}, {final[1]} rows, {final[2]} ids",
        f"output files differing from the clean run: {diffs}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=("small", "full"), default="full")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--skip-inputs", action="store_true")
    parser.add_argument("--skip-kills", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyline-reliability-") as tmp:
        root = Path(tmp)
        if not args.skip_inputs:
            print("\n".join(inputs_table(root, args.scale)), flush=True)
        if not args.skip_kills:
            print()
            print("\n".join(kill_figures(root, args.articles, args.kills)), flush=True)


if __name__ == "__main__":
    main()
