"""The built-in readers (text, HTML, JSON, JSON Lines, WARC), registered by suffix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.config import IngestConfig
from storyline.ingest.htmlfile import read_html
from storyline.ingest.jsonrecords import read_json, read_jsonl
from storyline.ingest.registry import Reader, register
from storyline.ingest.safeio import read_capped
from storyline.ingest.textfile import read_text
from storyline.ingest.warc import read_warc
from storyline.model import Article, Skip

# A text file that starts like this (after whitespace or a BOM) is a saved page: read as HTML.
_HTML_STARTS = (b"<!doctype html", b"<html")


def _bytes_of(path: Path, shown: str, config: IngestConfig) -> bytes | Skip:
    """The whole file, or a Skip when it is over `ingest.max_bytes`, not a regular file, or
    cannot be read (`safeio.read_capped`: never more than max_bytes + 1 bytes are read)."""
    return read_capped(path, shown, config)


def _read_text_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    data = _bytes_of(path, shown, config)
    if isinstance(data, Skip):
        yield data
    elif data.lstrip(b" \t\r\n\xef\xbb\xbf")[:20].lower().startswith(_HTML_STARTS):
        yield read_html(shown, data)
    else:
        yield read_text(shown, data)


def _read_html_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    data = _bytes_of(path, shown, config)
    yield data if isinstance(data, Skip) else read_html(shown, data)


def _read_json_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    data = _bytes_of(path, shown, config)
    if isinstance(data, Skip):
        yield data
    else:
        yield from read_json(shown, data)


def _read_jsonl_file(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    yield from read_jsonl(path, shown, config)


TEXT = Reader(
    "text", frozenset({"", ".txt", ".text"}), _read_text_file, ".txt, extension-less text"
)
HTML = Reader("html", frozenset({".html", ".htm", ".xhtml"}), _read_html_file, ".html, .htm")
JSON = Reader("json", frozenset({".json"}), _read_json_file, ".json")
JSONL = Reader(
    "jsonl",
    frozenset({".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}),
    _read_jsonl_file,
    ".jsonl, .jsonl.gz",
)
WARC = Reader(
    "warc",
    frozenset({".warc", ".warc.gz"}),
    read_warc,
    ".warc, .warc.gz (pip install 'storyline[warc]')",
)
for _reader in (TEXT, HTML, JSON, JSONL, WARC):
    register(_reader)
