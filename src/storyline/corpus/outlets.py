"""The outlet stage over the whole corpus: outlets known only by a domain get a name, and one
outlet gets one spelling.

    articles = resolve_outlets(articles, alias_file)

An article whose outlet the document stages could only identify by its host (a URL, a
`source_domain` field: `source` is the host) is named, first match wins:

1. the user's alias file, `[outlets] "domain" = "Name"` (confidence x1.0);
2. storyline's outlet table, `data/outlets.toml` (x1.0);
3. another article of the same host whose page names its outlet (og:site_name, a JSON
   `source` or `publisher`, a site header or footer), when the name and the domain share
   their letters ("Port Anselm Gazette" / anselmgazette.example; x0.95);
4. an outlet another article names, written as the domain's label ("Harbour Times" /
   harbourtimes.example; x0.9);
5. the label cut into words of the articles and of outlet names ("nilebasinmonitor" ->
   "Nile Basin Monitor"; x0.6), else the label capitalised (x0.5).

Then every name is shown in one spelling across the corpus: the known table's name
("Deutsche Welle" -> "DW"), else the spelling of the strongest signal among those sharing
its squashed key ("Valley Courier" and "The Valley Courier"); a one-word name from a weak
signal ("the Ledger's briefing") takes the one longer corpus name it fits.

Cost: linear in the number of articles plus the vocabulary of their texts (read only when
some host needs cutting into words).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.corpus.entities.aliases import AliasRules, load_alias_file
from storyline.data import table
from storyline.model import Article
from storyline.outlets import HOWS, by_domain, by_name, squash
from storyline.outlets.names import (
    domain_label,
    fits,
    host_name,
    host_of,
    looks_like_host,
    split_label,
    words,
)

_STRONG = frozenset({"meta", "field", "site-header", "footer", "dateline"})
_WORD = re.compile(r"[A-Za-z]{3,}")
_MIN_CONTAINED = 8  # shortest label that may sit inside a longer name (anselmgazette)
_SHORT_CAPS = 3


def _is_host(a: Article) -> bool:
    return bool(a.source) and a.source_how in ("url", "field") and looks_like_host(a.source or "")


def _host(a: Article) -> str | None:
    if a.source and _is_host(a):
        return host_name(a.source)
    return host_of(a.url)


def _related(name: str, label: str) -> bool:
    """A name and a domain label that spell the same site (one inside the other)."""
    key = squash(name)
    if not key or not label:
        return False
    if key == label:
        return True
    return min(len(key), len(label)) >= _MIN_CONTAINED and (key in label or label in key)


def _rank(how: str) -> int:
    return HOWS.index(how) if how in HOWS else len(HOWS)


def _vocabulary(articles: Sequence[Article]) -> frozenset[str]:
    vocab: set[str] = {str(w) for w in table("outlets")["name_words"]}
    for a in articles:
        vocab.update(w.lower() for w in _WORD.findall(a.raw_text))
        if a.title:
            vocab.update(w.lower() for w in _WORD.findall(a.title))
    return frozenset(vocab)


@functools.cache
def _name_words_longest_first() -> tuple[str, ...]:
    words = {str(w) for w in table("outlets")["name_words"] if len(str(w)) >= 4}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _cut_at_name_word(label: str) -> list[str] | None:
    """ "dailymeridian" -> daily meridian, "marketpulse" -> market pulse: an outlet's word
    (data/outlets.toml) at one end, a word of four letters or more at the other."""
    if not label.isalpha():
        return None
    for w in _name_words_longest_first():
        if len(label) - len(w) < 4:
            continue
        if label.startswith(w):
            return [w, label[len(w) :]]
        if label.endswith(w):
            return [label[: -len(w)], w]
    return None


def _cut(label: str, vocab: frozenset[str]) -> tuple[str, float]:
    short = frozenset(w for w in vocab if len(w) < _SHORT_CAPS)
    plain = label.replace("-", "")
    pieces = split_label(plain, vocab, short=short) or _cut_at_name_word(plain)
    if pieces is None or len(pieces) == 1:
        return label[:1].upper() + label[1:], 0.5
    shown = [p.upper() if len(p) < _SHORT_CAPS or p.isdigit() else p.capitalize() for p in pieces]
    return " ".join(shown), 0.6


class _Names:
    """Names the corpus gives outlets, and the hosts they were seen with."""

    def __init__(self, articles: Sequence[Article], user: AliasRules) -> None:
        self.user = dict(user.outlets)
        self.by_host: dict[str, Counter[str]] = defaultdict(Counter)
        self.named: Counter[str] = Counter()
        for a in articles:
            if not a.source or _is_host(a):
                continue
            self.named[a.source] += 1
            host = host_of(a.url)
            if host and a.source_how in _STRONG and _related(a.source, domain_label(host)):
                self.by_host[host_name(host)][a.source] += 1
        self._vocab: frozenset[str] | None = None
        self._articles = articles

    def vocab(self) -> frozenset[str]:
        if self._vocab is None:
            self._vocab = _vocabulary(self._articles)
        return self._vocab

    def name_host(self, host: str) -> tuple[str, float]:
        """(name, factor on the confidence) for a host (see the module docstring)."""
        if host in self.user:
            return self.user[host], 1.0
        known = by_domain(host)
        if known is not None:
            return known.name, 1.0
        seen = self.by_host.get(host)
        if seen:
            return min(seen, key=lambda n: (-seen[n], -len(n), n)), 0.95
        label = domain_label(host)
        matches = [n for n in self.named if _related(n, label)]
        if matches:
            return min(matches, key=lambda n: (-self.named[n], -len(n), n)), 0.9
        return _cut(label, self.vocab())


def _spellings(articles: Sequence[Article]) -> dict[str, str]:
    """One spelling per squashed key: the known table's, else the strongest signal's."""
    best: dict[str, tuple[int, int, int, str]] = {}
    counts = Counter(squash(a.source) for a in articles if a.source)
    for a in articles:
        if not a.source:
            continue
        key = squash(a.source)
        known = by_name(a.source)
        if known is not None:
            best[key] = (-1, 0, 0, known.name)
            continue
        cand = (_rank(a.source_how), -counts[key], -len(a.source), a.source)
        if key not in best or cand < best[key]:
            best[key] = cand
    return {k: v[3] for k, v in best.items()}


def resolve_outlets(articles: Sequence[Article], alias_file: str | None = None) -> list[Article]:
    """`articles` with every host-only outlet named and one spelling per outlet."""
    user = load_alias_file(alias_file) if alias_file else AliasRules()
    names = _Names(articles, user)
    named: list[Article] = []
    for a in articles:
        if _is_host(a):
            name, factor = names.name_host(host_name(a.source or ""))
            conf = round(a.source_confidence * factor, 3)
            a = dataclasses.replace(a, source=name, source_confidence=conf)
        named.append(a)
    spelling = _spellings(named)
    longer = sorted({n for n in spelling.values() if len(words(n)) >= 2})
    out: list[Article] = []
    for a in named:
        if not a.source:
            out.append(a)
            continue
        shown = spelling.get(squash(a.source), a.source)
        if len(words(shown)) == 1 and a.source_how not in _STRONG:
            fitting = [n for n in longer if fits(shown, n)]
            if len(fitting) == 1:
                shown = fitting[0]
        out.append(a if shown == a.source else dataclasses.replace(a, source=shown))
    return out
