"""The timeline.json contract: shape, schema validity, dates per granularity, citations."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.model import DateInterval, Granularity, Timeline
from storyline.render import SCHEMA_PATH, load_schema, render, to_json_dict, validate
from storyline.render._common import contract_date, date_label

jsonschema = pytest.importorskip("jsonschema")


def _validator() -> Any:
    return jsonschema.Draft202012Validator(load_schema())


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("case", ["rich", "empty"])
def test_rendered_json_matches_schema(case: str, request: pytest.FixtureRequest) -> None:
    timeline: Timeline = request.getfixturevalue(case)
    doc = json.loads(render(timeline, "json"))  # what is written, read back
    _validator().validate(doc)
    validate(doc)


def test_validate_names_the_problem(rich: Timeline) -> None:
    doc = to_json_dict(rich)
    doc["entries"][0]["granularity"] = "fortnight"
    with pytest.raises(ValueError, match=r"/entries/0/granularity"):
        validate(doc)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("entries"),
        lambda d: d.update(schema_version="2"),
        lambda d: d["entries"][0].update(date="2019-1-14"),
        lambda d: d["entries"][4].update(date="2019-01"),  # a day entry dated by month
        lambda d: d["entries"][2].update(date="2018-11"),  # a quarter must start a quarter
        lambda d: d["entries"][0].update(granularity="fortnight"),
        lambda d: d["entries"][0]["sentences"][0].update(start=-1),
        lambda d: d["entries"][0].update(headlin="typo"),
        lambda d: d["articles"][0].update(status="maybe"),
        lambda d: d["articles"][0].update(published="11/01/2019"),
        lambda d: d["articles"][-1].update(skip_reason=None),  # skipped needs a reason
        lambda d: d["articles"][0].update(skip_reason="empty"),  # used has none
        lambda d: d["disagreements"][0].update(kind="mood"),
        lambda d: d["entities"][0].update(mentions="9"),
        lambda d: d["tool"].update(name="other"),
    ],
)
def test_schema_catches_mistakes(rich: Timeline, mutate: Any) -> None:
    doc = copy.deepcopy(to_json_dict(rich))
    _validator().validate(doc)
    mutate(doc)
    assert not _validator().is_valid(doc)


def test_top_level_contract(rich: Timeline) -> None:
    doc = to_json_dict(rich)
    assert list(doc) == [
        "schema_version",
        "tool",
        "story",
        "articles",
        "entries",
        "entities",
        "disagreements",
        "provenance",
    ]
    assert doc["schema_version"] == "1"
    assert doc["tool"] == {"name": "storyline", "version": "0.1.0"}
    assert doc["story"]["query"] == "island treaty talks"
    assert doc["provenance"]["counts"]["skip_reasons"] == {"binary": 1, "empty": 1}
    assert list(doc["provenance"]["counts"]["skip_reasons"]) == ["binary", "empty"]


def test_articles_used_then_skipped(rich: Timeline) -> None:
    arts = to_json_dict(rich)["articles"]
    assert [a["status"] for a in arts] == ["used"] * 5 + ["skipped"] * 2
    undated = next(a for a in arts if a["id"] == "a-undated")
    assert undated["published"] is None
    assert undated["published_window"] == ["2018-12-01", "2019-02-28"]
    skipped = arts[-1]
    assert skipped["id"] == rich.skipped[-1].id
    assert skipped["skip_reason"] == "binary"
    assert skipped["path"] == "corpus/logo.png"
    reprint = next(a for a in arts if a["id"] == "a-reprint")
    assert reprint["duplicate_of"] == "a-wire"
    assert reprint["syndication_group"] == "g2"


def test_entry_dates_per_granularity(rich: Timeline) -> None:
    got = {e["id"]: (e["date"], e["granularity"]) for e in to_json_dict(rich)["entries"]}
    assert got == {
        "e-1945": ("1940", "decade"),
        "e-1956": ("1956", "year"),
        "e-q4": ("2018-10", "quarter"),
        "e-week": ("2019-01-07", "week"),  # the Monday of the week
        "e-talks": ("2019-01-14", "day"),
        "e-hostile": ("2019-02", "month"),
    }


def test_citations_one_per_distinct_article(rich: Timeline) -> None:
    talks = next(e for e in to_json_dict(rich)["entries"] if e["id"] == "e-talks")
    assert [c["article"] for c in talks["citations"]] == ["a-wire", "a-reprint", "a-harbour"]
    first = talks["citations"][0]
    assert first == {
        "article": "a-wire",
        "source": "Northern Wire",
        "published": "2019-01-14",
        "start": 0,
        "end": len(talks["sentences"][0]["text"]),
    }
    assert talks["sources"] == 3 and talks["independent_sources"] == 2
    # the sentence gets its outlet and date from the articles table
    assert talks["sentences"][2]["source"] == "Harbour Gazette"
    assert talks["sentences"][2]["published"] == "2019-01-11"


def test_citations_cover_every_supporting_article(rich: Timeline) -> None:
    doc = to_json_dict(rich)
    entry = next(e for e in doc["entries"] if e["id"] == "e-1956")
    assert [s["article"] for s in entry["sentences"]] == ["a-harbour", "a-undated"]
    assert [c["article"] for c in entry["citations"]] == ["a-harbour", "a-wire", "a-undated"]
    assert entry["citations"][1]["start"] == 300 and entry["sources"] == 3
    md = render(rich, "md")
    assert (
        "Sources: [1] Northern Wire, 14 January 2019; [2] Harbour Gazette (via AFP), "
        "11 January 2019; [3] via Reuters, undated" in md
    )


def test_articles_carry_outlet_provenance(rich: Timeline) -> None:
    doc = to_json_dict(rich)
    by_id = {a["id"]: a for a in doc["articles"]}
    assert by_id["a-harbour"]["source_how"] == "site-header"
    assert by_id["a-harbour"]["source_confidence"] == 0.85
    assert by_id["a-harbour"]["credits"] == ["AFP"]
    assert by_id["a-undated"]["source"] is None and by_id["a-undated"]["source_how"] == "none"
    assert by_id["a-undated"]["credits"] == ["Reuters"]


def test_unknown_article_is_rendered_not_dropped(rich: Timeline) -> None:
    from dataclasses import replace

    from storyline.model import EntrySentence

    orphan = EntrySentence(text="A claim.", article="a-missing", start=0, end=8, source="Elsewhere")
    entry = replace(rich.entries[0], sentences=(*rich.entries[0].sentences, orphan))
    t = replace(rich, entries=(entry, *rich.entries[1:]))
    cites = to_json_dict(t)["entries"][0]["citations"]
    assert cites[-1]["article"] == "a-missing" and cites[-1]["source"] == "Elsewhere"
    assert "[?]" in render(t, "md")


def test_serialisation_is_utf8_indented_with_newline(rich: Timeline) -> None:
    text = render(rich, "json")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "October" not in text  # no wording in the contract
    assert "Курилы" in text and "\\u" not in text  # ensure_ascii=False
    assert "\r" not in text
    assert text.startswith('{\n  "schema_version": "1"')


def test_deterministic_across_rebuilds(make_rich: Any) -> None:
    assert render(make_rich(), "json") == render(make_rich(), "json")
    assert to_json_dict(make_rich()) == to_json_dict(make_rich())


def test_non_finite_score_is_json_safe(rich: Timeline) -> None:
    from dataclasses import replace

    entry = replace(rich.entries[0], score=float("nan"))
    t = replace(rich, entries=(entry,))
    doc = json.loads(render(t, "json"))
    assert doc["entries"][0]["score"] == 0.0


# -- dates: every interval the model can build has a valid contract date and wording ----

_days = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9990, 12, 31))


@st.composite
def intervals(draw: st.DrawFn) -> DateInterval:
    d = draw(_days)
    kind = draw(st.sampled_from(list(Granularity)))
    if kind is Granularity.DAY:
        return DateInterval.day(d)
    if kind is Granularity.WEEK:
        return DateInterval.week_of(d)
    if kind is Granularity.MONTH:
        return DateInterval.month(d.year, d.month)
    if kind is Granularity.QUARTER:
        return DateInterval.quarter(d.year, (d.month - 1) // 3 + 1)
    if kind is Granularity.YEAR:
        return DateInterval.year(d.year)
    return DateInterval.decade(d.year - d.year % 10)


@given(intervals())
def test_contract_date_is_valid_and_lossless(d: DateInterval) -> None:
    value = contract_date(d)
    entry: dict[str, Any] = {
        "id": "x",
        "date": value,
        "granularity": d.granularity.value,
        "headline": "h",
        "sentences": [],
        "sources": 0,
    }
    schema = load_schema()
    sub = {"$defs": schema["$defs"], "$ref": "#/$defs/entry"}
    assert jsonschema.Draft202012Validator(sub).is_valid(entry), value
    # the date and granularity give back the interval's start
    parsed = DateInterval.parse(value)
    assert parsed.start == d.start
    assert date_label(d)
