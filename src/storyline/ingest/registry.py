"""The readers, by file suffix: the one place to add an input format.

    reader = reader_for(Path("feed.jsonl.gz"))   # the Reader registered for ".jsonl.gz"
    for item in reader.read(path, shown, config): ...

A `Reader` turns one file into `Article | Skip` items and never raises for bad input. A new
format is one `register(Reader(...))` call here (or from a plugin): the walker, the CLI's
help text and the contract tests (`tests/contract/`) pick it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.config import IngestConfig
from storyline.model import Article, Skip

ReadFile = Callable[[Path, str, IngestConfig], Iterator[Article | Skip]]


@dataclass(frozen=True)
class Reader:
    """name: short format name; suffixes: lower-case file suffixes ("" for none, ".jsonl.gz"
    for a double one); read(path, shown, config): the file's items, `shown` being the path as
    the user gave it; describe: how the format is named in help and error texts."""

    name: str
    suffixes: frozenset[str]
    read: ReadFile
    describe: str


_READERS: dict[str, Reader] = {}
_BY_SUFFIX: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    """Add a reader; a suffix already taken by another reader is an error."""
    for suffix in reader.suffixes:
        other = _BY_SUFFIX.get(suffix)
        if other is not None and other.name != reader.name:
            raise ValueError(f"suffix {suffix!r} is already read by the {other.name!r} reader")
    _READERS[reader.name] = reader
    for suffix in reader.suffixes:
        _BY_SUFFIX[suffix] = reader


def readers() -> tuple[Reader, ...]:
    """Every registered reader, in registration order."""
    return tuple(_READERS.values())


def file_suffix(path: Path) -> str:
    """The suffix that picks a reader: a known double suffix (".jsonl.gz") or the last one;
    a numeric one ("report.2019", "v1.2") is a version, not a type, so it counts as none."""
    name = path.name.lower()
    suffixes = [s for s in Path(name).suffixes if len(s) <= 9 and " " not in s]
    double = "".join(suffixes[-2:]) if len(suffixes) >= 2 else ""
    if double and double in _BY_SUFFIX:
        return double
    suffix = suffixes[-1] if suffixes else ""
    return "" if suffix.strip(".").isdigit() else suffix


def reader_for(path: Path) -> Reader | None:
    return _BY_SUFFIX.get(file_suffix(path))


def formats_text() -> str:
    """The readable formats, for help and error messages."""
    return ", ".join(r.describe for r in readers()) + ", news-tls folders"
