"""Stories that grow: a story's store (`StoryStore`: add articles, build the timeline of what it
holds, search it)."""

from storyline.stories.collection import AddReport
from storyline.stories.store import StoryStore

__all__ = ["AddReport", "StoryStore"]
