"""What `storyline build` tells people: the summary line, and why a build used no article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from storyline.model import Article, Skip


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 article", "2 articles", "1 entry", "0 entries"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _reasons(skipped: Sequence[Skip] | Mapping[str, int]) -> str:
    counts = skipped if isinstance(skipped, Mapping) else Counter(s.reason for s in skipped)
    return ", ".join(f"{k}: {counts[k]}" for k in sorted(counts))


def summary_line(
    counts: Mapping[str, object], written: Sequence[Path], not_written: Mapping[str, str]
) -> str:
    """ "storyline: used 1 article, skipped 2 (empty: 1, off-topic: 1); 1 entry ->
    out/timeline.json, ..." plus one line per file not written."""
    used = int(str(counts.get("used", 0)))
    skipped = int(str(counts.get("skipped", 0)))
    entries = int(str(counts.get("entries", 0)))
    reasons = counts.get("skipped_by_reason")
    why = _reasons(reasons) if isinstance(reasons, Mapping) and reasons else ""
    line = f"storyline: used {plural(used, 'article')}, skipped {skipped}"
    line += f" ({why})" if why else ""
    line += f"; {plural(entries, 'entry', 'entries')}"
    if written:
        line += " -> " + ", ".join(str(p) for p in written)
    for name, reason in not_written.items():
        line += f"\nstoryline: {name} not written: {reason}"
    return line


def no_article_used(
    articles: Sequence[Article],
    skipped: Sequence[Skip],
    query: str | None,
    term_counts: Sequence[tuple[str, int]],
    nearest: Sequence[tuple[Article, float]],
    min_fraction: float,
) -> str:
    """Why a build used no article, and what to do about it.

    `articles` are the prepared articles (before the query), `term_counts` how many of them
    hold each query term, `nearest` the best-matching ones with their share of the terms."""
    inputs = len(articles) + sum(1 for s in skipped if s.reason != "off-topic")
    if query and articles:
        lines = [
            f"no article matches the query {query!r}: all {plural(len(articles), 'article')} "
            "read are off-topic, so nothing was written."
        ]
        if term_counts:
            found = ", ".join(f"{t!r} in {plural(n, 'article')}" for t, n in term_counts)
            lines.append(
                f"Query terms: {found}; an article must hold {min_fraction:.0%} of them "
                "(timeline.query_min_fraction) or name the query (or an alias of it)."
            )
        else:
            lines.append("The query has no content words (only words like 'the', 'of').")
        if nearest:
            shown = "; ".join(
                f"{_name(a)} ({score:.0%} of the terms)" for a, score in nearest if score > 0
            )
            if shown:
                lines.append(f"Nearest: {shown}.")
        lines.append(
            "Fix: use words the articles use (a name, a place), fewer words, or "
            "--set timeline.query_min_fraction=0.3; without --query every article is used."
        )
        return "\n".join(lines)
    if inputs == 0:
        return (
            "no input found under the given paths, so nothing was written. Fix: give files or "
            "folders holding articles (.txt, .html, .json, .jsonl, .jsonl.gz, news-tls folders)."
        )
    return (
        f"none of the {plural(inputs, 'input')} could be used ({_reasons(skipped)}), so nothing "
        "was written. Fix: check the inputs listed with -v; storyline reads .txt, .html, .json, "
        ".jsonl, .jsonl.gz and news-tls folders, and skips texts shorter than ingest.min_chars."
    )


def _name(a: Article) -> str:
    title = " ".join((a.title or "").split())
    if title:
        return repr(title[:60] + ("…" if len(title) > 60 else ""))
    return Path(a.path).name
