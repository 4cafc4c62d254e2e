"""render() and write_outputs(): formats, file names, atomic UTF-8 writes, determinism."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from storyline.errors import ConfigError, StorylineError
from storyline.model import Timeline
from storyline.render import FORMATS, OUTPUT_NAMES, render, write_outputs, write_report
from storyline.render.csvfile import COLUMNS, cell


def test_formats_and_names() -> None:
    assert FORMATS == ("json", "md", "html", "timelinejs", "csv")
    assert OUTPUT_NAMES == {
        "json": "timeline.json",
        "md": "timeline.md",
        "html": "timeline.html",
        "timelinejs": "timelinejs.json",
        "csv": "timeline.csv",
    }


def test_unknown_format_names_the_valid_ones(rich: Timeline, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="json, md, html, timelinejs, csv"):
        render(rich, "pdf")
    with pytest.raises(ConfigError, match="'pdf'"):
        write_outputs(rich, tmp_path / "out", ["json", "pdf"])
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_write_outputs(rich: Timeline, tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    paths = write_outputs(rich, out, ["html", "json", "md", "timelinejs", "csv", "json"])
    assert [p.name for p in paths] == [
        "timeline.html",
        "timeline.json",
        "timeline.md",
        "timelinejs.json",
        "timeline.csv",
    ]
    # no temp files left; the marker keeps a later run from reading the folder as input
    assert sorted(os.listdir(out)) == sorted([".storyline-output", *(p.name for p in paths)])
    for p in paths:
        data = p.read_bytes()
        fmt = next(k for k, v in OUTPUT_NAMES.items() if v == p.name)
        assert data == render(rich, fmt).encode("utf-8")
        assert b"\r" not in data and data.endswith(b"\n")


def test_rewrite_replaces_files(rich: Timeline, empty: Timeline, tmp_path: Path) -> None:
    write_outputs(rich, tmp_path, FORMATS)
    paths = write_outputs(empty, tmp_path, FORMATS)
    kept = [f for f in FORMATS if f != "timelinejs"]
    assert all(
        p.read_bytes() == render(empty, f).encode() for p, f in zip(paths, kept, strict=True)
    )


def test_no_events_free_timelinejs(rich: Timeline, empty: Timeline, tmp_path: Path) -> None:
    report = write_report(empty, tmp_path, ["json", "timelinejs"])
    assert [p.name for p in report.written] == ["timeline.json"]
    assert report.skipped == {
        "timelinejs.json": "the timeline has no entries, and TimelineJS refuses a file without "
        "events"
    }
    assert not (tmp_path / "timelinejs.json").exists()
    # a timelinejs.json of an earlier build with entries is removed, and the report says so
    write_outputs(rich, tmp_path, ["timelinejs"])
    report = write_report(empty, tmp_path, ["timelinejs"])
    assert not (tmp_path / "timelinejs.json").exists()
    assert "removed the timelinejs.json of an earlier build" in report.skipped["timelinejs.json"]


def test_write_report_progress(rich: Timeline, tmp_path: Path) -> None:
    events: list[tuple[str, object]] = []

    class Recorder:
        def stage(self, name: str, total: int | None = None) -> None:
            events.append(("stage", (name, total)))

        def advance(self, n: int = 1) -> None:
            events.append(("advance", n))

    write_report(rich, tmp_path, ["json", "md"], progress=Recorder())
    assert events == [("stage", ("render", 2)), ("advance", 1), ("advance", 1)]


def test_out_dir_that_is_a_file(rich: Timeline, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(StorylineError, match="choose another"):
        write_outputs(rich, target, ["json"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_deterministic_and_newline_terminated(fmt: str, make_rich, empty: Timeline) -> None:  # type: ignore[no-untyped-def]
    a, b = render(make_rich(), fmt), render(make_rich(), fmt)
    assert a == b
    assert a.endswith("\n") and not a.endswith("\n\n")
    assert render(empty, fmt).endswith("\n")


def test_csv_rows(rich: Timeline) -> None:
    rows = list(csv.reader(io.StringIO(render(rich, "csv"))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + len(rich.entries)
    talks = dict(zip(COLUMNS, rows[5], strict=True))
    assert talks["date"] == "2019-01-14" and talks["granularity"] == "day"
    assert talks["outlets"] == "Northern Wire; Harbour Gazette (via AFP); Coastal Times"
    assert talks["citations"] == (
        '[1] Northern Wire, “Talks on "islands" begin <b>today</b>”, 14 January 2019 | '
        "[2] Harbour Gazette (via AFP), “Foreign ministers to meet over island chain”, "
        "11 January 2019, https://harbour.example/news/islands-talks | "
        "[4] Coastal Times, “Ministers meet in Moscow”, 14 January 2019, "
        "http://coastal.example/a?x=1&y=2"
    )
    # no article or entry id (a hash) in any cell
    assert not any("a-wire" in c or "e-talks" in c for row in rows for c in row)
    assert talks["single_source"] == "false" and talks["sources"] == "3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("plain\ntext", "plain text"),
        ("a = b", "a = b"),
    ],
)
def test_csv_cells_cannot_be_formulas(text: str, expected: str) -> None:
    assert cell(text) == expected


def test_same_bytes_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    import subprocess
    import sys

    conftest = Path(__file__).with_name("conftest.py")
    script = (
        "import importlib.util, sys, hashlib\n"
        f"spec = importlib.util.spec_from_file_location('render_fixtures', {str(conftest)!r})\n"
        "mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)\n"
        "from storyline.render import FORMATS, render\n"
        "t = mod.rich_timeline()\n"
        "print(hashlib.sha256(''.join(render(t, f) for f in FORMATS).encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1
