"""The dating stage on realistic noisy fixtures written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import DatingConfig
from storyline.dating.pubdate import HOWS, date_article, explain_date
from storyline.model import Article, DateInterval, Granularity

HEADER_OK = (
    " date 2020-06-30 The two governments will hold a second round of fisheries talks in "
    "Oslo on July 6, a spokesman told journalists on June 29.\n\n"
    "The first round, in March, ended without an agreement on quotas."
)

HEADER_CONTRADICTED = (
    " date 2012-02-01 Negotiators signed the final text of the fisheries accord on "
    "14 October 2015 after two years of talks.\n\nThe accord was ratified in December 2015."
)

CLOCK_ABOVE_OLD_STORY = (
    "14:05 GMT 02 March 2023\nSubscribe\n\n"
    "OSLO (Agency) - Ministers said after this Tuesday's round of talks that a deal "
    "was close. Their deputies first met on 3 May 2016 and again in November 2016.\n\n"
    "The next round will take place on 12 February, the ministry said."
)

PARTIAL_DATELINE = (
    "Fishing talks stall\n\n"
    "OSLO, April 4 (Agency) - Fisheries ministers failed on Tuesday to agree quotas "
    "for 2017, after a season in which catches fell sharply.\n\n"
    "Quotas were last revised in September 2016."
)

PARTIAL_NO_YEAR = (
    "Fishing talks stall\n\n"
    "OSLO, April 4 (Agency) - Fisheries ministers failed to agree quotas, officials said.\n"
)

UNDATED = (
    "Ministers from both countries will meet again in the autumn to discuss quotas.\n\n"
    "They last met in spring, when officials said progress had been slow."
)


def _article(raw: str, **kw: object) -> Article:
    return Article(id="t", path="t.txt", raw_text=raw, **kw)  # type: ignore[arg-type]


def test_header_is_accepted_and_confident() -> None:
    a = date_article(_article(HEADER_OK))
    assert a.published == DateInterval.day(dt.date(2020, 6, 30))
    assert a.published_how == "header"
    assert 0.8 <= a.published_confidence <= 1.0
    assert a.published_window is None


def test_header_contradicted_by_the_text_is_rejected() -> None:
    rep = explain_date(_article(HEADER_CONTRADICTED))
    assert rep.published is None or rep.how == "text-inferred"
    [header] = [c for c in rep.candidates if c.how == "header"]
    assert not header.accepted
    assert "past tense" in header.reason and "14 October 2015" in header.reason


def test_crawl_clock_is_rejected_and_a_window_inferred() -> None:
    rep = explain_date(_article(CLOCK_ABOVE_OLD_STORY))
    [clock] = rep.candidates
    assert clock.how == "byline" and not clock.accepted and "clock" in clock.reason
    assert rep.published is None
    assert rep.how == "text-inferred"
    assert rep.window == (dt.date(2016, 11, 1), dt.date(2023, 3, 2))
    a = date_article(_article(CLOCK_ABOVE_OLD_STORY))
    assert a.published is None and a.published_how == "text-inferred"
    assert a.published_window == rep.window and a.published_confidence == 0.0


def test_crawl_clock_gap_follows_config() -> None:
    rep = explain_date(_article(CLOCK_ABOVE_OLD_STORY), DatingConfig(max_gap_days=5000))
    assert rep.how == "byline"
    assert rep.published == DateInterval.day(dt.date(2023, 3, 2))


def test_partial_dateline_takes_year_from_content_with_lower_confidence() -> None:
    a = date_article(_article(PARTIAL_DATELINE))
    assert a.published == DateInterval.day(dt.date(2017, 4, 4))
    assert a.published_how == "dateline"
    assert 0.0 < a.published_confidence < 0.7
    rep = explain_date(_article(PARTIAL_DATELINE))
    assert rep.chosen is not None and "weekday" in rep.chosen.reason


def test_partial_dateline_without_any_year_stays_undated() -> None:
    rep = explain_date(_article(PARTIAL_NO_YEAR))
    assert rep.published is None and rep.how == "none"
    [c] = rep.candidates
    assert c.value == "XXXX-04-04" and not c.accepted and "no year" in c.reason


def test_partial_dateline_year_from_a_full_date_elsewhere() -> None:
    raw = "OSLO, April 4 (Agency) - Ministers met.\n"
    a = date_article(_article(raw, url="https://example.org/news/2019/04/04/talks"))
    assert a.published == DateInterval.day(dt.date(2019, 4, 4))
    assert a.published_how == "url"  # the full date wins; the dateline agrees with it
    assert a.published_confidence > 0.75


def test_undated_text_stays_undated() -> None:
    a = date_article(_article(UNDATED))
    assert a.published is None
    assert a.published_how == "none"
    assert a.published_confidence == 0.0 and a.published_window is None


def test_given_meta_date_is_validated() -> None:
    good = date_article(_article(HEADER_OK[17:], given_date="2020-06-30", given_date_how="meta"))
    assert good.published_how == "meta"
    assert good.published == DateInterval.day(dt.date(2020, 6, 30))
    text = "The ministers will sign the accord on July 6, 2020 in Oslo, aides said."
    bad = explain_date(_article(text, given_date="2031-01-01", given_date_how="meta"))
    assert bad.how != "meta"
    assert not bad.candidates[0].accepted
    assert "as coming" in bad.candidates[0].reason or "in the future" in bad.candidates[0].reason


def test_unreadable_given_date_is_reported() -> None:
    rep = explain_date(_article(UNDATED, given_date="last Tuesday", given_date_how="field"))
    assert rep.published is None
    assert rep.candidates[0].how == "field" and "cannot read" in rep.candidates[0].reason


def test_date_after_crawl_is_rejected() -> None:
    rep = explain_date(_article(HEADER_OK, crawled=dt.date(2020, 1, 1)))
    assert rep.how != "header"
    assert "crawl date" in rep.candidates[0].reason


def test_month_only_field_keeps_month_granularity() -> None:
    a = date_article(_article(UNDATED, given_date="2021-10", given_date_how="field"))
    assert a.published == DateInterval.month(2021, 10)
    assert a.published.granularity is Granularity.MONTH


def test_clean_text_is_preferred_for_evidence() -> None:
    # raw chrome mentions a far later date; the clean story text does not
    raw = " date 2020-06-30 Ministers met on June 29.\nRelated: (05.07.2024) other story"
    art = _article(raw, text="Ministers met on June 29 and agreed to meet again.")
    assert date_article(art).published == DateInterval.day(dt.date(2020, 6, 30))


@pytest.mark.parametrize(
    "raw", [HEADER_OK, HEADER_CONTRADICTED, CLOCK_ABOVE_OLD_STORY, PARTIAL_DATELINE, UNDATED, ""]
)
def test_invariants(raw: str) -> None:
    art = _article(raw)
    a = date_article(art)
    assert a.published_how in HOWS
    assert 0.0 <= a.published_confidence <= 1.0
    if a.published is None:
        assert a.published_confidence == 0.0
    if a.published_window is not None:
        lo, hi = a.published_window
        assert lo <= hi
    assert date_article(art) == a  # deterministic
    assert art.published is None  # input not mutated
    assert a.raw_text == raw and a.id == art.id


FRAGMENTS = st.sampled_from(
    [
        "PARIS, May 3 (AFP) - ",
        "LIMA Tue Feb 29, 2000 9:15am EST\n",
        "08:15 GMT 29 February 2024\n",
        " date 2016-02-29 ",
        "Published: 31 December 1999\n",
        "the talks ended on Friday",
        " will resume on 30 February 2020",
        "officials met in December 2016. ",
        "since 1956, ",
        "on January 1",
        "\n\n",
        "(Reuters) - ",
        "12/31/99 WALL STREET JOURNAL\n",
        "next year ",
        "2100 ",
        "1799 ",
        "“quote” ",
    ]
)


@given(
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=12),
    st.one_of(st.none(), st.sampled_from(["2016-02-29", "garbage", "2019-01", "1999"])),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))),
    st.one_of(st.none(), st.sampled_from(["https://x.org/2016/02/29/a", "https://x.org/a"])),
)
@settings(max_examples=150, deadline=None)
def test_never_raises_and_keeps_invariants(
    parts: list[str], given_date: str | None, crawled: dt.date | None, url: str | None
) -> None:
    art = Article(
        id="f",
        path="f",
        raw_text="".join(parts),
        given_date=given_date,
        given_date_how="meta" if given_date else None,
        crawled=crawled,
        url=url,
    )
    rep = explain_date(art)
    a = date_article(art)
    assert a.published == rep.published and a.published_how == rep.how
    assert a.published_how in HOWS
    assert 0.0 <= a.published_confidence <= 1.0
    if a.published is not None and crawled is not None:
        assert a.published.start <= crawled + dt.timedelta(days=1)
    if a.published_how == "text-inferred":
        assert a.published_window is not None
        assert a.published is None or a.published.granularity is not Granularity.DAY
    if a.published_window is not None:
        assert a.published_window[0] <= a.published_window[1]


OLD_STORY = (
    "Ministers signed the fisheries accord on 14 October 2015, officials said.\n\n"
    "The previous round of talks had ended in March 2015."
)


@pytest.mark.parametrize(("how", "kept"), [("header", True), ("field", True), ("meta", False)])
def test_page_clock_rule_by_container(how: str, kept: bool) -> None:
    # a header or JSON field is trusted whatever the age of the text's dates; HTML
    # metadata (htmldate may fall back to a date printed on the page) is not, past 2x gap
    rep = explain_date(_article(OLD_STORY, given_date="2018-05-02", given_date_how=how))
    assert (rep.how == how) is kept
    if not kept:
        assert "clock" in rep.candidates[0].reason


def test_comment_dates_at_the_end_do_not_reject_a_field_date() -> None:
    body = "Ministers signed the fisheries accord on Monday, officials said. " * 40
    tail = "\nPosted by a reader on 3 March 2013 at 10:12.\n"
    rep = explain_date(_article(body + tail, given_date="2012-05-02", given_date_how="field"))
    assert rep.how == "field"
    assert rep.published == DateInterval.day(dt.date(2012, 5, 2))


# the year is only in the copyright line; the text names an older year, and 14 May is a
# Tuesday both in 2019 and in 1985 (a weekday alone would pick the year nearest 1982)
WIRE_COPYRIGHT = (
    "Harbour club wound up\n\n"
    "KARVIK, May 14 (Nordic Wire) - A court ordered Karvik United to be wound up on "
    "Tuesday, ending more than a century of football in the town.\n\n"
    "The club last won the league in 1982.\n\n"
    "© 2019 Nordic Wire. All rights reserved.\n"
)


def test_partial_dateline_takes_the_year_of_the_copyright_line() -> None:
    a = date_article(_article(WIRE_COPYRIGHT))
    assert a.published == DateInterval.day(dt.date(2019, 5, 14))
    rep = explain_date(_article(WIRE_COPYRIGHT))
    assert rep.chosen is not None and "copyright" in rep.chosen.reason
