"""Source counts of timeline entries."""

from __future__ import annotations

import datetime as dt

from storyline.corpus.sources import count_sources, mark_sources
from storyline.model import Article, DateInterval, EntrySentence, TimelineEntry


def test_counts_and_dedupe() -> None:
    arts = [
        Article(id="a", path="a", raw_text="", syndication_group="g1"),
        Article(id="b", path="b", raw_text="", syndication_group="g1", duplicate_of="a"),
        Article(id="c", path="c", raw_text="", syndication_group="g2"),
    ]
    s = [
        EntrySentence("Talks were held in Moscow.", "a", 0, 26),
        EntrySentence("Talks were held in Moscow!", "b", 0, 26),
        EntrySentence("Talks were held in Moscow.", "c", 0, 26),
    ]
    entry = TimelineEntry("e1", DateInterval.day(dt.date(2019, 1, 14)), "h", tuple(s), 0, 0)
    (out,) = mark_sources([entry], arts)
    assert (out.sources, out.independent_sources, out.single_source) == (3, 2, False)
    assert [x.article for x in out.sentences] == ["a", "c"]
    (solo,) = mark_sources([entry.__class__(**{**entry.__dict__, "sentences": tuple(s[:2])})],
                           arts)  # fmt: skip
    assert solo.single_source and solo.independent_sources == 1
    assert count_sources(["a", "x"], {"a": "g1"}) == (2, 2)
    cited = entry.__class__(**{**entry.__dict__, "sentences": tuple(s[:1]), "citations": tuple(s)})
    (out,) = mark_sources([cited], arts)
    assert (out.sources, out.independent_sources) == (3, 2)
