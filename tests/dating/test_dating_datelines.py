"""Surface forms of dates: scanning, container strings, headers, datelines, bylines, URLs."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.dating.datelines import find_bylines, find_datelines, find_header, find_url_date
from storyline.dating.scan import parse_date_string, scan_dates
from storyline.model import DateInterval, Granularity

DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))
CITIES = st.sampled_from(["PARIS", "NEW YORK", "TOKYO", "RIO DE JANEIRO", "KYIV", "ST. LOUIS"])
AGENCIES = st.sampled_from(["Reuters", "AP", "AFP", "Xinhua"])


def _fields(text: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(m.year, m.month, m.day) for m in scan_dates(text)]


def test_scan_dates_reads_each_written_form() -> None:
    text = (
        "The accord was signed on March 3, 2011 and revised on 14 June 2012. "
        "Talks resumed in October 2013, again on 2015-02-09 and on 09.11.2016. "
        "A vote is planned for April 2 and ministers meet in May."
    )
    assert _fields(text) == [
        (2011, 3, 3),
        (2012, 6, 14),
        (2013, 10, None),
        (2015, 2, 9),
        (2016, 11, 9),
        (None, 4, 2),
        (None, 5, None),
    ]


def test_scan_dates_reads_years_but_not_money_or_decades() -> None:
    text = "Sales reached $2010 million in the 1990s; the plant opened in 1987, 40% up."
    assert _fields(text) == [(1987, None, None)]
    assert _fields("About 2000 people and 1850 troops marched in 2009 elections.") == [
        (2009, None, None)
    ]


def test_scan_dates_ignores_may_the_verb_and_lowercase_months() -> None:
    assert _fields("Officials may meet soon; the march ended at noon.") == []


def test_scan_dates_keeps_a_written_weekday() -> None:
    [m] = scan_dates("It opened on Wednesday, 5 March 2014 at dawn.")
    assert (m.year, m.month, m.day, m.weekday) == (2014, 3, 5, 2)
    assert m.interval == DateInterval.day(dt.date(2014, 3, 5))


def test_scan_dates_rejects_impossible_days() -> None:
    assert _fields("on February 30, 2015") == [(2015, None, None)]


@given(DAYS, st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b. %d, %Y", "%Y-%m-%d", "%A, %B %d, %Y"]))
@settings(max_examples=150, deadline=None)
def test_scan_dates_round_trips_formatted_days(day: dt.date, fmt: str) -> None:
    text = f"The report said it happened on {day.strftime(fmt)} in the capital."
    found = [m for m in scan_dates(text) if m.day is not None]
    assert len(found) == 1
    assert found[0].interval == DateInterval.day(day)


def test_parse_date_string_forms() -> None:
    assert parse_date_string("2019-01-11") == DateInterval.day(dt.date(2019, 1, 11))
    assert parse_date_string("2019-01-11T23:10:00+02:00") == DateInterval.day(dt.date(2019, 1, 11))
    assert parse_date_string("20190111") == DateInterval.day(dt.date(2019, 1, 11))
    assert parse_date_string("2019-01") == DateInterval.month(2019, 1)
    assert parse_date_string("2019") == DateInterval.year(2019)
    assert parse_date_string("Fri, 11 Jan 2019 08:00:00 GMT") == DateInterval.day(
        dt.date(2019, 1, 11)
    )
    for bad in ("", "soon", "2019-13-01", "2019-02-30", "next Tuesday"):
        assert parse_date_string(bad) is None, bad


@given(DAYS)
def test_parse_date_string_iso_round_trip(day: dt.date) -> None:
    assert parse_date_string(day.isoformat()) == DateInterval.day(day)
    assert parse_date_string(day.strftime("%d %B %Y")) == DateInterval.day(day)


@given(st.text(max_size=60))
def test_parse_date_string_never_raises(s: str) -> None:
    result = parse_date_string(s)
    assert result is None or isinstance(result, DateInterval)


def test_find_header() -> None:
    h = find_header(" date 2020-06-30 Ministers met in the harbour town.")
    assert h is not None and h.how == "header"
    assert h.match.interval == DateInterval.day(dt.date(2020, 6, 30))
    assert find_header("Ministers met on 2020-06-30.") is None


def test_find_datelines_full_with_weekday_and_clock() -> None:
    text = (
        "Headline here\n\nBERLIN Wed Mar 4, 2015 6:02pm EST\n\nBERLIN (Reuters) - Ministers met.\n"
    )
    [d] = find_datelines(text)
    assert d.match.interval == DateInterval.day(dt.date(2015, 3, 4))
    assert d.match.weekday == 2 and d.clock
    assert text[d.match.start : d.match.end] == d.match.text


def test_find_datelines_partial_with_lead_weekday() -> None:
    text = "CAIRO, Oct. 6 (AFP) - The cabinet resigned on Thursday after a week of protests.\n"
    [d] = find_datelines(text)
    assert (d.match.year, d.match.month, d.match.day) == (None, 10, 6)
    assert d.lead_weekday == 3


def test_find_datelines_skips_undated_and_ordinary_lines() -> None:
    text = "ROME (AP) - No date here.\nThe Pope spoke on May 3, 2012 to pilgrims.\n"
    assert find_datelines(text) == []


@given(
    CITIES,
    DAYS,
    AGENCIES,
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", ", Kenya", ", Calif."]),
    st.sampled_from([", ", " | "]),
)
@settings(max_examples=200, deadline=None)
def test_find_datelines_property(
    city: str,
    day: dt.date,
    agency: str,
    with_year: bool,
    abbreviated: bool,
    region: str,
    sep: str,
) -> None:
    month = calendar.month_abbr[day.month] + "." if abbreviated else calendar.month_name[day.month]
    date_text = f"{month} {day.day}" + (f", {day.year}" if with_year else "")
    lead = f"({agency}) - Officials said the talks ended.\n"
    text = f"Some title\n\n{city}{region}{sep}{date_text} {lead}"
    found = find_datelines(text)
    assert len(found) == 1
    m = found[0].match
    assert (m.month, m.day) == (day.month, day.day)
    assert m.year == (day.year if with_year else None)
    assert text[m.start : m.end] == m.text
    assert found[0].line.startswith(city)


def test_find_bylines_and_page_clock() -> None:
    text = "Published: 4 March 2015 | Updated 10:12\nBy A. Writer\n\nStory text follows."
    [b] = find_bylines(text)
    assert b.match.interval == DateInterval.day(dt.date(2015, 3, 4))
    [clock] = find_bylines("11:47 GMT03 August 2022\nListen\n\nStory.")
    assert clock.clock and clock.match.interval == DateInterval.day(dt.date(2022, 8, 3))


def test_find_bylines_inline_stamps() -> None:
    text = (
        "Rig owner denies fault in spill inquiry Friday 10 September 2010 18.59 BST The "
        "company said on Friday that it had followed every rule , and it will testify ."
    )
    [b] = find_bylines(text)
    assert b.match.interval == DateInterval.day(dt.date(2010, 9, 10)) and b.clock
    assert b.line == "Friday 10 September 2010 18.59 BST"
    [b2] = find_bylines("Wednesday , June 2 , 2010 ; 1:00 PM The chat began with questions .")
    assert b2.match.interval == DateInterval.day(dt.date(2010, 6, 2))
    # "updated" stamps and lists of stamps (other stories) are not the article's
    assert find_bylines("Clip one updated : Sun Jul 29 2012 08:01:00 More text here .") == []
    two = "A Mon Mar 1 2010 08:01:00 first clip . B Tue Mar 2 2010 09:01:00 second clip ."
    assert find_bylines(two) == []
    # a weekday and date without a time of day inside prose is not a stamp
    assert find_bylines("Talks resumed on Friday 10 September 2010 and ended quickly .") == []


def test_find_bylines_prefers_published_over_updated() -> None:
    text = "Updated 9 March 2015 14:10\nPublished 4 March 2015\n\nStory."
    first = find_bylines(text)[0]
    assert first.match.interval == DateInterval.day(dt.date(2015, 3, 4))


def test_find_bylines_ignores_sentences() -> None:
    text = (
        "The committee, which first met in the old town hall on 4 March 2015, said that "
        "its members would keep working on the draft over the coming months.\n"
    )
    assert find_bylines(text) == []


def test_find_url_date() -> None:
    f = find_url_date("https://news.example.org/world/2018/11/14/talks-resume.html")
    assert f is not None and f.match.interval == DateInterval.day(dt.date(2018, 11, 14))
    f = find_url_date("https://example.com/a/story-20181114-x")
    assert f is not None and f.match.interval == DateInterval.day(dt.date(2018, 11, 14))
    f = find_url_date("https://example.com/2018/11/talks")
    assert f is not None and f.match.interval is not None
    assert f.match.interval.granularity is Granularity.MONTH
    assert find_url_date("https://example.com/item/123456") is None
    assert find_url_date(None) is None


def test_find_datelines_reuters_web_and_tokenised_forms() -> None:
    text = (
        "By A. Writer , Science Editor LIMA | Tue Mar 3 , 2009 4:23 pm EST LIMA -LRB- Reuters "
        "-RRB- - Officials reported on Tuesday that the outbreak had slowed ."
    )
    [d] = find_datelines(text)
    assert d.match.interval == DateInterval.day(dt.date(2009, 3, 3))
    assert d.clock and d.line == "LIMA | Tue Mar 3 , 2009 4:23 pm EST"
    [d2] = find_datelines("BOISE, Idaho | Fri Jul 30, 2010 12:36am BST BOISE, Idaho (Reuters) - x")
    assert d2.match.interval == DateInterval.day(dt.date(2010, 7, 30))


def test_find_datelines_skips_agency_credits() -> None:
    assert find_datelines("AP Apr. 21\nThe rig exploded on Tuesday.") == []
