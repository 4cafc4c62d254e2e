"""Disagreements: planted conflicts found, traps not flagged, copies never disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from storyline.corpus.disagreements.find import find_disagreements
from storyline.corpus.entities.registry import build_registry
from storyline.corpus.syndication.groups import find_syndication
from storyline.model import (
    Article,
    DateInterval,
    Disagreement,
    EntrySentence,
    TimelineEntry,
)


@pytest.fixture(scope="module")
def planted(planted_annotated: list[Article]) -> list[Disagreement]:
    entities, articles = build_registry(find_syndication(planted_annotated))
    return find_disagreements(articles, [], entities)


def matches(d: Disagreement, want: dict[str, Any]) -> bool:
    return d.kind == want["kind"] and set(want["articles"]) <= {c.article for c in d.claims}


def test_planted_conflicts_are_found(planted: list[Disagreement], truth: dict[str, Any]) -> None:
    for want in truth["disagreements"]:
        assert any(matches(d, want) for d in planted), want


def test_no_false_alarms_on_planted(planted: list[Disagreement], truth: dict[str, Any]) -> None:
    for d in planted:
        assert any(matches(d, want) for want in truth["disagreements"]), d


def test_claims_cite_both_sides(planted: list[Disagreement]) -> None:
    for d in planted:
        assert d.about
        assert len({c.value for c in d.claims}) >= 2
        for c in d.claims:
            assert c.text and c.article and c.source
        copies = {"a02", "a03", "a04"}  # a01's wire copies add no claims of their own
        assert not copies & {c.article for c in d.claims}


def test_rounding_and_copies_are_not_conflicts(plain: Callable[..., Article]) -> None:
    a = plain("a", ["About 19,000 residents live on the islands today."])
    b = plain("b", ["Some 19,000 residents live on the islands today, officials said."])
    edited_copy = plain("c", ["Nearly 30,000 residents live on the islands today."], "g-a")
    assert find_disagreements([a, b], [], []) == []
    assert find_disagreements([a, edited_copy], [], []) == []
    assert len(find_disagreements([b, edited_copy], [], [])) == 1


def test_number_conflict_in_one_entry_and_order(plain: Callable[..., Article]) -> None:
    arts = [
        plain("a", ["The vote passed with 212 votes in favour."]),
        plain("b", ["Lawmakers approved the bill by 198 votes to 40."]),
    ]
    entry = TimelineEntry(
        "e", DateInterval.day(dt.date(2019, 1, 16)), "Vote",
        tuple(EntrySentence(a.sentences[0].text, a.id, 0, len(a.text)) for a in arts), 2, 2,
    )  # fmt: skip
    (d,) = find_disagreements(arts, [entry], [])
    assert d.kind == "number" and [c.value for c in d.claims] == ["198", "212"]
    assert find_disagreements(arts, [], []) == []  # without the entry: too little in common
    assert find_disagreements(list(reversed(arts)), [entry], []) == [d]


def test_numbers_are_matched_to_the_best_statement_of_the_other_article(
    plain: Callable[..., Article],
) -> None:
    arts = [
        plain("a", [
            "Each turbine of the new plant can produce 120 megawatts.",
            "The whole plant will have a capacity of 1,400 megawatts when it opens in the north.",
        ]),
        plain("b", ["The plant in the north is designed to have a capacity of 1,800 megawatts."]),
    ]  # fmt: skip
    (d,) = find_disagreements(arts, [], [])
    assert d.kind == "number" and {c.value for c in d.claims} == {"1,400", "1,800"}


def test_different_outcomes_are_different_quantities(plain: Callable[..., Article]) -> None:
    arts = [
        plain("a", ["About 40 people were killed when the bridge collapsed in the storm."]),
        plain("b", ["Some 75 people were injured when the bridge collapsed in the storm."]),
    ]
    assert find_disagreements(arts, [], []) == []
    arts[1] = plain("b", ["Some 75 people were killed when the bridge collapsed in the storm."])
    assert len(find_disagreements(arts, [], [])) == 1


def test_money_rounding(plain: Callable[..., Article]) -> None:
    base = "The new terminal has cost {} so far, the airport company said."
    a = plain("a", [base.format("$4.8 billion")])
    b = plain("b", [base.format("$5 billion")])
    c = plain("c", [base.format("about $3 billion")])
    assert find_disagreements([a, b], [], []) == []
    (d,) = find_disagreements([a, c], [], [])
    assert {cl.value for cl in d.claims} == {"$4.8 billion", "about $3 billion"}


def test_date_conflict_needs_near_identical_event(plain: Callable[..., Article]) -> None:
    arts = [
        plain("a", ["The ferry service between the islands resumed on January 14."]),
        plain("b", ["The ferry service between the islands resumed on January 16."]),
        plain("c", ["A new airport opened on the largest island on January 20."]),
    ]
    (d,) = find_disagreements(arts, [], [])
    assert d.kind == "date" and {c.value for c in d.claims} == {"2019-01-14", "2019-01-16"}


def test_seeds_raise_no_false_alarm(seed_articles: list[Article]) -> None:
    entities, articles = build_registry(find_syndication(seed_articles))
    assert find_disagreements(articles, [], entities) == []


def test_empty_input() -> None:
    assert find_disagreements([], [], []) == []
