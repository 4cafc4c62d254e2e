"""T17 ablations: the timeline strategy with one idea switched off (or changed) at a time.

    .venv/bin/python bench/t17_ablation.py --cache FILE [T17_DIR] [--only NAME,...]
    .venv/bin/python bench/t17_ablation.py --cache FILE --param neighbour_penalty=0.4

Runs the news-tls protocol exactly as `storyline evaluate` does, on articles prepared once
and kept in the SQLite cache FILE (the first run fills it, about 10 minutes on 2 cores;
each ablation then takes about 30 s), and prints AR-1 / AR-2 / date F1 per variant beside
the default. The variants change parameters of `DatewiseTimeline` (the strategy that
`storyline build` uses: `timeline.datewise.*` and the run-level ones), never the protocol.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyline.config import Config, DatewiseConfig
from storyline.evaluate.protocol import (
    EvaluationReport,
    PipelinePredictor,
    evaluate_datasets,
    protocol_base,
)
from storyline.model import Article, Skip
from storyline.timeline import make_strategy

REPO = Path(__file__).resolve().parents[1]
DEFAULT_T17 = REPO / ".." / "shared" / "data" / "t17"

# name -> (what it removes or changes, DatewiseTimeline parameters)
VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    "default": ("every idea on", {}),
    "no-chronology": (
        "chronology entries weigh as other mentions, no sentence bonus",
        {"chronology_weight": 1.0, "chronology_bonus": 0.0},
    ),
    "no-neighbours": ("no neighbouring-day penalty", {"neighbour_penalty": 0.0}),
    "no-day-before": ("leads stand for their publication day only", {"previous_day_weight": 0.0}),
    "keywords": (
        "entry sentences must contain a topic keyword (news-tls's sentence filter)",
        {"required_terms": "TOPIC"},
    ),
    "lead-3": ("the lead is the first 3 sentences, not 8", {"lead_sentences": 3}),
    "no-leads": ("undated lead sentences are not candidates", {"lead_weight": 0.0}),
    "mention-count": (
        "dates ranked by explicit mentions only (news-tls MentionCount-like)",
        {"lead_weight": 0.0, "chronology_weight": 1.0, "neighbour_penalty": 0.0},
    ),
}


class StrategyPredictor(PipelinePredictor):
    """The pipeline's predictor with some strategy parameters replaced."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params
        self.keywords: tuple[str, ...] = ()

    def prepare(self, items: Iterable[Article | Skip], config: Config) -> Any:
        items = list(items)
        # the topic's keywords, for the "keywords" variant: its folder holds keywords.json
        paths = [Path(x.path) for x in items if x.path]
        kw_file = next((p.parent / "keywords.json" for p in paths[:1]), None)
        if kw_file is not None and kw_file.is_file():
            self.keywords = tuple(json.loads(kw_file.read_text(encoding="utf-8")))
        return super().prepare(items, config)

    def predict(self, corpus: Any, config: Config) -> list[Any]:
        params = dict(self.params)
        if params.get("required_terms") == "TOPIC":
            params["required_terms"] = self.keywords
        own = {f.name for f in dataclasses.fields(DatewiseConfig)}
        datewise = dataclasses.replace(
            config.timeline.datewise, **{k: v for k, v in params.items() if k in own}
        )
        timeline = dataclasses.replace(config.timeline, datewise=datewise)
        strategy = make_strategy(timeline, config.query)
        strategy = dataclasses.replace(  # type: ignore[type-var]
            strategy, **{k: v for k, v in params.items() if k not in own}
        )
        entries = strategy.build(list(corpus.articles))
        return [(e.date.start, [s.text for s in e.sentences]) for e in entries]


def _value(raw: str) -> Any:
    for cast in (int, float):
        try:
            return cast(raw)
        except ValueError:
            pass
    return raw


def run(t17: Path, cache: str, params: dict[str, Any]) -> EvaluationReport:
    config = protocol_base(Config(cache=cache))  # the date-wise strategy's parameters
    return evaluate_datasets([t17], config, predictor=StrategyPredictor(params))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("t17", nargs="?", type=Path, default=DEFAULT_T17)
    ap.add_argument("--cache", required=True, help="SQLite file of prepared articles")
    ap.add_argument("--only", default="", help="comma-separated variant names")
    ap.add_argument("--param", action="append", default=[], help="NAME=VALUE (one variant)")
    args = ap.parse_args(argv)
    if not args.t17.is_dir():
        print(f"T17 not found at {args.t17}: pass its path", file=sys.stderr)
        return 2
    if args.param:
        pairs = [p.split("=", 1) for p in args.param]
        variants = {"custom": (" ".join(args.param), {k: _value(v) for k, v in pairs})}
    else:
        names = [n for n in args.only.split(",") if n] or list(VARIANTS)
        unknown = sorted(set(names) - set(VARIANTS))
        if unknown:
            print(f"unknown variants {unknown}; choose from {sorted(VARIANTS)}", file=sys.stderr)
            return 2
        variants = {n: VARIANTS[n] for n in names}
    print(f"{'variant':<15} {'AR-1 F':>7} {'AR-2 F':>7} {'date F1':>7} {'secs':>6}  change")
    for name, (what, params) in variants.items():
        t0 = time.perf_counter()
        a = run(args.t17, args.cache, params).aggregate
        secs = time.perf_counter() - t0
        print(
            f"{name:<15} {a.ar1.f1:7.4f} {a.ar2.f1:7.4f} {a.date.f1:7.4f} {secs:6.0f}  {what}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
