"""Turning found conflicts (kind, about, claims) into disagreements: claims repeated by
copies of a compared sentence are added (see `copies.py`), conflicts sharing a claim
are merged, and each syndication group is cited once per value."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence

from storyline.model import Article, Claim, Disagreement

log = logging.getLogger("storyline.corpus.disagreements.find")

Found = tuple[str, str, list[Claim]]


def cite_copies(
    found: list[Found],
    cite: dict[tuple[str, str], list[int]],
    copy: Callable[[int, str], Claim],
) -> list[Found]:
    """Each conflict with, after its claims, the same claims made by the copies of their
    sentences: `cite[(article id, text)]` lists the copies, `copy(k, value)` makes the
    claim of copy k."""
    if not cite:
        return found
    return [
        (
            kind,
            about,
            [
                *claims,
                *(copy(k, c.value) for c in claims for k in cite.get((c.article, c.text), ())),
            ],
        )
        for kind, about, claims in found
    ]


def merge_found(found: list[Found], articles: Sequence[Article]) -> list[Disagreement]:
    """One disagreement per connected set of conflicting claims of one kind; of copies of
    one wire story making the same claim only the group's original (or first copy) is cited."""
    rank = {a.id: (a.syndication_group or a.id, a.duplicate_of is not None, a.id) for a in articles}
    parent = list(range(len(found)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str, str, str], int] = {}
    for idx, (kind, about, pair) in enumerate(found):
        key_kind = kind + ("|" + about.split(" (", 1)[0] if kind == "number" else "")
        for c in pair:
            k = (key_kind, c.article, c.text, "")
            if k in owner:
                parent[find(idx)] = find(owner[k])
            else:
                owner[k] = idx
    groups: dict[int, list[int]] = defaultdict(list)
    for idx in range(len(found)):
        groups[find(idx)].append(idx)
    out: list[Disagreement] = []
    for members in groups.values():
        kind, about, _ = found[members[0]]
        claims: dict[tuple[str, str, str], Claim] = {}
        for idx in members:
            for c in found[idx][2]:
                claims.setdefault((c.article, c.text, c.value), c)
        best: dict[tuple[str, str], Claim] = {}
        for c in sorted(claims.values(), key=lambda c: rank.get(c.article, (c.article,) * 3)):
            best.setdefault((rank.get(c.article, (c.article,))[0], c.value), c)
        ordered = tuple(sorted(best.values(), key=lambda c: (c.value, c.article, c.text)))
        if len({c.value for c in ordered}) >= 2:
            out.append(Disagreement(kind=kind, about=about, claims=ordered))
    out.sort(key=lambda d: (d.kind, d.about, [(c.article, c.value) for c in d.claims]))
    log.info("disagreements: %d", len(out))
    return out
