"""Executors: map pure document stages over articles, serially, in local processes or on Ray.

    with make_executor("processes:4", initializer=warm_up) as ex:
        for result in ex.map(catching(annotate_one), articles, chunksize=16):
            ...

Results come in input order, so every executor gives the same output as `SerialExecutor`.
"""

from storyline.exec.base import (
    Executor,
    ExecutorError,
    ItemFailure,
    WorkerCrashedError,
    catching,
)
from storyline.exec.distributed import RayExecutor  # imports ray only when one is made
from storyline.exec.factory import auto_workers, make_executor
from storyline.exec.processes import ProcessExecutor
from storyline.exec.serial import SerialExecutor

__all__ = [
    "Executor",
    "ExecutorError",
    "ItemFailure",
    "ProcessExecutor",
    "RayExecutor",
    "SerialExecutor",
    "WorkerCrashedError",
    "auto_workers",
    "catching",
    "make_executor",
]
