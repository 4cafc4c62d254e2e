"""How well storyline dates articles whose creation time is hidden (TempEval-3 TBAQ, T17).

    .venv/bin/python bench/pubdate.py [--data ../shared/data/tempeval3/TBAQ-cleaned]
                                      [--t17 ../shared/data/t17 --t17-every 4]

For every TimeBank and AQUAINT document the DCT (the TIMEX3 with
functionInDocument="CREATION_TIME") is the truth and is removed. Two inputs are dated:

- as is:    title, the EXTRAINFO header blocks (which carry wire-service stamps such as
            "NEWS STORY 02/13/1998 14:26:00") and the <TEXT>;
- stripped: the <TEXT> only: nothing that gives the DCT away, so any date comes
            from what the story says.

T17 (news-tls; every Nth article of each topic): the record's `time` is the truth.

- with field: `time` given as the container's field (how the pipeline reads T17), so the
              figures say how often the checks keep (or wrongly reject) a true date;
- text only:  no field: dates come from the (tokenised) text alone (Reuters datelines...).

Printed per input: how many got a published date and how often it is right; and for the
best single estimate (`DatingReport.estimate`, the published date or the text-only
guess) how often it is exact (a day, equal), within 7 days (a day at most 7 days off)
and within the year (the estimate lies in the DCT's year); window coverage and width.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from storyline.config import DatingConfig
from storyline.dating.pubdate import DatingReport, explain_date
from storyline.model import Article, DateInterval, Granularity

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3"
DEFAULT = DEFAULT / "TBAQ-cleaned"
T17 = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "t17"


@dataclass(frozen=True)
class Doc:
    name: str
    dct: dt.date
    as_is: str
    stripped: str


def read_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    dct: dt.date | None = None
    parts: list[str] = []
    for child in root:
        tag = child.tag
        if tag == "DCT":
            for t in child.iter("TIMEX3"):
                if t.get("functionInDocument") == "CREATION_TIME":
                    dct = dt.date.fromisoformat((t.get("value") or "")[:10])
        elif tag in ("TITLE", "EXTRAINFO", "TEXT"):
            parts.append("".join(child.itertext()).strip())
    text_el = root.find("TEXT")
    if dct is None or text_el is None:
        raise ValueError(f"{path}: no CREATION_TIME TIMEX3 or no <TEXT>")
    stripped = "".join(text_el.itertext()).strip()
    return Doc(path.stem, dct, "\n\n".join(p for p in parts if p), stripped)


def _within(iv: DateInterval, truth: dt.date, days: int) -> bool:
    return abs((iv.start - truth).days) <= days and abs((iv.end - truth).days) <= days


@dataclass
class Tally:
    n: int = 0
    published: int = 0
    published_day: int = 0
    published_day_right: int = 0
    published_wrong: int = 0  # published interval does not contain the truth
    est: int = 0
    exact: int = 0
    week: int = 0
    year: int = 0
    windows: int = 0
    window_hit: int = 0

    def add(self, rep: DatingReport, truth: dt.date, widths: list[int]) -> None:
        self.n += 1
        if rep.published is not None:
            self.published += 1
            if not rep.published.contains(truth):
                self.published_wrong += 1
            if rep.published.granularity is Granularity.DAY:
                self.published_day += 1
                self.published_day_right += rep.published.start == truth
        e = rep.estimate
        if e is not None:
            self.est += 1
            self.exact += e.granularity is Granularity.DAY and e.start == truth
            self.week += e.granularity is Granularity.DAY and _within(e, truth, 7)
            self.year += e.start.year == e.end.year == truth.year
        if rep.window is not None:
            self.windows += 1
            lo, hi = rep.window
            self.window_hit += lo <= truth <= hi
            widths.append((hi - lo).days + 1)


def pct(a: int, b: int) -> str:
    return f"{a:4d}/{b:<4d} {100.0 * a / b:5.1f}%" if b else f"{a:4d}/{b:<4d}   n/a"


def read_t17(root: Path, every: int) -> list[tuple[str, dt.date, str]]:
    out: list[tuple[str, dt.date, str]] = []
    for path in sorted(root.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every:
                    continue
                rec = json.loads(line)
                out.append((str(rec["id"]), dt.date.fromisoformat(rec["time"][:10]), rec["text"]))
    return out


def run(label: str, items: list[tuple[Article, dt.date]], cfg: DatingConfig) -> list[str]:
    """Date every article, print the figures; return the names of wrong-year estimates."""
    tally = Tally()
    widths: list[int] = []
    hows: Counter[str] = Counter()
    wrong: list[str] = []
    t0 = time.perf_counter()
    for art, truth in items:
        rep = explain_date(art, cfg)
        hows[rep.how] += 1
        tally.add(rep, truth, widths)
        e = rep.estimate
        if e is None or e.start.year != truth.year:
            wrong.append(f"  {art.id}: truth {truth} estimate {e.iso() if e else None}")
    secs = time.perf_counter() - t0
    print(f"\n== {label}  ({secs * 1000 / max(1, len(items)):.1f} ms/doc)")
    print(f"  published_how: {dict(sorted(hows.items()))}")
    rows = [
        ("published (any granularity)", tally.published, tally.n),
        ("published interval misses truth", tally.published_wrong, tally.published),
        ("published day == truth", tally.published_day_right, tally.published_day),
        ("estimate made", tally.est, tally.n),
        ("estimate exact day", tally.exact, tally.n),
        ("estimate within 7 days", tally.week, tally.n),
        ("estimate within the true year", tally.year, tally.n),
        ("window given", tally.windows, tally.n),
        ("window contains truth", tally.window_hit, tally.windows),
    ]
    for name, a, b in rows:
        print(f"  {name:<32} {pct(a, b)}")
    if widths:
        print(f"  window width, median days        {statistics.median(widths):.0f}")
    return wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--t17", type=Path, default=T17)
    ap.add_argument("--t17-every", type=int, default=4, help="use every Nth T17 article")
    ap.add_argument("--show", type=int, default=0, help="print N wrong-year stripped estimates")
    ap.add_argument("--max-gap-days", type=int, default=DatingConfig().max_gap_days)
    args = ap.parse_args(argv)
    cfg = DatingConfig(max_gap_days=args.max_gap_days)
    files = sorted(args.data.glob("*/*.tml"))
    if not files:
        print(f"no .tml files under {args.data}: pass --data", file=sys.stderr)
        return 2
    docs = [read_doc(f) for f in files]
    print(f"TBAQ documents: {len(docs)} (DCT removed from every input), {cfg}")
    as_is = [(Article(id=d.name, path=d.name, raw_text=d.as_is), d.dct) for d in docs]
    stripped = [(Article(id=d.name, path=d.name, raw_text=d.stripped), d.dct) for d in docs]
    run("TBAQ as is", as_is, cfg)
    wrong = run("TBAQ stripped", stripped, cfg)
    if args.show:
        print("\nTBAQ stripped estimates outside the DCT year:")
        print("\n".join(wrong[: args.show]))
    t17 = read_t17(args.t17, args.t17_every) if args.t17.is_dir() else []
    if not t17:
        print(f"\n(no T17 articles under {args.t17}: T17 figures skipped)")
        return 0
    print(f"\nT17 articles: {len(t17)} (every {args.t17_every}th)")
    with_field = [
        (Article(id=n, path=n, raw_text=t, given_date=d.isoformat(), given_date_how="field"), d)
        for n, d, t in t17
    ]
    run("T17 with field", with_field, cfg)
    wrong = run("T17 text only", [(Article(id=n, path=n, raw_text=t), d) for n, d, t in t17], cfg)
    if args.show:
        print("\nT17 text-only estimates outside the true year:")
        print("\n".join(wrong[: args.show]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
