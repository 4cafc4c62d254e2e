"""storyline's metrics against figures computed by tilse 0.2.1 itself (ROUGE-1.5.5 Perl).

The cases are rebuilt by bench/tilse_reference.py's `build_cases` (T17 cases need
<repo>/../shared/data/t17); the figures were stored by running that script with tilse.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from storyline.evaluate.metrics import (
    PRF,
    agreement_rouge,
    align_m1_rouge,
    concat_rouge,
    date_prf,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "evaluate" / "tilse_reference.json"
T17 = REPO / ".." / "shared" / "data" / "t17"
TOL = 1e-4


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "tilse_reference", REPO / "bench" / "tilse_reference.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


BENCH = _bench()
REFERENCE: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def _tl(j: dict[str, list[str]]) -> dict[dt.date, list[str]]:
    return {dt.date.fromisoformat(d): [s.strip() for s in v] for d, v in j.items()}


def _check(name: str, got: PRF, want: list[float]) -> None:
    assert got.precision == pytest.approx(want[0], abs=TOL), name
    assert got.recall == pytest.approx(want[1], abs=TOL), name
    assert got.f1 == pytest.approx(want[2], abs=TOL), name


def _compare(case: dict[str, Any]) -> None:
    want = REFERENCE[case["name"]]
    pred = _tl(case["pred"])
    refs = [_tl(r) for r in case["refs"]]
    for key, fn in (
        ("concat", concat_rouge),
        ("agreement", agreement_rouge),
        ("align_m1", align_m1_rouge),
    ):
        got = fn(pred, refs)
        if "error" in want[key]:
            # tilse divides by zero when the prediction has no (non-stop-word) token or
            # crashes on an empty prediction: storyline scores 0 instead.
            assert got[1] == PRF(0.0, 0.0, 0.0) and got[2] == PRF(0.0, 0.0, 0.0)
            continue
        _check(f"{case['name']} {key} R1", got[1], want[key]["rouge_1"])
        _check(f"{case['name']} {key} R2", got[2], want[key]["rouge_2"])
    _check(f"{case['name']} date", date_prf(pred, refs), want["date"])


@pytest.mark.parametrize("case", BENCH.SYNTHETIC, ids=lambda c: c["name"])
def test_synthetic_cases_match_tilse(case: dict[str, Any]) -> None:
    _compare(case)


@pytest.mark.shared
def test_t17_cases_match_tilse() -> None:
    if not T17.is_dir():
        pytest.skip(f"T17 data not found at {T17}")
    cases = BENCH.build_cases(T17)
    assert {c["name"] for c in cases} == set(REFERENCE), "fixture is stale: rerun the bench script"
    for case in cases:
        _compare(case)


def test_empty_prediction_records_tilse_crash() -> None:
    assert "error" in REFERENCE["synthetic-empty-prediction"]["align_m1"]
