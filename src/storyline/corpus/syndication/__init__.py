"""Syndication: near-duplicates and wire copies (MinHash + LSH, verified exactly) and the
agencies an article credits.

    articles = find_syndication(articles, threshold=0.8)   # duplicate_of, syndication_group
"""

from storyline.corpus.syndication.groups import find_syndication, group_of

__all__ = ["find_syndication", "group_of"]
