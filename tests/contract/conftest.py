"""A small real corpus for the contract suite: three example articles through the real
document stages (spaCy included), and the timeline built from them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Config
from storyline.ingest import read_articles
from storyline.model import Article, Timeline
from storyline.pipeline import PreparedCorpus, prepare_articles, timeline_from

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = [
    "02_khartoum_declaration.txt",
    "05_security_council_june2020.html",
    "09_nile_basin_monitor.jsonl",
]


@pytest.fixture(scope="session")
def corpus() -> PreparedCorpus:
    return prepare_articles(read_articles([EXAMPLES / f for f in FILES]), Config())


@pytest.fixture(scope="session")
def articles(corpus: PreparedCorpus) -> list[Article]:
    return list(corpus.articles)


@pytest.fixture(scope="session")
def timeline(corpus: PreparedCorpus) -> Timeline:
    return timeline_from(corpus, Config())
