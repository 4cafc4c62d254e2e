"""Building `Article` records: content-hash ids, sources from URLs, dates from URLs."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from storyline.ingest.decode import strip_controls
from storyline.ingest.genre import genre_of
from storyline.model import Article, stable_id
from storyline.outlets import Evidence, decide
from storyline.outlets.names import host_of, looks_like_host

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


def container_evidence(source: str | None, url: str | None) -> list[Evidence]:
    """What a container says about the outlet when a reader has nothing better: a named
    `source` (JSON field, site name) or a host field, else the URL's host."""
    out: list[Evidence] = []
    tidy = _tidy_source(source)
    if tidy:
        if looks_like_host(tidy):
            out.append(Evidence(tidy, "field", 0.88, tidy, is_host=True))
        else:
            out.append(Evidence(tidy, "field", 0.9, tidy))
    host = host_of(url)
    if host:
        out.append(Evidence(host, "url", 0.8, url or "", is_host=True))
    return out


def make_article(
    path: str,
    raw_text: str,
    *,
    source: str | None = None,
    outlet: Sequence[Evidence] | None = None,
    credits: tuple[str, ...] = (),
    url: str | None = None,
    title: str | None = None,
    given_date: str | None = None,
    given_date_how: str | None = None,
    crawled: dt.date | None = None,
    language: str | None = None,
    sections: Sequence[str] = (),
) -> Article:
    """An `Article` with its content-hash id and the outlet the container names.

    The id hashes the text and the source the container gave (`source`, else the URL's
    host), not the identified outlet, so ids do not move when outlet identification
    improves. The outlet is decided from `outlet` evidence when a reader gives it, else from
    `source` and the URL (`container_evidence`). A missing date falls back to one found in
    the URL (how="url"). The genre comes from `sections` (the page's declared sections),
    the title and the URL (`ingest.genre`). Every string is passed through `strip_controls`
    (no NUL, no C0 control, no lone surrogate), whatever the reader."""
    raw_text = strip_controls(raw_text)
    source, url, title = _scrub(source), _scrub(url), _scrub(title)
    given_date, given_date_how, language = (
        _scrub(given_date),
        _scrub(given_date_how),
        _scrub(language),
    )
    id_source = _tidy_source(source) or host_of(url)
    decision = decide(container_evidence(source, url) if outlet is None else outlet)
    if given_date is None:
        given_date = date_from_url(url)
        given_date_how = "url" if given_date else None
    return Article(
        id=article_id(raw_text, id_source),
        path=strip_controls(path),
        raw_text=raw_text,
        source=decision.name,
        source_how=decision.how,
        source_confidence=decision.confidence,
        url=url,
        title=title,
        genre=genre_of(title, url, [_scrub(x) or "" for x in sections]),
        given_date=given_date,
        given_date_how=given_date_how if given_date else None,
        crawled=crawled,
        language=language,
        credits=credits,
    )
