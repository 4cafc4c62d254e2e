"""storyline: raw news articles in, a dated, cited timeline of the story out.

import storyline
timeline = storyline.build(["articles/"], storyline.Config(query="kuril islands"))
storyline.write_outputs(timeline, Path("out"), ["json", "md", "html"])
"""

from __future__ import annotations

from typing import Any

from storyline._version import __version__
from storyline.config import Config
from storyline.errors import StorylineError
from storyline.model import Article, DateInterval, Granularity, Skip, Timeline
from storyline.pipeline import build, prepare_articles, timeline_from

__all__ = [
    "Article",
    "Config",
    "DateInterval",
    "Granularity",
    "Skip",
    "Store",
    "StorylineError",
    "Timeline",
    "__version__",
    "build",
    "find_stories",
    "prepare_articles",
    "read_articles",
    "tag_times",
    "timeline_from",
    "to_json_dict",
    "write_outputs",
]

_LAZY = {
    "read_articles": "storyline.ingest",
    "to_json_dict": "storyline.render",
    "Store": "storyline.stories.store",
    "find_stories": "storyline.stories.output",
    "write_outputs": "storyline.render",
    "tag_times": "storyline.temporal",
}


def __getattr__(name: str) -> Any:
    """Readers, renderers and the tagger import heavy libraries: load them on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
