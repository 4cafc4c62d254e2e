"""Hand-built Timelines for the renderer tests (text written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from storyline.model import (
    Article,
    Claim,
    DateInterval,
    Disagreement,
    Entity,
    EntrySentence,
    Provenance,
    Skip,
    Story,
    Timeline,
    TimelineEntry,
)

HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> [click](javascript:alert(3))'


def _articles() -> tuple[Article, ...]:
    return (
        Article(
            id="a-harbour",
            path="corpus/harbour_gazette.txt",
            raw_text="",
            source="Harbour Gazette",
            source_how="site-header",
            source_confidence=0.85,
            url="https://harbour.example/news/islands-talks",
            title="Foreign ministers to meet over island chain",
            published=DateInterval.day(dt.date(2019, 1, 11)),
            published_how="header",
            published_confidence=0.95,
            credits=("AFP",),
            syndication_group="g1",
        ),
        Article(
            id="a-wire",
            path="corpus/wire copy.html",
            raw_text="",
            source="Northern Wire",
            source_how="meta",
            source_confidence=0.95,
            url="javascript:alert('wire')",
            title='Talks on "islands" begin <b>today</b>',
            published=DateInterval.day(dt.date(2019, 1, 14)),
            published_how="meta",
            published_confidence=0.8,
            syndication_group="g2",
        ),
        Article(
            id="a-reprint",
            path="corpus/reprint.txt",
            raw_text="",
            source="Coastal Times",
            source_how="footer",
            source_confidence=0.85,
            url="http://coastal.example/a?x=1&y=2",
            title="Ministers meet in Moscow",
            published=DateInterval.day(dt.date(2019, 1, 14)),
            published_how="header",
            published_confidence=0.9,
            duplicate_of="a-wire",
            syndication_group="g2",
        ),
        Article(
            id="a-undated",
            path="corpus/undated.txt",
            raw_text="",
            source=None,
            url=None,
            title=None,
            published=None,
            published_how="none",
            published_confidence=0.0,
            published_window=(dt.date(2018, 12, 1), dt.date(2019, 2, 28)),
            credits=("Reuters",),
        ),
        Article(
            id="a-hostile",
            path="corpus/<evil>.txt",
            raw_text="",
            source=HOSTILE,
            url='https://evil.example/"><script>alert(4)</script>',
            title=HOSTILE,
            published=DateInterval.month(2019, 2),
            published_how="text-inferred",
            published_confidence=0.4,
        ),
    )


def _sent(text: str, article: str, start: int) -> EntrySentence:
    return EntrySentence(text=text, article=article, start=start, end=start + len(text))


def _entries() -> tuple[TimelineEntry, ...]:
    return (
        TimelineEntry(
            id="e-1945",
            date=DateInterval.decade(1940),
            headline="Soviet troops take the southern islands at the close of the war",
            sentences=(
                _sent(
                    "The islands changed hands in the last days of the Second World War.",
                    "a-harbour",
                    410,
                ),
            ),
            sources=1,
            independent_sources=1,
            score=0.25,
            single_source=True,
        ),
        TimelineEntry(
            id="e-1956",
            date=DateInterval.year(1956),
            headline="Joint declaration leaves a peace treaty for later",
            sentences=(
                _sent(
                    "A 1956 declaration ended the state of war but settled no border.",
                    "a-harbour",
                    520,
                ),
                _sent(
                    "Under that text two of the islands could be returned after a treaty.",
                    "a-undated",
                    88,
                ),
            ),
            sources=3,
            independent_sources=3,
            score=0.5,
            # every supporting article by its best sentence: one more than `sentences` shows
            citations=(
                _sent(
                    "A 1956 declaration ended the state of war but settled no border.",
                    "a-harbour",
                    520,
                ),
                _sent("The wire recalled the 1956 joint declaration.", "a-wire", 300),
                _sent(
                    "Under that text two of the islands could be returned after a treaty.",
                    "a-undated",
                    88,
                ),
            ),
        ),
        TimelineEntry(
            id="e-q4",
            date=DateInterval.quarter(2018, 4),
            headline="Leaders agree to speed up treaty talks",
            sentences=(
                _sent(
                    "Late in 2018 the two leaders agreed to accelerate the negotiations.",
                    "a-undated",
                    0,
                ),
            ),
            sources=1,
            independent_sources=1,
            score=0.3333333333,
            single_source=True,
        ),
        TimelineEntry(
            id="e-week",
            date=DateInterval.week_of(dt.date(2019, 1, 9)),
            headline="Moscow summons Tokyo's envoy",
            sentences=(
                _sent(
                    "Earlier in the week the ambassador was called in to the ministry.",
                    "a-harbour",
                    130,
                ),
            ),
            sources=1,
            independent_sources=1,
            score=0.4,
            single_source=True,
        ),
        TimelineEntry(
            id="e-talks",
            date=DateInterval.day(dt.date(2019, 1, 14)),
            headline="Foreign ministers hold first round of treaty talks in Moscow",
            sentences=(
                _sent("The two foreign ministers sat down in Moscow on Monday.", "a-wire", 0),
                _sent(
                    "The ministers met in Moscow on 14 January for a first round.", "a-reprint", 0
                ),
                _sent("Talks opened on January 14, officials said.", "a-harbour", 60),
            ),
            sources=3,
            independent_sources=2,
            score=0.9,
        ),
        TimelineEntry(
            id="e-hostile",
            date=DateInterval.month(2019, 2),
            headline=HOSTILE,
            sentences=(_sent(HOSTILE + " *bold* `code` | pipe # 1. & &amp;", "a-hostile", 5),),
            sources=1,
            independent_sources=1,
            score=0.1,
            single_source=True,
        ),
    )


def rich_timeline() -> Timeline:
    """Several granularities, multi-source and syndicated entries, an undated article, skipped
    inputs, entities with aliases, a disagreement and hostile text."""
    return Timeline(
        story=Story(
            title="Island dispute: treaty talks",
            summary="Ministers reopened talks on the disputed islands in January 2019.",
            query="island treaty talks",
            summary_sentences=(
                _sent("The two foreign ministers sat down in Moscow on Monday.", "a-wire", 0),
                _sent(
                    "A 1956 declaration ended the state of war but settled no border.",
                    "a-harbour",
                    520,
                ),
            ),
        ),
        articles=_articles(),
        skipped=(
            Skip(path="corpus/empty.txt", reason="empty", detail="the file has no text"),
            Skip(path="corpus/logo.png", reason="binary", detail="looks like a PNG image <img>"),
        ),
        entries=_entries(),
        entities=(
            Entity(
                id="ent-islands",
                name="Kuril Islands",
                type="LOC",
                aliases=("Kuril Islands", "Southern Kuriles", "Northern Territories", "Курилы"),
                mentions=9,
                alias_counts_by_source={
                    "Northern Wire": {"Southern Kuriles": 3},
                    "Harbour Gazette": {"Northern Territories": 4, "Kuril Islands": 2},
                },
                merges=("Southern Kuriles: contested name of the same place",),
            ),
            Entity(
                id="ent-lavrov",
                name="Sergei Lavrov",
                type="PERSON",
                aliases=("Sergei Lavrov", "Sergey Lavrov", "Lavrov"),
                mentions=5,
            ),
            Entity(id="ent-evil", name=HOSTILE, type="ORG", aliases=(HOSTILE,), mentions=1),
        ),
        disagreements=(
            Disagreement(
                kind="number",
                about="number of islands covered by the 1956 declaration",
                claims=(
                    Claim(
                        value="two",
                        text="Two islands would be handed over.",
                        article="a-harbour",
                        source="Harbour Gazette",
                    ),
                    Claim(value="four", text=HOSTILE, article="a-hostile", source=None),
                ),
            ),
        ),
        provenance=Provenance(
            tool_version="0.1.0",
            config={
                "timeline": {"max_entries": 30, "method": "timeline.datewise.v1"},
                "query": "island treaty talks",
            },
            input_fingerprint="sha1:0123456789abcdef",
            counts={
                "inputs": 7,
                "used": 5,
                "skipped": 2,
                "skip_reasons": {"empty": 1, "binary": 1},
            },
        ),
    )


def empty_timeline() -> Timeline:
    return Timeline(
        story=Story(title="", summary="", query=None),
        articles=(),
        skipped=(),
        entries=(),
        entities=(),
        disagreements=(),
        provenance=Provenance(tool_version="0.1.0", config={}, input_fingerprint="", counts={}),
    )


@pytest.fixture
def rich() -> Timeline:
    return rich_timeline()


@pytest.fixture
def empty() -> Timeline:
    return empty_timeline()


@pytest.fixture
def make_rich() -> Callable[[], Timeline]:
    return rich_timeline
