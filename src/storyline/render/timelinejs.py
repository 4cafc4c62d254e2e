"""Knight Lab TimelineJS3 JSON (`timelinejs.json`).

Dates are objects of integer parts, only as precise as the entry's granularity; weeks, quarters
and decades also get an `end_date`. Text fields are HTML in TimelineJS, so article-derived text is
escaped, and `autolink` is off so that no link is made from article text.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.model import DateInterval, Granularity, Timeline, TimelineEntry
from storyline.render._common import Sources, cite_text, date_label, entry_cites, one_line
from storyline.render.html import esc, link


def date_parts(d: DateInterval) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS start and end date objects (integer parts) for an interval."""
    s, e, g = d.start, d.end, d.granularity
    if g in (Granularity.DAY, Granularity.WEEK):
        start = {"year": s.year, "month": s.month, "day": s.day}
        end = {"year": e.year, "month": e.month, "day": e.day} if g is Granularity.WEEK else None
        return start, end
    if g is Granularity.MONTH:
        return {"year": s.year, "month": s.month}, None
    if g is Granularity.QUARTER:
        return {"year": s.year, "month": s.month}, {"year": e.year, "month": e.month}
    if g is Granularity.YEAR:
        return {"year": s.year}, None
    return {"year": s.year}, {"year": e.year}


def to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    sources = Sources(timeline)
    story = timeline.story
    if story.summary_sentences:
        summary = " ".join(one_line(s.text) for s in story.summary_sentences)
    else:
        summary = one_line(story.summary)
    doc: dict[str, Any] = {
        "title": {
            "text": {
                "headline": esc(one_line(story.title)) or "Timeline",
                "text": f"<p>{esc(summary)}</p>" if summary else "",
            }
        },
        "events": [_event(e, sources) for e in timeline.entries],
        "scale": "human",
    }
    return doc


def _event(entry: TimelineEntry, sources: Sources) -> dict[str, Any]:
    start, end = date_parts(entry.date)
    paragraphs = [f"<p>{esc(one_line(s.text))}</p>" for s in entry.sentences]
    cites = []
    for c in entry_cites(sources, entry):
        article = sources.by_id.get(c.article)
        name, when = cite_text(sources, c)
        named = link(article.url if article else None, esc(name))
        cites.append(f"{named}, {esc(when)}")
    if cites:
        paragraphs.append(f"<p>Sources: {'; '.join(cites)}</p>")
    event: dict[str, Any] = {
        "start_date": start,
        "display_date": date_label(entry.date),
        "text": {"headline": esc(one_line(entry.headline)), "text": "".join(paragraphs)},
        "unique_id": entry.id,
        "autolink": False,
    }
    if end is not None:
        event["end_date"] = end
    return event


def render_timelinejs(timeline: Timeline) -> str:
    doc = to_timelinejs(timeline)
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
