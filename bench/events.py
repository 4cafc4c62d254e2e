"""Event dating quality on labelled article sets: entry date precision and key-event recall.

    .venv/bin/python bench/events.py [SET ...] [--max-entries 10] [--set key=value] [-v]

A SET is a folder holding `truth.json` (one story) or story folders each holding
`truth.json` and `articles/` (bench/data/events/dev/README.md gives the format). Defaults: the
seeds (bench/data/events/seeds, articles in ../shared/seeds), examples/,
bench/data/events/dev and the held-out sets bench/data/events/test, test2 and test3 (each
written without reading the system's rules, measured before its errors were read, and a
development set since: docs/evaluation.md gives both figures).
Each story is built with `storyline.build` and the default config
(the truth's `query`, if any); each entry is judged by the label of its first shown
sentence (a label matches a sentence when all its `match` strings occur in it):

- an entry is **correctly dated** when its sentence reports an event (a label with an
  `event`) and the entry's date overlaps the event's date without being coarser than a
  month (a month entry for a day event is right, a year entry is not);
- a key event is **recalled** when an entry correctly dated for it shows or cites a
  sentence labelled with it; it is **split** when more than one entry leads with it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.config import Config
from storyline.model import DateInterval, EntrySentence, Timeline
from storyline.pipeline import build

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench" / "data" / "events"
DEFAULT_SETS = [
    DATA / "seeds",
    DATA / "examples",
    DATA / "dev",
    DATA / "test",
    DATA / "test2",
    DATA / "test3",
    DATA / "test4",
    DATA / "test5",
    DATA / "test6",
]
CORPORA = {"seeds": REPO.parent / "shared" / "seeds", "examples": REPO / "examples"}


@dataclass
class Label:
    article: str
    match: list[str]
    date: str
    event: str | None
    kind: str


@dataclass
class Story:
    name: str
    corpus: Path
    truth: dict[str, Any]
    labels: dict[str, list[Label]] = field(default_factory=dict)

    @classmethod
    def load(cls, name: str, corpus: Path, truth_path: Path) -> Story:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        story = cls(name, corpus, truth)
        for raw in truth["sentences"]:
            label = Label(raw["article"], raw["match"], raw["date"], raw["event"], raw["kind"])
            story.labels.setdefault(label.article, []).append(label)
        return story

    @property
    def events(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in self.truth["events"]}


def stories_of(path: Path) -> list[Story]:
    if (path / "truth.json").is_file():
        corpus = CORPORA.get(path.name, path / "articles")
        return [Story.load(path.name, corpus, path / "truth.json")]
    return [
        Story.load(f"{path.name}/{d.name}", d / "articles", d / "truth.json")
        for d in sorted(path.iterdir())
        if (d / "truth.json").is_file()
    ]


def file_key(path: str) -> str:
    name, _, line = path.partition("#")
    return Path(name).name + (f"#{line}" if line else "")


_RAW: dict[str, str] = {}


def raw_text(path: str) -> str:
    """The text of an article record as written (a `.jsonl` record's `maintext`)."""
    if path not in _RAW:
        name, _, line = path.partition("#L")
        try:
            text = Path(name).read_text(encoding="utf-8")
            if line:
                text = json.loads(text.splitlines()[int(line) - 1]).get("maintext", "")
        except (OSError, ValueError, IndexError):
            text = ""
        _RAW[path] = text
    return _RAW[path]


def label_of(story: Story, s: EntrySentence, paths: dict[str, str]) -> Label | None:
    """The label whose match strings the sentence holds; else one whose match strings are
    in the written line the sentence comes from (a label matching a wire dateline, "VELNA,
    Feb 14", which the cleaned sentence no longer starts with)."""
    text = s.text.casefold()
    path = paths.get(s.article, "")
    labels = story.labels.get(file_key(path), [])
    found = [lab for lab in labels if all(m.casefold() in text for m in lab.match)]
    if not found:
        head = " ".join(s.text.split()[:8]).casefold()
        lines = [" ".join(ln.split()).casefold() for ln in raw_text(path).splitlines()]
        holding = [ln for ln in lines if head and head in ln]
        found = [
            lab
            for lab in labels
            if any(all(m.casefold() in ln for m in lab.match) for ln in holding)
        ]
    return max(found, key=lambda lab: sum(len(m) for m in lab.match)) if found else None


def correct(entry_date: DateInterval, truth_date: str) -> bool:
    truth = DateInterval.parse(truth_date)
    overlap = entry_date.start <= truth.end and truth.start <= entry_date.end
    return overlap and entry_date.days <= max(31, truth.days)


@dataclass
class Judged:
    entries: int = 0
    dated_right: int = 0
    unlabelled: int = 0
    key_events: int = 0
    recalled: int = 0
    split: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Judged) -> None:
        for f in ("entries", "dated_right", "unlabelled", "key_events", "recalled", "split"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.wrong += other.wrong
        self.missed += other.missed

    def line(self) -> str:
        p = self.dated_right / self.entries if self.entries else 0.0
        r = self.recalled / self.key_events if self.key_events else 0.0
        return (
            f"entries {self.entries:3d}  date precision {p:.3f} ({self.dated_right}/"
            f"{self.entries}, {self.unlabelled} unlabelled)  key-event recall {r:.3f} "
            f"({self.recalled}/{self.key_events})  split {self.split}"
        )


def judge(story: Story, timeline: Timeline) -> Judged:
    paths = {a.id: a.path for a in timeline.articles}
    events = story.events
    out = Judged(entries=len(timeline.entries))
    leads: Counter[str] = Counter()
    recalled: set[str] = set()
    for e in timeline.entries:
        head = label_of(story, e.sentences[0], paths) if e.sentences else None
        if head is None:
            out.unlabelled += 1
        if head is not None and head.event is not None and head.event in events:
            leads[head.event] += 1
            if correct(e.date, events[head.event]["date"]):
                out.dated_right += 1
            else:
                out.wrong.append(f"{story.name}: {e.date.iso()} for {head.event} ({e.headline})")
        else:
            why = "no label" if head is None else f"{head.kind}, no event"
            out.wrong.append(f"{story.name}: {e.date.iso()} [{why}] ({e.headline})")
        for s in (*e.sentences, *e.citations):
            lab = label_of(story, s, paths)
            if lab and lab.event in events and correct(e.date, events[lab.event]["date"]):
                recalled.add(lab.event)
    keys = [k for k, ev in events.items() if ev.get("key")]
    out.key_events = len(keys)
    out.recalled = sum(1 for k in keys if k in recalled)
    out.split = sum(1 for k in keys if leads[k] > 1)
    out.missed = [f"{story.name}: {k} {events[k]['date']}" for k in keys if k not in recalled]
    return out


def run(sets: list[Path], config: Config, verbose: bool) -> dict[str, Judged]:
    results: dict[str, Judged] = {}
    for path in sets:
        total = Judged()
        for story in stories_of(path):
            if not story.corpus.exists():
                print(f"skipping {story.name}: {story.corpus} not found", file=sys.stderr)
                continue
            cfg = config
            if story.truth.get("query"):
                cfg = cfg.with_value("query", story.truth["query"])
            judged = judge(story, build([story.corpus], cfg))
            if verbose:
                print(f"  {story.name:<36} {judged.line()}")
            total.add(judged)
        results[path.name] = total
    return results


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    ap.add_argument("--max-entries", type=int, action="append", default=[])
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("-v", "--verbose", action="store_true", help="per story, wrong entries")
    args = ap.parse_args(argv)
    base = Config().with_overrides(args.overrides)
    started = dt.datetime.now()
    for n in [None, *args.max_entries]:
        cfg = base if n is None else base.with_value("timeline.max_entries", n)
        print(f"== max_entries {cfg.timeline.max_entries}")
        for name, judged in run(args.sets, cfg, args.verbose).items():
            print(f"{name:<12} {judged.line()}")
            if args.verbose:
                for w in judged.wrong:
                    print(f"    wrong: {w}")
                for m in judged.missed:
                    print(f"    missed: {m}")
    print(f"({(dt.datetime.now() - started).total_seconds():.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
