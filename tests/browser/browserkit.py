"""Helpers of the real-browser tests: Debian's Chromium driven by Playwright (for Python, pointed
at the system browser: never a downloaded one).

The browser is `$STORYLINE_CHROMIUM`, else the first of chromium / chromium-browser /
google-chrome on PATH (/usr/bin/chromium on Debian: `apt-get install chromium chromium-driver`).
Tests skip, saying so, only when no browser is found. Pages are served from a made-up origin
(`http://storyline.test/`) by request interception, so every request the page makes is seen:
anything but the page itself (and, for TimelineJS, its local files) is recorded and refused.

The npm packages the tests load (axe-core, TimelineJS3, ESLint, Stylelint) are in
`tests/browser/node_modules` (`npm ci` there; `make test` and `.ci/run` do it).
Screenshots are written to `tests/browser/_artifacts/` (gitignored).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
NODE_MODULES = HERE / "node_modules"
ARTIFACTS = HERE / "_artifacts"
ORIGIN = "http://storyline.test"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_browser() -> str | None:
    env = os.environ.get("STORYLINE_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def shared_dir() -> Path | None:
    """The shared data folder: $STORYLINE_SHARED, else `shared/` beside the repository (CI) or
    beside the folder holding this worktree."""
    candidates = [os.environ.get("STORYLINE_SHARED"), REPO.parent / "shared"]
    candidates.append(REPO.parent.parent / "shared")
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c)
    return None


def node_asset(*parts: str) -> Path:
    path = NODE_MODULES.joinpath(*parts)
    if not path.exists():
        pytest.fail(
            f"{path} is missing: run `npm ci` in tests/browser (make test and .ci/run do it)"
        )
    return path


@dataclass
class Served:
    """A browser page whose requests are all answered from local files (or refused)."""

    page: Any
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def serve(self, path: str, body: bytes | str, content_type: str = "text/html") -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.files[path] = (data, content_type)
        return ORIGIN + path

    def serve_file(self, path: str, file: Path) -> str:
        kinds = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}
        return self.serve(path, file.read_bytes(), kinds.get(file.suffix, "text/html"))

    def serve_dir(self, prefix: str, folder: Path) -> str:
        """Serve every file under `folder` at `prefix` + its relative path."""
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                self.serve_file(prefix + file.relative_to(folder).as_posix(), file)
        return ORIGIN + prefix

    def allow_file(self, file: Path) -> str:
        """Let the page load this local file by its file:// URL (and nothing else from disk)."""
        url = file.resolve().as_uri()
        self.files[url] = (b"", "file")
        return url

    def open(self, path: str, fragment: str = "") -> None:
        self.page.goto(ORIGIN + path + fragment)

    def wait_ready(self) -> None:
        self.page.wait_for_selector("html[data-viewer='ready']", timeout=10_000)

    def clean(self) -> None:
        """No console error, no uncaught exception, no request for anything not served."""
        assert self.errors == [], self.errors
        assert self.refused == [], self.refused


@dataclass(frozen=True)
class Built:
    """A viewer built by `storyline build` from a folder of articles; `doc` is the data the
    page embeds (`timeline.json` plus its `viewer` section)."""

    name: str
    html: Path
    doc: dict[str, Any]
    timelinejs: Path | None


def build_viewer(name: str, folder: Path, query: str | None, out: Path) -> Built:
    from storyline import build
    from storyline.config import Config
    from storyline.render import write_outputs
    from storyline.render.viewer_data import viewer_document

    timeline = build([folder], Config(query=query))
    write_outputs(timeline, out, ["json", "html", "timelinejs"])
    doc = json.loads(json.dumps(viewer_document(timeline)))  # what the page embeds
    tjs = out / "timelinejs.json"
    return Built(name, out / "timeline.html", doc, tjs if tjs.exists() else None)


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
