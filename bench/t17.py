"""T17 results: storyline (the `storyline build` pipeline) beside published systems.

    .venv/bin/python bench/t17.py [T17_DIR] [--system pipeline|pubcount] [--topics mj,h1n1]
                                  [--docs docs/evaluation.md] [--save-timelines DIR]
                                  [--set executor=processes:2] [--set cache=FILE]

Runs the news-tls protocol (storyline.evaluate.protocol) with tilse-exact AR-1/AR-2 and
date F1, prints a per-timeline table, the aggregate, wall time and articles per second,
then a Markdown table of ours beside the published figures. With --docs the Markdown
table replaces the block between the RESULTS markers of that file.

--system pubcount is a reference baseline (not storyline): the l days with most
published articles in range, each summarised by the first k sentences of its
(keyword-matching) articles. It needs no NLP and shows what the harness gives for a trivial system.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from storyline.config import Config
from storyline.evaluate.protocol import (
    PROTOCOL_METHOD,
    EvaluationReport,
    PipelinePredictor,
    PredictedTimeline,
    Predictor,
    TimelineResult,
    article_date,
    evaluate_datasets,
    protocol_base,
)
from storyline.model import Article, Skip

REPO = Path(__file__).resolve().parents[1]
DEFAULT_T17 = REPO / ".." / "shared" / "data" / "t17"
BEGIN, END = "<!-- RESULTS:BEGIN (bench/t17.py) -->", "<!-- RESULTS:END -->"

# (system, AR-1 F, AR-2 F, Date F1) as published on T17.
PUBLISHED = [
    ("news-tls DATEWISE (Ghalandari & Ifrim 2020)", 0.120, 0.035, 0.544),
    ("news-tls CLUST (Ghalandari & Ifrim 2020)", 0.082, 0.020, 0.407),
    ("LLM-TLS, Llama-2-13B", 0.118, 0.036, 0.528),
    ("CHRONOS, Qwen-72B", 0.116, 0.042, 0.522),
    ("SUnSET, Qwen-72B", 0.136, 0.044, 0.576),
    ("Oracle (news-tls)", 0.312, 0.128, 0.926),
]

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")


class PubCountBaseline:
    """Reference baseline: the most-published days, the lead sentences of their articles
    (the input is already restricted to keyword-matching articles by the protocol)."""

    def prepare(self, items: Iterable[Article | Skip], config: Config) -> list[Article]:
        return [a for a in items if isinstance(a, Article)]

    def restrict(self, corpus: list[Article], keep: Callable[[Article], bool]) -> list[Article]:
        return [a for a in corpus if keep(a)]

    def predict(self, corpus: list[Article], config: Config) -> PredictedTimeline:
        by_day: dict[dt.date, list[Article]] = {}
        for a in sorted(corpus, key=lambda a: a.id):
            d = article_date(a)
            if d is not None:
                by_day.setdefault(d, []).append(a)
        days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[: config.timeline.max_entries]
        k = config.timeline.sentences_per_entry
        out: PredictedTimeline = []
        for d in sorted(days):
            sents: list[str] = []
            for a in by_day[d]:
                for s in _SENT.split(a.raw_text.replace("\n", " ")):
                    if len(sents) < k and s.strip():
                        sents.append(s.strip())
            out.append((d, sents))
        return out


def measured_row(report: EvaluationReport, label: str) -> tuple[str, str]:
    """The Markdown table row of a measured system and its note (size, speed, date)."""
    a = report.aggregate
    row = f"| **{label}** | **{a.ar1.f1:.3f}** | **{a.ar2.f1:.3f}** | **{a.date.f1:.3f}** |"
    note = (
        f"- {label}: {len(report.results)} timelines, {report.n_articles} articles, "
        f"wall time {report.seconds:.0f} s ({report.articles_per_second:.1f} articles/s), "
        f"measured {time.strftime('%Y-%m-%d', time.gmtime())}."
    )
    return row, note


def markdown(rows: list[tuple[str, str]]) -> str:
    """Measured rows (ours) above the published figures, then the notes."""
    lines = ["| System | AR-1 F | AR-2 F | Date F1 |", "|---|---:|---:|---:|"]
    lines += [r for r, _ in rows]
    lines += [f"| {n} | {r1:.3f} | {r2:.3f} | {df:.3f} |" for n, r1, r2, df in PUBLISHED]
    lines.append("")
    lines += [n for _, n in rows]
    return "\n".join(lines)


def _previous_rows(block: str, label: str) -> list[tuple[str, str]]:
    """Rows measured earlier for other systems or subsets, kept when updating the docs."""
    rows = [ln for ln in block.splitlines() if ln.startswith("| **")]
    notes = {ln.split(":", 1)[0][2:]: ln for ln in block.splitlines() if ln.startswith("- ")}
    out = []
    for row in rows:
        name = row.split("**")[1]
        if name != label:
            out.append((row, notes.get(name, "")))
    return out


def main(argv: list[str]) -> int:
    from storyline.cli.evaluate import format_table

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("t17", nargs="?", type=Path, default=DEFAULT_T17)
    ap.add_argument("--system", choices=["pipeline", "pubcount"], default="pipeline")
    ap.add_argument("--method", default=PROTOCOL_METHOD, help="timeline strategy evaluated")
    ap.add_argument("--topics", default="", help="comma-separated topic names (default: all)")
    ap.add_argument("--docs", type=Path, default=None)
    ap.add_argument("--save-timelines", type=Path, default=None)
    ap.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        help="how to run, not what: executor=processes:2, cache=FILE (same for every topic)",
    )
    args = ap.parse_args(argv[1:])
    if not args.t17.is_dir():
        print(f"T17 not found at {args.t17}", file=sys.stderr)
        return 2
    dirs = [args.t17 / t for t in args.topics.split(",")] if args.topics else [args.t17]
    predictor: Predictor = PipelinePredictor() if args.system == "pipeline" else PubCountBaseline()

    def show(r: TimelineResult) -> None:
        s = r.scores
        print(
            f"{r.topic} #{r.index}: AR-1 F {s.ar1.f1:.3f} AR-2 F {s.ar2.f1:.3f} "
            f"date F1 {s.date.f1:.3f} ({r.seconds:.0f} s)",
            file=sys.stderr,
            flush=True,
        )

    config = protocol_base(Config(), args.method).with_overrides(args.overrides)
    report = evaluate_datasets(
        dirs, config, predictor, save_dir=args.save_timelines, on_result=show
    )
    print(format_table(report))
    label = "storyline (default config)" if args.system == "pipeline" else "pubcount baseline"
    if args.topics:
        label += f" [{args.topics}]"
    row = measured_row(report, label)
    print()
    print(markdown([row]))
    if args.docs:
        text = args.docs.read_text(encoding="utf-8")
        if BEGIN not in text or END not in text:
            print(f"{args.docs} has no {BEGIN} ... {END} block", file=sys.stderr)
            return 2
        head, rest = text.split(BEGIN, 1)
        block, tail = rest.split(END, 1)
        rows = sorted([*_previous_rows(block, label), row])
        table = markdown(rows)
        args.docs.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
