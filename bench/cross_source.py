"""Cross-source intelligence quality on the planted-trap corpus (and the seeds when present).

    python bench/cross_source.py            # prints precision / recall per part, and timings
    python bench/cross_source.py --scale    # also timings on larger synthetic corpora
    python bench/cross_source.py --examples # also the whole pipeline on examples/
    python bench/cross_source.py --scale 250,1000,1500 [--input DIR] [--cache FILE]
                                 [--executor processes:2]
        # only: build_registry and find_disagreements seconds (wall and CPU) on the first N
        # prepared articles of DIR (default: the T17 bpoil topic; a bench/make_corpus.py
        # corpus works too), with the growth exponent of the CPU time between sizes; the
        # executor only runs the document stages of articles not in the cache yet

Parts measured:
1. syndication: pairwise precision/recall of "same group" on the planted corpus and on a
   synthetic stress set (every non-copy article of the planted corpus re-published with word
   edits, boilerplate, a dropped paragraph), MinHash+LSH vs SimHash across thresholds;
2. entities: pairwise precision/recall over the truth's must-merge / must-not-merge names;
3. disagreements: precision/recall per kind against the planted conflicts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any, TypeVar

from storyline.annotate import annotate_articles
from storyline.corpus.disagreements.find import find_disagreements
from storyline.corpus.entities.registry import build_registry
from storyline.corpus.syndication.groups import find_syndication
from storyline.model import Article, DateInterval, Disagreement, Entity

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
SEEDS = ROOT / ".." / "shared" / "seeds"
T = TypeVar("T")


def load_planted(prefix: str = "") -> tuple[list[Article], dict[str, Any]]:
    rows = json.loads((FIXTURES / f"{prefix}articles.json").read_text("utf-8"))
    arts = []
    for r in rows:
        text = "\n\n".join(r["paragraphs"])
        arts.append(
            Article(
                id=r["id"], path=r["id"], raw_text=text, text=text, source=r["source"],
                url=r["url"], published=DateInterval.day(dt.date.fromisoformat(r["published"])),
            )
        )  # fmt: skip
    return arts, json.loads((FIXTURES / f"{prefix}truth.json").read_text("utf-8"))


def timed(fn: Callable[[], T], repeat: int = 3) -> tuple[T, float]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    assert out is not None
    return out, statistics.median(times)


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.2f} R={r:.2f} F1={f:.2f} (tp={tp} fp={fp} fn={fn})"


# -- syndication ---------------------------------------------------------------------------
_FILLER = (
    "Sign up for our morning newsletter and get the top stories delivered to your inbox. "
    "Follow us on social media for breaking news, photos and video from around the world."
)


def stress_set(
    planted: Sequence[Article], copies: set[str]
) -> tuple[list[Article], set[frozenset[str]]]:
    """Every non-copy article plus three re-publications of it, and the true same-story pairs."""
    rng = random.Random(7)
    out: list[Article] = []
    truth: set[frozenset[str]] = set()
    for a in planted:
        if a.id in copies:
            continue
        paras = a.text.split("\n\n")
        words = a.text.split(" ")
        variants = {
            "edit": " ".join(w if rng.random() > 0.03 else w.upper() + "s" for w in words),
            "wrap": _FILLER + "\n\n" + a.text + "\n\n" + _FILLER,
            "drop": "\n\n".join(paras[:-1]) if len(paras) > 3 else a.text + " Updated.",
        }
        group = [a.id]
        out.append(a)
        for kind, text in variants.items():
            vid = f"{a.id}-{kind}"
            out.append(Article(id=vid, path=vid, raw_text=text, text=text, source=kind))
            group.append(vid)
        truth |= {frozenset(p) for p in combinations(group, 2)}
    return out, truth


def pair_scores(arts: Sequence[Article], truth: set[frozenset[str]]) -> tuple[int, int, int]:
    groups: dict[str, list[str]] = {}
    for a in arts:
        groups.setdefault(a.syndication_group or a.id, []).append(a.id)
    predicted = {frozenset(p) for g in groups.values() for p in combinations(g, 2)}
    return len(predicted & truth), len(predicted - truth), len(truth - predicted)


def bench_syndication(planted: list[Article], truth: dict[str, Any]) -> None:
    print("== 1. syndication (pairwise same-group precision / recall)")
    planted_truth = {frozenset(p) for g in truth["syndication_groups"] for p in combinations(g, 2)}
    copies = {i for i, orig in truth["originals"].items() if orig is not None}
    stress, stress_truth = stress_set(planted, copies)
    for method, thresholds in (("minhash", (0.5, 0.7, 0.8, 0.9)), ("simhash", (0.8, 0.9, 0.95))):
        for th in thresholds:
            out, secs = timed(partial(find_syndication, planted, th, method))
            s_out, s_secs = timed(partial(find_syndication, stress, th, method))
            print(f"  {method:8s} threshold={th:<4} planted {prf(*pair_scores(out, planted_truth))}"
                  f" {secs * 1000:.0f} ms")  # fmt: skip
            print(f"  {'':8s} {'':14s} stress  {prf(*pair_scores(s_out, stress_truth))}"
                  f" {s_secs * 1000:.0f} ms ({len(stress)} articles)")  # fmt: skip
    out = find_syndication(planted)
    credited = sum(
        set(truth["credits"][a.id]) <= set(a.credits) for a in out if a.id in truth["credits"]
    )
    print(f"  credits: {credited}/{len(truth['credits'])} articles with the expected agencies")


# -- entities ------------------------------------------------------------------------------
def bench_entities(entities: list[Entity], truth: dict[str, Any]) -> None:
    print("== 2. entity registry (pairwise over the truth's names)")
    of = {alias: e.id for e in entities for alias in e.aliases}
    tp = fn = fp = tn = 0
    missing: list[str] = []
    for names in truth["entities"]["must_merge"]:
        for a, b in combinations(names, 2):
            if of.get(a) is not None and of.get(a) == of.get(b):
                tp += 1
            else:
                fn += 1
                missing.append(f"{a} / {b}")
    for a, b in truth["entities"]["must_not_merge"]:
        if of.get(a) is not None and of.get(a) == of.get(b):
            fp += 1
        else:
            tn += 1
    for name, aliases in truth["entities"]["must_not_alias"].items():
        for alias in aliases:
            merged = alias in next((e.aliases for e in entities if e.name == name), ())
            fp += merged
            tn += not merged
    print(f"  merges {prf(tp, fp, fn)}; correct refusals {tn}")
    if missing:
        print(f"  missed: {missing}")
    n_merges = sum(len(e.merges) for e in entities)
    print(f"  {len(entities)} entities, {n_merges} explained merges")


# -- disagreements -------------------------------------------------------------------------
def bench_disagreements(found: list[Disagreement], truth: dict[str, Any]) -> None:
    print("== 3. disagreements (a found item matches a planted one of the same kind whose "
          "articles it cites)")  # fmt: skip
    wants = truth["disagreements"]
    kinds = sorted({w["kind"] for w in wants} | {d.kind for d in found})

    def hit(d: Disagreement, w: dict[str, Any]) -> bool:
        return d.kind == w["kind"] and set(w["articles"]) <= {c.article for c in d.claims}

    for kind in [*kinds, "all"]:
        ds = [d for d in found if kind in ("all", d.kind)]
        ws = [w for w in wants if kind in ("all", w["kind"])]
        tp_found = sum(any(hit(d, w) for w in ws) for d in ds)
        tp_truth = sum(any(hit(d, w) for d in ds) for w in ws)
        print(f"  {kind:12s} {prf(tp_found, len(ds) - tp_found, len(ws) - tp_truth)}")


def bench_seeds() -> None:
    if not SEEDS.is_dir():
        print("== seeds: not found, skipped")
        return
    arts = [
        Article(id=p.stem, path=str(p), raw_text=p.read_text("utf-8"),
                text=p.read_text("utf-8"), source=p.stem)
        for p in sorted(SEEDS.glob("*.txt"))
    ]  # fmt: skip
    arts = find_syndication(annotate_articles(arts))
    entities, arts = build_registry(arts)
    islands = next(e for e in entities if "Northern Territories" in e.aliases)
    lavrov = next(e for e in entities if "Sergei Lavrov" in e.aliases)
    print("== seeds")
    print(f"  islands entity {islands.name!r}: {len(islands.aliases)} names {islands.aliases}")
    print(f"  Lavrov entity: {lavrov.aliases}")
    print(f"  syndication groups: {len({a.syndication_group for a in arts})} for {len(arts)}")
    print(
        "  disagreements (all would be false alarms):",
        len(find_disagreements(arts, [], entities)),
    )


def bench_set(name: str, prefix: str) -> None:
    print(f"######## {name}")
    planted, truth = load_planted(prefix)
    bench_syndication(planted, truth)
    t0 = time.perf_counter()
    annotated = annotate_articles(planted)
    print(f"(annotate: {time.perf_counter() - t0:.2f} s for {len(planted)} articles)")
    grouped = find_syndication(annotated)
    (entities, linked), secs = timed(lambda: build_registry(grouped))
    bench_entities(entities, truth)
    print(f"  build_registry: {secs * 1000:.0f} ms median of 3")
    found, secs = timed(lambda: find_disagreements(linked, [], entities))
    bench_disagreements(found, truth)
    print(f"  find_disagreements: {secs * 1000:.0f} ms median of 3")
    for d in found:
        print(f"    found {d.kind}: {d.about} <- {[(c.article, c.value) for c in d.claims]}")


def bench_scale() -> None:
    """Timings on larger synthetic corpora built from the planted articles."""
    print("== scale (timings only: word-shuffled copies of the planted articles, all distinct)")
    planted, _ = load_planted()
    rng = random.Random(11)
    for n in (200, 800):
        arts = []
        for k in range(n):
            base = planted[k % len(planted)]
            words = base.text.split(" ")
            rng.shuffle(words)  # a different text with the same vocabulary: a hard negative
            text = " ".join(words)
            arts.append(Article(id=f"s{k}", path=f"s{k}", raw_text=text, text=text))
        for method in ("minhash", "simhash"):
            _, secs = timed(partial(find_syndication, arts, 0.8, method), repeat=1)
            print(f"  find_syndication {method:8s} n={n}: {secs:.2f} s")
    annotated = find_syndication(annotate_articles(planted))
    entities, linked = build_registry(annotated)
    for copies in (5, 20):
        many = [
            dataclasses.replace(a, id=f"{a.id}-{k}", syndication_group=f"{a.syndication_group}-{k}")
            for k in range(copies)
            for a in linked
        ]
        _, secs = timed(partial(build_registry, many), repeat=1)
        _, secs2 = timed(partial(find_disagreements, many, [], entities), repeat=1)
        print(f"  n={len(many)} articles: build_registry {secs:.2f} s, "
              f"find_disagreements {secs2:.2f} s")  # fmt: skip


def bench_examples() -> None:
    """The whole pipeline on the project's examples/ corpus: what the corpus stages report."""
    from storyline import Config, build

    examples = ROOT / "examples"
    if not examples.is_dir():
        print("== examples: not found, skipped")
        return
    tl = build([str(examples)], Config())
    print(f"== examples/ through storyline.build ({len(tl.articles)} articles)")
    groups = len({a.syndication_group for a in tl.articles})
    print(f"  syndication groups: {groups}; credited: {sum(bool(a.credits) for a in tl.articles)}")
    for e in tl.entities:
        if len(e.aliases) > 1:
            print(f"  entity {e.name!r}: {e.aliases}")
    for d in tl.disagreements:
        print(f"  {d.kind}: {d.about} <- {[(c.source, c.value) for c in d.claims]}")


def bench_sizes(sizes: list[int], paths: list[str], cache: str, executor: str) -> None:
    """Seconds of the corpus stages on the first N prepared articles, for each N, and how
    they grow: exponent k in time ~ n^k between consecutive sizes (1 = linear)."""
    from storyline import Config
    from storyline.ingest import read_articles
    from storyline.pipeline import prepare_articles
    from storyline.timeline import make_strategy

    cfg = Config(cache=cache, executor=executor)
    t0 = time.perf_counter()
    corpus = prepare_articles(read_articles(paths), cfg)
    print(f"== scale on {', '.join(paths)}: {len(corpus.articles)} articles prepared in "
          f"{time.perf_counter() - t0:.0f} s (cache {cache})")  # fmt: skip
    rows: list[tuple[int, int, float, float]] = []
    for n in sizes:
        (entities, linked), reg = cpu_timed(partial(build_registry, list(corpus.articles[:n])))
        entries = make_strategy(cfg.timeline, cfg.query).build(linked)
        found, dis = cpu_timed(partial(find_disagreements, linked, entries, entities))
        sents = sum(len(a.sentences) for a in linked)
        print(f"  n={len(linked):5d} ({sents} sentences, {len(entries)} entries): "
              f"build_registry {reg[0]:.2f} s ({reg[1]:.2f} s CPU), find_disagreements "
              f"{dis[0]:.2f} s ({dis[1]:.2f} s CPU), {len(found)} disagreements")  # fmt: skip
        rows.append((len(linked), sents, reg[1], dis[1]))
    for (n1, _, r1, d1), (n2, _, r2, d2) in pairwise(rows):
        print(f"  growth of CPU time n={n1}->{n2} (x{n2 / n1:.1f}): time ~ n^k with k = "
              f"{_exponent(n1, n2, r1, r2):.2f} (build_registry), "
              f"{_exponent(n1, n2, d1, d2):.2f} (find_disagreements)")  # fmt: skip


def cpu_timed(fn: Callable[[], T]) -> tuple[T, tuple[float, float]]:
    """fn's result, and its (wall, CPU) seconds: CPU time is the figure to compare on a
    shared machine."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, (time.perf_counter() - w0, time.process_time() - c0)


def _exponent(n1: int, n2: int, t1: float, t2: float) -> float:
    import math

    if n1 == n2 or t1 <= 0 or t2 <= 0:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def main() -> int:
    if "--scale" in sys.argv:
        at = sys.argv.index("--scale") + 1
        if at < len(sys.argv) and sys.argv[at][:1].isdigit():
            sizes = [int(x) for x in sys.argv[at].split(",")]
            paths = [_option("--input", str(SEEDS.parent / "data" / "t17" / "bpoil"))]
            cache = _option("--cache", "/tmp/storyline_bench_cache.sqlite")
            bench_sizes(sizes, paths, cache, _option("--executor", "serial"))
            return 0
    bench_set("planted-trap corpus (development set: the methods were tuned on it)", "")
    bench_set("held-out corpus (written after the methods were fixed; never tuned on)", "heldout_")
    bench_seeds()
    if "--scale" in sys.argv:
        bench_scale()
    if "--examples" in sys.argv:
        bench_examples()
    return 0


def _option(name: str, default: str) -> str:
    at = sys.argv.index(name) + 1 if name in sys.argv else 0
    return sys.argv[at] if 0 < at < len(sys.argv) else default


if __name__ == "__main__":
    sys.exit(main())
