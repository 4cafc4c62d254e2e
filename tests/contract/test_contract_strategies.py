"""Every registered timeline strategy: default-constructible, built from the config, every
parameter reachable with --set, deterministic, does not mutate its input, and handles an
empty or undated input."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from storyline.config import Config, TimelineConfig
from storyline.model import Article
from storyline.timeline import STRATEGIES, make_strategy


@pytest.fixture(params=sorted(STRATEGIES))
def method(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_default_constructible_and_built_from_config(method: str) -> None:
    cls = STRATEGIES[method]
    assert cls.name == method
    cls()  # type: ignore[call-arg]
    strategy = make_strategy(TimelineConfig(method=method), "dam")
    assert type(strategy) is cls


def test_empty_and_undated_input_give_no_entries(method: str, articles: list[Article]) -> None:
    strategy = make_strategy(TimelineConfig(method=method))
    assert strategy.build([]) == []
    bare = [dataclasses.replace(a, sentences=(), times=()) for a in articles]
    assert strategy.build(bare) == []


def test_deterministic_and_order_independent(method: str, articles: list[Article]) -> None:
    strategy = make_strategy(TimelineConfig(method=method))
    once = strategy.build(articles)
    assert once, "the contract corpus should give entries"
    assert strategy.build(list(reversed(articles))) == once
    assert make_strategy(TimelineConfig(method=method)).build(articles) == once


def test_build_does_not_mutate_its_input(method: str, articles: list[Article]) -> None:
    given = list(articles)
    before = copy.deepcopy(given)
    make_strategy(TimelineConfig(method=method)).build(given)
    assert given == before


def _changed(current: object) -> tuple[object, str]:
    """Another value of the same type, and how `--set` writes it (a TOML scalar)."""
    if isinstance(current, bool):
        return (not current), str(not current).lower()
    if isinstance(current, (int, float)):
        return current * 2 + 1, repr(current * 2 + 1)
    if isinstance(current, tuple):
        new = tuple(reversed(current)) if len(current) > 1 else (*current, "x")
        return new, json.dumps(list(new))
    return f"{current}x", json.dumps(f"{current}x")


def test_every_strategy_parameter_is_reachable_with_set(method: str) -> None:
    strategy = make_strategy(TimelineConfig(method=method))
    for section in dataclasses.fields(TimelineConfig):
        value = getattr(TimelineConfig(), section.name)
        if not dataclasses.is_dataclass(value):
            continue
        for f in dataclasses.fields(value):
            new, raw = _changed(getattr(value, f.name))
            cfg = Config().with_overrides([f"timeline.{section.name}.{f.name}={raw}"])
            assert getattr(getattr(cfg.timeline, section.name), f.name) == new
    assert strategy is not None
