"""What the disagreement rules share: the compared sentence, the cited claim, the shared
topic words of two sentences, and the similarity bars."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.corpus.disagreements.claims import words
from storyline.corpus.entities.namegraph import source_name
from storyline.data import stopwords
from storyline.model import Article, Claim

HEDGES = stopwords("hedges")
SIM_NUMBER = 0.35  # cosine for "same quantity" outside a shared entry
SIM_EVENT = 0.55  # cosine for "same event" (dates and places)


@dataclass(frozen=True)
class Sent:
    """A sentence of article number `art`, its syndication group and timeline entry."""

    art: int
    start: int
    end: int
    text: str
    group: str
    entry: str | None


def claim_of(a: Article, value: str, text: str) -> Claim:
    return Claim(value=value, text=" ".join(text.split()), article=a.id, source=source_name(a))


def topic(a: str, b: str, limit: int = 5) -> str:
    """Up to `limit` content words both sentences use, in the order of the first."""
    shared = _words_of(a) & _words_of(b)
    return " ".join([w for w in _topic_words(a) if w in shared][:limit])


@functools.lru_cache(maxsize=1 << 16)
def _words_of(text: str) -> frozenset[str]:
    return words(text)


@functools.lru_cache(maxsize=1 << 16)
def _topic_words(text: str) -> tuple[str, ...]:
    """The sentence's lower-cased words, letters only, without dull words, first use first."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    ordered: dict[str, None] = {}
    for w in text.lower().split():
        w = "".join(c for c in w if c.isalpha())
        if w not in _DULL and w not in ENGLISH_STOP_WORDS:
            ordered.setdefault(w)
    return tuple(ordered)


_DULL = stopwords("dull")
