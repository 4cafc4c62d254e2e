"""Each rendering of the hand-built timelines, compared byte for byte with tests/golden/.

Regenerate after an intended change with: STORYLINE_UPDATE_GOLDEN=1 pytest tests/render
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.model import Timeline
from storyline.render import FORMATS, OUTPUT_NAMES, render

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("STORYLINE_UPDATE_GOLDEN") == "1"

CASES = ("rich", "empty")  # fixtures of conftest.py


def _golden_path(case: str, fmt: str) -> Path:
    return GOLDEN / f"render_{case}_{OUTPUT_NAMES[fmt]}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_matches_golden(case: str, fmt: str, request: pytest.FixtureRequest) -> None:
    timeline: Timeline = request.getfixturevalue(case)
    text = render(timeline, fmt)
    path = _golden_path(case, fmt)
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    if not path.exists():
        pytest.fail(f"golden file {path} is missing: run with STORYLINE_UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{fmt} rendering of {case!r} differs from {path.name}"
