"""A TempEval-3-style scorer for time expressions.

Extents: a *relaxed* match is any character overlap, a *strict* match identical start and end.
Gold and system spans are matched one-to-one in text order. Type and value are compared as exact
strings over the relaxed matches; attribute F1 = relaxed F1 x attribute accuracy. Counts are
summed over documents (micro-average). The document creation time is never scored: callers pass
only the expressions found in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    """Anything with a span, a type and a value (TimeExpression, GoldTimex)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass
class Counts:
    """Summed match counts over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    docs: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        self.docs += other.docs


@dataclass(frozen=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    type_f1: float
    value_accuracy: float
    value_f1: float
    counts: Counts = field(compare=False)

    def as_dict(self) -> dict[str, float]:
        return {
            "strict_p": self.strict_p,
            "strict_r": self.strict_r,
            "strict_f1": self.strict_f1,
            "relaxed_p": self.relaxed_p,
            "relaxed_r": self.relaxed_r,
            "relaxed_f1": self.relaxed_f1,
            "type_f1": self.type_f1,
            "value_f1": self.value_f1,
        }


@dataclass(frozen=True)
class Match:
    gold: int  # index into the gold list
    system: int  # index into the system list
    strict: bool


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def align(gold: Sequence[Span], system: Sequence[Span]) -> list[Match]:
    """Match gold to system spans one-to-one in text order (first unused overlapping span wins)."""
    g_order = sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end))
    s_order = sorted(range(len(system)), key=lambda i: (system[i].start, system[i].end))
    used: set[int] = set()
    matches: list[Match] = []
    lo = 0
    for gi in g_order:
        g = gold[gi]
        while lo < len(s_order) and system[s_order[lo]].end <= g.start:
            lo += 1
        k = lo
        while k < len(s_order) and system[s_order[k]].start < g.end:
            si = s_order[k]
            if si not in used and _overlaps(g, system[si]):
                used.add(si)
                s = system[si]
                matches.append(Match(gi, si, s.start == g.start and s.end == g.end))
                break
            k += 1
    return matches


def count(gold: Sequence[Span], system: Sequence[Span]) -> Counts:
    """Match counts for one document."""
    c = Counts(gold=len(gold), system=len(system), docs=1)
    for m in align(gold, system):
        g, s = gold[m.gold], system[m.system]
        c.relaxed += 1
        c.strict += int(m.strict)
        c.type_ok += int(g.type == s.type)
        c.value_ok += int(g.value == s.value)
    return c


def _prf(hit: int, gold: int, system: int) -> tuple[float, float, float]:
    p = hit / system if system else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def scores(counts: Counts) -> Scores:
    """Precision, recall and F1 from summed counts."""
    sp, sr, sf = _prf(counts.strict, counts.gold, counts.system)
    rp, rr, rf = _prf(counts.relaxed, counts.gold, counts.system)
    t_acc = counts.type_ok / counts.relaxed if counts.relaxed else 0.0
    v_acc = counts.value_ok / counts.relaxed if counts.relaxed else 0.0
    return Scores(sp, sr, sf, rp, rr, rf, t_acc, rf * t_acc, v_acc, rf * v_acc, counts)


def score_documents(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Scores:
    """Micro-averaged scores over (gold, system) pairs, one pair per document."""
    total = Counts()
    for gold, system in pairs:
        total.add(count(gold, system))
    return scores(total)
