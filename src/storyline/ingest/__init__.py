"""Ingest: files and folders in, one `Article` (raw text + metadata) or `Skip` per record out.

    from storyline.ingest import read_articles
    for item in read_articles(["articles/", "extra.jsonl.gz"]):
        ...

Readers: plain text (`textfile`), HTML (`htmlfile`), JSON/JSONL records (`jsonrecords`),
WARC response records (`warc`, the `warc` extra)
and news-tls topic folders (`newstls`). Nothing raises for bad input and nothing is
dropped silently: every unusable input comes back as a `Skip(path, reason, detail)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest.newstls import NewsTlsTopic, read_newstls_topic
from storyline.ingest.registry import Reader, formats_text, reader_for, readers, register
from storyline.ingest.walk import iter_paths
from storyline.model import Article, Skip

__all__ = [
    "NewsTlsTopic",
    "Reader",
    "formats_text",
    "read_articles",
    "read_newstls_topic",
    "reader_for",
    "readers",
    "register",
]


def read_articles(
    paths: Iterable[str | Path], config: IngestConfig | None = None
) -> Iterator[Article | Skip]:
    """Read every article under `paths` (files or folders, recursively, sorted; a single
    path is accepted too).

    Yields one `Article` per article record (raw text, source, url, title, given date)
    or a `Skip` saying why a file or record was not used (missing, empty, binary,
    encoding, malformed, not-article, unsupported, too-large, unreadable).
    `Article.text` is left empty: `storyline.clean.clean_article` fills it.
    """
    if isinstance(paths, (str, Path)):  # one path, not an iterable of characters
        paths = [paths]
    return iter_paths(paths, config or IngestConfig())
