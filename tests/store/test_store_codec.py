"""The Article JSON codec: exact round trips (Hypothesis) and clear errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from storyline.model import Article, DateInterval, Granularity, Sentence, TimeExpression
from storyline.store import CodecError, article_from_json, article_to_json
from storyline.store.codec import from_plain, to_plain

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_strategies import articles  # needs the path above


def _same(a: Article, b: Article) -> bool:
    """Equality that also tells -0.0 from 0.0 and keeps exact float bits."""
    return a == b and math.copysign(1, a.published_confidence) == math.copysign(
        1, b.published_confidence
    )


@settings(max_examples=300, deadline=None)
@given(articles)
def test_round_trip_is_exact(article: Article) -> None:
    text = article_to_json(article)
    text.encode("utf-8")  # always storable as UTF-8, even with lone surrogates
    back = article_from_json(text)
    assert _same(back, article)
    assert article_to_json(back) == text  # and the encoding is deterministic


def test_encoding_is_readable_json() -> None:
    a = Article(
        id="a1",
        path="news/a1.txt",
        raw_text="Café talks resumed.",
        text="Café talks resumed.",
        published=DateInterval.month(2019, 3),
        published_window=(dt.date(2019, 3, 1), dt.date(2019, 3, 31)),
        sentences=(Sentence(0, 19, "Café talks resumed."),),
        times=(TimeExpression(0, 4, "March", "DATE", "2019-03", DateInterval.month(2019, 3)),),
    )
    data = json.loads(article_to_json(a))
    assert data["published"] == {"start": "2019-03-01", "end": "2019-03-31", "granularity": "month"}
    assert data["published_window"] == ["2019-03-01", "2019-03-31"]
    assert data["times"][0]["interval"]["granularity"] == "month"
    assert "Café" in article_to_json(a)  # not \\u-escaped
    assert from_plain(Article, data) == a


def test_lone_surrogate_is_escaped_and_restored() -> None:
    a = Article(id="s", path="p", raw_text="bad \ud800 byte")
    text = article_to_json(a)
    assert "\\ud800" in text
    assert article_from_json(text) == a


def test_missing_optional_fields_take_their_defaults() -> None:
    assert article_from_json('{"id": "x", "path": "p", "raw_text": "r"}') == Article("x", "p", "r")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ('{"id": "x", "path": "p"}', "missing required fields"),
        ('{"id": "x", "path": "p", "raw_text": "r", "colour": 1}', "unknown fields"),
        ('{"id": 5, "path": "p", "raw_text": "r"}', r"Article\.id: expected str"),
        ('{"id": "x", "path": "p", "raw_text": "r", "crawled": "2019-13-01"}', "crawled"),
        ('{"id": "x", "path": "p", "raw_text": "r", "sentences": {}}', "expected an array"),
        ('{"id": "x", "path": "p", "raw_text": "r", "published_confidence": true}', "float"),
        ('{"id": "x", "path": "p", "raw_text": "r", "published_window": ["2019-01-01"]}', "2"),
        ("not json", "not valid JSON"),
    ],
)
def test_bad_documents_raise_codec_errors_that_say_where(doc: str, message: str) -> None:
    with pytest.raises(CodecError, match=message):
        article_from_json(doc)


def test_bad_interval_and_granularity_are_codec_errors() -> None:
    base = to_plain(Article("x", "p", "r", published=DateInterval.year(2001)))
    bad_gran = dict(base, published=dict(base["published"], granularity="fortnight"))
    with pytest.raises(CodecError, match="not a Granularity"):
        from_plain(Article, bad_gran)
    reversed_days = dict(base, published=dict(base["published"], end="2000-01-01"))
    with pytest.raises(CodecError, match="precedes"):
        from_plain(Article, reversed_days)


def test_datetimes_are_refused_where_dates_belong() -> None:
    a = dataclasses.replace(Article("x", "p", "r"), crawled=dt.datetime(2020, 1, 1, 12))
    with pytest.raises(CodecError, match="only dates"):
        article_to_json(a)


def test_every_granularity_round_trips() -> None:
    d = dt.date(2016, 2, 29)
    for g in Granularity:
        interval = {
            Granularity.DAY: DateInterval.day(d),
            Granularity.WEEK: DateInterval.week_of(d),
            Granularity.MONTH: DateInterval.month(2016, 2),
            Granularity.QUARTER: DateInterval.quarter(2016, 1),
            Granularity.YEAR: DateInterval.year(2016),
            Granularity.DECADE: DateInterval.decade(2010),
        }[g]
        a = Article("x", "p", "r", published=interval)
        assert article_from_json(article_to_json(a)).published == interval
