"""`Store`: prepared articles in SQLite, so re-runs and added articles reuse earlier work.

One row per article id holds the JSON of the prepared `Article` and the fingerprint of the
configuration that prepared it; `get_many` returns only rows whose fingerprint (and codec
version) match, so a changed configuration is a cache miss, never a stale hit. Writes are
idempotent upserts in `atomic()` batches (one transaction per batch). The database runs in WAL
mode with a busy timeout, so several processes may read and write the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from storyline.model import Article, Provenance
from storyline.store.codec import CODEC_VERSION, CodecError, article_from_json, article_to_json
from storyline.store.migrations import StoreError, apply_migrations, check_ownership

if TYPE_CHECKING:
    from storyline.store.search import SearchHit

log = logging.getLogger(__name__)

_SQL_VARS = 500  # ids per SELECT ... IN (...), well under SQLite's variable limit

_UPSERT = """
INSERT INTO articles (id, fingerprint, codec, json, created, ingest) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    fingerprint = excluded.fingerprint, codec = excluded.codec,
    json = excluded.json, created = excluded.created, ingest = excluded.ingest
WHERE articles.fingerprint IS NOT excluded.fingerprint
   OR articles.codec IS NOT excluded.codec
   OR articles.json IS NOT excluded.json
   OR articles.ingest IS NOT excluded.ingest
"""


@dataclass(frozen=True)
class RunRecord:
    """One recorded run (`Store.record_run`)."""

    id: int
    started: str
    tool_version: str
    schema_version: str
    input_fingerprint: str
    config: Mapping[str, Any]
    counts: Mapping[str, Any]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _connect(path: str, timeout: float) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).parent
        if not parent.is_dir():
            raise StoreError(
                f"cannot create the store {path}: the directory {parent} does not exist. "
                f"Fix: create it, or choose another --cache path"
            )
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the store {path} ({e}): check the --cache path") from e
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as e:
        conn.close()
        raise _open_error(path, e) from e
    return conn


def _open_error(path: str, e: sqlite3.DatabaseError) -> StoreError:
    if isinstance(e, sqlite3.OperationalError):  # locked, busy, read-only, disk I/O...
        return StoreError(
            f"cannot open the store {path} ({e}). If another storyline run is writing to it, "
            f"wait for it to finish; otherwise check the file's permissions and free disk "
            f"space, or choose another --cache path"
        )
    return StoreError(
        f"{path} is not a storyline store (SQLite says: {e}). Fix: choose another "
        f"--cache path, or delete the file if it is a damaged cache"
    )


class Store:
    """A SQLite store of prepared articles. Use as a context manager, or call `close()`.

    `batch_size` articles are written per transaction by `put_many`.
    """

    def __init__(self, path: str | Path, *, batch_size: int = 500, timeout: float = 30.0) -> None:
        if batch_size < 1:
            raise StoreError(f"batch_size must be >= 1, got {batch_size!r}")
        self.path = str(path)
        self.batch_size = batch_size
        self._depth = 0
        self._conn: sqlite3.Connection | None = _connect(self.path, timeout)
        try:
            check_ownership(self._conn, self.path)
            apply_migrations(self._conn)
        except sqlite3.DatabaseError as e:
            self.close()
            raise _open_error(self.path, e) from e
        except BaseException:
            self.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        """The open connection (autocommit mode; use `atomic()` for transactions)."""
        if self._conn is None:
            raise StoreError(f"the store {self.path} is closed: open a new Store to use it")
        return self._conn

    # -- transactions -----------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A write transaction (a savepoint when nested): all or nothing."""
        conn = self.conn
        depth = self._depth
        try:
            conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        except sqlite3.OperationalError as e:
            raise StoreError(
                f"cannot write to the store {self.path} ({e}): another process holds it. "
                f"Fix: wait for the other run to finish, or use another --cache path"
            ) from e
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO sp{depth}")
                conn.execute(f"RELEASE sp{depth}")
            raise
        self._depth = depth
        conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """A read transaction (one consistent view), unless one is open already."""
        if self._depth:
            yield
            return
        conn = self.conn
        conn.execute("BEGIN")
        try:
            yield
        finally:
            conn.execute("COMMIT")

    # -- articles ---------------------------------------------------------------
    def put_many(
        self,
        articles: Iterable[Article],
        fingerprint: str,
        ingest: Mapping[str, str] | None = None,
    ) -> int:
        """Insert or update articles prepared under `fingerprint`, `batch_size` per transaction.

        `ingest` maps an article id to the digest of the ingested record it was prepared
        from (`ingest_digest`); `get_many` given the same mapping then misses a row whose
        record changed (a renamed file, another date header, title or URL).
        Idempotent: writing an article that is already stored unchanged does nothing. Returns the
        number of rows inserted or changed.
        """
        written = 0
        keys = ingest or {}
        for batch in _batches(articles, self.batch_size):
            now = _now()
            rows = [
                (a.id, fingerprint, CODEC_VERSION, article_to_json(a), now, keys.get(a.id))
                for a in batch
            ]
            with self.atomic():
                cursor = self.conn.executemany(_UPSERT, rows)
                written += max(cursor.rowcount, 0)
        log.debug("stored %d changed articles in %s", written, self.path)
        return written

    def get_many(
        self,
        ids: Sequence[str],
        fingerprint: str,
        ingest: Mapping[str, str] | None = None,
    ) -> dict[str, Article]:
        """The stored articles among `ids` prepared under `fingerprint`, in the order of `ids`.

        Ids not stored, stored under another fingerprint, or unreadable are left out (misses);
        with `ingest` (id -> digest, see `put_many`), so are rows stored from another record.
        """
        wanted = list(dict.fromkeys(ids))
        found: dict[str, tuple[str, str | None]] = {}
        with self._snapshot():
            for start in range(0, len(wanted), _SQL_VARS):
                part = wanted[start : start + _SQL_VARS]
                marks = ",".join("?" * len(part))
                rows = self.conn.execute(
                    f"SELECT id, json, ingest FROM articles WHERE fingerprint = ? AND codec = ? "
                    f"AND id IN ({marks})",
                    (fingerprint, CODEC_VERSION, *part),
                )
                found.update((r[0], (r[1], r[2])) for r in rows)
        out: dict[str, Article] = {}
        for article_id in wanted:
            row = found.get(article_id)
            if row is None:
                continue
            text, stored_ingest = row
            if ingest is not None and stored_ingest != ingest.get(article_id):
                continue  # prepared from another record with the same text and source
            try:
                out[article_id] = article_from_json(text)
            except CodecError as e:
                log.warning("ignoring unreadable stored article %s: %s", article_id, e)
        return out

    def count(self, fingerprint: str | None = None) -> int:
        """The number of stored articles (under `fingerprint` when given)."""
        if fingerprint is None:
            row = self.conn.execute("SELECT count(*) FROM articles").fetchone()
        else:
            row = self.conn.execute(
                "SELECT count(*) FROM articles WHERE fingerprint = ? AND codec = ?",
                (fingerprint, CODEC_VERSION),
            ).fetchone()
        return int(row[0])

    # -- a story's articles -----------------------------------------------------
    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Stored sentences and titles holding every word of `text`, best first."""
        from storyline.store.search import search_store

        return search_store(self, text, limit)

    def member_paths(self) -> dict[str, str]:
        """The id -> path of every article the store holds."""
        rows = self.conn.execute("SELECT id, path FROM members ORDER BY id")
        return {str(r[0]): str(r[1]) for r in rows}

    # -- runs -------------------------------------------------------------------
    def record_run(self, provenance: Provenance, *, started: str | None = None) -> int:
        """Record the provenance of a run; returns its id."""
        with self.atomic():
            cursor = self.conn.execute(
                "INSERT INTO runs (started, tool_version, schema_version, input_fingerprint, "
                "config, counts) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    started or _now(),
                    provenance.tool_version,
                    provenance.schema_version,
                    provenance.input_fingerprint,
                    json.dumps(provenance.config, sort_keys=True, default=str),
                    json.dumps(provenance.counts, sort_keys=True, default=str),
                ),
            )
        return int(cursor.lastrowid or 0)

    def runs(self) -> list[RunRecord]:
        """Recorded runs, oldest first."""
        rows = self.conn.execute(
            "SELECT id, started, tool_version, schema_version, input_fingerprint, config, counts "
            "FROM runs ORDER BY id"
        )
        return [
            RunRecord(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), json.loads(r[6]))
            for r in rows
        ]

    def migrations(self) -> list[tuple[int, str]]:
        """Applied schema migrations as (version, name), in order."""
        rows = self.conn.execute("SELECT version, name FROM migrations ORDER BY version")
        return [(int(v), str(n)) for v, n in rows]

    # -- lifetime ---------------------------------------------------------------
    def close(self) -> None:
        """Close the connection. Idempotent."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"
