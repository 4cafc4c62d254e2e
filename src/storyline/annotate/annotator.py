"""The annotate stage: sentences, named-entity mentions and time expressions.

One light spaCy pass per article: the tokenizer, the rule-based sentencizer and the
statistical NER (which carries its own embedding layer). The tagger, parser, attribute
ruler and lemmatizer are left out: they more than double the cost and no stage needs them
for the whole text. The time tagger parses, on demand, only the few sentences where a
verb's tense decides a date ("on Monday" said vs. will). Sentence boundaries also fall at
line breaks, since scraped paragraphs rarely end in punctuation. Time expressions are
anchored at the article's publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from typing import Any

from storyline.config import AnnotateConfig
from storyline.model import Article, EntityMention, Granularity, Sentence
from storyline.nlp import load_nlp, recognise

log = logging.getLogger(__name__)

# spaCy labels that name things a registry can track (numbers and dates are handled elsewhere).
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
_LINE_BREAK = re.compile(r"\n+")
_WORD = re.compile(r"\w")
# The most characters spaCy is given at once (its own limit is 1,000,000; its NER needs
# about 4.5 KB of memory per character).
CHUNK_CHARS = 100_000


def load_annotator(model: str) -> Any:
    """The spaCy pipeline the annotate stage uses (cached per process): the one pipeline
    every stage of this process shares (`storyline.nlp`)."""
    return load_nlp(model)


def split_sentences(text: str, doc: Any, max_chars: int, offset: int = 0) -> tuple[Sentence, ...]:
    """Sentence spans from spaCy, also broken at line breaks, trimmed of whitespace.

    Spans longer than `max_chars` (lists, tables, run-on page chrome) are dropped. `doc` may
    be of a piece of `text` that starts at `offset` (see `chunks`).
    """
    out: list[Sentence] = []
    for sent in doc.sents:
        start = offset + sent.start_char
        piece = text[start : offset + sent.end_char]
        pos = 0
        for m in [*_LINE_BREAK.finditer(piece), None]:
            end = m.start() if m is not None else len(piece)
            _add_span(out, text, start + pos, start + end, max_chars)
            if m is not None:
                pos = m.end()
    return tuple(out)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """`text` cut into consecutive pieces of at most `size` characters, each ending at a
    paragraph break where there is one in its second half, else a line break, else a space
    (else a hard cut): spaCy then never sees more than `size` characters at once, so its
    memory stays bounded (about 450 MB for 100,000 characters) and its time linear."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > size:
        limit = start + size
        half = start + size // 2
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, half, limit)
            if cut != -1:
                cut += len(sep)
                break
        if cut == -1:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _add_span(out: list[Sentence], text: str, start: int, end: int, max_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2 or end - start > max_chars or not _WORD.search(text[start:end]):
        return
    out.append(Sentence(start, end, text[start:end]))


def entity_mentions(doc: Any, offset: int = 0) -> tuple[EntityMention, ...]:
    return tuple(
        EntityMention(offset + ent.start_char, offset + ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    )


def _anchor(article: Article) -> dt.date | None:
    """The document creation time for the tagger: a trusted publication day, else None
    (a month, a year or an inferred date cannot anchor "on Monday")."""
    pub = article.published
    if pub is None or pub.granularity is not Granularity.DAY:
        return None
    if article.published_how == "text-inferred":
        return None
    return pub.start


def annotate_articles(
    articles: Sequence[Article], config: AnnotateConfig | None = None
) -> list[Article]:
    """Fill `sentences`, `mentions` and `times` of each article (same order).

    Articles are processed in batches with `nlp.pipe`; the publication date, when known,
    anchors relative time expressions ("on Monday"), otherwise they stay unresolved.
    """
    from storyline.temporal import tag_times

    cfg = config or AnnotateConfig()
    nlp = load_annotator(cfg.model)
    pieces = [(i, span) for i, a in enumerate(articles) for span in chunks(a.text)]
    texts = (articles[i].text[s:e] for i, (s, e) in pieces)
    sentences: dict[int, list[Sentence]] = {}
    mentions: dict[int, list[EntityMention]] = {}
    for (i, (start, _)), doc in zip(pieces, recognise(nlp, texts, cfg.batch_size), strict=True):
        text = articles[i].text
        sentences.setdefault(i, []).extend(
            split_sentences(text, doc, cfg.max_sentence_chars, start)
        )
        mentions.setdefault(i, []).extend(entity_mentions(doc, start))
    out: list[Article] = []
    for i, article in enumerate(articles):
        dct = _anchor(article)
        out.append(
            dataclasses.replace(
                article,
                sentences=tuple(sentences.get(i, ())),
                mentions=tuple(mentions.get(i, ())),
                times=tuple(tag_times(article.text, dct, model=cfg.model)),
            )
        )
    return out
