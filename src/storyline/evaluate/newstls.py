"""Finding news-tls topics (T17, Crisis, Entities) and writing timelines in their format.

Reading a topic (articles, keywords, reference timelines) is the ingest layer's job:
`storyline.ingest.read_newstls_topic`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.newstls import topic_article_file

ReferenceTimeline = list[tuple[dt.date, list[str]]]


def is_topic_dir(path: Path) -> bool:
    """A news-tls topic folder with reference timelines (what the protocol can score)."""
    return topic_article_file(path) is not None and (path / "timelines.jsonl").is_file()


def find_topics(paths: Sequence[Path]) -> list[Path]:
    """Topic folders named by `paths`: each a topic folder or a dataset root (sorted)."""
    topics: list[Path] = []
    for p in paths:
        if not p.is_dir():
            raise InputError(f"{p} is not a directory: give a news-tls dataset or topic folder")
        if is_topic_dir(p):
            topics.append(p)
            continue
        found = sorted(c for c in p.iterdir() if c.is_dir() and is_topic_dir(c))
        if not found:
            raise InputError(
                f"{p} holds no news-tls topic (a folder with keywords.json, "
                f"articles.jsonl[.gz] and timelines.jsonl): point to the dataset root or to "
                f"one topic folder"
            )
        topics.extend(found)
    return topics


def format_timeline(items: Sequence[tuple[dt.date, Sequence[str]]]) -> str:
    """The news-tls JSON line of a timeline: [["YYYY-MM-DDT00:00:00", [sentences]], ...]."""
    return json.dumps([[f"{d.isoformat()}T00:00:00", list(s)] for d, s in items])
