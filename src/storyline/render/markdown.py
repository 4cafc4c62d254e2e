"""Markdown rendering: a journalist's first draft with numbered citations.

Article-derived text is untrusted: it is put on one line and every character that Markdown
(CommonMark / GFM) could read as markup is backslash-escaped, so that it cannot open a link,
an image, raw HTML, emphasis, a code span or a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from storyline.model import EntrySentence, Timeline, TimelineEntry
from storyline.render import changes as changes_section
from storyline.render._common import (
    SINGLE_SOURCE_NOTE,
    Cite,
    Sources,
    alias_usage,
    by_number,
    cite_text,
    date_label,
    entry_cites,
    one_line,
    published_label,
    safe_url,
    single_source_note,
)

# Characters that can open or close an inline construct anywhere in a line: escapes, code
# spans, emphasis, links and images, raw HTML and autolinks, entities, table cells,
# strikethrough, math ($ on GitHub) and heading closers.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")
# At the start of a line these open a list, a quote, a heading or a thematic break.
_LINE_START = re.compile(r"^([-+=>])")
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")


def md_escape(text: str, line_start: bool = False) -> str:
    """Escape untrusted text for Markdown: one line, no markup, renders as the same text.

    With `line_start`, also escape what would open a block (list, quote, heading, rule) when
    the text begins a line.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    if line_start:
        escaped = _LINE_START.sub(r"\\\1", escaped)
        escaped = _ORDERED_LIST.sub(r"\1\\\2", escaped)
    return escaped


def md_code(text: str) -> str:
    """A code span that no backtick inside `text` can close early."""
    flat = one_line(text)
    longest = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render_markdown(timeline: Timeline, changes: Mapping[str, Any] | None = None) -> str:
    """timeline.md; `changes` (`changes.json` of a store's build) adds "Since last build"."""
    sources = Sources(timeline)
    out: list[str] = [f"# {md_escape(timeline.story.title) or 'Timeline'}", ""]
    out += _summary(timeline, sources)
    if changes is not None:
        out += changes_section.markdown(changes, md_escape)
    out += ["## Timeline", ""]
    if not timeline.entries:
        out += ["_No dated events were found._", ""]
    for entry in timeline.entries:
        out += _entry(entry, sources)
    out += _disagreements(timeline, sources)
    out += _entities(timeline)
    out += _sources(timeline, sources)
    out += _skipped(timeline)
    out += _footer(timeline)
    return "\n".join(out).rstrip("\n") + "\n"


def _markers(cites: Sequence[Cite]) -> str:
    return "".join(f"[{c.number}]" if c.number is not None else "[?]" for c in cites)


def _sentence_line(s: EntrySentence, sources: Sources, line_start: bool = False) -> str:
    return f"{md_escape(s.text, line_start)} {_markers(sources.cites([s]))}"


def _summary(timeline: Timeline, sources: Sources) -> list[str]:
    story = timeline.story
    out: list[str] = []
    if story.query:
        out += [f"_Query: {md_escape(story.query)}_", ""]
    if story.summary_sentences:
        lines = [_sentence_line(s, sources, i == 0) for i, s in enumerate(story.summary_sentences)]
        out += [" ".join(lines), ""]
    elif story.summary.strip():
        out += [md_escape(story.summary, line_start=True), ""]
    return out


def _cite_list(cites: Sequence[Cite], sources: Sources) -> str:
    parts = []
    for c in cites:
        marker = f"[{c.number}]" if c.number is not None else "[?]"
        name, when = cite_text(sources, c)
        parts.append(f"{marker} {md_escape(name)}, {md_escape(when)}")
    return "; ".join(parts)


def _entry(entry: TimelineEntry, sources: Sources) -> list[str]:
    cites = by_number(entry_cites(sources, entry))
    out = [f"## {date_label(entry.date)}", ""]
    headline = md_escape(entry.headline)
    if headline:
        out += [f"**{headline}**", ""]
    for s in entry.sentences:
        out += [f"> {_sentence_line(s, sources, line_start=True)}", ">"]
    if entry.sentences:
        out.pop()
        out.append("")
    if cites:
        out += [f"Sources: {_cite_list(cites, sources)}", ""]
    notes = []
    if single_source_note(entry, sources):
        notes.append(SINGLE_SOURCE_NOTE)
    elif entry.independent_sources < entry.sources:
        plural = "s" if entry.independent_sources != 1 else ""
        notes.append(
            f"{entry.sources} reports from {entry.independent_sources} independent "
            f"source{plural} (syndicated or duplicate copies)"
        )
    out += [f"_Note: {n}._" for n in notes]
    if notes:
        out.append("")
    return out


def _disagreements(timeline: Timeline, sources: Sources) -> list[str]:
    if not timeline.disagreements:
        return []
    out = ["## Disagreements", ""]
    for d in timeline.disagreements:
        out += [f"### {md_escape(d.about)} ({md_escape(d.kind)})", ""]
        for c in d.claims:
            number = sources.number.get(c.article)
            marker = f"[{number}]" if number is not None else "[?]"
            outlet = md_escape(sources.name(c.article, c.source))
            out.append(
                f"- **{md_escape(c.value)}** according to {outlet} {marker}: {md_escape(c.text)}"
            )
        out.append("")
    return out


def _entities(timeline: Timeline) -> list[str]:
    if not timeline.entities:
        return []
    out = [
        "## Entities",
        "",
        "| Name | Type | Also called | Mentions | Names by outlet |",
        "| --- | --- | --- | ---: | --- |",
    ]
    for e in timeline.entities:
        aliases = ", ".join(md_escape(a) for a in e.aliases if a != e.name) or "—"
        usage = md_escape(alias_usage(e)) or "—"
        out.append(
            f"| {md_escape(e.name)} | {md_escape(e.type)} | {aliases} | {e.mentions} | {usage} |"
        )
    out.append("")
    return out


def _sources(timeline: Timeline, sources: Sources) -> list[str]:
    if not timeline.articles:
        return []
    out = ["## Sources", ""]
    for a in sources.in_order():
        n = sources.number[a.id]
        title = f"“{md_escape(a.title)}”" if a.title else "untitled"
        line = f"- [{n}] {md_escape(sources.name(a.id))}, {title}, {published_label(a)}"
        url = safe_url(a.url)
        if url is not None:
            line += f", <{url}>"
        line += f", {md_code(a.path)}"
        if a.duplicate_of is not None:
            dup = sources.number.get(a.duplicate_of)
            line += f" (copy of [{dup}])" if dup is not None else " (a duplicate copy)"
        out.append(line)
    out.append("")
    return out


def _skipped(timeline: Timeline) -> list[str]:
    if not timeline.skipped:
        return []
    out = ["## Skipped inputs", ""]
    for s in timeline.skipped:
        detail = f": {md_escape(s.detail)}" if s.detail.strip() else ""
        out.append(f"- {md_code(s.path)} ({md_escape(s.reason)}){detail}")
    out.append("")
    return out


def _footer(timeline: Timeline) -> list[str]:
    p = timeline.provenance
    n_used, n_skipped, n_entries = (
        len(timeline.articles),
        len(timeline.skipped),
        len(timeline.entries),
    )
    version = f"{md_escape(p.tool_version)} (schema {md_escape(p.schema_version)})"
    return [
        "---",
        "",
        f"_Generated by storyline {version} "
        f"from {n_used} article{'s' if n_used != 1 else ''} used and {n_skipped} skipped: "
        f"{n_entries} entr{'ies' if n_entries != 1 else 'y'}. "
        f"Input fingerprint {md_code(p.input_fingerprint) if p.input_fingerprint else 'none'}._",
    ]
