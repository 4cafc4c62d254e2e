"""JSON/JSONL records of the common crawlers, and news-tls topic folders."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import time
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest import read_articles, read_newstls_topic
from storyline.model import Article, Skip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
T17 = SHARED / "data" / "t17"


def test_news_please_jsonl_every_line_accounted_for() -> None:
    path = FIXTURES / "records" / "newsplease.jsonl"
    items = list(read_articles([path]))
    shown = {item.path.rsplit("#", 1)[1]: item for item in items}
    assert sorted(shown) == ["L1", "L2", "L3", "L4", "L6"]  # L5 is blank
    first = shown["L1"]
    assert isinstance(first, Article)
    assert first.path == f"{path}#L1"
    assert first.source == "northwire.example"
    assert first.title == "Island deal reached"
    assert (first.given_date, first.given_date_how) == ("2022-06-14 10:00:00", "field")
    assert first.crawled == dt.date(2022, 6, 15)
    assert first.language == "en"
    assert first.raw_text.startswith("Denmark and Canada agreed")
    malformed = shown["L2"]
    assert isinstance(malformed, Skip) and malformed.reason == "malformed"
    assert malformed.detail.startswith("line 2: ")
    assert shown["L3"].reason == "empty"  # type: ignore[union-attr]
    assert shown["L4"].reason == "malformed"  # type: ignore[union-attr]
    last = shown["L6"]
    assert isinstance(last, Article)
    assert (last.source, last.given_date, last.given_date_how) == (
        "polar.example",
        "2022-06-16",
        "url",
    )


def test_gzipped_jsonl_reads_the_same_records(tmp_path: Path) -> None:
    source = FIXTURES / "records" / "newsplease.jsonl"
    target = tmp_path / "dump.jsonl.gz"
    target.write_bytes(gzip.compress(source.read_bytes()))
    plain = list(read_articles([source]))
    packed = list(read_articles([target]))
    assert [type(x) for x in plain] == [type(x) for x in packed]
    assert [x.id for x in plain if isinstance(x, Article)] == [
        x.id for x in packed if isinstance(x, Article)
    ]
    assert packed[0].path == f"{target}#L1"


def test_truncated_gzip_reports_where_it_stopped(tmp_path: Path) -> None:
    data = gzip.compress((FIXTURES / "records" / "newsplease.jsonl").read_bytes())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(read_articles([tmp_path / "cut.jsonl.gz"]))
    assert isinstance(items[-1], Skip) and items[-1].reason == "unreadable"


def test_json_array_cc_news_and_single_trafilatura_object() -> None:
    items = list(read_articles([FIXTURES / "records" / "ccnews.json"]))
    assert [type(x).__name__ for x in items] == ["Article", "Skip"]
    a = items[0]
    assert isinstance(a, Article)
    assert a.path.endswith("ccnews.json#1")
    assert (a.source, a.title) == ("arcticnews.example", "Rock of contention no more")
    assert (items[1].path.endswith("#2"), items[1].reason) == (True, "empty")  # type: ignore[union-attr]
    (t,) = list(read_articles([FIXTURES / "records" / "trafilatura.json"]))
    assert isinstance(t, Article)
    assert t.url == "https://www.northwire.example/border-drawn"
    assert t.source == "northwire.example"
    assert t.raw_text.startswith("A border now runs")  # `text`, not `raw_text`


def test_html_inside_a_record_is_extracted() -> None:
    from storyline.ingest.jsonrecords import record_to_article

    record = {
        "content": "<html><body><article><p>Lawmakers approved the island agreement on "
        "Thursday by a large majority, the parliament said.</p><p>The treaty now goes to "
        "the other country's parliament.</p></article></body></html>",
        "url": "https://polar.example/2022/12/01/vote",
        "published": "2022-12-01",
    }
    a = record_to_article("x.jsonl#L1", record, "line 1")
    assert isinstance(a, Article)
    assert "<p>" not in a.raw_text and a.raw_text.startswith("Lawmakers approved")
    assert (a.given_date, a.given_date_how) == ("2022-12-01", "field")


def test_newstls_folder_reads_only_articles() -> None:
    items = list(read_articles([FIXTURES / "newstls"]))
    assert [Path(x.path).name for x in items] == ["articles.jsonl#L1", "articles.jsonl#L2"]
    assert all(isinstance(x, Article) and x.given_date_how == "field" for x in items)
    (skip,) = list(read_articles([FIXTURES / "newstls" / "arctic" / "keywords.json"]))
    assert isinstance(skip, Skip) and skip.reason == "not-article"


def test_read_newstls_topic() -> None:
    topic = read_newstls_topic(FIXTURES / "newstls" / "arctic")
    assert topic.name == "arctic"
    assert topic.keywords == ["arctic", "island"]
    assert len(topic.timelines) == 2
    first = topic.timelines[0]
    assert [d for d, _ in first] == [dt.date(1973, 12, 17), dt.date(2022, 6, 14)]
    assert first[1][1] == ["Denmark and Canada sign a deal dividing Hans Island ."]
    ids = [a.id for a in topic.articles()]
    assert len(ids) == 2 and ids == [a.id for a in topic.articles()]
    with pytest.raises(InputError, match=r"keywords\.json"):
        read_newstls_topic(FIXTURES / "records")


def test_preprocessed_topic_and_raw_preferred(tmp_path: Path) -> None:
    topic = tmp_path / "topic"
    topic.mkdir()
    (topic / "keywords.json").write_text('["island"]', encoding="utf-8")
    record = {
        "id": "p1",
        "time": "2022-06-14 00:00:00",
        "title": None,
        "text": "",
        "sentences": [
            {"raw": "The deal was signed on Tuesday .", "tokens": {}, "pub_time": "2022-06-14"},
            {"raw": "It ends a long dispute .", "tokens": {}, "pub_time": "2022-06-14"},
        ],
    }
    with gzip.open(topic / "articles.preprocessed.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    (a,) = list(read_articles([tmp_path]))
    assert isinstance(a, Article)
    assert a.raw_text == "The deal was signed on Tuesday .\nIt ends a long dispute ."
    shutil.copy(FIXTURES / "newstls" / "arctic" / "articles.jsonl", topic / "articles.jsonl")
    items = list(read_articles([tmp_path]))
    assert [Path(x.path).name for x in items] == ["articles.jsonl#L1", "articles.jsonl#L2"]


@pytest.mark.shared
def test_t17_topic_counts_match_stats() -> None:
    if not (T17 / "STATS.json").is_file():
        pytest.skip(f"T17 data not found at {T17} (the shared data folder is absent)")
    stats = json.loads((T17 / "STATS.json").read_text(encoding="utf-8"))
    start = time.perf_counter()
    topic = read_newstls_topic(T17 / "mj")
    articles = list(topic.articles())
    assert len(articles) == stats["mj"]["articles"]
    assert all(isinstance(a, Article) and a.given_date for a in articles)
    assert [len(t) for t in topic.timelines] == [n for _, n in stats["mj"]["timelines"]]
    assert topic.keywords == ["michael", "jackson"]
    assert time.perf_counter() - start >= 0  # timing is reported by bench/, never asserted


def test_newsapi_wrapper_and_source_object(tmp_path: Path) -> None:
    payload = {
        "status": "ok",
        "totalResults": 1,
        "articles": [
            {
                "source": {"id": None, "name": "Polar Times"},
                "title": "Island vote set",
                "url": "https://polar.example/vote",
                "publishedAt": "2022-06-20T08:00:00Z",
                "content": "Lawmakers will vote on the island treaty next week, the speaker said.",
            }
        ],
    }
    (tmp_path / "newsapi.json").write_text(json.dumps(payload), encoding="utf-8")
    (a,) = list(read_articles([tmp_path / "newsapi.json"]))
    assert isinstance(a, Article)
    assert (a.source, a.given_date, a.path) == (
        "Polar Times",
        "2022-06-20T08:00:00Z",
        f"{tmp_path / 'newsapi.json'}#1",
    )


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    (skip,) = list(read_articles([tmp_path / "nothing"]))
    assert isinstance(skip, Skip) and skip.reason == "empty"
