"""Writing small WARC files for the tests, with fastwarc (the library storyline reads them with)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    """One HTTP response; `kind` "warcinfo" / "request" / "metadata" writes such a record."""

    url: str
    body: bytes
    status: str = "200 OK"
    content_type: str | None = "text/html; charset=utf-8"
    date: str = "2020-07-15T10:00:00Z"
    kind: str = "response"


def _record(page: Page) -> object:
    from fastwarc.warc import WarcRecord, WarcRecordType

    record = WarcRecord()
    record.init_headers(getattr(WarcRecordType, page.kind))
    record.headers.set("WARC-Date", page.date)
    if page.kind == "warcinfo":
        record.headers.set("Content-Type", "application/warc-fields")
        record.set_bytes_content(page.body)
        return record
    record.headers.set("WARC-Target-URI", page.url)
    if page.kind == "response":
        head = f"HTTP/1.1 {page.status}\r\n"
        if page.content_type is not None:
            head += f"Content-Type: {page.content_type}\r\n"
        head += f"Content-Length: {len(page.body)}\r\n\r\n"
        record.headers.set("Content-Type", "application/http; msgtype=response")
        record.set_bytes_content(head.encode() + page.body)
    else:
        record.headers.set("Content-Type", "application/http; msgtype=request")
        record.set_bytes_content(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n")
    return record


def warc_bytes(pages: list[Page], gzip: bool = False) -> bytes:
    """The bytes of a WARC holding `pages` in order (each record its own gzip member when
    `gzip`, as Common Crawl writes them)."""
    from fastwarc.stream_io import GzipWriter

    out = io.BytesIO()
    for page in pages:
        record = _record(page)
        if gzip:
            member = io.BytesIO()
            writer = GzipWriter(member)
            record.write(writer)  # type: ignore[attr-defined]
            writer.close()
            out.write(member.getvalue())
        else:
            record.write(out)  # type: ignore[attr-defined]
    return out.getvalue()


def write_warc(path: Path, pages: list[Page]) -> Path:
    path.write_bytes(warc_bytes(pages, gzip=path.name.endswith(".gz")))
    return path


def page_html(title: str, paragraphs: list[str], published: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>{meta}</head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()
