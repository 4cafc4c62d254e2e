"""Building `Article` records: content-hash ids, sources from URLs, dates from URLs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import urlsplit

from storyline.ingest.decode import strip_controls
from storyline.model import Article, stable_id

# /2019/01/11/ or /2019-01-11/ or _20190111_ style path segments in article URLs.
_URL_DATE_RES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])"),
)
# A leading ISO date (optionally with a time) in a date string.
_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalise_for_id(text: str) -> str:
    """The text as hashed into the article id: NFC, whitespace runs collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(raw_text: str, source: str | None) -> str:
    """Same text from the same source gives the same id, wherever the file lives."""
    return stable_id(normalise_for_id(raw_text), source or "", prefix="a")


def host_of(url: str | None) -> str | None:
    """The host name of `url` without a leading "www.", or None when it has none."""
    if not url or not isinstance(url, str):
        return None
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "//" + candidate
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def date_from_url(url: str | None) -> str | None:
    """An ISO date found in the path of `url` (e.g. /2019/01/11/), or None."""
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for pattern in _URL_DATE_RES:
        m = pattern.search(path)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return dt.date(y, mo, d).isoformat()
            except ValueError:
                continue
    return None


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day at the start of an ISO-like date string, or None."""
    if not value:
        return None
    m = _ISO_DAY_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _tidy_source(source: str | None) -> str | None:
    """A source given as a host name ("www.Example.com") in the form `host_of` gives."""
    if source is None or not source.strip():
        return None
    source = source.strip()
    if " " not in source and "." in source and "/" not in source:
        return host_of(source) or source
    return source


def _scrub(value: str | None) -> str | None:
    return None if value is None else strip_controls(value)


def make_article(
    path: str,
    raw_text: str,
    *,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    given_date: str | None = None,
    given_date_how: str | None = None,
    crawled: dt.date | None = None,
    language: str | None = None,
) -> Article:
    """An `Article` with its content-hash id; `source` falls back to the URL's host and a
    missing date to one found in the URL (how="url"). Every string is passed through
    `strip_controls` (no NUL, no C0 control, no lone surrogate), whatever the reader."""
    raw_text = strip_controls(raw_text)
    source, url, title = _scrub(source), _scrub(url), _scrub(title)
    given_date, given_date_how, language = (
        _scrub(given_date),
        _scrub(given_date_how),
        _scrub(language),
    )
    source = _tidy_source(source) or host_of(url)
    if given_date is None:
        given_date = date_from_url(url)
        given_date_how = "url" if given_date else None
    return Article(
        id=article_id(raw_text, source),
        path=strip_controls(path),
        raw_text=raw_text,
        source=source,
        url=url,
        title=title,
        given_date=given_date,
        given_date_how=given_date_how if given_date else None,
        crawled=crawled,
        language=language,
    )
