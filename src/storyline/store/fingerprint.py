"""Content fingerprints of configuration (what a cached article was prepared with)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot fingerprint a {type(value).__name__}: {value!r}")


def fingerprint(*parts: Any) -> str:
    """A stable hex digest of JSON-able values and dataclasses (e.g. config sections).

    Key order does not matter; the same parts always give the same fingerprint, in any process.
    """
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
