"""Untrusted text in every output: a payload corpus placed in article text, titles, outlets,
URLs, paths, entity names, disagreements and skip details; every renderer's output is then
read as its viewer reads it (HTML parsed, Markdown rendered by markdown-it-py with raw HTML
on - the worst viewer -, TimelineJS `text` parsed as HTML, CSV read as a spreadsheet does)
and must hold no live payload: no script, no event handler, no link but http(s), no NUL or
other control, no bidi override, no formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser

import pytest

from storyline.model import (
    Article,
    Claim,
    DateInterval,
    Disagreement,
    Entity,
    EntrySentence,
    Provenance,
    Skip,
    Story,
    Timeline,
    TimelineEntry,
)
from storyline.render import render

markdown_it = pytest.importorskip("markdown_it")

PAYLOADS = [
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "<img src=x onerror=alert(3)>",
    "<svg onload=alert(4)>",
    '"><img src=x onerror=alert(5)>',
    "' onmouseover='alert(6)",
    '" onfocus="alert(7)" autofocus="',
    "javascript:alert(8)",
    "[click](javascript:alert(9))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "<a href='javascript:alert(10)'>x</a>",
    "<!-- unclosed comment",
    "--><script>alert(11)</script>",
    "<![CDATA[<script>alert(12)</script>]]>",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "<meta http-equiv=refresh content='0;url=//evil.example'>",
    "<base href=//evil.example/>",
    "<form action=//evil.example><input></form>",
    "![img](https://evil.example/track.png)",
    "<https://evil.example/autolink>",
    "`code` **bold** _em_ # heading",
    "| table | cell |",
    "\u202eevil\u202d reversed",
    "\u2066isolate never closed",
    "\u202aembedding",
    "nul\x00byte",
    "esc\x1b[31mred",
    "bell\x07 and backspace\x08",
    '=HYPERLINK("https://evil.example")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "&lt;script&gt; double-escaped",
]

BAD_CHARS = ["\x00", "\x1b", "\x07", "\x08", "\u202e", "\u202d", "\u2066", "\u202a"]
LIVE_TAGS = {"script", "img", "svg", "iframe", "style", "meta", "base", "form", "input", "object"}


def _timeline(p: str) -> Timeline:
    day = DateInterval.day(dt.date(2019, 2, 12))
    articles = (
        Article(
            id="a1",
            path=f"in/{p}.txt",
            raw_text=p,
            text=f"{p} The council voted.",
            source=f"Outlet {p}",
            url=f"https://news.example/{p}",
            title=f"Title {p}",
            published=day,
            published_how="field",
        ),
        Article(
            id="a2",
            path="in/b.txt",
            raw_text=p,
            text=p,
            source=p,
            url=p,  # a URL that is the payload itself (javascript:..., data:...)
            title=p,
            published=day,
            published_how="field",
        ),
    )
    sentence = EntrySentence(f"{p} The council voted.", "a1", 0, 10, f"Outlet {p}", "2019-02-12")
    other = EntrySentence(p, "a2", 0, len(p), p, "2019-02-12")
    entry = TimelineEntry(
        id="e1",
        date=day,
        headline=p,
        sentences=(sentence, other),
        sources=2,
        independent_sources=2,
        citations=(sentence, other),
    )
    entity = Entity("ent1", p, "PERSON", (p, f"alias {p}"), 2, {p: {p: 2}})
    claims = (Claim(p, f"{p} said 5", "a1", p), Claim("7", f"{p} said 7", "a2", None))
    return Timeline(
        story=Story(title=p, summary=p, query=p, summary_sentences=(sentence,)),
        articles=articles,
        skipped=(Skip(f"in/{p}", "malformed", p),),
        entries=(entry,),
        entities=(entity,),
        disagreements=(Disagreement("number", p, claims),),
        provenance=Provenance("0.2.0", {"query": p}, "fp", {"used": 2}),
    )


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text between tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _live(html: str, *, page_tags: frozenset[str] = frozenset()) -> list[str]:
    """What in `html` could run or load: payload tags, event handlers, bad links."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    problems = []
    for tag, attrs in parser.tags:
        if tag in LIVE_TAGS and tag not in page_tags:
            problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and value is not None:
                v = value.strip().lower()
                if not (v.startswith(("https://", "http://", "#"))):
                    problems.append(f"<{tag} {name}={value!r}>")
    if parser.comments:
        problems.append(f"comments: {parser.comments}")
    problems += [f"raw {c!r}" for c in BAD_CHARS if c in html]
    return problems


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_page_holds_no_live_payload(payload: str) -> None:
    page = render(_timeline(payload), "html")
    # the page's own scripts: the data block (JSON, `<` escaped) and the viewer, allowed by
    # the hash in the security policy; a payload can neither close nor add one
    own = re.findall(r"<script\b[^>]*>.*?</script>", page, flags=re.S | re.I)
    assert len(own) == 2 and page.lower().count("<script") == 2
    data = next(s for s in own if 'type="application/json"' in s)
    assert "<" not in data[data.index(">") + 1 : data.rindex("</script>")]
    page = page.replace(own[0], "").replace(own[1], "")
    # the page's own head: one meta charset, CSP, referrer, viewport, generator and a style
    head, body = page.split("</head>", 1)
    assert _live(body) == []
    assert _live(head, page_tags=frozenset({"meta", "style"})) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_as_a_viewer_renders_it(payload: str) -> None:
    text = render(_timeline(payload), "md")
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    html = md.render(text)
    assert _live(html) == [], html
    assert not [c for c in BAD_CHARS if c in text]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_timelinejs_text_is_inert_html(payload: str) -> None:
    doc = json.loads(render(_timeline(payload), "timelinejs"))
    fragments = [doc["title"]["text"]["headline"], doc["title"]["text"]["text"]]
    for event in doc["events"]:
        fragments += [event["text"]["headline"], event["text"]["text"], event["display_date"]]
    for fragment in fragments:
        assert _live(fragment) == [], fragment


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_never_start_a_formula(payload: str) -> None:
    rows = list(csv.reader(io.StringIO(render(_timeline(payload), "csv"))))
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
            assert not [c for c in BAD_CHARS if c in value]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_is_valid_and_keeps_the_data(payload: str) -> None:
    doc = json.loads(render(_timeline(payload), "json"))
    assert doc["entries"]
