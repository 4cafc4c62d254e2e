"""timeline.html: self-contained, escaped, only its own script and stylesheet (by CSP hash),
links only to http(s), the data block unable to close itself."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from storyline.model import Timeline
from storyline.render import render
from storyline.render.html import DATA_ELEMENT_ID, csp, esc, link
from storyline.render.viewer import script, stylesheet
from storyline.render.viewer_data import viewer_document

HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https://ok.example/\u202egnp.exe",
    "http:///no-host",
    'https://ok.example/"><script>alert(1)</script>',
    "https://ok.example/a b",
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self.style = ""
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("style", "script") else None
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.style += data
        elif self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
            return
        self.data.append(data)


def _parse(page: str) -> _Collector:
    c = _Collector()
    c.feed(page)
    c.close()
    return c


def _markup(page: str) -> str:
    """The page without the contents of its two script elements."""
    return re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.DOTALL)


def test_only_the_viewer_script_and_the_data_block(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    assert [attrs for attrs, _ in parsed.scripts] == [
        {"type": "application/json", "id": DATA_ELEMENT_ID},
        {},
    ]
    assert parsed.scripts[1][1] == script()
    assert page.count("<script") == 2 and page.count("</script>") == 2


def test_nothing_executable_or_external(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    names = {t for t, _ in parsed.tags}
    assert names.isdisjoint({"img", "iframe", "object", "embed", "link", "base", "form"})
    for tag, attrs in parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in {"src", "srcset", "style", "formaction"}, (tag, name)
            if name == "href":
                assert value is not None
                assert value.startswith("#") or re.match(r"https?://", value), value
        if tag == "a" and (attrs.get("href") or "").startswith("http"):
            assert attrs.get("rel") == "noopener noreferrer"
    assert "javascript:alert('wire')" not in [a.get("href") for _, a in parsed.tags]


def test_hostile_text_shows_as_text(rich: Timeline) -> None:
    page = render(rich, "html")
    assert "<script>alert(1)</script>" not in page
    assert '"><img' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x" in page
    text = "".join(_parse(page).data)
    assert "<script>alert(1)</script>" in text  # the reader sees the original characters
    # a URL with characters no URL may hold is not turned into a link (the data block keeps
    # it as data, escaped, for the viewer, which checks URLs again)
    assert "https://evil.example/" not in _markup(page)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_csp_allows_exactly_the_inline_script_and_stylesheet(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1
    policy = metas[0]["content"] or ""
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'sha256-{_sha256(parsed.scripts[1][1])}'"
    assert directives["style-src"] == f"'sha256-{_sha256(parsed.style)}'"
    assert parsed.style == stylesheet()
    assert "unsafe" not in policy
    assert directives["require-trusted-types-for"] == "'script'"
    assert directives["base-uri"] == directives["form-action"] == "'none'"
    assert policy == csp()
    assert page.index("Content-Security-Policy") < page.index("<title>")
    assert not [a for _, a in parsed.tags if "style" in a]  # no style attribute anywhere


def _data(page: str) -> str:
    return _parse(page).scripts[0][1]


def test_data_block_round_trips(rich: Timeline) -> None:
    block = _data(render(rich, "html"))
    expected = json.loads(json.dumps(viewer_document(rich)))
    assert json.loads(block) == expected


@pytest.mark.parametrize(
    "payload",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!-- <script>",
        "a\u2028b\u2029c",
        "&lt; & <b>",
        "\x00nul",
    ],
)
def test_data_block_cannot_close_itself(rich: Timeline, payload: str) -> None:
    articles = tuple(replace(a, title=payload, source=payload) for a in rich.articles)
    page = render(replace(rich, articles=articles), "html")
    block = _data(page)
    for ch in "<>&\u2028\u2029\x00":
        assert ch not in block
    assert json.loads(block)["articles"][0]["title"] == payload
    assert page.count("</script>") == 2


def test_citations_link_to_sources_list(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    ids = {a["id"] for _, a in parsed.tags if a.get("id")}
    targets = {
        (a.get("href") or "")[1:]
        for t, a in parsed.tags
        if t == "a" and (a.get("href") or "")[:1] == "#"
    }
    assert {"src-1", "src-2", "src-3", "src-4", "src-5"} <= targets
    assert targets <= ids
    assert '<a href="https://harbour.example/news/islands-talks" rel="noopener noreferrer">' in page
    assert 'href="http://coastal.example/a?x=1&amp;y=2"' in page


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_links(url: str) -> None:
    assert link(url, "t") == "t"


def test_link_escapes_attribute() -> None:
    out = link("https://ok.example/?q=1&r='2'", "t")
    assert (
        out
        == '<a href="https://ok.example/?q=1&amp;r=&#x27;2&#x27;" rel="noopener noreferrer">t</a>'
    )
    assert esc("'\"<>&") == "&#x27;&quot;&lt;&gt;&amp;"


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_article_urls_never_become_links(rich: Timeline, url: str) -> None:
    articles = tuple(replace(a, url=url) for a in rich.articles)
    page = render(replace(rich, articles=articles), "html")
    hrefs = [a.get("href") for t, a in _parse(page).tags if t == "a"]
    assert all((h or "").startswith("#") for h in hrefs)


def test_sections_and_structure(rich: Timeline) -> None:
    page = render(rich, "html")
    for section in ("timeline", "disagreements", "entities", "sources", "skipped", "provenance"):
        assert f'<section id="{section}" aria-labelledby="{section}-title">' in page
    assert '<time datetime="2019-W02">week of 7 January 2019</time>' in page
    assert '<time datetime="2019-01-14">14 January 2019</time>' in page
    assert "Single source" in page
    assert "3 reports from 2 independent sources" in page
    assert '<span class="score" title="ranking score: higher is more important">score 0.90' in page
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")


def test_empty_timeline(empty: Timeline) -> None:
    page = render(empty, "html")
    assert "No dated events were found." in page
    _parse(page)


def test_sources_numbered_in_reading_order_by_outlet(rich: Timeline) -> None:
    page = render(rich, "html")
    # the summary cites the wire copy first, then the Harbour Gazette
    assert '<li id="src-1" value="1"><strong>Northern Wire</strong>' in page
    assert '<li id="src-2" value="2"><strong>Harbour Gazette (via AFP)</strong>' in page
    assert "a-harbour" not in _markup(page)  # no internal ids where a reader looks
