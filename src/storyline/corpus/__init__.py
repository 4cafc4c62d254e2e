"""Corpus stages: they see the whole collection, after the document stages.

    articles = find_syndication(articles, threshold=0.8)           # syndication/
    entities, articles = build_registry(articles, alias_file=None)  # entities/
    disagreements = find_disagreements(articles, entries, entities) # disagreements/

`crossref.date_by_cross_reference` dates undated articles from the events they share with
dated ones (it re-annotates them, so it sits above annotate/ and events/).
`relevance.QueryMatcher` keeps the articles that match a `--query`.
"""

from storyline.corpus.disagreements import find_disagreements
from storyline.corpus.entities import build_registry
from storyline.corpus.relevance import QueryMatcher
from storyline.corpus.syndication import find_syndication

__all__ = ["QueryMatcher", "build_registry", "find_disagreements", "find_syndication"]
