"""Merge steps for acronyms and short forms (after the registry's own short-form step):

- listed short forms and variants (data/places.toml: "UK" / "Britain" / "United Kingdom",
  "U.S." / "United States", "EU", "World Court" / "International Court of Justice",
  "World Health Organisation" / "... Organization");
- acronyms: "EIB" = the one multi-word name of the corpus whose initials it spells
  ("European Investment Bank"; function words skipped); else, in one article, a name
  written before it whose initials it starts ("IFRC" after "International Federation of Red
  Cross and Red Crescent Societies") or spells with a word skipped ("ECDC" after "European
  Centre for Disease Prevention and Control"), or "Name (ACR)";
- places by their root: "Mt Adeline" = "Mount Adeline" = "Adeline", "Orlen Strait" =
  "Strait of Orlen", "Sentvik Islands" = "Sentvik Isles", "Corrigans" = "Corrigan Islands",
  "the Tamsin" = "River Tamsin" (never a country or listed place: "Mexico" is not the "Gulf
  of Mexico");
- organisations by a part: "Lodestar" = the one organisation ending in it ("Project
  Lodestar"), "Brightwater" = the one starting with it ("Brightwater Grid");
- an article's own outlet by its last word: "contacted by the Gazette" in a Port Anselm
  Gazette article;
- British and American spellings of one organisation (organisation/organization,
  centre/center).

Each merge carries its explanation. Cost: linear in the number of names, plus, per acronym,
the multi-word names of its article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise

from storyline.corpus.entities.entity_types import place_root
from storyline.corpus.entities.gazetteer import place_kind, short_form_groups
from storyline.corpus.entities.namegraph import NameGraph, Occurrence, global_nodes, nodes_with_key
from storyline.corpus.entities.names import name_key
from storyline.model import Article

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_FUNCTION = frozenset({"of", "for", "and", "the", "de", "des", "du", "on", "in", "&"})
_SPELLING = (("organisation", "organization"), ("centre", "center"), ("defence", "defense"))


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _FUNCTION and w)


def _initial_forms(key: str) -> set[str]:
    """The initials of a name, and of it without a leading country ("U.S. Centers for
    Disease Control and Prevention" -> "uscdcp", "cdcp")."""
    forms = {_initials(key)}
    words = key.split()
    for cut in (1, 2):
        if len(words) > cut + 1 and place_kind(" ".join(words[:cut])) == "country":
            forms.add(_initials(" ".join(words[cut:])))
    return forms


def _union_all(merger: NameGraph, a: Sequence[int], b: Sequence[int], why: str) -> None:
    """Every node of `a` and `b` in one entity; `why` explains the merge of the two names."""
    if not a or not b:
        return
    for group in (a, b):
        for x in group[1:]:
            merger.union(group[0], x, "")
    merger.union(b[0], a[0], why)


def merge_listed_short_forms(merger: NameGraph) -> None:
    """Short forms and variants listed in data/places.toml."""
    for canon, aliases in sorted(short_form_groups().items()):
        present = [n for n in (canon, *aliases) if nodes_with_key(merger, name_key(n))]
        for a, b in pairwise(present):
            why = f"{a!r} = {b!r}: storyline's list of short forms (data/places.toml)"
            _union_all(
                merger,
                nodes_with_key(merger, name_key(b)),
                nodes_with_key(merger, name_key(a)),
                why,
            )


def _subsequence(acr: str, initials: str) -> bool:
    """acr spells initials with words skipped, keeping the first and the last."""
    if len(acr) < 3 or acr[0] != initials[0] or acr[-1] != initials[-1]:
        return False
    it = iter(initials)
    return all(c in it for c in acr)


def merge_acronyms(
    articles: Sequence[Article], occs: Sequence[Occurrence], merger: NameGraph
) -> None:
    """Acronyms and the multi-word names they stand for (module docstring)."""
    long_names = {
        name_key(merger.names[i]): merger.names[i]
        for i in range(len(merger.names))
        if len(name_key(merger.names[i]).split()) >= 2
    }
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in long_names:
        for form in _initial_forms(key):
            by_initials[form].add(key)
    acronyms = sorted({o.surface for o in occs if _ACRONYM.match(o.surface)})
    done: set[str] = set()
    for acr in acronyms:
        letters = acr.replace(".", "").lower()
        full = by_initials.get(letters, set())
        if len(full) == 1:
            key = next(iter(full))
            why = f"{acr!r} = {long_names[key]!r}: the acronym spells the name's initials"
            _union_all(
                merger, nodes_with_key(merger, name_key(acr)), nodes_with_key(merger, key), why
            )
            done.add(acr)
    by_article: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occs:
        by_article[o.article].append(o)
    for art, doc in sorted(by_article.items()):
        text = articles[art].text
        for o in sorted(doc, key=lambda x: x.start):
            if o.surface in done or not _ACRONYM.match(o.surface):
                continue
            letters = o.surface.replace(".", "").lower()
            before = [f for f in doc if f.start < o.start and len(f.key.split()) >= 2]
            paren = [f for f in before if text[f.start + len(f.surface) : o.start].strip() == "("]
            fits = paren or [
                f
                for f in before
                if any(
                    (len(letters) >= 3 and form.startswith(letters)) or _subsequence(letters, form)
                    for form in _initial_forms(f.key)
                )
            ]
            keys = {f.key for f in fits}
            if len(keys) == 1:
                f = fits[0]
                why = (
                    f"{o.surface!r} = {f.surface!r}: the acronym follows the name in "
                    f"article {articles[art].id}"
                )
                merger.union(f.node, o.node, why)


def merge_place_roots(merger: NameGraph) -> None:
    """Places by their root and head (module docstring)."""
    places = {k: i for (t, k), i in global_nodes(merger).items() if t == "PLACE"}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for key, i in sorted(places.items(), key=lambda kv: kv[1]):
        r = place_root(key, "PLACE")
        if r is not None:
            groups[r].append(i)
    for (root, head), nodes in sorted(groups.items()):
        for a, b in pairwise(nodes):
            merger.union(
                a, b, f"{merger.names[a]!r} = {merger.names[b]!r}: one {head} named {root!r}"
            )
    by_root: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in groups:
        by_root[r[0]].add(r)
    for key, i in sorted(places.items(), key=lambda kv: kv[1]):
        if " " in key or place_kind(key) is not None:
            continue
        stem = key[:-1] if key.endswith("s") else key
        found = by_root.get(key) or by_root.get(stem) or set()
        if len(found) == 1:
            target = groups[next(iter(found))][0]
            merger.union(
                target,
                i,
                f"{merger.names[i]!r} = {merger.names[target]!r}: the only place of that name",
            )


def merge_org_parts(merger: NameGraph, counts: dict[str, int]) -> None:
    """Organisations by their last word, or by their first when the long form is commoner."""
    orgs = {k: i for (t, k), i in global_nodes(merger).items() if t == "ORG"}
    multi = [k for k in orgs if len(k.split()) >= 2]
    for key, i in sorted(orgs.items(), key=lambda kv: kv[1]):
        if " " in key or place_kind(key) is not None:
            continue
        ends = [k for k in multi if k.split()[-1] == key]
        starts = [k for k in multi if k.split()[0] == key and counts.get(k, 0) > counts.get(key, 0)]
        target = (
            ends[0] if len(ends) == 1 else (starts[0] if not ends and len(starts) == 1 else None)
        )
        if target is not None:
            merger.union(
                orgs[target],
                i,
                f"{merger.names[i]!r} = {merger.names[orgs[target]]!r}: the only "
                "organisation of that name",
            )


def merge_own_outlet(
    articles: Sequence[Article], occs: Sequence[Occurrence], merger: NameGraph
) -> None:
    """A one-word ORG naming the article's own outlet by its last word ("the Gazette")."""
    for o in occs:
        outlet = articles[o.article].source
        if o.type != "ORG" or " " in o.key or not outlet or len(outlet.split()) < 2:
            continue
        if name_key(outlet).split()[-1] != o.key:
            continue
        target = merger.node(("name", "ORG", name_key(outlet)), name_key(outlet), "ORG", outlet)
        merger.union(target, o.node, f"{o.surface!r} = {outlet!r}: the article's own outlet")


def merge_spellings(merger: NameGraph) -> None:
    """British and American spellings of one organisation's name."""
    groups: dict[str, list[int]] = defaultdict(list)
    for (t, key), i in sorted(global_nodes(merger).items(), key=lambda kv: kv[1]):
        if t != "ORG":
            continue
        spelt = key
        for british, american in _SPELLING:
            spelt = re.sub(rf"\b{british}\b", american, spelt)
        groups[spelt].append(i)
    for nodes in groups.values():
        for a, b in pairwise(nodes):
            merger.union(
                a,
                b,
                f"{merger.names[a]!r} = {merger.names[b]!r}: the same name in another spelling",
            )
