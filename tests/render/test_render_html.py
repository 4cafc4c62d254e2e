"""timeline.html: self-contained, escaped, nothing executable, links only to http(s)."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from storyline.model import Timeline
from storyline.render import render
from storyline.render.html import csp, esc, link

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
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        self.data.append(data)


def _parse(page: str) -> _Collector:
    c = _Collector()
    c.feed(page)
    c.close()
    return c


def test_nothing_executable_or_external(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    names = {t for t, _ in parsed.tags}
    assert names.isdisjoint({"script", "img", "iframe", "object", "embed", "link", "base", "form"})
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
    # a URL with characters no URL may hold is not turned into a link
    assert "https://evil.example/" not in page


def test_csp_allows_exactly_the_inline_stylesheet(rich: Timeline) -> None:
    page = render(rich, "html")
    parsed = _parse(page)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert len(metas) == 1
    policy = metas[0]["content"] or ""
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(parsed.style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert policy == csp()
    assert page.index("Content-Security-Policy") < page.index("<title>")


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
        assert f'<section id="{section}">' in page
    assert '<time datetime="2019-W02">week of 7 January 2019</time>' in page
    assert '<time datetime="2019-01-14">14 January 2019</time>' in page
    assert "Single source" in page
    assert "3 reports from 2 independent sources" in page
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")


def test_empty_timeline(empty: Timeline) -> None:
    page = render(empty, "html")
    assert "No dated events were found." in page
    _parse(page)
