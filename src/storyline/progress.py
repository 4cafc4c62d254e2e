"""The progress protocol: how the library tells a caller which long stage it is in.

The library never prints; a caller (the CLI's progress bars, a notebook, a service) passes an
object with two methods into `storyline.pipeline` and `storyline.render.write_report`:

    progress.stage("prepare", total=120)   # a new stage begins; total steps if known
    progress.advance(32)                   # that many steps of it are done

Stages, in order: ``prepare`` (articles), ``syndication``, ``entities``, ``relevance`` (with a
query), ``timeline``, ``summary``, ``disagreements`` (one step each), ``render`` (files); `storyline
stories` adds ``stories`` (clustering, one step) and ``timelines`` (one step per story).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable


@runtime_checkable
class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class NoProgress:
    """Reports nothing."""

    def stage(self, name: str, total: int | None = None) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None


class PrepareCallback:
    """The older interface: a function called with the number of articles just prepared."""

    def __init__(self, callback: Callable[[int], None]) -> None:
        self.callback = callback
        self._current = ""

    def stage(self, name: str, total: int | None = None) -> None:
        self._current = name

    def advance(self, n: int = 1) -> None:
        if self._current == "prepare":
            self.callback(n)


ProgressLike = Progress | Callable[[int], None] | None


def as_progress(progress: ProgressLike) -> Progress:
    """A `Progress` for what a caller passed: one, a prepare callback, or None."""
    if progress is None:
        return NoProgress()
    if isinstance(progress, Progress):
        return progress
    return PrepareCallback(progress)
