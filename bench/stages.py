"""Where the document stages spend their time, per stage and sub-stage, on a fixed sample of
Timeline17 articles (serial, one process), and the side-by-side throughput against another
checkout.

    python bench/stages.py [T17_DIR] [--articles 300] [--profile FILE] [--set KEY=VALUE]
    python bench/stages.py [T17_DIR] --against /tmp/base/src [--repeats 3]

The sample is every k-th article of each topic, the same number from each (deterministic).
The first form runs `pipeline.prepare_batch` over the sample in batches of
`annotate.batch_size`, with timers wrapped around the stage functions it calls and around
each spaCy component (a component's time excludes the components before it: the tokenizer's
is what the first component waits for), then writes the prepared articles to a fresh SQLite
store as the cache does; it prints a table of CPU seconds (not wall time: on a shared
machine that measures the neighbours too) and shares, and articles per CPU second. Loading
the spaCy model is not counted. `--profile FILE` also writes a cProfile dump.

The second form runs only `prepare_batch` over the sample, alternately with `PYTHONPATH` set
to this checkout's `src` and to `--against` (another checkout's `src`), `--repeats` times
each, and prints the median CPU seconds of each, the ratio, and a digest of the prepared
articles (`article_to_json` of every output): equal digests mean the document stages gave
the same output.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline.config import Config
from storyline.ingest.newstls import read_topic_articles
from storyline.model import Article, Skip

REPO = Path(__file__).resolve().parents[1]
DEFAULT_T17 = REPO / ".." / "shared" / "data" / "t17"

SECONDS: dict[str, float] = defaultdict(float)
# CPU seconds of this process: on a machine shared with other jobs, wall time measures the
# neighbours too (spaCy and the tagger run on one thread here)
clock = time.process_time


def sample(t17: Path, n: int) -> list[Article]:
    """`n` articles spread over the topics: every k-th article of each topic, where k spreads
    the topic's share over the whole file; ingest time is recorded for the kept ones."""
    topics = sorted(p for p in t17.iterdir() if (p / "articles.jsonl.gz").is_file())
    per = -(-n // len(topics))
    out: list[Article] = []
    for topic in topics:
        stats = json.loads((t17 / "STATS.json").read_text()).get(topic.name, {})
        step = max(1, int(stats.get("articles", per)) // per)
        items = read_topic_articles(topic / "articles.jsonl.gz", topic.name)
        kept = 0
        for i in itertools.count():
            started = clock()
            item = next(items, None)
            took = clock() - started
            if item is None or kept >= per or len(out) >= n:
                break
            if i % step == 0 and isinstance(item, Article):
                SECONDS["ingest"] += took
                out.append(item)
                kept += 1
    return out


def batches(articles: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(articles), size):
        yield articles[i : i + size]


def digest(prepared: Iterable[Article | Skip]) -> str:
    from storyline.store.codec import article_to_json

    h = hashlib.sha256()
    for item in prepared:
        h.update((article_to_json(item) if isinstance(item, Article) else repr(item)).encode())
    return h.hexdigest()[:16]


# -- timers ---------------------------------------------------------------------------------
class _Scope:
    """The name under which spaCy components are timed now (which pass runs them)."""

    name = "spacy"


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] += clock() - started

    return wrapper


def timed_iter(name: str, scope: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
    """Time each step of the iterator `fn` returns, with spaCy components timed under `scope`."""

    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        outer = _Scope.name
        _Scope.name = scope
        try:
            it = iter(fn(*args, **kwargs))
            while True:
                started = clock()
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    SECONDS[name] += clock() - started
                yield item
        finally:
            _Scope.name = outer

    return wrapper


class TimedComponent:
    """A spaCy component that records its own time (minus what it waits for upstream)."""

    def __init__(self, name: str, proc: Any, first: bool) -> None:
        self.name, self.proc, self.first = name, proc, first

    def pipe(self, docs: Iterable[Any], **kwargs: Any) -> Iterator[Any]:
        scope = _Scope.name
        waited = [0.0]
        upstream = iter(docs)

        def feed() -> Iterator[Any]:
            while True:
                started = clock()
                try:
                    doc = next(upstream)
                except StopIteration:
                    return
                finally:
                    waited[0] += clock() - started
                yield doc

        if hasattr(self.proc, "pipe"):
            inner = iter(self.proc.pipe(feed(), **kwargs))
        else:
            inner = (self.proc(doc) for doc in feed())
        total = 0.0
        while True:
            started = clock()
            try:
                doc = next(inner)
            except StopIteration:
                break
            finally:
                total += clock() - started
            yield doc
        SECONDS[f"{scope}: {self.name}"] += total - waited[0]
        if self.first:
            SECONDS[f"{scope}: tokenizer"] += waited[0]

    def __call__(self, doc: Any) -> Any:
        return next(iter(self.pipe([doc])))


def instrument(nlp: Any) -> None:
    """Wrap every component of `nlp` in a TimedComponent (the first enabled one of a pass
    also records the tokenizer: the first component is the sentencizer or tok2vec)."""
    firsts = {"sentencizer", "tok2vec"}
    nlp._components[:] = [
        (name, TimedComponent(name, proc, name in firsts)) for name, proc in nlp._components
    ]


def patch_stages() -> None:
    """Timers around the functions `prepare_batch` and `annotate_articles` call."""
    import storyline.annotate.annotator as annotator
    import storyline.annotate.syntax as syntax
    import storyline.clean as clean
    import storyline.dating.pubdate as pubdate
    import storyline.events as events
    import storyline.temporal as temporal

    clean.clean_article = timed("clean", clean.clean_article)
    pubdate.date_article = timed("dating (publication date)", pubdate.date_article)
    import storyline.nlp as nlp

    names_pass = timed_iter("annotate: names pass (spaCy)", "names", nlp.recognise)
    annotator.recognise = names_pass  # type: ignore[attr-defined]
    if hasattr(nlp, "segment"):  # a checkout with the NER on the read sentences only
        first = timed_iter("annotate: names pass (spaCy)", "names", nlp.segment)
        annotator.segment = first  # type: ignore[attr-defined]
        ner = timed_iter("annotate: NER on read sentences (spaCy)", "ner", nlp.recognise_docs)
        nlp.recognise_docs = ner  # type: ignore[assignment]
        annotator.find_names = timed("annotate: names", annotator.find_names)
    annotator.split_sentences = timed("annotate: sentences", annotator.split_sentences)
    annotator.entity_mentions = timed("annotate: entity mentions", annotator.entity_mentions)
    annotator._outside_names = timed("annotate: times inside names", annotator._outside_names)
    parse_pass = timed_iter("annotate: parse pass (spaCy)", "parse", nlp.parse_many)
    syntax.parse_many = parse_pass  # type: ignore[attr-defined]
    with contextlib.suppress(ImportError):  # a checkout with the attribute rules as lookups
        from storyline.attribute_rules import AttributeRules

        AttributeRules.__call__ = timed(  # type: ignore[method-assign]
            "parse: attribute rules (lookup)", AttributeRules.__call__
        )
    temporal.tag_times = timed("annotate: time tagger (2 passes)", temporal.tag_times)
    if hasattr(temporal, "scan_times"):  # a checkout that scans once for both passes
        temporal.scan_times = timed("annotate: time tagger scan", temporal.scan_times)
    events.extract_events = timed("annotate: events", events.extract_events)
    import storyline.annotate as annotate

    annotate.annotate_articles = timed("annotate", annotate.annotate_articles)


# -- the two modes --------------------------------------------------------------------------
def table(articles: list[Article], cfg: Config, profile: str | None) -> None:
    from storyline.annotate import load_annotator
    from storyline.pipeline import ingest_digest, prepare_batch, prepare_fingerprint
    from storyline.store import Store

    nlp = load_annotator(cfg.annotate.model)
    instrument(nlp)
    patch_stages()
    prof = cProfile.Profile() if profile else None
    prepared: list[Article | Skip] = []
    started = clock()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "cache.sqlite") as store:
        fingerprint = prepare_fingerprint(cfg)
        for batch in batches(articles, max(1, cfg.annotate.batch_size)):
            if prof:
                prof.enable()
            out = prepare_batch(batch, cfg)
            t = clock()
            done = [a for a in out if isinstance(a, Article)]
            store.put_many(done, fingerprint, {a.id: ingest_digest(a) for a in batch})
            SECONDS["cache write"] += clock() - t
            if prof:
                prof.disable()
            prepared.extend(out)
    wall = clock() - started + SECONDS["ingest"]
    if prof and profile:
        prof.dump_stats(profile)
    annotate = SECONDS["annotate"]
    names_pass = SECONDS["annotate: names pass (spaCy)"]
    parse_pass = SECONDS["annotate: parse pass (spaCy)"]
    rows: list[tuple[str, float]] = [
        ("ingest (read + detokenise)", SECONDS["ingest"]),
        ("clean", SECONDS["clean"]),
        ("dating (publication date)", SECONDS["dating (publication date)"]),
        ("annotate", annotate),
        ("  first pass: spaCy", names_pass),
    ]
    rows += [(f"    {k[7:]}", v) for k, v in sorted(SECONDS.items()) if k.startswith("names: ")]
    rows += [
        ("  sentences + mentions (Python)", sum(
            SECONDS[k] for k in ("annotate: sentences", "annotate: entity mentions")
        )),
        ("  time tagger: scan (rules' matches)", SECONDS["annotate: time tagger scan"]),
        ("  time tagger: 2 passes", SECONDS["annotate: time tagger (2 passes)"]),
        ("  parse pass: spaCy", parse_pass),
    ]  # fmt: skip
    rows += [(f"    {k[7:]}", v) for k, v in sorted(SECONDS.items()) if k.startswith("parse: ")]
    if "annotate: names" in SECONDS:
        ner = SECONDS["annotate: NER on read sentences (spaCy)"]
        rows += [("  names: NER (spaCy; steps 1 and 3)", ner)]
        rows += [(f"    {k[5:]}", v) for k, v in sorted(SECONDS.items()) if k.startswith("ner: ")]
        rows += [("  names: runs and recovery (Python)", SECONDS["annotate: names"] - ner)]
    rows += [
        ("  times inside names", SECONDS["annotate: times inside names"]),
        ("  events", SECONDS["annotate: events"]),
    ]
    accounted = sum(v for k, v in rows if k.startswith("  ") and not k.startswith("    "))
    rows.append(("  other (plans, records)", annotate - accounted))
    rows.append(("cache write (JSON + SQLite)", SECONDS["cache write"]))
    top = sum(v for k, v in rows if not k.startswith(" "))
    rows.append(("other (batching)", wall - top))
    n_ok = sum(1 for a in prepared if isinstance(a, Article))
    chars = sum(len(a.raw_text) for a in articles)
    print(f"# {len(articles)} articles ({chars / 1e6:.2f} M characters), {n_ok} prepared")
    print(f"{'stage':<36} {'CPU s':>8} {'share':>6}")
    for name, secs in rows:
        print(f"{name:<36} {secs:>8.2f} {secs / wall:>6.1%}")
    print(f"{'total':<36} {wall:>8.2f} {1:>6.0%}")
    print(f"# {len(articles) / wall:.2f} articles per CPU second (serial, one process)")
    print(f"# digest of the prepared articles: {digest(prepared)}")


def total(articles: list[Article], cfg: Config) -> dict[str, Any]:
    """Seconds of `prepare_batch` over the sample (the model loaded before), and a digest."""
    from storyline.annotate import load_annotator
    from storyline.pipeline import prepare_batch

    load_annotator(cfg.annotate.model)
    prepared: list[Article | Skip] = []
    started, wall = clock(), time.perf_counter()
    for batch in batches(articles, max(1, cfg.annotate.batch_size)):
        prepared.extend(prepare_batch(batch, cfg))
    seconds, wall = clock() - started, time.perf_counter() - wall
    return {"seconds": seconds, "wall": wall, "articles": len(articles), "digest": digest(prepared)}


def against(args: argparse.Namespace) -> None:
    ours = str(REPO / "src")
    cmd = [sys.executable, __file__, str(args.t17), "--articles", str(args.articles), "--total"]
    runs: dict[str, list[dict[str, Any]]] = {"base": [], "this": []}
    for r in range(args.repeats):
        for name, src in (("base", args.against), ("this", ours)):
            env = {**os.environ, "PYTHONPATH": src}
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            runs[name].append(result)
            print(
                f"# run {r + 1}/{args.repeats} {name}: {result['seconds']:.1f} CPU s "
                f"({result['wall']:.1f} s wall), "
                f"digest {result['digest']}",
                flush=True,
            )
    med = {k: statistics.median(x["seconds"] for x in v) for k, v in runs.items()}
    n = args.articles
    print(f"{'checkout':<8} {'CPU s':>9} {'articles/s':>10}  src  (medians; per core)")
    print(f"{'base':<8} {med['base']:>9.1f} {n / med['base']:>10.2f}  {args.against}")
    print(f"{'this':<8} {med['this']:>9.1f} {n / med['this']:>10.2f}  {ours}")
    print(f"# ratio (base seconds / this seconds): {med['base'] / med['this']:.2f}x")
    same = {x["digest"] for v in runs.values() for x in v}
    print("# prepared articles identical" if len(same) == 1 else f"# DIGESTS DIFFER: {same}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("t17", nargs="?", type=Path, default=DEFAULT_T17)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", default=None, help="write a cProfile dump here")
    parser.add_argument("--against", default=None, help="another checkout's src folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--total", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="a config override"
    )
    args = parser.parse_args(argv)
    if args.against:
        if args.set:
            parser.error("--set is for one checkout: not with --against")
        against(args)
        return 0
    cfg = Config().with_overrides(args.set)
    articles = sample(args.t17, args.articles)
    if args.total:
        print(json.dumps(total(articles, cfg)))
    else:
        table(articles, cfg, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
