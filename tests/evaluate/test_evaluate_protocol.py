"""The T17 protocol runner, with a small hand-written topic and a stand-in predictor."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.cli.evaluate import format_table
from storyline.config import Config
from storyline.errors import InputError
from storyline.evaluate.newstls import find_topics, format_timeline
from storyline.evaluate.protocol import (
    PROTOCOL_METHOD,
    PredictedTimeline,
    evaluate_datasets,
    keep_for,
    protocol_config,
    reference_size,
)
from storyline.ingest.newstls import read_timelines
from storyline.model import Article, Skip

ARTICLES = [
    ("a1", "2012-03-01", "Flooding closes the river port. Barges wait downstream."),
    ("a2", "2012-03-01", "The river port is closed by floods. Traders count losses."),
    ("a3", "2012-03-04", "Engineers reopen the river lock. Barges move again."),
    ("a4", "2012-03-09", "A report blames the flood defences. The minister resigns."),
    ("a5", "2012-03-09", "Cricket: the home side wins the final."),  # no keyword
    ("a6", "2012-04-20", "The river port expands after the floods."),  # out of range
]
REFERENCES = [
    [
        ["2012-03-01T00:00:00", ["Floods close the river port .", "Barges are stuck ."]],
        ["2012-03-04T00:00:00", ["The lock reopens ."]],
        ["2012-03-09T00:00:00", ["The minister resigns over the flood defences ."]],
    ],
    [["2012-03-04T00:00:00", ["Barges move again on the river ."]]],
]


@pytest.fixture()
def topic_dir(tmp_path: Path) -> Path:
    topic = tmp_path / "t17" / "flood"
    topic.mkdir(parents=True)
    with gzip.open(topic / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        for ident, time, text in ARTICLES:
            f.write(json.dumps({"id": ident, "time": time, "text": text}) + "\n")
        f.write("{not json\n")
    (topic / "keywords.json").write_text(json.dumps(["river", "flood"]), encoding="utf-8")
    (topic / "timelines.jsonl").write_text(
        "\n".join(json.dumps(r) for r in REFERENCES) + "\n", encoding="utf-8"
    )
    return topic


class FirstSentences:
    """Stand-in predictor: the most reported days in range, first sentences of their articles."""

    def __init__(self) -> None:
        self.configs: list[Config] = []

    def prepare(self, items: Iterable[Article | Skip], config: Config) -> list[Article]:
        return [a for a in items if isinstance(a, Article)]

    def restrict(self, corpus: list[Article], keep: Callable[[Article], bool]) -> list[Article]:
        return [a for a in corpus if keep(a)]

    def predict(self, corpus: list[Article], config: Config) -> PredictedTimeline:
        self.configs.append(config)
        by_day: dict[dt.date, list[str]] = {}
        for a in sorted(corpus, key=lambda a: a.path):
            assert a.given_date
            day = dt.date.fromisoformat(a.given_date[:10])
            by_day.setdefault(day, []).append(a.raw_text.split(". ")[0])
        ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[: config.timeline.max_entries]
        k = config.timeline.sentences_per_entry
        return [(d, by_day[d][:k]) for d in sorted(ranked)]


def test_protocol_config_follows_the_reference() -> None:
    ref = [(dt.date(2012, 3, 1), ["a", "b"]), (dt.date(2012, 3, 9), ["c", "d", "e"])]
    assert reference_size(ref) == (2, 2)  # round(2.5) == 2, like news-tls
    cfg = protocol_config(Config(), ref)
    t = cfg.timeline
    assert (t.max_entries, t.sentences_per_entry) == (2, 2)
    assert (t.start, t.end, t.allow_coarse) == ("2012-03-01", "2012-03-09", False)
    assert t.keywords == ()  # the topic keywords restrict the articles, not the sentences


def test_keep_filters_range_and_keywords() -> None:
    keep = keep_for(dt.date(2012, 3, 1), dt.date(2012, 3, 9), ["River"])
    inside = Article(id="x", path="p", raw_text="The RIVER rises.", given_date="2012-03-09T10:00")
    assert keep(inside)
    assert not keep(Article(id="y", path="p", raw_text="No match.", given_date="2012-03-02"))
    assert not keep(Article(id="z", path="p", raw_text="river", given_date="2012-03-10"))
    assert not keep(Article(id="w", path="p", raw_text="river"))


def test_evaluate_topic_end_to_end(topic_dir: Path, tmp_path: Path) -> None:
    predictor = FirstSentences()
    out = tmp_path / "pred"
    report = evaluate_datasets([topic_dir.parent], Config(), predictor, save_dir=out)
    assert [(r.topic, r.index, r.l, r.k) for r in report.results] == [
        ("flood", 0, 3, 1),
        ("flood", 1, 1, 1),
    ]
    first, second = report.results
    assert first.n_input == 4  # a5 has no keyword, a6 is after the range
    assert second.n_input == 1  # only a3 is published on 2012-03-04
    assert [d.isoformat() for d, _ in first.prediction] == [
        "2012-03-01",
        "2012-03-04",
        "2012-03-09",
    ]
    assert first.scores.date.f1 == 1.0
    # "engin reopen river lock" vs "barg move river": 1 hit of 4 predicted, 3 reference
    assert second.scores.ar1.f1 == pytest.approx(2 / 7)
    assert report.n_skipped == 1 and report.n_articles == 6
    assert [c.timeline.max_entries for c in predictor.configs] == [3, 1]
    # saved predictions: one line per reference, news-tls format, reference order
    lines = (out / "flood.timelines.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    saved = json.loads(lines[1])
    assert saved == [["2012-03-04T00:00:00", ["Engineers reopen the river lock"]]]
    agg = report.as_dict()["aggregate"]
    assert {"ar1_f", "ar2_f", "date_f1", "seconds"} <= set(agg)
    assert agg["date_f1"] == pytest.approx(1.0)
    table = format_table(report)
    assert "aggregate" in table and "articles/s" in table


def test_single_topic_folder_and_errors(topic_dir: Path, tmp_path: Path) -> None:
    assert find_topics([topic_dir]) == [topic_dir]
    assert find_topics([topic_dir.parent]) == [topic_dir]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no news-tls topic"):
        find_topics([empty])


def test_empty_prediction_is_scored_zero(topic_dir: Path) -> None:
    class Nothing(FirstSentences):
        def predict(self, corpus: list[Article], config: Config) -> PredictedTimeline:
            return []

    report = evaluate_datasets([topic_dir], Config(), Nothing())
    assert report.aggregate.ar1.f1 == 0.0 and report.aggregate.date.f1 == 0.0


@given(
    st.dictionaries(
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
        st.lists(st.text(max_size=30), max_size=3),
        max_size=5,
    )
)
def test_saved_format_round_trips(timeline: dict[dt.date, list[str]]) -> None:
    import tempfile

    items = sorted(timeline.items())
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "timelines.jsonl"
        path.write_text(format_timeline(items) + "\n", encoding="utf-8")
        assert read_timelines(path) == [items]


def test_the_cli_evaluates_the_protocol_strategy_unless_told(topic_dir: Path) -> None:
    from click.testing import CliRunner

    from storyline.cli.main import cli

    def method(*args: str) -> str:
        result = CliRunner().invoke(cli, ["-q", "evaluate", str(topic_dir), "--json", *args])
        assert result.exit_code == 0, result.output
        return str(json.loads(result.output.strip().splitlines()[-1])["aggregate"]["method"])

    assert method() == PROTOCOL_METHOD == "timeline.datewise.v1"
    assert method("--method", "timeline.events.v1") == "timeline.events.v1"
    events = "timeline.method=timeline.events.v1"
    assert method("--set", events) == "timeline.events.v1"  # --set wins over --method
