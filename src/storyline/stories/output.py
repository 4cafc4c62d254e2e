"""`storyline stories`: find the stories of a pile and write one timeline each.

    pile = find_stories(paths, config)               # read, prepare, cluster (StoryPile)
    write_stories(pile, Path("out"), config)          # out/stories.json, out/<id>/timeline.json

`stories.json` is described by `render/stories.schema.json`: the stories (id, title, article
ids, first and last day, the path of the story's timeline.json), every input (used: in one
story or more, with their ids; skipped: with why, including articles in no story), provenance.
With a store, the articles are added to it first, the whole store is clustered, and each
story's timeline is remembered there (so its `changes.json` says what changed since). Each
story's timeline is a task of `config.executor` (`storyline.stories.timelines`).
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from storyline._version import __version__
from storyline.config import Config
from storyline.model import SCHEMA_VERSION
from storyline.progress import ProgressLike, as_progress
from storyline.stories.pile import StoryOptions, StoryPile, cluster_articles
from storyline.stories.store import StoryStore

STORIES_FILE = "stories.json"


def find_stories(
    paths: Sequence[str | Path],
    config: Config | None = None,
    options: StoryOptions | None = None,
    store: StoryStore | None = None,
    progress: ProgressLike = None,
) -> StoryPile:
    """Read and prepare the articles under `paths` (`pipeline.prepare_paths`: on Ray without
    a cache the workers read them, through Parquet shards; with `store`: add them to it, then
    take everything it holds) and group them into stories."""
    from storyline.pipeline import prepare_paths

    cfg = config or Config()
    if store is not None:
        if paths:
            store.add(paths, cfg, progress)
        corpus = store.corpus(cfg, progress)
    else:
        corpus = prepare_paths(list(paths), cfg, progress)
    report = as_progress(progress)
    report.stage("stories", 1)
    pile = cluster_articles(corpus, options, cfg.query)
    report.advance(1)
    return pile


def stories_document(
    pile: StoryPile, config: Config, options: StoryOptions, timelines: dict[str, str]
) -> dict[str, Any]:
    """The `stories.json` document; `timelines` maps a story id to its timeline's path."""
    from storyline.pipeline import input_fingerprint
    from storyline.render.jsondoc import TOOL_NAME, article_json, skip_json

    why = {s.path: s for s in pile.unassigned}
    articles: list[dict[str, Any]] = []
    for a in pile.corpus.articles:
        doc = article_json(a)
        skip = why.get(a.path)
        if skip is not None and a.id not in pile.memberships:
            doc.update(status="skipped", skip_reason=skip.reason, skip_detail=skip.detail)
        doc["stories"] = list(pile.memberships.get(a.id, ()))
        articles.append(doc)
    articles += [{**skip_json(s), "stories": []} for s in pile.corpus.skipped]
    counts = {
        "inputs": len(articles),
        "stories": len(pile.stories),
        "in_a_story": len(pile.memberships),
        "in_two_or_more": sum(1 for v in pile.memberships.values() if len(v) > 1),
        "in_no_story_by_reason": dict(sorted(Counter(s.reason for s in pile.unassigned).items())),
        "skipped_by_reason": dict(sorted(Counter(s.reason for s in pile.corpus.skipped).items())),
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": list(s.articles),
                "first": s.first,
                "last": s.last,
                "timeline": timelines.get(s.id),
            }
            for s in pile.stories
        ],
        "articles": articles,
        "provenance": {
            "config": json.loads(json.dumps(config.to_dict(), default=str)),
            "options": dataclasses.asdict(options),
            "input_fingerprint": input_fingerprint(pile.corpus.articles, pile.corpus.skipped),
            "counts": counts,
            "tool_version": __version__,
        },
    }


def write_stories(
    pile: StoryPile,
    out_dir: Path,
    config: Config | None = None,
    options: StoryOptions | None = None,
    formats: Sequence[str] = ("json",),
    store: StoryStore | None = None,
    progress: ProgressLike = None,
) -> Path:
    """Write each story's timeline under `out_dir/<story id>/` and `out_dir/stories.json`
    (returned). With `store`, each timeline is compared with the story's last one
    (`changes.json`) and remembered. The timelines are built on `config.executor`, a story
    a task (`storyline.stories.timelines`): the files are the same on every executor.
    `progress` hears ``timelines`` (one step per story) and ``render``."""
    from storyline.render import prepare_output_dir, renderer_for, write_rendered
    from storyline.render.jsondoc import dumps
    from storyline.stories.timelines import story_timelines

    cfg = config or Config()
    opts = options or StoryOptions()
    for fmt in formats:
        renderer_for(fmt)  # an unknown format fails before any timeline is built
    out = prepare_output_dir(out_dir)
    report = as_progress(progress)
    report.stage("timelines", len(pile.stories))
    timelines: dict[str, str] = {}
    for done in story_timelines(pile, cfg, formats, store):
        write_rendered(done.files, out / done.story)
        if store is not None and done.remembered is not None:
            store.remember_document(done.story, done.title, done.remembered, done.articles)
        timelines[done.story] = f"{done.story}/timeline.json"
        report.advance(1)
    report.stage("render", 1)
    path = out / STORIES_FILE
    path.write_text(dumps(stories_document(pile, cfg, opts, timelines)), encoding="utf-8")
    report.advance(1)
    return path


def load_stories_schema() -> dict[str, Any]:
    text = resources.files("storyline.render").joinpath("stories.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
