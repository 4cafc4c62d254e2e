"""Renderers, registered by format name: the one place to add an output format.

    renderer = renderer_for("md")       # Renderer(name="md", filename="timeline.md", ...)
    text = renderer.render(timeline)

A renderer is a pure function of a `Timeline` to text (the same timeline gives the same
bytes). A new format is one `register(Renderer(...))` call; `write_outputs`, the CLI's
`--format` help and the contract tests (`tests/contract/`) pick it up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.errors import ConfigError
from storyline.model import Timeline


@dataclass(frozen=True)
class Renderer:
    """name: the `--format` name; filename: the file `write_outputs` writes; render: the
    timeline as text; describe: one line for help texts; refuses: why a timeline's file
    would be useless (then it is not written), or None; with_changes: the render with a
    store's `changes.json` (a "Since last build" section), for formats that show it."""

    name: str
    filename: str
    render: Callable[[Timeline], str]
    describe: str
    refuses: Callable[[Timeline], str | None] | None = None
    with_changes: Callable[[Timeline, Mapping[str, Any]], str] | None = None


_RENDERERS: dict[str, Renderer] = {}


def register(renderer: Renderer) -> None:
    """Add (or replace) the renderer of a format name."""
    taken = {r.filename: r.name for r in _RENDERERS.values()}
    if taken.get(renderer.filename, renderer.name) != renderer.name:
        raise ValueError(f"{renderer.filename} is already written by {taken[renderer.filename]!r}")
    _RENDERERS[renderer.name] = renderer


def renderers() -> tuple[Renderer, ...]:
    """Every registered renderer, in registration order."""
    return tuple(_RENDERERS.values())


def renderer_for(fmt: str) -> Renderer:
    """The renderer of `fmt` (case and spaces ignored); ConfigError naming the known ones."""
    key = fmt.strip().lower() if isinstance(fmt, str) else fmt
    found = _RENDERERS.get(key)
    if found is None:
        known = ", ".join(_RENDERERS)
        raise ConfigError(f"unknown output format {fmt!r}: use one or more of {known}")
    return found
