#!/usr/bin/env python3
"""Validate every <story>/truth.json in this folder against <story>/articles/.

Standard library only (Python 3.11).  Usage:

    python3 check_truth.py            # checks every story folder next to this script
    python3 check_truth.py STORY ...  # checks only the named story folders
    python3 check_truth.py --dump STORY   # prints the extracted story sentences and noise

What it does, per story:
  * extracts the story text of each article roughly
      - .txt   : the lines (the " date YYYY-MM-DD " prefix of a header line is stripped),
      - .html  : the text of the <p> elements of the article body,
      - .jsonl : the `maintext` of each record (record key = file#L<line number>),
    and drops page noise (comment threads, "Read more"/related blurbs, captions and credits,
    newsletter plugs, tag lists, share bars, bylines, crawl clocks, dateline-only lines, mastheads);
  * splits it naively into sentences (on ". ", "? ", "! ", the same after a closing quote,
    and on line breaks);
  * checks that every `match` set occurs in exactly one sentence of its article's story text
    (and warns when it also occurs in a noise line);
  * checks that every story sentence carries exactly one label (reports unlabelled sentences);
  * checks dates (published, events, sentences), kinds, event ids, that every event is cited,
    that a sentence date agrees with its event's date, that "happened" is not after publication
    and "scheduled" not before it, and that publication dates agree with headers, datelines,
    <meta article:published_time> and `date_publish`.
Exit status 0 when no problem is found.
"""
from __future__ import annotations

import json
import os
import re
import sys
from datetime import date
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"happened", "scheduled", "statement", "expectation", "background"}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
HEADER_RE = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")
CLOCK_RE = re.compile(r"^\d{1,2}:\d{2} GMT(\d{1,2}) ([A-Z][a-z]+) (\d{4})$")
WIRE_LINE_RE = re.compile(
    r"^[A-Z][A-Z .'\-]+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) "
    r"\d{1,2}:\d{2}(am|pm) [A-Z]{2,4}$")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
NOISE_START = re.compile(
    r"^(read more|related\b|more on this|more from|more explainers|most read|tags?:|topics:|"
    r"filed under|share\b|listen live|get short url|sign up\b|subscribe\b|photo:|credit:|"
    r"\((reporting|writing|editing|additional reporting) by|advertisement|©|copyright|"
    r"all rights reserved|comments? \(|\d+ comments?\b|join the conversation|community standards|"
    r"report as abuse|load more comments|this discussion is now closed|we encourage readers)",
    re.I)
COMMENTS_START = re.compile(
    r"^(comments? \(\d+\)|\d+ comments?$|join the conversation|we encourage readers|reader comments|"
    r"have your say)", re.I)
CREDIT = r"(photo: |photo credit|credit: |\b(nordwire|continental wire|adriapress|finwire)/)"
NOISE_ANY = re.compile(r"(newsletter|sign up\b|subscribe\b|wrote:|report as abuse|reply · report|"
                       + CREDIT + ")", re.I)
TAG_LIST = re.compile(r"^[^.?!,]{1,30}(, [^.?!,]{1,30}){2,}$")
BLURB_END = re.compile(r"\(\d{2}\.\d{2}\.\d{4}\)$")
SENT_SPLIT = re.compile(r"(?<=[.?!])\s+|(?<=[.?!][\"”’])\s+")


# ----------------------------------------------------------------------------- dates
def parse_partial(s: str):
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' -> (first day, last day); raises ValueError."""
    m = DATE_RE.match(s or "")
    if not m:
        raise ValueError(f"bad date {s!r}")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    y = int(y)
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31)
    mo = int(mo)
    if d is None:
        first = date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    day = date(y, mo, int(d))
    return day, day


def compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


# ----------------------------------------------------------------------------- extraction
class BodyParser(HTMLParser):
    """Collects <p> text inside the article body; skips asides, figures, comments, etc."""

    SKIP_TAGS = {"aside", "figure", "figcaption", "footer", "nav", "form", "header", "script",
                 "style", "noscript"}
    SKIP_CLASS = re.compile(r"(comment|related|newsletter|promo|share|tags|byline|caption|"
                            r"read-?more|sidebar|most-popular|community|author)", re.I)
    BODY_CLASS = re.compile(r"(article-body|story-body|entry-content|post-body|article-text)", re.I)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skip, body)
        self.paras, self.noise = [], []
        self.meta = {}
        self.cur = None

    def _state(self):
        skip = any(s for _, s, _ in self.stack)
        body = any(b for _, _, b in self.stack)
        return skip, body

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
            return
        if tag in ("br", "img", "link", "input", "hr"):
            return
        cls = a.get("class", "") + " " + a.get("id", "")
        skip = tag in self.SKIP_TAGS or bool(self.SKIP_CLASS.search(cls))
        body = bool(self.BODY_CLASS.search(cls))
        self.stack.append((tag, skip, body))
        if tag == "p":
            s, b = self._state()
            self.cur = ["story" if (b and not s) else "noise", []]

    def handle_endtag(self, tag):
        if tag == "p" and self.cur is not None:
            text = " ".join("".join(self.cur[1]).split())
            (self.paras if self.cur[0] == "story" else self.noise).append(text)
            self.cur = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.cur is not None:
            self.cur[1].append(data)


def split_lines(lines, outlets):
    """Separate story lines from page-noise lines (txt files and jsonl maintext)."""
    story, noise = [], []
    in_comments = False
    captions = []
    clean = [" ".join(raw.split()) for raw in lines]
    clean = [c for c in clean if c]
    for idx, line in enumerate(clean):
        nxt = clean[idx + 1] if idx + 1 < len(clean) else ""
        low = line.lower()
        is_noise = False
        if in_comments or COMMENTS_START.match(line):
            in_comments = True
            is_noise = True
        elif (CLOCK_RE.match(line) or WIRE_LINE_RE.match(line) or NOISE_START.match(line)
              or NOISE_ANY.search(line) or BLURB_END.search(line) or " | " in line):
            is_noise = True
            if re.search(CREDIT, low):
                captions.append(line)
        elif re.match(r"^(photo|credit|picture)\b", nxt, re.I) and not re.search(r"[.?!\"”]$", line):
            is_noise = True  # caption line followed by its credit line
        elif TAG_LIST.match(line):
            is_noise = True  # tag list
        elif re.match(r"^By [A-Z][\w.'\-]+( [A-Z][\w.'\-]+){0,3}(,[^.]*)?$", line):
            is_noise = True  # byline
        elif any(c.startswith(line) for c in captions):
            is_noise = True  # caption repeated without its credit
        elif not re.search(r"[.?!\"”]$", line) and any(
                o and line.lower().startswith(o.lower()) for o in outlets):
            is_noise = True  # masthead / site-name line
        (noise if is_noise else story).append(line)
    return story, noise


def sentences(lines):
    out = []
    for line in lines:
        out.extend(s.strip() for s in SENT_SPLIT.split(line) if s.strip())
    return out


def load_articles(story_dir, outlets):
    """-> {key: {"story": [sentences], "noise": [sentences], "words": n, "meta": {...}}}"""
    adir = os.path.join(story_dir, "articles")
    recs = {}
    for name in sorted(os.listdir(adir)):
        path = os.path.join(adir, name)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if name.endswith(".txt"):
            lines = text.split("\n")
            meta = {}
            m = HEADER_RE.match(lines[0]) if lines else None
            if m:
                meta["header"] = m.group(1)
                lines[0] = lines[0][m.end():]
            for ln in lines[:6]:
                c = CLOCK_RE.match(ln.strip())
                if c:
                    meta["clock"] = (f"{c.group(3)}-{MONTHS[c.group(2)[:3].lower()]:02d}-"
                                     f"{int(c.group(1)):02d}")
                w = WIRE_LINE_RE.match(ln.strip())
                if w:
                    meta["wire"] = f"{w.group(4)}-{MONTHS[w.group(2).lower()]:02d}-{int(w.group(3)):02d}"
            story, noise = split_lines(lines, outlets)
            recs[name] = dict(story=story, noise=noise, meta=meta, raw=text)
        elif name.endswith(".html"):
            p = BodyParser()
            p.feed(text)
            meta = {}
            if "article:published_time" in p.meta:
                meta["html"] = p.meta["article:published_time"][:10]
            meta["site"] = p.meta.get("og:site_name")
            story, noise1 = split_lines(p.paras, outlets)
            recs[name] = dict(story=story, noise=noise1 + p.noise, meta=meta, raw=text)
        elif name.endswith(".jsonl"):
            for i, ln in enumerate(text.split("\n"), 1):
                if not ln.strip():
                    continue
                obj = json.loads(ln)
                story, noise = split_lines(obj.get("maintext", "").split("\n"), outlets)
                meta = {"jsonl": (obj.get("date_publish") or "")[:10] or None,
                        "domain": obj.get("source_domain"), "fields": set(obj)}
                recs[f"{name}#L{i}"] = dict(story=story, noise=noise, meta=meta,
                                            raw=obj.get("title", "") + "\n" + obj.get("maintext", ""))
        else:
            recs[name] = dict(story=[], noise=[], meta={"unknown": True}, raw="")
    for r in recs.values():
        r["sents"] = sentences(r["story"])
        r["noise_sents"] = sentences(r["noise"])
        r["words"] = sum(len(s.split()) for s in r["story"])
    return recs


# ----------------------------------------------------------------------------- checks
def check_story(story_dir):
    problems, warnings = [], []
    P = lambda msg: problems.append(msg)
    W = lambda msg: warnings.append(msg)
    with open(os.path.join(story_dir, "truth.json"), encoding="utf-8") as fh:
        truth = json.load(fh)
    for k in ("story", "articles", "events", "sentences"):
        if k not in truth:
            P(f"truth.json lacks {k!r}")
    arts = truth.get("articles", {})
    outlets = sorted({a.get("outlet") for a in arts.values() if a.get("outlet")}, key=len, reverse=True)
    recs = load_articles(story_dir, outlets)

    # articles
    for key in recs:
        if key not in arts:
            P(f"article record {key} missing from truth.json 'articles'")
        if recs[key]["meta"].get("unknown"):
            P(f"{key}: unsupported file type")
    for key, a in arts.items():
        if key not in recs:
            P(f"truth article {key} has no file/record")
            continue
        pub = a.get("published")
        meta = recs[key]["meta"]
        if pub is not None:
            try:
                lo, hi = parse_partial(pub)
                if lo != hi:
                    P(f"{key}: published must be a full date or null, got {pub}")
            except ValueError as e:
                P(f"{key}: {e}")
        for src in ("header", "html", "jsonl", "wire"):
            if meta.get(src) and meta[src] != pub:
                P(f"{key}: published {pub} disagrees with {src} date {meta[src]}")
        if meta.get("clock") and pub == meta["clock"]:
            P(f"{key}: published equals the crawl clock {meta['clock']}")
        if key.endswith(".html") and meta.get("site") and a.get("outlet") != meta["site"]:
            P(f"{key}: outlet {a.get('outlet')} != og:site_name {meta['site']}")
        if ".jsonl#" in key:
            need = {"title", "maintext", "date_publish", "source_domain", "url"}
            if not need <= meta["fields"]:
                P(f"{key}: jsonl record lacks {sorted(need - meta['fields'])}")
        out = a.get("outlet")
        if out:
            norm = lambda s: re.sub(r"[^a-z0-9]", "", s.lower())
            hay = norm(recs[key]["raw"]) + norm(meta.get("domain") or "")
            if norm(out) not in hay and norm(out).removeprefix("the") not in hay:
                P(f"{key}: outlet {out!r} is not named in the text or metadata")
        n = recs[key]["words"]
        if not 80 <= n <= 350:
            P(f"{key}: story text has {n} words (want 80-350)")

    # events
    events = {}
    for ev in truth.get("events", []):
        eid = ev.get("id")
        if eid in events:
            P(f"duplicate event id {eid}")
        events[eid] = ev
        try:
            parse_partial(ev.get("date"))
        except ValueError as e:
            P(f"event {eid}: {e}")
        if not isinstance(ev.get("key"), bool):
            P(f"event {eid}: key must be true/false")
        if not ev.get("what"):
            P(f"event {eid}: empty 'what'")
    used = set()

    # sentences
    hits = {key: [0] * len(r["sents"]) for key, r in recs.items()}
    for i, lab in enumerate(truth.get("sentences", [])):
        key = lab.get("article")
        tag = f"sentence #{i} ({key} {lab.get('match')})"
        if key not in recs:
            P(f"{tag}: unknown article")
            continue
        match = lab.get("match") or []
        if not (1 <= len(match) <= 4) or not all(isinstance(m, str) and m for m in match):
            P(f"{tag}: match must be 1-4 non-empty strings")
            continue
        low = [m.lower() for m in match]
        found = [j for j, s in enumerate(recs[key]["sents"]) if all(m in s.lower() for m in low)]
        if len(found) != 1:
            P(f"{tag}: matches {len(found)} story sentences"
              + ("".join(f"\n      - {recs[key]['sents'][j]}" for j in found)))
        else:
            hits[key][found[0]] += 1
        nz = [s for s in recs[key]["noise_sents"] if all(m in s.lower() for m in low)]
        if nz:
            W(f"{tag}: also matches noise: {nz[0][:90]}")
        kind = lab.get("kind")
        if kind not in KINDS:
            P(f"{tag}: bad kind {kind!r}")
        d, eid = lab.get("date"), lab.get("event")
        if d == "none":
            if eid is not None:
                P(f"{tag}: date none but event {eid}")
            continue
        try:
            lo, hi = parse_partial(d)
        except ValueError as e:
            P(f"{tag}: {e}")
            continue
        if eid not in events:
            P(f"{tag}: unknown event {eid!r}")
            continue
        used.add(eid)
        if not compatible(d, events[eid]["date"]):
            P(f"{tag}: date {d} incompatible with event {eid} date {events[eid]['date']}")
        pub = arts.get(key, {}).get("published")
        if pub:
            p = parse_partial(pub)[0]
            if kind == "happened" and lo > p:
                P(f"{tag}: 'happened' on {d}, after publication {pub}")
            if kind == "scheduled" and hi < p:
                P(f"{tag}: 'scheduled' for {d}, before publication {pub}")
    for eid in events:
        if eid not in used:
            P(f"event {eid} is cited by no sentence")
    for key, hs in hits.items():
        for j, h in enumerate(hs):
            if h == 0:
                P(f"{key}: unlabelled sentence: {recs[key]['sents'][j]}")
            elif h > 1:
                P(f"{key}: sentence labelled {h} times: {recs[key]['sents'][j]}")

    stats = dict(articles=len(recs), sentences=len(truth.get("sentences", [])),
                 story_sentences=sum(len(r["sents"]) for r in recs.values()),
                 events=len(events), key_events=sum(1 for e in events.values() if e.get("key")),
                 words=sum(r["words"] for r in recs.values()))
    if not 5 <= stats["key_events"] <= 10:
        W(f"{stats['key_events']} key events (aim for 5-10)")
    return problems, warnings, stats


def dump(story_dir):
    """Print the story sentences and noise lines the checker extracts (for eyeballing)."""
    with open(os.path.join(story_dir, "truth.json"), encoding="utf-8") as fh:
        arts = json.load(fh).get("articles", {})
    outlets = sorted({a.get("outlet") for a in arts.values() if a.get("outlet")}, key=len, reverse=True)
    for key, r in load_articles(story_dir, outlets).items():
        print(f"## {key}  ({r['words']} words) meta={ {k: v for k, v in r['meta'].items() if k != 'fields'} }")
        for s in r["sents"]:
            print("   S |", s)
        for s in r["noise"]:
            print("   n |", s[:110])


def main(argv):
    if argv[:1] == ["--dump"]:
        for name in argv[1:]:
            dump(name if os.path.isabs(name) else os.path.join(HERE, name))
        return 0
    names = argv or sorted(d for d in os.listdir(HERE)
                           if os.path.isfile(os.path.join(HERE, d, "truth.json")))
    total_p = 0
    tot = {}
    for name in names:
        sdir = name if os.path.isabs(name) else os.path.join(HERE, name)
        problems, warnings, stats = check_story(sdir)
        total_p += len(problems)
        for k, v in stats.items():
            tot[k] = tot.get(k, 0) + v
        print(f"== {os.path.basename(sdir)}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
        for p in problems:
            print("  PROBLEM", p)
        for w in warnings:
            print("  warning", w)
    print("== total: " + ", ".join(f"{k}={v}" for k, v in tot.items()))
    print("OK: no problem found" if total_p == 0 else f"{total_p} problem(s) found")
    return 0 if total_p == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
