"""Who said so: outlet, title, credits, publication date and entity figures on labelled sets.

    .venv/bin/python bench/outlets.py                       # dev set, seeds, examples/
    .venv/bin/python bench/outlets.py SET_DIR [SET_DIR...]  # any set in the dev-set format
    .venv/bin/python bench/outlets.py ARTICLES_DIR=TRUTH.json ...

A set is a folder holding `articles/` and `truth.json` (the format of
bench/data/outlets/dev, README there), or an articles folder and a truth file joined by "=".
A truth file may hold `"query"`: the articles are then filtered as `storyline build --query`
does before the entity table is scored (the examples' README builds them so).

Figures (printed, never asserted):

- outlet accuracy over the articles whose text or metadata names the outlet (truth outlet not
  null), precision over every outlet the tool gives (an outlet on an article that names none,
  or a wrong one, is an invented outlet), `source_how` agreement with the labelled signal;
- credits: the set of agencies equal to the labelled one;
- titles: equal after spacing, entities and quotes are normalised (a title where the truth
  has none counts as wrong);
- publication dates by the labelled signal (header, meta, field, dateline, byline, text,
  none) and for the ambiguous numeric ones;
- entities: type accuracy over the listed entities (an entity not found counts as wrong),
  aliases merged with their entity (acronyms and short forms separately), false merges
  (`not_same` pairs and two listed entities in one registry entity).

Outlet names are compared by `storyline.outlets.squash` ("The Valley Courier" = "Valley
Courier", "Globe & Anchor" = "Globe and Anchor").
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "outlets"
# the shared data folder beside the checkout (../shared), or beside a worktree's parent
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
    ROOT.parent / "shared",
)
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    def __str__(self) -> str:
        if not self.total:
            return "-"
        return f"{self.right / self.total:.3f} ({self.right}/{self.total})"


@dataclass
class Report:
    name: str
    outlet: Tally = field(default_factory=Tally)
    precision: Tally = field(default_factory=Tally)
    how: Tally = field(default_factory=Tally)
    credits: Tally = field(default_factory=Tally)
    title: Tally = field(default_factory=Tally)
    dates: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    ambiguous: Tally = field(default_factory=Tally)
    types: Tally = field(default_factory=Tally)
    aliases: Tally = field(default_factory=Tally)
    acronyms: Tally = field(default_factory=Tally)
    false_merges: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)
    mistakes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _norm_title(text: str | None) -> str | None:
    if text is None:
        return None
    t = html.unescape(text).translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return " ".join(t.split())


def _key(path: str, articles_dir: Path) -> str:
    shown = Path(path.split("#", 1)[0])
    suffix = "#" + path.split("#", 1)[1] if "#" in path else ""
    try:
        rel = shown.resolve().relative_to(articles_dir.resolve())
    except ValueError:
        rel = Path(shown.name)
    return rel.as_posix() + suffix


def _prepare(articles_dir: Path, query: str | None) -> tuple[list[Any], list[Any]]:
    from storyline.config import Config
    from storyline.corpus.entities.registry import build_registry
    from storyline.corpus.relevance import QueryMatcher
    from storyline.ingest import read_articles
    from storyline.pipeline import prepare_articles

    cfg = Config()
    corpus = prepare_articles(read_articles([articles_dir], cfg.ingest), cfg)
    entities, articles = build_registry(list(corpus.articles))
    if query:
        matcher = QueryMatcher(query, entities, cfg.timeline.query_min_fraction)
        kept = [a for a in articles if matcher.matches(a)]
        mentioned = {m.entity_id for a in kept for m in a.mentions}
        entities = [e for e in entities if e.id in mentioned]
        # the document figures are scored on every article; the entity table on kept ones
    return list(corpus.articles), entities


def _score_articles(rep: Report, truth: dict[str, Any], articles: list[Any], d: Path) -> None:
    from storyline.outlets import squash

    by_key = {_key(a.path, d): a for a in articles}
    for key, t in sorted(truth.items()):
        a = by_key.get(key)
        if a is None:
            rep.mistakes.append(f"{key}: not read (skipped?)")
            continue
        want, got = t.get("outlet"), a.source
        if want is not None:
            ok = got is not None and squash(got) == squash(want)
            rep.outlet.add(ok)
            if ok:
                rep.how.add(a.source_how == t.get("outlet_signal"))
                if a.source_how != t.get("outlet_signal"):
                    rep.mistakes.append(
                        f"{key}: how {a.source_how} (labelled {t.get('outlet_signal')})"
                    )
            else:
                rep.mistakes.append(f"{key}: outlet {got!r}, labelled {want!r}")
        if got is not None:
            right = want is not None and squash(got) == squash(want)
            rep.precision.add(right)
            if want is None:
                rep.mistakes.append(f"{key}: invented outlet {got!r}")
        if "credits" in t:
            ok = sorted(a.credits) == sorted(t["credits"])
            rep.credits.add(ok)
            if not ok:
                rep.mistakes.append(f"{key}: credits {list(a.credits)}, labelled {t['credits']}")
        if "title" in t:
            want_t = t["title"]
            if isinstance(want_t, bool):  # seeds: whether a title exists (no seed text here)
                ok = (a.title is not None) == want_t
            else:
                ok = _norm_title(a.title) == _norm_title(want_t)
            rep.title.add(ok)
            if not ok:
                rep.mistakes.append(f"{key}: title {a.title!r}, labelled {want_t!r}")
        if "published" in t:
            got_d = a.published.iso() if a.published is not None else None
            if a.published is not None and a.published.granularity.value != "day":
                got_d = f"{got_d} ({a.published.granularity.value})"
            ok = got_d == t["published"]
            rep.dates[t.get("published_signal", "?")].add(ok)
            if t.get("date_ambiguous"):
                rep.ambiguous.add(ok)
            if not ok:
                rep.mistakes.append(f"{key}: published {got_d}, labelled {t['published']}")


def _score_entities(rep: Report, truth: dict[str, Any], entities: list[Any]) -> None:
    from storyline.corpus.entities.names import name_key

    entity_of: dict[str, int] = {}
    for i, e in enumerate(entities):
        for alias in (e.name, *e.aliases):
            entity_of.setdefault(name_key(alias), i)
    found_for: dict[str, int] = {}
    for t in truth.get("entities", []):
        names = [t["name"], *t.get("aliases", [])]
        i = next((entity_of[name_key(n)] for n in names if name_key(n) in entity_of), None)
        ok = i is not None and entities[i].type == t["type"]
        rep.types.add(ok)
        if i is None:
            rep.mistakes.append(f"entity {t['name']} ({t['type']}): not found")
            continue
        found_for[t["name"]] = i
        if not ok:
            rep.mistakes.append(f"entity {t['name']}: typed {entities[i].type}, not {t['type']}")
        for alias in t.get("aliases", []):
            merged = entity_of.get(name_key(alias)) == i
            short = ACRONYM.match(alias) or alias in t.get("short", [])
            (rep.acronyms if short else rep.aliases).add(merged)
            if not merged:
                rep.mistakes.append(f"entity {t['name']}: alias {alias!r} not merged")
    shared: dict[int, list[str]] = defaultdict(list)
    for name, i in found_for.items():
        shared[i].append(name)
    for names in shared.values():
        if len(names) > 1:
            rep.false_merges.append(" = ".join(sorted(names)))
    for name in truth.get("not_entities", []):
        if name_key(name) in entity_of:
            rep.debris.append(name)
    for a, b in truth.get("not_same", []):
        ia, ib = entity_of.get(name_key(a)), entity_of.get(name_key(b))
        if ia is not None and ia == ib:
            rep.false_merges.append(f"{a} = {b} (not_same)")


def run_set(name: str, articles_dir: Path, truth_path: Path) -> Report:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    rep = Report(name)
    start = time.perf_counter()
    articles, entities = _prepare(articles_dir, truth.get("query"))
    rep.seconds = time.perf_counter() - start
    _score_articles(rep, truth.get("articles", {}), articles, articles_dir)
    _score_entities(rep, truth, entities)
    return rep


def _sets(args: list[str]) -> list[tuple[str, Path, Path]]:
    if not args:
        args = [str(DATA / "dev")]
        if (SHARED / "seeds").is_dir():
            args.append(f"{SHARED / 'seeds'}={DATA / 'seeds_truth.json'}")
        args.append(f"{ROOT / 'examples'}={DATA / 'examples_truth.json'}")
    out = []
    for arg in args:
        if "=" in arg:
            arts, truth = arg.split("=", 1)
            out.append((Path(arts).name, Path(arts), Path(truth)))
        else:
            d = Path(arg)
            if not (d / "truth.json").is_file() or not (d / "articles").is_dir():
                sys.exit(f"{d}: expected a folder with articles/ and truth.json")
            out.append((d.name, d / "articles", d / "truth.json"))
    return out


def _print(rep: Report, verbose: bool) -> None:
    print(f"\n== {rep.name} ({rep.seconds:.1f} s)")
    print(f"outlet accuracy (named)   {rep.outlet}")
    print(f"outlet precision          {rep.precision}")
    print(f"source_how agreement      {rep.how}")
    print(f"credits                   {rep.credits}")
    print(f"titles                    {rep.title}")
    for signal in sorted(rep.dates):
        print(f"published ({signal:9s})    {rep.dates[signal]}")
    if rep.ambiguous.total:
        print(f"published (ambiguous)     {rep.ambiguous}")
    print(f"entity types              {rep.types}")
    print(f"aliases merged            {rep.aliases}")
    print(f"acronyms/short forms      {rep.acronyms}")
    print(f"false merges              {len(rep.false_merges)}")
    for fm in rep.false_merges:
        print(f"  false merge: {fm}")
    if rep.debris:
        print(f"non-entities kept         {len(rep.debris)}: {', '.join(rep.debris)}")
    if verbose:
        for m in rep.mistakes:
            print(f"  - {m}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sets", nargs="*", help="SET_DIR or ARTICLES_DIR=TRUTH.json")
    p.add_argument("-v", "--verbose", action="store_true", help="list every mistake")
    p.add_argument("--json", type=Path, help="also write the figures to this file")
    args = p.parse_args()
    reports = [run_set(n, d, t) for n, d, t in _sets(args.sets)]
    for rep in reports:
        _print(rep, args.verbose)
    if args.json:
        doc = {
            r.name: {
                "outlet": str(r.outlet),
                "precision": str(r.precision),
                "how": str(r.how),
                "credits": str(r.credits),
                "titles": str(r.title),
                "dates": {k: str(v) for k, v in sorted(r.dates.items())},
                "types": str(r.types),
                "aliases": str(r.aliases),
                "acronyms": str(r.acronyms),
                "false_merges": r.false_merges,
                "non_entities": r.debris,
                "mistakes": r.mistakes,
            }
            for r in reports
        }
        args.json.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"\n{len(reports)} set(s) scored")


if __name__ == "__main__":
    main()
