"""A story's store on real SQLite and real spaCy: `Store.add` is idempotent and order-free,
`Store.build` equals a build from the files, `Store.search` finds stored sentences, and a
store written by an older schema opens and grows."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.config import Config
from storyline.model import Timeline
from storyline.pipeline import build, prepare_fingerprint
from storyline.render import render
from storyline.store import StoreError
from storyline.store.migrations import MIGRATIONS, apply_migrations, check_ownership
from storyline.stories import StoryStore as Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

KONO = """ date 2019-01-14 Foreign Minister Tarō Kōno met Sergei Lavrov in Moscow on Monday \
to resume talks on a peace treaty, the ministry said.

The two ministers agreed to meet again in February, officials added after the talks.
"""
HARBOUR = """ date 2019-02-03 The harbour authority of Ostravia said on Sunday that dredging \
of the north basin would start in March after months of delay.

Engineers had warned in January that the north basin was silting up much faster than expected.
"""


def _doc(timeline: Timeline) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render(timeline, "json"))
    doc.pop("provenance")  # run metadata
    return doc


@pytest.fixture(scope="module")
def from_files() -> dict[str, Any]:
    return _doc(build([EXAMPLES]))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kono.txt").write_text(KONO, encoding="utf-8")
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return folder


def _members(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        rows, ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM members").fetchone()
        return int(rows), int(ids)
    finally:
        conn.close()


def test_adding_the_same_articles_again_stores_nothing_new(tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    one = EXAMPLES / "01_foundation_stone.txt"
    with Store(db) as store:
        first = store.add([one, one])
        assert (first.added, first.already) == (1, 1)  # the second is the first again
        again = store.add([EXAMPLES])
        assert again.already == 1 and again.added == len(store.member_paths()) - 1
        third = store.add([EXAMPLES])
        assert third.added == 0 and third.already == again.added + 1
        assert [s.reason for s in third.skipped] == ["binary"]
    assert _members(db) == (third.already, third.already)


def test_a_build_from_the_store_equals_a_build_from_the_files(
    tmp_path: Path, from_files: dict[str, Any]
) -> None:
    with Store(tmp_path / "story.db") as store:
        store.add([EXAMPLES])
        assert _doc(store.build()) == from_files


def test_adding_in_any_order_and_in_several_batches_gives_the_same_timeline(
    tmp_path: Path, from_files: dict[str, Any]
) -> None:
    listed = (f for f in EXAMPLES.iterdir() if f.suffix in {".txt", ".html", ".jsonl"})
    files = sorted(listed, reverse=True)  # what .storylineignore leaves of the folder
    with Store(tmp_path / "story.db", batch_size=3) as store:
        for start in range(0, len(files), 4):
            store.add(files[start : start + 4])
        reversed_doc = _doc(store.build())
    assert json.dumps(reversed_doc) == json.dumps(from_files)


def test_a_store_prepared_under_another_configuration_is_prepared_again(
    tmp_path: Path, corpus: Path
) -> None:
    db = tmp_path / "story.db"
    with Store(db) as store:
        store.add([corpus])
        conn = store.conn
        conn.execute("UPDATE articles SET fingerprint = 'old'")  # as an older version left it
        timeline = store.build()
        assert len(timeline.articles) == 2
        assert store.count(prepare_fingerprint(Config())) == 2


def test_search_finds_sentences_and_titles_with_their_date_outlet_and_path(
    tmp_path: Path, corpus: Path
) -> None:
    with Store(tmp_path / "story.db") as store:
        store.add([corpus])
        hits = store.search("kono lavrov")  # accents do not matter
        assert [h.path for h in hits] == [str(corpus / "kono.txt")]
        assert hits[0].published == "2019-01-14" and "Lavrov" in hits[0].text
        assert hits[0].sentence == 0
        assert store.search("lavrov dredging") == []  # every word, in one sentence
        assert store.search('kono: (lavrov" -') != []  # punctuation never raises
        assert store.search("  ") == []
        ostravia = store.search("Ostravia")
        assert ostravia and all(h.path.endswith("harbour.txt") for h in ostravia)


def test_an_empty_store_says_how_to_add_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "story.db") as store, pytest.raises(StoreError, match="storyline add"):
        store.build()


def test_a_store_of_an_older_schema_opens_migrated_and_keeps_its_articles(
    tmp_path: Path, corpus: Path
) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    check_ownership(conn, str(db))
    apply_migrations(conn, MIGRATIONS[:2])  # a store written before stories were kept
    conn.execute(
        "INSERT INTO articles (id, fingerprint, codec, json, created) VALUES (?, ?, ?, ?, ?)",
        ("old1", "fp", 1, json.dumps({"id": "old1"}), "2026-01-01"),
    )
    conn.close()
    with Store(db) as store:
        assert [v for v, _ in store.migrations()] == [m.version for m in MIGRATIONS]
        assert store.count() == 1
        report = store.add([corpus])
        assert report.added == 2 and store.count() == 3


def test_a_copy_of_a_stored_article_under_another_path_is_a_duplicate(
    tmp_path: Path, corpus: Path
) -> None:
    shutil.copy(corpus / "kono.txt", tmp_path / "kono-copy.txt")
    with Store(tmp_path / "story.db") as store:
        store.add([corpus])
        report = store.add([tmp_path / "kono-copy.txt"])
        assert report.added == 0
        assert [(s.reason, s.path) for s in report.skipped] == [
            ("duplicate", str(tmp_path / "kono-copy.txt"))
        ]
        assert len(store.build().articles) == 2


@pytest.fixture(scope="module")
def searchable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("search")
    (folder / "kono.txt").write_text(KONO, encoding="utf-8")
    with Store(folder / "story.db") as store:
        store.add([folder])
        yield store


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60))
def test_any_search_text_gives_hits_or_none_never_an_error(searchable: Store, text: str) -> None:
    hits = searchable.search(text)
    assert all(h.path.endswith("kono.txt") for h in hits)
