#!/usr/bin/env python3
"""Check truth.json against the files in articles/ (standard library only).

Usage: python3 check_truth.py [FOLDER]      (FOLDER defaults to this script's folder)

Checks:
  * every article file / JSONL record has a truth entry, and every entry has a file / record;
  * each entry has the expected fields, with allowed signal values and the right types;
  * a non-null outlet is named in its file or record (case-insensitive, a leading "The" optional).
    For the `url` signal the outlet must be in a URL's domain (lower-case letters and digits only,
    "The" and "&"/"and" dropped). For the `field` signal it must be in a JSON field (`source`,
    `publisher`, `authors`) or in `source_domain`/`url` written the same way;
  * a null outlet has signal "none", and a JSONL record with a null outlet has no
    source/publisher/source_domain/url field naming a site;
  * credits and decoy names appear in the file or record, and no decoy is the outlet itself;
  * a non-null title appears in its file or record (spacing and HTML entities normalised);
  * `published` is null or a real YYYY-MM-DD date, and is null exactly when the signal is "none";
    `date_ambiguous` is a boolean, and an ambiguous date has a `date_note` that explains the reading;
  * every entity name and alias appears in the articles' text (case-sensitive, whole words), types
    are PERSON/PLACE/ORG, no surface form belongs to two entities, and every `not_same` name is an
    entity.
Prints every problem found and "OK: ..." when there are none; exits 1 if there are problems.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from pathlib import Path

OUTLET_SIGNALS = {"meta", "field", "site-header", "dateline", "byline", "footer", "plug", "url", "none"}
DATE_SIGNALS = {"header", "meta", "field", "dateline", "byline", "text", "none"}
TYPES = {"PERSON", "PLACE", "ORG"}
FIELDS = {"outlet", "outlet_signal", "credits", "title", "published", "published_signal",
          "date_ambiguous", "decoys"}
OPTIONAL = {"date_note"}
URL_RE = re.compile(r"https?://([^/\s\"'<>]+)")


def squash(s: str) -> str:
    """Lower-case letters and digits only, "the" at the start and "and"/"&" dropped."""
    s = s.lower().replace("&", " ")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"\band\b", " ", s)
    return re.sub(r"[^a-z0-9]", "", s)


def norm_text(s: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(s)).strip()


def name_in(name: str, text: str) -> bool:
    """Case-insensitive match of the name in the text, with a leading "The" optional."""
    low = norm_text(text).lower()
    n = name.lower()
    if n in low:
        return True
    return n.startswith("the ") and n[4:] in low


def load_units(folder: Path) -> dict[str, dict]:
    """key -> {"text": searchable text, "record": JSON object or None}."""
    units: dict[str, dict] = {}
    for p in sorted((folder / "articles").iterdir()):
        if not p.is_file():
            continue
        raw = p.read_text(encoding="utf-8")
        if p.suffix == ".jsonl":
            for i, line in enumerate(raw.splitlines(), 1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                text = "\n".join(v if isinstance(v, str) else " ".join(map(str, v))
                                 for v in rec.values() if isinstance(v, (str, list)))
                units[f"{p.name}#L{i}"] = {"text": text, "record": rec}
        else:
            units[p.name] = {"text": html.unescape(raw), "record": None}
    return units


def check(folder: Path) -> list[str]:
    problems: list[str] = []
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    arts = truth.get("articles", {})
    units = load_units(folder)

    for k in sorted(set(units) - set(arts)):
        problems.append(f"{k}: article/record has no truth entry")
    for k in sorted(set(arts) - set(units)):
        problems.append(f"{k}: truth entry has no article/record")

    for key, t in sorted(arts.items()):
        if key not in units:
            continue
        unit = units[key]
        text, rec = unit["text"], unit["record"]
        missing = FIELDS - set(t)
        extra = set(t) - FIELDS - OPTIONAL
        if missing:
            problems.append(f"{key}: missing fields {sorted(missing)}")
        if extra:
            problems.append(f"{key}: unknown fields {sorted(extra)}")
        osig, psig = t.get("outlet_signal"), t.get("published_signal")
        if osig not in OUTLET_SIGNALS:
            problems.append(f"{key}: bad outlet_signal {osig!r}")
        if psig not in DATE_SIGNALS:
            problems.append(f"{key}: bad published_signal {psig!r}")

        outlet = t.get("outlet")
        if outlet is None:
            if osig != "none":
                problems.append(f"{key}: outlet is null but outlet_signal is {osig!r}")
            if rec is not None:
                for f in ("source", "publisher", "source_domain", "url"):
                    if rec.get(f):
                        problems.append(f"{key}: outlet is null but the record has {f}={rec[f]!r}")
        else:
            if osig == "none":
                problems.append(f"{key}: outlet {outlet!r} with outlet_signal 'none'")
            sq = squash(outlet)
            if osig == "url":
                hosts = URL_RE.findall(text)
                if rec is not None and rec.get("url"):
                    hosts += URL_RE.findall(rec["url"])
                if not any(sq in squash(h) for h in hosts):
                    problems.append(f"{key}: outlet {outlet!r} (url signal) not in any URL domain")
            elif osig == "field":
                if rec is None:
                    problems.append(f"{key}: 'field' signal on a non-JSON article")
                else:
                    vals = [rec.get("source"), rec.get("publisher")] + list(rec.get("authors") or [])
                    ok = any(isinstance(v, str) and name_in(outlet, v) for v in vals)
                    ok = ok or any(isinstance(rec.get(f), str) and sq in squash(rec[f])
                                   for f in ("source_domain", "url"))
                    if not ok:
                        problems.append(f"{key}: outlet {outlet!r} (field signal) not in any field")
            elif not name_in(outlet, text):
                problems.append(f"{key}: outlet {outlet!r} not named in the file")

        for c in t.get("credits", []):
            if not re.search(r"\b" + re.escape(c) + r"\b", text, flags=re.I):
                problems.append(f"{key}: credit {c!r} not found in the file")
        for d in t.get("decoys", []):
            dname = d.split(" (")[0]
            if not name_in(dname, text):
                problems.append(f"{key}: decoy {dname!r} not found in the file")
            if outlet and squash(dname) == squash(outlet):
                problems.append(f"{key}: decoy {dname!r} is the outlet itself")

        title = t.get("title")
        if title is not None and norm_text(title) not in norm_text(text):
            problems.append(f"{key}: title {title!r} not found in the file")

        pub = t.get("published")
        if pub is not None:
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
                    raise ValueError
                dt.date.fromisoformat(pub)
            except ValueError:
                problems.append(f"{key}: published {pub!r} is not a YYYY-MM-DD date")
        if (pub is None) != (psig == "none"):
            problems.append(f"{key}: published {pub!r} does not match published_signal {psig!r}")
        if not isinstance(t.get("date_ambiguous"), bool):
            problems.append(f"{key}: date_ambiguous must be true or false")
        elif t["date_ambiguous"] and not t.get("date_note"):
            problems.append(f"{key}: ambiguous date without a date_note")
        if rec is not None and psig == "field":
            raw_date = rec.get("date_publish") or ""
            if not raw_date.startswith(pub or "?"):
                problems.append(f"{key}: published {pub!r} differs from date_publish {raw_date!r}")
            try:
                dt.datetime.strptime(raw_date, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                problems.append(f"{key}: date_publish {raw_date!r} is not 'YYYY-MM-DD HH:MM:SS'")

    corpus = "\n".join(u["text"] for u in units.values())
    seen: dict[str, str] = {}
    names = set()
    for ent in truth.get("entities", []):
        name, typ = ent.get("name"), ent.get("type")
        names.add(name)
        if typ not in TYPES:
            problems.append(f"entity {name!r}: bad type {typ!r}")
        for form in [name] + list(ent.get("aliases", [])):
            if form in seen and seen[form] != name:
                problems.append(f"surface form {form!r} belongs to both {seen[form]!r} and {name!r}")
            seen[form] = name
            pat = r"(?<![\w-])" + re.escape(form) + r"(?!\w)"
            if not re.search(pat, corpus):
                problems.append(f"entity {name!r}: form {form!r} does not occur in the articles")
    for pair in truth.get("not_same", []):
        if len(pair) != 2:
            problems.append(f"not_same entry {pair!r} is not a pair")
        for n in pair:
            if n not in names:
                problems.append(f"not_same name {n!r} is not an entity")
    return problems


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    problems = check(folder)
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    print(f"OK: {len(truth['articles'])} articles/records, {len(truth['entities'])} entities, "
          f"{len(truth['not_same'])} not_same pairs; no problems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
