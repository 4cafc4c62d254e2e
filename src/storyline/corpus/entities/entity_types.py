"""The type of each name (PERSON, PLACE, ORG), voted over all its mentions in the corpus.

A small tagger types one mention at a time and disagrees with itself ("Isla Marta" ORG 10
times and PERSON 7, "Habomai" PERSON, "Hokkaido" ORG). Here every mention of one name votes,
strongest evidence first:

1. the name itself decides when it can: an outlet of the corpus is an ORG; a country, a
   listed place or a short form of one (the gazetteer: pycountry + data/places.toml) is a
   PLACE; a head word decides ("... Island", "Mount ...", "Strait of ..." are places;
   "... Ministry", "... Observatory", "Project ..." are organisations);
2. otherwise the tagger's labels vote (one each), with the context of each mention: a job
   title before it ("Foreign Minister X") votes PERSON, "the town of X" / "X, a port city"
   PLACE, "in X" / "near X" a little for PLACE, and "the X" against PERSON; a region of the
   gazetteer adds three PLACE votes; the members of a list ("Iturup, Kunashir, Shikotan and
   Habomai") vote for each other's type;
3. a one-word name that shortens exactly one longer name of the corpus takes its type: the
   surname of one person ("Ostrovsky", "Sarmento"), the root of one place ("Adeline" of Mount
   Adeline, "Tamsin" of River Tamsin, "Corrigans" of Corrigan Islands), the last word of one
   organisation ("Lodestar" of Project Lodestar) or its first word when the long form is the
   commoner ("Brightwater" of Brightwater Grid).

The registry then merges within types, and an entity's type is the majority of its mentions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise

from storyline.corpus.entities.gazetteer import canonical, place_kind, same_head_classes, words_list
from storyline.corpus.entities.namegraph import Occurrence, is_particle_name
from storyline.corpus.entities.names import name_key, skeleton
from storyline.model import Article

_TYPES = ("PLACE", "PERSON", "ORG")
_PREPOSITION = re.compile(r"\s(?:of|for|des|de|du|on)\s")
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:President|Prime Minister|Minister|Secretary|Chancellor|spokes(?:man|woman|person)|"
    r"Ambassador|ambassador|envoy|aide|Governor|Mayor|Senator|Mr|Mrs|Ms|Dr|King|Queen|Prince|"
    r"General|counterpart|chairman|chairwoman|director|Director|chief|Chief|leader|Leader|"
    r"manager|captain|winger|volcanologist|epidemiologist)\.?,?\s+)$"
)
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|island|islands|region|province|capital|port|county|state|"
    r"country|republic|area|district)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:town|city|village|port|island|region|country|"
    r"capital|province|state)\b"
)
_IN_BEFORE = re.compile(r"\b(?:in|at|near|off|around|across|outside|inside|from)\s+(?:the\s+)?$")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_LIST_SEP = frozenset({", ", " and ", ", and ", " or "})


def _words(surface: str) -> list[str]:
    return [re.sub(r"[^\w-]", "", w).lower() for w in surface.split() if re.sub(r"\W", "", w)]


def _is(word: str, kind: str) -> bool:
    heads = words_list(kind)
    return word in heads or (word.endswith("s") and word[:-1] in heads)


def own_type(surface: str, outlets: frozenset[str]) -> str | None:
    """The type a name has by itself (step 1), or None when its words do not say."""
    key = name_key(surface)
    if key in outlets:
        return "ORG"
    short = canonical(surface)
    if short is not None:
        return "PLACE" if place_kind(short) in ("country", "place") else "ORG"
    if place_kind(surface) in ("country", "place"):
        return "PLACE"
    words = _words(surface)
    if not words:
        return None
    pre = _words(_PREPOSITION.split(f" {surface} ", 1)[0])
    last = (pre or words)[-1]
    if _is(last, "org_last"):
        return "ORG"
    if len(words) > 1 and _is(last, "place_last"):
        return "PLACE"
    if len(words) > 1 and words[0] in words_list("place_first"):
        return "PLACE"
    if len(words) > 1 and words[0] in words_list("org_first"):
        return "ORG"
    return None


def _context_votes(text: str, o: Occurrence, votes: Counter[str]) -> None:
    before = text[max(0, o.start - 40) : o.start]
    after = text[o.start + len(o.surface) : o.start + len(o.surface) + 40]
    if _TITLE_BEFORE.search(before):
        votes["PERSON"] += 2
    if _PLACE_OF.search(before) or _PLACE_AFTER.match(after):
        votes["PLACE"] += 3
    elif _IN_BEFORE.search(before):
        votes["PLACE"] += 1
    if " " not in o.surface and _THE_BEFORE.search(before):
        votes["PERSON"] -= 2


def _argmax(votes: Counter[str]) -> str | None:
    if not votes or max(votes.values()) <= 0:
        return None
    return min(_TYPES, key=lambda t: (-votes[t], _TYPES.index(t)))


def _list_votes(
    articles: Sequence[Article], occs: Sequence[Occurrence], provisional: dict[str, str]
) -> dict[str, Counter[str]]:
    """Votes from lists: each member of "A, B, C and D" votes the others' majority type."""
    extra: dict[str, Counter[str]] = defaultdict(Counter)
    by_article: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occs:
        by_article[o.article].append(o)
    for art, doc in by_article.items():
        text = articles[art].text
        doc.sort(key=lambda o: o.start)
        run: list[Occurrence] = [doc[0]] if doc else []
        for prev, cur in pairwise(doc):
            if text[prev.start + len(prev.surface) : cur.start] in _LIST_SEP:
                run.append(cur)
                continue
            _vote_run(run, provisional, extra)
            run = [cur]
        _vote_run(run, provisional, extra)
    return extra


def _vote_run(
    run: list[Occurrence], provisional: dict[str, str], extra: dict[str, Counter[str]]
) -> None:
    if len(run) < 3:
        return
    for o in run:
        others = Counter(provisional.get(x.key, x.type) for x in run if x is not o)
        kind, n = others.most_common(1)[0]
        if n >= len(run) - 1 - n and n >= 2:
            extra[o.key][kind] += 2


def place_root(key: str, type_: str) -> tuple[str, str] | None:
    """(root, head class) of a multi-word place: "mount adeline" -> ("adeline", "mount")."""
    if type_ != "PLACE":
        return None
    words = [w for w in key.split() if w not in ("of", "the")]
    classes = same_head_classes()
    heads = [w for w in words if _is(w, "place_last") or w in words_list("place_first")]
    rest = [w for w in words if w not in heads]
    if len(rest) != 1 or not heads:
        return None
    head = heads[0]
    return rest[0], classes.get(head, classes.get(head.rstrip("s"), head))


class _Shortener:
    """Step 3 over the names decided so far, indexed once (a scan of every decided name per
    one-word name was quadratic: minutes on a story of 1,000 articles)."""

    def __init__(self, decided: dict[str, str], counts: Counter[str]) -> None:
        self.decided = decided
        self.counts = counts
        self._index()

    def _index(self) -> None:
        self.surnames: dict[str, set[str]] = defaultdict(set)  # last word -> person skeletons
        self.given: dict[str, set[str]] = defaultdict(set)  # first word of 2-word persons
        self.roots: dict[str, set[tuple[str, str]]] = defaultdict(set)  # place root word
        self.org_last: Counter[str] = Counter()
        self.org_first: dict[str, list[str]] = defaultdict(list)
        for k, t in self.decided.items():
            words = k.split()
            if t == "PERSON" and len(words) >= 2 and not is_particle_name(k):
                self.surnames[words[-1]].add(skeleton(k))
                if len(words) == 2:
                    self.given[words[0]].add(skeleton(k))
            if (r := place_root(k, t)) is not None:
                self.roots[r[0]].add(r)
            if t == "ORG" and len(words) >= 2:
                self.org_last[words[-1]] += 1
                self.org_first[words[0]].append(k)

    def decide(self, key: str, type_: str) -> None:
        """Record `key`'s type as `type_` (a name of two words or more changes the index)."""
        self.decided[key] = type_
        if len(key.split()) > 1:
            self._index()

    def type_of(self, key: str) -> str | None:
        """The type of the one longer name a one-word `key` shortens, if any."""
        if len(self.surnames.get(key.split()[-1], ())) == 1:
            return "PERSON"
        if is_particle_name(key):
            return None
        roots = len(self.roots.get(key, ()))
        if key.endswith("s"):
            roots += len(self.roots.get(key[:-1], ()))
        if roots == 1:
            return "PLACE"
        if len(self.given.get(key, ())) == 1 and place_kind(key) is None:
            return "PERSON"  # "Abiy" after "Abiy Ahmed" (a given name, or a family name first)
        if self.org_last[key] == 1:
            return "ORG"
        first = self.org_first.get(key, [])
        if len(first) == 1 and self.counts[first[0]] > self.counts[key] and place_kind(key) is None:
            return "ORG"
        return None


def decide_types(
    articles: Sequence[Article], occs: Sequence[Occurrence], outlets: frozenset[str]
) -> None:
    """Set every occurrence's `type` to the type voted for its name (module docstring).
    Occurrences typed "OTHER" (the tagger's NORP, PRODUCT, EVENT...: "the Corrigans",
    "Roseires Dam") get a type only from their own name or as the short form of a place;
    otherwise they stay "OTHER" and the caller drops them."""
    fixed: dict[str, str] = {}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    for o in occs:
        counts[o.key] += 1
        own = own_type(o.surface, outlets)
        if own is not None:
            fixed.setdefault(o.key, own)
        if o.type in _TYPES:
            votes[o.key][o.type] += 1
            _context_votes(articles[o.article].text, o, votes[o.key])
    for key in votes:
        if place_kind(key) == "region":
            votes[key]["PLACE"] += 3
    provisional = {k: fixed.get(k) or _argmax(v) or "ORG" for k, v in votes.items()}
    for key, extra in _list_votes(
        articles, [o for o in occs if o.type in _TYPES], provisional
    ).items():
        votes[key].update(extra)
    decided = {k: fixed.get(k) or _argmax(v) or provisional[k] for k, v in votes.items()}
    shortener = _Shortener(decided, counts)
    for key in {o.key for o in occs if (" " not in o.key or is_particle_name(o.key))}:
        if key in fixed:
            continue
        short = shortener.type_of(key)
        if short is not None:
            shortener.decide(key, short)
    for o in occs:
        if o.type != "OTHER" and o.key in decided:
            o.type = decided[o.key]
        elif o.type == "OTHER":
            if o.key in fixed:
                o.type = fixed[o.key]
            elif shortener.type_of(o.key) == "PLACE":
                o.type = "PLACE"
