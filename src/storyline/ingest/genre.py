"""What kind of piece an article is, from what its page says of itself: an opinion piece
or an analysis tells no news of its publication day.

    >>> genre_of("Analysis: Why the talks have gone quiet", None)
    'analysis'
    >>> genre_of("Ferry operator fined", "https://news.example/opinion/2024/ferries")
    'opinion'
    >>> genre_of("Ferry operator fined", None, sections=["World"]) is None
    True

Read from the section the page declares (`article:section`, which trafilatura returns as
the page's categories), a label opening the headline ("Opinion:", "ANALYSIS-", "Comment |")
and a section of the URL's path ("/opinion/", "/commentisfree/"). A news report is None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

OPINION = "opinion"
ANALYSIS = "analysis"

_OPINION_WORDS = (
    "opinion|opinions|comment|commentary|column|columns|columnists|editorial|editorials|"
    "op-ed|oped|viewpoint|viewpoints|views|perspective|perspectives|letters|breakingviews|"
    "commentisfree"
)
_ANALYSIS_WORDS = "analysis|news analysis|explainer|explainers|explained|insight|factbox|q&a"
_SECTION = re.compile(rf"^(?:(?P<o>{_OPINION_WORDS})|(?P<a>{_ANALYSIS_WORDS}))$", re.IGNORECASE)
# "Opinion: ...", "ANALYSIS-...", "Comment | ...", "Explainer — ..."
_LABEL = re.compile(
    rf"^\s*(?:(?P<o>{_OPINION_WORDS})|(?P<a>{_ANALYSIS_WORDS}))\s*(?::|\||-|–|—)", re.IGNORECASE
)
_SEGMENT = re.compile(r"[a-z&-]+")


def _kind(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return OPINION if m.group("o") else ANALYSIS


def genre_of(title: str | None, url: str | None, sections: Sequence[str] = ()) -> str | None:
    """'opinion', 'analysis' or None (a news report), from the page's declared sections,
    the headline's label and the URL's path (see the module docstring)."""
    for section in sections:
        kind = _kind(_SECTION.match(section.strip()))
        if kind is not None:
            return kind
    if title:
        kind = _kind(_LABEL.match(title))
        if kind is not None:
            return kind
    if url:
        try:
            path = urlsplit(url).path.lower()
        except ValueError:
            return None
        for segment in path.split("/")[:-1]:  # the last part is the article's own slug
            if _SEGMENT.fullmatch(segment):
                kind = _kind(_SECTION.match(segment))
                if kind is not None:
                    return kind
    return None


__all__ = ["ANALYSIS", "OPINION", "genre_of"]
