"""Fixtures of the real-browser tests; what they use is described in browserkit.py."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browserkit import (
    FLAGS,
    HERE,
    ORIGIN,
    REPO,
    Built,
    Served,
    build_viewer,
    find_browser,
    shared_dir,
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    executable = find_browser()
    if executable is None:
        pytest.skip(
            "no Chromium found (set STORYLINE_CHROMIUM or `apt-get install chromium "
            "chromium-driver`); the browser tests need a real browser"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def served(chromium: Any) -> Iterator[Callable[..., Served]]:
    contexts: list[Any] = []

    def make(**options: Any) -> Served:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = chromium.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        s = Served(page)

        def route(r: Any) -> None:
            url = r.request.url
            s.requests.append(url)
            path = re.sub(r"[?#].*$", "", url.removeprefix(ORIGIN))
            if url.startswith("file://") and s.files.get(path, (b"", ""))[1] == "file":
                r.continue_()
            elif url.startswith(ORIGIN) and path in s.files:
                body, kind = s.files[path]
                r.fulfill(status=200, body=body, content_type=kind)
            else:
                s.refused.append(url)
                r.abort()

        context.route("**/*", route)
        page.on(
            "console",
            lambda m: (
                s.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: s.errors.append(f"page error: {e}"))
        return s

    yield make
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def examples_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("examples")
    return build_viewer("examples", REPO / "examples", "Renaissance Dam", out)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    shared = shared_dir()
    if shared is None or not (shared / "seeds").is_dir():
        pytest.skip("the seed articles (shared/seeds) are not here: set STORYLINE_SHARED")
    return build_viewer("seeds", shared / "seeds", None, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(params=["examples", "seeds"])
def built(request: pytest.FixtureRequest) -> Built:
    b: Built = request.getfixturevalue(f"{request.param}_build")
    return b
