"""CSV (`timeline.csv`): one row per entry, for spreadsheets.

Cells are single-line. A text cell that a spreadsheet would read as a formula (starting with
``=``, ``+``, ``-``, ``@``, tab or carriage return) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from storyline.model import Timeline
from storyline.render._common import (
    Sources,
    contract_date,
    date_label,
    entry_cites,
    finite,
    one_line,
)

COLUMNS = (
    "id",
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
    "articles",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A single-line text cell that cannot run as a spreadsheet formula."""
    flat = one_line(text)
    return "'" + flat if flat.startswith(_FORMULA_START) else flat


def render_csv(timeline: Timeline) -> str:
    sources = Sources(timeline)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for e in timeline.entries:
        cites = entry_cites(sources, e)
        writer.writerow(
            [
                e.id,
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
                " ".join(c.article for c in cites),
            ]
        )
    return buf.getvalue()
