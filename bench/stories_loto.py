"""Story clustering options chosen without the topic they are scored on: for each Timeline17
topic, the option set (of a grid) with the best B-cubed F1 on the other eight topics' articles
is scored on the held-out topic's articles; the held-out figures of the nine topics together
are the unbiased figure, printed beside each option set's development figure (all topics).
Each option set is also scored on the mixed pile of `tests/fixtures/stories` (`--fixture`),
which no choice used.

    PYTHONPATH=src python bench/stories_loto.py --cache COPY --root ROOT --cached-only \\
        [--grid GRID.jsonl]

A grid line is a JSON object of `StoryOptions` fields (`{}` is the defaults). The pile is
clustered once per line (all topics together, as `bench/stories.py`); only the choice of the
line is made without the held-out topic. B-cubed is taken per article (the precision and
recall of its primary story), so a topic's share is the mean over its articles.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from stories import bcubed_items, load, primary_story
from storyline.ingest import read_articles
from storyline.pipeline import finish_corpus, prepare_articles
from storyline.stories.pile import StoryOptions, cluster_articles

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "stories"
GRID: list[dict[str, Any]] = [  # the grid of docs/evaluation.md
    {},
    {"ignore_press_names": True},
    {"attach_threshold": 0.03},
    {"attach_threshold": 0.02},
    {"attach_threshold": 0.01, "attach_days": 60},
]


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def mean_pr(items: dict[str, tuple[float, float]], ids: list[str]) -> tuple[float, float]:
    n = max(1, len(ids))
    return sum(items[i][0] for i in ids) / n, sum(items[i][1] for i in ids) / n


def fixture_scores(folder: Path, grid: list[dict[str, Any]]) -> None:
    """B-cubed of each grid row on the mixed pile of `tests/fixtures/stories`, used for no
    choice: a file's story is the start of its name (dam_01 -> dam; both_01, about the dam
    and the vote, counts as dam, its first story); sport, weather, markets items and the
    short note are each their own class."""
    corpus = prepare_articles(read_articles([folder]))
    stem = {a.id: Path(a.path).stem.split("_")[0] for a in corpus.articles}
    gold = {i: "dam" if s == "both" else s for i, s in stem.items()}
    print("\n| options | fixture pile P | R | F1 (used for no choice) |\n|---|---:|---:|---:|")
    for options in grid:
        items = bcubed_items(primary_story(cluster_articles(corpus, StoryOptions(**options))), gold)
        p, r = mean_pr(items, list(items))
        print(f"| `{json.dumps(options)}` | {p:.3f} | {r:.3f} | {f1(p, r):.3f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=None, help="T17 (leave out: the fixture pile only)")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--cached-only", action="store_true")
    ap.add_argument("--grid", default=None, help="JSON lines of StoryOptions fields")
    ap.add_argument("--fixture", default=str(FIXTURE), help="the mixed pile scored beside")
    args = ap.parse_args()
    grid: list[dict[str, Any]] = (
        [json.loads(line) for line in Path(args.grid).read_text().splitlines() if line.strip()]
        if args.grid
        else GRID
    )
    if args.fixture:
        fixture_scores(Path(args.fixture), grid)
    if args.root is None or args.cache is None:
        return
    root = Path(args.root)
    topics = sorted(p.name for p in root.iterdir() if p.is_dir())
    gold: dict[str, str] = {}
    articles = []
    for topic in topics:
        for a in load(root, [topic], args.cache, args.cached_only).values():
            if a.id not in gold:
                gold[a.id] = topic
                articles.append(a)
    corpus = finish_corpus(articles, [])
    per_config: list[dict[str, tuple[float, float]]] = []
    print("| options | P | R | F1 (development: all topics) |\n|---|---:|---:|---:|")
    for options in grid:
        pile = cluster_articles(corpus, StoryOptions(**options))
        items = bcubed_items(primary_story(pile), gold)
        per_config.append(items)
        p, r = mean_pr(items, list(items))
        print(f"| `{json.dumps(options)}` | {p:.3f} | {r:.3f} | {f1(p, r):.3f} |", flush=True)
    held: dict[str, tuple[float, float]] = {}
    print(
        "\n| held-out topic | options chosen on the other 8 | its P | its R |\n|---|---|---:|---:|"
    )
    for topic in topics:
        rest = [i for i in gold if gold[i] != topic]
        mine = [i for i in gold if gold[i] == topic]
        best = max(range(len(grid)), key=lambda k: (f1(*mean_pr(per_config[k], rest)), -k))
        held.update((i, per_config[best][i]) for i in mine)
        p, r = mean_pr(per_config[best], mine)
        print(f"| {topic} | `{json.dumps(grid[best])}` | {p:.3f} | {r:.3f} |")
    p, r = mean_pr(held, list(held))
    print(f"\nleave-one-topic-out (unbiased): B-cubed P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f}")


if __name__ == "__main__":
    main()
