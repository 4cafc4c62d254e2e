"""Tagger errors fixed in general form: month words in names, future-in-past weekdays, a
weekday named twice, "earlier this week", and times of day that name their day."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import DateInterval, Granularity
from storyline.temporal import tag_times

SAT = dt.date(2020, 2, 29)  # a Saturday
TUE = dt.date(2019, 1, 8)


def values(text: str, dct: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, dct)]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Theresa May's deal was rejected again.",
        "Irena May told the crowd to stay calm.",
        "Judge April Moreau opened the hearing.",
        "Labour Minister June Halvorsen urged both sides to talk.",
        "May said she would not resign.",
        "The November 15 Association filed a complaint.",
    ],
)
def test_a_month_word_inside_a_name_is_no_date(text: str) -> None:
    assert values(text, TUE) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The council met in May.", "2018-05"),
        ("Talks resumed in early June.", "2018-06"),
        ("Juan Gonzalez arrived in the United States April 2 and left.", "2018-04-02"),
        ("He will succeed Daniel Davison Feb. 1.", "2019-02-01"),
    ],
)
def test_a_month_is_still_a_month(text: str, value: str) -> None:
    assert [v for _, v in values(text, TUE)] == [value]


def test_a_future_in_past_weekday_is_seen_from_the_statement() -> None:
    found = values(
        "Addis Ababa announced on Wednesday that it would not attend the meeting on Thursday "
        "and Friday.",
        SAT,
    )
    assert found == [
        ("Wednesday", "2020-02-26"),
        ("Thursday", "2020-02-27"),
        ("Friday", "2020-02-28"),
    ]
    # without a statement day in the sentence, "would" looks ahead from the document date
    assert values("The ministers would meet on Thursday, officials said.", SAT) == [
        ("Thursday", "2020-03-05")
    ]


def test_a_for_to_clause_on_a_noun_takes_the_tense_of_its_clause() -> None:
    # the parser reads "to orange" as an infinitive hung on "level": the weekday is the
    # raising's, in the past, not a plan ahead
    text = "Scientists raised the alert level for Mount Kald to orange on Monday."
    assert values(text, TUE) == [("Monday", "2019-01-07")]
    # a plan noun keeps its infinitive ahead
    text = "The union renewed its call for the ministry to resume talks on Monday."
    assert values(text, TUE) == [("Monday", "2019-01-14")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The judge set the trial for 20 September.", ("20 September", "2019-09-20")),
        ("The court listed the appeal for a hearing on 10 January.", ("10 January", "2019-01-10")),
        ("The board moved the vote to Monday.", ("Monday", "2019-01-14")),
        ("The judge adjourned the case until 1 October.", ("1 October", "2019-10-01")),
        # the day a setting verb is not set for keeps the verb's tense
        ("The court set bail at 500 crowns on 7 January.", ("7 January", "2019-01-07")),
    ],
)
def test_a_day_something_is_set_for_lies_ahead_of_the_setting(
    text: str, found: tuple[str, str]
) -> None:
    assert values(text, TUE) == [found]


def test_a_weekday_named_again_is_the_same_day() -> None:
    text = (
        "Lavrov is expected to meet Kono on Monday in Moscow. "
        "Zakharova said Monday marked a first round of talks."
    )
    assert [v for _, v in values(text, TUE)] == ["2019-01-14", "2019-01-14"]


def test_earlier_this_week_is_the_part_before_the_document_day() -> None:
    fri = dt.date(2019, 1, 11)
    [t] = tag_times("Earlier this week, the ministry summoned the ambassador.", fri)
    assert t.value == "2019-W02"  # TIMEX3 value: the week
    assert t.interval == DateInterval(dt.date(2019, 1, 7), dt.date(2019, 1, 10), Granularity.WEEK)
    [later] = tag_times("A vote is due later this month.", fri)
    assert later.interval is not None and later.interval.start == dt.date(2019, 1, 12)


def test_a_time_of_day_dates_its_day_only_when_it_names_it() -> None:
    found = tag_times(
        "Salas conceded on Thursday morning and spoke at 10 a.m.", dt.date(2023, 4, 7)
    )
    by_text = {t.text: t for t in found}
    assert by_text["Thursday morning"].interval == DateInterval.day(dt.date(2023, 4, 6))
    assert by_text["10 a.m."].interval is None
