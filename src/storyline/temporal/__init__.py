"""Time: TIMEX3 time-expression tagging and normalisation (`tag_times`), TimeML reading and
TempEval-3 scoring."""

from storyline.temporal.tagger import tag_times

__all__ = ["tag_times"]
