"""Near-duplicate pairs found band by band on an executor are the serial index's pairs
(the Ray run of the same code: tests/exec/test_exec_ray_shards.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storyline.corpus.syndication.bands import (
    Band,
    band_pairs,
    band_shape,
    signatures,
    similar_pairs_on,
)
from storyline.corpus.syndication.groups import _minhash_candidates, shingles, similar_pairs
from storyline.exec import SerialExecutor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from syndication_texts import planted_texts  # needs the path above


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.95])
def test_band_candidates_are_the_serial_index_candidates(threshold: float) -> None:
    texts = planted_texts()
    sigs = signatures(texts)
    b, r = band_shape(threshold)
    present = [i for i, s in enumerate(sigs) if s is not None]
    found: set[tuple[int, int]] = set()
    for k in range(b):
        rows = tuple(sigs[i][k * r : (k + 1) * r].tobytes() for i in present)
        found.update(band_pairs(Band(tuple(present), rows)))
    serial = _minhash_candidates([shingles(t) for t in texts], threshold)
    assert found == serial and len(found) > 50


@pytest.mark.parametrize("threshold", [0.5, 0.8])
def test_pairs_on_an_executor_equal_the_serial_pairs(threshold: float) -> None:
    texts = planted_texts()
    with SerialExecutor() as ex:
        on = similar_pairs_on(ex, texts, threshold)
    assert on == similar_pairs(texts, threshold, "minhash")
    assert list(on) == sorted(on) and len(on) > 20


def test_a_bucket_lists_every_pair_once_in_order() -> None:
    band = Band((5, 1, 3, 9), (b"x", b"y", b"x", b"x"))
    assert band_pairs(band) == [(3, 5), (3, 9), (5, 9)]
    assert band_pairs(Band((), ())) == []
