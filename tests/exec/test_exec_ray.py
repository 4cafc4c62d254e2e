"""RayExecutor against a real local Ray cluster (skipped when Ray is not installed)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import ConfigError, MissingExtraError
from storyline.exec import (
    ExecutorError,
    ItemFailure,
    SerialExecutor,
    WorkerCrashedError,
    catching,
    make_executor,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import exec_workers as w  # needs the path above

HAS_RAY = importlib.util.find_spec("ray") is not None
needs_ray = pytest.mark.skipif(not HAS_RAY, reason="pip install 'storyline[distributed]'")


@pytest.mark.skipif(HAS_RAY, reason="checks the error shown when Ray is absent")
def test_without_ray_the_error_says_which_extra_to_install() -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'storyline\[distributed\]'"):
        make_executor("ray")


@pytest.fixture(scope="module")
def ray_ex() -> Iterator[Any]:
    if not HAS_RAY:
        pytest.skip("pip install 'storyline[distributed]'")
    import ray.cloudpickle

    from storyline.exec.distributed import RayExecutor

    # Ray workers do not see this test directory: ship the helper module by value.
    ray.cloudpickle.register_pickle_by_value(w)
    with RayExecutor(num_cpus=2, initializer=w.warm_spacy) as ex:
        yield ex
    ray.cloudpickle.unregister_pickle_by_value(w)


@needs_ray
def test_ray_matches_serial_in_order(ray_ex: Any) -> None:
    items = list(range(300))
    assert list(ray_ex.map(w.square, items, chunksize=7)) == [x * x for x in items]
    assert list(ray_ex.map(lambda x: -x, [1, 2])) == [-1, -2]  # cloudpickle sends lambdas


@needs_ray
def test_ray_spacy_output_identical_and_loaded_once_per_worker(ray_ex: Any) -> None:
    texts = w.TEXTS * 2
    assert list(ray_ex.map(w.spacy_digest, texts, chunksize=2)) == list(
        SerialExecutor().map(w.spacy_digest, texts)
    )
    loads = list(ray_ex.map(w.spacy_loads, range(20), chunksize=2))
    assert all(inits == 1 and misses == 1 for _, inits, misses in loads)


@needs_ray
def test_ray_item_error_keeps_its_type_and_catching_works(ray_ex: Any) -> None:
    with pytest.raises(ValueError, match="item 3 is bad"):
        list(ray_ex.map(w.fail_on_three, range(6), chunksize=2))
    out = list(ray_ex.map(catching(w.fail_on_three), range(6), chunksize=2))
    assert isinstance(out[3], ItemFailure) and out[:3] == [0, 1, 2]


@needs_ray
def test_ray_worker_crash_is_a_clear_error(ray_ex: Any) -> None:
    with pytest.raises(WorkerCrashedError, match="Ray worker died"):
        list(ray_ex.map(w.die, [1]))
    assert list(ray_ex.map(w.square, [4])) == [16]


@needs_ray
def test_ray_says_how_to_ship_a_module_the_workers_lack(ray_ex: Any, tmp_path: Path) -> None:
    (tmp_path / "only_here.py").write_text("def triple(x):\n    return 3 * x\n")
    sys.path.insert(0, str(tmp_path))
    try:
        import only_here  # type: ignore[import-not-found]

        with pytest.raises(ExecutorError, match="py_modules"):
            list(ray_ex.map(only_here.triple, [1]))
    finally:
        sys.path.remove(str(tmp_path))


@needs_ray
def test_ray_rejects_num_cpus_with_an_address() -> None:
    from storyline.exec.distributed import RayExecutor

    with pytest.raises(ConfigError, match="num_cpus"):
        RayExecutor(address="auto", num_cpus=2)


@needs_ray
@pytest.mark.slow
def test_ray_joins_a_running_cluster_with_auto(ray_ex: Any, tmp_path: Path) -> None:
    """`ray start --head --block` in a child process; the executor joins it with address=auto."""
    import ray

    from storyline.exec.distributed import RayExecutor

    ray_ex.close()  # the module's local session must end first
    assert not ray.is_initialized()
    cli = Path(sys.executable).parent / "ray"
    args = ["start", "--head", "--block", "--num-cpus=1", "--port=0", "--disable-usage-stats"]
    log = tmp_path / "ray-head.log"
    with log.open("w") as out:
        head = subprocess.Popen(
            [str(cli), *args, "--include-dashboard=false"],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    address = ""
    pointer = Path(tempfile.gettempdir()) / "ray" / "ray_current_cluster"
    try:
        deadline = time.monotonic() + 90
        while "Ray runtime started" not in log.read_text():
            if head.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ray start --head did not start:\n{log.read_text()}")
            time.sleep(0.2)
        if pointer.exists():
            address = pointer.read_text().strip()
        with make_executor("ray:auto") as ex:
            assert isinstance(ex, RayExecutor)
            assert list(ex.map(w.square, range(10), chunksize=3)) == [x * x for x in range(10)]
        assert not ray.is_initialized()  # close() disconnected...
    finally:
        head.terminate()  # ...and ending the --block process stops the cluster it started
        head.wait(timeout=60)
        # `ray stop` would delete the pointer to the cluster it stopped; do the same
        if address and pointer.exists() and pointer.read_text().strip() == address:
            pointer.unlink()
