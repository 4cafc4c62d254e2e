"""A spaCy attribute ruler's rules applied by table lookup: the same attributes on the same
tokens, at a fraction of the cost on short Docs.

    rules = AttributeRules.of(nlp.get_pipe("attribute_ruler"))   # None: rules it cannot read
    doc = rules(doc)                                              # as the component would

The small English model's attribute ruler maps each fine-grained tag to its part of speech
and morphology, with word-specific exceptions ("ai n't", "gon na"): 179 rules of one or two
tokens, each a test on the tag, the lowercase form, the dependency label or whether the
token is a space. The component runs a general `Matcher` over every Doc; on the one-sentence
Docs of the parse pass that cost as much as the parser. Here each rule is indexed by the tag
or the word its first token must have, so a token is tested only against the few rules that
can match it; the matches are then applied as the component applies them (in rule order,
a later rule overriding an earlier one, every match found before any is applied).

A rule set with anything else (another attribute, an operator, a longer pattern) is not
read: `of` returns None and the component itself runs.

A leaf module (spaCy only).
"""

from __future__ import annotations

import re
from typing import Any

# the attributes a rule may test, and where the lookup reads them
_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TAG, _LOWER, _DEP, _IS_SPACE = range(4)
_WORDS_KEPT = 100_000  # words whose regular-expression rules are kept (then forgotten)
Pattern = tuple[int, list[dict[int, Any]]]  # (rule, one {column: wanted value} per token)


class _Unsupported(Exception):
    pass


def _test(vocab: Any, key: str, value: Any) -> tuple[int, Any]:
    """(column, predicate over the column's value and the token) of one key of a token
    pattern; raises _Unsupported for what the lookup does not read."""
    if key not in _KEYS:
        raise _Unsupported(key)
    col = _KEYS.index(key)
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise _Unsupported(value)
        return col, int(value)
    if isinstance(value, str):
        return col, vocab.strings.add(value)
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), *_ = value.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
            return col, (op, frozenset(vocab.strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str) and key == "LOWER":
            return col, (op, re.compile(arg))
    raise _Unsupported(value)


class AttributeRules:
    """The rules of one attribute ruler (see the module's docstring)."""

    def __init__(self, ruler: Any) -> None:
        vocab = ruler.vocab
        self.attrs: list[dict[int, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        # rule id -> its token patterns, each a list of {column: wanted value}
        patterns: list[tuple[int, list[dict[int, Any]]]] = []
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not 1 <= len(pattern) <= 2:
                    raise _Unsupported(pattern)
                tokens = []
                for token in pattern:
                    tests = dict(_test(vocab, k, v) for k, v in token.items())
                    if not tests:
                        raise _Unsupported(token)
                    tokens.append(tests)
                patterns.append((rule, tokens))
        # Each pattern is found through its first token: under each word that token's
        # lowercase test accepts (`by_word`), among those it tests with a regular
        # expression (`by_regex`), else among those that do not read the word, whose
        # match depends only on the tag, the dependency and IS_SPACE (`by_class`: one
        # list per class of token, made when a class is first seen).
        self.by_word: dict[int, list[Pattern]] = {}
        self.by_regex: list[Pattern] = []
        self.wordless: list[Pattern] = []
        for rule, tokens in patterns:
            lower = tokens[0].get(_LOWER)
            if isinstance(lower, int):
                self.by_word.setdefault(lower, []).append((rule, tokens))
            elif isinstance(lower, tuple) and lower[0] == "IN":
                for word in sorted(lower[1]):
                    self.by_word.setdefault(word, []).append((rule, tokens))
            elif lower is not None:
                self.by_regex.append((rule, tokens))
            else:
                self.wordless.append((rule, tokens))
        self.by_class: dict[tuple[int, int, int], tuple[list[int], list[Pattern]]] = {}
        self.regex_words: dict[int, list[Pattern]] = {}  # word -> the by_regex it fits

    @classmethod
    def of(cls, ruler: Any) -> AttributeRules | None:
        """The lookup of `ruler`'s rules, or None when a rule uses what it does not read."""
        try:
            return cls(ruler)
        except _Unsupported:
            return None

    def _of_class(self, row: tuple[int, ...], doc: Any, i: int) -> tuple[list[int], list[Pattern]]:
        """The rules of one token that do not read the word and that a token of this class
        (tag, dependency, IS_SPACE) matches, and the longer such patterns it starts."""
        key = (row[_TAG], row[_DEP], row[_IS_SPACE])
        found = self.by_class.get(key)
        if found is None:
            fits = [(r, t) for r, t in self.wordless if _fits(t[0], row, doc, i)]
            found = ([r for r, t in fits if len(t) == 1], [(r, t) for r, t in fits if len(t) > 1])
            self.by_class[key] = found
        return found

    def _of_word(self, row: tuple[int, ...], doc: Any, i: int) -> list[Pattern]:
        """The patterns a token's word may start: those listing it, those whose regular
        expression it fits (known by word: at most `_WORDS_KEPT` words are kept)."""
        word = row[_LOWER]
        regex = self.regex_words.get(word)
        if regex is None:
            regex = [(r, t) for r, t in self.by_regex if _fits(t[0], row, doc, i, only=_LOWER)]
            if len(self.regex_words) >= _WORDS_KEPT:
                self.regex_words.clear()
            self.regex_words[word] = regex
        listed = self.by_word.get(word)
        return [*listed, *regex] if listed else regex

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()] if n else []
        # (rule, start, end, the token it sets), as the component's Matcher finds them
        found: list[tuple[int, int, int, int]] = []
        for i, row in enumerate(rows):
            rules, longer = self._of_class(row, doc, i)
            found.extend((rule, i, i + 1, i) for rule in rules)
            for rule, tokens in (*longer, *self._of_word(row, doc, i)):
                end = i + len(tokens)
                if end > n or not all(
                    _fits(t, rows[j], doc, j) for j, t in zip(range(i, end), tokens, strict=True)
                ):
                    continue
                index = self.indices[rule]
                target = (i if index >= 0 else end) + index
                if not i <= target < end:
                    raise ValueError(f"attribute rule {rule}: index {index} out of its match")
                found.append((rule, i, end, target))
        # applied in the component's order: by rule, then by position
        found.sort()
        for rule, _, _, target in found:
            set_token_attrs(doc[target], self.attrs[rule])
        return doc


def _fits(
    tests: dict[int, Any], row: tuple[int, ...], doc: Any, i: int, only: int | None = None
) -> bool:
    """Whether token `i` of `doc` (its row of `_KEYS` values) passes every test of a token
    pattern (`only`: the test of that column alone)."""
    for col, want in tests.items():
        if only is not None and col != only:
            continue
        if isinstance(want, int):
            ok = row[col] == want
        else:
            op, arg = want
            if op == "IN":
                ok = row[col] in arg
            elif op == "NOT_IN":
                ok = row[col] not in arg
            else:  # REGEX, on the lowercase form
                ok = arg.search(doc[i].lower_) is not None
        if not ok:
            return False
    return True
