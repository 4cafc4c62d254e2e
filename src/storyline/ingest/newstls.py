"""news-tls / T17 / Crisis topic folders.

A topic folder holds `keywords.json` and one article file: `articles.jsonl(.gz)` (raw
records `{id, time, text, ...}`) or `articles.preprocessed.jsonl(.gz)` (records with
`sentences[].raw`); optionally `timelines.jsonl` (one reference timeline per line: a list
of `[date, [sentence, ...]]`) and `timeline_sources.json`. Only the article file holds
articles; when both kinds are present the raw one is read, so nothing is read twice.
Their text is Penn-Treebank tokenised ("Earth 's surface -LRB- crust -RRB- ,"): it is
detokenised on reading (`ptb.detokenize`), so every later stage reads ordinary prose.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.config import IngestConfig
from storyline.errors import InputError
from storyline.ingest.jsonrecords import read_jsonl
from storyline.ingest.ptb import detokenize, looks_tokenized
from storyline.ingest.records import article_id
from storyline.ingest.safeio import is_file
from storyline.model import Article, Skip

# Article files in order of preference.
ARTICLE_FILES = (
    "articles.jsonl",
    "articles.jsonl.gz",
    "articles.preprocessed.jsonl",
    "articles.preprocessed.jsonl.gz",
)
# Files of a topic folder that are not articles.
SIDECAR_FILES = frozenset({"keywords.json", "timelines.jsonl", "timeline_sources.json"})

Timeline = list[tuple[dt.date, list[str]]]


@dataclass(frozen=True)
class NewsTlsTopic:
    """A news-tls topic: its articles (a fresh iterator per call), keywords and timelines."""

    name: str
    path: Path
    articles: Callable[[], Iterator[Article | Skip]]
    keywords: list[str]
    timelines: list[Timeline]


def topic_article_file(folder: Path) -> Path | None:
    """The article file of a news-tls topic folder, or None when `folder` is not one."""
    if not is_file(folder / "keywords.json"):
        return None
    for name in ARTICLE_FILES:
        candidate = folder / name
        if is_file(candidate):
            return candidate
    return None


def is_topic_file(path: Path) -> bool:
    """True for the files of a topic folder other than its chosen article file: the
    sidecars and the article files that are not read."""
    article_file = topic_article_file(path.parent)
    if article_file is None:
        return False
    return path.name in SIDECAR_FILES or (path.name in ARTICLE_FILES and path != article_file)


def read_topic_articles(
    path: Path, shown: str, limits: IngestConfig | int | None = None
) -> Iterator[Article | Skip]:
    """The records of a topic's article file, detokenised where they are tokenised (the
    article id is that of the detokenised text)."""
    for item in read_jsonl(path, shown, limits):
        if isinstance(item, Article) and looks_tokenized(item.raw_text):
            text = detokenize(item.raw_text)
            title = detokenize(item.title) if item.title else item.title
            item = dataclasses.replace(
                item, raw_text=text, title=title, id=article_id(text, item.source)
            )
        yield item


def _parse_day(value: object, where: str) -> dt.date:
    if not isinstance(value, str) or len(value) < 10:
        raise InputError(f"{where}: expected an ISO date string, got {value!r}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise InputError(f"{where}: {value!r} is not an ISO date ({e})") from e


def read_timelines(path: Path) -> list[Timeline]:
    """The reference timelines of `timelines.jsonl`: one timeline per non-empty line."""
    timelines: list[Timeline] = []
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path} line {line_no}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{where} is not valid JSON ({e}); fix or remove it") from e
            if not isinstance(raw, list):
                raise InputError(f"{where}: a timeline must be a JSON list of [date, sentences]")
            timeline: Timeline = []
            for item in raw:
                if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], list)):
                    raise InputError(f"{where}: timeline items must be [date, [sentence, ...]]")
                sentences = [s for s in item[1] if isinstance(s, str)]
                timeline.append((_parse_day(item[0], where), sentences))
            timeline.sort(key=lambda entry: entry[0])
            timelines.append(timeline)
    return timelines


def read_newstls_topic(folder: str | Path, config: IngestConfig | None = None) -> NewsTlsTopic:
    """Open a news-tls topic folder. Raises InputError when it is not one."""
    path = Path(folder)
    article_file = topic_article_file(path)
    if article_file is None:
        raise InputError(
            f"{path} is not a news-tls topic folder: it needs keywords.json and one of "
            f"{', '.join(ARTICLE_FILES)}"
        )
    try:
        keywords_raw = json.loads((path / "keywords.json").read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"{path / 'keywords.json'} is not valid JSON ({e})") from e
    if not (isinstance(keywords_raw, list) and all(isinstance(k, str) for k in keywords_raw)):
        raise InputError(f"{path / 'keywords.json'} must be a JSON list of strings")
    timelines_path = path / "timelines.jsonl"
    timelines = read_timelines(timelines_path) if timelines_path.is_file() else []
    limits = config or IngestConfig()

    def articles() -> Iterator[Article | Skip]:
        return read_topic_articles(article_file, str(article_file), limits)

    return NewsTlsTopic(
        name=path.resolve().name,
        path=path,
        articles=articles,
        keywords=list(keywords_raw),
        timelines=timelines,
    )
