"""timelinejs.json: Knight Lab TimelineJS3 shape, integer date parts, escaped HTML text."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from storyline.model import DateInterval, Timeline
from storyline.render import render
from storyline.render.timelinejs import date_parts


def _doc(t: Timeline) -> dict:  # type: ignore[type-arg]
    return json.loads(render(t, "timelinejs"))  # type: ignore[no-any-return]


def test_shape(rich: Timeline) -> None:
    doc = _doc(rich)
    assert set(doc) == {"title", "events", "scale"}
    assert doc["title"]["text"]["headline"] == "Island dispute: treaty talks"
    assert [e["unique_id"] for e in doc["events"]] == [e.id for e in rich.entries]
    for event in doc["events"]:
        assert set(event["text"]) == {"headline", "text"}
        assert event["autolink"] is False
        for key in ("start_date", "end_date"):
            if key in event:
                assert all(type(v) is int for v in event[key].values()), event[key]


def test_dates_only_as_precise_as_granularity(rich: Timeline) -> None:
    by_id = {e["unique_id"]: e for e in _doc(rich)["events"]}
    assert by_id["e-talks"]["start_date"] == {"year": 2019, "month": 1, "day": 14}
    assert "end_date" not in by_id["e-talks"]
    assert by_id["e-week"]["start_date"] == {"year": 2019, "month": 1, "day": 7}
    assert by_id["e-week"]["end_date"] == {"year": 2019, "month": 1, "day": 14}
    # coarser entries start at their precision and span to the first day after them, at the
    # same precision (no pile-up on the first day of the month or year)
    assert by_id["e-hostile"]["start_date"] == {"year": 2019, "month": 2}
    assert by_id["e-hostile"]["end_date"] == {"year": 2019, "month": 3}
    assert by_id["e-q4"]["start_date"] == {"year": 2018, "month": 10}
    assert by_id["e-q4"]["end_date"] == {"year": 2019, "month": 1}
    assert by_id["e-1956"]["start_date"] == {"year": 1956}
    assert by_id["e-1956"]["end_date"] == {"year": 1957}
    assert by_id["e-1945"]["start_date"] == {"year": 1940}
    assert by_id["e-1945"]["end_date"] == {"year": 1950}
    assert by_id["e-week"]["display_date"] == "week of 7 January 2019"
    assert by_id["e-1956"]["display_date"] == "1956"
    assert by_id["e-hostile"]["display_date"] == "February 2019"


def test_text_is_escaped_html(rich: Timeline) -> None:
    by_id = {e["unique_id"]: e for e in _doc(rich)["events"]}
    hostile = by_id["e-hostile"]["text"]
    assert "<script" not in hostile["headline"] and "<script" not in hostile["text"]
    assert "<img" not in hostile["text"]
    assert hostile["headline"].startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    talks = by_id["e-talks"]["text"]["text"]
    assert talks.startswith("<p>The two foreign ministers sat down in Moscow on Monday.</p>")
    assert "<p>Sources: " in talks and "Coastal Times</a>, 14 January 2019" in talks
    # a javascript: URL never becomes a link
    assert "javascript:alert('wire')" not in talks and "Northern Wire, 14 January 2019" in talks


def test_title_slide(rich: Timeline) -> None:
    title = _doc(rich)["title"]["text"]
    assert title["headline"] == "Island dispute: treaty talks"
    assert title["text"] == (
        "<p>The two foreign ministers sat down in Moscow on Monday. A 1956 declaration ended "
        "the state of war but settled no border.</p>"
        "<p>6 entries from 5 articles by 4 named outlets, 1940 to 2019.</p>"
        "<p>Query: island treaty talks</p>"
    )


def test_sources_with_dates_and_credits(rich: Timeline) -> None:
    by_id = {e["unique_id"]: e for e in _doc(rich)["events"]}
    text = by_id["e-1956"]["text"]["text"]
    assert "Harbour Gazette (via AFP)</a>, 11 January 2019" in text
    assert "via Reuters, undated" in text  # no outlet known: the credits name the source


def test_ids_are_reduced_to_safe_characters(rich: Timeline) -> None:
    from dataclasses import replace

    entries = (replace(rich.entries[0], id='e"><script>'),)
    doc = _doc(replace(rich, entries=entries))
    assert doc["events"][0]["unique_id"] == "e---script-"


def test_empty(empty: Timeline) -> None:
    # render() still gives the document; write_outputs never writes it (test_render_outputs)
    assert _doc(empty)["events"] == []


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9990, 12, 31)))
def test_date_parts_point_at_the_interval(d: dt.date) -> None:
    for interval in (
        DateInterval.day(d),
        DateInterval.week_of(d),
        DateInterval.month(d.year, d.month),
        DateInterval.quarter(d.year, (d.month - 1) // 3 + 1),
        DateInterval.year(d.year),
    ):
        start, end = date_parts(interval)
        first = dt.date(start["year"], start.get("month", 1), start.get("day", 1))
        assert first == interval.start
        assert all(isinstance(v, int) for v in start.values())
        if end is not None:
            after = dt.date(end["year"], end.get("month", 1), end.get("day", 1))
            assert after == interval.end + dt.timedelta(days=1)
            assert set(end) == set(start) and end != start  # TimelineJS keeps it
