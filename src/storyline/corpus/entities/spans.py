"""Mention spans repaired to whole names before the registry reads them.

- a name cut at a particle is completed: "Mariam al" + "-Sadiq al-Mahdi" -> "Mariam
  al-Sadiq al-Mahdi";
- a name followed by a lower-case place word takes it: "Kuril" + " islands" -> "Kuril
  islands" (so it meets "Kuril Islands"); an ocean used as an adjective is dropped: "Pacific
  Kuril chain" -> "Kuril chain";
- one organisation cut at "and" inside its name is joined when the second half repeats a
  word of the first: "International Federation of Red Cross" + "and" + "Red Crescent
  Societies";
- "Velsk and Port Anselm" tagged as one name is split when both halves are names elsewhere;
- a one-word "name" right before a job title is part of the title ("Interior Minister") and
  a language name ("Amharic") is no entity: both are dropped;
- names of the corpus's own outlets the tagger missed are added as ORG mentions.

Offsets stay views into the clean text (`EntityMention.start` / `end`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storyline.corpus.entities.gazetteer import is_language, words_list
from storyline.model import EntityMention

_PARTICLE_TAIL = re.compile(
    r"[-‐][A-Z][\w'’]+(?:[-‐][A-Z][\w'’]+)*(?:\s(?:al|el|bin|ibn|abu)[-‐][A-Z][\w'’]+)*"
)
_OCEANS = frozenset({"pacific", "atlantic", "arctic", "indian"})
_LOWER_PLACE_WORDS = frozenset(
    {"islands", "island", "isles", "chain", "archipelago", "river", "strait", "peninsula"}
)
_NEXT_WORD = re.compile(r"\s([a-z]+)\b")


def _complete_particle(text: str, m: EntityMention) -> EntityMention:
    last = m.text.split()[-1].lower() if m.text.split() else ""
    if last.rstrip("-‐") not in words_list("particles"):
        return m
    at = m.end - 1 if last.endswith(("-", "‐")) else m.end  # "Mariam al-" + "Sadiq ..."
    tail = _PARTICLE_TAIL.match(text, at)
    if tail is None:
        return m
    return EntityMention(m.start, tail.end(), text[m.start : tail.end()], m.label)


def _take_place_word(text: str, m: EntityMention) -> EntityMention | None:
    """ "Kuril" + " islands"; "Pacific Kuril" + " chain" -> "Kuril chain"; None for a
    description such as "the four Pacific islands" (an ocean and a place word)."""
    tokens = m.text.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    nxt = _NEXT_WORD.match(text, m.end)
    if (
        tokens
        and all(t.lower() in _OCEANS for t in tokens)
        and (nxt is not None and nxt.group(1) in _LOWER_PLACE_WORDS)
    ):
        return None
    if (
        len(tokens) == 2
        and tokens[-1].islower()
        and tokens[-1] in _LOWER_PLACE_WORDS
        and tokens[0].lower() in _OCEANS
    ):
        return None  # "Pacific islands" tagged as a name
    if nxt is None or nxt.group(1) not in _LOWER_PLACE_WORDS or not tokens:
        return m
    start = m.start + m.text.index(tokens[0])
    if len(tokens) >= 2 and tokens[0].lower() in _OCEANS:
        start = m.start + m.text.index(tokens[1], m.text.index(tokens[0]) + len(tokens[0]))
    return EntityMention(start, nxt.end(), text[start : nxt.end()], "LOC")


def _join_coordinated(text: str, mentions: list[EntityMention]) -> list[EntityMention]:
    out: list[EntityMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            between = text[m.end : n.start]
            first_words = {w.lower() for w in m.text.split() if w[:1].isupper()}
            second = [w for w in n.text.split() if w[:1].isupper()]
            if (
                m.label == n.label == "ORG"
                and between == " and "
                and n.text[:1].isupper()
                and second
                and second[0].lower() in first_words
            ):
                out.append(EntityMention(m.start, n.end, text[m.start : n.end], "ORG"))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _split_pairs(text: str, m: EntityMention, known: frozenset[str]) -> list[EntityMention]:
    """ "European Union and the United Nations" -> two names; "Velsk and Port Anselm" too when
    both halves are names elsewhere in the corpus."""
    sep = " and the " if " and the " in m.text else " and "
    if sep not in m.text:
        return [m]
    left, _, right = m.text.partition(sep)
    both_known = left.lower() in known and right.lower() in known
    if sep == " and " and not both_known:
        return [m]
    if not (left[:1].isupper() and right[:1].isupper()):
        return [m]
    r_start = m.start + len(left) + len(sep)
    label = "GPE" if both_known and m.label != "ORG" else m.label
    return [
        EntityMention(m.start, m.start + len(left), left, label),
        EntityMention(r_start, m.end, right, label),
    ]


def _is_title_part(text: str, m: EntityMention) -> bool:
    if " " in m.text.strip():
        return False
    nxt = _NEXT_WORD.match(text.lower(), m.end)
    return nxt is not None and nxt.group(1) in words_list("titles_after")


def repair_mentions(
    text: str, mentions: Sequence[EntityMention], known: frozenset[str]
) -> tuple[EntityMention, ...]:
    """The article's mentions with whole-name spans (see the module docstring); `known` holds
    lower-cased names seen elsewhere in the corpus (for splitting "A and B")."""
    fixed: list[EntityMention] = []
    for m in sorted(mentions, key=lambda x: (x.start, x.end)):
        if _is_title_part(text, m) or is_language(m.text.strip()):
            continue
        taken = _take_place_word(text, _complete_particle(text, m))
        if taken is not None:
            fixed.extend(_split_pairs(text, taken, known))
    fixed = _join_coordinated(text, fixed)
    out: list[EntityMention] = []
    for m in fixed:  # a repaired span swallows the mentions it now covers
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return tuple(out)


_CAPS = re.compile(r"(?<![\w.-])[A-Z]{2,6}(?![\w-])")
_SKIP = frozenset({"of", "for", "and", "the", "de", "des", "du", "on", "in", "&"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.lower().split() if w not in _SKIP)


def missing_short_mentions(
    text: str, mentions: Sequence[EntityMention]
) -> tuple[EntityMention, ...]:
    """Short forms the tagger missed after their full form in the same article: a person's
    surname ("Pembridge said" after "Oliver Pembridge") and an acronym of an organisation
    named before it ("The IFRC said" after "International Federation of Red Cross ...").

    Linear in the article's mentions: each surname is searched once, from its first full
    form (a later full form finds a subset of those hits), and the characters already
    taken are marked, not compared span by span."""
    out = list(mentions)
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[max(0, m.start) : max(0, m.end)] = b"\x01" * (max(0, m.end) - max(0, m.start))

    def add(start: int, end: int, label: str) -> None:
        if not any(covered[start:end]):
            out.append(EntityMention(start, end, text[start:end], label))
            covered[start:end] = b"\x01" * (end - start)

    first_end: dict[str, int] = {}  # a surname's earliest full form ends here
    people = []
    for m in mentions:
        tokens = m.text.split()
        if m.label == "PERSON" and len(tokens) >= 2 and len(tokens[-1]) >= 3:
            surname = tokens[-1].split("-")[-1]
            if surname not in first_end:
                people.append(surname)
            first_end[surname] = min(first_end.get(surname, m.end), m.end)
    for surname in people:
        after = first_end[surname]
        pattern = rf"(?<![\w-]){re.escape(surname)}(?![\w-])"
        for hit in re.finditer(pattern, text[after:]):
            add(after + hit.start(), after + hit.end(), "PERSON")
    orgs = sorted(
        (m for m in mentions if m.label == "ORG" and len(m.text.split()) >= 3),
        key=lambda m: m.end,
    )
    before: set[str] = set()
    k = 0
    for hit in _CAPS.finditer(text):
        while k < len(orgs) and orgs[k].end <= hit.start():
            before.add(_initials(orgs[k].text))
            k += 1
        letters = hit.group().lower()
        if len(letters) >= 3 and any(i.startswith(letters) for i in before):
            add(hit.start(), hit.end(), "ORG")
    return tuple(sorted(out, key=lambda x: (x.start, x.end, x.label)))


def outlet_mentions(
    text: str, mentions: Sequence[EntityMention], outlets: Iterable[str]
) -> tuple[EntityMention, ...]:
    """Mentions of the corpus's outlets ("Health Watch Daily first reported") the tagger
    missed, added as ORG."""
    names = sorted({o for o in outlets if " " in o}, key=len, reverse=True)
    if not names:
        return tuple(mentions)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    out = list(mentions)
    taken = [(m.start, m.end) for m in mentions]
    for hit in pattern.finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        out.append(EntityMention(hit.start(), hit.end(), hit.group(), "ORG"))
        taken.append((hit.start(), hit.end()))
    return tuple(sorted(out, key=lambda x: (x.start, x.end, x.label)))
