"""`storyline add ARTICLES... --store S`: one call of `Store.add`."""

from __future__ import annotations

import click

from storyline.cli.build import executor_option, load_config
from storyline.cli.hints import plural
from storyline.cli.progress import TqdmProgress
from storyline.errors import StorylineError


@click.command("add")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option(
    "--store",
    "store_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The story's SQLite store (created when missing).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="A TOML config file (see docs/cli.md).",
)
@click.option("--set", "overrides", multiple=True, metavar="KEY=VALUE", help="Override a value.")
@executor_option
@click.pass_context
def command(
    ctx: click.Context,
    articles: tuple[str, ...],
    store_path: str,
    config_path: str | None,
    overrides: tuple[str, ...],
    executor: str | None,
) -> None:
    """Add ARTICLES (files or folders) to a story's store; the same article twice is stored
    once, and a run that was interrupted can simply be run again."""
    from storyline.cli.build import check_numbers
    from storyline.stories import StoryStore as Store

    quiet = bool((ctx.obj or {}).get("quiet"))
    try:
        cfg = load_config(config_path, overrides)
        if executor is not None:
            cfg = cfg.with_value("executor", executor)
        check_numbers(cfg)
        with Store(store_path) as store, TqdmProgress(disable=True if quiet else None) as bar:
            report = store.add(list(articles), cfg, bar)
            held = len(store.member_paths())
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    if not quiet:
        line = (
            f"storyline: added {plural(report.added, 'article')}, "
            f"{report.already} held already, skipped {len(report.skipped)}; "
            f"{store_path} holds {plural(held, 'article')}"
        )
        for skip in report.skipped[:10]:
            line += f"\n  skipped {skip.path}: {skip.reason} {skip.detail}".rstrip()
        click.echo(line, err=True)
