"""CSV (`timeline.csv`): one row per entry, for spreadsheets.

Sources are written as a reader cites them ("[1] Reuters, “Title”, 21 January 2014,
https://..."), numbered as in the Markdown and HTML outputs; no article or entry id (a hash)
appears in a cell.

Cells are single-line. A text cell that a spreadsheet would read as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from storyline.model import Timeline
from storyline.render._common import (
    Cite,
    Sources,
    by_number,
    cite_text,
    contract_date,
    date_label,
    entry_cites,
    finite,
    one_line,
    safe_url,
)

COLUMNS = (
    "date",
    "granularity",
    "date_label",
    "headline",
    "text",
    "sources",
    "independent_sources",
    "single_source",
    "score",
    "outlets",
    "citations",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A single-line text cell that cannot run as a spreadsheet formula."""
    flat = one_line(text)
    return "'" + flat if flat.startswith(_FORMULA_START) else flat


def citation(sources: Sources, c: Cite) -> str:
    """ "[1] Reuters, “Title”, 21 January 2014, https://..." for one cited article."""
    name, when = cite_text(sources, c)
    article = sources.by_id.get(c.article)
    text = f"[{c.number}] {name}" if c.number is not None else f"[?] {name}"
    if article is not None and article.title:
        text += f", “{one_line(article.title)}”"
    text += f", {when}"
    url = safe_url(article.url) if article is not None else None
    return text + (f", {url}" if url else "")


def render_csv(timeline: Timeline) -> str:
    sources = Sources(timeline)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for e in timeline.entries:
        cites = by_number(entry_cites(sources, e))
        writer.writerow(
            [
                contract_date(e.date),
                e.date.granularity.value,
                date_label(e.date),
                cell(e.headline),
                cell(" ".join(s.text for s in e.sentences)),
                e.sources,
                e.independent_sources,
                "true" if e.single_source else "false",
                f"{finite(e.score):.6f}",
                cell("; ".join(sources.name(c.article, c.source) for c in cites)),
                cell(" | ".join(citation(sources, c) for c in cites)),
            ]
        )
    return buf.getvalue()
