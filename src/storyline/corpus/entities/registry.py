"""The entity registry: people, places and organisations over the whole corpus, with every
name they go by, per-outlet alias counts, and an explanation of each merge.

Merging is conservative and happens in explained steps, strongest evidence first:

1. the user's alias file forces a merge ([[merge]]);
2. one name tagged both as an organisation and as a place (a tagger confusion);
3. an article states that two names denote one place ("known in Russia as X and in Japan as Y");
4. the curated gazetteer of contested place names (data/contested_places.toml);
5. the same name in another romanisation (Sergei / Sergey Lavrov);
6. a one-letter surname typo of a person described in the same role (Taro Kano / Taro Kono,
   both "Japanese foreign minister");
7. a short form after the full name in the same article (Lavrov -> Sergei Lavrov);
8. a lone surname whose articles have no full name, when exactly one person in the corpus
   has that surname;
9. acronyms and short forms (`shortforms.py`): listed ones ("UK" / "United Kingdom"), an
   acronym spelling one name's initials, places by their root ("Mt Adeline" / "Adeline"),
   organisations by a part ("Lodestar"), an article's own outlet ("the Gazette"), British and
   American spellings.

Before merging, mention spans are repaired to whole names (`spans.py`) and every name gets
one type voted over all its mentions, with the gazetteer and the name's own head words
(`entity_types.py`).

A merge that would put two names of a [[forbid]] rule in one entity is refused. Different
types (a person and a place) are never merged by steps 3-8, and month or weekday names never
take part in steps 7-8 (the month "May" is not Theresa May).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.corpus.entities.aliases import AliasRules, gazetteer, load_alias_file
from storyline.corpus.entities.entity_types import decide_types
from storyline.corpus.entities.merges import (
    merge_evidence,
    merge_forced,
    merge_gazetteer,
    merge_label_confusions,
    merge_lone_surnames,
    merge_short_forms,
    merge_transliterations,
    merge_typos,
)
from storyline.corpus.entities.namegraph import (
    NameGraph,
    Occurrence,
    is_short_form,
    sentence_spans,
    source_name,
)
from storyline.corpus.entities.names import (
    clean_surface,
    is_plausible_name,
    name_key,
    strip_titles,
)
from storyline.corpus.entities.naming import naming_evidence
from storyline.corpus.entities.shortforms import (
    merge_acronyms,
    merge_listed_short_forms,
    merge_org_parts,
    merge_own_outlet,
    merge_place_roots,
    merge_spellings,
)
from storyline.corpus.entities.spans import (
    missing_short_mentions,
    outlet_mentions,
    repair_mentions,
)
from storyline.model import Article, Entity, EntityMention, stable_id

log = logging.getLogger(__name__)

TYPE_OF_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_TYPE_PRIORITY = {"PLACE": 0, "PERSON": 1, "ORG": 2}


def _place_names(
    articles: Sequence[Article], gaz: AliasRules
) -> tuple[list[tuple[int, tuple[str, ...], str]], set[str]]:
    """Naming evidence per article and the set of keys that denote places."""
    evidence: list[tuple[int, tuple[str, ...], str]] = []
    for i, a in enumerate(articles):
        for _, _, text in sentence_spans(a):
            for ev in naming_evidence(text):
                evidence.append((i, ev.names, ev.snippet))
    keys = {name_key(n) for _, names, _ in evidence for n in names}
    keys |= {name_key(n) for rule in gaz.merges for n in rule.names}
    return evidence, keys


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern for all `names`, longest first (compiled once per corpus, not per article)."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def _add_missing_mentions(
    article: Article, pattern: re.Pattern[str] | None
) -> tuple[EntityMention, ...]:
    """Mentions of known place names the tagger missed (e.g. "Southern Kurils")."""
    mentions = list(article.mentions)
    if pattern is None:
        return tuple(mentions)
    taken = [(m.start, m.end) for m in mentions]
    for m in pattern.finditer(article.text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        mentions.append(EntityMention(m.start(), m.end(), m.group(), "LOC"))
        taken.append((m.start(), m.end()))
    return tuple(sorted(mentions, key=lambda x: (x.start, x.end, x.label)))


def build_registry(
    articles: Sequence[Article], alias_file: str | None = None
) -> tuple[list[Entity], list[Article]]:
    """The corpus entity registry and the articles with `entity_id` set on their mentions."""
    rules = load_alias_file(alias_file) if alias_file else AliasRules()
    gaz = gazetteer()
    evidence, place_keys = _place_names(articles, gaz)
    scan_names = sorted(
        {n for _, names, _ in evidence for n in names} | {n for r in gaz.merges for n in r.names}
    )
    outlets = sorted({a.source for a in articles if a.source})
    known = frozenset(m.text.lower() for a in articles for m in a.mentions)
    pattern = _names_pattern(scan_names)
    mentions_of = [
        outlet_mentions(
            a.text,
            missing_short_mentions(
                a.text, repair_mentions(a.text, _add_missing_mentions(a, pattern), known)
            ),
            outlets,
        )
        for a in articles
    ]
    occs = _occurrences(articles, mentions_of, place_keys, frozenset(name_key(o) for o in outlets))
    merger = NameGraph(rules.forbidden_pairs())
    _make_nodes(articles, occs, merger)
    merge_forced(rules, merger)
    merge_label_confusions(merger)
    merge_evidence(articles, evidence, merger)
    merge_gazetteer(gaz, merger)
    merge_transliterations(merger)
    merge_typos(articles, occs, merger)
    merge_short_forms(articles, occs, merger)
    merge_lone_surnames(occs, merger)
    merge_listed_short_forms(merger)
    merge_acronyms(articles, occs, merger)
    merge_place_roots(merger)
    merge_org_parts(merger, Counter(o.key for o in occs))
    merge_own_outlet(articles, occs, merger)
    merge_spellings(merger)
    return _assemble(articles, mentions_of, occs, merger)


def _occurrences(
    articles: Sequence[Article],
    mentions_of: Sequence[tuple[EntityMention, ...]],
    place_keys: set[str],
    outlets: frozenset[str],
) -> list[Occurrence]:
    occs: list[Occurrence] = []
    for i, (a, mentions) in enumerate(zip(articles, mentions_of, strict=True)):
        src = source_name(a)
        for j, m in enumerate(mentions):
            # other labels ("the Corrigans" NORP, "Roseires Dam" PRODUCT, "AU" NORP) are
            # kept only if their name makes them a place or an organisation (typing.py)
            type_ = TYPE_OF_LABEL.get(m.label, "OTHER")
            surface = clean_surface(m.text)
            if type_ == "PERSON":
                surface = strip_titles(surface)
            if not is_plausible_name(surface):
                continue
            key = name_key(surface)
            occs.append(Occurrence(i, j, surface, key, type_, src, m.start))
    decide_types(articles, occs, outlets)
    occs = [o for o in occs if o.type != "OTHER"]
    for o in occs:
        if o.key in place_keys:
            o.type = "PLACE"
    _retype_person_surnames(occs)
    return occs


def _retype_person_surnames(occs: list[Occurrence]) -> None:
    """A one-word organisation or place that is the surname of a person named in full in the
    same article is that person ("Lavrov" tagged ORG after "Sergei Lavrov")."""
    surnames: dict[int, set[str]] = defaultdict(set)
    for o in occs:
        tokens = o.key.split()
        if o.type == "PERSON" and len(tokens) >= 2:
            surnames[o.article].add(tokens[-1])
            if len(tokens) == 2:  # family name first ("Wang" after "Wang Wenbin")
                surnames[o.article].add(tokens[0])
    for o in occs:
        if o.type == "ORG" and o.key in surnames[o.article] and " " not in o.key:
            o.type = "PERSON"


def _make_nodes(articles: Sequence[Article], occs: list[Occurrence], merger: NameGraph) -> None:
    for o in occs:
        if is_short_form(o) or o.type == "ORG":
            # Decided per article first (a short form may mean different people elsewhere).
            o.node = merger.node(("doc", str(o.article), o.type, o.key), o.key, o.type, o.surface)
        else:
            o.node = merger.node(("name", o.type, o.key), o.key, o.type, o.surface)


def _canonical(type_: str, counts: Counter[str], articles_of: dict[str, set[int]]) -> str:
    def rank(name: str) -> tuple[int, int, int, int, str]:
        multi = 1 if type_ == "PERSON" and len(name.split()) >= 2 else 0
        low = name.lower()
        full = type_ != "PLACE" and any(o != name and low.endswith(" " + o.lower()) for o in counts)
        return (-multi, -int(full), -counts[name], -len(articles_of[name]), name)

    return min(counts, key=rank)


def _assemble(
    articles: Sequence[Article],
    mentions_of: Sequence[tuple[EntityMention, ...]],
    occs: Sequence[Occurrence],
    merger: NameGraph,
) -> tuple[list[Entity], list[Article]]:
    members: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occs:
        members[merger.find(o.node)].append(o)
    whys: dict[int, list[str]] = defaultdict(list)
    for node, why in merger.explanations:
        root = merger.find(node)
        if why and why not in whys[root]:
            whys[root].append(why)
    entity_of_root: dict[int, str] = {}
    entities: list[Entity] = []
    used_ids: set[str] = set()
    for root in sorted(members):
        group = members[root]
        type_counts = Counter(o.type for o in group)
        type_ = min(type_counts, key=lambda t: (-type_counts[t], _TYPE_PRIORITY[t]))
        counts = Counter(o.surface for o in group)
        articles_of: dict[str, set[int]] = defaultdict(set)
        by_source: dict[str, Counter[str]] = defaultdict(Counter)
        for o in group:
            articles_of[o.surface].add(o.article)
            by_source[o.source][o.surface] += 1
        name = _canonical(type_, counts, articles_of)
        eid = stable_id(name, type_, prefix="e")
        while eid in used_ids:  # two entities with one canonical name: keep ids distinct
            eid = stable_id(eid, name, type_, prefix="e")
        used_ids.add(eid)
        entity_of_root[root] = eid
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=type_,
                aliases=tuple(sorted(counts, key=lambda n: (-counts[n], n))),
                mentions=len(group),
                alias_counts_by_source={
                    src: dict(sorted(c.items())) for src, c in sorted(by_source.items())
                },
                merges=tuple(whys.get(root, ())),
            )
        )
    entities.sort(key=lambda e: (-e.mentions, e.name, e.id))
    ids: dict[tuple[int, int], str] = {
        (o.article, o.mention): entity_of_root[merger.find(o.node)] for o in occs
    }
    out = [
        dataclasses.replace(
            a,
            mentions=tuple(
                dataclasses.replace(m, entity_id=ids.get((i, j))) for j, m in enumerate(mentions)
            ),
        )
        for i, (a, mentions) in enumerate(zip(articles, mentions_of, strict=True))
    ]
    log.info("entity registry: %d entities from %d mentions", len(entities), len(occs))
    return entities, out
