"""Quality gate: `storyline evaluate --json` with the default pipeline on three small T17
topics must not fall below pinned floors (one test per topic, so pytest-xdist spreads them).

Floors sit a little under the figures measured on 2026-11-22 (`storyline evaluate` on each
topic, default config; the figures are in FLOORS' comments): raise them when the pipeline
improves, never lower them silently. The whole benchmark (19 timelines, 10 minutes) is
`bench/t17.py`; its aggregate is in docs/evaluation.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli.main import cli

T17 = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "t17"
# topic -> floors (measured AR-1 F / AR-2 F / date F1 in the comment)
FLOORS = {
    "mj": {"ar1_f": 0.15, "ar2_f": 0.058, "date_f1": 0.45},  # 0.162 / 0.064 / 0.474
    "h1n1": {"ar1_f": 0.17, "ar2_f": 0.037, "date_f1": 0.80},  # 0.182 / 0.041 / 0.850
    "egypt": {"ar1_f": 0.115, "ar2_f": 0.018, "date_f1": 0.95},  # 0.125 / 0.020 / 1.000
}


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("topic", sorted(FLOORS))
def test_quality_gate(topic: str, tmp_path: Path) -> None:
    if not (T17 / topic).is_dir():
        pytest.skip(f"T17 data not found at {T17}")
    out = tmp_path / "pred"
    result = CliRunner().invoke(
        cli, ["evaluate", str(T17 / topic), "--json", "--save-timelines", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    saved = [json.loads(line) for line in (out / f"{topic}.timelines.jsonl").open()]
    assert len(saved) == len(data["timelines"])
    for row, pred in zip(data["timelines"], saved, strict=True):
        # the protocol's constraints: at most l day entries of at most k sentences, in range
        assert 0 < len(pred) <= row["l"]
        assert all(len(sents) <= row["k"] for _, sents in pred)
        assert all(row["start"] <= day[:10] <= row["end"] for day, _ in pred)
    agg = data["aggregate"]
    for key, floor in FLOORS[topic].items():
        assert agg[key] >= floor, f"{topic} {key} {agg[key]:.4f} fell below the floor {floor}"
