"""The store's schema, as an ordered list of recorded migrations.

Each migration runs once, in version order, inside the transaction that records it in the
`migrations` table, so two processes opening a new store at the same time cannot both apply it.
Never edit a released migration: append a new one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass

from storyline.errors import StorylineError

log = logging.getLogger(__name__)


class StoreError(StorylineError):
    """The store file cannot be opened or used."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles and runs",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                fingerprint TEXT NOT NULL,
                codec INTEGER NOT NULL,
                json TEXT NOT NULL,
                created TEXT NOT NULL
            )""",
            "CREATE INDEX articles_fingerprint ON articles (fingerprint)",
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started TEXT NOT NULL,
                tool_version TEXT NOT NULL,
                schema_version TEXT NOT NULL,
                input_fingerprint TEXT NOT NULL,
                config TEXT NOT NULL,
                counts TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        2,
        "the digest of the ingested record a cached article was prepared from",
        ("ALTER TABLE articles ADD COLUMN ingest TEXT",),
    ),
    Migration(
        3,
        "the articles a story holds, its skipped inputs, its last timeline, full-text search",
        (
            """CREATE TABLE members (
                id TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                record TEXT NOT NULL,
                ingest TEXT NOT NULL,
                added TEXT NOT NULL
            )""",
            """CREATE TABLE skips (
                path TEXT NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL,
                added TEXT NOT NULL,
                PRIMARY KEY (path, reason, detail)
            )""",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                timeline TEXT NOT NULL,
                built TEXT NOT NULL
            )""",
            """CREATE TABLE story_articles (
                story TEXT NOT NULL,
                article TEXT NOT NULL,
                PRIMARY KEY (story, article)
            )""",
            "CREATE INDEX story_articles_article ON story_articles (article)",
            """CREATE VIRTUAL TABLE passages USING fts5 (
                text, title, article UNINDEXED, sentence UNINDEXED,
                tokenize = 'unicode61 remove_diacritics 2'
            )""",
        ),
    ),
)

# PRAGMA application_id of a storyline store ("STLN"): a SQLite file of another program is
# refused instead of getting storyline's tables added to it.
APPLICATION_ID = 0x53544C4E
_FTS_SHADOWS = ("", "_data", "_idx", "_content", "_docsize", "_config")
_OWN_TABLES = frozenset(
    {"articles", "runs", "migrations", "sqlite_sequence", "members", "skips", "stories"}
    | {"story_articles"}
    | {f"passages{suffix}" for suffix in _FTS_SHADOWS}
)


def check_ownership(conn: sqlite3.Connection, path: str) -> None:
    """Raise StoreError unless `conn` is a storyline store or an empty database; mark an
    empty database (a new store) and a store of an older storyline with APPLICATION_ID.

    Must run before any table is created."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    tables = {
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    if app_id != 0 or (tables and not ("migrations" in tables and tables <= _OWN_TABLES)):
        shown = ", ".join(sorted(tables)[:8]) or "none"
        raise StoreError(
            f"{path} is a SQLite database of another program (application id {app_id:#x}, "
            f"tables: {shown}), not a storyline store; storyline leaves it untouched. Fix: "
            f"choose another --cache path"
        )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


_CREATE_MIGRATIONS = """CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied TEXT NOT NULL
)"""


def _applied(conn: sqlite3.Connection) -> set[int]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not exists:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM migrations")}


def apply_migrations(
    conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[int]:
    """Apply the migrations `conn` lacks, in order, in one write transaction.

    `conn` must be in autocommit mode (isolation_level=None) with no open transaction.
    Returns the versions applied now.
    """
    known = max((m.version for m in migrations), default=0)
    wanted = {m.version for m in migrations}
    if wanted and _applied(conn) == wanted:  # the common case: no write lock needed
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(_CREATE_MIGRATIONS)
        done = {row[0] for row in conn.execute("SELECT version FROM migrations")}
        newer = sorted(v for v in done if v > known)
        if newer:
            raise StoreError(
                f"this store was written by a newer storyline (schema versions {newer}, this "
                f"version knows up to {known}). Fix: upgrade storyline, or use another "
                f"--cache path"
            )
        applied: list[int] = []
        for m in sorted(migrations, key=lambda m: m.version):
            if m.version in done:
                continue
            for statement in m.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (version, name, applied) VALUES (?, ?, ?)",
                (m.version, m.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            applied.append(m.version)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if applied:
        log.info("store schema migrated to version %d", applied[-1])
    return applied
