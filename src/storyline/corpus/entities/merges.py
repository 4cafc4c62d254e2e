"""The merge steps of the entity registry, strongest evidence first (see entities.py)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations, pairwise

from storyline.corpus.entities.aliases import AliasRules
from storyline.corpus.entities.namegraph import (
    NameGraph,
    Occurrence,
    global_nodes,
    is_particle_name,
    is_short_form,
    nodes_with_key,
    sentence_spans,
    source_name,
    surname_key,
)
from storyline.corpus.entities.names import (
    damerau_levenshtein,
    fold,
    is_calendar_word,
    name_key,
    skeleton,
    skeleton_token,
)
from storyline.corpus.entities.roles import Role, compatible, resolve_counterparts, role_before
from storyline.model import Article


def merge_forced(rules: AliasRules, merger: NameGraph) -> None:
    """Step 1: [[merge]] rules of the user's alias file."""
    for rule in rules.merges:
        nodes = sorted({i for n in rule.names for i in nodes_with_key(merger, name_key(n))})
        for a, b in pairwise(nodes):
            if name_key(merger.names[a]) == name_key(merger.names[b]):
                merger.union(a, b, "")  # the same name in two articles: nothing to explain
                continue
            why = f"{merger.names[a]!r} = {merger.names[b]!r}: forced by the alias file"
            merger.union(a, b, why + (f" ({rule.reason})" if rule.reason else ""))


def merge_label_confusions(merger: NameGraph) -> None:
    """Step 2: one name tagged as a place in some articles and an organisation in others."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for nk, i in sorted(merger.index.items(), key=lambda kv: kv[1]):
        if (nk[0] == "name" and nk[1] == "PLACE") or (nk[0] == "doc" and nk[2] == "ORG"):
            by_key[merger.names[i].lower()].append(i)
    for nodes in by_key.values():
        places = [i for i in nodes if merger.types[i] == "PLACE"]
        orgs = [i for i in nodes if merger.types[i] == "ORG"]
        if places and orgs:
            for o in orgs:
                merger.union(
                    places[0],
                    o,
                    f"{merger.names[o]!r} was tagged both as a place and "
                    "as an organisation: one name, one entity",
                )


def merge_gazetteer(gaz: AliasRules, merger: NameGraph) -> None:
    """Step 4: names listed together in the curated gazetteer of contested place names."""
    places = {k: i for (t, k), i in global_nodes(merger).items() if t == "PLACE"}
    for rule in gaz.merges:
        nodes = sorted({places[name_key(n)] for n in rule.names if name_key(n) in places})
        for a, b in pairwise(nodes):
            merger.union(
                a,
                b,
                f"{merger.names[a]!r} = {merger.names[b]!r}: names of one place "
                "in storyline's curated list of contested place names",
            )


def merge_evidence(
    articles: Sequence[Article],
    evidence: Sequence[tuple[int, tuple[str, ...], str]],
    merger: NameGraph,
) -> None:
    """Step 3: an article says two names denote one place (naming.py)."""
    places = {k: i for (t, k), i in global_nodes(merger).items() if t == "PLACE"}
    for art, names, snippet in evidence:
        nodes = [places[name_key(n)] for n in names if name_key(n) in places]
        for a, b in pairwise(nodes):
            flat = " ".join(snippet.split())
            short = flat if len(flat) <= 200 else flat[:197] + "..."
            merger.union(
                a,
                b,
                f"{merger.names[a]!r} = {merger.names[b]!r}: article "
                f"{articles[art].id} ({source_name(articles[art])}) gives both names "
                f"to one place: \u201c{short}\u201d",
            )


def merge_transliterations(merger: NameGraph) -> None:
    """Step 5: the same name in another spelling or romanisation."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for (t, _k), i in sorted(global_nodes(merger).items(), key=lambda kv: kv[1]):
        if t in ("PERSON", "PLACE"):
            groups[(t, skeleton(merger.names[i]))].append(i)
    for (_t, skel), nodes in sorted(groups.items()):
        for b in nodes[1:]:
            a = nodes[0]
            merger.union(
                a,
                b,
                f"{merger.names[a]!r} = {merger.names[b]!r}: the same name in "
                f"another spelling or romanisation (both read {skel!r})",
            )


def _roles(articles: Sequence[Article], occs: Sequence[Occurrence]) -> dict[int, Role]:
    """Role of each person occurrence (by index), counterparts resolved within a sentence."""
    by_sentence: dict[tuple[int, int], list[int]] = defaultdict(list)
    spans = {i: sentence_spans(a) for i, a in enumerate(articles)}
    for idx, o in enumerate(occs):
        if o.type != "PERSON":
            continue
        sent = next((k for k, (s, e, _) in enumerate(spans[o.article]) if s <= o.start < e), -1)
        by_sentence[(o.article, sent)].append(idx)
    out: dict[int, Role] = {}
    for (art, _), idxs in sorted(by_sentence.items()):
        text = articles[art].text
        roles = resolve_counterparts(role_before(text, occs[i].start) for i in idxs)
        for i, r in zip(idxs, roles, strict=True):
            out[i] = r
    return out


def merge_typos(articles: Sequence[Article], occs: Sequence[Occurrence], merger: NameGraph) -> None:
    """Step 6: a one-letter surname typo of a person described in the same role."""
    roles = _roles(articles, occs)
    roles_of: dict[int, list[tuple[Role, str]]] = defaultdict(list)
    for idx, r in roles.items():
        if r.heads:
            roles_of[occs[idx].node].append((r, articles[occs[idx].article].id))
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for (t, key), i in sorted(global_nodes(merger).items(), key=lambda kv: kv[1]):
        tokens = key.split()
        if t == "PERSON" and len(tokens) >= 2:
            buckets[tuple(skeleton_token(x) for x in tokens[:-1])].append(i)
    for nodes in buckets.values():
        for a, b in combinations(nodes, 2):
            last_a = fold(merger.names[a]).lower().split()[-1]
            last_b = fold(merger.names[b]).lower().split()[-1]
            if min(len(last_a), len(last_b)) < 4 or damerau_levenshtein(last_a, last_b) != 1:
                continue
            match = next(
                (
                    (ra, ia, ib)
                    for ra, ia in roles_of[a]
                    for rb, ib in roles_of[b]
                    if compatible(ra, rb)
                ),
                None,
            )
            if match is None:
                continue
            role, ia, ib = match
            merger.union(
                a,
                b,
                f"{merger.names[a]!r} = {merger.names[b]!r}: surnames one letter "
                f"apart, both described as {role.describe()} (articles {ia}, {ib})",
            )


_DATE_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|last|next|early|late|mid|from|of|this|on)\s*$)", re.I
)


def _looks_like_date(text: str, start: int, end: int) -> bool:
    """A month/weekday name used as a date ("in May", "May 5")."""
    return bool(_DATE_CONTEXT.search(text[max(0, start - 12) : start])) or bool(
        re.match(r"\s*\d", text[end : end + 3])
    )


def merge_short_forms(
    articles: Sequence[Article], occs: Sequence[Occurrence], merger: NameGraph
) -> None:
    """Step 7: a short form used after the full name in the same article."""
    by_article: dict[int, list[Occurrence]] = defaultdict(list)
    for o in occs:
        by_article[o.article].append(o)
    resolved: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for art in sorted(by_article):
        doc = by_article[art]
        aid = articles[art].id
        for o in doc:
            if is_short_form(o):
                full = _person_full_form(articles[art].text, o, doc, merger)
            elif o.type == "ORG":
                full = _org_full_form(o, doc)
            else:
                continue
            if full is not None and merger.union(full, o.node, ""):
                resolved[(o.surface, merger.names[full])].append((full, aid))
            elif full is None:
                target = merger.node(("name", o.type, o.key), o.key, o.type, o.surface)
                merger.union(target, o.node, "")
    for (short, full_name), found in sorted(resolved.items()):
        where = ", ".join(sorted({aid for _, aid in found}))
        why = f"{short!r} = {full_name!r}: short form used after the full name in the same "
        merger.explanations.append((found[0][0], why + f"article ({where})"))


def _family(key: str, position: int) -> str:
    return skeleton_token(key.split()[position])


def _person_full_form(
    text: str, o: Occurrence, doc: Sequence[Occurrence], merger: NameGraph
) -> int | None:
    """The one full name in the same article that a lone surname stands for, if any."""
    if is_calendar_word(o.surface) and _looks_like_date(text, o.start, o.start + len(o.surface)):
        return None
    people = [f for f in doc if f.type == "PERSON" and len(f.key.split()) >= 2]
    surname = skeleton_token(surname_key(o.key))
    people = [f for f in people if not is_short_form(f)]
    roots = {merger.find(f.node) for f in people if _family(f.key, -1) == surname}
    if not roots:  # family name first ("Xi" after "Xi Jinping")
        roots = {
            merger.find(f.node)
            for f in people
            if len(f.key.split()) == 2 and _family(f.key, 0) == surname
        }
    return roots.pop() if len(roots) == 1 else None


def _org_full_form(o: Occurrence, doc: Sequence[Occurrence]) -> int | None:
    """The one longer organisation name in the article that ends with this one, if any."""
    tokens = o.key.split()
    longer = {
        f.key
        for f in doc
        if f.type == "ORG"
        and len(f.key.split()) > len(tokens)
        and f.key.split()[-len(tokens) :] == tokens
    }
    if len(longer) != 1:
        return None
    long_key = longer.pop()
    return next(f.node for f in doc if f.key == long_key)


def merge_lone_surnames(occs: Sequence[Occurrence], merger: NameGraph) -> None:
    """Step 8: a lone surname, when one person in the whole corpus has it."""
    other_type_keys = {o.key for o in occs if o.type != "PERSON"}
    used = {merger.find(o.node) for o in occs}
    full_by_surname: dict[str, set[int]] = defaultdict(set)
    full_by_first: dict[str, set[int]] = defaultdict(set)
    for (t, key), i in global_nodes(merger).items():
        if t == "PERSON" and len(key.split()) >= 2 and not is_particle_name(key):
            full_by_surname[_family(key, -1)].add(i)
            if len(key.split()) == 2:
                full_by_first[_family(key, 0)].add(i)
    for (t, key), i in sorted(global_nodes(merger).items(), key=lambda kv: kv[1]):
        if t != "PERSON" or is_calendar_word(key):
            continue
        if len(key.split()) != 1 and not is_particle_name(key):
            continue
        if key in other_type_keys or merger.find(i) not in used:
            continue
        if any(
            len(k.split()) >= 2 and not is_particle_name(k) for k in merger.keys[merger.find(i)]
        ):
            continue
        surname = skeleton_token(surname_key(key))
        roots = {merger.find(n) for n in full_by_surname.get(surname, set())}
        if not roots:  # family name first
            roots = {merger.find(n) for n in full_by_first.get(surname, set())}
        if len(roots) == 1:
            full = roots.pop()
            merger.union(
                full,
                i,
                f"{merger.names[i]!r} = {merger.names[full]!r}: the articles "
                "using the surname alone name no one in full, and exactly one person "
                "in the corpus has that surname",
            )
