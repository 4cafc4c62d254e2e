"""`storyline build`: what it tells people. Every case runs the real command (click's
CliRunner, the real pipeline on the bundled examples)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli.hints import plural, summary_line
from storyline.cli.main import cli
from storyline.cli.progress import TqdmProgress

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
ONE = EXAMPLES / "03_washington_talks_begin.txt"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_no_usable_article_exits_with_a_hint(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("")
    (src / "short.txt").write_text("Too short to be an article.")
    code, out = _run("build", str(src), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "none of the 2 inputs could be used (empty: 1, not-article: 1)" in out
    assert "nothing was written" in out and "Fix:" in out
    assert not (tmp_path / "out").exists()


def test_an_empty_folder_or_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    code, out = _run("build", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "none of the 1 input could be used (empty: 1)" in out
    code, out = _run("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "none of the 1 input could be used (missing: 1)" in out


def test_query_matching_nothing_says_which_terms_matched(tmp_path: Path) -> None:
    code, out = _run("build", str(EXAMPLES), "-o", str(tmp_path), "--query", "zebra migration")
    assert code == 1
    assert "no article matches the query 'zebra migration'" in out
    assert "'migration' in 0 articles, 'zebra' in 0 articles" in out
    assert "timeline.query_min_fraction" in out
    assert list(tmp_path.iterdir()) == []
    # half the terms match: the hint counts the articles per term and names the nearest
    code, out = _run("build", str(EXAMPLES), "-o", str(tmp_path), "--query", "Nile zebra")
    assert code == 1
    n = int(re.search(r"'nile' in (\d+) articles", out).group(1))  # type: ignore[union-attr]
    assert n >= 5
    assert "'zebra' in 0 articles" in out
    assert "Nearest: " in out and "(50% of the terms)" in out


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_max_entries_must_be_a_positive_whole_number(tmp_path: Path, value: str) -> None:
    code, out = _run("build", str(ONE), "-o", str(tmp_path), "--max-entries", value)
    assert code == 2
    assert "Invalid value for '--max-entries'" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--executor", "processes:0"], "the number of workers must be a whole number >= 1"),
        (["--executor", "threads"], "use auto, serial, processes:N (N >= 1), processes, ray"),
        (["--executor", "auto:3"], "use auto, serial, processes:N (N >= 1), processes, ray"),
        (["--set", "timeline.max_entries=0"], "timeline.max_entries is 0; it must be at least 1"),
        (["--set", "annotate.batch_size=-1"], "annotate.batch_size is -1; it must be at least 1"),
        (
            ["--set", "timeline.query_min_fraction=1.5"],
            "timeline.query_min_fraction is 1.5; it must be between 0 and 1",
        ),
        (["--format", "json,pdf"], "pdf is not a format: use one or more of json, md, html"),
        (["--format", ","], "nothing is not a format"),
    ],
)
def test_numbers_and_names_checked_before_any_work(
    tmp_path: Path, args: list[str], message: str
) -> None:
    code, out = _run("build", str(ONE), "-o", str(tmp_path / "out"), *args)
    assert code == 2, out
    assert message in out
    assert not (tmp_path / "out").exists()


def test_summary_line_in_english_for_one(tmp_path: Path) -> None:
    code, out = _run("build", str(ONE), "-o", str(tmp_path), "--max-entries", "1")
    assert code == 0, out
    assert "storyline: used 1 article, skipped 0; 1 entry -> " in out
    assert str(tmp_path / "timelinejs.json") in out


def test_summary_line_in_english_for_many(tmp_path: Path) -> None:
    code, out = _run("build", str(EXAMPLES), "-o", str(tmp_path), "--query", "Renaissance Dam")
    assert code == 0, out
    assert re.search(r"storyline: used \d+ articles, skipped \d+ \([a-z-]+: \d+", out), out
    assert re.search(r"; \d+ entries -> ", out)
    code, quiet = _run("-q", "build", str(ONE), "-o", str(tmp_path / "q"))
    assert code == 0 and quiet == ""


def test_summary_line_words() -> None:
    assert plural(1, "article") == "1 article" and plural(0, "article") == "0 articles"
    assert plural(1, "entry", "entries") == "1 entry" and plural(2, "entry", "entries") == (
        "2 entries"
    )
    line = summary_line(
        {"used": 2, "skipped": 1, "entries": 0, "skipped_by_reason": {"empty": 1}},
        [],
        {"timelinejs.json": "the timeline has no entries"},
    )
    assert line == (
        "storyline: used 2 articles, skipped 1 (empty: 1); 0 entries\n"
        "storyline: timelinejs.json not written: the timeline has no entries"
    )


def test_progress_bars_cover_every_stage(tmp_path: Path) -> None:
    """The library reports each long stage; the CLI's bars show them (here on a string)."""
    from storyline import build
    from storyline.config import Config
    from storyline.render import write_report

    sink = io.StringIO()
    with TqdmProgress(disable=False, file=sink) as progress:
        timeline = build([EXAMPLES], Config(query="Renaissance Dam"), progress)
        write_report(timeline, tmp_path, ["json", "html"], progress)
    assert progress.stages == [
        "prepare",
        "syndication",
        "entities",
        "relevance",
        "timeline",
        "summary",
        "disagreements",
        "render",
    ]
    text = sink.getvalue()
    for stage in progress.stages:
        assert f"storyline {stage}" in text
    # records stream into the stages (never all held at once): the bar counts articles
    # without a total, up to every article prepared
    counts = [int(n) for n in re.findall(r"storyline prepare: (\d+)article", text)]
    assert counts and max(counts) == len(timeline.articles) + sum(
        1 for s in timeline.skipped if s.reason == "off-topic"
    )


def test_older_prepare_callback_still_counts_articles() -> None:
    from storyline import build

    seen: list[int] = []
    build([ONE], None, seen.append)
    assert sum(seen) == 1
