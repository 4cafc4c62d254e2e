"""The `Executor` protocol and what every executor shares.

An executor maps a *pure* function over items and yields the results **in input order**,
streaming: items are read lazily, sent in chunks, and only a few chunks are in flight at once,
so memory stays bounded however long the input is. Because the function is pure and the order is
kept, serial and parallel runs give identical output.

Errors. `map` yields what `fn` returns. If `fn` raises, the exception propagates out of `map` (the
original exception type, also from a worker process), which ends the run. Callers that must not
stop on one bad item wrap their function with `catching(fn)`: the wrapped function returns an
`ItemFailure` instead of raising, and the caller turns it into a `Skip` (`ItemFailure.to_skip`).
A worker that dies (killed by the OS, out of memory, a crash in native code) raises
`WorkerCrashedError`, a `StorylineError` whose message says how to fix it.
"""

from __future__ import annotations

import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import Generic, Protocol, Self, TypeVar

from storyline.errors import StorylineError
from storyline.model import Skip

T = TypeVar("T")
R = TypeVar("R")
H = TypeVar("H")

DEFAULT_CHUNKSIZE = 16


class ExecutorError(StorylineError):
    """An executor cannot run the work as asked (bad spec, unpicklable function, no cluster)."""


class WorkerCrashedError(ExecutorError):
    """A worker process died while running a chunk of items."""


class Executor(Protocol):
    """Maps a function over items, yielding results in input order."""

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = DEFAULT_CHUNKSIZE
    ) -> Iterator[R]:
        """Yield `fn(item)` for each item, in input order, streaming."""
        ...

    def close(self) -> None:
        """Release workers. Idempotent."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


@dataclass(frozen=True)
class ItemFailure:
    """What `catching(fn)` returns instead of raising: the error of one item, picklable."""

    error_type: str
    message: str
    traceback: str = ""

    @property
    def detail(self) -> str:
        return f"{self.error_type}: {self.message}" if self.message else self.error_type

    def to_skip(self, path: str, reason: str = "malformed") -> Skip:
        """The `Skip` that reports this item as not used."""
        return Skip(path=path, reason=reason, detail=self.detail)


class catching(Generic[T, R]):  # lower case: used like a function, catching(fn)
    """Wrap `fn` so that an exception becomes an `ItemFailure` result instead of ending the run.

    Picklable whenever `fn` is, so it works with every executor.
    """

    def __init__(self, fn: Callable[[T], R]) -> None:
        self.fn = fn

    def __call__(self, item: T) -> R | ItemFailure:
        try:
            return self.fn(item)
        except Exception as e:  # one bad item must not end the run
            return ItemFailure(type(e).__name__, str(e), traceback.format_exc())

    def __repr__(self) -> str:
        return f"catching({self.fn!r})"


def check_chunksize(chunksize: int) -> None:
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ExecutorError(f"chunksize must be an integer >= 1, got {chunksize!r}")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` consecutive items (the last may be shorter), read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """What a worker runs: `fn` over one chunk, in order."""
    return [fn(item) for item in chunk]


def ordered_stream(
    items: Iterable[T],
    chunksize: int,
    in_flight: int,
    submit: Callable[[list[T]], H],
    collect: Callable[[H], list[R]],
    cancel: Callable[[H], None],
) -> Iterator[R]:
    """Submit chunks, keep at most `in_flight` pending, yield results in input order.

    `submit` starts a chunk and returns a handle; `collect` waits for a handle's results;
    `cancel` is called on handles still pending when the consumer stops early or an error ends
    the run.
    """
    pending: deque[H] = deque()
    try:
        for chunk in chunked(items, chunksize):
            pending.append(submit(chunk))
            if len(pending) >= in_flight:
                yield from collect(pending.popleft())
        while pending:
            yield from collect(pending.popleft())
    finally:
        for handle in pending:
            cancel(handle)


class ExecutorBase:
    """Context-manager plumbing shared by the executors."""

    def close(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
