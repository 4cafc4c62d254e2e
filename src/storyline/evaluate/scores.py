"""Per-timeline scores and their news-tls aggregate (mean precision and recall, then F1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storyline.evaluate.metrics import PRF, ZERO, Timeline, align_m1_rouge, date_prf


@dataclass(frozen=True)
class TimelineScores:
    """AR-1, AR-2 (align+ m:1 ROUGE-1/2) and date selection scores of one prediction."""

    ar1: PRF
    ar2: PRF
    date: PRF

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, prf in (("ar1", self.ar1), ("ar2", self.ar2), ("date", self.date)):
            out[f"{name}_p"] = prf.precision
            out[f"{name}_r"] = prf.recall
            out[f"{name}_f"] = prf.f1
        out["date_f1"] = self.date.f1
        return out


def score_timeline(prediction: Timeline, references: Sequence[Timeline]) -> TimelineScores:
    """Score one predicted timeline against its reference timeline(s)."""
    ar = align_m1_rouge(prediction, references)
    return TimelineScores(ar1=ar[1], ar2=ar[2], date=date_prf(prediction, references))


def _mean_prf(items: Sequence[PRF]) -> PRF:
    if not items:
        return ZERO
    p = sum(x.precision for x in items) / len(items)
    r = sum(x.recall for x in items) / len(items)
    return PRF.of(p, r)


def aggregate(scores: Sequence[TimelineScores]) -> TimelineScores:
    """news-tls aggregation: average precision and recall over timelines, then F1."""
    return TimelineScores(
        ar1=_mean_prf([s.ar1 for s in scores]),
        ar2=_mean_prf([s.ar2 for s in scores]),
        date=_mean_prf([s.date for s in scores]),
    )
