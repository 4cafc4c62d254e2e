"""HTML pages: main text and metadata by trafilatura, publication date by htmldate.

Trafilatura's metadata step calls htmldate on its own tree with the parameters below, so
the date comes out of the same pass as the text. The outlet evidence (site name, JSON-LD
publisher, footer lines, URL: `ingest.pagemeta`) is read from a second, read-only parse,
since the extractor drops footers; it costs a few milliseconds per page.

Date choices (htmldate): `original_date=True` prefers the first publication date over a
later "updated" stamp; `extensive_search=False` keeps to markup (meta tags, time elements,
JSON-LD, URL) and does not guess from dates in free text, which in news pages are as
likely to be the date of an event or the crawl clock as the publication date. Dates after
the crawl time cannot be publication dates, so a known crawl day is passed as `max_date`.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from storyline.ingest.decode import looks_binary, normalise_newlines
from storyline.ingest.pagemeta import page_outlet_evidence
from storyline.ingest.records import make_article
from storyline.model import Article, Skip
from storyline.outlets import Evidence
from storyline.outlets.names import host_of

log = logging.getLogger(__name__)

# Main text without a single sentence end is a menu or a list of links, not an article.
_SENTENCE_RE = re.compile(r"\w[.!?…][\"'”’)\]]*(?:\s|$)")
# Longest site name accepted as an article's source; longer ones are usually a page title.
_MAX_SITENAME = 60


def _date_params(crawled: dt.date | None) -> dict[str, Any]:
    params: dict[str, Any] = {"original_date": True, "extensive_search": False}
    if crawled is not None:
        params["max_date"] = crawled.isoformat()
    return params


def _extract(data: bytes | str, url: str | None, crawled: dt.date | None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        date_extraction_params=_date_params(crawled),
    )


def _outlet_evidence(data: bytes | str, page_url: str | None) -> list[Evidence]:
    """The page's own word on its publisher (metadata, footer, URL: `ingest.pagemeta`), read
    from a separate parse so that the extraction above is unchanged."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
    except Exception:  # a page trafilatura could read but lxml cannot: no page evidence
        log.debug("no outlet evidence from the markup", exc_info=True)
        tree = None
    if tree is None:
        return [e for e in (_url_evidence(page_url),) if e is not None]
    return page_outlet_evidence(tree, page_url)


def _url_evidence(page_url: str | None) -> Evidence | None:
    host = host_of(page_url)
    return Evidence(host, "url", 0.8, page_url or "", is_host=True) if host else None


def read_html(
    shown: str,
    data: bytes | str,
    *,
    url: str | None = None,
    crawled: dt.date | None = None,
) -> Article | Skip:
    """One article from an HTML page (bytes as stored, or an already decoded string)."""
    if isinstance(data, bytes) and looks_binary(data):
        return Skip(shown, "binary", "contains NUL or control bytes: not an HTML page")
    if not data.strip():
        return Skip(shown, "empty", "the file holds no text")
    try:
        doc = _extract(data, url, crawled)
    except Exception as e:  # trafilatura/lxml raise many kinds of errors on broken pages
        log.debug("trafilatura failed on %s", shown, exc_info=True)
        return Skip(shown, "unreadable", f"HTML could not be parsed: {type(e).__name__}: {e}")
    text = normalise_newlines(getattr(doc, "text", None) or "").strip() if doc else ""
    if not _SENTENCE_RE.search(text):
        return Skip(
            shown,
            "not-article",
            "no main text found in the HTML page (an index, login or media page?)",
        )
    page_url = getattr(doc, "url", None) or url
    sitename = getattr(doc, "sitename", None)
    source = sitename.strip() if sitename and len(sitename.strip()) <= _MAX_SITENAME else None
    source = source or getattr(doc, "hostname", None) or host_of(page_url)
    date = getattr(doc, "date", None)
    return make_article(
        shown,
        text,
        source=source,
        outlet=_outlet_evidence(data, page_url),
        url=page_url,
        title=(getattr(doc, "title", None) or None),
        given_date=date or None,
        given_date_how="meta" if date else None,
        crawled=crawled,
        language=getattr(doc, "language", None) or None,
        sections=[c for c in (getattr(doc, "categories", None) or ()) if isinstance(c, str)],
    )
