"""A local process pool executor (multiprocessing with the "spawn" or "forkserver" context).

Each worker process runs `initializer` once when it starts, the place to load a spaCy model
(`storyline.nlp.load_nlp` is cached per process, so calling it in the initializer warms
the cache the work then uses). The pool is created at the first `map` and reused by later calls,
so models load once per worker per executor, not once per call.

`fn`, the items and the results cross process boundaries by pickle: `fn` must be a module-level
function (or a `functools.partial` of one, or an instance of a module-level class), never a
lambda or a function defined inside another function.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from storyline.exec.base import (
    DEFAULT_CHUNKSIZE,
    ExecutorBase,
    ExecutorError,
    WorkerCrashedError,
    check_chunksize,
    ordered_stream,
    run_chunk,
)

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)

START_METHODS = ("spawn", "forkserver")


def check_picklable(fn: object) -> None:
    """Raise an `ExecutorError` that says how to fix it when `fn` cannot be sent to a worker."""
    try:
        pickle.dumps(fn)
    except Exception as e:
        raise ExecutorError(
            f"cannot send {fn!r} to worker processes ({type(e).__name__}: {e}). Fix: define the "
            f"function at module level (not a lambda or a nested function), or wrap one with "
            f"functools.partial; or use the serial executor (--executor serial)"
        ) from e


class ProcessExecutor(ExecutorBase):
    """Run chunks of items in `workers` local processes; results come back in input order.

    At most `chunks_in_flight` chunks (default: 2 per worker) are submitted and not yet yielded,
    which bounds memory on long inputs.
    """

    def __init__(
        self,
        workers: int,
        *,
        initializer: Callable[[], None] | None = None,
        start_method: str = "spawn",
        chunks_in_flight: int | None = None,
    ) -> None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ExecutorError(f"workers must be an integer >= 1, got {workers!r}")
        if start_method not in START_METHODS:
            raise ExecutorError(
                f"start_method must be one of {START_METHODS}, got {start_method!r} (fork is "
                f"not offered: it copies locks and threads of the parent, e.g. spaCy's)"
            )
        if chunks_in_flight is not None and chunks_in_flight < 1:
            raise ExecutorError(f"chunks_in_flight must be >= 1, got {chunks_in_flight!r}")
        self.workers = workers
        self.initializer = initializer
        self.start_method = start_method
        self.chunks_in_flight = chunks_in_flight or 2 * workers
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            if self.initializer is not None:
                check_picklable(self.initializer)
            log.debug("starting %d %s worker processes", self.workers, self.start_method)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(self.start_method),
                initializer=self.initializer,
            )
        return self._pool

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = DEFAULT_CHUNKSIZE
    ) -> Iterator[R]:
        check_chunksize(chunksize)
        check_picklable(fn)
        return self._map(fn, items, chunksize)

    def _map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int) -> Iterator[R]:
        pool = self._get_pool()

        def submit(chunk: list[T]) -> Future[list[R]]:
            try:
                return pool.submit(run_chunk, fn, chunk)
            except BrokenProcessPool as e:
                raise self._crashed(e) from e

        def collect(future: Future[list[R]]) -> list[R]:
            try:
                return future.result()
            except BrokenProcessPool as e:
                raise self._crashed(e) from e

        def cancel(future: Future[list[R]]) -> None:
            future.cancel()

        yield from ordered_stream(items, chunksize, self.chunks_in_flight, submit, collect, cancel)

    def _crashed(self, e: BaseException) -> WorkerCrashedError:
        # The pool is unusable now; the next map starts a fresh one.
        broken, self._pool = self._pool, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        return WorkerCrashedError(
            f"a worker process died while running a chunk ({e}). It was killed (often by the "
            f"operating system when memory runs out), crashed in native code, its "
            f"initializer failed, or it could not start (a script that starts workers needs "
            f"an `if __name__ == '__main__':` guard). Fix: use fewer workers (--executor "
            f"processes:N with a smaller N), split very large inputs, or run with --executor "
            f"serial to see the error of the item that causes it"
        )

    def close(self) -> None:
        """Stop the worker processes. Idempotent; a later `map` starts new ones."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def __repr__(self) -> str:
        return f"ProcessExecutor(workers={self.workers}, start_method={self.start_method!r})"
