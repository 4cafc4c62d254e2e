"""Readers never raise on arbitrary input: every file or record is an Article or a Skip."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import read_articles
from storyline.model import Article, Skip

SUFFIXES = ["", ".txt", ".html", ".json", ".jsonl", ".jsonl.gz", ".htm"]

json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["text", "maintext", "date", "url", "source", "title", "sentences", "x"]
            )
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_articles_or_skips(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_articles([path]))
    assert items, "a file produced nothing"
    assert all(isinstance(item, (Article, Skip)) for item in items)
    for item in items:
        if isinstance(item, Article):
            assert item.raw_text.strip() and item.id.startswith("a")


@settings(max_examples=60, deadline=None)
@given(records=st.lists(json_values, min_size=1, max_size=6))
def test_any_json_lines_give_one_result_each(records: list[Any]) -> None:
    lines = [json.dumps(record) for record in records]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        items = list(read_articles([path]))
    # one result per line; a first line holding an array of objects is read as a JSON
    # array file: one result per item
    expected = []
    for i, record in enumerate(records, start=1):
        if i == 1 and isinstance(record, list) and any(isinstance(r, dict) for r in record):
            expected += [f"{path}#L{i}#{j}" for j in range(1, len(record) + 1)]
        else:
            expected.append(f"{path}#L{i}")
    assert [item.path for item in items] == expected
