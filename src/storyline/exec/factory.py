"""`make_executor`: an executor from its spec string (the `executor` config key, `--executor`)."""

from __future__ import annotations

import os
from collections.abc import Callable

from storyline.errors import ConfigError
from storyline.exec.base import Executor
from storyline.exec.processes import ProcessExecutor
from storyline.exec.serial import SerialExecutor

SPEC_HELP = "serial, processes:N (N >= 1 workers), processes (one per CPU), ray or ray:ADDRESS"


def make_executor(spec: str, *, initializer: Callable[[], None] | None = None) -> Executor:
    """Parse `serial`, `processes:4`, `processes`, `ray`, `ray:ADDRESS` (e.g. `ray:auto`,
    `ray:10.0.0.5:6379`, `ray:ray://head:10001`) into an executor.

    `initializer` runs once per worker (once in total for `serial`).
    """
    text = spec.strip()
    kind, sep, arg = text.partition(":")
    kind = kind.lower()
    if kind == "serial" and not sep:
        return SerialExecutor(initializer=initializer)
    if kind == "processes":
        if not sep:
            return ProcessExecutor(os.cpu_count() or 1, initializer=initializer)
        if arg.strip().isdecimal() and int(arg) >= 1:
            return ProcessExecutor(int(arg), initializer=initializer)
        raise ConfigError(
            f"executor {spec!r}: the number of workers must be a whole number >= 1, "
            f"e.g. processes:4"
        )
    if kind == "ray":
        from storyline.exec.distributed import RayExecutor

        address = arg.strip() or None
        if sep and address is None:
            raise ConfigError(f"executor {spec!r}: give an address after 'ray:', e.g. ray:auto")
        return RayExecutor(address=address, initializer=initializer)
    raise ConfigError(f"executor {spec!r} is not understood: use {SPEC_HELP}")
