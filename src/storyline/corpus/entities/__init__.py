"""The entity registry: people, places and organisations with every name they go by.

    entities, articles = build_registry(articles, alias_file=None)

Mentions are grouped by normalised name (`names`), merged conservatively (`merges`,
`namegraph`: transliterations, role-checked typos, short forms, contested places) and
named (`naming`); a user alias file can force or forbid merges (`aliases`).
"""

from storyline.corpus.entities.registry import build_registry

__all__ = ["build_registry"]
