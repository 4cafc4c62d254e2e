"""storyline: raw news articles in, a dated, cited timeline of the story out."""

from storyline._version import __version__
from storyline.config import Config
from storyline.errors import StorylineError
from storyline.model import Article, DateInterval, Granularity, Skip, Timeline

__all__ = [
    "Article",
    "Config",
    "DateInterval",
    "Granularity",
    "Skip",
    "StorylineError",
    "Timeline",
    "__version__",
]
