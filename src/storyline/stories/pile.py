"""A pile that holds many stories: cluster its articles into stories, one timeline each.

    pile = cluster_articles(prepare_articles(read_articles(paths)))   # StoryPile
    write_stories(pile, Path("out"))        # out/stories.json, out/<story-id>/timeline.json

Every article is in one story or more, or listed in `unassigned` with why: too-short (fewer
content words than `min_words`), off-topic (does not match the query), alone (no other article
is close enough: a story needs `min_story_size` articles).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.config import Config
from storyline.model import Article, Skip, stable_id
from storyline.pipeline import PreparedCorpus
from storyline.stories.cluster import SinglePassClusterer
from storyline.stories.features import article_day, featurize, press_names


@dataclass(frozen=True)
class StoryOptions:
    """The clusterer's parameters (see `storyline.stories.cluster`) and the pile's rules."""

    threshold: float = 0.04
    name_weight: float = 0.7
    time_scale_days: float = 30.0
    overlap_ratio: float = 0.6
    distinct_below: float = 0.2
    merge_threshold: float | None = None
    merge_time_scale_days: float = 365.0
    attach_threshold: float | None = None
    attach_days: float = 30.0
    ignore_press_names: bool = False
    name_idf_floor: float = 1.0
    min_words: int = 20
    min_story_size: int = 2
    max_terms: int = 200
    max_names: int = 50


@dataclass(frozen=True)
class FoundStory:
    id: str  # stable: a hash of the story's first article (in time order, then id)
    title: str
    articles: tuple[str, ...]  # ids, in time order
    first: str | None  # ISO day of the earliest dated article
    last: str | None


@dataclass(frozen=True)
class StoryPile:
    corpus: PreparedCorpus
    stories: tuple[FoundStory, ...]
    unassigned: tuple[Skip, ...]  # articles in no story, with why
    memberships: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # article -> ids

    def articles_of(self, story: FoundStory) -> list[Article]:
        by_id = {a.id: a for a in self.corpus.articles}
        return [by_id[i] for i in story.articles]


def cluster_articles(
    corpus: PreparedCorpus, options: StoryOptions | None = None, query: str | None = None
) -> StoryPile:
    """Group the corpus's articles into stories (see the module docstring)."""
    from storyline.corpus.relevance import QueryMatcher
    from storyline.timeline import story_title

    opts = options or StoryOptions()
    features = featurize(
        corpus.articles,
        ENGLISH_STOP_WORDS,
        opts.max_terms,
        opts.max_names,
        press_names() if opts.ignore_press_names else frozenset(),
        opts.name_idf_floor,
    )
    by_id = {a.id: a for a in corpus.articles}
    unassigned: list[Skip] = []
    kept = []
    matcher = QueryMatcher(query, (), Config().timeline.query_min_fraction) if query else None
    for f in features:
        a = by_id[f.id]
        if f.words < opts.min_words:
            detail = f"{f.words} content words; a story needs articles of {opts.min_words}"
            unassigned.append(Skip(a.path, "too-short", detail))
        elif matcher is not None and not matcher.matches(a):
            unassigned.append(Skip(a.path, "off-topic", f"does not match the query {query!r}"))
        else:
            kept.append(f)
    clusterer = SinglePassClusterer(
        opts.threshold,
        opts.name_weight,
        opts.time_scale_days,
        opts.overlap_ratio,
        opts.distinct_below,
        opts.merge_threshold,
        opts.merge_time_scale_days,
        opts.attach_threshold,
        opts.attach_days,
    ).fit(kept)
    stories: list[FoundStory] = []
    members: dict[str, list[str]] = {}
    for ids in clusterer.clusters_:
        if len(ids) < opts.min_story_size:
            continue
        arts = [by_id[i] for i in ids]
        days = sorted(d for d in (article_day(a) for a in arts) if d is not None)
        story = FoundStory(
            id=stable_id(ids[0], prefix="s", length=12),
            title=story_title(arts, None),
            articles=tuple(ids),
            first=days[0].isoformat() if days else None,
            last=days[-1].isoformat() if days else None,
        )
        stories.append(story)
        for i in ids:
            members.setdefault(i, []).append(story.id)
    for f in kept:
        if f.id not in members:
            detail = "no other article is close enough to make a story with it"
            unassigned.append(Skip(by_id[f.id].path, "alone", detail))
    unassigned.sort(key=lambda s: (s.path, s.reason))
    return StoryPile(
        corpus=corpus,
        stories=tuple(stories),
        unassigned=tuple(unassigned),
        memberships={k: tuple(v) for k, v in sorted(members.items())},
    )
