"""The commands the README and docs/cli.md show still run: every ```sh block of docs/cli.md
line by line, the README's Python example, and the two `make` targets the README opens with."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def blocks(path: Path, lang: str) -> list[str]:
    return [body for kind, body in FENCE.findall(path.read_text(encoding="utf-8")) if kind == lang]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    return tmp_path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


def test_the_readme_opens_with_the_demo_and_test_targets() -> None:
    first = blocks(ROOT / "README.md", "")[0]
    assert [line.split()[:2] for line in first.strip().splitlines()] == [
        ["make", "demo"],
        ["make", "test"],
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", ci, re.M), ".ci/run must run the README's test command"


@pytest.mark.slow
def test_every_cli_example_runs(workdir: Path) -> None:
    (block,) = blocks(ROOT / "docs" / "cli.md", "sh")
    lines = [line for line in block.splitlines() if line.strip()]
    assert len(lines) >= 3
    for line in lines:
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", line],
            cwd=workdir,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, f"{line!r} failed:\n{done.stderr[-2000:]}"
    doc = json.loads((workdir / "out" / "examples" / "timeline.json").read_text(encoding="utf-8"))
    assert doc["entries"] and doc["provenance"]["config"]["query"] == "Renaissance Dam"
    assert (workdir / "out" / "md-only" / "timeline.md").is_file()
    assert not (workdir / "out" / "md-only" / "timeline.json").exists()
    days = json.loads((workdir / "out" / "days" / "timeline.json").read_text(encoding="utf-8"))
    assert all(len(e["date"]) == 10 for e in days["entries"])
    assert days["provenance"]["config"]["timeline"]["datewise"]["neighbour_penalty"] == 0.3


@pytest.mark.slow
def test_the_readme_python_example_runs(workdir: Path) -> None:
    (code,) = blocks(ROOT / "README.md", "python")
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=workdir,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"^\d{4}(-\d\d){0,2} \S", done.stdout, re.M)
    assert {p.name for p in (workdir / "out").iterdir()} >= {"timeline.json", "timeline.md"}
