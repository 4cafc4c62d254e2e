"""Throughput and peak memory of `storyline build` on synthetic corpora, side by side.

    python bench/throughput.py --sizes 1000,10000 --workers 1,2 [--repeats 3] [--seed 0]

For each size, a corpus is generated once with `bench/make_corpus.py` (cached under `bench/_data/`,
which is git-ignored) and `storyline -q build CORPUS -o OUT` is run as a subprocess for each worker
count (1 -> `--executor serial`, N > 1 -> `--executor processes:N`). Reported per run: the median
wall time of the repeats, articles/s (generated records / median seconds), the peak RSS of the
largest single process (from `os.wait4`, i.e. getrusage of that child and its reaped descendants),
the peak RSS summed over the whole process tree (sampled from /proc every 0.1 s, Linux only), the
used/skipped counts and entries from timeline.json, and the speed-up against the first worker count.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from make_corpus import GENERATOR_VERSION, examples_fingerprint, generate, manifest_path  # noqa: E402

DATA = BENCH / "_data"


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mb: float  # largest single process
    tree_rss_mb: float  # sum over the process tree, sampled
    returncode: int


@dataclass(frozen=True)
class Result:
    size: int
    workers: int
    runs: list[Run]
    used: int | None
    skipped: int | None
    entries: int | None

    @property
    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def rate(self) -> float:
        return self.size / self.median_seconds

    @property
    def max_rss_mb(self) -> float:
        return max(r.max_rss_mb for r in self.runs)

    @property
    def tree_rss_mb(self) -> float:
        return max(r.tree_rss_mb for r in self.runs)


def corpus_for(size: int, seed: int) -> Path:
    """The cached corpus of `size` records, generated when missing or stale."""
    out = DATA / f"corpus_{size}_seed{seed}"
    manifest = manifest_path(out)
    if out.is_dir() and manifest.is_file():
        meta = json.loads(manifest.read_text())
        wanted = {
            "n": size,
            "seed": seed,
            "version": GENERATOR_VERSION,
            "examples_fingerprint": examples_fingerprint(),
        }
        if all(meta.get(k) == v for k, v in wanted.items()):
            return out
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    counts = generate(size, out, seed)
    took = time.perf_counter() - started
    print(f"# generated {size} records ({counts['bytes'] / 1e6:.1f} MB) in {took:.1f} s -> {out}")
    return out


def _children(pid: int) -> list[int]:
    """All descendants of pid (Linux /proc)."""
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_once(corpus: Path, out: Path, workers: int, log: Path) -> Run:
    executor = "serial" if workers <= 1 else f"processes:{workers}"
    cmd = [
        sys.executable,
        "-m",
        "storyline.cli.main",
        "-q",
        "build",
        str(corpus),
        "-o",
        str(out),
        "--executor",
        executor,
        "--format",
        "json",
    ]
    shutil.rmtree(out, ignore_errors=True)
    peak_tree = 0
    done = threading.Event()
    with open(log, "w", encoding="utf-8") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=err, stderr=subprocess.STDOUT)

        def sample() -> None:
            nonlocal peak_tree
            while not done.is_set():
                if os.path.isdir("/proc"):
                    total = sum(_rss_kb(p) for p in [proc.pid, *_children(proc.pid)])
                    peak_tree = max(peak_tree, total)
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(seconds, usage.ru_maxrss / scale, peak_tree / 1024, proc.returncode)


def counts_of(out: Path) -> tuple[int | None, int | None, int | None]:
    try:
        doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None, None
    counts = doc.get("provenance", {}).get("counts", {})
    return counts.get("used"), counts.get("skipped"), len(doc.get("entries", []))


def parse_ints(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {text!r}") from e
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected positive integers, got {text!r}")
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_ints, default=[1000, 10000])
    parser.add_argument("--workers", type=parse_ints, default=[1, 2])
    parser.add_argument(
        "--repeats",
        type=int,
        default=None,
        help="runs per setting (default: 3 up to 2,000 articles, else 1)",
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    print(
        f"# python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    results: list[Result] = []
    for size in args.sizes:
        corpus = corpus_for(size, args.seed)
        repeats = args.repeats or (3 if size <= 2000 else 1)
        for workers in args.workers:
            out = DATA / f"out_{size}_w{workers}"
            log = DATA / f"out_{size}_w{workers}.log"
            runs = []
            for r in range(repeats):
                run = run_once(corpus, out, workers, log)
                print(
                    f"# size={size} workers={workers} run {r + 1}/{repeats}: "
                    f"{run.seconds:.1f} s, max RSS {run.max_rss_mb:.0f} MB, "
                    f"tree RSS {run.tree_rss_mb:.0f} MB, exit {run.returncode}",
                    flush=True,
                )
                if run.returncode != 0:
                    print(f"# build failed: see {log}", file=sys.stderr)
                runs.append(run)
            results.append(Result(size, workers, runs, *counts_of(out)))

    header = (
        f"{'articles':>9} {'workers':>7} {'runs':>4} {'median s':>9} {'art/s':>8} "
        f"{'speed-up':>8} {'max RSS MB':>10} {'tree RSS MB':>11} {'used':>6} "
        f"{'skipped':>7} {'entries':>7}"
    )
    print(header)
    for res in results:
        base = next(r for r in results if r.size == res.size)
        failed = any(run.returncode != 0 for run in res.runs)
        print(
            f"{res.size:>9} {res.workers:>7} {len(res.runs):>4} {res.median_seconds:>9.1f} "
            f"{res.rate:>8.1f} {base.median_seconds / res.median_seconds:>7.2f}x "
            f"{res.max_rss_mb:>10.0f} {res.tree_rss_mb:>11.0f} {res.used!s:>6} "
            f"{res.skipped!s:>7} {res.entries!s:>7}" + ("  FAILED" if failed else "")
        )
    sizes = sorted({r.size for r in results})
    if len(sizes) > 1:
        for workers in args.workers:
            rates = {r.size: r.rate for r in results if r.workers == workers}
            small, large = sizes[0], sizes[-1]
            print(
                f"# workers={workers}: art/s at {large} / art/s at {small} = "
                f"{rates[large] / rates[small]:.2f} (1.00 = linear scaling)"
            )
    return 1 if any(run.returncode != 0 for res in results for run in res.runs) else 0


if __name__ == "__main__":
    sys.exit(main())
