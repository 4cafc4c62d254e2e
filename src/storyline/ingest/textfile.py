"""Plain-text articles (.txt and extension-less files).

The only container metadata a text file can carry is a leading date header, as written by
common scrapers: " date 2019-01-11 <article text...>" (also "Date: 2019-01-11"). It becomes
`given_date` (how="header") and is cut from the raw text. Datelines inside the text are
left alone: the temporal stage reads them.
"""

from __future__ import annotations

import re

from storyline.ingest.decode import DecodeError, decode_bytes, normalise_newlines
from storyline.ingest.records import make_article
from storyline.model import Article, Skip

# A date header at the very start: optional spaces, "date" (or "Date:"), an ISO day and an
# optional time, then whitespace before the article text (same line or next).
_HEADER_RE = re.compile(
    r"\A[ \t\ufeff]*date:?[ \t]+(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
    r"[ \t]*(?:\n|[ \t])",
    re.IGNORECASE,
)


def split_date_header(text: str) -> tuple[str | None, str]:
    """(ISO date string or None, text without the header)."""
    m = _HEADER_RE.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end() :]


def read_text(shown: str, data: bytes) -> Article | Skip:
    """One article from the bytes of a text file shown to the user as `shown`."""
    try:
        text, _ = decode_bytes(data)
    except DecodeError as e:
        return Skip(shown, e.reason, e.detail)
    text = normalise_newlines(text)
    given_date, body = split_date_header(text)
    if not body.strip():
        return Skip(
            shown,
            "empty",
            "the file holds no text" if given_date is None else "the file holds only a date header",
        )
    return make_article(
        shown,
        body.strip("\n"),
        given_date=given_date,
        given_date_how="header" if given_date else None,
    )
