"""Source counts for timeline entries: distinct articles, distinct syndication groups.

The timeline builds entries; these helpers make every entry report `sources` and
`independent_sources`, flag `single_source`, and drop a second copy of the same sentence
coming from a duplicate of an article already cited.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence

from storyline.corpus.syndication import group_of
from storyline.model import Article, EntrySentence, TimelineEntry

_NON_WORD = re.compile(r"[\W_]+")


def _sentence_key(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


def count_sources(article_ids: Iterable[str], groups: Mapping[str, str]) -> tuple[int, int]:
    """(distinct articles, distinct syndication groups) among `article_ids`."""
    ids = set(article_ids)
    return len(ids), len({groups.get(i, i) for i in ids})


def dedupe_sentences(
    sentences: Sequence[EntrySentence], groups: Mapping[str, str]
) -> tuple[EntrySentence, ...]:
    """Keep the first of sentences with the same words from the same syndication group."""
    seen: set[tuple[str, str]] = set()
    out: list[EntrySentence] = []
    for s in sentences:
        key = (groups.get(s.article, s.article), _sentence_key(s.text))
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
    return tuple(out)


def mark_sources(
    entries: Sequence[TimelineEntry],
    articles: Sequence[Article],
    supporting: Mapping[str, Iterable[str]] | None = None,
) -> list[TimelineEntry]:
    """Entries with duplicate sentences removed and `sources`, `independent_sources` and
    `single_source` recomputed over every supporting article: those of the entry's sentences
    and citations, plus `supporting[entry.id]` when given."""
    groups = group_of(articles)
    out: list[TimelineEntry] = []
    for e in entries:
        sentences = dedupe_sentences(e.sentences, groups)
        ids = set(supporting.get(e.id, ())) if supporting is not None else set()
        ids.update(s.article for s in (*e.sentences, *e.citations))
        n, n_ind = count_sources(ids, groups)
        out.append(
            dataclasses.replace(
                e,
                sentences=sentences,
                sources=n,
                independent_sources=n_ind,
                single_source=n_ind <= 1,
            )
        )
    return out
