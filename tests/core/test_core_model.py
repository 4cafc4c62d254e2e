import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import DateInterval, Granularity, stable_id


def test_week_is_dated_by_its_monday() -> None:
    w = DateInterval.week_of(dt.date(2019, 1, 17))  # a Thursday
    assert w.start == dt.date(2019, 1, 14) and w.end == dt.date(2019, 1, 20)
    assert w.iso() == "2019-01-14"
    assert w.timex() == "2019-W03"


@pytest.mark.parametrize(
    "interval, iso, timex",
    [
        (DateInterval.day(dt.date(2014, 1, 21)), "2014-01-21", "2014-01-21"),
        (DateInterval.month(1945, 8), "1945-08", "1945-08"),
        (DateInterval.quarter(2013, 1), "2013", "2013-Q1"),
        (DateInterval.year(1956), "1956", "1956"),
        (DateInterval.decade(2010), "2010", "201"),
    ],
)
def test_views(interval: DateInterval, iso: str, timex: str) -> None:
    assert interval.iso() == iso
    assert interval.timex() == timex


def test_month_bounds_and_leap_year() -> None:
    feb = DateInterval.month(2020, 2)
    assert feb.end == dt.date(2020, 2, 29) and feb.days == 29
    assert feb.contains(dt.date(2020, 2, 29)) and not feb.contains(dt.date(2020, 3, 1))


def test_rejects_reversed_interval() -> None:
    with pytest.raises(ValueError):
        DateInterval(dt.date(2020, 1, 2), dt.date(2020, 1, 1), Granularity.DAY)


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_parse_inverts_iso_for_days(d: dt.date) -> None:
    assert DateInterval.parse(DateInterval.day(d).iso()) == DateInterval.day(d)
    m = DateInterval.month(d.year, d.month)
    assert DateInterval.parse(m.iso()) == m


def test_parse_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        DateInterval.parse("January 2019")


def test_stable_id_is_content_hash() -> None:
    assert stable_id("a", "b") == stable_id("a", "b")
    assert stable_id("a", "b") != stable_id("ab", "")
    assert stable_id("x", prefix="t").startswith("t")
