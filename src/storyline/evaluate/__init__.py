"""Timeline evaluation: tilse-exact metrics and the T17/news-tls protocol.

from storyline.evaluate import align_m1_rouge, date_prf, evaluate_datasets
"""

from __future__ import annotations

from storyline.evaluate.metrics import (
    PRF,
    Timeline,
    agreement_rouge,
    align_m1_rouge,
    concat_rouge,
    date_prf,
    make_timeline,
)
from storyline.evaluate.protocol import (
    EvaluationReport,
    PipelinePredictor,
    Predictor,
    TimelineResult,
    evaluate_datasets,
)
from storyline.evaluate.rouge import RougeCounts, rouge_counts
from storyline.evaluate.scores import TimelineScores, aggregate, score_timeline

__all__ = [
    "PRF",
    "EvaluationReport",
    "PipelinePredictor",
    "Predictor",
    "RougeCounts",
    "Timeline",
    "TimelineResult",
    "TimelineScores",
    "aggregate",
    "agreement_rouge",
    "align_m1_rouge",
    "concat_rouge",
    "date_prf",
    "evaluate_datasets",
    "make_timeline",
    "rouge_counts",
    "score_timeline",
]
