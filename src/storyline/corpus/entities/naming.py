"""Textual evidence that two names denote one place.

String similarity cannot tell that "Northern Territories" and "Southern Kuriles" are the
same islands; the articles say so themselves:

* "known in Russia as the Southern Kuriles and in Japan as the Northern Territories"
* "which Moscow calls the Kuril Islands and Tokyo dubs its Northern Territories"
* "Russia refers to the islands as X and Japan calls them Y"
* "referred to as X by Russia and Y by Japan"
* "X, known as Y in Japan", "X (also known as Y)", "X (Y in Japanese)"

Every capitalised name in a naming slot of one sentence is taken as a name of one thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.corpus.entities.names import clean_surface

_CAP = r"[A-Z][\w'\u2019-]*"
_NAME = rf"(?:(?:the|its|their)\s+)?(?P<{{g}}>{_CAP}(?:\s+(?:of\s+)?{_CAP}){{{{0,3}}}})"


def _name(group: str) -> str:
    return _NAME.format(g=group)


_OBJECT = r"(?:(?:them|it|this|these|those|the\s+[a-z]+(?:\s+[a-z]+)?)\s+)?"
_SLOTS = [
    # "calls them the Northern Territories", "dubs its Northern Territories"
    re.compile(
        rf"\b(?:calls?|dubs?|dubbed|terms?|renamed|christened)\s+{_OBJECT}(?:as\s+)?{_name('n')}"
    ),
    # "first announced under the name Millennium Dam"
    re.compile(rf"\b(?:under|by|with)\s+the\s+names?\s+(?:of\s+)?{_name('n')}"),
    # "known in Russia as X", "referred to as X", "refers to the islands as X"
    re.compile(
        rf"\b(?:known|referred\s+to\s+{_OBJECT}|refers?\s+to\s+{_OBJECT}|referring\s+to\s+{_OBJECT})"
        rf"\s*(?:[a-z]+ly\s+)?(?:(?:in|by|to)\s+{_CAP}\s+)?as\s+{_name('n')}"
    ),
    # "... and in Japan as the Northern Territories"
    re.compile(rf"\band\s+(?:in|by|to)\s+{_CAP}\s+as\s+{_name('n')}"),
    # "X by Russia and the Northern Territories by Japan"
    re.compile(rf"\bby\s+{_CAP}\s*,?\s+and\s+{_name('n')}\s+(?:by|in|to)\s+{_CAP}"),
]
# "X, known as ...", "X, which Moscow calls ...", "X, referred to as ..."
_LEFT_ANCHOR = re.compile(
    rf"{_name('n')}\s*,\s+(?:(?:which|what)\s+(?:[\w-]+\s+){{1,3}}?(?:calls?|dubs?|terms?)\b"
    rf"|known\s|"
    rf"also\s+known\s|referred\s+to\s|called\s)"
)
# "the Hidase Dam, as the Renaissance Dam is known in Amharic"
_AS_KNOWN = re.compile(
    rf"{_name('a')}\s*,\s+as\s+{_name('b')}\s+is\s+(?:also\s+|often\s+|widely\s+)?"
    rf"(?:known|called|referred\s+to)\b"
)
# "X (also known as Y)", "X (or Y)", "X (Y in Japanese)"
_PAREN = re.compile(
    rf"{_name('a')}\s*\(\s*(?:(?:also\s+)?known\s+as\s+|also\s+called\s+|or\s+|aka\s+)?"
    rf"{_name('b')}(?:\s+(?:in|to)\s+(?:{_CAP}))?\s*\)"
)
_PAREN_MARKED = re.compile(r"\(\s*(?:(?:also\s+)?known\s+as|also\s+called|or|aka)\s|\s(?:in|to)\s")


@dataclass(frozen=True)
class NamingEvidence:
    """Names that one sentence gives to the same thing."""

    names: tuple[str, ...]
    snippet: str


def _clean(raw: str) -> str:
    return clean_surface(raw)


_BOUNDARY = re.compile(r"[,;()\u2014\u2013]")
# "... as the Millennium Dam and, before that, simply as Project X": another name for the
# thing the naming before it names
_CONTINUED = re.compile(
    rf"\b(?:simply|originally|formerly|previously|once|at first|sometimes)\s+as\s+{_name('n')}"
)
# a naming clause whose object is a pronoun ("calls it", "it is known as") names the thing
# another clause names
_PRONOUN_SLOT = re.compile(r"\b(?:it|them)\b|\b(?:it|they)\s+(?:is|are)\s+(?:also\s+)?known")


def naming_evidence(sentence: str) -> list[NamingEvidence]:
    """Groups of names the sentence declares equivalent, one group per construction.

    Slot names in one clause (between commas) name one thing ("known in Russia as X and in
    Japan as Y"); a clause that opens with "known as" / "which Moscow calls" names the thing
    right before its comma; a parenthesis names the thing before it. Two constructions in
    one sentence ("the dam, known as X, ... on the river, which locals call Y") stay apart.
    """
    cuts = [m.start() for m in _BOUNDARY.finditer(sentence)]

    def clause(pos: int) -> int:
        return sum(1 for c in cuts if c < pos)

    slots: dict[int, list[tuple[int, str]]] = {}
    pronoun: set[int] = set()
    for pattern in _SLOTS:
        for m in pattern.finditer(sentence):
            slots.setdefault(clause(m.start("n")), []).append((m.start("n"), _clean(m.group("n"))))
            lead = sentence[max(0, m.start() - 16) : m.start("n")]
            if _PRONOUN_SLOT.search(lead):
                pronoun.add(clause(m.start("n")))
    for m in _CONTINUED.finditer(sentence):
        earlier = [k for k in slots if k <= clause(m.start("n")) and slots[k][0][0] < m.start()]
        if earlier:
            slots[max(earlier)].append((m.start("n"), _clean(m.group("n"))))
    groups: list[list[tuple[int, str]]] = []
    anchored: set[int] = set()
    for m in _LEFT_ANCHOR.finditer(sentence):
        before = sentence[: m.start()].rstrip()
        if before.endswith((",", " and", " or")):
            continue  # the last item of a list is not the whole list's name
        following = clause(m.end("n")) + 1  # the clause after the anchor's comma
        if following in slots:
            groups.append([(m.start("n"), _clean(m.group("n"))), *slots[following]])
            anchored.add(following)
    single = [found for idx, found in sorted(slots.items()) if len(found) == 1]
    single_pronoun = [idx for idx, found in slots.items() if len(found) == 1 and idx in pronoun]
    if not anchored and not _LEFT_ANCHOR.search(sentence) and len(single) == 2 and single_pronoun:
        # "Valdoria calls it the Corrigan Islands; Dravonia calls it the Sentvik Isles": two
        # naming clauses and nothing else named in between name one thing
        groups.append([*single[0], *single[1]])
        slots = {k: v for k, v in slots.items() if len(v) != 1}
    for idx, found in sorted(slots.items()):
        if idx not in anchored:
            groups.append(found)
    for m in _AS_KNOWN.finditer(sentence):
        groups.append([(m.start("a"), _clean(m.group("a"))), (m.start("b"), _clean(m.group("b")))])
    for m in _PAREN.finditer(sentence):
        inside = sentence[m.end("a") : m.end()]
        if _PAREN_MARKED.search(inside):
            groups.append(
                [(m.start("a"), _clean(m.group("a"))), (m.start("b"), _clean(m.group("b")))]
            )
    out: list[NamingEvidence] = []
    for group in groups:
        names: list[str] = []
        for _, name in sorted(group):
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if len(names) >= 2:
            out.append(NamingEvidence(tuple(names), sentence.strip()))
    return out
