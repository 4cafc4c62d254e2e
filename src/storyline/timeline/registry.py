"""Timeline strategies, registered by versioned name."""

from __future__ import annotations

import datetime as dt

from storyline.config import TimelineConfig
from storyline.errors import ConfigError
from storyline.timeline.datewise import DatewiseTimeline

STRATEGIES: dict[str, type[DatewiseTimeline]] = {
    "timeline.datewise.v1": DatewiseTimeline,
}


def _date(value: str | None, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(f"timeline.{key} must be a YYYY-MM-DD date, got {value!r}") from e


def make_strategy(config: TimelineConfig, query: str | None = None) -> DatewiseTimeline:
    """The strategy named by `config.method`, with the config's parameters."""
    cls = STRATEGIES.get(config.method)
    if cls is None:
        raise ConfigError(
            f"unknown timeline.method {config.method!r}; choose one of {sorted(STRATEGIES)}"
        )
    return cls(
        max_entries=config.max_entries,
        sentences_per_entry=config.sentences_per_entry,
        redundancy=config.redundancy,
        min_sources=config.min_sources,
        allow_coarse=config.allow_coarse,
        start=_date(config.start, "start"),
        end=_date(config.end, "end"),
        query=query,
        required_terms=config.keywords,
    )
