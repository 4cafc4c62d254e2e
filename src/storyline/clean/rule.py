"""`Rule`: one boilerplate rule as data (see `clean.rules` for the rules themselves)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    kind: str
    why: str
    pattern: re.Pattern[str] | None = None
    test: Callable[[str], bool] | None = None
    max_words: int = 40
    credits: bool = False
    opens: str = ""  # "" | "block" (rest of the block) | "reply" (the comment that follows)
    # Cheap pre-check: the lower-cased paragraph must contain one of these (when given).
    needs: tuple[str, ...] = ()

    def matches(self, paragraph: str, words: int, lowered: str) -> bool:
        """True when the rule removes `paragraph` (`words` long, `lowered` lower-cased)."""
        if words > self.max_words:
            return False
        if self.needs and not any(needle in lowered for needle in self.needs):
            return False
        if self.pattern is not None and not self.pattern.search(paragraph):
            return False
        return self.test is None or self.test(paragraph)
