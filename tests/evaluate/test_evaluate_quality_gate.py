"""Quality gate: `storyline evaluate --json` on T17's smallest topic (mj: 138 articles,
one reference timeline of 38 dates) with the default pipeline must not fall below
pinned floors.

Measured 2026-11-22 (in the full bench/t17.py run, default config): AR-1 F 0.115,
AR-2 F 0.042, Date F1 0.368; about 40 s. The floors sit a little under these
figures: raise them when the pipeline improves, never lower them silently.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli

T17 = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "t17"
TOPIC = "mj"
FLOORS = {"ar1_f": 0.10, "ar2_f": 0.035, "date_f1": 0.35}


@pytest.mark.shared
@pytest.mark.slow
def test_quality_gate_mj(tmp_path: Path) -> None:
    if not (T17 / TOPIC).is_dir():
        pytest.skip(f"T17 data not found at {T17}")
    if importlib.util.find_spec("storyline.corpus.disagreements") is None:
        pytest.skip("the storyline pipeline is not complete yet")
    out = tmp_path / "pred"
    result = CliRunner().invoke(
        cli, ["evaluate", str(T17 / TOPIC), "--json", "--save-timelines", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    (row,) = data["timelines"]
    saved = [json.loads(line) for line in (out / f"{TOPIC}.timelines.jsonl").open()]
    assert len(saved) == 1
    pred = saved[0]
    # the protocol's constraints: at most l day entries of at most k sentences, in range
    assert 0 < len(pred) <= row["l"]
    assert all(len(sents) <= row["k"] for _, sents in pred)
    assert all(row["start"] <= day[:10] <= row["end"] for day, _ in pred)
    agg = data["aggregate"]
    for key, floor in FLOORS.items():
        assert agg[key] >= floor, f"{key} {agg[key]:.4f} fell below the pinned floor {floor}"
