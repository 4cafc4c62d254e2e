"""Entry headlines: a readable line from the sentence that reports the event.

    >>> headline("However, last year, Putin and Abe agreed to accelerate talks for a peace deal.")
    'Putin and Abe agreed to accelerate talks for a peace deal'
    >>> headline("Russian President Vladimir Putin has accepted an invitation to visit Japan, "
    ...          "Foreign Minister Sergei Lavrov said on Tuesday.")
    'Russian President Vladimir Putin has accepted an invitation to visit Japan, Lavrov says'

The leading date or connective ("On Monday,", "However, last year,") goes, a closing
attribution shrinks to the speaker's last name ("..., Lavrov says"), and a sentence longer
than about fifteen words is cut at a clause boundary, never inside a number, a quotation or
a name. A sentence that leans on the one before ("After that meeting, ...", "The third
...") makes a poor headline: `stands_alone` tells the entry to pick another.
"""

from __future__ import annotations

import re

MAX_WORDS = 15
_SPACE = re.compile(r"\s+")
# leading connectives and time phrases, possibly several ("However, last year, ...")
_LEADING = re.compile(
    r"^(?:(?:however|meanwhile|but|and|also|still|instead|separately|earlier|later|then|now|"
    r"in addition|on the other hand|last (?:week|month|year)|this (?:week|month|year)|"
    r"earlier this (?:week|month|year)|(?:on|in|by|since|during|at the end of|early|late)\s+"
    r"[^,]{1,30}?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
    r"\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|[A-Z][a-z]+\s+\d{1,2}(?:,\s*\d{4})?|\d{4})\s*,\s+)+",
    re.IGNORECASE,
)
# a sentence-opening conjunction, without its comma ("But Suga dismissed the statement")
_CONJUNCTION = re.compile(r"^(?:But|And|Yet|Still|Meanwhile)\s+")
_CHRONOLOGY_DATE = re.compile(
    r"^\W*(?:[A-Za-z]*\.?\s*\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+[A-Z][a-z]+\.?)"
    r"(?:,?\s*\d{4})?\s*[-–—:]+\s+"
)
# a live page's clock before its entry: "07:25 - Selvik airport has closed"
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[-–—|]\s+")
# ", Foreign Minister Sergei Lavrov said on Tuesday." -> speaker
_ATTRIBUTION = re.compile(
    r",\s*(?:(?:the|a)\s+)?(?P<who>(?:[A-Z][\w'’.-]*\s+){0,5}?(?P<last>[A-Z][\w'’-]+|[a-z]+(?:\s+"
    r"[a-z]+)?))\s+(?:said|says|told\s+(?:reporters|journalists|a news conference|parliament)|"
    r"announced|added|wrote|reported|confirmed)(?:\s+(?:on|late on|early on)?\s*[\w ,]{0,25})?"
    r"[.!]?$"
)
_ANAPHORIC_START = re.compile(
    r"^(?:(?:after|before|following|at|during|since)\s+(?:that|this|the|these|those)\s+\w+|"
    r"(?:it|they|this|that|these|those|he|she|his|her|its|their)\b|"
    r"the (?:second|third|fourth|fifth|latter|former|move|decision|statement|announcement|step)"
    r"\s+(?:was|were|is|are|has|had|will|came|took|followed)\b)",
    re.IGNORECASE,
)
# a quotation that is the whole sentence but for its attribution
_QUOTED = re.compile(r"^[“\"](?P<q>[^”\"]{20,}?)[,.]?[”\"]\s*,?\s+(?P<rest>.+)$")
_SPEAKER = re.compile(
    r"^(?:(?:the|a)\s+)?(?:[\w'’.-]+\s+){0,6}?(?P<last>[A-Z][\w'’-]+)\s+(?:said|says|"
    r"told|added|wrote|announced)\b"
)
_BOUNDARIES = (";", ",", " - ", " – ", " — ", ":")
# a cut must not end on a word that needs what follows ("... and, before that")
_DANGLING = frozenset(
    {"and", "or", "but", "that", "which", "who", "whose", "where", "when", "while", "as",
     "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "than",
     "before", "after", "since", "until", "because", "if", "whether", "including", "about"}
)  # fmt: skip
_NUMBER_INSIDE = re.compile(r"\d[,.]$")
# "its chief executive, May Lindqvist, would ...": the commas around a name set off in
# apposition are no clause boundary
_APPOSITION = re.compile(r",\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,")
# a cut must keep a verb: "The deal, the largest of its kind" is a subject without one
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|must|may|might|shall|"
    r"should|did|does|do|said|says|met|held|won|lost|began|left|took|made|gave|came|went|sent|"
    r"led|fell|rose|broke|struck|shot|hit|cut|set|put|spoke|fled|saw|got|ran|told|paid|sold|"
    r"grew|drew|threw|flew|bought|brought|thought|found|kept|built|meets|says|agrees|signs|"
    r"\w{2,}ed)\b",
    re.IGNORECASE,
)
_QUOTES = '"“”'
# a relative clause's verb is not the sentence's: "Einar Solvik, the skipper who carried the
# last evacuees out" has none
_RELATIVE = re.compile(r"\b(?:who|which|whose|whom)\b[^,;]*")
# subordinate clauses a headline can do without ("were seized after it declared war")
_SUBORDINATE = (" after ", " as ", " while ", " when ", " because ", " amid ", " following ")


def _subordinate(head: str, mark: str, after: str) -> bool:
    """A subordinate clause (or, after "after", "amid" and "following", a phrase) opens at
    `mark`: "as traders hoarded flour", not "a declaration as the basis"."""
    if len(head.split()) < 7:
        return False
    if "," in head:
        tail = head.rsplit(",", 1)[1]
        if len(tail.split()) <= 4 and _VERBISH.search(tail) is None:
            return False  # ", almost eleven years after ...": the measure belongs to the clause
    if mark in (" after ", " amid ", " following "):
        return True
    return _VERBISH.search(" ".join(after.split()[:6])) is not None


# the word after "and" that opens a second predicate of the same subject
_PREDICATE_NEXT = re.compile(
    r"(?:told|said|says|called|accused|warned|urged|asked|added|vowed|threatened|promised|"
    r"demanded|agreed|signed|met|held|left|took|gave|sent|summoned|announced|\w{3,}ed)\b"
)


def _open_quote(text: str) -> bool:
    straight = text.count('"') % 2 == 1
    curly = text.count("“") > text.count("”")
    return straight or curly


def _cut(words: list[str], limit: int) -> str | None:
    """The longest prefix of at most `limit` words that ends at a clause boundary, outside a
    quotation, a number and a name."""
    text = " ".join(words[:limit])
    whole = " ".join(words)
    set_off = {p for m in _APPOSITION.finditer(whole) for p in (m.start(), m.end() - 1)}
    best = None
    for mark in (*_BOUNDARIES, " and ", *_SUBORDINATE):
        pos = text.find(mark)
        while pos != -1:
            head = text[:pos].rstrip()
            after = text[pos + len(mark) :]
            # a second predicate ends a cut only after a first one of some weight: not
            # "Putin and Abe last met in November" for "... and agreed to accelerate talks"
            second = len(head.split()) >= 9 and _PREDICATE_NEXT.match(after) is not None
            if (mark == " and " and not second) or (
                mark in _SUBORDINATE and not _subordinate(head, mark, after)
            ):
                pos = text.find(mark, pos + 1)
                continue  # "summoned X and told him", "seized ... after it declared war"
            if (
                len(head.split()) >= 5
                and head.split()[-1].lower().strip("\"'“”‘’") not in _DANGLING
                and not _open_quote(head)
                and not _NUMBER_INSIDE.search(head + text[pos : pos + 1])
                and not (mark == "," and text[pos + 1 : pos + 2].isdigit())
                and _VERBISH.search(_RELATIVE.sub("", head)) is not None
                and not (mark == "," and pos in set_off)
            ):
                best = head if best is None or len(head) > len(best) else best
            pos = text.find(mark, pos + 1)
    return best


def headline(sentence: str, max_words: int = MAX_WORDS) -> str:
    """A one-line headline from the sentence that reports an event."""
    s = _SPACE.sub(" ", sentence).strip()
    s = _CLOCK.sub("", _CHRONOLOGY_DATE.sub("", s, count=1), count=1)
    quoted = _QUOTED.match(s)
    if quoted is not None and (said := _SPEAKER.match(quoted.group("rest"))) is not None:
        s = f"{quoted.group('q').rstrip(' ,.')}, {said.group('last')} says"
    stripped = _CONJUNCTION.sub("", _LEADING.sub("", s, count=1), count=1)
    if len(stripped.split()) >= 4:
        s = stripped
    attribution = _ATTRIBUTION.search(s)
    if attribution is not None and attribution.start() > 20:
        speaker = attribution.group("last")
        body = s[: attribution.start()].rstrip(" ,")
        if not _open_quote(body):
            plural = speaker[:1].islower() and speaker.endswith("s")  # "officials say"
            s = f"{body}, {speaker} say" if plural else f"{body}, {speaker} says"
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    s = s.rstrip(" .")
    words = s.split(" ")
    if len(words) <= max_words + 3:  # a few words over reads better than a cut
        return s
    cut = _cut(words, max_words + 3) or _cut(words, max_words * 2)
    if cut is not None:
        return cut.rstrip(" ,;:-—–")
    if len(words) <= max_words * 2:
        return s  # no clause boundary: a long line beats a cut one
    # the first words, ended after a complete word outside quotes and numbers
    n = max_words + 5
    while n < len(words) and (_open_quote(" ".join(words[:n])) or words[n - 1][-1:].isdigit()):
        n += 1
    while n > max_words and n < len(words) and words[n - 1].lower().strip(",;:") in _DANGLING:
        n -= 1  # never end on "an", "of", "the": "... represented an…"
    return " ".join(words[:n]).rstrip(" ,;:-—–") + ("…" if n < len(words) else "")


def stands_alone(sentence: str) -> bool:
    """False for a sentence that leans on the one before ("After that meeting, Egypt said",
    "It also took issue", "The third was completed")."""
    s = _LEADING.sub("", _SPACE.sub(" ", sentence).strip().lstrip(_QUOTES), count=1)
    return _ANAPHORIC_START.match(s) is None
