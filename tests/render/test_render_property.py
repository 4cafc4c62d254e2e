"""Random timelines: every rendering succeeds, JSON validates, HTML keeps to its own markup."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.model import (
    Article,
    Claim,
    DateInterval,
    Disagreement,
    Entity,
    EntrySentence,
    Granularity,
    Provenance,
    Skip,
    Story,
    Timeline,
    TimelineEntry,
)
from storyline.render import FORMATS, render, to_json_dict

jsonschema = pytest.importorskip("jsonschema")

HTML_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "nav",
    "a",
    "p",
    "main",
    "section",
    "ol",
    "ul",
    "li",
    "time",
    "span",
    "blockquote",
    "sup",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "pre",
    "footer",
    "strong",
    "script",  # only the data block and the viewer: checked below
}

_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from(list("<>\"'&[]()`*_")),
    max_size=40,
)
_day = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def _interval(draw: st.DrawFn) -> DateInterval:
    d = draw(_day)
    g = draw(st.sampled_from(list(Granularity)))
    return {
        Granularity.DAY: lambda: DateInterval.day(d),
        Granularity.WEEK: lambda: DateInterval.week_of(d),
        Granularity.MONTH: lambda: DateInterval.month(d.year, d.month),
        Granularity.QUARTER: lambda: DateInterval.quarter(d.year, (d.month - 1) // 3 + 1),
        Granularity.YEAR: lambda: DateInterval.year(d.year),
        Granularity.DECADE: lambda: DateInterval.decade(d.year - d.year % 10),
    }[g]()


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    n = draw(st.integers(0, 4))
    articles = tuple(
        Article(
            id=f"a{i}",
            path=draw(_text),
            raw_text="",
            source=draw(st.none() | _text),
            url=draw(st.none() | _text | st.just("https://ok.example/x")),
            title=draw(st.none() | _text),
            published=draw(st.none() | _interval()),
            published_confidence=draw(st.floats(0, 1)),
        )
        for i in range(n)
    )
    ids = [a.id for a in articles] + ["a-missing"]

    def sentence() -> EntrySentence:
        start = draw(st.integers(0, 1000))
        text = draw(_text)
        return EntrySentence(text, draw(st.sampled_from(ids)), start, start + len(text))

    entries = tuple(
        TimelineEntry(
            id=f"e{i}",
            date=draw(_interval()),
            headline=draw(_text),
            sentences=tuple(sentence() for _ in range(draw(st.integers(0, 3)))),
            sources=draw(st.integers(0, 5)),
            independent_sources=draw(st.integers(0, 5)),
            score=draw(st.floats(allow_nan=True, allow_infinity=True)),
            single_source=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 4)))
    )
    entities = tuple(
        Entity(
            f"n{i}",
            draw(_text.filter(bool)),
            "PERSON",
            tuple(draw(st.lists(_text, max_size=3))),
            draw(st.integers(0, 9)),
            alias_counts_by_source=draw(
                st.dictionaries(
                    _text, st.dictionaries(_text, st.integers(0, 5), max_size=2), max_size=2
                )
            ),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    disagreements = tuple(
        Disagreement(
            "number",
            draw(_text),
            tuple(
                Claim(draw(_text), draw(_text), draw(st.sampled_from(ids)), draw(st.none() | _text))
                for _ in range(2)
            ),
        )
        for _ in range(draw(st.integers(0, 1)))
    )
    return Timeline(
        story=Story(
            draw(_text),
            draw(_text),
            draw(st.none() | _text),
            tuple(sentence() for _ in range(draw(st.integers(0, 2)))),
        ),
        articles=articles,
        skipped=tuple(
            Skip(draw(_text), "empty", draw(_text)) for _ in range(draw(st.integers(0, 2)))
        ),
        entries=entries,
        entities=entities,
        disagreements=disagreements,
        provenance=Provenance("0.1.0", {"k": draw(_text)}, draw(_text), {"used": n}),
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.scripts: list[list[tuple[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text[-1] += data

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(attrs)
            self.script_text.append("")
            self._in_script = True
        if tag not in HTML_TAGS:
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (
                name == "href" and not ((value or "").startswith(("#", "https://ok.example/")))
            ):
                self.bad.append(f"{tag}[{name}={value!r}]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines())
def test_random_timelines_render_safely(t: Timeline) -> None:
    outputs = {fmt: render(t, fmt) for fmt in FORMATS}
    assert all(o.endswith("\n") for o in outputs.values())
    doc = json.loads(outputs["json"])
    assert doc == json.loads(json.dumps(to_json_dict(t)))
    from storyline.render import load_schema

    errors = list(jsonschema.Draft202012Validator(load_schema()).iter_errors(doc))
    assert errors == []
    parser = _Tags()
    parser.feed(outputs["html"])
    assert parser.bad == []
    assert parser.scripts == [[("type", "application/json"), ("id", "storyline-data")], []]
    data = json.loads(parser.script_text[0])  # no payload closed the data block early
    assert data["entries"] == doc["entries"] and data["articles"] == doc["articles"]
    tjs = json.loads(outputs["timelinejs"])
    for ev in tjs["events"]:
        assert all(type(v) is int for v in ev["start_date"].values())
