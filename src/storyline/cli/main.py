"""The `storyline` command: a group whose subcommands are imported only when used."""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any

import click

from storyline._version import __version__
from storyline.errors import StorylineError

# subcommand name -> module under storyline.cli exposing `command: click.Command`
SUBCOMMANDS = {
    "add": "storyline.cli.add",
    "build": "storyline.cli.build",
    "search": "storyline.cli.search",
    "stories": "storyline.cli.stories",
    "times": "storyline.cli.times",
    "evaluate": "storyline.cli.evaluate",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = SUBCOMMANDS.get(cmd_name)
        if module is None:
            return None
        cmd = importlib.import_module(module).command
        assert isinstance(cmd, click.Command)
        return cmd


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="storyline")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bar or summary.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn raw news articles about one story into a dated, cited timeline."""
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose == 1 else logging.WARNING)
    )
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet
    ctx.obj["verbose"] = verbose


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv, prog_name="storyline", standalone_mode=True)
    except StorylineError as e:  # pragma: no cover - click handles most exits
        click.echo(f"error: {e}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
