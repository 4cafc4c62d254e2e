"""Turning the paths a user gives into a deterministic stream of Article | Skip.

Folders are walked recursively in sorted name order; hidden entries (".git", ".DS_Store")
are not inputs and are passed over with a debug log. A folder's `.storylineignore` lists
glob patterns (one per line, `#` comments; `notes/` for a folder) of entries in it and
below that are not inputs either: a corpus's own README, say. In a news-tls topic folder only the
article file is read (see `newstls`). Every other file gives at least one Article or Skip.
"""

from __future__ import annotations

import fnmatch
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest import files as _files  # noqa: F401  (registers the built-in readers)
from storyline.ingest.newstls import is_topic_file, read_topic_articles, topic_article_file
from storyline.ingest.registry import file_suffix, formats_text, reader_for
from storyline.model import Article, Skip

log = logging.getLogger(__name__)


def read_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    """All records of one file, by the reader registered for its suffix."""
    if is_topic_file(path):
        yield Skip(
            shown,
            "not-article",
            "a news-tls topic file, not articles: give the topic "
            "folder (or its articles file) instead",
        )
        return
    if topic_article_file(path.parent) == path:
        yield from read_topic_articles(path, shown, config.max_bytes)
        return
    reader = reader_for(path)
    if reader is None:
        yield Skip(
            shown,
            "unsupported",
            f"cannot read {file_suffix(path) or 'this'} files; storyline reads "
            f"{formats_text()}: convert the file to one of these",
        )
        return
    yield from reader.read(path, shown, config)


IGNORE_FILE = ".storylineignore"
# (folder the patterns were read in, pattern, whether it names folders only)
_Ignore = tuple[Path, str, bool]


def _ignore_rules(folder: Path) -> list[_Ignore]:
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    rules = []
    for line in lines:
        pattern = line.strip()
        if pattern and not pattern.startswith("#"):
            rules.append((folder, pattern.rstrip("/"), pattern.endswith("/")))
    return rules


def _ignored(path: Path, is_dir: bool, rules: list[_Ignore]) -> bool:
    for base, pattern, dirs_only in rules:
        if dirs_only and not is_dir:
            continue
        rel = path.relative_to(base).as_posix()
        if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(path.name, pattern):
            return True
    return False


def _walk(
    folder: Path, config: IngestConfig, seen: set[str], rules: list[_Ignore] | None = None
) -> Iterator[Article | Skip]:
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
    rules = [*(rules or []), *_ignore_rules(folder)]
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
        if _ignored(path, is_dir, rules):
            log.info("not reading %s: matched by %s", path, IGNORE_FILE)
            continue
        if is_dir:
            yield from _walk(path, config, seen, rules)
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
