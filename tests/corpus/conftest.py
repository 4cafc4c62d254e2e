"""Fixtures for the corpus tests: the planted-trap corpus, annotated with real spaCy."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Article, DateInterval, Sentence

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def annotate(articles: list[Article]) -> list[Article]:
    """Sentences, entity mentions and time expressions from the real annotate stage."""
    from storyline.annotate import annotate_articles

    return annotate_articles(articles)


def load_planted() -> list[Article]:
    rows: list[dict[str, Any]] = json.loads((FIXTURES / "articles.json").read_text("utf-8"))
    out = []
    for r in rows:
        text = "\n\n".join(r["paragraphs"])
        out.append(
            Article(
                id=r["id"],
                path=f"planted/{r['id']}.json",
                raw_text=text,
                text=text,
                source=r["source"],
                url=r["url"],
                published=DateInterval.day(dt.date.fromisoformat(r["published"])),
            )
        )
    return out


@pytest.fixture(scope="session")
def truth() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "truth.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def planted_raw() -> list[Article]:
    return load_planted()


@pytest.fixture(scope="session")
def planted_annotated(planted_raw: list[Article]) -> list[Article]:
    return annotate(planted_raw)


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (needs the shared data checkout)")
    out = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text("utf-8")
        out.append(Article(id=p.stem, path=str(p), raw_text=text, text=text, source=p.stem))
    return annotate(out)


def plain_article(
    i: str,
    sentences: list[str],
    group: str | None = None,
    source: str = "",
    published: dt.date = dt.date(2019, 1, 16),
) -> Article:
    """An article made of `sentences` (already split, no annotation), in its own
    syndication group unless `group` is given."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Sentence(pos, pos + len(s), s))
        pos += len(s) + 1
    return Article(
        id=i, path=i, raw_text=text, text=text, source=source or f"outlet-{i}",
        published=DateInterval.day(published), sentences=tuple(spans),
        syndication_group=group or f"g-{i}",
    )  # fmt: skip


@pytest.fixture(scope="session")
def plain() -> Callable[..., Article]:
    return plain_article
