"""The SQLite store, on real files: upserts, fingerprints, batches, migrations, two processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.config import Config
from storyline.model import Article, Provenance
from storyline.pipeline import prepare_fingerprint
from storyline.store import Store, StoreError
from storyline.store.migrations import MIGRATIONS, Migration, apply_migrations

HERE = Path(__file__).resolve().parent


def art(i: int, text: str = "") -> Article:
    body = text or f"The envoys met again on day {i}. " * 5
    return Article(id=f"id{i:04d}", path=f"in/{i}.txt", raw_text=body, text=body, title=f"T{i}")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "cache.db", batch_size=4) as s:
        yield s


def test_put_then_get_round_trips_in_the_order_asked(store: Store) -> None:
    items = [art(i) for i in range(10)]
    assert store.put_many(items, "fp1") == 10
    got = store.get_many(["id0007", "missing", "id0002", "id0007"], "fp1")
    assert list(got) == ["id0007", "id0002"]
    assert got["id0002"] == items[2]
    assert store.count() == 10 and store.count("fp1") == 10 and store.count("fp2") == 0


def test_puts_are_idempotent(store: Store) -> None:
    items = [art(i) for i in range(6)]
    store.put_many(items, "fp")
    created = store.conn.execute("SELECT id, created FROM articles ORDER BY id").fetchall()
    assert store.put_many(items, "fp") == 0
    assert store.put_many(iter(items), "fp") == 0
    assert store.count() == 6
    assert store.conn.execute("SELECT id, created FROM articles ORDER BY id").fetchall() == created


def test_a_changed_article_or_fingerprint_replaces_the_row(store: Store) -> None:
    store.put_many([art(1), art(2)], "fp-a")
    assert store.put_many([art(1, text="Revised text.")], "fp-a") == 1
    assert store.get_many(["id0001"], "fp-a")["id0001"].text == "Revised text."
    assert store.put_many([art(2)], "fp-b") == 1  # prepared under another config
    assert store.get_many(["id0002"], "fp-a") == {}  # a miss, never a stale hit
    assert set(store.get_many(["id0001", "id0002"], "fp-b")) == {"id0002"}
    assert store.count() == 2


def test_many_ids_are_read_in_several_queries(store: Store) -> None:
    store.put_many((art(i) for i in range(1203)), "fp")
    ids = [f"id{i:04d}" for i in reversed(range(1300))]
    got = store.get_many(ids, "fp")
    assert len(got) == 1203 and next(iter(got)) == "id1202"


def test_each_batch_is_one_transaction(store: Store) -> None:
    def feed() -> Iterator[Article]:
        for i in range(10):
            if i == 9:
                raise RuntimeError("input failed")
            yield art(i)

    with pytest.raises(RuntimeError):
        store.put_many(feed(), "fp")
    assert store.count() == 8  # two whole batches of 4; the third never started its write


def test_atomic_rolls_back_and_nests_as_savepoints(store: Store) -> None:
    with pytest.raises(ValueError), store.atomic():
        store.put_many([art(1)], "fp")
        raise ValueError("abort")
    assert store.count() == 0
    with store.atomic():
        store.put_many([art(1)], "fp")
        with pytest.raises(ValueError), store.atomic():
            store.put_many([art(2)], "fp")
            raise ValueError("inner abort")
        store.put_many([art(3)], "fp")
    assert set(store.get_many(["id0001", "id0002", "id0003"], "fp")) == {"id0001", "id0003"}


def test_unreadable_rows_are_misses(store: Store) -> None:
    store.put_many([art(1), art(2)], "fp")
    with store.atomic():
        store.conn.execute("UPDATE articles SET json = '{\"id\": 3}' WHERE id = 'id0001'")
    assert list(store.get_many(["id0001", "id0002"], "fp")) == ["id0002"]


def test_store_is_in_wal_mode_and_records_migrations(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.migrations() == [(m.version, m.name) for m in MIGRATIONS]
    with Store(path) as s:  # reopening applies nothing again
        assert len(s.migrations()) == len(MIGRATIONS)


def test_new_migrations_are_applied_in_order_once(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    later = (
        *MIGRATIONS,
        Migration(11, "c", ("ALTER TABLE notes ADD COLUMN body TEXT",)),
        Migration(10, "b", ("CREATE TABLE notes (id INTEGER PRIMARY KEY)",)),
    )
    assert apply_migrations(conn, MIGRATIONS) == [m.version for m in MIGRATIONS]
    assert apply_migrations(conn, later) == [10, 11]
    assert apply_migrations(conn, later) == []
    conn.close()


def test_a_failing_migration_leaves_nothing_behind(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    broken = (*MIGRATIONS, Migration(10, "broken", ("CREATE TABLE t (x)", "NOT SQL")))
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(conn, broken)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "t" not in tables and "articles" not in tables
    conn.close()


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES (99, 'future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer storyline"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the pages of a database " * 200)
    with pytest.raises(StoreError, match=r"not a storyline store.*--cache"):
        Store(path)


def test_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "dir" / "c.db")


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    s = Store(tmp_path / "c.db")
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_runs_are_recorded(store: Store) -> None:
    p = Provenance("0.1.0", {"timeline": {"max_entries": 20}}, "abc", {"used": 3, "skipped": 1})
    first = store.record_run(p, started="2024-05-01T10:00:00+00:00")
    second = store.record_run(p)
    assert second == first + 1
    runs = store.runs()
    assert [r.id for r in runs] == [first, second]
    assert runs[0].config == {"timeline": {"max_entries": 20}} and runs[0].counts["used"] == 3
    assert runs[0].started.startswith("2024-05-01") and runs[0].schema_version == "1"


def test_two_processes_share_a_store(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    script = str(HERE / "store_writer.py")
    # overlapping id ranges, several rounds each, at the same time
    procs = [
        subprocess.Popen(
            [sys.executable, script, str(db), first, "150", "3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in ("0", "100")
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with Store(db) as s:
        assert s.count("fp") == 250
        assert len(s.migrations()) == len(MIGRATIONS)


def test_the_prepare_fingerprint_follows_what_the_document_stages_depend_on() -> None:
    cfg = Config()
    assert prepare_fingerprint(cfg) == prepare_fingerprint(Config())
    for override in (
        "annotate.max_sentence_chars=300",
        "ingest.min_chars=100",
        "dating.max_gap_days=30",
    ):
        assert prepare_fingerprint(cfg.with_overrides([override])) != prepare_fingerprint(cfg)
    # corpus and timeline settings do not change prepared articles
    assert prepare_fingerprint(cfg.with_overrides(["timeline.max_entries=3"])) == (
        prepare_fingerprint(cfg)
    )


def test_opening_while_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with Store(path) as writer:
        writer.put_many([art(1)], "fp")
        with writer.atomic():
            writer.put_many([art(2)], "fp")
            with Store(path, timeout=0.2) as reader:  # opening and reading need no write lock
                assert set(reader.get_many(["id0001", "id0002"], "fp")) == {"id0001"}
                with pytest.raises(StoreError, match="another process holds it"):
                    reader.put_many([art(3)], "fp")
        with Store(path, timeout=0.2) as later:
            assert later.count() == 2
