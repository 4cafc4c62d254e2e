"""The serial executor: runs everything in the calling process, the reference for the others."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from storyline.exec.base import DEFAULT_CHUNKSIZE, ExecutorBase, check_chunksize

T = TypeVar("T")
R = TypeVar("R")


class SerialExecutor(ExecutorBase):
    """`map` in the calling process, one item at a time. `initializer` runs once, at first use."""

    def __init__(self, initializer: Callable[[], None] | None = None) -> None:
        self.initializer = initializer
        self._initialized = False

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = DEFAULT_CHUNKSIZE
    ) -> Iterator[R]:
        check_chunksize(chunksize)  # accepted for interface parity; items stream one by one
        return self._map(fn, items)

    def _map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        if not self._initialized:
            if self.initializer is not None:
                self.initializer()
            self._initialized = True
        for item in items:
            yield fn(item)

    def close(self) -> None:
        """Nothing to release."""

    def __repr__(self) -> str:
        return "SerialExecutor()"
