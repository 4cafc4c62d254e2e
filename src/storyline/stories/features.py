"""What the story clusterer compares: per article, its strongest TF-IDF terms, its strongest
entity names and its date. Vectors never live on records: `Features` holds them by article id.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.model import Article

# entity labels that name what a story is about (not dates, numbers or quantities)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_SPACE = re.compile(r"\s+")
_LEADING = re.compile(r"^(the|a|an)\s+", re.I)
_WORDS = re.compile(r"(?u)\b[^\W\d_][\w'-]{2,}\b")

Sparse = dict[str, float]  # a unit-length sparse vector: feature -> weight


@dataclass(frozen=True)
class ArticleFeatures:
    id: str
    terms: Sparse  # unit length
    names: Sparse  # unit length
    day: dt.date | None
    words: int


def article_day(a: Article) -> dt.date | None:
    """The day an article was written: its publication date, else the middle of its window."""
    if a.published is not None:
        return a.published.start
    if a.published_window is not None:
        start, end = a.published_window
        return start + (end - start) / 2
    return None


def name_key(text: str) -> str:
    """An entity name as compared: lower case, single spaces, no leading article."""
    return _LEADING.sub("", _SPACE.sub(" ", text.strip().lower())).strip(" .,'\u2019s")


@functools.cache
def press_names() -> frozenset[str]:
    """Name keys of news agencies and known outlets ("reuters", "associated press", "cnn"):
    a credit or a dateline names them in stories of every kind, so they tell no story apart."""
    from storyline.data import agencies
    from storyline.outlets.table import known_outlets

    names = {n for spellings in agencies().values() for n in spellings}
    names |= {n for o in known_outlets() for n in (o.name, *o.aliases)}
    return frozenset(name_key(n) for n in names)


def _unit(weights: dict[str, float], keep: int) -> Sparse:
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top))
    return {k: w / norm for k, w in top} if norm > 0 else {}


def _body(a: Article) -> str:
    return f"{a.title or ''}\n{a.text or a.raw_text}"


def featurize(
    articles: Sequence[Article],
    stop_words: frozenset[str],
    max_terms: int,
    max_names: int,
    ignore_names: frozenset[str] = frozenset(),
    name_idf_floor: float = 1.0,
) -> list[ArticleFeatures]:
    """Features of every article, with document frequencies taken over `articles` (terms seen
    in one article only carry no weight). Names in `ignore_names` (keys) are left out; a
    name's weight is `log(name_idf_floor + n / df)`: with a floor of 0 a name in every
    article weighs nothing ("U.S." in a pile of American news)."""
    counts = [
        Counter(w for w in (m.lower() for m in _WORDS.findall(_body(a))) if w not in stop_words)
        for a in articles
    ]
    names = [
        Counter(
            k
            for m in a.mentions
            if m.label in NAME_LABELS
            and len(m.text) > 1
            and (k := name_key(m.text)) not in ignore_names
        )
        for a in articles
    ]
    n = max(1, len(articles))
    term_df: Counter[str] = Counter()
    name_df: Counter[str] = Counter()
    for c in counts:
        term_df.update(c.keys())
    for c in names:
        name_df.update(k for k in c if k)
    out: list[ArticleFeatures] = []
    for a, tc, nc in zip(articles, counts, names, strict=True):
        terms = {
            t: (1.0 + math.log(k)) * math.log(n / term_df[t])
            for t, k in tc.items()
            if term_df[t] > 1 or n < 4
        }
        named = {
            t: (1.0 + math.log(k)) * math.log(name_idf_floor + n / name_df[t])
            for t, k in nc.items()
            if t and (name_df[t] > 1 or n < 4)
        }
        out.append(
            ArticleFeatures(
                id=a.id,
                terms=_unit(terms, max_terms),
                names=_unit(named, max_names),
                day=article_day(a),
                words=sum(tc.values()),
            )
        )
    return out


def dot(a: Sparse, b: Sparse) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())
