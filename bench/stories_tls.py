"""T17 timeline scores when each topic's timelines are built from its discovered story instead
of its topic folder (used by `bench/stories.py --timelines`).

A topic's discovered story is the story holding most of the topic's articles. Both corpora go
through the news-tls protocol of `storyline.evaluate.protocol` (the date range and keywords of
each reference timeline, `timeline_entries`, tilse-exact AR-1, AR-2 and date F1); the scores
are averaged over all reference timelines as `storyline evaluate` does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from storyline.config import Config
from storyline.evaluate.metrics import make_timeline
from storyline.evaluate.protocol import PipelinePredictor, keep_for, protocol_config
from storyline.evaluate.scores import TimelineScores, aggregate, score_timeline
from storyline.ingest.newstls import read_newstls_topic
from storyline.model import Article
from storyline.pipeline import PreparedCorpus, finish_corpus
from storyline.stories.pile import StoryPile


def _scores(corpus: PreparedCorpus, folder: Path) -> list[TimelineScores]:
    topic = read_newstls_topic(folder)
    predictor = PipelinePredictor()
    out = []
    for reference in topic.timelines:
        if not reference:
            continue
        config = protocol_config(Config(), reference)
        keep = keep_for(reference[0][0], reference[-1][0], topic.keywords)
        prediction = sorted(predictor.predict(corpus.filter(keep), config), key=lambda x: x[0])
        out.append(score_timeline(make_timeline(prediction), [make_timeline(reference)]))
    return out


def compare(
    pile: StoryPile, gold: Mapping[str, str], root: Path, prepared: Mapping[str, Article]
) -> str:
    """A Markdown table: per topic and overall, AR-1 F, AR-2 F and date F1 of the folder
    and of the discovered story. `prepared`: the articles before the corpus stages (each
    corpus is finished on its own, as a build of it would be)."""
    by_id = prepared
    rows = [
        "| topic | story articles (of topic) | folder AR-1 / AR-2 / date F1 "
        "| story AR-1 / AR-2 / date F1 |",
        "|---|---|---|---|",
    ]
    all_folder: list[TimelineScores] = []
    all_story: list[TimelineScores] = []
    for topic in sorted(set(gold.values())):
        mine = [by_id[i] for i, t in sorted(gold.items()) if t == topic and i in by_id]
        best = max(
            pile.stories, key=lambda s: (sum(gold.get(i) == topic for i in s.articles), s.id)
        )
        story = [by_id[i] for i in best.articles]
        folder_scores = _scores(finish_corpus(mine, []), root / topic)
        story_scores = _scores(finish_corpus(story, []), root / topic)
        all_folder += folder_scores
        all_story += story_scores
        f, s = aggregate(folder_scores), aggregate(story_scores)
        share = Counter(gold.get(i) for i in best.articles)[topic]
        rows.append(f"| {topic} | {len(story)} ({share} of {len(mine)}) | {_fmt(f)} | {_fmt(s)} |")
    rows.append(
        f"| all ({len(all_folder)} timelines) | | {_fmt(aggregate(all_folder))} | "
        f"{_fmt(aggregate(all_story))} |"
    )
    return "\n".join(rows)


def _fmt(s: TimelineScores) -> str:
    return f"{s.ar1.f1:.3f} / {s.ar2.f1:.3f} / {s.date.f1:.3f}"
