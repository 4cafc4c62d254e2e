"""The data the interactive viewer embeds: the `timeline.json` contract plus a `viewer` section.

    doc = viewer_document(timeline)          # to_json_dict(timeline) + {"viewer": {...}}
    block = embed_json(doc)                  # safe inside <script type="application/json">

The `viewer` section holds what the contract leaves out and the page needs:

- `sources`: the used articles numbered 1..n in **reading order** (first cited by the summary,
  then by the entries in timeline order, then by disagreements, then the rest), each with a
  display name (outlet, else the host of its URL, else "unknown outlet"), credits, the date in
  words and a link only when the URL is a safe http(s) URL;
- `entries`: per entry (same order as `entries[]`) the date in words, the interval it covers
  (`start`, `end` as ISO days), its citations (source number, the cited sentence, and the index
  of the paragraph of the article's text that contains it) and the ids of the entities its
  sentences name;
- `paragraphs`: the paragraphs of `article.text` that hold cited sentences, each once, found by
  the citation's character offsets (`start` is the paragraph's offset in the text).

A `changes` object (`{"new": [...], "updated": [...], "retired": [...]}`, from a store's
`changes.json`) is passed through when given or when the contract already carries one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from storyline.model import Article, EntrySentence, Timeline, TimelineEntry
from storyline.render._common import (
    Sources,
    date_label,
    finite,
    one_line,
    published_label,
    safe_url,
    single_source_note,
)
from storyline.render.jsondoc import to_json_dict

log = logging.getLogger(__name__)

PARAGRAPHS_PER_ENTRY = 60
"""Citations of one entry that get their paragraph embedded; later ones show the sentence only
(an entry cited by thousands of articles would otherwise make the page huge)."""

MAX_PARAGRAPH_CHARS = 1600
"""A longer paragraph is cut to a window around the cited sentence."""

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def embed_json(doc: Mapping[str, Any]) -> str:
    """JSON text that can sit inside ``<script type="application/json">``: compact, and with
    ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u`` escapes, so no string can close
    the element or open a comment (control characters are escaped by `json.dumps`)."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def reading_order(timeline: Timeline) -> dict[str, int]:
    """Article id -> source number (1-based) in the order a reader meets the citations: the
    numbering every renderer shares (`storyline.render._common.Sources`)."""
    return dict(Sources(timeline).number)


def viewer_document(timeline: Timeline, changes: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`to_json_dict(timeline)` with the `viewer` section (and `changes` when given)."""
    doc = to_json_dict(timeline)
    sources = Sources(timeline)
    numbers = reading_order(timeline)
    paragraphs = _Paragraphs()
    doc["viewer"] = {
        "sources": _sources(sources, numbers),
        "entries": [_entry(e, sources, numbers, paragraphs) for e in timeline.entries],
        "paragraphs": paragraphs.items,
    }
    if changes is not None:
        doc["changes"] = _changes(changes)
    elif isinstance(doc.get("changes"), Mapping):
        doc["changes"] = _changes(doc["changes"])
    return doc


def _entry_cites(entry: TimelineEntry) -> list[EntrySentence]:
    """One sentence per supporting article: `citations` first, then articles only `sentences`
    name (the order of `storyline.render._common.entry_cites`)."""
    seen: dict[str, EntrySentence] = {}
    for s in (*entry.citations, *entry.sentences):
        seen.setdefault(s.article, s)
    return list(seen.values())


def _sources(sources: Sources, numbers: dict[str, int]) -> list[Any]:
    by_id = sources.by_id
    out = []
    for article_id, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        a = by_id[article_id]
        out.append(
            {
                "n": n,
                "article": a.id,
                "name": sources.name(a.id),
                "outlet": a.source,
                "source_how": getattr(a, "source_how", None),
                "title": one_line(a.title) if a.title else None,
                "published_label": published_label(a),
                "published_how": a.published_how,
                "credits": list(a.credits),
                "href": safe_url(a.url),
                "copy_of": numbers.get(a.duplicate_of) if a.duplicate_of else None,
            }
        )
    return out


def _entry(
    entry: TimelineEntry,
    sources: Sources,
    numbers: dict[str, int],
    paragraphs: _Paragraphs,
) -> dict[str, Any]:
    cites = []
    for i, s in enumerate(_entry_cites(entry)):
        article = sources.by_id.get(s.article)
        para = None
        if article is not None and i < PARAGRAPHS_PER_ENTRY:
            para = paragraphs.index(article, s)
        cites.append(
            {
                "n": numbers.get(s.article),
                "article": s.article,
                "text": one_line(s.text),
                "start": s.start,
                "end": s.end,
                "para": para,
            }
        )
    return {
        "id": entry.id,
        "label": date_label(entry.date),
        "start": entry.date.start.isoformat(),
        "end": entry.date.end.isoformat(),
        "score": finite(entry.score),
        # the "single source" warning, only where it informs (_common.single_source_note)
        "single_note": single_source_note(entry, sources),
        "cites": cites,
        "entities": _entities_named(entry, sources),
    }


def _entities_named(entry: TimelineEntry, sources: Sources) -> list[str]:
    """Ids of the entities mentioned inside the entry's shown and cited sentences."""
    found: set[str] = set()
    for s in (*entry.sentences, *entry.citations):
        article = sources.by_id.get(s.article)
        if article is None:
            continue
        for m in article.mentions:
            if m.entity_id and m.start >= s.start and m.end <= s.end:
                found.add(m.entity_id)
    return sorted(found)


class _Paragraphs:
    """The paragraphs of cited sentences, each stored once."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._index: dict[tuple[str, int, int], int] = {}

    def index(self, article: Article, s: EntrySentence) -> int | None:
        span = paragraph_span(article.text, s.start, s.end, s.text)
        if span is None:
            return None
        key = (article.id, *span)
        if key not in self._index:
            self._index[key] = len(self.items)
            start, end = span
            text = article.text[start:end]
            self.items.append({"article": article.id, "start": start, "text": text})
        return self._index[key]


def paragraph_span(text: str, start: int, end: int, sentence: str = "") -> tuple[int, int] | None:
    """The [start, end) offsets of the paragraph of `text` holding the sentence at
    [start, end), or None when the offsets do not point at that sentence.

    Paragraphs are separated by line breaks (the cleaner joins them with blank lines). A
    paragraph longer than `MAX_PARAGRAPH_CHARS` is cut to a window around the sentence, at
    spaces.
    """
    if not text or not 0 <= start < end <= len(text):
        return None
    found, given = one_line(text[start:end]), one_line(sentence)
    if given and given not in found and found not in given:
        log.debug("citation offsets %d-%d do not match the sentence; no paragraph", start, end)
        return None
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    if p_end < 0:
        p_end = len(text)
    room = MAX_PARAGRAPH_CHARS - (end - start)
    if p_end - p_start > MAX_PARAGRAPH_CHARS:
        before = max(p_start, start - max(room // 2, 0))
        after = min(p_end, end + max(room - (start - before), 0))
        if before > p_start:
            space = text.find(" ", before, start)
            before = space + 1 if space >= 0 else start
        if after < p_end:
            space = text.rfind(" ", end, after)
            after = space if space >= 0 else end
        p_start, p_end = before, after
    while p_start < start and text[p_start].isspace():
        p_start += 1
    while p_end > end and text[p_end - 1].isspace():
        p_end -= 1
    return p_start, p_end


def _changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Keep the three lists (missing ones empty) and any other keys, as given."""
    out = {k: v for k, v in changes.items() if k not in ("new", "updated", "retired")}
    for key in ("new", "updated", "retired"):
        value = changes.get(key)
        out[key] = list(value) if isinstance(value, (list, tuple)) else []
    return out
