"""The viewer against hostile text and against fields other branches add to the contract.

A payload corpus goes into every place article-derived text reaches the page (article text and
the paragraphs cut from it, titles, outlets, credits, URLs, headlines, sentences, entity names
and their per-outlet names, disagreements, skipped inputs, the changes panel). After the script
has run and every entry and panel is open, no payload may exist as an element or an attribute,
and no payload may have run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from browserkit import Served, screenshot

from storyline.model import (
    Article,
    Claim,
    DateInterval,
    Disagreement,
    Entity,
    EntityMention,
    EntrySentence,
    Provenance,
    Skip,
    Story,
    Timeline,
    TimelineEntry,
)
from storyline.render.html import DATA_ELEMENT_ID, render_html
from storyline.render.viewer_data import embed_json

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "javascript:window.__xss=3",
    "</script><script>window.__xss=4</script>",
    "<!-- <script>window.__xss=5</script> -->",
    "\"'><svg onload=window.__xss=6>",
    "\u202egnp.exe \u2066isolate\u2069",
    "nul\x00byte",
    '<a href="javascript:window.__xss=7">click</a>',
    "<iframe srcdoc='<script>parent.__xss=8</script>'></iframe>",
    "&lt;b&gt; &amp; &#60;script&#62;",
    "\u2028line\u2029separators",
]
URLS = [
    "javascript:window.__xss=9",
    "JaVaScRiPt:window.__xss=10",
    "data:text/html,<script>window.__xss=11</script>",
    'https://evil.example/"><script>window.__xss=12</script>',
    "https://ok.example/\u202egnp.exe",
]
ALL = " ".join(PAYLOADS)


def hostile_timeline() -> Timeline:
    articles = []
    entries = []
    for i, payload in enumerate(PAYLOADS):
        sentence = f"Officials met on day {i} and said {payload} in public."
        text = f"{payload} opening words.\n\nBefore {payload}. {sentence} After {payload}."
        start = text.index(sentence)
        articles.append(
            Article(
                id=f"a{i}",
                path=f"corpus/{payload}.txt",
                raw_text=text,
                text=text,
                source=payload,
                url=URLS[i % len(URLS)] if i % 3 else f"https://ok.example/{i}",
                title=payload,
                published=DateInterval.day(dt.date(2019, 1, 1 + i)),
                published_how="header",
                published_confidence=0.9,
                credits=(payload,),
                mentions=(EntityMention(start, start + 9, "Officials", "ORG", "ent-0"),),
            )
        )
        cite = EntrySentence(sentence, f"a{i}", start, start + len(sentence))
        entries.append(
            TimelineEntry(
                id=f"e{i}",
                date=DateInterval.day(dt.date(2019, 1, 1 + i)),
                headline=payload,
                sentences=(cite,),
                sources=1,
                independent_sources=1,
                score=0.5,
                single_source=True,
                citations=(cite,),
            )
        )
    entities = tuple(
        Entity(
            id=f"ent-{i}",
            name=payload,
            type="ORG",
            aliases=(payload, "alias " + payload),
            mentions=3,
            alias_counts_by_source={payload: {payload: 2, "other " + payload: 1}},
            merges=(payload,),
        )
        for i, payload in enumerate(PAYLOADS)
    )
    disagreements = tuple(
        Disagreement(
            kind=payload,
            about=payload,
            claims=(
                Claim(value=payload, text=payload, article="a0", source=payload),
                Claim(value="other " + payload, text=payload, article="a1", source=None),
            ),
        )
        for payload in PAYLOADS[:4]
    )
    return Timeline(
        story=Story(
            title=ALL,
            summary=ALL,
            query=PAYLOADS[0],
            summary_sentences=(entries[0].sentences[0],),
        ),
        articles=tuple(articles),
        skipped=tuple(Skip(path=p, reason="empty", detail=p) for p in PAYLOADS),
        entries=tuple(entries),
        entities=entities,
        disagreements=disagreements,
        provenance=Provenance(
            tool_version="0.1.0",
            config={"q": ALL},
            input_fingerprint=ALL,
            counts={"used": len(articles)},
        ),
    )


def patch_data(page: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The page with its embedded data changed (the script, and so the CSP, stay as they are)."""
    open_tag = f'<script type="application/json" id="{DATA_ELEMENT_ID}">'
    start = page.index(open_tag) + len(open_tag)
    end = page.index("</script>", start)
    doc = json.loads(page[start:end])
    change(doc)
    return page[:start] + embed_json(doc) + page[end:]


def _load(served: Callable[..., Served], page_html: str, **opts: Any) -> Served:
    s = served(**opts)
    s.serve("/timeline.html", page_html)
    s.open("/timeline.html")
    s.wait_ready()
    return s


CHECK_DOM = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    const banned = ["img", "iframe", "object", "embed", "base", "link", "frame", "video", "audio"];
    if (banned.includes(tag)) {
      bad.push("element " + tag);
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      // the only style attribute: the strip's year buttons, placed by the script (CSSOM)
      const placed = el.matches("button.year") && /^left: [0-9.]+%;$/.test(value);
      const styled = name === "style" && !placed;
      if (name.startsWith("on") || name === "srcdoc" || name === "src" || styled) {
        bad.push(tag + "[" + name + "]");
      }
      if (/javascript:|data:/i.test(value) && (name === "href" || name === "action")) {
        bad.push(tag + "[" + name + "=" + value + "]");
      }
      if (name === "href" && !/^(#|https?:\\/\\/)/.test(value)) {
        bad.push(tag + "[href=" + value + "]");
      }
    }
  }
  return {
    bad,
    scripts: document.scripts.length,
    svgs: document.querySelectorAll("svg").length,
    xss: window.__xss === undefined ? null : window.__xss,
  };
}"""


def test_payloads_stay_text(served: Callable[..., Served]) -> None:
    page_html = render_html(hostile_timeline(), {"new": ["e0"], "retired": [{"headline": ALL}]})
    s = _load(served, page_html)
    page = s.page
    for toggle in page.locator("button.toggle").all():
        toggle.click()
    assert page.locator("#entities tbody tr").count() == len(PAYLOADS)  # all shown (<= 15)
    page.fill("#f-q", "<script>")  # highlighting walks the payloads too
    page.fill("#entity-find", "script")
    result = page.evaluate(CHECK_DOM)
    assert result == {"bad": [], "scripts": 2, "svgs": 1, "xss": None}
    text = page.locator("body").inner_text()
    assert "<script>window.__xss=1</script>" in text  # shown, as text
    assert page.locator("mark.hit").count() > 0
    # the links that remain point at http(s) addresses that passed the check
    hrefs = page.eval_on_selector_all("a[href^='http']", "as => as.map(a => a.href)")
    assert hrefs and all(h.startswith("https://ok.example/") for h in hrefs)
    screenshot(page, "hostile-desktop")
    s.clean()


def test_fields_from_other_branches(served: Callable[..., Served]) -> None:
    timeline = hostile_timeline()
    ids = [e.id for e in timeline.entries]

    def add_fields(doc: dict[str, Any]) -> None:
        for i, entry in enumerate(doc["entries"]):
            entry["event"] = {
                "kind": "statement" if i % 2 else "happened",
                "participants": ["ent-3"] if i == 5 else [],
                "anchor": None,
            }
        for i, article in enumerate(doc["articles"]):
            article["source_how"] = "byline"
            if i == 1:
                article["published_how"] = "cross-reference"
        for s in doc["viewer"]["sources"]:
            s["source_how"] = "byline"
            if s["article"] == "a1":
                s["published_how"] = "cross-reference"
        doc["changes"] = {
            "new": [ids[0]],
            "updated": [{"id": ids[1]}],
            "retired": [{"headline": "Gone", "date": "2018-01-01"}],
        }

    s = _load(served, patch_data(render_html(timeline), add_fields))
    page = s.page
    page.select_option("#f-kind", "statement")
    visible = page.eval_on_selector_all("li.entry:not([hidden])", "els => els.map(e => e.id)")
    assert visible == [f"entry-{x}" for x in ids[1::2]]
    page.select_option("#f-kind", "")
    # event participants count as entities of the entry
    page.select_option("#f-entity", "ent-3")
    assert "entry-e5" in page.eval_on_selector_all(
        "li.entry:not([hidden])", "els => els.map(e => e.id)"
    )
    page.click("button.reset")
    page.locator("[id='entry-e1'] button.toggle").click()
    assert (
        "date inferred from other articles" in page.locator("[id='entry-e1'] .cites").inner_text()
    )
    assert (
        page.locator("[id='entry-e1'] .outlet").first.get_attribute("title")
        == "outlet from: byline"
    )
    changes = page.locator("#changes")
    assert changes.is_visible()
    assert "1 new, 1 updated, 1 retired since the last build." in changes.inner_text()
    assert "2018-01-01: Gone" in changes.inner_text()
    changes.locator("button").first.click()
    assert page.evaluate("document.activeElement.id") == "entry-e0"
    assert page.locator("nav.sections a[href='#changes']").count() == 1
    s.clean()


def test_no_changes_panel_without_changes(served: Callable[..., Served]) -> None:
    s = _load(served, render_html(hostile_timeline()))
    assert s.page.locator("#changes").count() == 0
    assert s.page.locator("#f-kind").count() == 0  # no kinds of event in the data
    s.clean()


def test_minimal_and_empty_data(served: Callable[..., Served]) -> None:
    """A contract without the optional parts (no viewer section, no entities...) still shows
    the entries; an empty timeline says so."""

    def strip(doc: dict[str, Any]) -> None:
        del doc["viewer"]
        doc["entities"] = []
        doc["disagreements"] = []

    s = _load(served, patch_data(render_html(hostile_timeline()), strip))
    assert s.page.locator("li.entry").count() == len(PAYLOADS)
    s.page.locator("li.entry button.toggle").first.click()
    s.clean()
    empty = Timeline(
        story=Story(title="", summary="", query=None),
        articles=(),
        skipped=(),
        entries=(),
        entities=(),
        disagreements=(),
        provenance=Provenance(tool_version="0.1.0", config={}, input_fingerprint="", counts={}),
    )
    e = _load(served, render_html(empty))
    assert "No dated events were found." in e.page.locator("#timeline").inner_text()
    e.clean()
