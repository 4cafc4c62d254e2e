"""`storyline evaluate DATASET_DIR...`: the T17/news-tls protocol with tilse-exact metrics."""

from __future__ import annotations

import json
from pathlib import Path

import click

from storyline.config import Config
from storyline.errors import StorylineError
from storyline.evaluate.protocol import (
    PROTOCOL_METHOD,
    EvaluationReport,
    TimelineResult,
    evaluate_datasets,
    protocol_base,
)


def format_table(report: EvaluationReport) -> str:
    """A terminal table: one row per reference timeline, then the aggregate."""
    head = (
        f"{'topic':<10} {'#':>2} {'l':>4} {'k':>2} {'inputs':>6} {'dates':>5} "
        f"{'AR-1 F':>7} {'AR-2 F':>7} {'Date F1':>7} {'secs':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in report.results:
        s = r.scores
        lines.append(
            f"{r.topic:<10} {r.index:>2} {r.l:>4} {r.k:>2} {r.n_input:>6} "
            f"{len(r.prediction):>5} {s.ar1.f1:>7.3f} {s.ar2.f1:>7.3f} {s.date.f1:>7.3f} "
            f"{r.seconds:>6.1f}"
        )
    a = report.aggregate
    lines.append("-" * len(head))
    lines.append(
        f"{'aggregate':<10} {len(report.results):>2} {'':>4} {'':>2} {'':>6} {'':>5} "
        f"{a.ar1.f1:>7.3f} {a.ar2.f1:>7.3f} {a.date.f1:>7.3f}"
    )
    lines.append(
        f"AR-1 P/R {a.ar1.precision:.3f}/{a.ar1.recall:.3f}  "
        f"AR-2 P/R {a.ar2.precision:.3f}/{a.ar2.recall:.3f}  "
        f"date P/R {a.date.precision:.3f}/{a.date.recall:.3f}"
    )
    lines.append(
        f"wall time {report.seconds:.1f} s, {report.n_articles} articles "
        f"({report.articles_per_second:.1f} articles/s), {report.n_skipped} inputs skipped"
    )
    return "\n".join(lines)


@click.command("evaluate")
@click.argument(
    "dataset_dirs",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--save-timelines",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write predicted timelines to DIR/<topic>.timelines.jsonl (news-tls format).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A TOML config (the same defaults are used for every topic).",
)
@click.option(
    "--method",
    default=PROTOCOL_METHOD,
    show_default=True,
    help="The timeline strategy to evaluate (T17 asks for the most important days; "
    "`storyline build` defaults to timeline.events.v1). --set timeline.method=... wins.",
)
@click.option("--set", "overrides", multiple=True, help="Override a config key: section.key=value.")
@click.pass_context
def command(
    ctx: click.Context,
    dataset_dirs: tuple[Path, ...],
    as_json: bool,
    save_timelines: Path | None,
    config_path: Path | None,
    method: str,
    overrides: tuple[str, ...],
) -> None:
    """Run the news-tls/T17 protocol on DATASET_DIR (a dataset root or one topic folder)
    and print AR-1, AR-2 and date F1 per reference timeline and aggregated."""
    quiet = bool((ctx.obj or {}).get("quiet"))

    def show(r: TimelineResult) -> None:
        if not quiet:
            s = r.scores
            click.echo(
                f"{r.topic} #{r.index}: AR-1 F {s.ar1.f1:.3f}  AR-2 F {s.ar2.f1:.3f}  "
                f"date F1 {s.date.f1:.3f}  ({r.seconds:.0f} s)",
                err=True,
            )

    try:
        config = Config.from_toml(config_path) if config_path else Config()
        config = protocol_base(config, method).with_overrides(overrides)
        report = evaluate_datasets(
            list(dataset_dirs), config, save_dir=save_timelines, on_result=show
        )
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(report.as_dict(), sort_keys=True))
    else:
        click.echo(format_table(report))
