"""What a sentence tells by report, with real spaCy: claims of documents and inquiries,
voiced attitudes, statistics of a month, earlier events a dated statement names, former
plans, deadlines still ahead, and clauses that share their governor's kind."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate import annotate_articles
from storyline.model import Article, DateInterval

PUB = dt.date(2021, 9, 29)  # a Wednesday


def _annotate(text: str) -> Article:
    a = Article(
        id="a",
        path="a.txt",
        raw_text=text,
        text=text,
        published=DateInterval.day(PUB),
        published_how="header",
    )
    [done] = annotate_articles([a])
    return done


def _dating(article: Article) -> set[tuple[str, str]]:
    """(kind, anchor text) of the events anchored by a time expression."""
    return {(e.kind, article.times[e.anchor].text) for e in article.events if e.anchor is not None}


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # an inquiry's finding, under "find" (not under "say": a board's statement of what
        # happened stays a report of the event)
        ("The panel found that the pipe had been cracked during a test in March.", "March"),
        # a statistic of a month
        ("The governor said inflation had fallen to 17 per cent in August.", "August"),
        # a former plan
        ("The launch had been planned for February but was held back.", "February"),
        ("A second ship had been due to sail in December.", "December"),
        # what economists expect
        ("Economists expect output to shrink this year before growing in 2022.", "2022"),
        # a condition and a possibility
        ("If parliament approves the bill on Tuesday, the tax will rise in June.", "Tuesday"),
        ("The talks could resume in Geneva on Monday.", "Monday"),
        # a plan of the past, and what comes before a closing
        ("Born in 1960, the engineer was due to retire in September.", "September"),
        (
            "The committee will question the minister before the report is published in July.",
            "July",
        ),
        # nothing happened, and where things stood
        ("Two years later nobody has answered for the collapse in 2021.", "2021"),
        ("The walls were already turning the lava to the east on Friday.", "Friday"),
        # a question
        ("Will the council vote on the budget on Tuesday?", "Tuesday"),
        # a perfect that runs since a date
        ("The currency has lost a third of its value since the peg was dropped in May.", "May"),
    ],
)
def test_a_date_told_by_report_or_plan_dates_no_entry(sentence: str, date: str) -> None:
    article = _annotate(sentence)
    assert not any(
        kind in ("happened", "scheduled") and text == date for kind, text in _dating(article)
    ), _dating(article)


def test_a_board_saying_what_happened_still_reports_the_event() -> None:
    article = _annotate("The board said the crew left the ship on Monday.")
    assert ("happened", "Monday") in _dating(article)


def test_a_day_s_change_is_an_event_and_a_month_s_a_statistic() -> None:
    article = _annotate("Shares fell 23 per cent on Monday. Exports rose 4 per cent in July.")
    dating = _dating(article)
    assert ("happened", "Monday") in dating
    assert ("happened", "July") not in dating


def test_an_earlier_event_a_dated_statement_names_is_only_mentioned() -> None:
    article = _annotate(
        "The review board said on Tuesday that a cracked valve caused the rocket's failure "
        "on its first flight in June."
    )
    dating = _dating(article)
    assert ("statement", "Tuesday") in dating
    assert not any(text == "June" for _, text in dating), dating


def test_an_attitude_a_statement_voices_is_the_statement() -> None:
    article = _annotate("The ministry said on Tuesday that it respected the court's decision.")
    told = [e for e in article.events if e.clause == "complement"]
    assert told and all(e.kind == "statement" for e in told)


def test_a_deadline_ahead_is_an_expectation_and_one_passed_an_event() -> None:
    ahead = _annotate("The ultimatum expires on Friday.")
    passed = _annotate("The ultimatum expired on Friday.")
    assert ("expectation", "Friday") in _dating(ahead)
    assert ("happened", "Friday") in _dating(passed)


def test_a_line_without_a_verb_is_background() -> None:
    article = _annotate("The launch failed on Monday.\nFACTBOX - the rocket in brief\n")
    heading = [e for e in article.events if e.sentence == 1]
    assert all(e.kind == "background" for e in heading)


def test_what_a_quotation_tells_is_a_statement() -> None:
    article = _annotate('"On 10 August we shut the systems down," the chief executive said.')
    assert ("statement", "10 August") in _dating(article)
    assert not any(kind == "happened" for kind, _ in _dating(article))
    plain = _annotate("The bank shut its systems down on 10 August, the chief executive said.")
    assert ("happened", "10 August") in _dating(plain)
