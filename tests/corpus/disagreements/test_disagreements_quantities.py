"""Number parsing: forms journalists write, and what counts as the same value."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.disagreements.quantities import is_year_like, parse_quantities


def one(text: str) -> tuple[float, float, float]:
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    return qs[0].value, qs[0].low, qs[0].high


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("about 19,000 people", 19_000),
        ("17 000 residents", 17_000),
        ("2.5 million votes", 2_500_000),
        ("a dozen ships", 12),
        ("twenty-one sailors", 21),
        ("more than 20,000 visitors", 20_000),
        ("1,200 km", 1_200_000),
        ("45% turnout", 45),
        ("3bn yen", 3e9),
    ],
)
def test_values(text: str, value: float) -> None:
    assert one(text)[0] == pytest.approx(value)


def test_rounding_is_not_a_conflict() -> None:
    (a,) = parse_quantities("about 19,000 residents")
    (b,) = parse_quantities("19,000 residents")
    (c,) = parse_quantities("15,000 residents")
    assert a.compatible(b) and b.compatible(a)
    assert not a.compatible(c)


def test_units_are_folded() -> None:
    (a,) = parse_quantities("1,200 km away")
    (b,) = parse_quantities("1,200 kilometres away")
    (c,) = parse_quantities("1,200 miles away")
    assert a.compatible(b)
    assert not a.compatible(c)


def test_open_intervals() -> None:
    (over,) = parse_quantities("more than 20,000 visitors")
    (exact,) = parse_quantities("21,500 visitors")
    (under,) = parse_quantities("fewer than 20,000 visitors")
    assert over.high == math.inf
    assert over.compatible(exact)
    assert not under.compatible(exact)


def test_exact_numbers_differ() -> None:
    (a,) = parse_quantities("802 citizens")
    (b,) = parse_quantities("803 citizens")
    assert not a.compatible(b)


@pytest.mark.parametrize("text", ["Covid-19 cases", "the G7 summit", "the 3rd round", "MH17"])
def test_not_numbers(text: str) -> None:
    assert parse_quantities(text) == []


def test_years_are_flagged() -> None:
    (y,) = parse_quantities("in 1956 they met")
    assert is_year_like(y)
    (n,) = parse_quantities("1,956 people")
    assert not is_year_like(n)


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_roundtrip(n: int) -> None:
    for text in (f"{n:,}", f"{n:,}".replace(",", " "), str(n)):
        qs = parse_quantities(f"there were {text} boats")
        assert qs and qs[0].value == n
        assert qs[0].low <= n <= qs[0].high


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["about", "some", "around"]))
def test_qualified_number_agrees_with_plain(n: int, qualifier: str) -> None:
    (approx,) = parse_quantities(f"{qualifier} {n:,} people")
    (plain,) = parse_quantities(f"{n:,} people")
    assert approx.approximate and approx.compatible(plain)


@given(st.text(max_size=80))
def test_never_crashes_and_spans_are_views(text: str) -> None:
    for q in parse_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.low <= q.value <= q.high or q.unit
