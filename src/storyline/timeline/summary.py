"""The story overview: a short extractive, cited paragraph, and the story title.

Sentences are scored by centrality to the whole story (TF-IDF centroid), favouring article
leads and the query, then chosen greedily with a redundancy cap; the paragraph keeps
chronological order of the chosen sentences' articles so it reads as a story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from storyline.model import Article, EntrySentence
from storyline.timeline.text import SentenceVectors, is_quote

_TITLE_LABELS = ("GPE", "LOC", "ORG", "PERSON", "FAC", "EVENT")
MAX_COMPARED = 300  # candidates compared for redundancy (memory stays flat on big corpora)


def summarise(
    articles: Sequence[Article],
    *,
    n_sentences: int = 3,
    query: str | None = None,
    redundancy: float = 0.4,
    lead_sentences: int = 4,
) -> tuple[EntrySentence, ...]:
    pool: list[tuple[Article, int]] = []
    for a in articles:
        for i, s in enumerate(a.sentences[:lead_sentences]):
            words = len(s.text.split())
            if 8 <= words <= 50 and not is_quote(s.text) and not s.text.rstrip().endswith("?"):
                pool.append((a, i))
    if not pool:
        return ()
    vectors = SentenceVectors([a.sentences[i].text for a, i in pool])
    rows = list(range(len(pool)))
    score = vectors.centroid_scores(rows) + 0.3 * vectors.query_scores(rows, query)
    score = score - 0.03 * np.array([i for _, i in pool], dtype=np.float64)
    order = sorted(rows, key=lambda r: (-score[r], pool[r][0].id, pool[r][1]))
    # only the best-scored sentences can be chosen: compare those, not the whole pool
    top = order[:MAX_COMPARED]
    sim = vectors.similarity(top, top)
    picked: list[int] = []  # positions in `top`
    for i in range(len(top)):
        if len(picked) >= n_sentences:
            break
        if any(sim[i, c] > redundancy for c in picked):
            continue
        picked.append(i)
    chosen = [top[i] for i in picked]

    def when(r: int) -> tuple[str, str, int]:
        a, i = pool[r]
        return (a.published.start.isoformat() if a.published else "9999", a.id, i)

    out = []
    for r in sorted(chosen, key=when):
        a, i = pool[r]
        s = a.sentences[i]
        out.append(
            EntrySentence(
                s.text,
                a.id,
                s.start,
                s.end,
                a.source,
                a.published.iso() if a.published is not None else None,
            )
        )
    return tuple(out)


def story_title(articles: Sequence[Article], query: str | None) -> str:
    """The query, or the names most articles share."""
    if query:
        return query.strip()
    df: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for a in articles:
        names = [m.text.strip() for m in a.mentions if m.label in _TITLE_LABELS]
        names = [n for n in names if len(n) > 2]
        df.update(set(names))
        total.update(names)
    # the names most articles share; ties go to the most mentioned
    top = [n for n, _ in sorted(df.items(), key=lambda kv: (-kv[1], -total[kv[0]], kv[0]))[:3]]
    if not top:
        titles = sorted(a.title for a in articles if a.title)
        return titles[0] if titles else "Untitled story"
    return ", ".join(top)
