"""Repeated sentences are compared once, yet every conflict and every source is still found."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.corpus.disagreements.copies import cluster_pairs, row_keys, select_copies
from storyline.corpus.disagreements.find import MAX_COPIES, MAX_VARIANTS, find_disagreements
from storyline.model import Article

FILLER = [
    "The river carries silt from the highlands every rainy season.",
    "Farmers downstream depend on the seasonal flood for their crops.",
    "Diplomats met again in the capital to discuss the treaty draft.",
    "Engineers inspected the spillway gates before the rains arrived.",
    "A regional bank offered loans for irrigation canals and pumps.",
    "Observers from the union attended the talks as mediators.",
]
CLAIM = "Officials said the dam will generate {} megawatts of electricity once it is complete."


def test_a_conflict_among_many_copies_cites_every_source(plain: Callable[..., Article]) -> None:
    """Forty outlets repeat one figure word for word, the last one gives another: one
    number disagreement, citing all forty (only MAX_COPIES of them are compared)."""
    arts = [
        plain(f"a{k:02d}", [FILLER[k % 6], CLAIM.format("6,000"), FILLER[(k + 1) % 6]])
        for k in range(40)
    ]
    arts.append(plain("z99", [FILLER[2], CLAIM.format("5,150")]))
    found = find_disagreements(arts, [], [])
    assert [d.kind for d in found] == ["number"]
    cited = {(c.article, c.value) for c in found[0].claims}
    assert ("z99", "5,150") in cited
    assert {a for a, v in cited if v == "6,000"} == {f"a{k:02d}" for k in range(40)}
    assert found == find_disagreements(arts, [], [])  # deterministic


def test_a_late_variant_among_many_repeated_sentences_is_found(
    plain: Callable[..., Article],
) -> None:
    """Word-identical sentences with a few different values, the odd one out last: the
    variants cap keeps every value that appears before it is full."""
    values = ["6,000", "6,000", "6,300", "6,000", "6,300"] * 8 + ["5,150"]
    assert len(set(values)) <= MAX_VARIANTS
    arts = [plain(f"a{k:02d}", [FILLER[k % 6], CLAIM.format(v)]) for k, v in enumerate(values)]
    found = find_disagreements(arts, [], [])
    assert len(found) == 1
    assert {c.value for c in found[0].claims} == {"5,150", "6,000", "6,300"}
    assert len(found[0].claims) == len(arts)  # every outlet, once


def test_copies_in_one_syndication_group_are_not_a_disagreement(
    plain: Callable[..., Article],
) -> None:
    arts = [plain(f"a{k}", [CLAIM.format("6,000")], group="wire") for k in range(10)]
    arts += [plain(f"b{k}", [CLAIM.format("6,000")]) for k in range(10)]
    assert find_disagreements(arts, [], []) == []


def test_select_copies_keeps_distinct_groups_and_cites_the_rest() -> None:
    claims = ["x", "x", "x", "x", None, "y"]
    bags = ["b"] * 6
    groups = ["g1", "g1", "g2", "g3", "g4", "g5"]
    got = select_copies(claims, bags, groups, copies=2, variants=10)
    assert got.kept == [0, 2, 5]  # 1 shares g1 with 0; 3 is over the copies cap
    assert got.also == {0: [2, 1, 3], 2: [0, 1, 3]}
    assert got.skipped == []


def test_select_copies_caps_the_claims_of_one_bag_of_words() -> None:
    claims = ["a", "b", "c", "a", "d"]
    got = select_copies(claims, ["bag"] * 5, ["1", "2", "3", "4", "5"], copies=2, variants=2)
    assert got.kept == [0, 1, 3]
    assert got.skipped == [2, 4]  # "c" and "d": the bag already has two claims
    with pytest.raises(ValueError, match="at least 1"):
        select_copies(claims, ["bag"] * 5, ["1"] * 5, copies=0, variants=2)


def test_the_caps_are_at_least_two() -> None:
    assert MAX_COPIES >= 2  # two copies from different groups can always be paired
    assert MAX_VARIANTS >= 2


VOCAB = ["oil", "well", "spill", "gulf", "cap", "leak", "barrel", "coast", "relief", "rig"]
texts = st.lists(
    st.lists(st.sampled_from(VOCAB), min_size=0, max_size=6).map(" ".join), min_size=2, max_size=30
)


@settings(max_examples=60, deadline=None)
@given(
    base=texts,
    repeat=st.lists(st.integers(0, 29), max_size=20),
    threshold=st.sampled_from([0.2, 0.35, 0.55, 0.9]),
    n_groups=st.integers(1, 5),
)
def test_cluster_pairs_equal_comparing_every_pair(
    base: list[str], repeat: list[int], threshold: float, n_groups: int
) -> None:
    """With many identical rows (and empty ones): the same pairs and cosines as a brute
    force comparison of every row with every other."""
    docs = [*base, *(base[k % len(base)] for k in repeat)]
    docs = [d or "zzz" if k % 7 else d for k, d in enumerate(docs)]  # some all-zero rows
    vec = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b[a-y]+\b")
    try:
        x = sp.csr_matrix(vec.fit_transform(docs))
    except ValueError:  # no words at all
        return
    groups = [k % n_groups for k in range(len(docs))]
    rows = list(range(len(docs)))
    got = cluster_pairs(x, rows, threshold, row_keys(x), groups)
    dense = x.toarray()
    sims = dense @ dense.T
    want = {
        (i, j): float(sims[i, j])
        for i, j in combinations(rows, 2)
        if groups[i] != groups[j] and sims[i, j] >= threshold
    }
    near = {p for p, v in want.items() if abs(v - threshold) < 1e-9}
    assert set(got) - near == set(want) - near
    for p in set(got) & set(want):
        assert got[p] == pytest.approx(want[p], abs=1e-12)


def test_row_keys_are_equal_for_equal_rows_only() -> None:
    x = sp.csr_matrix(np.array([[0.6, 0.8, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 0.0], [0.8, 0.6, 0]]))
    keys = row_keys(x)
    assert keys[0] == keys[1] != keys[3]
    assert keys[2] == b""
