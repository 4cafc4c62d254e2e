"""`storyline build ARTICLES... -o OUT/`: one call of `storyline.pipeline` plus the renderers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from storyline.config import Config
from storyline.errors import StorylineError

DEFAULT_FORMATS = "json,md,html,timelinejs"


def _updater(bar: Any) -> Callable[[int], None]:
    def update(n: int) -> None:
        bar.update(n)

    return update


def load_config(config_path: str | None, overrides: tuple[str, ...]) -> Config:
    cfg = Config.from_toml(config_path) if config_path else Config()
    return cfg.with_overrides(overrides)


@click.command("build")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder that receives timeline.json, timeline.md, timeline.html, ...",
)
@click.option(
    "--query", default=None, help="What the story is about; off-topic articles are skipped."
)
@click.option("--max-entries", type=int, default=None, help="Most timeline entries to keep.")
@click.option(
    "--format",
    "formats",
    default=DEFAULT_FORMATS,
    show_default=True,
    help="Comma-separated: json, md, html, timelinejs, csv.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="A TOML config file (see docs/cli.md).",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="KEY=VALUE",
    help="Override one config value, e.g. --set timeline.sentences_per_entry=3.",
)
@click.option("--executor", default=None, help="serial | processes:N | ray | ray:ADDRESS")
@click.option(
    "--cache",
    default=None,
    type=click.Path(dir_okay=False),
    help="SQLite file caching prepared articles between runs.",
)
@click.option(
    "-q",
    "--quiet",
    "quiet_here",
    is_flag=True,
    help="No progress bar or summary line (same as `storyline -q build`).",
)
@click.pass_context
def command(
    ctx: click.Context,
    articles: tuple[str, ...],
    out_dir: str,
    query: str | None,
    max_entries: int | None,
    formats: str,
    config_path: str | None,
    overrides: tuple[str, ...],
    executor: str | None,
    cache: str | None,
    quiet_here: bool,
) -> None:
    """Build the timeline of the story told by ARTICLES (files or folders)."""
    from storyline.ingest import read_articles
    from storyline.pipeline import prepare_articles, timeline_from
    from storyline.render import prepare_output_dir, write_outputs

    quiet = quiet_here or bool((ctx.obj or {}).get("quiet"))
    try:
        cfg = load_config(config_path, overrides)
        if query is not None:
            cfg = cfg.with_value("query", query)
        if max_entries is not None:
            cfg = cfg.with_value("timeline.max_entries", max_entries)
        if executor is not None:
            cfg = cfg.with_value("executor", executor)
        if cache is not None:
            cfg = cfg.with_value("cache", cache)
        fmts = [f.strip() for f in formats.split(",") if f.strip()]
        from storyline.render import renderer_for

        for f in fmts:
            renderer_for(f)  # an unknown format fails before the run
        prepare_output_dir(out_dir)  # so does an output folder that cannot be written
        # records are read as the stages run (never all held at once): the bar counts
        # articles as they are prepared, without a total
        items = read_articles(list(articles), cfg.ingest)
        from tqdm import tqdm

        with tqdm(
            unit="article",
            disable=quiet or None,
            file=sys.stderr,
            desc="storyline",
        ) as bar:
            corpus = prepare_articles(items, cfg, progress=_updater(bar))
        timeline = timeline_from(corpus, cfg)
        written = write_outputs(timeline, Path(out_dir), fmts)
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        counts = timeline.provenance.counts
        reasons = counts.get("skipped_by_reason") or {}
        why = ", ".join(f"{k}: {v}" for k, v in dict(reasons).items())  # type: ignore[call-overload]
        click.echo(
            f"storyline: used {counts['used']} articles, skipped {counts['skipped']}"
            + (f" ({why})" if why else "")
            + f"; {counts['entries']} entries -> {', '.join(str(p) for p in written)}",
            err=True,
        )
