"""JSON article records: .jsonl, .jsonl.gz and .json (one object or an array of objects).

Field names of the common crawlers and datasets are accepted (first present wins):

========  ======================================================================
text      text, maintext (news-please), body, content, raw_text (trafilatura),
          or news-tls preprocessed `sentences[].raw`
date      date, time (news-tls), date_publish (news-please), published,
          publish_date (newspaper4k), pubdate, published_at, publishedAt (NewsAPI),
          datePublished
url       url, link; a `source` holding a URL (trafilatura JSON) also counts
source    source (or its `name` when an object, NewsAPI), domain (cc_news),
          source_domain (news-please), sitename, hostname, source-hostname; else the
          URL's host (this value goes into the article id)
outlet    named by source, publisher or sitename (how="field"), else by a host field
          (source_domain, domain, hostname: "field", named by the corpus stage), else
          by the URL's host ("url"); an `authors` entry naming the site ("Islands
          Monitor" on islandsmonitor.example) names it too, and agencies among the
          authors are credited
title     title, headline
crawled   date_download (news-please), crawled, crawl_date, date_crawled
language  language, lang
========  ======================================================================

A .json file holds one record, a list of records, or an object wrapping the list under
`articles` (NewsAPI), `items`, `results`, `data` or `records`. JSONL files are streamed
line by line (gzip too) and parsed once. A bad line becomes a Skip naming the line; the
rest of the file is still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from storyline.config import IngestConfig
from storyline.ingest.decode import normalise_newlines
from storyline.ingest.htmlfile import read_html
from storyline.ingest.records import make_article, parse_day
from storyline.ingest.safeio import READ_ERRORS, Capped, open_stream, read_line, read_stream_capped
from storyline.model import Article, Skip
from storyline.outlets import Evidence, display_name, plausible_outlet
from storyline.outlets.evidence import host_matches
from storyline.outlets.names import host_of, looks_like_host
from storyline.outlets.table import agency_name

TEXT_FIELDS = ("text", "maintext", "body", "content", "raw_text")
DATE_FIELDS = (
    "date",
    "time",
    "date_publish",
    "published",
    "publish_date",
    "pubdate",
    "published_at",
    "publishedAt",
    "datePublished",
)
URL_FIELDS = ("url", "link")
SOURCE_FIELDS = (
    "source",
    "domain",
    "source_domain",
    "sitename",
    "hostname",
    "source-hostname",
)
NAME_FIELDS = ("source", "publisher", "sitename")
HOST_FIELDS = ("source_domain", "domain", "hostname", "source-hostname", "source")
AUTHOR_FIELDS = ("authors", "author")
TITLE_FIELDS = ("title", "headline")
CRAWL_FIELDS = ("date_download", "crawled", "crawl_date", "date_crawled")
LANGUAGE_FIELDS = ("language", "lang")
# A .json object holding the record list under one of these keys (NewsAPI: "articles").
WRAPPER_FIELDS = ("articles", "items", "results", "data", "records")

# A text value that is really an HTML document or fragment (some dumps store page markup).
_HTML_RE = re.compile(r"<(?:html|body|article|p|div)\b[^>]*>", re.IGNORECASE)


def _first_str(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, Mapping):  # NewsAPI: "source": {"id": ..., "name": ...}
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    return None


def _text_of(record: Mapping[str, Any]) -> str | None:
    for name in TEXT_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            joined = "\n\n".join(v.strip() for v in value if v.strip())
            if joined:
                return joined
    sentences = record.get("sentences")  # news-tls preprocessed records
    if isinstance(sentences, list):
        raws = [s.get("raw") for s in sentences if isinstance(s, Mapping)]
        joined = "\n".join(r.strip() for r in raws if isinstance(r, str) and r.strip())
        if joined:
            return joined
    return None


def _why_no_text(record: Mapping[str, Any]) -> str:
    for name in TEXT_FIELDS:
        if name in record and not isinstance(record[name], str):
            value = record[name]
            kind = "null" if value is None else type(value).__name__
            if isinstance(value, list):
                kind = "a list" + ("" if value else " (empty)") + ", not strings"
            return f"the field {name!r} is {kind}, not text"
    return f"no text in any of the fields {'|'.join(TEXT_FIELDS)}"


def _strings(record: Mapping[str, Any], names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for name in names:
        value = record.get(name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Mapping):
                item = item.get("name")
            if isinstance(item, str) and item.strip() and "://" not in item:
                out.append(item.strip())
    return out


def _outlet_evidence(
    record: Mapping[str, Any], url: str | None
) -> tuple[list[Evidence], tuple[str, ...]]:
    """The record's evidence of its outlet, and the agencies its authors name."""
    evidence: list[Evidence] = []
    hosts: list[str] = []
    for value in _strings(record, HOST_FIELDS):
        host = host_of(value) if looks_like_host(value.lower()) else None
        if host and host not in hosts:
            hosts.append(host)
            evidence.append(Evidence(host, "field", 0.88, value, is_host=True))
    for value in _strings(record, NAME_FIELDS):
        if looks_like_host(value.lower()):
            continue
        shown = display_name(value)
        if plausible_outlet(shown):
            evidence.append(Evidence(shown, "field", 0.9, value))
    url_host = host_of(url)
    if url_host:
        evidence.append(Evidence(url_host, "url", 0.8, url or "", is_host=True))
        hosts.append(url_host)
    credits: list[str] = []
    for author in _strings(record, AUTHOR_FIELDS):
        agency = agency_name(author)
        if agency is not None:
            if agency not in credits:
                credits.append(agency)
        elif any(host_matches(author, h) for h in hosts):
            evidence.append(Evidence(display_name(author), "field", 0.9, author))
    return evidence, tuple(sorted(credits))


def record_to_article(shown: str, record: Any, where: str) -> Article | Skip:
    """One article from a decoded JSON value; `where` ("line 12", "item 3") goes in details."""
    if not isinstance(record, Mapping):
        kind = type(record).__name__
        return Skip(
            shown, "malformed", f"{where}: an article record must be a JSON object, got {kind}"
        )
    text = _text_of(record)
    if text is None:
        return Skip(shown, "empty", f"{where}: {_why_no_text(record)}")
    url = _first_str(record, URL_FIELDS)
    source = _first_str(record, SOURCE_FIELDS)
    if source is not None and "://" in source:  # trafilatura's JSON puts the URL in `source`
        url = url or source
        source = _first_str(record, SOURCE_FIELDS[1:])
    date = _first_str(record, DATE_FIELDS)
    crawled = parse_day(_first_str(record, CRAWL_FIELDS))
    title = _first_str(record, TITLE_FIELDS)
    language = _first_str(record, LANGUAGE_FIELDS)
    evidence, credits = _outlet_evidence(record, url)
    if _HTML_RE.search(text[:4000]):
        html = read_html(shown, text, url=url, crawled=crawled)
        if isinstance(html, Skip):
            return Skip(shown, html.reason, f"{where}: {html.detail}")
        if html.source:
            is_host = looks_like_host(html.source)
            evidence.append(
                Evidence(html.source, html.source_how, html.source_confidence, is_host=is_host)
            )
        return make_article(
            shown,
            html.raw_text,
            source=source or html.source,
            outlet=evidence,
            credits=credits,
            url=html.url,
            title=title or html.title,
            given_date=date or html.given_date,
            given_date_how="field" if date else html.given_date_how,
            crawled=crawled,
            language=language or html.language,
        )
    return make_article(
        shown,
        normalise_newlines(text).strip("\n"),
        source=source,
        outlet=evidence,
        credits=credits,
        url=url,
        title=title,
        given_date=date,
        given_date_how="field" if date else None,
        crawled=crawled,
        language=language,
    )


def _big_int(digits: str) -> int | float:
    """An integer of JSON; one of more than 4,300 digits (Python refuses to convert it, a
    denial-of-service guard) becomes inf: never text, never a date."""
    return int(digits) if len(digits) <= 4300 else float("inf")


def loads(data: bytes | str) -> Any:
    """`json.loads` that never raises but `ValueError` (JSONDecodeError, a bad encoding)
    and `RecursionError`; huge integers become inf."""
    return json.loads(data, parse_int=_big_int)


def _decode_error(e: Exception) -> tuple[str, str]:
    """(Skip reason, detail) for an exception of `loads`."""
    if isinstance(e, UnicodeDecodeError):
        return "encoding", f"not UTF-8 ({e.reason}); re-save the file as UTF-8"
    if isinstance(e, RecursionError):
        return "malformed", "JSON nested too deeply"
    return "malformed", f"not valid JSON: {e}"


def read_jsonl(
    path: Path, shown: str, limits: IngestConfig | int | None = None
) -> Iterator[Article | Skip]:
    """Stream the records of a JSONL file (gzip when the name ends in .gz).

    A line over `ingest.max_bytes` is reported and read past without being held; a .gz
    that is truncated, damaged or a gzip bomb stops with a Skip after the records before
    the break, which are used. A file that is one JSON document (an array or an object,
    pretty-printed over several lines) instead of lines is read as a .json file."""
    config = limits if isinstance(limits, IngestConfig) else IngestConfig()
    if isinstance(limits, int):
        config = IngestConfig(max_bytes=limits)
    max_line = config.max_bytes
    stream = open_stream(path, shown, config)
    if isinstance(stream, Skip):
        yield stream
        return
    line_no = 0
    records = 0
    try:
        with stream:
            while True:
                raw, size = read_line(stream, max_line)
                if size == 0:
                    break
                line_no += 1
                if size <= max_line and not raw.strip():
                    continue
                records += 1
                where = f"{shown}#L{line_no}"
                if size > max_line:
                    yield Skip(
                        where,
                        "too-large",
                        f"line {line_no}: {size} bytes is over ingest.max_bytes={max_line}",
                    )
                    continue
                try:
                    record = loads(raw)
                except (ValueError, RecursionError) as e:
                    if records == 1 and raw.lstrip()[:1] in (b"[", b"{"):
                        whole = _whole_document(path, shown, config)
                        if whole is not None:
                            yield from whole
                            return
                    reason, detail = _decode_error(e)
                    yield Skip(where, reason, f"line {line_no}: {detail}")
                    continue
                if records == 1 and _holds_records(record):  # a JSON array, not lines
                    for i, item in enumerate(record, start=1):
                        yield record_to_article(f"{where}#{i}", item, f"line {line_no} item {i}")
                    if not record:
                        yield Skip(where, "empty", f"line {line_no}: an empty JSON array")
                    continue
                yield record_to_article(where, record, f"line {line_no}")
    except READ_ERRORS as e:
        after = f"after line {line_no}" if line_no else "at the start"
        why = e.detail if isinstance(e, Capped) else f"{type(e).__name__}: {e}"
        if isinstance(e, EOFError):
            why = "the compressed file is truncated"
        used = " (the records before were read)" if line_no else ""
        yield Skip(shown, "unreadable", f"reading stopped {after}{used}: {why}")
        return
    if records == 0:
        yield Skip(shown, "empty", "the file holds no JSON records")


def _holds_records(value: Any) -> bool:
    """A first line that is an array of objects: the file is one JSON array (of records)."""
    return isinstance(value, list) and any(isinstance(v, Mapping) for v in value)


def _whole_document(path: Path, shown: str, config: IngestConfig) -> list[Article | Skip] | None:
    """The records of the file read as one JSON document, or None when it is not one (or
    is over ingest.max_bytes): then its lines are reported one by one."""
    stream = open_stream(path, shown, config)
    if isinstance(stream, Skip):
        return None
    try:
        with stream:
            data = read_stream_capped(stream, config.max_bytes)
    except READ_ERRORS:
        return None
    if data is None:
        return None
    try:
        value = loads(data)
    except (ValueError, RecursionError):
        return None
    return list(_records_of(shown, value))


def read_json(shown: str, data: bytes) -> Iterator[Article | Skip]:
    """A .json file: one article object, or an array of them (items shown as file#N)."""
    try:
        value = loads(data)
    except (ValueError, RecursionError) as e:
        reason, detail = _decode_error(e)
        yield Skip(shown, reason, detail)
        return
    yield from _records_of(shown, value)


def _records_of(shown: str, value: Any) -> Iterator[Article | Skip]:
    if isinstance(value, Mapping):  # a wrapper such as NewsAPI's {"articles": [...]}
        for key in WRAPPER_FIELDS:
            if isinstance(value.get(key), list) and _text_of(value) is None:
                value = value[key]
                break
    if isinstance(value, list):
        if not value:
            yield Skip(shown, "empty", "the JSON array holds no records")
        for i, item in enumerate(value, start=1):
            yield record_to_article(f"{shown}#{i}", item, f"item {i}")
    else:
        yield record_to_article(shown, value, "record")
