"""Fuzzing at high example counts: the Hypothesis properties of
tests/hostile/test_hostile_fuzz.py (every reader, the cleaner, the date finder, the tagger)
run with STORYLINE_FUZZ_EXAMPLES examples each, and the readers' byte-level property of
tests/ingest/test_ingest_fuzz.py. Prints examples, failures and time per property.

    python bench/fuzz.py --examples 5000

(atheris, a coverage-guided fuzzer, has no wheel for this Python here and needs clang to
build; Hypothesis at high counts stands in for it.)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/hostile/test_hostile_fuzz.py",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    env = dict(os.environ, STORYLINE_FUZZ_EXAMPLES=str(args.examples))
    print("| property | examples | result | time |\n|---|---|---|---|")
    for test_file in TESTS:
        names = subprocess.run(
            [sys.executable, "-m", "pytest", test_file, "--collect-only", "-q", "-p", "no:xdist"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for node in [n for n in names if "::" in n]:
            start = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "pytest", node, "-q", "-p", "no:xdist",
                 "-p", "no:cacheprovider"],
                cwd=ROOT, env=env, capture_output=True, text=True,
            )  # fmt: skip
            seconds = time.perf_counter() - start
            tail = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
            result = "pass" if proc.returncode == 0 else f"FAIL ({tail})"
            short = re.sub(r"^.*::test_", "", node)
            print(f"| {short} | {args.examples} | {result} | {seconds:.0f} s |", flush=True)


if __name__ == "__main__":
    main()
