"""The labelled event sets (bench/data/events: dev and the held-out sets) stay valid:
every label matches exactly one story sentence of its article, dates and kinds agree, and
publication dates agree with each record's header, dateline or metadata (check_truth.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EVENTS = Path(__file__).resolve().parents[2] / "bench" / "data" / "events"


@pytest.mark.parametrize("subset", ["dev", "test", "test2", "test3", "test4", "test5", "test6"])
def test_labelled_event_sets_pass_their_checker(subset: str) -> None:
    stories = sorted(str(p) for p in (EVENTS / subset).iterdir() if (p / "truth.json").is_file())
    assert len(stories) >= 4
    done = subprocess.run(
        [sys.executable, str(EVENTS / "check_truth.py"), *stories],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "OK: no problem found" in done.stdout
