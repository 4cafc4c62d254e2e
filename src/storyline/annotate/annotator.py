"""The annotate stage: sentences, named-entity mentions and time expressions.

One light spaCy pass per article: the tokenizer and the rule-based sentencizer; the
statistical NER (which carries its own embedding layer) on the sentences later stages read
(`annotate.names`; every sentence with `annotate.ner_scope = "all"`). The tagger, parser,
attribute ruler and lemmatizer are left out: they more than double the cost and no stage
needs them for the whole text. The time tagger parses, on demand, only the few sentences where a
verb's tense decides a date ("on Monday" said vs. will). Sentence boundaries also fall at
line breaks, since scraped paragraphs rarely end in punctuation. Time expressions are
anchored at the article's publication date.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence
from typing import Any

from storyline.annotate.names import find_names, read_sentences
from storyline.config import AnnotateConfig
from storyline.model import Article, EntityMention, Granularity, Sentence, TimeExpression
from storyline.nlp import load_nlp, recognise, segment
from storyline.temporal import lexicon as lex
from storyline.temporal.rules_common import MONTH_CONTEXT

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
    """Fill `sentences`, `mentions`, `times` and `events` of each article (same order).

    One spaCy pass (`nlp.pipe`) gives sentences; the time tagger runs twice over one scan
    of the rules' matches per text (`scan_times`): a first pass finds which sentences need
    a parse (a tense question, a date, the lead of a dated article), those are parsed in
    one batch, and the second pass reads tense from the parses. Then the names: with
    `ner_scope` "read" the statistical NER runs on the sentences that hold a time
    expression and the lead only, and the names it found are recovered in the rest
    (`annotate.names`); with "all" the first pass ran it over every sentence. The event
    layer reads the parses and the names. The publication date, when trusted, anchors
    relative expressions ("on Monday"); otherwise they stay unresolved.
    """
    from storyline.annotate.syntax import ParsePlan, parse_batch
    from storyline.events import extract_events
    from storyline.events.chronology import is_chronology_entry
    from storyline.temporal import scan_times, tag_times

    cfg = config or AnnotateConfig()
    nlp = load_annotator(cfg.model)
    scoped = cfg.ner_scope == "read"
    pieces = [(i, span) for i, a in enumerate(articles) for span in chunks(a.text)]
    texts = (articles[i].text[s:e] for i, (s, e) in pieces)
    sentences: dict[int, list[Sentence]] = {}
    mentions: dict[int, list[EntityMention]] = {}
    docs: list[list[tuple[int, Any]]] = [[] for _ in articles]  # scoped: each piece's Doc
    spacy_pass = segment if scoped else recognise
    for (i, (start, _)), doc in zip(pieces, spacy_pass(nlp, texts, cfg.batch_size), strict=True):
        text = articles[i].text
        sentences.setdefault(i, []).extend(
            split_sentences(text, doc, cfg.max_sentence_chars, start)
        )
        if scoped:
            docs[i].append((start, doc))
        else:
            mentions.setdefault(i, []).extend(entity_mentions(doc, start))
    named = [
        dataclasses.replace(
            a, sentences=tuple(sentences.get(i, ())), mentions=tuple(mentions.get(i, ()))
        )
        for i, a in enumerate(articles)
    ]
    plans = [ParsePlan(a) for a in named]
    scans = [scan_times(a.text) for a in named]  # the rules' matches, for both passes
    for article, plan, scanned in zip(named, plans, scans, strict=True):
        dct = _anchor(article)
        plan.want_dated(tag_times(article.text, dct, tense=plan.tense, scanned=scanned))
        if dct is not None:
            plan.want_lead(cfg.lead_sentences)
    parse_batch(plans, nlp, max_per_article=cfg.max_parsed_sentences)
    times = [
        tag_times(article.text, _anchor(article), tense=plan.tense, scanned=scanned)
        for article, plan, scanned in zip(named, plans, scans, strict=True)
    ]
    if scoped:  # the names, now that the sentences later stages read are known
        read = [
            read_sentences(a.sentences, t, cfg.lead_sentences, parsed=plan.docs)
            for a, t, plan in zip(named, times, plans, strict=True)
        ]
        found = find_names(
            nlp,
            docs,
            [a.sentences for a in named],
            read,
            ENTITY_LABELS,
            batch_size=cfg.batch_size,
            recover=cfg.recover_names,
        )
        del docs
        named = [dataclasses.replace(a, mentions=m) for a, m in zip(named, found, strict=True)]
    out: list[Article] = []
    for article, plan, tagged in zip(named, plans, times, strict=True):
        dated = dataclasses.replace(
            article, times=_outside_names(tagged, article.mentions, article.text)
        )
        chronology = frozenset(
            i for i in plan.docs if is_chronology_entry(article.sentences[i].text)
        )
        events = extract_events(dated, plan.docs, chronology=chronology)
        out.append(dataclasses.replace(dated, events=events))
    return out


# a time expression inside a person's or an organisation's name is part of the name
# ("Theresa May", "the November 15 Association")
_NAME_LABELS = frozenset({"PERSON", "ORG"})


_GIVEN_NAME_THEN_MONTH = re.compile(
    r"(?<![.!?] )(?<![.!?]\n)\b([A-Z][a-z]+)[ \t]+(April|May|June|August)\b(?![ \t]*,?[ \t]*\d)"
)


def _outside_names(
    times: Sequence[TimeExpression], mentions: Sequence[EntityMention], text: str = ""
) -> tuple[TimeExpression, ...]:
    """The time expressions that are not part of a name: inside a PERSON or ORG mention, or
    a lone month word that is a word of a person's name in the same article ("Irena May
    won ... May voted in Ravela"), unless a time word introduces it ("in May")."""
    names = sorted((m.start, m.end) for m in mentions if m.label in _NAME_LABELS)
    starts = [s for s, _ in names]
    person_words = {
        w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()
    }
    for m in _GIVEN_NAME_THEN_MONTH.finditer(text):  # "Irena May" even where NER split it
        first = m.group(1).lower()
        if first not in MONTH_CONTEXT and first not in lex.WEEKDAYS and first not in lex.MONTHS:
            person_words.add(m.group(2))
    out = []
    for t in times:
        i = bisect.bisect_right(starts, t.start) - 1
        inside = i >= 0 and names[i][0] <= t.start and t.end <= names[i][1]
        if inside:
            continue
        if t.text in person_words and t.text.lower() in lex.MONTHS:
            before = text[max(0, t.start - 12) : t.start].lower().split()
            if not before or before[-1] not in MONTH_CONTEXT:
                continue
        out.append(t)
    return tuple(out)
