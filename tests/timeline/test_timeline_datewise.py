from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from storyline.model import Article, Granularity
from storyline.timeline import STRATEGIES, DatewiseTimeline
from storyline.timeline.text import headline_from


def test_multi_source_dates_rank_first_and_cite_every_article(dam_articles: list[Article]) -> None:
    entries = DatewiseTimeline(max_entries=1).build(dam_articles)
    assert len(entries) == 1
    e = entries[0]
    assert e.date.iso() == "2015-03-23" and e.date.granularity is Granularity.DAY
    assert e.sources == 2 and e.independent_sources == 2 and not e.single_source
    assert {c.article for c in e.citations} == {"a1", "a2"}


def test_entries_sorted_by_date_and_coarse_dates_can_be_excluded(
    dam_articles: list[Article],
) -> None:
    entries = DatewiseTimeline(max_entries=10).build(dam_articles)
    dates = [e.date.start for e in entries]
    assert dates == sorted(dates)
    assert any(e.date.granularity is Granularity.YEAR and e.date.iso() == "2011" for e in entries)
    day_only = DatewiseTimeline(max_entries=10, allow_coarse=False).build(dam_articles)
    assert day_only and all(e.date.granularity is Granularity.DAY for e in day_only)


def test_same_fact_from_two_outlets_is_one_entry_without_repeating_itself(
    dam_articles: list[Article],
) -> None:
    entries = DatewiseTimeline(max_entries=10, sentences_per_entry=3).build(dam_articles)
    feb = [e for e in entries if e.date.iso() == "2022-02-20"]
    assert len(feb) == 1
    # the two sentences of a3 say the same thing: the redundancy cap keeps one
    texts = [s.text for s in feb[0].sentences]
    assert len(texts) == 1, texts


def test_syndicated_copies_count_once(
    dam_articles: list[Article], article_factory: Callable[..., Article]
) -> None:
    copy = dataclasses.replace(
        article_factory("a5", dam_articles[3].text, dt.date(2021, 7, 9), "Reprinter", group="a4"),
        duplicate_of="a4",
    )
    arts = [*dam_articles, copy]
    entries = DatewiseTimeline(max_entries=10).build(arts)
    july = next(e for e in entries if e.date.iso() == "2021-07-08")
    assert july.sources == 2 and july.independent_sources == 1 and july.single_source
    # a copy does not add a second copy of the same sentence
    assert len({s.text for s in july.sentences}) == len(july.sentences)


def test_date_range_restricts_entries(dam_articles: list[Article]) -> None:
    entries = DatewiseTimeline(start=dt.date(2015, 1, 1), end=dt.date(2021, 12, 31)).build(
        dam_articles
    )
    assert entries and all(
        dt.date(2015, 1, 1) <= e.date.start <= dt.date(2021, 12, 31) for e in entries
    )


def test_undated_lead_sentences_do_not_invent_dates(
    article_factory: Callable[..., Article],
) -> None:
    a = article_factory("u1", "Talks were held in the capital.\nNo date is given.", None, "X")
    assert DatewiseTimeline().build([a]) == []


def test_ids_are_stable_and_output_deterministic(dam_articles: list[Article]) -> None:
    one = DatewiseTimeline().build(dam_articles)
    two = DatewiseTimeline().build(list(reversed(dam_articles)))
    assert one == two
    assert len({e.id for e in one}) == len(one)


def test_strategy_contract() -> None:
    """Every registered strategy: default-constructible, handles empty input."""
    for name, cls in STRATEGIES.items():
        strategy = cls()
        assert strategy.build([]) == [], name


def test_headline_drops_leading_date_and_trims() -> None:
    h = headline_from("On 23 March 2015, leaders signed a deal " + "word " * 40)
    assert h.startswith("Leaders signed") and h.endswith("…")
    assert len(h.split()) <= 23


def test_deadlines_do_not_date_the_sentence(article_factory: Callable[..., Article]) -> None:
    a = article_factory(
        "d1",
        "Ministers agreed on 6 September 2019 to reach a deal by 15 January 2020.\n"
        "Officials set a deadline of 15 January 2020 for the talks.",
        dt.date(2019, 9, 7),
        "Outlet",
    )
    dates = {e.date.iso() for e in DatewiseTimeline().build([a])}
    assert "2019-09-06" in dates
    assert "2020-01-15" not in dates


def test_event_date_wins_over_the_date_of_the_statement(
    article_factory: Callable[..., Article],
) -> None:
    a = article_factory(
        "r1",
        "The first round of talks will be held in Moscow on 14 January 2019, the spokeswoman "
        "told reporters on 11 January 2019.",
        dt.date(2019, 1, 11),
        "Outlet",
    )
    entries = DatewiseTimeline(max_entries=1).build([a])
    assert [e.date.iso() for e in entries] == ["2019-01-14"]
