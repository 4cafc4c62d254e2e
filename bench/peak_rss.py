"""Peak resident memory of a command's whole process tree (the command and every process it
starts, e.g. the workers of `--executor processes:N`), sampled from /proc (Linux).

    python bench/peak_rss.py [--every 0.5] [--log FILE] -- COMMAND [ARGS...]

Prints, after the command ends: wall seconds, the exit code, the peak of the summed VmRSS of
the tree, the peak of the top process alone, and the peak of the largest other process (a
worker); with --log, one line per sample (seconds, tree MB, top MB, largest worker MB,
number of processes), to see whether memory grows with the number of articles.
Shared pages (the model files a forked worker maps) count in every process that maps them, so
the summed figure is an upper bound of what the tree holds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import _children, _rss_kb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("--log", type=Path, default=None, help="write every sample here")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command after --")
    peak = {"tree": 0, "top": 0, "worker": 0}
    samples: list[str] = []
    done = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(command)

    def sample() -> None:
        while not done.is_set():
            kids = [(p, _rss_kb(p)) for p in _children(proc.pid)]
            top = _rss_kb(proc.pid)
            worker = max((kb for _, kb in kids), default=0)
            tree = top + sum(kb for _, kb in kids)
            peak["tree"] = max(peak["tree"], tree)
            peak["top"] = max(peak["top"], top)
            peak["worker"] = max(peak["worker"], worker)
            samples.append(
                f"{time.perf_counter() - started:.1f}\t{tree / 1024:.0f}\t{top / 1024:.0f}\t"
                f"{worker / 1024:.0f}\t{1 + len(kids)}"
            )
            done.wait(args.every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if args.log:
        args.log.write_text("seconds\ttree_mb\ttop_mb\tworker_mb\tprocesses\n" + "\n".join(samples))
    print(
        f"# {seconds:.1f} s wall, exit {code}; peak RSS: tree {peak['tree'] / 1024:.0f} MB, "
        f"top process {peak['top'] / 1024:.0f} MB, largest worker {peak['worker'] / 1024:.0f} MB",
        flush=True,
    )
    return code


if __name__ == "__main__":
    sys.exit(main())
