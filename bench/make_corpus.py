"""Generate a synthetic, noisy news corpus of N articles by varying the bundled examples.

    python bench/make_corpus.py 1000 bench/_data/corpus_1000 --seed 0

Each generated article starts from one of the `examples/` articles (the GERD dispute) and is varied:
name variants and typos are substituted, quantities perturbed, publication dates moved by whole
weeks (so weekdays in "on Monday" stay right), story paragraphs from other examples appended until a
realistic length is reached (log-normal, median about 3 KB), paragraphs shuffled, boilerplate
(comments, "Read more", related blurbs, newsletter plugs, widgets, tags) added or removed. About 8%
are near-duplicate re-publications of an earlier article (wire copies), 3% are off-topic, and a few
are bad inputs (empty or binary). Formats: mostly `.txt`, some `.html`, some `.jsonl` files of
news-please records. Output is deterministic for a given N, seed and examples folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR_VERSION = 2  # bump when the output changes, so cached corpora are regenerated
EXAMPLES = REPO / "examples"

HEADER_RE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
META_DATE_RE = re.compile(r'(content="|datetime="|"datePublished": ")(\d{4}-\d{2}-\d{2})')
# Blocks that are boilerplate in the examples: never used as story paragraphs.
NOISE_RE = re.compile(
    r"wrote:|Report as abuse|discussion is now closed|Read more|READ MORE|Sign up|subscribe|"
    r"Listen Live|Get short URL|Community standards|Related|Credit:|REUTERS|Writing by|"
    r"Reporting by|Comments|MOST READ|\(\d{2}\.\d{2}\.\d{4}\)",
    re.IGNORECASE,
)
# Interchangeable names (the first of each group is replaced by any member).
NAME_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("Grand Ethiopian Renaissance Dam", "GERD", "Renaissance Dam", "Grand Renaissance Dam"),
    ("Sameh Shoukry", "Sameh Shoukri", "Sameh Shokry", "Sameh Shukri"),
    ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi", "Abdel-Fattah al-Sissi"),
    ("Abiy Ahmed", "Abiy Ahmed Ali", "Abiy Ahmad"),
    ("Blue Nile", "Abay", "Blue Nile (Abay)"),
    ("Hailemariam Desalegn", "Hailemariam Dessalegn"),
    ("Seleshi Bekele", "Seleshi Bekele Awulachew"),
)
QUANTITY_RE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?=\s*(?:billion|million|megawatts|MW|percent))"
)
OUTLETS = (
    "horndispatch",
    "cairoledger",
    "continentalpost",
    "addisobserver",
    "nilebasinmonitor",
    "radiomeridian",
    "riverbankreview",
    "globaldesk",
    "riverlinenews",
    "sahelwire",
    "redseatimes",
    "khartoumtribune",
    "eastafricadaily",
    "deltaherald",
    "highlandpost",
)
COMMENTERS = (
    "nilewatcher",
    "abay_son",
    "kemet_forever",
    "Yonas B",
    "reader1984",
    "Samira A.",
    "pharaoh_2020",
    "blue_nile_girl",
    "tomk",
    "guest",
    "Hirut",
    "Abebe K.",
)
COMMENTS = (
    "This will end badly for everyone.",
    "Finally some good news.",
    "Who pays for all this?",
    "The river belongs to all of us.",
    "Nobody asks the farmers.",
    "Great reporting, thanks.",
    "Same story every year.",
    "Where is the African Union?",
    "Proud day!",
    "Fake news.",
)
BLURBS = (
    "Egypt and Sudan call for a binding deal on the dam",
    "Ethiopia says talks must stay under the African Union",
    "Farmers downstream fear a dry summer",
    "What the dam means for Ethiopia's power exports",
    "Sudan asks for data on the dam's operation",
    "Cairo hosts a new round of Nile talks",
)
FILLERS = (  # neutral story paragraphs, used when more length is needed
    "Diplomats involved in the process said the technical gaps between the three countries were "
    "narrower than the public statements suggested, but that the political will to close them "
    "was still missing.",
    "Hydrologists say the impact of the dam on downstream flows depends above all on how quickly "
    "the reservoir is filled and on how it is operated during a run of dry years.",
    "Ethiopia says more than half of its population still lacks access to electricity, and that "
    "the dam will also allow it to sell power to Kenya, Sudan and Djibouti.",
    "Egyptian officials say the country already faces a water deficit and imports a large share "
    "of its food, which makes any reduction in the Nile's flow a matter of national security.",
)


@dataclass
class Template:
    name: str
    kind: str  # txt | html | record
    date: dt.date | None
    blocks: list[str] = field(default_factory=list)  # txt: paragraphs; record: maintext paragraphs
    raw: str = ""  # html source
    title: str = ""
    on_topic: bool = True


Pool = list[tuple[int | None, str]]  # (year of the article it comes from, paragraph)


def load_templates(examples: Path) -> tuple[list[Template], Pool]:
    """The example articles as templates, and the pool of clean story paragraphs."""
    templates: list[Template] = []
    for path in sorted(examples.iterdir()):
        if path.suffix == ".txt":
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # the bad input
            m = HEADER_RE.match(text)
            date = dt.date.fromisoformat(m.group(1)) if m else None
            body = text[m.end() :] if m else text
            blocks = [b.strip("\n") for b in re.split(r"\n\s*\n", body) if b.strip()]
            if len(blocks) <= 2:
                blocks = [b for b in body.splitlines() if b.strip()]
            templates.append(
                Template(path.name, "txt", date, blocks, on_topic="football" not in path.name)
            )
        elif path.suffix == ".html":
            raw = path.read_text(encoding="utf-8")
            m = META_DATE_RE.search(raw)
            date = dt.date.fromisoformat(m.group(2)) if m else None
            paras = [
                html.unescape(re.sub(r"<[^>]+>", "", p))
                for p in re.findall(r"<p>(.*?)</p>", raw, flags=re.S)
            ]
            templates.append(Template(path.name, "html", date, paras, raw=raw))
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                rec = json.loads(line)
                date = dt.date.fromisoformat(rec["date_publish"][:10])
                blocks = [b for b in rec["maintext"].split("\n\n") if b.strip()]
                templates.append(
                    Template(f"{path.name}#L{n}", "record", date, blocks, title=rec["title"])
                )
    pool: set[tuple[int | None, str]] = set()
    for t in templates:
        if not t.on_topic:
            continue
        for b in t.blocks:
            b = b.strip()
            # a caption repeated inside a longer caption+credit block is not a story paragraph
            repeated = any(b != other and b in other for other in t.blocks)
            if len(b) > 120 and b[-1:] in ".\"'" and not NOISE_RE.search(b) and not repeated:
                pool.add((t.date.year if t.date else None, b))
    fillers = [(None, f) for f in FILLERS]
    return templates, sorted(pool, key=lambda item: (item[0] or 0, item[1])) + fillers


class Generator:
    def __init__(self, templates: list[Template], pool: Pool, seed: int) -> None:
        self.rng = random.Random(seed)
        self.on_topic = [t for t in templates if t.on_topic and t.kind != "html"]
        self.html = [t for t in templates if t.kind == "html"]
        self.off_topic = [t for t in templates if not t.on_topic]
        self.pool = pool
        self.recent: list[str] = []  # generated txt articles, for near-duplicates

    # -- small variations -------------------------------------------------------------------
    def vary_names(self, text: str) -> str:
        for group in NAME_VARIANTS:
            if group[0] in text and self.rng.random() < 0.5:
                text = text.replace(group[0], self.rng.choice(group))
        return text

    def vary_numbers(self, text: str) -> str:
        def perturb(m: re.Match[str]) -> str:
            if self.rng.random() < 0.7:
                return m.group(0)
            raw = m.group(1)
            value = float(raw.replace(",", "")) * self.rng.choice((0.9, 0.95, 1.05, 1.1))
            if "," in raw:
                return f"{round(value):,}"
            return f"{value:.1f}" if "." in raw else str(max(1, round(value)))

        return QUANTITY_RE.sub(perturb, text)

    def shift(self, date: dt.date | None) -> dt.date | None:
        return None if date is None else date + dt.timedelta(weeks=self.rng.randint(-8, 8))

    def target_chars(self) -> int:
        return int(min(25_000, max(800, self.rng.lognormvariate(math.log(3000), 0.6))))

    def boilerplate(self, when: dt.date | None) -> str:
        day = (when or dt.date(2020, 1, 1)) - dt.timedelta(days=self.rng.randint(3, 400))
        kind = self.rng.randrange(6)
        if kind == 0:
            lines = [f"Comments ({self.rng.randint(1, 40)})"]
            for _ in range(self.rng.randint(1, 4)):
                lines += [
                    f"{self.rng.choice(COMMENTERS)} wrote:",
                    self.rng.choice(COMMENTS),
                    f"{day:%b %d, %Y} 10:{self.rng.randint(10, 59)}am EDT  --  Report as abuse",
                ]
            return "\n".join(lines)
        if kind == 1:
            return f"Read more: {self.rng.choice(BLURBS)}"
        if kind == 2:
            return "\n".join(
                f"{b}. ({day - dt.timedelta(days=7 * i):%d.%m.%Y})"
                for i, b in enumerate(self.rng.sample(BLURBS, 3))
            )
        if kind == 3:
            return "Get our morning briefing in your inbox every day. Sign up here."
        if kind == 4:
            return "Listen Live\n    Get short URL"
        return "Ethiopia, Egypt, Sudan, Nile, GERD, water, Africa"

    # -- articles ---------------------------------------------------------------------------
    def story_blocks(self, t: Template) -> list[str]:
        blocks = list(t.blocks)
        if self.rng.random() < 0.3:  # remove the template's own boilerplate
            blocks = [b for b in blocks if not NOISE_RE.search(b)] or blocks
        target = self.target_chars()
        # Borrow paragraphs from articles of the closest years first (undated ones and the
        # neutral fillers go with any year), so one article does not mix 2011 and 2023 news.
        year = t.date.year if t.date else None
        candidates = [(y, p) for y, p in self.pool if p not in blocks]
        self.rng.shuffle(candidates)
        candidates.sort(key=lambda item: -abs((item[0] or year or 0) - (year or item[0] or 0)))
        unused = [p for _, p in candidates]  # the closest years last: popped first
        while sum(len(b) for b in blocks) < target and t.on_topic and unused:
            blocks.insert(self.rng.randint(1, len(blocks)), unused.pop())
        if len(blocks) > 3 and self.rng.random() < 0.5:  # shuffle the middle paragraphs
            middle = blocks[1:-1]
            self.rng.shuffle(middle)
            blocks = [blocks[0], *middle, blocks[-1]]
        return blocks

    def txt(self, t: Template) -> str:
        date = self.shift(t.date)
        blocks = self.story_blocks(t)
        for _ in range(self.rng.randint(0, 3)):
            blocks.append(self.boilerplate(date))
        body = "\n\n".join(blocks)
        text = f" date {date.isoformat()} {body}" if date and self.rng.random() < 0.8 else body
        return self.vary_numbers(self.vary_names(text)) + "\n"

    def html_page(self, t: Template) -> str:
        date = self.shift(t.date)
        raw = t.raw
        if date is not None and t.date is not None:
            raw = raw.replace(t.date.isoformat(), date.isoformat())
        extra = "".join(
            f"<p>{html.escape(p)}</p>\n"
            for _, p in self.rng.sample(self.pool, min(len(self.pool), self.rng.randint(0, 4)))
        )
        raw = raw.replace('</div>\n  <ul class="tags">', extra + '</div>\n  <ul class="tags">')
        return self.vary_numbers(self.vary_names(raw))

    def record(self, t: Template, i: int) -> dict[str, object]:
        date = self.shift(t.date) or dt.date(2020, 1, 1)
        outlet = self.rng.choice(OUTLETS)
        text = self.vary_numbers(self.vary_names("\n\n".join(self.story_blocks(t))))
        return {
            "title": self.vary_names(t.title),
            "maintext": text,
            "date_publish": f"{date.isoformat()} {self.rng.randint(0, 23):02d}:00:00",
            "date_download": f"{date.year + self.rng.randint(0, 4)}-06-01 04:00:00",
            "source_domain": f"www.{outlet}.example",
            "url": f"https://www.{outlet}.example/news/{date:%Y/%m}/story-{i}",
            "language": "en",
        }

    def near_duplicate(self) -> str:
        text = self.rng.choice(self.recent)
        paras = text.split("\n\n")
        if len(paras) > 3:
            del paras[self.rng.randrange(1, len(paras))]
        return "\n\n".join(paras).replace(" said ", " told reporters ", 1)


def examples_fingerprint(examples: Path = EXAMPLES) -> str:
    """A hash of the example files, so that corpora generated from older examples are redone."""
    h = hashlib.sha1()
    for path in sorted(examples.iterdir()):
        if path.is_file():
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def manifest_path(out_dir: Path) -> Path:
    return out_dir.parent / f"{out_dir.name}.manifest.json"


def generate(n: int, out_dir: Path, seed: int = 0, examples: Path = EXAMPLES) -> dict[str, int]:
    """Write n article records under out_dir; return counts per kind."""
    templates, pool = load_templates(examples)
    if not templates:
        raise SystemExit(f"no example articles found in {examples}")
    gen = Generator(templates, pool, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "txt": 0,
        "html": 0,
        "jsonl_records": 0,
        "near_duplicates": 0,
        "off_topic": 0,
        "bad": 0,
        "bytes": 0,
    }
    records: list[str] = []

    def write(i: int, suffix: str, data: str | bytes) -> None:
        path = out_dir / f"{i // 1000:03d}" / f"{i:06d}{suffix}"
        path.parent.mkdir(exist_ok=True)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path.write_bytes(raw)
        counts["bytes"] += len(raw)

    def flush(i: int) -> None:
        if records:
            write(i, ".jsonl", "".join(records))
            records.clear()

    for i in range(n):
        roll = gen.rng.random()
        if roll < 0.005:
            counts["bad"] += 1
            write(i, ".txt", b"" if gen.rng.random() < 0.5 else bytes(range(256)) * 8)
        elif roll < 0.035:
            counts["off_topic"] += 1
            write(i, ".txt", gen.txt(gen.rng.choice(gen.off_topic)))
        elif roll < 0.115 and gen.recent:
            counts["near_duplicates"] += 1
            write(i, ".txt", gen.near_duplicate())
        elif roll < 0.215 and gen.html:
            counts["html"] += 1
            write(i, ".html", gen.html_page(gen.rng.choice(gen.html)))
        elif roll < 0.365:
            counts["jsonl_records"] += 1
            t = gen.rng.choice(gen.on_topic)
            records.append(json.dumps(gen.record(t, i), ensure_ascii=False) + "\n")
            if len(records) >= 25:
                flush(i)
        else:
            counts["txt"] += 1
            text = gen.txt(gen.rng.choice(gen.on_topic))
            gen.recent = [*gen.recent[-49:], text]
            write(i, ".txt", text)
    flush(n)
    manifest = {
        "n": n,
        "seed": seed,
        "version": GENERATOR_VERSION,
        "examples_fingerprint": examples_fingerprint(examples),
        "examples": str(examples),
        "counts": counts,
    }
    # Beside the corpus, not inside it: storyline would try to read it as an article.
    manifest_path(out_dir).write_text(json.dumps(manifest, indent=2) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of article records to generate")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    counts = generate(args.n, args.out_dir, args.seed, args.examples)
    mb = counts["bytes"] / 1e6
    print(
        f"wrote {args.n} article records ({mb:.1f} MB) to {args.out_dir}: "
        + ", ".join(f"{k}={v}" for k, v in counts.items() if k != "bytes")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
