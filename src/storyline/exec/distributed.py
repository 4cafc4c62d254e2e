"""The Ray executor: chunks of items run as Ray tasks, on a local or remote cluster.

Ray is an optional extra (`pip install 'storyline[distributed]'`), imported only when a
`RayExecutor` is created. With `address=None` a private local cluster is started at the first
`map` (with `num_cpus` CPUs) and shut down by `close()`; with an address (`"auto"`, `"HOST:PORT"`,
`"ray://HOST:10001"`) an existing cluster is joined and left running. If Ray is already initialised
in this process, that session is used and left alone.

Functions are sent with cloudpickle: lambdas work, but the modules a function lives in must be
importable on the workers (storyline itself must be installed there). Ship your own code with
`runtime_env={"py_modules": [...]}` or `{"working_dir": ...}`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

from storyline.errors import ConfigError, MissingExtraError
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

_INITIALIZED: set[str] = set()  # initializers already run in this (worker) process


def _initializer_key(initializer: Callable[[], None]) -> str:
    module = getattr(initializer, "__module__", "")
    name = getattr(initializer, "__qualname__", None)
    return f"{module}:{name}" if name else repr(initializer)


def run_batch(
    fn: Callable[[T], R], chunk: list[T], initializer: Callable[[], None] | None
) -> list[R]:
    """What a Ray task runs: the initializer once per worker process, then `fn` over the chunk."""
    if initializer is not None:
        key = _initializer_key(initializer)
        if key not in _INITIALIZED:
            initializer()
            _INITIALIZED.add(key)
    return run_chunk(fn, chunk)


def import_ray() -> Any:
    try:
        import ray
    except ImportError as e:
        raise MissingExtraError("distributed execution", "distributed", "ray") from e
    return ray


class RayExecutor(ExecutorBase):
    """Run chunks of items as Ray tasks; results come back in input order.

    At most `chunks_in_flight` chunks (default: 2 per CPU of the cluster) are pending at once.
    A task whose worker dies is not retried unless `max_retries` > 0 (retrying a chunk that ran
    out of memory usually fails again and only delays the error).
    """

    def __init__(
        self,
        address: str | None = None,
        num_cpus: int | None = None,
        *,
        initializer: Callable[[], None] | None = None,
        max_retries: int = 0,
        chunks_in_flight: int | None = None,
        runtime_env: Mapping[str, Any] | None = None,
    ) -> None:
        if address is not None and num_cpus is not None:
            raise ConfigError(
                "num_cpus applies only to a local Ray cluster started by storyline; when "
                f"joining the cluster at {address!r}, leave num_cpus unset"
            )
        if num_cpus is not None and (isinstance(num_cpus, bool) or num_cpus < 1):
            raise ExecutorError(f"num_cpus must be an integer >= 1, got {num_cpus!r}")
        if chunks_in_flight is not None and chunks_in_flight < 1:
            raise ExecutorError(f"chunks_in_flight must be >= 1, got {chunks_in_flight!r}")
        self._ray = import_ray()
        self.address = address
        self.num_cpus = num_cpus
        self.initializer = initializer
        self.max_retries = max_retries
        self.chunks_in_flight = chunks_in_flight
        self.runtime_env = dict(runtime_env) if runtime_env is not None else None
        self._owns_session = False
        self._remote: Any = None

    def _start(self) -> Any:
        ray = self._ray
        if not ray.is_initialized():
            # "local" starts a private cluster even when `ray start` left one running.
            kwargs: dict[str, Any] = {
                "address": self.address or "local",
                "include_dashboard": False,
                "log_to_driver": True,
            }
            if self.num_cpus is not None:
                kwargs["num_cpus"] = self.num_cpus
            if self.runtime_env is not None:
                kwargs["runtime_env"] = self.runtime_env
            try:
                ray.init(**kwargs)
            except ConnectionError as e:
                raise ExecutorError(
                    f"cannot connect to a Ray cluster at {self.address!r} ({e}). Fix: start "
                    f"one with `ray start --head`, check the address, or use --executor ray "
                    f"to start a private local cluster"
                ) from e
            self._owns_session = True
            log.info("Ray session started (address=%s)", self.address or "local")
        if self._remote is None:
            self._remote = ray.remote(max_retries=self.max_retries)(run_batch)
        return self._remote

    def _in_flight(self) -> int:
        if self.chunks_in_flight is not None:
            return self.chunks_in_flight
        cpus = int(self._ray.cluster_resources().get("CPU", 1))
        return 2 * max(cpus, 1)

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = DEFAULT_CHUNKSIZE
    ) -> Iterator[R]:
        check_chunksize(chunksize)
        return self._map(fn, items, chunksize)

    def _map(self, fn: Callable[[T], R], items: Iterable[T], chunksize: int) -> Iterator[R]:
        ray = self._ray
        remote = self._start()
        try:
            fn_ref = ray.put(fn)
            init_ref = ray.put(self.initializer)
        except Exception as e:
            raise ExecutorError(
                f"cannot send {fn!r} to Ray workers ({type(e).__name__}: {e}). Fix: make the "
                f"function and what it refers to serialisable (no open files, locks or models "
                f"as globals it captures), or use --executor serial"
            ) from e

        def submit(chunk: list[T]) -> Any:
            return remote.remote(fn_ref, chunk, init_ref)

        def collect(ref: Any) -> list[R]:
            try:
                result: list[R] = ray.get(ref)
            except ray.exceptions.RayTaskError as e:
                cause = getattr(e, "cause", None)
                if isinstance(cause, Exception) and not isinstance(cause, ray.exceptions.RayError):
                    raise cause from e  # the item's own error, as in a serial run
                raise ExecutorError(
                    f"a Ray task failed: {e}. Fix: if a module is missing on the workers, "
                    f"install it there or ship it with RayExecutor(runtime_env="
                    f"{{'py_modules': [...]}})"
                ) from e
            except ray.exceptions.RayError as e:
                raise WorkerCrashedError(
                    f"a Ray worker died while running a chunk ({type(e).__name__}: "
                    f"{str(e).splitlines()[0] if str(e) else ''}). It was killed (often for "
                    f"running out of memory) or crashed in native code. Fix: give the workers "
                    f"more memory, use smaller chunks, or run with --executor serial to see "
                    f"the error of the item that causes it"
                ) from e
            return result

        def cancel(ref: Any) -> None:
            try:
                ray.cancel(ref)
            except Exception:  # best effort: the task may have finished or never started
                log.debug("could not cancel Ray task %s", ref)

        yield from ordered_stream(items, chunksize, self._in_flight(), submit, collect, cancel)

    def close(self) -> None:
        """Shut the Ray session down if this executor started it. Idempotent."""
        if self._owns_session:
            self._owns_session = False
            self._remote = None
            self._ray.shutdown()

    def __repr__(self) -> str:
        return f"RayExecutor(address={self.address!r}, num_cpus={self.num_cpus!r})"
