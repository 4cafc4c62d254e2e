"""Timeline algorithms: date ranking, event selection, summarisation."""

from storyline.timeline.datewise import DatewiseTimeline
from storyline.timeline.registry import STRATEGIES, make_strategy
from storyline.timeline.summary import story_title, summarise

__all__ = ["STRATEGIES", "DatewiseTimeline", "make_strategy", "story_title", "summarise"]
