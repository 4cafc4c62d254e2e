"""Benchmarks of the store and the executors; prints figures (medians) and ratios.

    python bench/parallel.py                 # store: 5,000 articles; executors: 300 texts
    python bench/parallel.py --ray           # also RayExecutor (needs storyline[distributed])
    python bench/parallel.py --articles 1000 --texts 100 --repeats 1   # a quick look

Store: put_many of N realistic prepared articles into a fresh SQLite file, the same put again
(idempotent: nothing changes), get_many of all, the file size; and the JSON codec alone.
Executors: a CPU-bound spaCy function (full pipeline) over T texts, SerialExecutor vs
ProcessExecutor(2) (and Ray), after the workers have started and loaded the model, whose cost
is reported apart. The outputs of every executor are checked to be identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyline.exec import Executor, ProcessExecutor, SerialExecutor
from storyline.model import Article, DateInterval, EntityMention, Sentence, TimeExpression
from storyline.nlp import load_nlp
from storyline.store import Store, article_from_json, article_to_json

_VOCABULARY = """the ministers talks islands treaty fishing agreement visit border coast ships
patrol delegation summit envoy islanders governor parliament statement officials negotiations
sovereignty
joint economic activity residents north sea harbour airport base missiles weeks months spokesman
proposal dispute war peace declaration return council region"""
WORDS = tuple(_VOCABULARY.split())
NAMES = ["Tokyo", "Moscow", "Sapporo", "Kunashir", "Iturup", "Shikotan", "Hokkaido", "Lavrov"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    words[0] = words[0].capitalize()
    words.insert(rng.randrange(1, len(words)), rng.choice(NAMES))
    if rng.random() < 0.3:
        words.insert(
            rng.randrange(1, len(words)), f"in {rng.choice(MONTHS)} {rng.randint(1990, 2020)}"
        )
    return " ".join(words) + "."


def realistic_article(i: int, rng: random.Random) -> Article:
    """A prepared article shaped like a real one: ~5,000 chars, ~35 sentences, annotations."""
    sents: list[Sentence] = []
    parts: list[str] = []
    pos = 0
    while pos < 5000:
        s = sentence(rng)
        sents.append(Sentence(pos, pos + len(s), s))
        parts.append(s)
        pos += len(s) + 1
    text = " ".join(parts)
    mentions: list[EntityMention] = []
    for name in NAMES:
        start = text.find(name)
        while start != -1 and len(mentions) < 60:
            mentions.append(EntityMention(start, start + len(name), name, "GPE", f"ent-{name}"))
            start = text.find(name, start + 1)
    times: list[TimeExpression] = []
    for month in MONTHS:
        start = text.find(f"in {month} ")
        if start != -1:
            start += 3
            year = int(text[start + len(month) + 1 : start + len(month) + 5])
            interval = DateInterval.month(year, MONTHS.index(month) * 2 + 1)
            span = text[start : start + len(month) + 5]
            times.append(
                TimeExpression(start, start + len(span), span, "DATE", interval.timex(), interval)
            )
    day = dt.date(2016, 1, 1) + dt.timedelta(days=i % 1500)
    raw = "Home | World | Asia\nShare this article\n" + text + "\nRelated stories\n" * 12
    return Article(
        id=f"art-{i:06d}",
        path=f"corpus/{i:06d}.html",
        raw_text=raw,
        text=text,
        source=f"outlet{i % 40}.example",
        url=f"https://outlet{i % 40}.example/news/{i}",
        title=" ".join(sentence(rng).split()[:10]),
        published=DateInterval.day(day),
        published_how="meta",
        published_confidence=0.9,
        language="en",
        sentences=tuple(sents),
        times=tuple(times),
        mentions=tuple(mentions),
        removed=("nav", "share", "related"),
    )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def decode_all(docs: list[str]) -> list[Article]:
    return [article_from_json(d) for d in docs]


def bench_store(n: int, repeats: int) -> None:
    rng = random.Random(0)
    articles = [realistic_article(i, rng) for i in range(n)]
    ids = [a.id for a in articles]
    avg_json = statistics.mean(len(article_to_json(a).encode()) for a in articles[:200])
    avg_text = statistics.mean(len(a.text) for a in articles[:200])
    print(
        f"store: {n} articles, avg text {avg_text:.0f} chars, avg JSON {avg_json / 1024:.1f} KiB, "
        f"avg {statistics.mean(len(a.sentences) for a in articles):.0f} sentences, "
        f"{statistics.mean(len(a.mentions) for a in articles):.0f} mentions"
    )
    enc, dec, put, again, get, size = [], [], [], [], [], []
    for _ in range(repeats):
        t, docs = timed(lambda: [article_to_json(a) for a in articles])
        enc.append(t)
        t, back = timed(functools.partial(decode_all, docs))
        dec.append(t)
        assert back == articles
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.db"
            with Store(path) as store:
                t, written = timed(lambda: store.put_many(articles, "fp"))
                put.append(t)
                assert written == n
                t, written = timed(lambda: store.put_many(articles, "fp"))
                again.append(t)
                assert written == 0
                t, got = timed(lambda: store.get_many(ids, "fp"))
                get.append(t)
                assert len(got) == n
                store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            size.append(sum(p.stat().st_size for p in Path(tmp).iterdir()))
    med = statistics.median
    print(f"  codec encode   {med(enc):7.2f} s  ({n / med(enc):8.0f} articles/s)")
    print(f"  codec decode   {med(dec):7.2f} s  ({n / med(dec):8.0f} articles/s)")
    print(f"  put_many new   {med(put):7.2f} s  ({n / med(put):8.0f} articles/s)")
    print(f"  put_many again {med(again):7.2f} s  (idempotent, 0 rows changed)")
    print(f"  get_many all   {med(get):7.2f} s  ({n / med(get):8.0f} articles/s)")
    print(f"  database size  {med(size) / 2**20:7.1f} MiB ({med(size) / n / 1024:.1f} KiB/article)")


def analyse(text: str) -> tuple[int, int, int]:
    """CPU-bound: the full spaCy pipeline over one text."""
    doc = load_nlp()(text)
    return len(doc), sum(1 for _ in doc.sents), len(doc.ents)


def warm() -> None:
    load_nlp()


def run_all(ex: Executor, texts: list[str], chunksize: int) -> list[tuple[int, int, int]]:
    return list(ex.map(analyse, texts, chunksize=chunksize))


def bench_executors(n: int, repeats: int, with_ray: bool) -> None:
    rng = random.Random(1)
    texts = [" ".join(sentence(rng) for _ in range(10)) for _ in range(n)]
    chars = sum(map(len, texts))
    print(f"executors: {n} texts, {chars / n:.0f} chars each, full spaCy pipeline")
    executors: list[tuple[str, Callable[[], Executor]]] = [
        ("serial", lambda: SerialExecutor(initializer=warm)),
        ("processes:2", lambda: ProcessExecutor(2, initializer=warm)),
    ]
    if with_ray:
        from storyline.exec.distributed import RayExecutor

        executors.append(("ray (2 cpus)", lambda: RayExecutor(num_cpus=2, initializer=warm)))
    started: dict[str, tuple[Executor, float]] = {}
    for name, make in executors:
        t, ex = timed(make)
        t2, _ = timed(functools.partial(run_all, ex, texts[:4], 1))
        started[name] = (ex, t + t2)  # start workers, load the model
    runs: dict[str, list[float]] = {name: [] for name in started}
    reference: list[tuple[int, int, int]] = []
    for _ in range(repeats):  # interleaved, so that load on the machine hits all alike
        for name, (ex, _) in started.items():
            t, out = timed(functools.partial(run_all, ex, texts, 8))
            runs[name].append(t)
            reference = reference or out  # the first run is the serial one
            assert out == reference, f"{name} output differs from serial"
    medians = {name: statistics.median(r) for name, r in runs.items()}
    for name, (ex, start) in started.items():
        ex.close()
        m = medians[name]
        shown = ", ".join(f"{r:.2f}" for r in runs[name])
        print(
            f"  {name:13s} start+model {start:6.2f} s   map median {m:6.2f} s "
            f"({n / m:6.1f} texts/s; runs {shown})"
        )
    for name, m in medians.items():
        if name != "serial":
            print(f"  speedup {name} vs serial: {medians['serial'] / m:.2f}x")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--texts", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--ray", action="store_true", help="also measure RayExecutor")
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--skip-executors", action="store_true")
    args = ap.parse_args(argv)
    print(f"python {sys.version.split()[0]}")
    if not args.skip_store:
        bench_store(args.articles, args.repeats)
    if not args.skip_executors:
        bench_executors(args.texts, args.repeats, args.ray)


if __name__ == "__main__":
    main()
