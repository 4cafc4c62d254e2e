"""Is an article about the story the user asked for? (`--query`)

An article matches when it names the query (or one of the aliases the entity registry
knows for it), or contains most of the query's content words. Words match on a prefix
(`island` matches `islands`), so plural and possessive forms count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.data import stopwords
from storyline.model import Article, Entity

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_STOP = stopwords("query")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _term(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _word_matches(word: str, term: str) -> bool:
    """`islands` matches `island`, `kuriles` matches `kuril`; `damage` does not match `dam`."""
    if not word.startswith(term):
        return False
    return len(word) - len(term) <= (2 if len(term) < 5 else 3)


class QueryMatcher:
    """Decides relevance of articles to a free-text query (deterministic, explainable)."""

    def __init__(self, query: str, entities: Sequence[Entity] = (), min_fraction: float = 0.6):
        self.query = query
        self.terms = sorted({_term(w) for w in _words(query) if w not in _STOP})
        self.min_fraction = min_fraction
        q = " ".join(_words(query))
        phrases = {q} if q else set()
        for e in entities:
            names = {" ".join(_words(n)) for n in (e.name, *e.aliases)}
            if q and q in names:
                phrases |= {n for n in names if len(n) > 2}
        self.phrases = sorted(phrases)

    def score(self, article: Article) -> float:
        text = article.text or article.raw_text
        joined = " " + " ".join(_words(text)) + " "
        if any(f" {p} " in joined for p in self.phrases):
            return 1.0
        if not self.terms:
            return 1.0
        words = set(joined.split())
        hits = sum(1 for t in self.terms if any(_word_matches(w, t) for w in words))
        return hits / len(self.terms)

    def matches(self, article: Article) -> bool:
        return self.score(article) >= self.min_fraction

    def term_counts(self, articles: Sequence[Article]) -> list[tuple[str, int]]:
        """For each query term (in `terms` order), how many of `articles` hold a word it
        matches: what a user needs to see when a query matches nothing."""
        vocab = [set(_words(a.text or a.raw_text)) for a in articles]
        return [
            (t, sum(1 for words in vocab if any(_word_matches(w, t) for w in words)))
            for t in self.terms
        ]

    def nearest(self, articles: Sequence[Article], n: int = 3) -> list[tuple[Article, float]]:
        """The `n` articles with the highest `score`, best first (ties by id)."""
        scored = sorted(((self.score(a), a.id, a) for a in articles), key=lambda x: (-x[0], x[1]))
        return [(a, s) for s, _, a in scored[:n]]
