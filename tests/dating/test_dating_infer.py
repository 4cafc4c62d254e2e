"""What a text's own dates say about when it was written: tense, bounds, years, checks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.dating.infer import (
    FUTURE,
    PAST,
    UNKNOWN,
    check_candidate,
    estimate,
    extract_mentions,
    first_weekday,
    guess_year,
    resolve_year,
    tense_at,
    text_bounds,
)
from storyline.dating.pubdate import explain_date
from storyline.model import Article, DateInterval, Granularity


def _tense(text: str, needle: str) -> str:
    i = text.index(needle)
    return tense_at(text, i, i + len(needle))


def test_tense_of_each_clause() -> None:
    s = "“The vote will be held on May 9,” the spokesman told reporters on May 2."
    assert _tense(s, "May 9") == FUTURE
    assert _tense(s, "May 2") == PAST
    assert _tense("Relations have warmed since March 2014.", "March 2014") == PAST
    assert _tense("On 4 June 2015, the first ferry docks here.", "4 June 2015") == UNKNOWN
    assert _tense("On 4 June 2015, the first ferry brought visitors.", "4 June 2015") == PAST
    assert _tense("Bonds due Oct. 15, 2031 were sold.", "Oct. 15, 2031") == FUTURE
    assert _tense("Flights stopped due to fog on 3 May 2012.", "3 May 2012") == PAST
    assert _tense("All claims were paid by August 2013.", "August 2013") == UNKNOWN
    assert _tense("He served until 2005 as mayor.", "2005") == UNKNOWN


def test_bounds_from_past_and_future_dates() -> None:
    text = (
        "The bridge opened on 2 April 2018. Engineers said repairs begun in January 2019 "
        "would be finished, and a second span will open in March 2020."
    )
    b = text_bounds(extract_mentions(text))
    assert b.earliest == dt.date(2019, 1, 1) and b.earliest_from == "January 2019"
    assert b.latest == dt.date(2020, 3, 31) and b.latest_from == "March 2020"


def test_bounds_drop_a_contradictory_upper_bound() -> None:
    text = "A ferry will sail in May 2010. The port reopened on 1 June 2012."
    b = text_bounds(extract_mentions(text))
    assert b.earliest == dt.date(2012, 6, 1) and b.latest is None


def test_guess_year_is_the_latest_year_named_outside_the_future() -> None:
    assert guess_year(extract_mentions("Talks began in July 2016 and stalled on March 3."))[0] == (
        2016
    )
    assert guess_year(extract_mentions("Profits rose in 2016, from 2012 levels."))[0] == 2016
    assert guess_year(extract_mentions("No year here, only Monday."))[0] is None
    # a future year is not a year of writing
    assert guess_year(extract_mentions("Elections will be held in 2030."))[0] is None


def test_resolve_year_with_anchor_weekday_and_bounds() -> None:
    ms = extract_mentions("The port reopened in 2012 after repairs.")
    assert resolve_year(12, 30, [], anchor=dt.date(2013, 1, 2))[0] == 2012
    # 2012 is guessed; 29 March is a Friday in 2013, a Thursday in 2012
    assert resolve_year(3, 29, ms, weekday=4)[0] == 2013
    assert resolve_year(3, 29, ms, weekday=3)[0] == 2012
    # without a weekday: the guessed year, or the next when the date would precede a
    # date the text reports in the past
    assert resolve_year(3, 29, ms)[0] == 2012
    ms2 = extract_mentions("The port reopened on 1 June 2012 after repairs.")
    assert resolve_year(3, 29, ms2)[0] == 2013
    assert resolve_year(3, 29, [])[0] is None


def test_check_candidate_rejections_and_support() -> None:
    ms = extract_mentions(
        "Ministers met on 3 March 2015. They will meet again on 20 May 2015, aides said."
    )
    day = DateInterval.day
    ok = check_candidate(day(dt.date(2015, 3, 4)), ms, 365)
    assert ok.reason is None and ok.support == 1.0
    early = check_candidate(day(dt.date(2015, 2, 1)), ms, 365)
    assert early.reason is not None and "past tense" in early.reason
    late = check_candidate(day(dt.date(2015, 6, 1)), ms, 365)
    assert late.reason is not None and "as coming" in late.reason
    # only the body (before body_end) can contradict a strong date
    assert check_candidate(day(dt.date(2015, 2, 1)), ms, 365, strong=True).reason is not None
    assert (
        check_candidate(day(dt.date(2015, 2, 1)), ms, 365, strong=True, body_end=10).reason is None
    )
    assert check_candidate(day(dt.date(2015, 2, 1)), ms, 365, body_end=10).reason is not None
    after_crawl = check_candidate(day(dt.date(2015, 3, 4)), ms, 365, dt.date(2015, 1, 1))
    assert after_crawl.reason is not None and "crawl date" in after_crawl.reason


def test_check_candidate_page_clock_rule() -> None:
    day = DateInterval.day
    ms = extract_mentions("Ministers met on 3 March 2015, aides said.")
    clock = check_candidate(day(dt.date(2017, 6, 1)), ms, 365)
    assert clock.reason is not None and "clock" in clock.reason
    # naming the year before is enough to lift the suspicion
    assert check_candidate(day(dt.date(2016, 6, 1)), ms, 365).reason is None
    # without a gap (a header or field) no date is taken for a clock
    assert check_candidate(day(dt.date(2017, 1, 1)), ms, 365).reason is not None
    assert check_candidate(day(dt.date(2030, 1, 1)), ms, None).reason is None
    # a corroborated day is never a clock
    assert check_candidate(day(dt.date(2019, 6, 1)), ms, 365, corroborated=True).reason is None
    # 2019-06-01 is a Saturday: a story whose first weekday is Saturday corroborates it
    assert check_candidate(day(dt.date(2019, 6, 1)), ms, 365, weekday=5).reason is None
    assert check_candidate(day(dt.date(2019, 6, 1)), ms, 365, weekday=4).reason is not None
    # the gap is configurable
    assert check_candidate(day(dt.date(2017, 6, 1)), ms, 1000).reason is None


def test_first_weekday_skips_future_and_excluded() -> None:
    text = "Talks will resume on Friday. The minister resigned on Tuesday."
    assert first_weekday(text) is None  # the first weekday is announced, not reported
    assert first_weekday("The minister resigned on Tuesday, aides said.") == 1
    assert first_weekday("Monday 10:00\nShe spoke on Sunday.", [(0, 12)]) == 6


def test_estimate_places_yearless_days_in_the_guessed_year() -> None:
    ms = extract_mentions("Talks began in 2016. The envoy left on March 3, officials said.")
    e = estimate(ms, text_bounds(ms))
    assert e == DateInterval.day(dt.date(2016, 3, 3))
    assert estimate([], text_bounds([])) is None
    ms2 = extract_mentions("Sales fell in 2009.")
    e2 = estimate(ms2, text_bounds(ms2))
    assert e2 is not None and e2.granularity is Granularity.YEAR


def test_window_within_one_month_is_published_as_that_month() -> None:
    text = (
        "Voting began on March 3, 2016 across the country.\n\n"
        "Results will be announced on March 20, 2016, officials said."
    )
    rep = explain_date(Article(id="m", path="m", raw_text=text))
    assert rep.how == "text-inferred"
    assert rep.window == (dt.date(2016, 3, 3), dt.date(2016, 3, 20))
    assert rep.published == DateInterval.month(2016, 3)
    assert 0 < rep.confidence < 0.5


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
    st.integers(min_value=1, max_value=300),
    st.integers(min_value=1, max_value=300),
)
@settings(max_examples=60, deadline=None)
def test_window_always_holds_the_true_day_for_clean_tenses(
    true_day: dt.date, before: int, after: int
) -> None:
    past = true_day - dt.timedelta(days=before)
    coming = true_day + dt.timedelta(days=after)
    text = (
        f"The council approved the plan on {past.strftime('%B %d, %Y')}, officials said.\n\n"
        f"Construction will start on {coming.strftime('%d %B %Y')}."
    )
    rep = explain_date(Article(id="h", path="h", raw_text=text))
    assert rep.window is not None
    lo, hi = rep.window
    assert lo <= true_day <= hi
    assert rep.published is None or rep.published.contains(true_day)
    assert rep.published is None or rep.published.granularity is not Granularity.DAY
