"""How sources are named and numbered for a reader, and when a "single source" note informs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from storyline.model import Article, DateInterval, EntrySentence, Timeline, TimelineEntry
from storyline.render import render
from storyline.render._common import Sources, outlet_label, single_source_note


def a(aid: str, source: str | None = None, credits: tuple[str, ...] = (), day: int = 14) -> Article:
    return Article(
        id=aid, path=f"{aid}.txt", raw_text="", source=source, credits=credits,
        published=DateInterval.day(dt.date(2019, 1, day)), syndication_group=f"g-{aid}",
    )  # fmt: skip


def test_outlet_label() -> None:
    assert outlet_label(a("x", "Reuters")) == "Reuters"
    assert outlet_label(a("x", "Baaghi TV", ("AFP",))) == "Baaghi TV (via AFP)"
    assert outlet_label(a("x", None, ("AFP", "Interfax"))) == "via AFP, Interfax"
    assert outlet_label(a("x", "Reuters", ("Reuters",))) == "Reuters"  # not "via" itself
    assert outlet_label(a("x")) == "unknown outlet"


def _entry(eid: str, day: int, *cited: str, granularity: str = "day") -> TimelineEntry:
    date = DateInterval.day(dt.date(2019, 1, day))
    if granularity == "year":
        date = DateInterval.year(1956)
    sentences = tuple(EntrySentence("A sentence.", c, 0, 11) for c in cited)
    return TimelineEntry(
        id=eid, date=date, headline="h", sentences=sentences, sources=len(set(cited)),
        independent_sources=len(set(cited)), single_source=len(set(cited)) == 1,
    )  # fmt: skip


def test_numbers_follow_reading_order(rich: Timeline) -> None:
    sources = Sources(rich)
    summary_first = rich.story.summary_sentences[0].article
    assert sources.number[summary_first] == 1
    assert sorted(sources.number.values()) == list(range(1, len(rich.articles) + 1))
    assert [x.id for x in sources.in_order()] == sorted(sources.number, key=sources.number.get)


def test_single_source_note_only_where_it_informs(rich: Timeline) -> None:
    arts = (
        a("one", "Fjord Post", day=14),
        a("two", "Other Daily", day=15),
        a("old", "Fjord Post", day=1),
    )
    t = dataclasses.replace(rich, articles=arts, skipped=(), disagreements=())
    sources = Sources(t)
    # news on the 14th that another outlet publishing on the 15th does not report
    assert single_source_note(_entry("e1", 14, "one"), sources)
    # confirmed by a second outlet
    assert not single_source_note(_entry("e2", 14, "one", "two"), sources)
    # background: long before the citing article
    assert not single_source_note(_entry("e3", 14, "one", granularity="year"), sources)
    # nobody else was publishing around the 1st
    assert not single_source_note(_entry("e4", 1, "old"), sources)


def test_no_hash_ids_in_text_for_people(rich: Timeline) -> None:
    ids = [x.id for x in rich.articles] + [e.id for e in rich.entries]
    md, csv = render(rich, "md"), render(rich, "csv")
    html = render(rich, "html")
    # anchors are not text, nor the viewer's data block and script (machine-read JSON)
    html = re.sub(r"<script\b.*?</script>", "", html, flags=re.S)
    html = re.sub(r'(?:id|href|data-[\w-]+)="[^"]*"', "", html)
    for text in (md, csv, html):
        assert not any(i in text for i in ids)
