"""The whole pipeline on a small corpus written here (real spaCy, real files)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import storyline
from storyline.cli.main import cli
from storyline.config import Config
from storyline.render import to_json_dict

ARTICLE_A = """ date 2015-03-24 Egypt, Sudan and Ethiopia signed a declaration of principles on \
the Nile dam in Khartoum on Monday, a first step towards settling their dispute over the river.

The leaders of the three countries met in the Sudanese capital for the ceremony. Officials said \
technical studies on the dam's impact would follow within eleven months.

Ethiopia began building the dam on the Blue Nile in 2011, and Egypt fears it will cut its share \
of the river's water.
"""

ARTICLE_B = """ date 2015-03-23 The presidents of Egypt and Sudan and the Ethiopian prime minister \
put their names to a framework deal on the Blue Nile dam in Khartoum on 23 March 2015.

The agreement commits the three states to cooperate on how the reservoir is filled. Construction \
of the dam started in April 2011, when Ethiopia laid the foundation stone.

Egypt relies on the Nile for almost all of its fresh water.
"""

OFF_TOPIC = """ date 2015-03-22 Riverside won the league cup final on Sunday after a late goal \
from their captain settled a tense match in front of a full stadium of cheering supporters.

The coach praised his players and said the club would celebrate with a parade through the town \
centre next week, before the new season starts in August.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "nested").mkdir()
    (root / "nested" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (root / "football.txt").write_text(OFF_TOPIC, encoding="utf-8")
    (root / "empty.txt").write_text("   \n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return root


@pytest.fixture(scope="module")
def timeline(corpus: Path) -> storyline.Timeline:
    return storyline.build([corpus], Config(query="Nile dam"))


def test_every_input_is_used_or_skipped_with_a_reason(timeline: storyline.Timeline) -> None:
    used = {Path(a.path).name for a in timeline.articles}
    skipped = {Path(s.path).name: s.reason for s in timeline.skipped}
    assert used == {"a.txt", "b.txt"}
    assert skipped["football.txt"] == "off-topic"
    assert skipped["empty.txt"] == "empty"
    assert skipped["image.png"] in {"unsupported", "binary"}
    counts = timeline.provenance.counts
    assert counts["used"] == 2 and counts["skipped"] == 3


def test_same_event_from_two_outlets_is_one_entry_citing_both(
    timeline: storyline.Timeline,
) -> None:
    march = [e for e in timeline.entries if e.date.iso() == "2015-03-23"]
    assert len(march) == 1
    assert march[0].sources == 2
    assert {c.article for c in march[0].citations} == {a.id for a in timeline.articles}
    years = {e.date.iso() for e in timeline.entries}
    assert "2011-04" in years or "2011" in years
    assert timeline.story.summary and "Riverside" not in timeline.story.summary


def test_json_contract_and_determinism(corpus: Path, timeline: storyline.Timeline) -> None:
    doc = to_json_dict(timeline)
    assert doc["schema_version"] == "1" and doc["tool"]["name"] == "storyline"
    assert doc["provenance"]["config"]["query"] == "Nile dam"
    again = to_json_dict(storyline.build([corpus], Config(query="Nile dam")))
    assert json.dumps(doc, sort_keys=True) == json.dumps(again, sort_keys=True)


def _without_run_settings(timeline: storyline.Timeline) -> str:
    """The output minus the settings that say how (not what) was computed."""
    doc = to_json_dict(timeline)
    for key in ("executor", "cache"):
        doc["provenance"]["config"].pop(key)
    return json.dumps(doc, sort_keys=True)


def test_process_pool_gives_identical_output(corpus: Path, timeline: storyline.Timeline) -> None:
    parallel = storyline.build([corpus], Config(query="Nile dam", executor="processes:2"))
    assert parallel.provenance.config["executor"] == "processes:2"
    assert _without_run_settings(parallel) == _without_run_settings(timeline)


def test_characters_per_spacy_batch_do_not_change_the_output(
    corpus: Path, timeline: storyline.Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches are cut at `nlp.MAX_BATCH_CHARS` to bound memory: one text a batch and every
    text in one batch give the timeline the default gives (names, parses, events alike)."""
    from storyline import nlp

    for limit in (1, 10_000_000):
        monkeypatch.setattr(nlp, "MAX_BATCH_CHARS", limit)
        again = storyline.build([corpus], Config(query="Nile dam"))
        assert _without_run_settings(again) == _without_run_settings(timeline)


def test_auto_runs_small_jobs_in_process_and_larger_ones_in_a_pool(
    corpus: Path, timeline: storyline.Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.pipeline as pipeline

    specs: list[str] = []
    real = pipeline.executor_spec

    def spy(spec: str, *, several_batches: bool) -> str:
        specs.append(real(spec, several_batches=several_batches))
        return specs[-1]

    monkeypatch.setattr(pipeline, "executor_spec", spy)
    assert Config().executor == "auto"
    storyline.build([corpus], Config(query="Nile dam"))  # one batch
    # batches of 2 articles: several batches, so a pool of one worker per core
    pooled = storyline.build(
        [corpus], Config(query="Nile dam").with_value("annotate.batch_size", 2)
    )
    assert specs == ["serial", "processes:auto"]
    # the same output, but for the batch size the provenance records
    small = dataclasses.replace(pooled, provenance=timeline.provenance)
    assert _without_run_settings(small) == _without_run_settings(timeline)


def test_entries_alone_are_the_entries_of_the_full_timeline(
    corpus: Path, timeline: storyline.Timeline
) -> None:
    from storyline.ingest import read_articles
    from storyline.pipeline import prepare_articles, timeline_entries

    cfg = Config(query="Nile dam")
    prepared = prepare_articles(read_articles([corpus], cfg.ingest), cfg)
    assert tuple(timeline_entries(prepared, cfg)) == timeline.entries
    # without a query the off-topic article is not filtered out, as in timeline_from
    unfiltered = storyline.pipeline.timeline_from(prepared, Config())
    assert tuple(timeline_entries(prepared, Config())) == unfiltered.entries


def test_cache_reuses_prepared_articles(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    cfg = Config(query="Nile dam", cache=str(cache))
    first = storyline.build([corpus], cfg)
    assert cache.exists()
    second = storyline.build([corpus], cfg)
    assert _without_run_settings(first) == _without_run_settings(second)
    from storyline.store import Store

    with Store(cache) as store:
        assert store.count() == 3  # a.txt, b.txt and the off-topic article were prepared


def test_cli_build_writes_every_format_and_a_summary(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(corpus), "-o", str(out), "--query", "Nile dam", "--max-entries", "3"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.name != ".storyline-output") == [
        "timeline.html",
        "timeline.json",
        "timeline.md",
        "timelinejs.json",
    ]
    doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert 0 < len(doc["entries"]) <= 3
    assert "used 2 articles, skipped 3" in result.output


def test_cli_reports_bad_config_without_a_traceback(corpus: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["build", str(corpus), "-o", str(tmp_path / "o"), "--set", "timeline.nope=1"]
    )
    assert result.exit_code != 0
    assert "unknown config key" in result.output and "Traceback" not in result.output
