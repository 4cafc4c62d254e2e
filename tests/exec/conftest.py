"""The real local Ray cluster the Ray tests of this folder run on (skipped without Ray)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest

HAS_RAY = importlib.util.find_spec("ray") is not None


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A head node and a second node, one CPU each: two Ray workers, two raylets."""
    if not HAS_RAY:
        pytest.skip("pip install 'storyline[distributed]'")
    import ray
    import ray._private.utils
    from ray.cluster_utils import Cluster

    # Cluster() writes its address to /tmp/ray/ray_current_cluster, where `ray:auto` looks:
    # test_exec_ray.py's `ray start --head` test may run beside this one (pytest -n 2) and
    # must not join this cluster instead of its own, so that pointer is left alone.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ray._private.utils, "write_ray_address", lambda *a, **k: None)
        nodes = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    nodes.add_node(num_cpus=1)
    ray.init(address=nodes.address, include_dashboard=False)
    try:
        nodes.wait_for_nodes()
        yield nodes
    finally:
        ray.shutdown()
        nodes.shutdown()
