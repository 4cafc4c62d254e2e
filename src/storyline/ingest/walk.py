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
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest import files as _files  # noqa: F401  (registers the built-in readers)
from storyline.ingest.newstls import is_topic_file, read_topic_articles, topic_article_file
from storyline.ingest.registry import file_suffix, formats_text, reader_for
from storyline.ingest.safeio import display_path, is_file
from storyline.model import Article, Skip

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputFile:
    """A file the walk found to read: its path and the path as shown to the user."""

    path: Path
    shown: str


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
        yield from read_topic_articles(path, shown, config)
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


# A file storyline writes into every output folder; a folder holding it is never read as
# input, so an OUT/ inside an input folder does not feed the next run its own outputs.
OUTPUT_MARKER = ".storyline-output"


def _own_output(folder: Path, shown: str) -> Skip | None:
    if is_file(folder / OUTPUT_MARKER):
        return Skip(
            shown,
            "own-output",
            f"a storyline output folder (it holds {OUTPUT_MARKER}): its timeline files are "
            f"not articles",
        )
    return None


def _inside(real: str, roots: tuple[str, ...]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _link_skip(entry: os.DirEntry[str], shown: str, roots: tuple[str, ...]) -> Skip | None:
    """A Skip for a symbolic link that is broken or leads outside the folders given."""
    target = os.path.realpath(entry.path)
    if not os.path.exists(target):
        return Skip(shown, "missing", "a broken symbolic link: its target does not exist")
    if not _inside(target, roots):
        return Skip(
            shown,
            "outside-input",
            f"a symbolic link to {display_path(target)}, outside the files and folders "
            f"given: not followed (give its target itself to read it)",
        )
    return None


# kernel and device trees: never articles, and some of their files never end
_SYSTEM_FOLDERS = frozenset({"/proc", "/sys", "/dev", "/run"})


class _Walked:
    """What a walk has read so far: the folders (real path -> as shown), the files."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}
        self.files = 0
        self.stopped = False  # the file budget ran out: nothing more is walked


def _walk(
    folder: Path,
    config: IngestConfig,
    seen: _Walked,
    roots: tuple[str, ...],
    rules: list[_Ignore] | None = None,
) -> Iterator[InputFile | Skip]:
    if seen.stopped:
        return
    shown_folder = display_path(folder)
    real = os.path.realpath(folder)
    if real in _SYSTEM_FOLDERS:
        yield Skip(shown_folder, "special", "a kernel or device folder: it holds no articles")
        return
    if real in seen.folders:
        yield Skip(
            shown_folder,
            "duplicate",
            f"the folder was already read as {seen.folders[real]} (a symbolic link loop, or "
            f"a second link to it)",
        )
        return
    seen.folders[real] = shown_folder
    own = _own_output(folder, shown_folder)
    if own is not None:
        yield own
        return
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: os.fsencode(e.name))
    except OSError as e:
        yield Skip(shown_folder, "unreadable", f"cannot list the folder: {e.strerror or e}")
        return
    topic_file = topic_article_file(folder)
    rules = [*(rules or []), *_ignore_rules(folder)]
    for entry in entries:
        path = folder / entry.name
        shown = display_path(path)
        if entry.name.startswith("."):
            log.debug("skipping hidden %s", shown)
            continue
        if topic_file is not None and is_topic_file(path):
            log.debug("skipping news-tls file %s (not articles)", shown)
            continue
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir()
        except OSError:
            is_link, is_dir = False, False
        if _ignored(path, is_dir, rules):
            log.info("not reading %s: matched by %s", shown, IGNORE_FILE)
            continue
        skip = _link_skip(entry, shown, roots) if is_link else None
        if skip is not None:
            yield skip
        elif is_dir:
            yield from _walk(path, config, seen, roots, rules)
        elif seen.files >= config.max_files:
            seen.stopped = True
            yield Skip(
                shown,
                "too-many-files",
                f"the walk stopped here, after {config.max_files:,} files: this file and "
                f"everything after it were not read; give a narrower path, or raise "
                f"ingest.max_files",
            )
        else:
            seen.files += 1
            yield InputFile(path, shown)
        if seen.stopped:
            return


def iter_paths(paths: Iterable[str | Path], config: IngestConfig) -> Iterator[Article | Skip]:
    """Articles and skips of every path, in the order given, folders walked sorted.

    Symbolic links met inside a folder are followed only when they lead inside one of the
    paths given (a link to `/` or to another tree is a Skip "outside-input"); a link given
    as a path is followed, since the user named it."""
    for item in iter_files(paths, config):
        if isinstance(item, InputFile):
            yield from read_file(item.path, item.shown, config)
        else:
            yield item


def iter_files(paths: Iterable[str | Path], config: IngestConfig) -> Iterator[InputFile | Skip]:
    """The files `iter_paths` reads, in the order it reads them, and the skips of the walk
    itself (missing paths, links outside the input, the file budget...), without reading
    any file: what a sharded run hands to its workers."""
    given_paths = [Path(p) for p in paths]
    roots = tuple(os.path.realpath(p) for p in given_paths)
    walked = _Walked()  # one budget of files for every folder given
    for path in given_paths:
        shown = display_path(path)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except FileNotFoundError:
            yield Skip(shown, "missing", "no such file or folder: check the path")
            continue
        except OSError as e:  # a parent folder that cannot be searched, a link loop...
            yield Skip(shown, "unreadable", f"cannot reach it: {e.strerror or e}")
            continue
        if is_dir:
            found = False
            for item in _walk(path, config, walked, roots):
                found = True
                yield item
            if not found:
                yield Skip(shown, "empty", "the folder holds no files to read")
        else:
            yield InputFile(path, shown)
