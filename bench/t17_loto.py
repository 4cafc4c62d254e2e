"""T17 with parameters chosen leave-one-topic-out: the unbiased figure beside the tuned one.

    .venv/bin/python bench/t17_loto.py --cache FILE [T17_DIR] [--variant NAME=K=V,K=V ...]

Each variant (a set of `--set` overrides of the timeline strategy; the document stages are
read from the cache FILE) is evaluated on all 19 reference timelines with the news-tls
protocol. Then:

- the **development** figure: the variant with the best aggregate AR-1 F over all topics
  (what a default tuned on T17 gives; biased upward);
- the **leave-one-topic-out** figure: for each of the 9 topics, the variant with the best
  aggregate AR-1 F on the *other* eight topics is scored on that topic; the 19 held-out
  timeline scores are aggregated as news-tls does (mean P and R, then F1).

Variants default to the event strategy's main parameters around their defaults.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from storyline.config import Config
from storyline.evaluate.protocol import TimelineResult, evaluate_datasets
from storyline.evaluate.scores import aggregate

REPO = Path(__file__).resolve().parents[1]
DEFAULT_T17 = REPO / ".." / "shared" / "data" / "t17"
EVENTS = "timeline.method=timeline.events.v1"
VARIANTS: dict[str, list[str]] = {
    "datewise": ["timeline.method=timeline.datewise.v1"],
    "events": [EVENTS],
    "events-mentions-0": [EVENTS, "timeline.events.mention_weight=0.0"],
    "events-mentions-0.5": [EVENTS, "timeline.events.mention_weight=0.5"],
    "events-mentions-1": [EVENTS, "timeline.events.mention_weight=1.0"],
    "events-statements": [EVENTS, "timeline.events.statement_entries=true"],
    "events-reported-0.5": [EVENTS, "timeline.events.reported_weight=0.5"],
    "events-no-lead-boost": [EVENTS, "timeline.events.lead_event_boost=0.0"],
    "events-no-lead-day": [EVENTS, "timeline.events.lead_day=false"],
    "events-no-fold": [EVENTS, "timeline.events.fold_similarity=1.0"],
    "events-no-times": [EVENTS, "timeline.events.times_of_day=false"],
}


def _row(name: str, results: list[TimelineResult]) -> str:
    a = aggregate([r.scores for r in results])
    return f"{name:<24} {a.ar1.f1:7.4f} {a.ar2.f1:7.4f} {a.date.f1:7.4f}"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("t17", nargs="?", type=Path, default=DEFAULT_T17)
    ap.add_argument("--cache", required=True, help="SQLite file of prepared articles")
    ap.add_argument(
        "--variant",
        action="append",
        default=[],
        help="NAME=KEY=VALUE,KEY=VALUE (replaces the default variants)",
    )
    args = ap.parse_args(argv)
    variants = VARIANTS
    if args.variant:
        variants = {}
        for v in args.variant:
            name, _, sets = v.partition("=")
            variants[name] = [s for s in sets.split(",") if s]
    runs: dict[str, list[TimelineResult]] = {}
    print(f"{'variant':<24} {'AR-1 F':>7} {'AR-2 F':>7} {'date F1':>7}   secs", flush=True)
    for name, overrides in variants.items():
        t0 = time.perf_counter()
        config = Config(cache=args.cache).with_overrides(overrides)
        runs[name] = list(evaluate_datasets([args.t17], config).results)
        print(f"{_row(name, runs[name])}   {time.perf_counter() - t0:4.0f}", flush=True)
    topics = sorted({r.topic for rs in runs.values() for r in rs})

    def ar1(name: str, keep: set[str]) -> float:
        return aggregate([r.scores for r in runs[name] if r.topic in keep]).ar1.f1

    best = max(runs, key=lambda n: ar1(n, set(topics)))
    print(f"\ndevelopment (best on all topics): {best}")
    print(_row(f"  {best}", runs[best]))
    held_out: list[TimelineResult] = []
    print("leave-one-topic-out (variant chosen on the other topics):")
    for topic in topics:
        others = set(topics) - {topic}
        chosen = max(runs, key=lambda n: ar1(n, others))
        mine = [r for r in runs[chosen] if r.topic == topic]
        held_out.extend(mine)
        print(f"  {topic:<8} chosen {chosen}")
    print(_row("  LOTO", held_out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
