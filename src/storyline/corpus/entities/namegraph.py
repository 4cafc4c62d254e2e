"""The graph the entity registry merges over: name nodes, occurrences, refusable unions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.corpus.entities.names import name_key
from storyline.model import Article

log = logging.getLogger(__name__)

NodeKey = tuple[str, ...]


@dataclass
class Occurrence:
    article: int
    mention: int
    surface: str
    key: str
    type: str
    source: str
    start: int
    node: int = -1


def source_name(article: Article) -> str:
    """The outlet an article counts for: its source, else the agencies it credits ("via
    AFP, Interfax"), else its URL's host, else 'unknown'."""
    if article.source:
        return article.source
    if article.credits:
        return "via " + ", ".join(article.credits)
    if article.url:
        host = urlsplit(article.url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or "unknown"
    return "unknown"


def sentence_spans(article: Article) -> list[tuple[int, int, str]]:
    if article.sentences:
        return [(s.start, s.end, s.text) for s in article.sentences]
    out: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n.!?]+[.!?]?", article.text):
        out.append((m.start(), m.end(), m.group()))
    return out


class NameGraph:
    """Union-find over name nodes that refuses forbidden merges and records explanations."""

    def __init__(self, forbidden: frozenset[frozenset[str]]) -> None:
        self.parent: list[int] = []
        self.keys: list[set[str]] = []
        self.types: list[str] = []
        self.names: list[str] = []
        self.index: dict[NodeKey, int] = {}
        self.by_name_key: dict[str, list[int]] = {}  # name_key(name) -> nodes, ascending
        self.forbidden = forbidden
        self.explanations: list[tuple[int, str]] = []  # (a node of the merge, text)

    def node(self, nk: NodeKey, key: str, type_: str, name: str) -> int:
        if nk not in self.index:
            self.index[nk] = len(self.parent)
            self.parent.append(len(self.parent))
            self.keys.append({key})
            self.types.append(type_)
            self.names.append(name)
            self.by_name_key.setdefault(name_key(name), []).append(self.index[nk])
        return self.index[nk]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int, why: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        for ka in self.keys[ra]:
            for kb in self.keys[rb]:
                if frozenset((ka, kb)) in self.forbidden:
                    log.info("merge refused by the alias file (%s / %s): %s", ka, kb, why)
                    return False
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.keys[lo] |= self.keys[hi]
        self.explanations.append((lo, why))
        return True


_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "di", "le", "la"}
)


def is_short_form(o: Occurrence) -> bool:
    """A person named by one word, or by a surname with its particle ("al-Hadidi")."""
    if o.type != "PERSON":
        return False
    return len(o.key.split()) == 1 or is_particle_name(o.key)


def is_particle_name(key: str) -> bool:
    """A surname with its particle and nothing else ("al hadidi", "el sisi")."""
    tokens = key.split()
    return len(tokens) == 2 and tokens[0] in _PARTICLES


def surname_key(key: str) -> str:
    """The surname of a short form: "al hadidi" -> "hadidi"."""
    return key.split()[-1]


def global_nodes(merger: NameGraph) -> dict[tuple[str, str], int]:
    return {(nk[1], nk[2]): i for nk, i in merger.index.items() if nk[0] == "name"}


def nodes_with_key(merger: NameGraph, key: str) -> list[int]:
    return list(merger.by_name_key.get(key, ()))
