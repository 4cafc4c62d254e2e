"""Reference figures from the real tilse 0.2.1 (ROUGE-1.5.5 in Perl) for storyline's metrics.

Run it in its own venv (tilse needs Perl and Debian's libxml-parser-perl):

    python3.11 -m venv /work/venvs/tilse && /work/venvs/tilse/bin/pip install tilse==0.2.1
    apt-get install libxml-parser-perl
    /work/venvs/tilse/bin/python bench/tilse_reference.py ../shared/data/t17 \
        tests/fixtures/evaluate/tilse_reference.json
    # or score saved predictions (storyline evaluate --save-timelines DIR) with tilse:
    /work/venvs/tilse/bin/python bench/tilse_reference.py --score-saved ../shared/data/t17 DIR

It builds a deterministic set of (prediction, references) cases -- T17 reference timelines
scored against each other, truncated, thinned and date-shifted variants, multi-reference
cases and small hand-written cases with awkward characters -- scores them with tilse's
TimelineRougeEvaluator (concat, agreement, align+ m:1; ROUGE-1 and ROUGE-2) and news-tls's
date F1, and writes the figures. It also records ROUGE's own stem (WordNet exceptions, then
its Perl Porter stemmer) of every word of the T17 reference timelines.

`build_cases` and `stem_vocabulary` use only the standard library so that the test suite
can rebuild the very same cases and compare storyline's figures with the stored ones.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

TimelineJ = dict[str, list[str]]  # ISO date -> sentences
Case = dict[str, Any]  # {"name": str, "pred": TimelineJ, "refs": [TimelineJ, ...]}

# Hand-written sentences (our own text) with characters that stress ROUGE's tokeniser:
# "^" (written as &circ;), "<" (cuts the sentence), hyphens, non-ASCII letters, digits,
# currency, abbreviations, irregular forms from the WordNet exception lists, initial "y".
SYNTHETIC: list[Case] = [
    {
        "name": "synthetic-tokeniser",
        "pred": {
            "2020-03-01": [
                "Ministers met in Tōkyō on Monday ; the talks were well-received .",
                "Yesterday 's yields rose 2.5 % to $ 1,200 -- a record ^ high .",
            ],
            "2020-03-04": ["The geese were flying over the islands < not the mainland ."],
            "2020-03-09": ["Children ran , mice hid ; the leaves fell and men went home ."],
        },
        "refs": [
            {
                "2020-03-02": [
                    "The ministers meet in Tokyo ; talks are well received by all .",
                    "Yields rising to a record high of $ 1200 , up 2.5 percent .",
                ],
                "2020-03-05": ["Geese fly over the island chain , not the main land ."],
                "2020-03-09": ["A child runs ; a mouse hides ; a leaf falls ; a man goes ."],
            }
        ],
    },
    {
        "name": "synthetic-empty-summary",
        "pred": {"2021-06-01": [], "2021-06-02": ["Yachts sailed past the harbour ."]},
        "refs": [{"2021-06-02": ["A yacht sails past the harbour wall ."], "2021-06-10": ["x"]}],
    },
    {
        "name": "synthetic-stopwords-only",
        "pred": {"2019-01-01": ["It is what it was and will be ."]},
        "refs": [{"2019-01-01": ["The parliament voted on the budget ."]}],
    },
    {
        "name": "synthetic-empty-prediction",
        "pred": {},
        "refs": [{"2017-02-03": ["The bridge reopened after repairs ."]}],
    },
    {
        "name": "synthetic-multi-ref",
        "pred": {
            "2018-05-01": ["Protesters gathered outside the embassy ."],
            "2018-05-03": ["Police dispersed the crowd with water cannon ."],
        },
        "refs": [
            {"2018-05-01": ["Thousands of protesters gather at the embassy ."]},
            {
                "2018-05-02": ["The crowd outside the embassy grows ."],
                "2018-05-03": ["Water cannon is used by police to disperse protesters ."],
            },
        ],
    },
]


def _read_timelines(t17: Path, topic: str) -> list[TimelineJ]:
    out = []
    with (t17 / topic / "timelines.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append({d[:10]: list(s) for d, s in json.loads(line)})
    return out


def _head(tl: TimelineJ, n: int) -> TimelineJ:
    return {d: tl[d] for d in sorted(tl)[:n]}


def _shift(tl: TimelineJ, days: int) -> TimelineJ:
    return {
        (dt.date.fromisoformat(d) + dt.timedelta(days=days)).isoformat(): s for d, s in tl.items()
    }


def _thin(tl: TimelineJ, rng: random.Random, keep_dates: float, max_sents: int) -> TimelineJ:
    out: TimelineJ = {}
    for d in sorted(tl):
        if rng.random() < keep_dates:
            sents = tl[d][:max_sents]
            out[d] = [" ".join(s.split()[: max(3, len(s.split()) // 2)]) for s in sents]
    return out


def _jitter(tl: TimelineJ, rng: random.Random) -> TimelineJ:
    out: TimelineJ = {}
    for d in sorted(tl):
        nd = (dt.date.fromisoformat(d) + dt.timedelta(days=rng.randint(-4, 4))).isoformat()
        out.setdefault(nd, []).extend(tl[d])
    return out


def build_cases(t17: Path) -> list[Case]:
    """The deterministic reference cases (T17-based ones need the T17 directory)."""
    rng = random.Random(17)
    cases: list[Case] = [dict(c) for c in SYNTHETIC]
    tls = {t: _read_timelines(t17, t) for t in ("bpoil", "h1n1", "libya", "syria", "mj")}
    pairs = [("bpoil", 0, 1), ("h1n1", 0, 1), ("h1n1", 2, 1), ("libya", 0, 1), ("syria", 1, 2)]
    for topic, a, b in pairs:
        cases.append(
            {
                "name": f"{topic}-{a}-vs-{b}",
                "pred": _head(tls[topic][a], 20),
                "refs": [_head(tls[topic][b], 25)],
            }
        )
    h = tls["h1n1"][0]
    cases.append({"name": "h1n1-0-self", "pred": h, "refs": [h]})
    for days in (1, -3, 10):
        cases.append({"name": f"h1n1-0-shift{days:+d}", "pred": _shift(h, days), "refs": [h]})
    for topic, i in (("mj", 0), ("syria", 0), ("libya", 1)):
        tl = _head(tls[topic][i], 30)
        cases.append({"name": f"{topic}-{i}-thin", "pred": _thin(tl, rng, 0.6, 1), "refs": [tl]})
        cases.append({"name": f"{topic}-{i}-jitter", "pred": _jitter(tl, rng), "refs": [tl]})
    cases.append(
        {
            "name": "syria-0-vs-1-2-3",
            "pred": _head(tls["syria"][0], 12),
            "refs": [_head(tls["syria"][i], 15) for i in (1, 2, 3)],
        }
    )
    cases.append(
        {
            "name": "bpoil-crosstopic",
            "pred": _head(tls["mj"][0], 10),
            "refs": [_head(tls["bpoil"][4], 12)],
        }
    )
    return cases


def stem_vocabulary(t17: Path) -> list[str]:
    """Every lower-cased ASCII alphanumeric word longer than 3 characters of the T17
    reference timelines and of the synthetic cases (the words ROUGE stems)."""
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(w.lower() for w in re.findall(r"[A-Za-z0-9]+", text) if len(w) > 3)

    for topic in sorted(p.name for p in t17.iterdir() if p.is_dir()):
        for tl in _read_timelines(t17, topic):
            for sents in tl.values():
                for s in sents:
                    add(s)
    for case in SYNTHETIC:
        for tl in [case["pred"], *case["refs"]]:
            for sents in tl.values():
                for s in sents:
                    add(s)
    return sorted(words)


# ----------------------------------------------------------------------------- tilse side
def _tilse_scores(case: Case) -> dict[str, Any]:
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import rouge

    def tl(j: TimelineJ) -> Any:
        return Timeline({dt.date.fromisoformat(d): s for d, s in j.items()})

    ev = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])
    pred, gt = tl(case["pred"]), GroundTruth([tl(r) for r in case["refs"]])
    out: dict[str, Any] = {}
    for key, fn in (
        ("concat", ev.evaluate_concat),
        ("agreement", ev.evaluate_agreement),
        ("align_m1", ev.evaluate_align_date_content_costs_many_to_one),
    ):
        try:
            res = fn(pred, gt)
            out[key] = {
                m: [res[m]["precision"], res[m]["recall"], res[m]["f_score"]]
                for m in ("rouge_1", "rouge_2")
            }
        except Exception as e:  # tilse crashes on some empty inputs
            out[key] = {"error": f"{type(e).__name__}: {e}"}
    # news-tls evaluate_dates
    pd_, rd = pred.get_dates(), gt.get_dates()
    shared = len(pd_ & rd)
    p = shared / len(pd_) if pd_ else 0.0
    r = shared / len(rd)
    out["date"] = [p, r, 2 * p * r / (p + r) if p + r else 0.0]
    return out


def _perl_stems(words: list[str]) -> dict[str, str]:
    import pyrouge

    home = Path(pyrouge.__file__).parent / "tools" / "ROUGE-1.5.5"
    src = (home / "ROUGE-1.5.5.pl").read_text(encoding="latin-1")
    porter = src[src.index("# Porter stemmer in Perl") :]
    morph = src[src.index("sub MorphStem {") : src.index("sub createNGram {")]
    db = home / "data" / "WordNet-2.0.exc.db"
    script = (
        "use DB_File;\n"
        f'tie %exceptiondb, "DB_File", "{db}", O_RDONLY, 0440, $DB_HASH or die;\n'
        f"{porter}\n{morph}\n"
        "&initialise();\n"
        'while (defined($l = <STDIN>)) { chomp($l); print "$l\\t" . MorphStem($l) . "\\n"; }\n'
    )
    with tempfile.NamedTemporaryFile("w", suffix=".pl", delete=False) as f:
        f.write(script)
    out = subprocess.run(
        ["perl", f.name], input="\n".join(words) + "\n", capture_output=True, text=True, check=True
    ).stdout
    return dict(line.split("\t", 1) for line in out.splitlines())


def score_saved(t17: Path, pred_dir: Path) -> dict[str, float]:
    """news-tls's evaluation, with tilse, of `<pred_dir>/<topic>.timelines.jsonl` files
    (as written by `storyline evaluate --save-timelines`): mean P and R, then F."""
    sums = {k: 0.0 for k in ("ar1_p", "ar1_r", "ar2_p", "ar2_r", "date_p", "date_r")}
    n = 0
    for pred_file in sorted(pred_dir.glob("*.timelines.jsonl")):
        topic = pred_file.name.split(".")[0]
        refs = _read_timelines(t17, topic)
        preds = [
            {d[:10]: list(s) for d, s in json.loads(line)}
            for line in pred_file.read_text(encoding="utf-8").splitlines()
        ]
        for pred, ref in zip(preds, refs, strict=True):
            res = _tilse_scores({"name": topic, "pred": pred, "refs": [ref]})
            al = res["align_m1"]
            r1, r2 = al.get("rouge_1", [0.0, 0.0]), al.get("rouge_2", [0.0, 0.0])
            vals = [r1[0], r1[1], r2[0], r2[1], *res["date"][:2]]
            for key, val in zip(sums, vals, strict=True):
                sums[key] += val
            n += 1
    out = {k: v / n for k, v in sums.items()}
    for m in ("ar1", "ar2", "date"):
        p, r = out[f"{m}_p"], out[f"{m}_r"]
        out[f"{m}_f"] = 2 * p * r / (p + r) if p + r else 0.0
    out["timelines"] = n
    return out


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "--score-saved":
        print(json.dumps(score_saved(Path(argv[2]), Path(argv[3])), sort_keys=True))
        return 0
    if len(argv) != 3:
        print(__doc__)
        return 2
    t17, target = Path(argv[1]), Path(argv[2])
    cases = build_cases(t17)
    figures = {}
    for case in cases:
        print(case["name"], file=sys.stderr)
        figures[case["name"]] = _tilse_scores(case)
    words = stem_vocabulary(t17)
    result = {
        "tool": "tilse 0.2.1 (ROUGE-1.5.5 -a -n 2 -x -f A -d -m -s -t 2)",
        "cases": figures,
        "stems": _perl_stems(words),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(figures)} cases, {len(result['stems'])} stems -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
