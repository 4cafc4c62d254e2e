"""Clean: boilerplate removal, from an article's raw text to its story text.

    from storyline.clean import clean_article
    result = clean_article(article)          # Article with text, removed, title, credits
                                             # or Skip(reason="not-article") when too short

The rules are data (`clean.rules.RULES`, each with its kind and reason); the layout
reasoning (head, tail, caption blocks, datelines) is in `clean.structure`.
"""

from __future__ import annotations

import dataclasses

from storyline.clean.structure import Cleaned, clean_text
from storyline.ingest.genre import genre_of
from storyline.model import Article, Skip
from storyline.outlets import Evidence, decide
from storyline.outlets.names import looks_like_host

__all__ = ["Cleaned", "clean_article", "clean_text"]


def clean_article(article: Article, min_chars: int = 200) -> Article | Skip:
    """`article` with `text` set to its story text (paragraphs separated by a blank line),
    `removed` to the sorted kinds of boilerplate cut, `title` when one is found (a known
    title is kept), `credits` to the sorted agencies it credits and `source`, `source_how`,
    `source_confidence` to the outlet the container and the page's lines name (see
    `outlets.evidence.decide`); a bare URL line becomes `url` when none is known; `genre`
    from the title and URL when the reader found none (`ingest.genre`).

    Returns Skip(reason="not-article") when fewer than `min_chars` characters of story
    text remain.
    """
    cleaned = clean_text(article.raw_text, article.title)
    if len(cleaned.text) < min_chars:
        return Skip(
            article.path,
            "not-article",
            f"only {len(cleaned.text)} characters of story text after removing boilerplate "
            f"(minimum {min_chars}; lower it with --set ingest.min_chars=N)",
        )
    outlet = decide([*container_evidence(article), *cleaned.outlet])
    title = article.title or cleaned.title
    url = article.url or cleaned.url
    return dataclasses.replace(
        article,
        text=cleaned.text,
        removed=cleaned.removed,
        title=title,
        genre=article.genre or genre_of(title, url),
        credits=tuple(sorted(set(article.credits) | set(cleaned.credits))),
        source=outlet.name,
        source_how=outlet.how,
        source_confidence=outlet.confidence,
        url=url,
    )


def container_evidence(article: Article) -> list[Evidence]:
    """The outlet the reader found in the container (HTML metadata, JSON fields, URL), as
    evidence weighed against the page's own lines."""
    if not article.source or article.source_how == "none":
        return []
    how, weight = article.source_how, article.source_confidence or 0.5
    return [Evidence(article.source, how, weight, is_host=looks_like_host(article.source))]
