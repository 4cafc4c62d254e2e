"""The versioned JSON document (`timeline.json`): the contract every other output derives from.

The shape is described by `timeline.schema.json` (JSON Schema 2020-12) and in docs/formats.md.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.model import (
    SCHEMA_VERSION,
    Article,
    Disagreement,
    Entity,
    EntryEvent,
    EntrySentence,
    Skip,
    Story,
    Timeline,
    TimelineEntry,
)
from storyline.render._common import Sources, contract_date, entry_cites, finite, jsonable

TOOL_NAME = "storyline"


def to_json_dict(timeline: Timeline) -> dict[str, Any]:
    """The `timeline.json` document as plain Python data (dicts, lists, str, int, float, None).

    Lists keep the timeline's order (articles used then skipped, entries, entities, disagreements);
    free-form mappings (config, counts, alias counts) have sorted keys.
    """
    sources = Sources(timeline)
    prov = timeline.provenance
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": prov.tool_version},
        "story": _story(timeline.story, sources),
        "articles": [_article(a) for a in timeline.articles]
        + [_skipped(s) for s in timeline.skipped],
        "entries": [_entry(e, sources) for e in timeline.entries],
        "entities": [_entity(e) for e in timeline.entities],
        "disagreements": [_disagreement(d, sources) for d in timeline.disagreements],
        "provenance": {
            "config": jsonable(prov.config),
            "input_fingerprint": prov.input_fingerprint,
            "counts": jsonable(prov.counts),
            "tool_version": prov.tool_version,
            "schema_version": prov.schema_version,
        },
    }


def dumps(doc: dict[str, Any]) -> str:
    """Serialise a document: UTF-8 text, indent 2, non-ASCII kept, trailing newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _story(story: Story, sources: Sources) -> dict[str, Any]:
    return {
        "title": story.title,
        "summary": story.summary,
        "query": story.query,
        "summary_sentences": [_sentence(s, sources) for s in story.summary_sentences],
    }


def _article(a: Article) -> dict[str, Any]:
    window = (
        [a.published_window[0].isoformat(), a.published_window[1].isoformat()]
        if a.published_window is not None
        else None
    )
    return {
        "id": a.id,
        "path": a.path,
        "url": a.url,
        "source": a.source,
        "source_how": a.source_how,
        "source_confidence": finite(a.source_confidence, 4),
        "title": a.title,
        "genre": a.genre,
        "published": contract_date(a.published) if a.published is not None else None,
        "published_granularity": a.published.granularity.value if a.published else None,
        "published_how": a.published_how,
        "published_confidence": finite(a.published_confidence, 4),
        "published_window": window,
        "published_evidence": [
            {
                "sentence": p.sentence,
                "article": p.article,
                "date": p.date,
                "similarity": p.similarity,
            }
            for p in a.published_evidence
        ],
        "status": "used",
        "skip_reason": None,
        "skip_detail": None,
        "duplicate_of": a.duplicate_of,
        "syndication_group": a.syndication_group,
        "credits": list(a.credits),
    }


def _skipped(s: Skip) -> dict[str, Any]:
    return {
        "id": s.id,
        "path": s.path,
        "url": None,
        "source": None,
        "source_how": "none",
        "source_confidence": 0.0,
        "title": None,
        "genre": None,
        "published": None,
        "published_granularity": None,
        "published_how": "none",
        "published_confidence": 0.0,
        "published_window": None,
        "published_evidence": [],
        "status": "skipped",
        "skip_reason": s.reason,
        "skip_detail": s.detail,
        "duplicate_of": None,
        "syndication_group": None,
        "credits": [],
    }


def _sentence(s: EntrySentence, sources: Sources) -> dict[str, Any]:
    return {
        "text": s.text,
        "article": s.article,
        "start": s.start,
        "end": s.end,
        "source": sources.outlet(s.article, s.source),
        "published": sources.published(s.article, s.published),
    }


def _entry(e: TimelineEntry, sources: Sources) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": contract_date(e.date),
        "granularity": e.date.granularity.value,
        "headline": e.headline,
        "sentences": [_sentence(s, sources) for s in e.sentences],
        "sources": e.sources,
        "independent_sources": e.independent_sources,
        "single_source": e.single_source,
        "score": finite(e.score),
        "event": _event(e.event),
        "citations": [
            {
                "article": c.article,
                "source": c.source,
                "published": c.published,
                "start": c.start,
                "end": c.end,
            }
            for c in entry_cites(sources, e)
        ],
    }


def _event(ev: EntryEvent | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {
        "kind": ev.kind,
        "predicate": ev.predicate,
        "anchor": ev.anchor,
        "participants": [{"name": p.name, "entity": p.entity} for p in ev.participants],
        "place": ev.place,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "mentions": e.mentions,
        "alias_counts_by_source": jsonable(e.alias_counts_by_source),
        "merges": list(e.merges),
    }


def _disagreement(d: Disagreement, sources: Sources) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "about": d.about,
        "claims": [
            {
                "value": c.value,
                "text": c.text,
                "article": c.article,
                "source": sources.outlet(c.article, c.source),
            }
            for c in d.claims
        ],
    }


def article_json(a: Article) -> dict[str, Any]:
    """An article as in `timeline.json`'s `articles[]` (used)."""
    return _article(a)


def skip_json(s: Skip) -> dict[str, Any]:
    """A skipped input as in `timeline.json`'s `articles[]`."""
    return _skipped(s)
