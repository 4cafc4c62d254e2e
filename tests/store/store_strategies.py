"""Hypothesis strategies for the data model records an `Article` holds."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from storyline.model import (
    Article,
    DateInterval,
    EntityMention,
    Sentence,
    TimeExpression,
)

# Any Unicode, lone surrogates included: they must survive the codec and SQLite too.
texts = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40)
short = st.text(max_size=12)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9989, 12, 31))
offsets = st.integers(min_value=0, max_value=10**6)

intervals = st.one_of(
    dates.map(DateInterval.day),
    dates.map(DateInterval.week_of),
    st.builds(DateInterval.month, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(DateInterval.quarter, st.integers(1, 9999), st.integers(1, 4)),
    st.builds(DateInterval.year, st.integers(1, 9999)),
    st.builds(DateInterval.decade, st.integers(1, 9990)),
)

sentences = st.builds(Sentence, offsets, offsets, texts)
times = st.builds(
    TimeExpression,
    offsets,
    offsets,
    texts,
    st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
    short,
    st.none() | intervals,
    st.booleans(),
    st.sampled_from(["dct", "previous", "none"]),
)
mentions = st.builds(EntityMention, offsets, offsets, texts, short, st.none() | short)
windows = st.tuples(dates, dates).map(lambda p: (min(p), max(p)))

articles = st.builds(
    Article,
    id=short,
    path=texts,
    raw_text=texts,
    text=texts,
    source=st.none() | texts,
    url=st.none() | texts,
    title=st.none() | texts,
    given_date=st.none() | short,
    given_date_how=st.none() | st.sampled_from(["header", "field", "meta", "url"]),
    published=st.none() | intervals,
    published_how=short,
    published_confidence=st.floats(allow_nan=False),
    published_window=st.none() | windows,
    crawled=st.none() | dates,
    language=st.none() | short,
    sentences=st.lists(sentences, max_size=4).map(tuple),
    times=st.lists(times, max_size=4).map(tuple),
    mentions=st.lists(mentions, max_size=4).map(tuple),
    removed=st.lists(short, max_size=3).map(tuple),
    duplicate_of=st.none() | short,
    syndication_group=st.none() | short,
    credits=st.lists(short, max_size=3).map(tuple),
)
