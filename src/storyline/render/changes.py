"""The "Since last build" section of timeline.md and timeline.html, from `changes.json`
(`storyline.stories.changes`). Every article-derived string is escaped by the caller's
escaper (`md_escape`, `esc`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

Escape = Callable[[str], str]


def _items(changes: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = changes.get(key)
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def summary_text(changes: Mapping[str, Any]) -> str:
    """ "2 new, 1 updated, 0 retired entries; 1 new disagreement." """
    n = {k: len(_items(changes, k)) for k in ("new", "updated", "retired", "disagreements")}
    if changes.get("first_build"):
        return f"First build of this story: all {n['new']} entries are new."
    text = f"{n['new']} new, {n['updated']} updated, {n['retired']} retired entries"
    d = n["disagreements"]
    return text + (f"; {d} new disagreement{'' if d == 1 else 's'}." if d else ".")


def _what(item: Mapping[str, Any], escape: Escape) -> str:
    parts: list[str] = []
    sources = item.get("sources")
    if isinstance(sources, Mapping):
        added = ", ".join(escape(str(a)) for a in sources.get("added", []))
        parts.append(
            f"sources {sources.get('from')} → {sources.get('to')}"
            + (f" (added {added})" if added else "")
        )
    date = item.get("date")
    if isinstance(date, Mapping):
        parts.append(f"date {escape(str(date.get('from')))} → {escape(str(date.get('to')))}")
    headline = item.get("headline")
    if isinstance(headline, Mapping):
        parts.append(f"headline was “{escape(str(headline.get('from')))}”")
    if isinstance(item.get("sentences"), Mapping):
        parts.append("other sentences shown")
    return "; ".join(parts)


def _headline(item: Mapping[str, Any]) -> str:
    headline = item.get("headline")
    if isinstance(headline, Mapping):
        return str(headline.get("to") or "")
    return str(headline or "")


def _date(item: Mapping[str, Any]) -> str:
    date = item.get("date")
    return str(date.get("to") if isinstance(date, Mapping) else date or "undated")


def lines(changes: Mapping[str, Any], escape: Escape) -> list[tuple[str, str]]:
    """(kind, text) per change, escaped: kind is new | updated | retired | disagreement."""
    if changes.get("first_build"):
        return []
    out: list[tuple[str, str]] = []
    for kind in ("new", "updated", "retired"):
        for item in _items(changes, kind):
            text = f"{escape(_date(item))}: {escape(_headline(item))}"
            if kind == "updated" and (what := _what(item, escape)):
                text += f" ({what})"
            out.append((kind, text))
    for d in _items(changes, "disagreements"):
        out.append(
            ("disagreement", f"{escape(str(d.get('about')))} ({escape(str(d.get('kind')))})")
        )
    return out


LABELS = {
    "new": "New",
    "updated": "Updated",
    "retired": "Retired",
    "disagreement": "New disagreement",
}


def markdown(changes: Mapping[str, Any], escape: Escape) -> list[str]:
    out = ["## Since last build", "", f"_{summary_text(changes)}_", ""]
    rows = lines(changes, escape)
    out += [f"- {LABELS[kind]}: {text}" for kind, text in rows]
    return out + ([""] if rows else [])


def html(changes: Mapping[str, Any], escape: Escape) -> list[str]:
    """A static section for readers without script (the viewer builds its own panel)."""
    out = [
        '<noscript><section id="since-last-build" aria-labelledby="since-title">',
        '<h2 id="since-title">Since last build</h2>',
        f'<p class="note">{escape(summary_text(changes))}</p>',
    ]
    rows = lines(changes, escape)
    if rows:
        out.append("<ul>")
        out += [f"<li><strong>{LABELS[kind]}</strong>: {text}</li>" for kind, text in rows]
        out.append("</ul>")
    out.append("</section></noscript>")
    return out
