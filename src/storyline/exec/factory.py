"""`make_executor`: an executor from its spec string (the `executor` config key, `--executor`)."""

from __future__ import annotations

import os
from collections.abc import Callable

from storyline.errors import ConfigError
from storyline.exec.base import Executor
from storyline.exec.processes import ProcessExecutor
from storyline.exec.serial import SerialExecutor

SPEC_HELP = (
    "auto, serial, processes:N (N >= 1 workers), processes or processes:auto (one per core, "
    "capped by memory), ray or ray:ADDRESS"
)
# what one worker holds at its peak: the spaCy pipeline (about 300 MB) and a batch
MEMORY_PER_WORKER = 1_000_000_000


def auto_workers(memory_per_worker: int = MEMORY_PER_WORKER) -> int:
    """One worker per core this process may run on, capped so that the workers fit in the
    memory now available (at least one)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    try:
        available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        available = cores * memory_per_worker
    return max(1, min(cores, available // max(1, memory_per_worker)))


def make_executor(spec: str, *, initializer: Callable[[], None] | None = None) -> Executor:
    """Parse `auto`, `serial`, `processes:4`, `processes`, `processes:auto`, `ray`,
    `ray:ADDRESS` (e.g. `ray:auto`, `ray:10.0.0.5:6379`, `ray:ray://head:10001`) into an
    executor. `auto` is `processes:auto` here; the pipeline runs a job that fits one batch
    in-process instead (`pipeline` decides, since only it knows the input's size).

    `initializer` runs once per worker (once in total for `serial`).
    """
    text = spec.strip()
    kind, sep, arg = text.partition(":")
    kind = kind.lower()
    if kind == "serial" and not sep:
        return SerialExecutor(initializer=initializer)
    if kind == "auto" and not sep:
        return ProcessExecutor(auto_workers(), initializer=initializer)
    if kind == "processes":
        if not sep or arg.strip().lower() == "auto":
            return ProcessExecutor(auto_workers(), initializer=initializer)
        if arg.strip().isdecimal() and int(arg) >= 1:
            return ProcessExecutor(int(arg), initializer=initializer)
        raise ConfigError(
            f"executor {spec!r}: the number of workers must be a whole number >= 1 or auto, "
            f"e.g. processes:4"
        )
    if kind == "ray":
        from storyline.exec.distributed import RayExecutor

        address = arg.strip() or None
        if sep and address is None:
            raise ConfigError(f"executor {spec!r}: give an address after 'ray:', e.g. ray:auto")
        return RayExecutor(address=address, initializer=initializer)
    raise ConfigError(f"executor {spec!r} is not understood: use {SPEC_HELP}")
