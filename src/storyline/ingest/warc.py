"""WARC files (`.warc`, `.warc.gz`: Common Crawl's CC-NEWS, Heritrix, wget --warc-file).

    for item in read_warc(Path("CC-NEWS-20200701.warc.gz"), shown, IngestConfig()): ...

Records are split by `fastwarc` (the resiliparse project; `pip install 'storyline[warc]'`),
which reads 2.5-3 times as many records per second as warcio (`bench/warc_read.py`). Every
HTTP response record that holds an HTML page (status 200) goes through the HTML reader
(`htmlfile.read_html`), as a saved page would; it is shown as `FILE#R<n>`, n counting every
record of the file from 1.

The WARC headers are the *crawl's* metadata, never the publication date: `WARC-Target-URI`
is the page's URL (a date in its path may still date the article, as for any URL), and the
day of `WARC-Date` is `Article.crawled`, which the HTML reader uses only as the latest
possible publication date.

Every record is used or reported: a response that is not 200 is a Skip "http-status", one
that is not HTML "unsupported", one over `ingest.max_bytes` "too-large" (passed over without
being held), a truncated one "unreadable"; the records that are not responses (warcinfo,
request, metadata, revisit) are counted in one Skip "not-article" per file. A file that stops
parsing keeps the records before the break and ends with a Skip saying where it stopped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.config import IngestConfig
from storyline.errors import MissingExtraError
from storyline.ingest.htmlfile import read_html
from storyline.ingest.records import parse_day
from storyline.ingest.safeio import open_regular
from storyline.model import Article, Skip

# A payload without a Content-Type that starts like this is a page.
_HTML_STARTS = (b"<!doctype html", b"<html")


def import_fastwarc() -> Any:
    """The `fastwarc.warc` module, or MissingExtraError naming the extra to install."""
    try:
        import fastwarc.warc
    except ImportError as e:
        raise MissingExtraError("reading WARC files", "warc", "fastwarc") from e
    return fastwarc.warc


def _is_html(content_type: str | None, payload_start: bytes) -> bool:
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        return kind in ("text/html", "application/xhtml+xml")
    return payload_start.lstrip(b" \t\r\n\xef\xbb\xbf")[:20].lower().startswith(_HTML_STARTS)


def _response(record: Any, where: str, config: IngestConfig) -> Article | Skip:
    """One article (or a Skip) from an HTTP response record."""
    if not record.is_http:
        return Skip(where, "unsupported", "a response record without an HTTP message")
    status = record.http_headers.status_code
    if status != 200:
        line = record.http_headers.status_line or f"HTTP status {status}"
        return Skip(where, "http-status", f"{line}: only a 200 response holds a page")
    content_type = record.http_content_type
    if record.content_length > config.max_bytes:
        return Skip(
            where,
            "too-large",
            f"a payload of {record.content_length} bytes is over ingest.max_bytes="
            f"{config.max_bytes}; raise it with --set ingest.max_bytes=N",
        )
    payload = record.reader.read()
    if len(payload) < record.content_length:
        return Skip(
            where,
            "unreadable",
            f"the record is truncated ({len(payload)} of {record.content_length} bytes)",
        )
    if not _is_html(content_type, payload[:64]):
        return Skip(where, "unsupported", f"a {content_type or 'non-HTML'} payload, not a page")
    url = record.headers.get("WARC-Target-URI") or None
    crawled = parse_day(record.headers.get("WARC-Date"))
    return read_html(where, payload, url=url, crawled=crawled)


def read_warc(path: Path, shown: str, config: IngestConfig) -> Iterator[Article | Skip]:
    """The articles of a WARC file (gzip when the name ends in .gz), and a Skip for every
    record that is not one (see the module's docstring)."""
    warc = import_fastwarc()
    handle = open_regular(path, shown)
    if isinstance(handle, Skip):
        yield handle
        return
    passed: Counter[str] = Counter()
    n = 0
    with handle:
        stream: Any = handle
        if path.name.lower().endswith(".gz"):
            from fastwarc.stream_io import GzipReader

            stream = GzipReader(handle)
        try:
            for record in warc.ArchiveIterator(stream, parse_http=True):
                n += 1
                if not record.headers.get("Content-Length"):
                    yield Skip(f"{shown}#R{n}", "malformed", "a record without Content-Length")
                    continue
                if record.record_type != warc.WarcRecordType.response:
                    passed[str(record.record_type)] += 1
                    continue
                yield _response(record, f"{shown}#R{n}", config)
        except Exception as e:  # fastwarc raises OSError and others on broken input
            after = f"after record {n} (the records before were read)" if n else "at the start"
            reason = "malformed" if isinstance(e, OSError) else "unreadable"
            yield Skip(shown, reason, f"reading stopped {after}: {type(e).__name__}: {e}")
            return
    if passed:
        kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(passed.items()))
        total = sum(passed.values())
        yield Skip(
            shown, "not-article", f"not responses, so no page: {total} WARC record(s) ({kinds})"
        )
    elif n == 0:
        yield Skip(shown, "empty", "the file holds no WARC records")
