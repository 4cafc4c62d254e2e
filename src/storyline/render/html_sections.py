"""The server-rendered sections of `timeline.html` (what a reader sees without script).

Sources are numbered in reading order (`viewer_data.reading_order`), shown by outlet name; all
article-derived text is escaped with `html.esc`.
"""

from __future__ import annotations

import html
import json

from storyline.model import Article, EntrySentence, Timeline, TimelineEntry
from storyline.render._common import (
    SINGLE_SOURCE_NOTE,
    Sources,
    alias_usage,
    date_label,
    jsonable,
    machine_date,
    one_line,
    published_label,
    safe_text,
    safe_url,
    single_source_note,
)
from storyline.render.viewer_data import reading_order


def esc(text: str) -> str:
    """Escape text for HTML element content and quoted attribute values (after `safe_text`:
    no controls, no bidi overrides)."""
    return html.escape(safe_text(text), quote=True)


def link(url: str | None, text: str) -> str:
    """`text` (already escaped) linked to `url` when it is a safe http(s) URL."""
    safe = safe_url(url)
    if safe is None:
        return text
    return f'<a href="{esc(safe)}" rel="noopener noreferrer">{text}</a>'


class Numbered:
    """The used articles with their reading-order numbers."""

    def __init__(self, timeline: Timeline) -> None:
        self.sources = Sources(timeline)
        self.number = reading_order(timeline)

    def articles(self) -> list[Article]:
        by_id = self.sources.by_id
        return [by_id[k] for k, _ in sorted(self.number.items(), key=lambda kv: kv[1])]

    def marker(self, article_id: str) -> str:
        n = self.number.get(article_id)
        if n is None:
            return "<sup>[?]</sup>"
        name = esc(self.sources.name(article_id))
        return f'<sup><a href="#src-{n}" title="source {n}: {name}">[{n}]</a></sup>'

    def cite(self, article_id: str, fallback: str | None = None) -> str:
        """ "[n] Outlet (date)" with the outlet linked to the article when it has a safe URL."""
        article = self.sources.by_id.get(article_id)
        name = esc(self.sources.name(article_id, fallback))
        outlet = link(article.url if article else None, name)
        when = esc(published_label(article))
        n = self.number.get(article_id)
        ref = f'<a href="#src-{n}">[{n}]</a> ' if n is not None else ""
        return f"{ref}{outlet} ({when})"


def _sentence(s: EntrySentence, numbered: Numbered) -> str:
    return f"{esc(one_line(s.text))}{numbered.marker(s.article)}"


def summary(timeline: Timeline, numbered: Numbered) -> list[str]:
    story = timeline.story
    out = []
    if story.query:
        out.append(f'<p class="query">Query: {esc(one_line(story.query))}</p>')
    if story.summary_sentences:
        text = " ".join(_sentence(s, numbered) for s in story.summary_sentences)
        out.append(f'<p class="summary">{text}</p>')
    elif story.summary.strip():
        out.append(f'<p class="summary">{esc(one_line(story.summary))}</p>')
    out.append(f'<p class="stats">{esc(stats_line(timeline))}</p>')
    return out


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 entry", "2 entries", "0 articles"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def stats_line(timeline: Timeline) -> str:
    """ "30 entries from 13 articles by 4 outlets, 2011 to 2023"."""
    outlets = {a.source for a in timeline.articles if a.source}
    text = (
        f"{plural(len(timeline.entries), 'entry', 'entries')} from "
        f"{plural(len(timeline.articles), 'article')}"
    )
    if outlets:
        text += f" by {plural(len(outlets), 'named outlet')}"
    if timeline.entries:
        first = min(e.date.start for e in timeline.entries).year
        last = max(e.date.end for e in timeline.entries).year
        text += f", {first}" + (f" to {last}" if last != first else "")
    return text


def nav(timeline: Timeline) -> str:
    links = [("timeline", "Timeline")]
    if timeline.disagreements:
        links.append(("disagreements", "Disagreements"))
    if timeline.entities:
        links.append(("entities", "Entities"))
    if timeline.articles:
        links.append(("sources", "Sources"))
    if timeline.skipped:
        links.append(("skipped", "Skipped inputs"))
    links.append(("provenance", "Provenance"))
    items = "".join(f'<a href="#{k}">{v}</a>' for k, v in links)
    return f'<nav class="sections" aria-label="Sections">{items}</nav>'


def timeline(timeline: Timeline, numbered: Numbered) -> list[str]:
    out = ['<section id="timeline" aria-labelledby="timeline-title">']
    out.append('<h2 id="timeline-title">Timeline</h2>')
    if timeline.entries:
        out.append('<ol class="timeline static-entries">')
        for entry in timeline.entries:
            out += _entry(entry, numbered)
        out.append("</ol>")
    else:
        out.append('<p class="note">No dated events were found.</p>')
    out.append("</section>")
    return out


def support_note(entry: TimelineEntry, sources: Sources) -> str:
    if single_source_note(entry, sources):
        return SINGLE_SOURCE_NOTE.capitalize() + "."
    if entry.sources <= 1:
        return "1 report."
    if entry.independent_sources < entry.sources:
        return (
            f"{entry.sources} reports from {entry.independent_sources} independent "
            f"source{'s' if entry.independent_sources != 1 else ''} (syndicated or duplicate "
            "copies)."
        )
    return f"{entry.sources} independent reports."


def _cited_ids(entry: TimelineEntry) -> list[str]:
    return list(dict.fromkeys(s.article for s in (*entry.citations, *entry.sentences)))


def _entry(entry: TimelineEntry, numbered: Numbered) -> list[str]:
    d = entry.date
    ids = sorted(_cited_ids(entry), key=lambda k: numbered.number.get(k, 1 << 30))
    out = [
        f'<li id="entry-{esc(entry.id)}">',
        f'<p class="when"><time datetime="{machine_date(d)}">{esc(date_label(d))}</time> '
        f'<span class="gran">({d.granularity.value})</span> '
        f'<span class="score" title="ranking score: higher is more important">'
        f"score {entry.score:.2f}</span></p>",
        f"<h3>{esc(one_line(entry.headline))}</h3>",
    ]
    if entry.sentences:
        out.append("<blockquote>")
        out += [f"<p>{_sentence(s, numbered)}</p>" for s in entry.sentences]
        out.append("</blockquote>")
    if ids:
        out.append(f'<p class="sources">Sources: {", ".join(numbered.cite(k) for k in ids)}</p>')
    out.append(f'<p class="note">{esc(support_note(entry, numbered.sources))}</p>')
    out.append("</li>")
    return out


def disagreements(timeline: Timeline, numbered: Numbered) -> list[str]:
    if not timeline.disagreements:
        return []
    out = ['<section id="disagreements" aria-labelledby="disagreements-title">']
    out.append('<h2 id="disagreements-title">Disagreements</h2>')
    for d in timeline.disagreements:
        out.append(f'<h3>{esc(one_line(d.about))} <span class="gran">({esc(d.kind)})</span></h3>')
        out.append("<table><thead><tr><th>Claim</th><th>Source</th><th>Text</th></tr></thead>")
        out.append("<tbody>")
        for c in d.claims:
            out.append(
                f"<tr><td>{esc(one_line(c.value))}</td><td>{numbered.cite(c.article, c.source)}"
                f"</td><td>{esc(one_line(c.text))}</td></tr>"
            )
        out += ["</tbody></table>"]
    out.append("</section>")
    return out


def entities(timeline: Timeline) -> list[str]:
    if not timeline.entities:
        return []
    out = [
        '<section id="entities" aria-labelledby="entities-title">',
        '<h2 id="entities-title">Entities</h2>',
        "<table><thead><tr><th>Name</th><th>Type</th><th>Also called</th><th>Mentions</th>"
        "<th>Names by outlet</th></tr></thead><tbody>",
    ]
    for e in timeline.entities:
        aliases = ", ".join(esc(one_line(a)) for a in e.aliases if a != e.name) or "—"
        usage = esc(one_line(alias_usage(e))) or "—"
        merges = ""
        if e.merges:
            items = "".join(f"<li>{esc(one_line(m))}</li>" for m in e.merges)
            merges = f"<details><summary>merges</summary><ul>{items}</ul></details>"
        out.append(
            f"<tr><td>{esc(one_line(e.name))}{merges}</td><td>{esc(e.type)}</td>"
            f"<td>{aliases}</td><td>{e.mentions}</td><td>{usage}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _source_item(a: Article, numbered: Numbered) -> str:
    n = numbered.number[a.id]
    outlet = esc(numbered.sources.name(a.id))
    title = f"“{esc(one_line(a.title))}”" if a.title else "untitled"
    text = f"<strong>{outlet}</strong>, {link(a.url, title)}, {esc(published_label(a))}"
    if a.credits:
        text += f", credits {esc(', '.join(a.credits))}"
    text += f", <code>{esc(a.path)}</code>"
    if a.duplicate_of is not None:
        dup = numbered.number.get(a.duplicate_of)
        text += f' (copy of <a href="#src-{dup}">[{dup}]</a>)' if dup else " (a duplicate copy)"
    return f'<li id="src-{n}" value="{n}">{text}</li>'


def sources(numbered: Numbered) -> list[str]:
    articles = numbered.articles()
    if not articles:
        return []
    out = [
        '<section id="sources" aria-labelledby="sources-title">',
        '<h2 id="sources-title">Sources</h2>',
        '<p class="note">Numbered in the order the timeline first cites them.</p>',
        '<ol class="sources-list">',
    ]
    out += [_source_item(a, numbered) for a in articles]
    out += ["</ol>", "</section>"]
    return out


def skipped(timeline: Timeline) -> list[str]:
    if not timeline.skipped:
        return []
    out = [
        '<section id="skipped" aria-labelledby="skipped-title">',
        '<h2 id="skipped-title">Skipped inputs</h2>',
        "<table><thead><tr><th>Input</th><th>Reason</th><th>Detail</th></tr></thead><tbody>",
    ]
    for s in timeline.skipped:
        out.append(
            f"<tr><td><code>{esc(s.path)}</code></td><td>{esc(s.reason)}</td>"
            f"<td>{esc(one_line(s.detail))}</td></tr>"
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _pre(value: object) -> str:
    return esc(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def provenance(timeline: Timeline) -> list[str]:
    p = timeline.provenance
    return [
        '<section id="provenance" aria-labelledby="provenance-title">',
        '<h2 id="provenance-title">Provenance</h2>',
        "<dl>",
        f"<dt>Tool</dt><dd>storyline {esc(p.tool_version)}, schema {esc(p.schema_version)}</dd>",
        f"<dt>Input fingerprint</dt><dd><code>{esc(p.input_fingerprint)}</code></dd>",
        f"<dt>Articles</dt><dd>{len(timeline.articles)} used, {len(timeline.skipped)} skipped; "
        f"{plural(len(timeline.entries), 'entry', 'entries')}</dd>",
        "</dl>",
        "<details><summary>Counts</summary>",
        f"<pre>{_pre(p.counts)}</pre>",
        "</details>",
        "<details><summary>Configuration</summary>",
        f"<pre>{_pre(p.config)}</pre>",
        "</details>",
        "</section>",
    ]
