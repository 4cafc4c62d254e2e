"""Turning the paths a user gives into a deterministic stream of Article | Skip.

Folders are walked recursively in sorted name order; hidden entries (".git", ".DS_Store")
are not inputs and are passed over with a debug log. In a news-tls topic folder only the
article file is read (see `newstls`). Every other file gives at least one Article or Skip.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest.htmlfile import read_html
from storyline.ingest.jsonrecords import read_json, read_jsonl
from storyline.ingest.newstls import is_topic_file, topic_article_file
from storyline.ingest.textfile import read_text
from storyline.model import Article, Skip

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({"", ".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"})
JSON_SUFFIXES = frozenset({".json"})
READ_FORMATS = ".txt, extension-less text, .html, .htm, .json, .jsonl, .jsonl.gz, news-tls folders"
# A text file that starts like this (after whitespace or a BOM) is a saved page: read as HTML.
_HTML_STARTS = (b"<!doctype html", b"<html")


def file_format(path: Path) -> tuple[str, str]:
    """(format, suffix) where format is text | html | jsonl | json | unsupported."""
    name = path.name.lower()
    suffixes = [s for s in Path(name).suffixes if len(s) <= 9 and " " not in s]
    double = "".join(suffixes[-2:]) if len(suffixes) >= 2 else ""
    if double in JSONL_SUFFIXES:
        return "jsonl", double
    suffix = suffixes[-1] if suffixes else ""
    if suffix.strip(".").isdigit():  # "report.2019" or "v1.2": a version, not a type
        suffix = ""
    for fmt, known in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
        ("json", JSON_SUFFIXES),
    ):
        if suffix in known:
            return fmt, suffix
    return "unsupported", suffix


def read_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    """All records of one file."""
    if is_topic_file(path):
        yield Skip(
            shown,
            "not-article",
            "a news-tls topic file, not articles: give the topic "
            "folder (or its articles file) instead",
        )
        return
    fmt, suffix = file_format(path)
    if fmt == "unsupported":
        yield Skip(
            shown,
            "unsupported",
            f"cannot read {suffix or 'this'} files; storyline reads "
            f"{READ_FORMATS}: convert the file to one of these",
        )
        return
    if fmt == "jsonl":
        yield from read_jsonl(path, shown, config.max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            yield Skip(
                shown,
                "too-large",
                f"{size} bytes is over ingest.max_bytes="
                f"{config.max_bytes}; raise it with --set ingest.max_bytes=N",
            )
            return
        data = path.read_bytes()
    except OSError as e:
        yield Skip(shown, "unreadable", f"cannot read the file: {e.strerror or e}")
        return
    if fmt == "json":
        yield from read_json(shown, data)
    elif fmt == "html" or data.lstrip(b" \t\r\n\xef\xbb\xbf")[:20].lower().startswith(_HTML_STARTS):
        yield read_html(shown, data)
    else:
        yield read_text(shown, data)


def _walk(folder: Path, config: IngestConfig, seen: set[str]) -> Iterator[Article | Skip]:
    real = os.path.realpath(folder)
    if real in seen:
        log.debug("skipping %s: already walked (symlink loop?)", folder)
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield Skip(str(folder), "unreadable", f"cannot list the folder: {e.strerror or e}")
        return
    topic_file = topic_article_file(folder)
    for entry in entries:
        path = folder / entry.name
        if entry.name.startswith("."):
            log.debug("skipping hidden %s", path)
            continue
        if topic_file is not None and is_topic_file(path):
            log.debug("skipping news-tls file %s (not articles)", path)
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, config, seen)
        else:
            yield from read_file(path, str(path), config)


def iter_paths(paths: Iterable[str | Path], config: IngestConfig) -> Iterator[Article | Skip]:
    """Articles and skips of every path, in the order given, folders walked sorted."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield Skip(str(given), "missing", "no such file or folder: check the path")
        elif path.is_dir():
            found = False
            for item in _walk(path, config, set()):
                found = True
                yield item
            if not found:
                yield Skip(str(given), "empty", "the folder holds no files to read")
        else:
            yield from read_file(path, str(path), config)
