"""Corpus stages: syndication groups, the entity registry, and disagreements between sources.

articles = find_syndication(articles, threshold=0.8)
entities, articles = build_registry(articles, alias_file=None)
disagreements = find_disagreements(articles, entries, entities)
entries = mark_sources(entries, articles)   # sources / independent_sources / single_source
"""

from storyline.corpus.disagreements import find_disagreements
from storyline.corpus.entities import build_registry
from storyline.corpus.sources import count_sources, mark_sources
from storyline.corpus.syndication import find_syndication

__all__ = [
    "build_registry",
    "count_sources",
    "find_disagreements",
    "find_syndication",
    "mark_sources",
]
