"""Time expressions: TIMEX3 tagging and normalisation against a document date (`tag_times`).

Publication dates are the `dating` package's job; TimeML reading and TempEval-3 scoring
are evaluation code (`storyline.evaluate.timeml`, `storyline.evaluate.tempeval`)."""

from storyline.temporal.tagger import scan_times, tag_times

__all__ = ["scan_times", "tag_times"]
