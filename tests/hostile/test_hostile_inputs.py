"""The hostile-input corpus (tests/hostile/corpus.py) through `storyline build`, as a user
runs it: no crash, no traceback, no hang, no network, and every input listed in
`articles[]` with the outcome expected of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.config import IngestConfig
from storyline.ingest import read_articles
from storyline.ingest.safeio import display_path
from storyline.model import Article, Skip

from .conftest import listed, run_storyline
from .corpus import STORY, Case, make_corpus, unreadable


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Path, Any]:
    root = tmp_path_factory.mktemp("hostile") / "in"
    cases = make_corpus(root, "small")
    out = root.parent / "out"
    proc = run_storyline(
        "build", str(root), "-o", str(out), "--format", "json,md,html,timelinejs,csv"
    )
    return cases, out, proc


def _entries(case_path: Path, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    shown = display_path(case_path)
    return [a for p, a in articles.items() if p == shown or p.startswith(shown + "#")]


@pytest.mark.slow
def test_the_run_ends_cleanly(built: tuple[list[Case], Path, Any]) -> None:
    _, out, proc = built
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    for name in ("timeline.json", "timeline.md", "timeline.html", "timelinejs.json"):
        assert (out / name).stat().st_size > 0


@pytest.mark.slow
def test_every_input_is_listed_with_its_expected_outcome(
    built: tuple[list[Case], Path, Any],
) -> None:
    cases, out, _ = built
    articles = listed(out)
    problems = []
    for case in cases:
        for path in case.paths:
            found = _entries(path, articles)
            if len(found) < case.records:
                problems.append(f"{case.name}: {display_path(path)} listed {len(found)} times")
                continue
            if case.expect is None:
                continue
            outcomes = {a["skip_reason"] or "used" for a in found}
            if case.expect == "used":
                # used, or a later stage's judgement (off-topic, not-article, duplicate)
                if not outcomes & {"used", "not-article", "duplicate"}:
                    problems.append(f"{case.name}: {outcomes}")
            elif case.expect not in outcomes:
                problems.append(f"{case.name}: expected {case.expect}, got {outcomes}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_traceback_and_a_reason_for_every_skip(built: tuple[list[Case], Path, Any]) -> None:
    _, out, _ = built
    doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    for a in doc["articles"]:
        if a["status"] == "skipped":
            assert a["skip_reason"], a
    assert doc["provenance"]["counts"]["skipped_by_reason"].get("error", 0) == 0


def test_the_2087_field_date_is_not_accepted(tmp_path: Path) -> None:
    from storyline.clean import clean_article
    from storyline.dating import explain_date

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": STORY * 3, "date": "2087-03-01"}) + "\n")
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article)
    cleaned = clean_article(article, min_chars=50)
    assert isinstance(cleaned, Article)
    report = explain_date(cleaned)
    assert report.published is None or report.published.start.year == 2019
    field = next(c for c in report.candidates if c.how == "field")
    assert not field.accepted and "2087" in field.value, field


@pytest.mark.parametrize(
    "value", ["2019-02-30", "0000-00-00", "0001-01-01", "9999-12-31", "1549929600", "-1"]
)
def test_impossible_dates_are_rejected_with_a_reason(value: str) -> None:
    from storyline.dating import explain_date
    from storyline.ingest.records import make_article

    article = make_article("x", STORY * 3, given_date=value, given_date_how="field")
    report = explain_date(article)
    field = next(c for c in report.candidates if c.how == "field")
    assert not field.accepted and field.reason


def test_readers_stop_a_gzip_bomb_early(tmp_path: Path) -> None:
    from .corpus import _gzip_bomb

    path = _gzip_bomb(tmp_path / "bomb.jsonl.gz", 0.25)
    items = list(read_articles([path], IngestConfig(max_bytes=1_000_000)))
    assert [s.reason for s in items if isinstance(s, Skip)] == ["unreadable"]
    assert "gzip bomb" in items[-1].detail


def test_a_truncated_gz_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    import gzip

    lines = "\n".join(json.dumps({"text": f"{STORY} Copy {i}."}) for i in range(400))
    whole = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(read_articles([path]))
    used = [i for i in items if isinstance(i, Article)]
    assert used and isinstance(items[-1], Skip) and items[-1].reason == "unreadable"
    assert "truncated" in items[-1].detail


def test_encodings_are_detected(tmp_path: Path) -> None:
    from .corpus import CYRILLIC, FRENCH

    (tmp_path / "ru.txt").write_bytes((CYRILLIC * 2).encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes((FRENCH * 2).encode("latin-1"))
    (tmp_path / "le.txt").write_bytes((STORY * 2).encode("utf-16-le"))
    texts = {Path(a.path).name: a.raw_text for a in read_articles([tmp_path])}
    assert "Совет города" in texts["ru.txt"]
    assert "février" in texts["fr.txt"]
    assert texts["le.txt"].startswith("The council")


def test_nul_and_surrogates_never_reach_an_article(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"text": "a\\u0000b \\ud800 c", "title": "t\\u001b[31m", "source": "\\udfff"}\n'
    )
    (article,) = list(read_articles([path]))
    assert isinstance(article, Article)
    # a source made only of a lone surrogate names no outlet: None, never the surrogate
    assert article.source is None
    for value in (article.raw_text, article.title):
        assert value is not None
        assert "\x00" not in value and "\x1b" not in value
        value.encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize("where", ["open folder", "closed folder"])
def test_unreadable_file_as_another_user(tmp_path: Path, where: str) -> None:
    """Run the reader as `nobody` when we are root (root reads any file); as a non-root
    user, the file's mode alone makes it unreadable. In a folder nobody may search, even
    asking whether the file exists fails: that is a Skip too, not a crash."""
    import tempfile

    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = unreadable(folder)
    folder.chmod(0o755 if where == "open folder" else 0o700)
    if where == "open folder":
        for parent in (tmp_path, *tmp_path.parents):
            if parent == Path("/tmp") or parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o055)
    # everything is imported before privileges are dropped (the interpreter's own files
    # may be readable by root only); the read itself runs as nobody
    code = (
        "import os, sys, json\n"
        "from storyline.ingest import read_articles\n"
        "if os.getuid() == 0:\n"
        "    os.setgid(65534); os.setuid(65534)\n"
        "print(json.dumps([[i.reason, i.detail] for i in read_articles([sys.argv[1]])]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    if proc.returncode != 0 and "Operation not permitted" in proc.stderr:
        pytest.skip("cannot drop privileges here")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0][0] == "unreadable"


@pytest.mark.parametrize("kind", ["symlink", "file", "read-only"])
def test_bad_output_folders_give_a_clear_error(tmp_path: Path, kind: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY * 3)
    out = tmp_path / "out"
    if kind == "symlink":
        (tmp_path / "real").mkdir()
        out.symlink_to(tmp_path / "real")
    elif kind == "file":
        out.write_text("not a folder")
    else:
        out.mkdir()
        out.chmod(0o555)
        if os.access(out, os.W_OK):
            pytest.skip("running as root: a read-only folder is writable")
    proc = run_storyline("build", str(src), "-o", str(out))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "Error:" in proc.stderr and str(out) in proc.stderr, proc.stderr


def test_output_inside_the_input_is_not_read_back(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"{i}.txt").write_text(f" date 2019-02-1{i} {STORY} Report {i}." * 2)
    out = src / "out"
    first = run_storyline("build", str(src), "-o", str(out))
    assert first.returncode == 0, first.stderr
    before = (out / "timeline.json").read_text(encoding="utf-8")
    second = run_storyline("build", str(src), "-o", str(out))
    assert second.returncode == 0, second.stderr
    articles = listed(out)
    assert articles[display_path(out)]["skip_reason"] == "own-output"
    assert not any(p.startswith(str(out) + os.sep) for p in articles)
    doc = json.loads(before)
    assert (
        doc["provenance"]["counts"]["used"]
        == json.loads((out / "timeline.json").read_text(encoding="utf-8"))["provenance"]["counts"][
            "used"
        ]
    )
