"""A story's articles in the store: `Store.add` puts them in, `Store.corpus` reads them out.

`add` reads the inputs, prepares only the articles the store does not hold yet (reusing the
prepare cache in the same file), and writes each prepared batch in one transaction: the
prepared articles, their membership rows (with the ingested record, so a later version can
re-prepare them), their sentences in the full-text index and the inputs skipped so far. A run
killed at any point therefore leaves whole batches only, and the next `add` prepares exactly
what is missing. `corpus` returns what `prepare_articles` would return for the same files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.config import Config
from storyline.model import Article, Skip
from storyline.progress import ProgressLike, as_progress
from storyline.store.codec import CodecError, article_from_json, article_to_json

if TYPE_CHECKING:
    from storyline.pipeline import PreparedCorpus
    from storyline.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AddReport:
    """What `Store.add` did: articles added now, inputs the store held already, inputs skipped."""

    added: int
    already: int
    skipped: tuple[Skip, ...]

    @property
    def inputs(self) -> int:
        return self.added + self.already + len(self.skipped)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def passages(article: Article) -> list[tuple[str, str, str, int | None]]:
    """The full-text rows of an article: its title (sentence NULL), then each sentence."""
    rows: list[tuple[str, str, str, int | None]] = []
    if article.title:
        rows.append(("", article.title, article.id, None))
    rows.extend((s.text, "", article.id, i) for i, s in enumerate(article.sentences))
    return rows


class _Writer:
    """Writes prepared batches, their records and pending skips, one transaction per batch."""

    def __init__(self, store: Store, fingerprint: str) -> None:
        self.store = store
        self.fingerprint = fingerprint
        self.records: dict[str, tuple[Article, str]] = {}  # id -> (ingested record, digest)
        self.pending: list[Skip] = []
        self.added = 0
        self.skipped: list[Skip] = []

    def admit(self, prepared: Sequence[Article], fresh: bool) -> None:
        """Store `prepared` (freshly prepared, or hits of the prepare cache) as members."""
        conn = self.store.conn
        now = _now()
        with self.store.atomic():
            if fresh:
                digests = {a.id: self.records[a.id][1] for a in prepared}
                self.store.put_many(prepared, self.fingerprint, digests)
            for a in prepared:
                record, digest = self.records.pop(a.id)
                added = conn.execute(
                    "INSERT OR IGNORE INTO members (id, path, record, ingest, added) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (a.id, record.path, article_to_json(record), digest, now),
                ).rowcount
                conn.execute("DELETE FROM skips WHERE path = ?", (record.path,))
                if not added:  # prepared again: its sentences may have changed
                    conn.execute("DELETE FROM passages WHERE article = ?", (a.id,))
                conn.executemany(
                    "INSERT INTO passages (text, title, article, sentence) VALUES (?, ?, ?, ?)",
                    passages(a),
                )
            self.flush_skips()
        self.added += len(prepared)

    def flush_skips(self) -> None:
        if not self.pending:
            return
        now = _now()
        with self.store.atomic():
            self.store.conn.executemany(
                "INSERT OR IGNORE INTO skips (path, reason, detail, added) VALUES (?, ?, ?, ?)",
                [(s.path, s.reason, s.detail, now) for s in self.pending],
            )
        self.skipped.extend(self.pending)
        self.pending = []

    def sink(self, out: list[Article | Skip]) -> None:
        for item in out:
            if isinstance(item, Skip):
                self.pending.append(item)
                for key, (record, _) in list(self.records.items()):
                    if record.path == item.path:
                        del self.records[key]
        self.admit([a for a in out if isinstance(a, Article)], fresh=True)


def add_articles(
    store: Store,
    paths: Sequence[str | Path],
    config: Config | None = None,
    progress: ProgressLike = None,
) -> AddReport:
    """Add the articles under `paths` to `store` (see `Store.add`)."""
    from storyline.ingest import read_articles
    from storyline.pipeline import ingest_digest, prepare_fingerprint, prepare_stream

    cfg = config or Config()
    report = as_progress(progress)
    fingerprint = prepare_fingerprint(cfg)
    writer = _Writer(store, fingerprint)
    known = store.member_paths()
    already = 0

    def fresh() -> Iterator[Article]:
        nonlocal already
        for item in read_articles(list(paths), cfg.ingest):
            if isinstance(item, Skip):
                writer.pending.append(item)
            elif item.id in known:
                if known[item.id] == item.path:
                    already += 1
                else:
                    detail = f"same text and source as {known[item.id]}"
                    writer.pending.append(Skip(item.path, "duplicate", detail))
            else:
                known[item.id] = item.path
                yield item

    def todo() -> Iterator[list[Article]]:
        for batch in _batches(fresh(), max(1, cfg.annotate.batch_size)):
            keys = {a.id: ingest_digest(a) for a in batch}
            writer.records.update((a.id, (a, keys[a.id])) for a in batch)
            cached = store.get_many(list(keys), fingerprint, keys)
            if cached:
                writer.admit(list(cached.values()), fresh=False)
                report.advance(len(cached))
            rest = [a for a in batch if a.id not in cached]
            if rest:
                yield rest
            else:
                writer.flush_skips()

    report.stage("prepare", None)
    prepare_stream(todo(), cfg, report, writer.sink)
    writer.flush_skips()
    skipped = sorted(writer.skipped, key=lambda s: (s.path, s.reason, s.detail))
    log.info("added %d articles to %s (%d held already)", writer.added, store.path, already)
    return AddReport(writer.added, already, tuple(skipped))


def stored_corpus(
    store: Store, config: Config | None = None, progress: ProgressLike = None
) -> PreparedCorpus:
    """The prepared corpus of every article `store` holds, with every skipped input.

    Articles prepared under another configuration or version are prepared again from their
    stored records (and stored again)."""
    from storyline.pipeline import finish_corpus, prepare_fingerprint, prepare_stream

    cfg = config or Config()
    report = as_progress(progress)
    fingerprint = prepare_fingerprint(cfg)
    rows = store.conn.execute("SELECT id, path, record, ingest FROM members ORDER BY id")
    members = [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
    digests = {m[0]: m[3] for m in members}
    hits = store.get_many(list(digests), fingerprint, digests)
    broken: list[Skip] = []
    stale: list[Article] = []
    for article_id, path, record, _ in members:
        if article_id in hits:
            continue
        try:
            stale.append(article_from_json(record))
        except CodecError as e:
            detail = f"its stored record is unreadable ({e}): add the file again"
            broken.append(Skip(path, "error", detail))
    writer = _Writer(store, fingerprint)
    writer.records.update((a.id, (a, digests[a.id])) for a in stale)
    report.stage("prepare", len(stale))
    batches = _batches(stale, max(1, cfg.annotate.batch_size))
    redone = prepare_stream(batches, cfg, report, writer.sink)
    if stale:
        log.info("prepared %d stored articles again under this configuration", len(stale))
    rows = store.conn.execute("SELECT path, reason, detail FROM skips")
    skipped = [Skip(str(r[0]), str(r[1]), str(r[2])) for r in rows]
    articles = [*hits.values(), *(a for a in redone if isinstance(a, Article))]
    return finish_corpus(articles, [*skipped, *broken], cfg, report)
