"""The exact similarity joins behind find_disagreements agree with comparing every pair."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.corpus.disagreements.find import find_disagreements
from storyline.corpus.disagreements.simjoin import cosine_pairs, overlap_candidates
from storyline.corpus.entities.registry import build_registry
from storyline.corpus.syndication.groups import find_syndication
from storyline.model import Article

VOCAB = ["oil", "well", "spill", "gulf", "cap", "leak", "barrel", "coast", "relief", "rig",
         "halliburton", "transocean", "cement", "plume", "dispersant", "marsh"]  # fmt: skip
sentences = st.lists(
    st.lists(st.sampled_from(VOCAB), min_size=1, max_size=9).map(" ".join),
    min_size=2,
    max_size=40,
)


def brute_cosine(
    x: sp.csr_matrix, threshold: float, groups: list[int]
) -> dict[tuple[int, int], float]:
    dense = x.toarray()
    sims = dense @ dense.T
    return {
        (i, j): float(sims[i, j])
        for i, j in combinations(range(len(groups)), 2)
        if groups[i] != groups[j] and sims[i, j] >= threshold
    }


@settings(max_examples=60, deadline=None)
@given(
    texts=sentences,
    threshold=st.sampled_from([0.2, 0.35, 0.55, 0.9]),
    n_groups=st.integers(1, 6),
)
def test_cosine_pairs_finds_exactly_the_pairs_over_the_bar(
    texts: list[str], threshold: float, n_groups: int
) -> None:
    x = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    groups = [i % n_groups for i in range(len(texts))]
    got = cosine_pairs(x, threshold, groups)
    want = brute_cosine(x, threshold, groups)
    # Scores may differ in the last bits (another summation order): compare pairs away
    # from the bar exactly, and the values closely.
    near = {p for p, v in want.items() if abs(v - threshold) < 1e-9}
    assert set(got) - near == set(want) - near
    for p in set(got) & set(want):
        assert got[p] == pytest.approx(want[p], abs=1e-12)


def test_cosine_pairs_on_identical_rows_and_a_zero_row() -> None:
    x = sp.csr_matrix(np.array([[0.6, 0.8, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 0.0], [0, 0, 1.0]]))
    assert set(cosine_pairs(x, 0.35, ["a", "b", "c", "d"])) == {(0, 1)}
    assert cosine_pairs(x, 0.35, ["a", "a", "c", "d"]) == {}  # same group: never a pair
    with pytest.raises(ValueError, match="positive threshold"):
        cosine_pairs(x, 0.0, ["a", "b", "c", "d"])


word_sets = st.lists(st.frozensets(st.sampled_from(VOCAB), max_size=8), min_size=0, max_size=40)


@settings(max_examples=80, deadline=None)
@given(sets=word_sets, threshold=st.sampled_from([0.3, 0.5, 0.7, 1.0]))
def test_overlap_candidates_never_miss_an_overlapping_pair(
    sets: list[frozenset[str]], threshold: float
) -> None:
    got = overlap_candidates(sets, threshold)
    for i, j in combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if a and b and len(a & b) / min(len(a), len(b)) >= threshold:
            assert (i, j) in got, (a, b)
    assert all(i < j and sets[i] & sets[j] for i, j in got)


def test_overlap_candidates_rejects_a_bad_threshold() -> None:
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        overlap_candidates([frozenset({"a"})], 1.5)


def test_many_independent_copies_find_the_same_planted_conflicts(
    planted_annotated: list[Article],
) -> None:
    """The planted corpus re-published by five independent outlets: the joins must find
    every conflict the single corpus has (blocking loses nothing), and no other kind."""
    entities, articles = build_registry(find_syndication(planted_annotated))
    single = find_disagreements(articles, [], entities)
    many = [
        dataclasses.replace(a, id=f"{a.id}-{k}", syndication_group=f"{a.syndication_group}-{k}")
        for k in range(5)
        for a in articles
    ]
    found = find_disagreements(many, [], entities)
    assert found == find_disagreements(many, [], entities)  # deterministic
    for d in single:
        values = {c.value for c in d.claims}
        assert any(e.kind == d.kind and values <= {c.value for c in e.claims} for e in found), d
    assert {d.kind for d in found} == {d.kind for d in single}


NUMBERISH = ["about", "more than", "nearly", "$", "\u00a3", "19,000", "2.5", "million", "a",
             "half", "dozen", "twenty", "one", "someone", "often", "km", "%", "barrels", " ",
             "  ", "\n", "-", ",", "1", "seventeen", "tens of", "up to", "k", "bn"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(NUMBERISH), max_size=14), glue=st.sampled_from(["", " "]))
def test_number_matches_equal_a_full_regex_scan(parts: list[str], glue: str) -> None:
    """Trying the number pattern only near digits and number words finds what trying it
    at every position finds (the speed-up of parse_quantities changes nothing)."""
    from storyline.corpus.disagreements.quantities import _NUMBER_RE, _number_matches

    text = glue.join(parts)
    fast = [(m.start(), m.end(), m.groupdict()) for m in _number_matches(text)]
    full = [(m.start(), m.end(), m.groupdict()) for m in _NUMBER_RE.finditer(text)]
    assert fast == full


@settings(max_examples=80, deadline=None)
@given(sets=word_sets, threshold=st.sampled_from([0.3, 0.5, 1.0]), n_groups=st.integers(1, 4))
def test_overlap_pairs_are_exactly_the_overlapping_pairs(
    sets: list[frozenset[str]], threshold: float, n_groups: int
) -> None:
    from storyline.corpus.disagreements.simjoin import overlap_pairs

    groups = [i % n_groups for i in range(len(sets))]
    want = [
        (i, j)
        for i, j in combinations(range(len(sets)), 2)
        if groups[i] != groups[j]
        and len(sets[i] & sets[j]) / max(1, min(len(sets[i]), len(sets[j]))) >= threshold
    ]
    assert overlap_pairs(sets, threshold, groups) == want
