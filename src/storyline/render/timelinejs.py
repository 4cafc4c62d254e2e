"""Knight Lab TimelineJS3 JSON (`timelinejs.json`).

`start_date` has integer parts only as precise as the entry (a year entry is `{"year": 1956}`)
and `display_date` words it ("1956", "March 2015", "week of 7 January 2019"). An entry coarser
than a day also gets an `end_date`: the first day after its interval, at the same precision
(1956 -> `{"year": 1957}`, March 2015 -> `{"year": 2015, "month": 4}`), which is where the
interval ends in TimelineJS's time. TimelineJS then draws the entry as a span over its week,
month, year or decade instead of a point on its first day, where year and month entries piled
up on the first of the month with the day entries beside them. (An inclusive end such as
1956-12-31 would be dropped: TimelineJS discards an end date whose parts named in the start
date are equal to the start's.)

The title slide carries the story title, the summary and what the timeline rests on (entries,
articles, outlets, span). Each slide's text lists its sources: outlet, date and credits, the
outlet linked to the article only for a safe http(s) URL.

Text fields are HTML in TimelineJS, so every article-derived string is escaped, ids are reduced
to letters, digits, `-` and `_`, and `autolink` is off so that no link is made from article text.
A timeline without entries is not written by `write_outputs` (TimelineJS refuses a file
without events): see `storyline.render.write_report`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from storyline.model import DateInterval, Granularity, Timeline, TimelineEntry
from storyline.render._common import Sources, cite_text, date_label, entry_cites, one_line
from storyline.render.html_sections import esc, link, stats_line

_ID_BAD = re.compile(r"[^A-Za-z0-9_-]")


def _parts(day: dt.date, precision: Granularity) -> dict[str, int]:
    if precision in (Granularity.DAY, Granularity.WEEK):
        return {"year": day.year, "month": day.month, "day": day.day}
    if precision in (Granularity.MONTH, Granularity.QUARTER):
        return {"year": day.year, "month": day.month}
    return {"year": day.year}


def date_parts(d: DateInterval) -> tuple[dict[str, int], dict[str, int] | None]:
    """TimelineJS start and end date objects (integer parts) for an interval, both only as
    precise as its granularity; the end (for anything coarser than a day) is the first day
    after the interval."""
    g = d.granularity
    start = _parts(d.start, g)
    if g is Granularity.DAY:
        return start, None
    if d.end == dt.date.max:  # no day after it: the last day itself
        return start, {"year": d.end.year, "month": 12, "day": 31}
    return start, _parts(d.end + dt.timedelta(days=1), g)


def to_timelinejs(timeline: Timeline) -> dict[str, Any]:
    sources = Sources(timeline)
    doc: dict[str, Any] = {
        "title": _title(timeline),
        "events": [_event(e, sources) for e in timeline.entries],
        "scale": "human",
    }
    return doc


def _title(timeline: Timeline) -> dict[str, Any]:
    story = timeline.story
    if story.summary_sentences:
        summary = " ".join(one_line(s.text) for s in story.summary_sentences)
    else:
        summary = one_line(story.summary)
    paragraphs = [f"<p>{esc(summary)}</p>"] if summary else []
    paragraphs.append(f"<p>{esc(stats_line(timeline))}.</p>")
    if story.query:
        paragraphs.append(f"<p>Query: {esc(one_line(story.query))}</p>")
    return {
        "text": {
            "headline": esc(one_line(story.title)) or "Timeline",
            "text": "".join(paragraphs),
        },
    }


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
        "unique_id": _ID_BAD.sub("-", entry.id) or "entry",
        "autolink": False,
    }
    if end is not None:
        event["end_date"] = end
    return event


def render_timelinejs(timeline: Timeline) -> str:
    doc = to_timelinejs(timeline)
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
