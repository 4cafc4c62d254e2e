"""Undoing Penn-Treebank tokenisation, as benchmark corpora (Timeline17, Crisis) ship text:
"Earth 's surface -LRB- the crust -RRB- moved , officials said . ''" becomes
"Earth's surface (the crust) moved, officials said.\"".

    >>> detokenize("On 12 January 2010 , a quake hit Haiti -LRB- see map -RRB- .")
    'On 12 January 2010, a quake hit Haiti (see map).'
    >>> detokenize("`` We do n't know , '' he said .")
    '"We don\\'t know," he said.'

Only the news-tls reader uses it, and only on text that carries the tokeniser's marks
(`looks_tokenized`): the product's other stages read ordinary prose. Line breaks are kept.
"""

from __future__ import annotations

import re

_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_BRACKET_RE = re.compile(r"-[LR][RSC]B-")
# clitics the tokeniser splits off: "do n't", "Earth 's", "they 're", "I 've"
_CLITIC_RE = re.compile(r"(?<=\w) (n't|'s|'re|'ve|'m|'ll|'d|'S|'RE|'VE|'M|'LL|'D|N'T)\b")
# "the parents ' house": a plural possessive (an apostrophe after s, before a word)
_PLURAL_POSSESSIVE_RE = re.compile(r"(?<=[sS]) '(?= \w)")
_SPACE_BEFORE_RE = re.compile(r" +([,.;:!?%)\]}]|\.\.\.)")
_SPACE_AFTER_RE = re.compile(r"([(\[{$#]) +")
_OPEN_QUOTE_RE = re.compile(r"``\s*")
_CLOSE_QUOTE_RE = re.compile(r"\s*''")
_OPEN_SINGLE_RE = re.compile(r"(?<![\w`])`(?!`)\s*")
_SPACES_RE = re.compile(r"[ \t]{2,}")
_MARKS_RE = re.compile(r"-[LR][RSC]B-|``|'' | n't\b| 's\b| , | \. ?$", re.M)


def looks_tokenized(text: str, min_marks: int = 3) -> bool:
    """True when `text` carries at least `min_marks` marks of PTB tokenisation (bracket
    tokens, `` quotes, split clitics, a space before a comma or a final full stop)."""
    return len(_MARKS_RE.findall(text, 0, 20_000)) >= min_marks


def detokenize(text: str) -> str:
    """`text` with PTB tokens and token spacing turned back into ordinary prose."""
    out = []
    for line in text.split("\n"):
        s = _BRACKET_RE.sub(lambda m: _BRACKETS[m.group(0)], line)
        s = _OPEN_QUOTE_RE.sub('"', s)
        s = _CLOSE_QUOTE_RE.sub('"', s)
        s = _OPEN_SINGLE_RE.sub("'", s)
        s = _CLITIC_RE.sub(r"\1", s)
        s = _PLURAL_POSSESSIVE_RE.sub("'", s)
        s = _SPACE_BEFORE_RE.sub(r"\1", s)
        s = _SPACE_AFTER_RE.sub(r"\1", s)
        s = _tidy_quotes(s)
        out.append(_SPACES_RE.sub(" ", s).strip(" "))
    return "\n".join(out)


def _tidy_quotes(s: str) -> str:
    """Straight double quotes alternate open / close: no space inside either."""
    parts = s.split('"')
    if len(parts) < 3:
        return s
    rebuilt = parts[0]
    for i, part in enumerate(parts[1:], start=1):
        opening = i % 2 == 1  # odd quotes open, even ones close
        rebuilt = rebuilt + '"' + part.lstrip(" ") if opening else rebuilt.rstrip(" ") + '"' + part
    return rebuilt
