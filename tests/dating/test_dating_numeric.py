"""Date headers the dating stage reads: ambiguous numeric stamps, "first published on" notes
and clocks glued to their day (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.dating.numeric import is_ambiguous, page_order, resolve_order
from storyline.dating.pubdate import date_article, explain_date
from storyline.dating.scan import scan_dates
from storyline.model import Article


def _match(text: str):  # type: ignore[no-untyped-def]
    return next(d for d in scan_dates(text) if d.day is not None)


def article(raw: str, url: str | None = None, source: str | None = None) -> Article:
    return Article(id="a", path="a.txt", raw_text=raw, text=raw, url=url, source=source)


BODY = (
    "The harbour authority said on {day} that the new ferry terminal would open later in the "
    "year, after delays caused by storms. Officials said fares would not rise."
)


def test_ambiguity() -> None:
    assert is_ambiguous(_match("Posted on 03/04/2019"))
    assert not is_ambiguous(_match("Posted on 15/01/2019"))
    assert not is_ambiguous(_match("Posted on 04/04/2019"))
    assert not is_ambiguous(_match("Posted on 03.04.2019"))  # dots: day-first


def test_page_order() -> None:
    assert page_order("x (28/03/2019) y (12/03/2019)", "/") == "dmy"
    assert page_order("x (03/29/2022)", "/") == "mdy"
    assert page_order("x (28/03/2019) (03/29/2022)", "/") is None  # disagreeing: no decision
    assert page_order("x (28.03.2019)", "/") is None  # another separator


@pytest.mark.parametrize(
    ("raw", "url", "expected", "why"),
    [
        # the page's other dates decide
        ("Posted on 03/04/2019\n\n{body}\n\nRelated (28/03/2019)", None, "2019-04-03", "page"),
        ("Posted on 04/07/2022\n\n{body}\n\nMore (03/29/2022)", None, "2022-04-07", "page"),
        # the outlet's habit (the domain's country)
        ("Posted on 03/04/2019\n\n{body}", "https://x.example.us/a", "2019-03-04", "habit"),
        ("Posted on 03/04/2019\n\n{body}", "https://x.example.de/a", "2019-04-03", "habit"),
        # the weekday the story names (3 April 2019 was a Wednesday, 4 March a Monday)
        ("Posted on 03/04/2019\n\n" + BODY.format(day="Wednesday"), None, "2019-04-03", "weekday"),
        ("Posted on 03/04/2019\n\n" + BODY.format(day="Monday"), None, "2019-03-04", "weekday"),
    ],
)
def test_reading_chosen(raw: str, url: str | None, expected: str, why: str) -> None:
    a = date_article(article(raw.format(body=BODY.format(day="Tuesday")), url=url))
    assert a.published is not None and a.published.iso() == expected, why
    clear = date_article(article("Posted on 15/01/2019\n\n" + BODY.format(day="Tuesday")))
    assert a.published_confidence < clear.published_confidence  # reported less sure


def test_undecided_reading_is_month_first_and_least_sure() -> None:
    m = _match("Posted on 03/04/2019")
    reading = resolve_order(m, "Posted on 03/04/2019")
    assert (reading.match.month, reading.match.day, reading.factor) == (3, 4, 0.6)
    assert "ambiguous" in reading.reason
    report = explain_date(article("Posted on 03/04/2019\n\n" + BODY.format(day="Tuesday")))
    assert report.chosen is not None and "ambiguous" in report.chosen.reason


def test_conflicting_hints_lower_the_factor() -> None:
    m = _match("03/04/2019")
    r = resolve_order(m, "x 03/04/2019 (28/03/2019)", host="x.example.us")
    assert (r.match.day, r.match.month, r.factor) == (3, 4, 0.7)  # the page wins


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("This article was first published in print on 30 March 2019.", "2019-03-30"),
        ("This story was first published on 9 August 2021 and has been updated.", "2021-08-09"),
        ("Originally published on March 3, 2019.", "2019-03-03"),
    ],
)
def test_first_published_note(note: str, expected: str) -> None:
    a = date_article(article(BODY.format(day="Friday") + "\n\n" + note))
    assert a.published is not None and a.published.iso() == expected
    assert a.published_how == "byline"


def test_glued_clock_is_a_page_clock() -> None:
    raw = "00:23 GMT29 July 2021\nListen Live\n\n" + BODY.format(day="Monday")
    report = explain_date(article(raw))
    assert report.published is None
    assert any("page clock" in c.reason for c in report.candidates if not c.accepted)
    # corroborated by another place on the page, the same stamp is the date
    ok = explain_date(article(raw + "\n\nThis story was first published on 29 July 2021."))
    assert ok.published is not None and ok.published.start == dt.date(2021, 7, 29)
