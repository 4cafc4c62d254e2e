"""Story clustering on Timeline17 poured into one pile: B-cubed precision, recall and F1 of
the discovered stories against the topic folders, and the time and peak memory of clustering.

    PYTHONPATH=src python bench/stories.py --cache /tmp/wt12/t17.sqlite \\
        --root /work/main/../shared/data/t17 [--topics bpoil,egypt] [--cached-only] [--timelines]
        [--timeline-executors serial,processes:2,ray [--repeats 3]]

Prepared articles come from a prepare cache (`--cache`, a Store keyed by fingerprint: copy a
shared one first, it is written to when articles are missing). `--root` must be spelled as the
cache's articles were read (their paths are part of the cache key). With `--cached-only`,
articles missing from the cache are left out (and counted) instead of prepared. Each article's
primary story (the first it joined) is scored; an article in no story is its own cluster.
With `--timeline-executors`, the phase that builds one timeline per story is timed on each
executor, side by side (`stories_timelines.py`).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from storyline.config import Config
from storyline.ingest import read_articles
from storyline.model import Article, Skip
from storyline.pipeline import finish_corpus, ingest_digest, prepare_articles, prepare_fingerprint
from storyline.store import Store
from storyline.stories.pile import StoryOptions, StoryPile, cluster_articles

# words an article about the topic names (lower case, regular expressions): an article of the
# topic's folder that names none is not about the topic (T17's syria folder holds 186 such:
# markets, sport, a royal wedding)
TOPIC_WORDS = {
    "bpoil": r"\bbp\b|oil spill|deepwater|gulf",
    "egypt": r"egypt|mubarak|cairo|tahrir",
    "finan": r"financ|bank|crisis|econom|market",
    "h1n1": r"h1n1|swine|flu",
    "haiti": r"haiti",
    "iraq": r"iraq",
    "libya": r"libya|gaddafi|qaddafi|tripoli|benghazi",
    "mj": r"jackson",
    "syria": r"syria|assad|damascus",
}


def bcubed_items(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Each item's B-cubed precision and recall (item -> cluster, item -> gold class)."""
    pairs = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted[i] for i in gold)
    gold_size = Counter(gold.values())
    return {
        i: (
            pairs[predicted[i], gold[i]] / pred_size[predicted[i]],
            pairs[predicted[i], gold[i]] / gold_size[gold[i]],
        )
        for i in gold
    }


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a flat clustering (item -> cluster) against gold."""
    items = bcubed_items(predicted, gold)
    n = max(1, len(items))
    p = sum(v[0] for v in items.values()) / n
    r = sum(v[1] for v in items.values()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def primary_story(pile: StoryPile) -> dict[str, str]:
    """Article id -> the first story it joined; an article in no story is its own cluster."""
    predicted = {a.id: f"alone:{a.id}" for a in pile.corpus.articles}
    for story in reversed(pile.stories):  # the first story an article joined wins
        for article_id in story.articles:
            predicted[article_id] = story.id
    return predicted


def about_topic(articles: list[Article], gold: dict[str, str]) -> dict[str, bool]:
    """Whether each article names its topic (`TOPIC_WORDS`)."""
    return {
        a.id: bool(re.search(TOPIC_WORDS[gold[a.id]], f"{a.title or ''} {a.text}".lower()))
        for a in articles
        if gold[a.id] in TOPIC_WORDS
    }


def load(root: Path, topics: list[str], cache: str, cached_only: bool) -> dict[str, Article]:
    cfg = Config(cache=cache)
    out: dict[str, Article] = {}
    for topic in topics:
        folder = f"{root}/{topic}"
        if cached_only:
            items = [a for a in read_articles([folder], cfg.ingest) if not isinstance(a, Skip)]
            keys = {a.id: ingest_digest(a) for a in items}
            with Store(cache) as store:
                hits = store.get_many(list(keys), prepare_fingerprint(cfg), keys)
            found = list(hits.values())
        else:
            found = list(prepare_articles(read_articles([folder], cfg.ingest), cfg).articles)
        for a in found:
            out.setdefault(a.id, a)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default="/work/shared/data/t17")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--topics", default="")
    ap.add_argument("--cached-only", action="store_true")
    ap.add_argument(
        "--timelines",
        action="store_true",
        help="also score each topic's timelines built from its discovered story",
    )
    ap.add_argument("--threshold", type=float, default=StoryOptions().threshold)
    ap.add_argument("--name-weight", type=float, default=StoryOptions().name_weight)
    ap.add_argument("--time-scale", type=float, default=StoryOptions().time_scale_days)
    ap.add_argument("--options", default="{}", help="more StoryOptions fields, as JSON")
    ap.add_argument(
        "--timeline-executors",
        default="",
        help="time the per-story timeline phase on these executors, comma-separated "
        "(serial, processes:2, ray; X+parquet: tasks read their rows from a Parquet shard)",
    )
    ap.add_argument("--repeats", type=int, default=3, help="runs of each executor (alternating)")
    ap.add_argument("--ray-cpus", type=int, default=2, help="CPUs of the local Ray cluster")
    args = ap.parse_args()
    root = Path(args.root)
    topics = (
        args.topics.split(",")
        if args.topics
        else sorted(p.name for p in root.iterdir() if p.is_dir())
    )
    gold: dict[str, str] = {}
    articles: list[Article] = []
    started = time.perf_counter()
    for topic in topics:
        loaded = load(root, [topic], args.cache, args.cached_only)
        for a in loaded.values():
            if a.id not in gold:
                gold[a.id] = topic
                articles.append(a)
    loaded_s = time.perf_counter() - started
    corpus = finish_corpus(articles, [])
    options = StoryOptions(
        **{
            "threshold": args.threshold,
            "name_weight": args.name_weight,
            "time_scale_days": args.time_scale,
            **json.loads(args.options),
        }
    )
    tracemalloc.start()
    started = time.perf_counter()
    pile = cluster_articles(corpus, options)
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    predicted = primary_story(pile)
    in_two = 0
    for story_ids in pile.memberships.values():
        in_two += len(story_ids) > 1
    p, r, f1 = bcubed(predicted, {i: gold[i] for i in predicted})
    print(f"topics: {','.join(topics)}; articles: {len(predicted)} (load {loaded_s:.0f} s)")
    print(
        f"stories: {len(pile.stories)}; in no story: {len(pile.unassigned)} "
        f"({dict(Counter(u.reason for u in pile.unassigned))}); in two or more: {in_two}"
    )
    print(f"B-cubed P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    about = about_topic(articles, gold)
    if len(about) == len(predicted):
        oracle = {i: gold[i] if about[i] else f"alone:{i}" for i in predicted}
        op, orr, of1 = bcubed(oracle, gold)
        print(
            f"  {sum(1 for v in about.values() if not v)} articles name none of their topic's "
            f"words; the topic folders with those alone score P {op:.3f} R {orr:.3f} F1 {of1:.3f}"
        )
        on = [i for i in predicted if about[i]]
        sp, sr, sf1 = bcubed({i: predicted[i] for i in on}, {i: gold[i] for i in on})
        print(f"  on the {len(on)} that name their topic: P {sp:.3f} R {sr:.3f} F1 {sf1:.3f}")
    print(f"clustering: {seconds:.1f} s, peak {peak / 2**20:.0f} MiB (tracemalloc)")
    print(f"options: {options}")
    for story in sorted(pile.stories, key=lambda s: -len(s.articles))[:12]:
        topics = Counter(gold[i] for i in story.articles)
        print(f"  {story.id} {len(story.articles):5d} {dict(topics.most_common(3))} {story.title}")
    if args.timelines:
        from stories_tls import compare

        print(compare(pile, gold, root, {a.id: a for a in articles}))
    if args.timeline_executors:
        from stories_timelines import measure

        executors = [e.strip() for e in args.timeline_executors.split(",") if e.strip()]
        measure(pile, executors, args.repeats, args.ray_cpus)  # prints as it goes


if __name__ == "__main__":
    main()
