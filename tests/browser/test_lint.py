"""The viewer's sources are linted: ESLint over the inlined script bundle (no HTML sinks, no
eval), Stylelint over the stylesheet. The tools come from tests/browser/node_modules."""

from __future__ import annotations

import subprocess

from browserkit import ARTIFACTS, HERE, node_asset

from storyline.render.viewer import STYLE_FILES, read_asset, script


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = node_asset(".bin", tool)
    return subprocess.run(
        [str(exe), *args], cwd=HERE, capture_output=True, text=True, timeout=120, check=False
    )


def test_eslint_on_the_bundle() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    bundle = ARTIFACTS / "viewer.bundle.js"
    bundle.write_text(script(), encoding="utf-8")
    result = _run("eslint", "--max-warnings", "0", str(bundle.relative_to(HERE)))
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_catches_an_html_sink() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    bad = ARTIFACTS / "bad.js"
    bad.write_text('"use strict";\ndocument.body.innerHTML = location.hash;\n', encoding="utf-8")
    result = _run("eslint", str(bad.relative_to(HERE)))
    assert result.returncode == 1 and "innerHTML" in result.stdout


def test_stylelint_on_the_stylesheet() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name in STYLE_FILES:
        css = ARTIFACTS / name
        css.write_text(read_asset(name), encoding="utf-8")
        result = _run("stylelint", "--config", "stylelint.config.json", str(css))
        assert result.returncode == 0, result.stdout + result.stderr
