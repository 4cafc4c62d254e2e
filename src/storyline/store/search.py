"""Full-text search over a store's sentences and titles (SQLite FTS5, filled by `Store.add`).

Each hit names the stories (built by `build --store` or `stories --store`) its article is in.
The query is read as words (any punctuation is ignored, so a user's text never raises an FTS5
syntax error); a hit holds every word, in the sentence or in the article's title; accents do not
matter ("kono" finds "Kōno"). Hits are ranked by BM25, then by article and sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.store.codec import CodecError, article_from_json

if TYPE_CHECKING:
    from storyline.store.sqlite import Store

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One matching sentence (or title, `sentence` None) of a stored article."""

    article: str
    path: str
    outlet: str | None
    published: str | None  # the contract date (YYYY-MM-DD, YYYY-MM or YYYY), None when undated
    title: str | None
    sentence: int | None
    text: str
    stories: tuple[str, ...]  # the titles of the built stories the article is in


def fts_query(text: str) -> str | None:
    """`text` as an FTS5 query of quoted words joined by AND; None when it holds no word."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', "") + '"' for w in words)


def search_store(store: Store, text: str, limit: int = 20) -> list[SearchHit]:
    """The stored sentences and titles holding every word of `text`, best first."""
    from storyline.render._common import contract_date

    query = fts_query(text)
    if query is None or limit < 1:
        return []
    conn = store.conn
    rows = conn.execute(
        "SELECT p.article, p.sentence, p.text, p.title, m.path, a.json "
        "FROM passages AS p JOIN members AS m ON m.id = p.article "
        "LEFT JOIN articles AS a ON a.id = p.article "
        "WHERE passages MATCH ? ORDER BY bm25(passages), p.article, p.sentence LIMIT ?",
        (query, limit),
    ).fetchall()
    titles: dict[str, list[str]] = {}
    for article_id in sorted({str(r[0]) for r in rows}):
        found = conn.execute(
            "SELECT s.title FROM story_articles AS m JOIN stories AS s ON s.id = m.story "
            "WHERE m.article = ? ORDER BY s.title",
            (article_id,),
        )
        titles[article_id] = [str(t[0]) for t in found]
    hits: list[SearchHit] = []
    for article_id, sentence, text_col, title_col, path, stored in rows:
        outlet = published = title = None
        if stored is not None:
            try:
                article = article_from_json(stored)
            except CodecError:
                article = None
            if article is not None:
                outlet, title = article.source, article.title
                published = contract_date(article.published) if article.published else None
        hits.append(
            SearchHit(
                article=str(article_id),
                path=str(path),
                outlet=outlet,
                published=published,
                title=title,
                sentence=None if sentence is None else int(sentence),
                text=str(text_col or title_col),
                stories=tuple(titles.get(str(article_id), ())),
            )
        )
    return hits
