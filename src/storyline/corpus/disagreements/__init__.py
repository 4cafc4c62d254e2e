"""Disagreements: typed conflicts (number, date, place, attribution) between independent
sources reporting one event.

    disagreements = find_disagreements(articles, entries, entities)
"""

from storyline.corpus.disagreements.find import find_disagreements

__all__ = ["find_disagreements"]
