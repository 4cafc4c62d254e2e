"""Name normalisation: surface clean-up, transliteration skeletons and edit distance.

These are pure string functions used by the entity registry to decide which surface
forms may name the same entity. They never decide alone: the registry combines them
with types, documents and roles.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from storyline.data import months, weekdays

# Words that start a name span in NER output but are not part of the name.
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "pm", "president", "premier",
        "minister", "chancellor", "king", "queen", "prince", "princess", "gen", "general",
        "sen", "senator", "rep", "gov", "governor", "mayor", "judge", "justice", "pope",
        "lord", "lady", "ambassador", "spokesman", "spokeswoman", "secretary", "aide",
    }
)  # fmt: skip
MONTHS = frozenset(months())
WEEKDAYS = frozenset(weekdays())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
# "al-Hadidi", "el-Sisi", "bin Salman": a lower-case particle before a capitalised name
_PARTICLE_START = re.compile(r"^(?:al|el|bin|ibn|abu|van|von|de|da|di|du|le|la)[-‐ ][A-Z]")
_JOINING = frozenset({"of", "and", "the", "for", "de", "des", "du", "la", "le", "on", "in", "&"})
# "Brightwater Grid of" (a span run into the next words): joining words cut from the end.
_TRAILING_FUNCTION = re.compile(r"(?:\s+(?:of|and|the|for|in|on|at|to|with))+$")


def clean_surface(text: str) -> str:
    """The name as it should be shown: first line only, no leading "the", no possessive.

    >>> clean_surface("the Kuril Islands\\n    Community")
    'Kuril Islands'
    >>> clean_surface("Vladimir Putin\u2019s")
    'Vladimir Putin'
    """
    first = text.strip().split("\n", 1)[0].strip()
    first = _SPACES.sub(" ", first.translate(_APOSTROPHES))
    first = _POSSESSIVE.sub("", first).strip(" .,;:-\"'()[]")
    if first[:4].lower() == "the ":
        from storyline.corpus.entities.gazetteer import keeps_the

        if not keeps_the(first):
            first = first[4:].strip()
    first = _TRAILING_FUNCTION.sub("", first)
    return first


def strip_titles(name: str) -> str:
    """Drop leading honorifics and titles ("PM Abe" -> "Abe")."""
    tokens = name.split(" ")
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in _TITLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def is_plausible_name(name: str) -> bool:
    """Reject NER debris: no letters, slashes, very long spans, all-lowercase text. A long
    name (up to ten words) passes when it is capitalised but for joining words ("International
    Federation of Red Cross and Red Crescent Societies")."""
    if not name or len(name) > 80 or "/" in name or "|" in name:
        return False
    if not _LETTER.search(name):
        return False
    tokens = name.split(" ")
    if len(tokens) > 10 or (
        len(tokens) > 6 and not all(t[:1].isupper() or t in _JOINING for t in tokens)
    ):
        return False
    return name[0].isupper() or name[0].isdigit() or bool(_PARTICLE_START.match(name))


def name_key(name: str) -> str:
    """Case- and accent-insensitive identity of a surface form."""
    return fold(name).lower()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip accents and punctuation marks inside words, keep letters, digits and spaces."""
    nfkd = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in nfkd if not unicodedata.combining(c))
    plain = re.sub(r"[^\w\s-]", "", plain)
    return _SPACES.sub(" ", plain.replace("-", " ")).strip()


# Ordered rewrite rules that map common romanisations of Slavic, Arabic and Asian names to
# one skeleton: Sergei/Sergey, Yuri/Yury/Iouri, Dmitri/Dmitry, Zelensky/Zelenskiy,
# Aleksandr/Alexander, Khodorkovsky/Hodorkovsky. Vowels are kept: Kono and Kano differ.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"^el$", "al"),  # Arabic article: el-Sisi / al-Sisi
        (r"iy\b", "y"),
        (r"yi\b", "y"),
        (r"ij\b", "y"),
        (r"ii\b", "y"),
        (r"ei\b", "ey"),
        (r"ai\b", "ay"),
        (r"oi\b", "oy"),
        (r"^iou", "yu"),
        (r"^iu", "yu"),
        (r"^ia", "ya"),
        (r"^j(?=[aeiou])", "y"),
        (r"ks", "x"),
        (r"kh", "h"),
        (r"ch", "h"),
        (r"tz", "ts"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"ff\b", "v"),
        (r"ou", "u"),
        (r"ee", "i"),
        (r"([a-z])\1", r"\1"),
        (r"i\b", "y"),
        (r"er\b", "r"),
    )
)


@functools.lru_cache(maxsize=65536)
def skeleton_token(token: str) -> str:
    """A romanisation-insensitive skeleton of one name token."""
    s = fold(token).lower()
    for pattern, repl in _SKELETON_RULES:
        s = pattern.sub(repl, s)
    return s


def skeleton(name: str) -> str:
    """The transliteration skeleton of a whole name: tokens skeletonised and joined."""
    return " ".join(skeleton_token(t) for t in fold(name).split(" ") if t)


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting an adjacent transposition as one edit."""
    if a == b:
        return 0
    rows = len(a) + 1
    cols = len(b) + 1
    d = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        d[i][0] = i
    for j in range(cols):
        d[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def is_calendar_word(name: str) -> bool:
    """True for month and weekday names, which NER sometimes mistakes for people."""
    return name_key(name) in MONTHS or name_key(name) in WEEKDAYS
