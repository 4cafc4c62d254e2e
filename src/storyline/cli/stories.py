"""`storyline stories ARTICLES... -o OUT/ [--store S]`: `find_stories` then `write_stories`."""

from __future__ import annotations

from pathlib import Path

import click

from storyline.cli.build import _check_formats, check_numbers, executor_option, load_config
from storyline.cli.hints import plural
from storyline.cli.progress import TqdmProgress
from storyline.errors import StorylineError


@click.command("stories")
@click.argument("articles", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder that receives stories.json and one folder per story.",
)
@click.option(
    "--store",
    "store_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Add ARTICLES to this store, then cluster everything it holds.",
)
@click.option("--query", default=None, help="Articles that do not match it are off-topic.")
@click.option(
    "--format",
    "formats",
    default="json",
    show_default=True,
    callback=_check_formats,
    help="The files of each story's timeline: json, md, html, timelinejs, csv.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="How alike an article must be to a story to join it (lower: fewer, larger stories).",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE", help="Override a value.")
@executor_option
@click.pass_context
def command(
    ctx: click.Context,
    articles: tuple[str, ...],
    out_dir: str,
    store_path: str | None,
    query: str | None,
    formats: list[str],
    threshold: float | None,
    config_path: str | None,
    overrides: tuple[str, ...],
    executor: str | None,
) -> None:
    """Group a pile of ARTICLES into stories, and build each story's timeline."""
    from storyline.stories import StoryStore
    from storyline.stories.output import find_stories, write_stories
    from storyline.stories.pile import StoryOptions

    if not articles and store_path is None:
        raise click.UsageError("give ARTICLES (files or folders), or --store S")
    if store_path is not None and not articles and not Path(store_path).is_file():
        raise click.UsageError(
            f"there is no store at {store_path}: give ARTICLES to add to it, or create it "
            f"with `storyline add ARTICLES... --store {store_path}`"
        )
    quiet = bool((ctx.obj or {}).get("quiet"))
    options = StoryOptions() if threshold is None else StoryOptions(threshold=threshold)
    try:
        cfg = load_config(config_path, overrides)
        if query is not None:
            cfg = cfg.with_value("query", query)
        if executor is not None:
            cfg = cfg.with_value("executor", executor)
        check_numbers(cfg)
        with TqdmProgress(disable=True if quiet else None) as bar:
            store = StoryStore(store_path) if store_path is not None else None
            try:
                pile = find_stories(list(articles), cfg, options, store, bar)
                if not pile.corpus.articles:
                    raise click.ClickException(
                        "no article could be used: see the skipped inputs with "
                        "`storyline build` on the same ARTICLES"
                    )
                path = write_stories(pile, Path(out_dir), cfg, options, formats, store, bar)
            finally:
                if store is not None:
                    store.close()
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        alone = len(pile.unassigned)
        click.echo(
            f"storyline: {plural(len(pile.stories), 'story', 'stories')} from "
            f"{plural(len(pile.corpus.articles), 'article')} ({alone} in no story, "
            f"{len(pile.corpus.skipped)} inputs skipped) -> {path}",
            err=True,
        )
