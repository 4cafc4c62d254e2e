"""One timeline per story, each story a unit of work for an executor (`storyline.exec`).

    for done in story_timelines(pile, config, ["json"]):     # StoryTimeline, in any order
        write_rendered(done.files, out / done.story)

A story's timeline is the corpus stages over that story's articles alone
(`pipeline.timeline_from`: cross-reference dating, entities, relevance, the timeline strategy,
summary, disagreements) and its files rendered (`render.render_files`), with, for a store,
what changed since the story's last build (`changes.json`). Nothing in it reads another
story, so each story is one task: `BuildStoryTimeline` over a `StoryJob`, which carries the
story's articles, run through `config.executor`: in this process, in worker processes
(`processes:N`) or as Ray tasks (`ray`, `ray:ADDRESS`). A task sends back the rendered files
as text, never the `Timeline` (which holds every article again); the driver writes them and
keeps the store.

The task is given the story's articles, not Parquet shard paths and the story's article ids
to read itself: the driver holds the finished corpus anyway (outlets and syndication are
decided over the whole pile, after the shards were written, so a shard's rows are not the
articles a timeline reads), and `bench/stories_timelines.py` measured the other way slower
(`docs/scale.md`).

Jobs go out largest story first (by characters of text, ties by id), so that the longest
tasks start first; each result is written under its story's id, so the order in which
results arrive never reaches the output: every executor writes the bytes a serial run
writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.config import Config
from storyline.model import Article
from storyline.render import RenderedFiles, render_files, to_json_dict

if TYPE_CHECKING:
    from storyline.stories.pile import StoryPile
    from storyline.stories.store import StoryStore

AUTO_MIN_ARTICLES = 400
"""`executor = "auto"` builds the timelines in worker processes when at least two stories
hold this many articles in all, else in this process: starting two workers took about 3 s
on T17, where a timeline costs about 19 ms of CPU an article, so two workers, saving half
of that, pay from about 330 articles (`docs/scale.md`)."""


@dataclass(frozen=True)
class StoryJob:
    """One story's timeline to build: its id, its articles (in the story's order) and, for a
    build from a store (`changes`), the story's last `timeline.json` document (None: never
    built)."""

    story: str
    articles: tuple[Article, ...]
    changes: bool = False
    previous: dict[str, Any] | None = None


@dataclass(frozen=True)
class StoryTimeline:
    """What a task sends back: the story's files as text, its title, the ids of the articles
    its timeline used and, for a store, the document to keep (`StoryStore.remember_document`)."""

    story: str
    title: str
    files: RenderedFiles
    articles: tuple[str, ...]
    remembered: str | None = None


@dataclass(frozen=True)
class BuildStoryTimeline:
    """The task: a `StoryJob` in, a `StoryTimeline` out. Pure, picklable (a module-level
    class of frozen fields), so every executor can run it."""

    config: Config
    formats: tuple[str, ...]

    def __call__(self, job: StoryJob) -> StoryTimeline:
        from storyline.pipeline import PreparedCorpus, timeline_from
        from storyline.stories.changes import diff_timelines
        from storyline.stories.store import remembered_text

        timeline = timeline_from(PreparedCorpus(job.articles, ()), self.config)
        changes = remembered = None
        if job.changes:
            doc = to_json_dict(timeline)
            changes = diff_timelines(job.previous, doc)
            remembered = remembered_text(doc)
        return StoryTimeline(
            story=job.story,
            title=timeline.story.title,
            files=render_files(timeline, self.formats, changes),
            articles=tuple(a.id for a in timeline.articles),
            remembered=remembered,
        )


def story_jobs(pile: StoryPile, store: StoryStore | None = None) -> Iterator[StoryJob]:
    """A job per story, largest first: the most characters of text (what the corpus stages'
    cost grows with), ties by id. Made one at a time, as the executor takes them (a store's
    last timeline is read then)."""
    by_id = {a.id: a for a in pile.corpus.articles}
    stories = [(story, tuple(by_id[i] for i in story.articles)) for story in pile.stories]
    stories.sort(key=lambda s: (-sum(len(a.text) for a in s[1]), s[0].id))
    for story, articles in stories:
        if store is None:
            yield StoryJob(story.id, articles)
        else:
            yield StoryJob(story.id, articles, True, store.last_timeline(story.id))


def timelines_executor_spec(spec: str, sizes: Sequence[int]) -> str:
    """The executor that builds stories of `sizes` articles: `spec`, but `auto` is worker
    processes only for two stories or more holding `AUTO_MIN_ARTICLES` in all.

    >>> timelines_executor_spec("auto", [300, 200]), timelines_executor_spec("auto", [900])
    ('processes:auto', 'serial')
    >>> timelines_executor_spec("ray", [3, 2])
    'ray'
    """
    if spec.strip().lower() != "auto":
        return spec
    worth = len(sizes) > 1 and sum(sizes) >= AUTO_MIN_ARTICLES
    return "processes:auto" if worth else "serial"


def story_timelines(
    pile: StoryPile,
    config: Config | None = None,
    formats: Sequence[str] = ("json",),
    store: StoryStore | None = None,
) -> Iterator[StoryTimeline]:
    """Every story's timeline, built on `config.executor` (see the module docstring). The
    results come largest story first; a story's timeline never depends on that order."""
    from storyline.exec import make_executor

    cfg = config or Config()
    if not pile.stories:
        return
    spec = timelines_executor_spec(cfg.executor, [len(s.articles) for s in pile.stories])
    work = BuildStoryTimeline(cfg, tuple(formats))
    with make_executor(spec) as executor:
        yield from executor.map(work, story_jobs(pile, store), chunksize=1)
