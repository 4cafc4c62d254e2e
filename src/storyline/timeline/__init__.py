"""Timeline algorithms: date ranking, event selection, summarisation."""

from storyline.timeline.datewise import DatewiseTimeline
from storyline.timeline.registry import STRATEGIES, Strategy, make_strategy, register
from storyline.timeline.summary import story_title, summarise

__all__ = [
    "STRATEGIES",
    "DatewiseTimeline",
    "Strategy",
    "make_strategy",
    "register",
    "story_title",
    "summarise",
]
