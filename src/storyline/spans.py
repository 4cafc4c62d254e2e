"""Non-overlapping spans over a text in linear time (a leaf module: it imports nothing).

    taken = SpanMask(len(text))
    if taken.free(s, e):
        taken.take(s, e)

The scanners that pick the first (or longest) of overlapping matches used to compare each
new match with every span taken so far, which is quadratic in the number of matches: a text
dense with dates took minutes. A mask of taken characters answers "does [s, e) overlap a
taken span?" in time proportional to the span's length, so a whole scan stays linear.
"""

from __future__ import annotations

from collections.abc import Iterable

_TAKEN = b"\x01"


class SpanMask:
    """Which characters of a text of length `n` are covered by a taken span."""

    __slots__ = ("_mask",)

    def __init__(self, n: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._mask = bytearray(max(0, n))
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        """True when no character of [start, end) is taken (an empty span is free)."""
        start, end = max(0, start), min(len(self._mask), end)
        return start >= end or self._mask.find(_TAKEN, start, end) == -1

    def take(self, start: int, end: int) -> None:
        start, end = max(0, start), min(len(self._mask), end)
        if start < end:
            self._mask[start:end] = _TAKEN * (end - start)
