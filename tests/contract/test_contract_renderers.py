"""Every registered renderer: renders a real and an empty timeline, deterministically,
without changing the timeline; each writes its own file."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from storyline.config import Config
from storyline.model import Timeline
from storyline.pipeline import PreparedCorpus, timeline_from
from storyline.render import renderers, write_outputs


@pytest.fixture(params=[r.name for r in renderers()])
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _renderer(name: str):  # type: ignore[no-untyped-def]
    return next(r for r in renderers() if r.name == name)


def test_renders_deterministically_without_mutation(name: str, timeline: Timeline) -> None:
    before = copy.deepcopy(timeline)
    text = _renderer(name).render(timeline)
    assert text and text == _renderer(name).render(timeline)
    assert timeline == before


def test_renders_an_empty_timeline(name: str) -> None:
    empty = timeline_from(PreparedCorpus((), ()), Config())
    assert isinstance(_renderer(name).render(empty), str)


def test_each_format_has_its_own_file(tmp_path: Path, timeline: Timeline) -> None:
    files = [r.filename for r in renderers()]
    assert len(set(files)) == len(files)
    written = write_outputs(timeline, tmp_path, [r.name for r in renderers()])
    assert sorted(p.name for p in written) == sorted(files)
