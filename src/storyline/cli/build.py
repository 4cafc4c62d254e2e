"""`storyline build ARTICLES... -o OUT/`: one call of `storyline.pipeline` plus the renderers.

The command validates its numbers before any work, shows one progress bar per stage (read,
prepare, syndication, entities, relevance, timeline, summary, disagreements, render), exits
non-zero with a hint when no article could be used (or the query matches none), and ends with a
summary line in plain English.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from storyline.cli.hints import no_article_used, summary_line
from storyline.cli.progress import TqdmProgress
from storyline.config import Config
from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.model import Timeline
    from storyline.pipeline import PreparedCorpus
    from storyline.render import WriteReport

DEFAULT_FORMATS = "json,md,html,timelinejs"

# numeric configuration values (from --config or --set) and the range each must lie in
AT_LEAST: dict[str, int] = {
    "timeline.max_entries": 1,
    "timeline.sentences_per_entry": 1,
    "timeline.min_sources": 1,
    "timeline.summary_sentences": 0,
    "annotate.batch_size": 1,
    "annotate.max_sentence_chars": 1,
    "ingest.max_bytes": 1,
    "ingest.min_chars": 0,
    "dating.max_gap_days": 0,
}
FRACTIONS = ("timeline.query_min_fraction", "timeline.redundancy", "corpus.dedup_threshold")


def load_config(config_path: str | None, overrides: tuple[str, ...]) -> Config:
    cfg = Config.from_toml(config_path) if config_path else Config()
    return cfg.with_overrides(overrides)


def _value(cfg: Config, dotted: str) -> Any:
    obj: Any = cfg
    for part in dotted.split("."):
        obj = getattr(obj, part, None)
    return obj


def check_numbers(cfg: Config) -> None:
    """Raise `click.BadParameter` for a numeric configuration value out of its range."""
    for key, low in AT_LEAST.items():
        value = _value(cfg, key)
        if isinstance(value, int) and value < low:
            raise click.BadParameter(
                f"{key} is {value}; it must be at least {low}", param_hint="'--set'/'--config'"
            )
    for key in FRACTIONS:
        value = _value(cfg, key)
        if isinstance(value, float) and not 0.0 <= value <= 1.0:
            raise click.BadParameter(
                f"{key} is {value}; it must be between 0 and 1", param_hint="'--set'/'--config'"
            )


def _check_executor(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    kind, sep, arg = value.strip().partition(":")
    kind = kind.lower()
    workers = arg.strip().lower()
    counted = workers.isdecimal() and int(workers) >= 1
    if kind == "processes" and sep and workers != "auto" and not counted:
        raise click.BadParameter(
            f"{value!r}: the number of workers must be a whole number >= 1 or auto, "
            f"e.g. processes:2"
        )
    if kind not in ("auto", "serial", "processes", "ray") or (kind in ("auto", "serial") and sep):
        raise click.BadParameter(
            f"{value!r}: use auto, serial, processes:N (N >= 1), processes, ray or ray:ADDRESS"
        )
    return value


def _check_formats(ctx: click.Context, param: click.Parameter, value: str) -> list[str]:
    from storyline.render import FORMATS

    fmts = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in fmts if f not in FORMATS]
    if unknown or not fmts:
        raise click.BadParameter(
            f"{', '.join(unknown) or 'nothing'} is not a format: use one or more of "
            f"{', '.join(FORMATS)}, comma-separated"
        )
    return fmts


executor_option = click.option(
    "--executor",
    default=None,
    callback=_check_executor,
    help="auto (default) | serial | processes:N (N >= 1) | processes:auto | ray | ray:ADDRESS",
)
"""The `--executor` option of every command that runs the document stages, checked."""


@click.command("build")
@click.argument("articles", nargs=-1, type=click.Path())
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
@click.option(
    "--max-entries",
    type=click.IntRange(min=1),
    default=None,
    help="Most timeline entries to keep (at least 1).",
)
@click.option(
    "--format",
    "formats",
    default=DEFAULT_FORMATS,
    show_default=True,
    callback=_check_formats,
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
@executor_option
@click.option(
    "--cache",
    default=None,
    type=click.Path(dir_okay=False),
    help="SQLite file caching prepared articles between runs.",
)
@click.option(
    "--shards",
    default=None,
    type=click.Path(file_okay=False),
    help="Folder for the Parquet shards of prepared articles of a Ray run (kept); "
    "default: a temporary folder.",
)
@click.option(
    "--store",
    "store_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Build from what this store holds (see `storyline add`) instead of ARTICLES.",
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
    formats: list[str],
    config_path: str | None,
    overrides: tuple[str, ...],
    executor: str | None,
    cache: str | None,
    shards: str | None,
    store_path: str | None,
    quiet_here: bool,
) -> None:
    """Build the timeline of the story told by ARTICLES (files or folders), or held by
    --store."""
    from storyline.corpus.relevance import QueryMatcher
    from storyline.pipeline import prepare_paths, timeline_from
    from storyline.render import discard_output_dir, prepare_output_dir, write_report

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
        if shards is not None:
            cfg = cfg.with_value("shards", shards)
        check_numbers(cfg)
        _check_sources(articles, store_path)
        created = not Path(out_dir).exists()
        prepare_output_dir(out_dir)  # an output folder that cannot be written fails first
        with TqdmProgress(disable=True if quiet else None) as progress:
            if store_path is not None:
                corpus = _stored(store_path, cfg, progress)
            else:  # records are read as the stages run (on Ray: by the workers)
                corpus = prepare_paths(list(articles), cfg, progress)
            timeline = timeline_from(corpus, cfg, progress)
            if not timeline.articles:
                discard_output_dir(out_dir, created=created)
                matcher = QueryMatcher(cfg.query or "", (), cfg.timeline.query_min_fraction)
                raise click.ClickException(
                    no_article_used(
                        corpus.articles,
                        timeline.skipped,
                        cfg.query,
                        matcher.term_counts(corpus.articles) if cfg.query else [],
                        matcher.nearest(corpus.articles) if cfg.query else [],
                        cfg.timeline.query_min_fraction,
                    )
                )
            if store_path is None:
                report = write_report(timeline, Path(out_dir), formats, progress)
            else:  # changes.json and "Since last build", then this build is the last one
                report = _write_with_changes(store_path, timeline, Path(out_dir), formats, progress)
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        click.echo(
            summary_line(timeline.provenance.counts, report.written, report.skipped), err=True
        )


def _check_sources(articles: tuple[str, ...], store_path: str | None) -> None:
    if store_path is None and not articles:
        raise click.UsageError("give ARTICLES (files or folders), or --store S")
    if store_path is not None and articles:
        raise click.UsageError(
            f"give ARTICLES or --store, not both: add them first with "
            f"`storyline add {' '.join(articles)} --store {store_path}`"
        )
    if store_path is not None and not Path(store_path).is_file():
        raise click.UsageError(
            f"there is no store at {store_path}: create it with "
            f"`storyline add ARTICLES... --store {store_path}`"
        )
    if store_path is not None:  # before the output folder is made
        from storyline.stories import StoryStore

        with StoryStore(store_path) as store:
            store.check_not_empty()


def _stored(store_path: str, cfg: Config, progress: TqdmProgress) -> PreparedCorpus:
    from storyline.stories import StoryStore as Store

    with Store(store_path) as store:
        return store.corpus(cfg, progress)


def _write_with_changes(
    store_path: str, timeline: Timeline, out: Path, formats: list[str], progress: TqdmProgress
) -> WriteReport:
    from storyline.render import write_report
    from storyline.stories import StoryStore

    with StoryStore(store_path) as store:
        changes = store.changes(timeline)
        report = write_report(timeline, out, formats, progress, changes)
        store.remember(timeline)
    return report
