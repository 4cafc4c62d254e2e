"""Unit tests of tag_times, one block per rule family, on hand-written news sentences.

The document creation time of most tests is Friday 2013-03-22 (ISO week 12, first quarter).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import DateInterval, Granularity, TimeExpression
from storyline.temporal import tag_times

DCT = dt.date(2013, 3, 22)  # a Friday


def tags(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


def one(text: str, dct: dt.date | None = DCT) -> TimeExpression:
    found = tag_times(text, dct)
    assert len(found) == 1, found
    return found[0]


# -- weekdays and tense ---
def test_monday_with_a_past_verb_is_the_previous_monday() -> None:
    assert tags("The minister resigned on Monday after the vote.") == [
        ("Monday", "DATE", "2013-03-18")
    ]


def test_monday_with_a_future_verb_is_the_next_monday() -> None:
    assert tags("The minister will resign on Monday, aides say.") == [
        ("Monday", "DATE", "2013-03-25")
    ]


def test_planned_to_makes_a_weekday_future() -> None:
    assert tags("The delegation planned to leave the capital on Tuesday.") == [
        ("Tuesday", "DATE", "2013-03-26")
    ]


def test_the_weekday_of_the_dct_is_the_dct() -> None:
    assert one("Protesters gathered outside the embassy Friday.").value == "2013-03-22"


def test_last_and_next_weekday_are_strict() -> None:
    assert tags("Officials met last Friday and meet again next Friday.") == [
        ("last Friday", "DATE", "2013-03-15"),
        ("next Friday", "DATE", "2013-03-29"),
    ]


def test_weekday_with_part_of_day_is_a_time() -> None:
    assert tags("The fire started on Wednesday night.") == [
        ("Wednesday night", "TIME", "2013-03-20TNI")
    ]


# -- weeks, months, years relative to the DCT ---
def test_next_week_is_an_iso_week() -> None:
    t = one("Negotiators will return next week.")
    assert (t.text, t.value) == ("next week", "2013-W13")
    assert t.interval == DateInterval.iso_week(2013, 13)
    assert t.relative and t.anchor == "dct"


def test_last_year_and_this_month() -> None:
    assert tags("Exports fell last year but rose this month.") == [
        ("last year", "DATE", "2012"),
        ("this month", "DATE", "2013-03"),
    ]


def test_last_april_is_strictly_before_the_dct_month() -> None:
    assert tags("The ferry sank last April.") == [("last April", "DATE", "2012-04")]


def test_a_bare_month_follows_the_tense() -> None:
    assert tags("The treaty was signed in December.") == [("December", "DATE", "2012-12")]
    assert tags("The treaty will be signed in December.") == [("December", "DATE", "2013-12")]


def test_month_and_day_without_year_take_the_dct_year() -> None:
    t = one("Talks began on January 14 in Geneva.")
    assert (t.text, t.value) == ("January 14", "2013-01-14")
    assert t.interval is not None and t.interval.granularity is Granularity.DAY


def test_lower_case_may_is_not_a_month() -> None:
    assert tags("The talks may resume.") == []


def test_two_days_ago_and_a_month_ago() -> None:
    assert tags("The rebels seized the town two days ago, a month ago it was calm.") == [
        ("two days ago", "DATE", "2013-03-20"),
        ("a month ago", "DATE", "2013-02"),
    ]


def test_today_yesterday_tomorrow() -> None:
    assert tags("Rain today, snow yesterday, sun tomorrow.") == [
        ("today", "DATE", "2013-03-22"),
        ("yesterday", "DATE", "2013-03-21"),
        ("tomorrow", "DATE", "2013-03-23"),
    ]


def test_vague_references() -> None:
    assert tags("Prices are now higher than in the past, traders said recently.") == [
        ("now", "DATE", "PRESENT_REF"),
        ("the past", "DATE", "PAST_REF"),
        ("recently", "DATE", "PAST_REF"),
    ]


# -- absolute dates ---
def test_a_year_extent_leaves_out_the_preposition() -> None:
    t = one("The island was occupied in 1956.")
    assert (t.text, t.type, t.value) == ("1956", "DATE", "1956")
    assert t.interval == DateInterval.year(1956)
    assert not t.relative and t.anchor == "none"


def test_month_and_year() -> None:
    assert tags("The war ended in August 1945.") == [("August 1945", "DATE", "1945-08")]


def test_full_dates_in_several_forms() -> None:
    assert tags("Signed on Jan. 14, 2019, ratified 3 March 2020, filed 2021-06-30.") == [
        ("Jan. 14, 2019", "DATE", "2019-01-14"),
        ("3 March 2020", "DATE", "2020-03-03"),
        ("2021-06-30", "DATE", "2021-06-30"),
    ]


def test_decades_and_centuries() -> None:
    assert tags("Built in the 1990s, it outlived the 20th century.") == [
        ("the 1990s", "DATE", "199"),
        ("the 20th century", "DATE", "19"),
    ]


def test_numbers_that_are_not_years() -> None:
    assert tags("Some 1500 troops and 2000 police were deployed.") == []


def test_quarters() -> None:
    assert tags("Third-quarter profit fell, and the fourth quarter looks weak.") == [
        ("Third-quarter", "DATE", "2012-Q3"),
        ("the fourth quarter", "DATE", "2012-Q4"),
    ]
    assert tags("The first quarter of 2011 was strong.") == [
        ("The first quarter of 2011", "DATE", "2011-Q1")
    ]


def test_seasons() -> None:
    assert tags("The bridge opened last summer.") == [("last summer", "DATE", "2012-SU")]


# -- anaphora: the last mentioned date ---
def test_that_year_anchors_to_the_last_date() -> None:
    found = tag_times("The base opened in 1972. That year the treaty was signed.", DCT)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("1972", "1972", "none"),
        ("That year", "1972", "previous"),
    ]


def test_the_following_day_and_a_week_earlier() -> None:
    assert tags("Talks opened on June 3, 2010. The following day they collapsed.") == [
        ("June 3, 2010", "DATE", "2010-06-03"),
        ("The following day", "DATE", "2010-06-04"),
    ]
    assert tags("The deal was signed on June 3, 2010, a week earlier than planned.")[1] == (
        "a week earlier",
        "DATE",
        "2010-05-27",
    )


# -- durations, times, sets ---
def test_durations() -> None:
    assert tags("Prices rose over the past two months after a two-year slump.") == [
        ("the past two months", "DURATION", "P2M"),
        ("two-year", "DURATION", "P2Y"),
    ]
    assert tags("The siege lasted 16 hours.") == [("16 hours", "DURATION", "PT16H")]
    assert tags("It took several years.") == [("several years", "DURATION", "PXY")]


def test_clock_times() -> None:
    assert tags("The blast came at 3:30 p.m. EDT.") == [
        ("3:30 p.m. EDT", "TIME", "2013-03-22T15:30")
    ]
    assert tags("Polls closed at noon Saturday.") == [("noon Saturday", "TIME", "2013-03-16T12:00")]
    assert tags("He spoke this morning.") == [("this morning", "TIME", "2013-03-22TMO")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Police sealed off the square this morning.", "2013-03-22"),
        ("Two shops were looted last night.", "2013-03-21"),
        ("The minister will speak tonight.", "2013-03-22"),
        ("The fire started on Wednesday night.", "2013-03-20"),
    ],
)
def test_a_part_of_a_named_or_deictic_day_dates_that_day(text: str, day: str) -> None:
    t = one(text)
    assert t.type == "TIME" and t.interval is not None and t.interval.iso() == day


def test_a_weekday_that_marks_something_lies_ahead_or_is_today() -> None:
    # DCT Friday 2013-03-22
    assert one("Sunday marks the anniversary of the flood.").value == "2013-03-24"
    assert one("Friday is the deadline for votes.").value == "2013-03-22"


def test_a_bare_clock_time_dates_no_day() -> None:
    assert one("The blast came at 3:30 p.m.").interval is None


def test_sets() -> None:
    assert tags("Patrols run daily; the fee is $5 a month, paid every year.") == [
        ("daily", "SET", "P1D"),
        ("a month", "SET", "P1M"),
        ("every year", "SET", "P1Y"),
    ]


# -- undated documents ---
def test_undated_relative_expressions_stay_unresolved() -> None:
    assert tags("Troops left on Monday and returned in December.", None) == [
        ("Monday", "DATE", "XXXX-WXX-1"),
        ("December", "DATE", "XXXX-12"),
    ]
    assert tags("Talks failed yesterday and last year.", None) == [
        ("yesterday", "DATE", "PAST_REF"),
        ("last year", "DATE", "PAST_REF"),
    ]


def test_undated_absolute_expressions_are_resolved() -> None:
    found = tag_times("The war ended on January 14, 2019, two years after it began in 2017.", None)
    assert [(t.text, t.value) for t in found] == [
        ("January 14, 2019", "2019-01-14"),
        ("two years", "P2Y"),
        ("2017", "2017"),
    ]
    assert found[0].interval == DateInterval.day(dt.date(2019, 1, 14))


# -- contract ---
def test_offsets_point_into_the_text_and_dates_have_intervals() -> None:
    text = "On Monday, 12 March 2012, and again last week, officials met\nfor two hours."
    found = tag_times(text, DCT)
    assert found
    for t in found:
        assert text[t.start : t.end] == t.text
        if t.type == "DATE" and t.value[:1].isdigit() and "X" not in t.value:
            assert t.interval is not None


def test_a_given_doc_is_used_for_tense() -> None:
    from storyline.nlp import load_nlp, parse

    text = "The envoy will arrive on Monday."
    doc = parse(load_nlp(), text)
    assert [t.value for t in tag_times(text, DCT, doc)] == ["2013-03-25"]


def test_without_spacy_the_heuristic_still_reads_tense() -> None:
    assert [t.value for t in tag_times("The envoy arrived Monday.", DCT, use_spacy=False)] == [
        "2013-03-18"
    ]
    assert [t.value for t in tag_times("The envoy will arrive Monday.", DCT, use_spacy=False)] == [
        "2013-03-25"
    ]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "no time here at all"])
def test_nothing_to_find(text: str) -> None:
    assert tag_times(text, DCT) == []


def test_undated_months_take_the_year_of_the_last_date() -> None:
    found = tag_times("The treaty was signed in 2005. In December talks resumed.", None)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("2005", "2005", "none"),
        ("December", "2005-12", "previous"),
    ]


def test_holidays() -> None:
    assert tags("Shops closed on Christmas Day and reopened after Easter 2014.") == [
        ("Christmas Day", "DATE", "2012-12-25"),
        ("Easter 2014", "DATE", "2014-04-20"),
    ]


def test_fiscal_year_ended_is_a_duration_and_the_year_a_date() -> None:
    assert tags("Net income for the year ended June 30 rose; the year was good.") == [
        ("the year", "DURATION", "P1Y"),
        ("June 30", "DATE", "2012-06-30"),
        ("the year", "DATE", "2013"),
    ]


def test_capitalised_names_are_not_times() -> None:
    assert tags('He told ABC\'s "This Week" that the March for Life was peaceful.') == []


def test_a_week_is_a_duration_when_not_a_rate() -> None:
    assert tags("Officials expect victory within a week.") == [("a week", "DURATION", "P1W")]


def test_earnings_report_periods_follow_the_quarter_under_discussion() -> None:
    found = tags(
        "Third-quarter profit rose to $5 million from $4 million a year ago, and sales in the "
        "year-earlier period were lower.",
        dt.date(1989, 10, 30),
    )
    assert found == [
        ("Third-quarter", "DATE", "1989-Q3"),
        ("a year ago", "DATE", "1988-Q3"),
        ("the year-earlier period", "DATE", "1988-Q3"),
    ]


def test_fractions_are_not_quarters() -> None:
    assert tags("Iraq imports about three-quarters of its food.") == []


def test_anaphora_keeps_only_what_is_known() -> None:
    assert tags("He arrived in October 1998. That same day he left.")[1] == (
        "That same day",
        "DATE",
        "1998-10-XX",
    )


def test_spelled_numbers_and_years() -> None:
    assert tags("In the last twenty four hours, as in nineteen ninety-six, prices fell.") == [
        ("the last twenty four hours", "DURATION", "PT24H"),
        ("nineteen ninety-six", "DATE", "1996"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("They meet the envoy on Monday.", "2013-03-25"),  # present reads as future
        ("The vote could come as soon as Tuesday.", "2013-03-26"),
        ("Shares have risen since Monday.", "2013-03-18"),
        ("The court is expected to rule on Wednesday.", "2013-03-27"),
        ("He had left on Thursday.", "2013-03-21"),
    ],
)
def test_weekday_direction_cues(sentence: str, value: str) -> None:
    assert [t.value for t in tag_times(sentence, DCT)] == [value]


# -- tokenised text (Penn Treebank style, as in news-tls datasets): the news-tls reader
# detokenises it, so the tagger reads ordinary prose ---
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A train hit a bus on May 23 , 2001 , in the enclave .", "2001-05-23"),
        ("The talks of 3 May , 2009 failed .", "2009-05-03"),
        ("It opened on Tuesday , May 4 , 2010 .", "2010-05-04"),
        ("Troops arrived in March , 2003 .", "2003-03"),
        ("A train hit a bus on May 23, 2001, in the enclave.", "2001-05-23"),
    ],
)
def test_detokenised_text_keeps_day_and_year_together(text: str, value: str) -> None:
    from storyline.ingest.ptb import detokenize

    found = tag_times(detokenize(text), DCT)
    assert [(t.type, t.value) for t in found] == [("DATE", value)]


# -- "on the 14th", days before month names, stretches "of" something ---
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The trawler sank on the 25th, off Hull.", ("the 25th", "2013-02-25")),
        ("The trawler sank on the 18th.", ("the 18th", "2013-03-18")),
        ("The inquiry will open on the 4th.", ("the 4th", "2013-04-04")),
        ("Divers searched the hull from the 19th and found nothing.", ("the 19th", "2013-03-19")),
    ],
)
def test_an_ordinal_day_is_a_day_of_a_month_near_the_dct(text: str, found: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in tag_times(text, DCT)] == [found]


@pytest.mark.parametrize(
    "text",
    ["The office is on the 14th floor.", "He won in the 3rd round.", "It was the 12th attempt."],
)
def test_an_ordinal_that_counts_something_else_is_no_date(text: str) -> None:
    assert tags(text) == []


def test_a_month_after_a_day_number_is_a_month_even_before_a_verb() -> None:
    # "April was" / "May said" after a name are names; after a day number, days of a month
    assert tags("The vote set for 5 April was called off.") == [("5 April", "DATE", "2013-04-05")]
    assert tags("The ceasefire of 2 May was broken.") == [("2 May", "DATE", "2013-05-02")]


def test_the_last_day_of_something_is_not_yesterday() -> None:
    assert tags("It was the last day of the hearings.") == []
    assert tags("The next week of talks will be harder.") == []
    assert tags("The strike ended last week.") == [("last week", "DATE", "2013-W11")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The trawler sank on the last night of 2012.", ("the last night of 2012", "2012-12-31")),
        ("Trading stops on the last day of March.", ("the last day of March", "2013-03-31")),
        (
            "The law applies from the first day of June 2014.",
            ("the first day of June 2014", "2014-06-01"),
        ),
    ],
)
def test_the_first_or_last_day_of_a_month_or_year(text: str, found: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in tag_times(text, DCT)] == [found]


def test_a_day_set_as_the_object_of_a_setting_verb_lies_ahead() -> None:
    # 22 March 2013: "May 2" told as the day the court set is next May, not last May
    assert tags("The court has set May 2 for the hearing.") == [("May 2", "DATE", "2013-05-02")]
    assert tags("The court has set Feb 2 for the hearing.") == [("Feb 2", "DATE", "2014-02-02")]


def test_a_dated_chronology_line_keeps_its_year_before_a_dash() -> None:
    # "2022 - A second" is no range of seconds, and "A second delay" no frequency
    assert tags("9 June 2022 - A second delay moves the launch to November 2024.") == [
        ("9 June 2022", "DATE", "2022-06-09"),
        ("November 2024", "DATE", "2024-11"),
    ]
    assert tags("Prices rose 5% a year.") == [("a year", "SET", "P1Y")]


def test_a_day_of_a_month_next_year() -> None:
    assert tags("She must report by 30 June next year.") == [
        ("30 June next year", "DATE", "2014-06-30")
    ]
