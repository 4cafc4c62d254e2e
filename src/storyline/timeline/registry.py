"""Timeline strategies, registered by versioned name: the one place to add a strategy.

    strategy = make_strategy(config.timeline, query)   # the class named by timeline.method
    entries = strategy.build(articles)

A strategy follows scikit-learn's parameter contract (`__init__` only stores parameters)
and the `Strategy` protocol: a versioned `name`, `from_config(TimelineConfig, query)`
and a pure, deterministic `build(articles) -> entries`. Its own parameters are a section
of the config (`timeline.datewise.*`), so `--set` reaches every one of them. The
contract tests (`tests/contract/`) run over every registered strategy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from storyline.config import TimelineConfig
from storyline.errors import ConfigError
from storyline.model import Article, TimelineEntry
from storyline.timeline.datewise import DatewiseTimeline
from storyline.timeline.eventwise import EventTimeline


class Strategy(Protocol):
    name: ClassVar[str]
    # whether entries read the entity registry's ids (`mention.entity_id`): callers that
    # skip the registry for speed (`pipeline.timeline_entries`) must run it then
    uses_entities: ClassVar[bool]

    @classmethod
    def from_config(cls, config: TimelineConfig, query: str | None = None) -> Strategy: ...

    def build(self, articles: Sequence[Article]) -> list[TimelineEntry]: ...


STRATEGIES: dict[str, type[Strategy]] = {}


def register(cls: type[Strategy]) -> type[Strategy]:
    """Add a strategy class under its `name` (usable as a class decorator)."""
    STRATEGIES[cls.name] = cls
    return cls


register(DatewiseTimeline)
register(EventTimeline)


def make_strategy(config: TimelineConfig, query: str | None = None) -> Strategy:
    """The strategy named by `config.method`, with the config's parameters."""
    cls = STRATEGIES.get(config.method)
    if cls is None:
        raise ConfigError(
            f"unknown timeline.method {config.method!r}; choose one of {sorted(STRATEGIES)}"
        )
    return cls.from_config(config, query)
