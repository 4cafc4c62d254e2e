"""The interactive viewer's sources (package data), read with importlib.resources.

The viewer is plain JavaScript and CSS kept as real files beside this module; `timeline.html`
inlines them (`script()`, `stylesheet()`) and allows exactly those bytes by their SHA-256 hashes
in its Content-Security-Policy (`hash_source`).

The JavaScript files are concatenated in `SCRIPT_FILES` order inside one strict-mode function, so
they share one scope without adding globals to the page. tests/browser lints that bundle with
ESLint and the stylesheet with Stylelint.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources

SCRIPT_FILES: tuple[str, ...] = (
    "text.js",
    "state.js",
    "strip.js",
    "entries.js",
    "panels.js",
    "main.js",
)
"""The viewer's scripts, in the order they are concatenated."""

STYLE_FILES: tuple[str, ...] = ("viewer.css",)

# What may never appear inside an inline <script> or <style>: it would end the element early or
# switch the HTML tokenizer into a state where a later "</script>" no longer ends it.
_UNSAFE_INLINE = re.compile(r"</(?:script|style)|<!--|<script", re.IGNORECASE)


def read_asset(name: str) -> str:
    """The text of one viewer file (UTF-8, "\\n" newlines)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n")


def _checked(name: str, text: str) -> str:
    m = _UNSAFE_INLINE.search(text)
    if m is not None:
        raise ValueError(f"viewer file {name} contains {m.group(0)!r}, which cannot be inlined")
    return text


@cache
def script() -> str:
    """The viewer's JavaScript as one inline script (deterministic)."""
    parts = ["(function () {", '"use strict";']
    for name in SCRIPT_FILES:
        parts.append(f"// ---- {name} ----")
        parts.append(_checked(name, read_asset(name)).rstrip("\n"))
    parts.append("}());")
    return "\n" + "\n".join(parts) + "\n"


@cache
def stylesheet() -> str:
    """The viewer's stylesheet (screen, phone, print and dark mode)."""
    text = "\n".join(_checked(n, read_asset(n)).rstrip("\n") for n in STYLE_FILES)
    return "\n" + text + "\n"


def hash_source(text: str) -> str:
    """A CSP hash source (`'sha256-...'`) for the exact text of an inline element."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
