"""The Porter stemmer exactly as ROUGE-1.5.5 applies it.

ROUGE-1.5.5 ships its own regular-expression port of Porter (1980), with one local
change in step 4 (a word ending in "-ement" is not also tried for "-ment"/"-ent" in the
same rule; "-ment" and "-ent" are tried as separate rules afterwards). Its `-m` option
first looks a lower-cased token up in the WordNet 2.0 exception lists (irregular forms,
e.g. "children" -> "child") and only stems tokens that are not listed.

This module reimplements that behaviour; it is not NLTK's PorterStemmer (whose
ORIGINAL_ALGORITHM mode differs on step 4 and on the exception lookup).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_C = "[^aeiou]"  # consonant
_V = "[aeiouy]"  # vowel
_CS = f"{_C}[^aeiouy]*"  # consonant sequence
_VS = f"{_V}[aeiou]*"  # vowel sequence

_MGR0 = re.compile(f"^({_CS})?{_VS}{_CS}")  # m > 0
_MEQ1 = re.compile(f"^({_CS})?{_VS}{_CS}({_VS})?$")  # m == 1
_MGR1 = re.compile(f"^({_CS})?{_VS}{_CS}{_VS}{_CS}")  # m > 1
_HAS_V = re.compile(f"^({_CS})?{_V}")  # vowel in stem
_CVC = re.compile(f"^{_CS}{_V}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}
# Alternation order matters (leftmost match, then first alternative): keep ROUGE's order.
_STEP2_RE = re.compile(
    "(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism"
    "|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP3_RE = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_SSES_IES = re.compile("(ss|i)es$")
_S = re.compile("([^s])s$")
_EED = re.compile("eed$")
_ED_ING = re.compile("(ed|ing)$")
_AT_BL_IZ = re.compile("(at|bl|iz)$")
_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_Y = re.compile("y$")
_MENT = re.compile("ment$")
_ENT = re.compile("ent$")
_SION_TION = re.compile("(s|t)(ion)$")
_E = re.compile("e$")


def porter_stem(word: str) -> str:
    """Stem one lower-case word with ROUGE-1.5.5's Porter stemmer (no exception lookup)."""
    if len(word) < 3:
        return word
    w = word
    initial_y = w[0] == "y"
    if initial_y:
        w = "Y" + w[1:]

    # Step 1a
    if (m := _SSES_IES.search(w)) or (m := _S.search(w)):
        w = w[: m.start()] + m.group(1)
    # Step 1b
    if m := _EED.search(w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif m := _ED_ING.search(w):
        stem = w[: m.start()]
        if _HAS_V.search(stem):
            w = stem
            if _AT_BL_IZ.search(w):
                w += "e"
            elif _DOUBLE.search(w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # Step 1c
    if (m := _Y.search(w)) and _HAS_V.search(w[: m.start()]):
        w = w[: m.start()] + "i"
    # Step 2
    if m := _STEP2_RE.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2[m.group(1)]
    # Step 3
    if m := _STEP3_RE.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3[m.group(1)]
    # Step 4 (with ROUGE's 2004 change for -ement)
    if (m := _STEP4_RE.search(w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if (m := _MENT.search(w)) and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if m := _ENT.search(w):
        if _MGR1.search(w[: m.start()]):
            w = w[: m.start()]
    elif m := _SION_TION.search(w):
        stem = w[: m.start()] + m.group(1)
        if _MGR1.search(stem):
            w = stem
    # Step 5
    if m := _E.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]

    if initial_y:
        w = "y" + w[1:]
    return w


@cache
def wordnet_exceptions() -> dict[str, str]:
    """ROUGE's WordNet 2.0 exception table: irregular form -> base form."""
    text = resources.files("storyline.evaluate").joinpath("data/wordnet_exceptions.tsv")
    table: dict[str, str] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        form, _, base = line.partition("\t")
        if form:
            table[form] = base
    return table


def rouge_stem(token: str) -> str:
    """ROUGE-1.5.5's MorphStem: the WordNet exception if listed, else the Porter stem."""
    low = token.lower()
    base = wordnet_exceptions().get(low)
    if base is not None:
        return base
    return porter_stem(low)
