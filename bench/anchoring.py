"""Event-time anchoring on the TimeBank and AQUAINT event-time links (TempEval-3 TBAQ).

    .venv/bin/python bench/anchoring.py [TBAQ_DIR]

For every verb event and gold time expression (not the document date) of one sentence, the
gold says the expression anchors the event when a TLINK relates them by inclusion or
simultaneity (IS_INCLUDED, INCLUDES, DURING, SIMULTANEOUS, IDENTITY, BEGINS, ENDS, BEGUN_BY,
ENDED_BY). The system anchors it when `storyline.events.extract.anchored_verb` gives the
expression the role "anchor" and the event's verb as its clause's verb (the parse is
spaCy's, over the sentence; the time expressions are the gold ones, so that the figure is
anchoring's alone). The rule's one choice, whether a time expression attached to a noun
dates the verb above it, is chosen on half of TimeBank's documents (those whose name hashes
even) and reported on the other half (held out); AQUAINT, whose event-time links are few,
is reported beside. The baseline anchors every time expression to its sentence's root verb.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path

from storyline.events.extract import anchored_verb
from storyline.events.roles import ANCHOR
from storyline.nlp import load_nlp, parse_many

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "tempeval3" / "TBAQ-cleaned"
ANCHORING = {"IS_INCLUDED", "INCLUDES", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS",
             "ENDS", "BEGUN_BY", "ENDED_BY"}  # fmt: skip
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")


@dataclass
class Doc:
    text: str
    events: dict[str, tuple[int, int]]  # eiid -> span of a verb event
    timexes: dict[str, tuple[int, int]]  # tid -> span (DCT excluded)
    gold: set[tuple[str, str]]  # (eiid, tid) anchoring links


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read(path: Path) -> Doc:
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    text_el = next(el for el in root.iter() if _local(el.tag) == "TEXT")
    parts: list[str] = []
    spans: dict[tuple[str, str], tuple[int, int]] = {}

    def walk(el: ET.Element) -> None:
        start = sum(len(p) for p in parts)
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        tag = _local(el.tag)
        if tag == "EVENT":
            spans[("e", el.get("eid", ""))] = (start, sum(len(p) for p in parts))
        elif tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
            spans[("t", el.get("tid", ""))] = (start, sum(len(p) for p in parts))

    walk(text_el)
    instances = {
        el.get("eiid", ""): el.get("eventID", "")
        for el in root.iter()
        if _local(el.tag) == "MAKEINSTANCE" and el.get("pos") == "VERB"
    }
    events = {ei: spans[("e", eid)] for ei, eid in instances.items() if ("e", eid) in spans}
    timexes = {k[1]: v for k, v in spans.items() if k[0] == "t"}
    gold = set()
    for el in root.iter():
        if _local(el.tag) != "TLINK" or el.get("relType") not in ANCHORING:
            continue
        ei, tid = el.get("eventInstanceID"), el.get("relatedToTime")
        if ei in events and tid in timexes:
            gold.add((ei, tid))
    return Doc("".join(parts), events, timexes, gold)


def score(
    docs: list[Doc], through_nouns: bool, baseline: bool = False
) -> tuple[float, float, float, int]:
    nlp = load_nlp()
    tp = fp = fn = 0
    for d in docs:
        sentences = [(m.start(), m.end()) for m in _SENT.finditer(d.text) if m.group().strip()]
        pairs = []  # (sentence, eiid, tid) candidate pairs of one sentence
        for s, e in sentences:
            evs = [k for k, (a, b) in d.events.items() if s <= a and b <= e]
            tms = [k for k, (a, b) in d.timexes.items() if s <= a and b <= e]
            pairs.extend(((s, e), ei, tid) for ei in evs for tid in tms)
        wanted = sorted({p[0] for p in pairs})
        docs_of = dict(zip(wanted, parse_many(nlp, (d.text[s:e] for s, e in wanted)), strict=True))
        for (s, e), ei, tid in pairs:
            doc = docs_of[(s, e)]
            a, b = d.timexes[tid]
            role, verb = anchored_verb(d.text, a, b, doc, s, through_nouns)
            if baseline:
                role = ANCHOR
                verb = next((t.i for t in doc if t.dep_ == "ROOT"), None)
            ea, eb = d.events[ei]
            span = doc.char_span(ea - s, eb - s, alignment_mode="expand")
            hit = role == ANCHOR and span is not None and verb is not None and span.root.i == verb
            gold = (ei, tid) in d.gold
            tp += hit and gold
            fp += hit and not gold
            fn += gold and not hit
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp + fn


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tbaq", nargs="?", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if not args.tbaq.is_dir():
        print(f"TBAQ not found at {args.tbaq}", file=sys.stderr)
        return 2
    timebank = sorted((args.tbaq / "TimeBank").glob("*.tml"))
    dev = [read(p) for p in timebank if zlib.crc32(p.stem.encode()) % 2 == 0]
    test = [read(p) for p in timebank if zlib.crc32(p.stem.encode()) % 2 == 1]
    aquaint = [read(p) for p in sorted((args.tbaq / "AQUAINT").glob("*.tml"))]
    print(f"{'set':<18} {'rule':<24} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")

    def row(name: str, rule: str, docs: list[Doc], through: bool, base: bool = False) -> float:
        p, r, f, n = score(docs, through, base)
        print(f"{name:<18} {rule:<24} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}", flush=True)
        return f

    best = max((True, False), key=lambda th: row("TimeBank dev", f"through nouns={th}", dev, th))
    row("TimeBank test", f"through nouns={best} (held out)", test, best)
    row("TimeBank test", "baseline: root verb", test, best, True)
    row("AQUAINT", f"through nouns={best}", aquaint, best)
    row("AQUAINT", "baseline: root verb", aquaint, best, True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
