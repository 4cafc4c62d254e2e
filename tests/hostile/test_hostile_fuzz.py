"""Hypothesis properties for the stages that read untrusted text: the readers (every
registered suffix; tests/ingest/test_ingest_fuzz.py has more), the cleaner, the
publication-date finder and the time tagger. Each: no exception, spans inside the text,
the same output twice. `bench/fuzz.py` runs these at high example counts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean import clean_article
from storyline.dating import explain_date
from storyline.ingest import read_articles, readers
from storyline.ingest.records import make_article
from storyline.model import Article, Skip
from storyline.temporal import tag_times

# Text that looks like news often enough to reach deep paths: dates, datelines, bylines,
# headers, markup, controls and bidi characters mixed with arbitrary unicode.
PIECES = st.sampled_from(
    [
        " date 2019-02-12 ",
        "LONDON, March 29 (Reuters) - ",
        "Published 3 May 2019 ",
        "on Monday ",
        "next week ",
        "2087-03-01",
        "2019-02-30",
        "0000-00-00",
        "Feb. 30, 2019",
        "said on 12 February ",
        "\n\n",
        "\r",
        "\x00",
        "\u202e",
        "\ud800",
        "<p>",
        "</script>",
        "Read more",
        "Copyright 2019 ",
        "9" * 40,
    ]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)
SUFFIXES = sorted({s for r in readers() for s in r.suffixes})

# bench/fuzz.py raises the count with STORYLINE_FUZZ_EXAMPLES
EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "80"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@FUZZ
@given(data=st.one_of(st.binary(max_size=800), NEWSY.map(lambda t: t.encode("utf-8", "replace"))),
       suffix=st.sampled_from(SUFFIXES))  # fmt: skip
def test_every_reader_gives_articles_or_skips_deterministically(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        first = list(read_articles([path]))
        second = list(read_articles([path]))
    assert first and first == second
    for item in first:
        assert isinstance(item, (Article, Skip))
        for value in (item.path, getattr(item, "raw_text", ""), getattr(item, "detail", "")):
            value.encode("utf-8")  # no lone surrogate anywhere


@FUZZ
@given(text=NEWSY, title=st.none() | NEWSY)
def test_the_cleaner_never_raises_and_is_deterministic(text: str, title: str | None) -> None:
    article = make_article("x.txt", text or "x", title=title)
    first = clean_article(article, min_chars=20)
    assert first == clean_article(article, min_chars=20)
    if isinstance(first, Article):
        assert first.text.strip()


@FUZZ
@given(text=NEWSY, given=st.none() | NEWSY, how=st.sampled_from(["field", "header", "meta"]))
def test_the_date_finder_never_raises_and_is_deterministic(
    text: str, given: str | None, how: str
) -> None:
    article = make_article(
        "x.txt", text or "x", given_date=given or None, given_date_how=how if given else None
    )
    first = explain_date(article)
    assert first == explain_date(article)
    if first.published is not None:
        assert 1800 <= first.published.start.year <= 2100
    for c in first.candidates:
        assert c.reason


@FUZZ
@given(text=NEWSY, anchored=st.booleans())
def test_the_tagger_gives_spans_inside_the_text(text: str, anchored: bool) -> None:
    import datetime as dt

    dct = dt.date(2019, 2, 12) if anchored else None
    first = tag_times(text, dct, use_spacy=False)
    assert first == tag_times(text, dct, use_spacy=False)
    last = -1
    for t in first:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last  # in order, non-overlapping
        last = t.end
