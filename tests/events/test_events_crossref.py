"""Dating undated articles from the events they share with dated ones."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate import annotate_articles
from storyline.config import Config, TimelineConfig
from storyline.corpus.crossref import date_by_cross_reference
from storyline.corpus.syndication import find_syndication
from storyline.model import Article, DateInterval, Granularity
from storyline.timeline import make_strategy

DATED = (
    "Foreign Minister Sergei Lavrov is expected to meet his Japanese counterpart Taro Kono in "
    "Moscow on Monday for talks on a peace treaty. Officials said the islands would top the "
    "agenda of the talks between Lavrov and Kono."
)
UNDATED = (
    "Russian Foreign Minister Sergei Lavrov and Japanese Foreign Minister Taro Kono held talks "
    "in Moscow on Monday on a peace treaty. A spokesman said on Wednesday that Moscow would "
    "protect the interests of the islanders, and Kono will visit again on 22 January."
)


def article(aid: str, text: str, published: dt.date | None) -> Article:
    return Article(
        id=aid,
        path=f"{aid}.txt",
        raw_text=text,
        text=text,
        published=DateInterval.day(published) if published else None,
        published_how="header" if published else "none",
    )


def test_an_undated_article_is_dated_by_the_events_it_shares() -> None:
    dated = article("a", DATED, dt.date(2019, 1, 8))  # a Tuesday: "Monday" is 14 January
    undated = article("b", UNDATED, None)
    out = {a.id: a for a in date_by_cross_reference(annotate_articles([dated, undated]))}
    b = out["b"]
    assert b.published_how == "cross-reference"
    assert b.published == DateInterval(dt.date(2019, 1, 14), dt.date(2019, 1, 20), Granularity.WEEK)
    assert [(p.article, p.date) for p in b.published_evidence] == [("a", "2019-01-14")]
    assert 0 < b.published_confidence < 1
    # its relative dates resolve where the whole week agrees: the talks, the visit ahead;
    # "said on Wednesday" is the 9th or the 16th, as the article was written before or after
    values = {t.text: t.value for t in b.times}
    assert values["Monday"] == "2019-01-14"
    assert values["22 January"] == "2019-01-22"
    assert values["Wednesday"] == "XXXX-WXX-3"
    # and its report is a source of the talks' entry
    done = find_syndication(list(out.values()), 0.8)
    strategy = make_strategy(TimelineConfig(method="timeline.events.v1"))
    [talks] = [e for e in strategy.build(done) if e.date.iso() == "2019-01-14"]
    assert {c.article for c in talks.citations} == {"a", "b"}


def test_no_evidence_no_date() -> None:
    dated = article("a", DATED, dt.date(2019, 1, 8))
    other = article(
        "c",
        "The Kremlin said on Tuesday that Vladimir Putin would visit Japan later in the year. "
        "A spokesman told reporters the dates were still to be agreed.",
        None,
    )
    out = {a.id: a for a in date_by_cross_reference(annotate_articles([dated, other]))}
    assert out["c"].published is None and out["c"].published_how == "none"


def test_nothing_to_do_without_undated_or_dated_articles() -> None:
    only = annotate_articles([article("a", DATED, dt.date(2019, 1, 8))])
    assert date_by_cross_reference(only) == only
    assert Config().annotate.max_parsed_sentences > 0


def test_explain_date_reports_the_cross_reference_evidence() -> None:
    from storyline.dating import explain_date

    dated = article("a", DATED, dt.date(2019, 1, 8))
    out = {
        a.id: a
        for a in date_by_cross_reference(annotate_articles([dated, article("b", UNDATED, None)]))
    }
    report = explain_date(out["b"])
    assert report.how == "cross-reference" and report.published == out["b"].published
    assert report.evidence == out["b"].published_evidence and report.evidence


REGULATOR_DATED = (
    "12 March 2024 - The Coastal Fisheries Regulator publishes its draft ruling on the "
    "Harnvik quota dispute. 2 May 2024 - The fishing fleet appeals."
)
REGULATOR_UNDATED = (
    "The Coastal Fisheries Regulator said on 12 March that its draft ruling on the Harnvik "
    "quota dispute would cut the catch by a fifth. The fleet has until 30 April to reply. "
    "Skippers met in Harnvik on Thursday to plan their answer."
)


def test_a_statement_by_its_month_and_day_places_a_year_and_resolves_what_agrees() -> None:
    # a statement matched by month and day, a name matched through its initials ("CFR"
    # would match as well as the full name); the window is months long: no publication
    # date, but the year-less dates every day of the window reads alike are resolved
    dated = article("a", REGULATOR_DATED, dt.date(2024, 5, 6))
    undated = article("b", REGULATOR_UNDATED, None)
    out = {a.id: a for a in date_by_cross_reference(annotate_articles([dated, undated]))}
    b = out["b"]
    assert b.published_how == "cross-reference"
    assert b.published is None
    assert b.published_window is not None and b.published_window[0] == dt.date(2024, 3, 12)
    assert [(p.article, p.date) for p in b.published_evidence] == [("a", "2024-03-12")]
    values = {t.text: t.value for t in b.times}
    assert values["12 March"] == "2024-03-12"
    assert values["Thursday"] == "XXXX-WXX-4"  # any Thursday of the window
    from storyline.dating import explain_date

    report = explain_date(b)
    assert report.how == "cross-reference" and report.window == b.published_window


def test_when_matches_disagree_the_one_told_with_the_same_verb_wins() -> None:
    postponed = article(
        "a",
        "The tribunal's review, first set for 20 June, was postponed on the 13th of June "
        "because a member was ill.",
        dt.date(2023, 6, 14),
    )
    opened = article(
        "b",
        "Mira Dalen's review at the Tarn Tribunal opened on Tuesday before a full bench.",
        dt.date(2023, 9, 13),
    )
    undated = article(
        "c",
        "The Tarn Tribunal postponed Mira Dalen's review on Tuesday because a member was ill.",
        None,
    )
    done = annotate_articles([postponed, opened, undated])
    out = {a.id: a for a in date_by_cross_reference(done)}
    c = out["c"]
    assert c.published_how == "cross-reference"
    assert c.published is not None and c.published.start == dt.date(2023, 6, 13)
    # the evidence is the match the window keeps, not the one it overrode
    assert [p.article for p in c.published_evidence] == ["a"]


def test_undated_articles_read_again_in_batches_give_the_same_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storyline.corpus import crossref

    dated = article("a", DATED, dt.date(2019, 1, 8))
    undated = [article(f"b{i}", UNDATED, None) for i in range(3)]
    done = annotate_articles([dated, *undated])
    whole = date_by_cross_reference(done)
    monkeypatch.setattr(crossref, "REANNOTATE_BATCH", 1)
    assert date_by_cross_reference(done) == whole
    assert all(a.published_how == "cross-reference" for a in whole[1:])
