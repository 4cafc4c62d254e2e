"""`storyline search WORDS --store S`: one call of `Store.search`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from storyline.errors import StorylineError


@click.command("search")
@click.argument("words")
@click.option(
    "--store",
    "store_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True),
    help="The story's SQLite store (see `storyline add`).",
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def command(words: str, store_path: str, limit: int, as_json: bool) -> None:
    """Find the stored sentences and titles holding every one of WORDS."""
    from storyline.store import Store

    if not Path(store_path).is_file():
        raise click.ClickException(f"{store_path} is not a file: create it with storyline add")
    try:
        with Store(store_path) as store:
            hits = store.search(words, limit)
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    for hit in hits:
        if as_json:
            click.echo(json.dumps(dataclasses.asdict(hit), ensure_ascii=False, sort_keys=True))
        else:
            where = " · ".join(
                x for x in (hit.published or "undated", hit.outlet, *hit.stories) if x
            )
            click.echo(f"{where} · {hit.path}\n    {hit.text}")
    if not hits:
        click.echo(f"storyline: no stored sentence holds every word of {words!r}", err=True)
