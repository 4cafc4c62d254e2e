"""Places the disagreement finder never compares: countries, places most articles name,
and places written side by side ("Vladivostok, Russia": one probably contains the other)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from storyline.data import countries
from storyline.model import Article


def broad_places(articles: Sequence[Article], names: dict[str, str], share: float) -> set[str]:
    """Countries, and places named by most articles (what the story is about): places that
    contain others, so never compared with them."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for eid in {m.entity_id for m in a.mentions if m.entity_id and m.label in ("GPE", "LOC")}:
            counts[eid] += 1
    n = len(articles)
    known = countries()
    return {
        e
        for e, c in counts.items()
        if names.get(e, "").lower() in known or (n >= 4 and c >= share * n)
    }


def places_named_together(articles: Sequence[Article]) -> set[frozenset[str]]:
    """Pairs of place entities that appear side by side ("Vladivostok, Russia")."""
    out: set[frozenset[str]] = set()
    for a in articles:
        places = [m for m in a.mentions if m.entity_id and m.label in ("GPE", "LOC", "FAC")]
        for m, n in pairwise(places):
            between = a.text[m.end : n.start]
            if m.entity_id != n.entity_id and between.strip() in (",", "in", "of", "("):
                out.add(frozenset((str(m.entity_id), str(n.entity_id))))
    return out
