"""SerialExecutor and ProcessExecutor with real worker processes and the real spaCy model."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.errors import ConfigError, StorylineError
from storyline.exec import (
    ExecutorError,
    ItemFailure,
    ProcessExecutor,
    SerialExecutor,
    WorkerCrashedError,
    auto_workers,
    catching,
    make_executor,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import exec_workers as w  # needs the path above, as do the spawned workers


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessExecutor]:
    with ProcessExecutor(2, initializer=w.warm_spacy) as ex:
        yield ex


# -- serial -------------------------------------------------------------------------------
def test_serial_keeps_order_and_streams_lazily() -> None:
    with SerialExecutor() as ex:
        first = list(itertools.islice(ex.map(w.square, itertools.count()), 5))
    assert first == [0, 1, 4, 9, 16]


def test_serial_runs_initializer_once() -> None:
    calls: list[int] = []
    ex = SerialExecutor(initializer=lambda: calls.append(1))
    assert list(ex.map(w.square, [1, 2])) == [1, 4]
    assert list(ex.map(w.square, [3])) == [9]
    assert calls == [1]


def test_unwrapped_error_propagates_serially() -> None:
    with pytest.raises(ValueError, match="item 3 is bad"):
        list(SerialExecutor().map(w.fail_on_three, range(5)))


def test_catching_turns_an_error_into_an_item_failure() -> None:
    out = list(SerialExecutor().map(catching(w.fail_on_three), range(5)))
    assert out[:3] == [0, 1, 2] and out[4] == 4
    failure = out[3]
    assert isinstance(failure, ItemFailure)
    assert failure.detail == "ValueError: item 3 is bad"
    assert "fail_on_three" in failure.traceback
    skip = failure.to_skip("inputs/3.txt")
    assert (skip.path, skip.reason, skip.detail) == ("inputs/3.txt", "malformed", failure.detail)


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_chunksize_must_be_a_positive_int(bad: object) -> None:
    with pytest.raises(ExecutorError, match="chunksize"):
        SerialExecutor().map(w.square, [1], chunksize=bad)  # type: ignore[arg-type]


# -- make_executor ----------------------------------------------------------------------------
def test_make_executor_parses_the_documented_specs() -> None:
    assert isinstance(make_executor("serial"), SerialExecutor)
    ex = make_executor(" processes:3 ")
    assert isinstance(ex, ProcessExecutor) and ex.workers == 3
    assert isinstance(make_executor("processes"), ProcessExecutor)
    for spec in ("auto", "processes:auto", "processes:AUTO"):
        ex = make_executor(spec)
        assert isinstance(ex, ProcessExecutor) and ex.workers == auto_workers()


def test_auto_workers_one_per_core_capped_by_memory() -> None:
    import os

    cores = len(os.sched_getaffinity(0))
    assert 1 <= auto_workers() <= cores
    assert auto_workers(memory_per_worker=1) == cores  # memory is no limit
    assert auto_workers(memory_per_worker=10**18) == 1  # never fewer than one


@pytest.mark.parametrize(
    "spec", ["", "parallel", "processes:0", "processes:x", "processes:²", "serial:2", "ray:"]
)
def test_make_executor_rejects_bad_specs_with_the_valid_forms(spec: str) -> None:
    with pytest.raises(ConfigError) as e:
        make_executor(spec)
    assert "processes:" in str(e.value) or "ray:" in str(e.value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_make_executor_never_fails_unexpectedly(spec: str) -> None:
    try:
        ex = make_executor(spec)
    except StorylineError:  # ConfigError, or MissingExtraError for ray without the extra
        return
    ex.close()


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=512))
def test_make_executor_reads_the_worker_count(n: int) -> None:
    ex = make_executor(f"processes:{n}")
    assert isinstance(ex, ProcessExecutor) and ex.workers == n


# -- processes --------------------------------------------------------------------------------
@pytest.mark.parametrize("chunksize", [1, 7, 64])
def test_processes_match_serial_in_order(pool: ProcessExecutor, chunksize: int) -> None:
    items = list(range(500))
    assert list(pool.map(w.square, items, chunksize=chunksize)) == [x * x for x in items]


def test_processes_read_input_lazily_with_bounded_chunks_in_flight() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield i

    with ProcessExecutor(2, chunks_in_flight=3) as ex:
        results = ex.map(w.square, numbers(), chunksize=4)
        assert next(results) == 0
        assert pulled <= 3 * 4 + 1
        assert list(itertools.islice(results, 99)) == [i * i for i in range(1, 100)]
        assert pulled <= 100 + 3 * 4 + 1
        assert isinstance(results, Generator)
        results.close()  # stopping early cancels what is still pending


def test_spacy_loads_once_per_worker_and_pool_is_reused(pool: ProcessExecutor) -> None:
    first = list(pool.map(w.spacy_loads, range(40), chunksize=2))
    second = list(pool.map(w.spacy_loads, range(40), chunksize=2))
    pids = {pid for pid, _, _ in first + second}
    assert 1 <= len(pids) <= 2
    assert all(inits == 1 and misses == 1 for _, inits, misses in first + second)


def test_spacy_output_is_identical_serial_and_parallel(pool: ProcessExecutor) -> None:
    texts = w.TEXTS * 3
    serial = list(SerialExecutor().map(w.spacy_digest, texts))
    parallel = list(pool.map(w.spacy_digest, texts, chunksize=2))
    assert parallel == serial
    assert "Tokyo/NNP" in serial[0]


def test_worker_error_propagates_with_its_type(pool: ProcessExecutor) -> None:
    with pytest.raises(ValueError, match="item 3 is bad"):
        list(pool.map(w.fail_on_three, range(10), chunksize=2))
    # the pool survives an item's error
    assert list(pool.map(w.square, [5])) == [25]


def test_catching_in_workers_keeps_the_run_going(pool: ProcessExecutor) -> None:
    out = list(pool.map(catching(w.fail_on_three), range(6), chunksize=2))
    assert [x for x in out if not isinstance(x, ItemFailure)] == [0, 1, 2, 4, 5]
    assert isinstance(out[3], ItemFailure) and out[3].error_type == "ValueError"


def test_unpicklable_function_is_a_clear_error(pool: ProcessExecutor) -> None:
    with pytest.raises(ExecutorError, match="module level"):
        pool.map(lambda x: x, [1])


def test_worker_crash_raises_and_the_executor_recovers() -> None:
    with ProcessExecutor(1) as ex:
        with pytest.raises(WorkerCrashedError, match="fewer workers"):
            list(ex.map(w.die, range(3)))
        assert list(ex.map(w.square, [2, 3])) == [4, 9]


def test_failing_initializer_is_a_clear_error() -> None:
    ex = ProcessExecutor(1, initializer=w.bad_init)
    with ex, pytest.raises(WorkerCrashedError, match="initializer failed"):
        list(ex.map(w.square, range(3)))


def test_process_executor_validates_its_parameters() -> None:
    with pytest.raises(ExecutorError, match="workers"):
        ProcessExecutor(0)
    with pytest.raises(ExecutorError, match="start_method"):
        ProcessExecutor(2, start_method="fork")


def test_forkserver_context_works() -> None:
    with ProcessExecutor(1, start_method="forkserver", initializer=w.count_init) as ex:
        assert list(ex.map(w.init_calls, [1, 2]))[1][1] == 1
