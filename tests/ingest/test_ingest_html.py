"""HTML pages through trafilatura + htmldate."""

from __future__ import annotations

from pathlib import Path

from storyline.clean import clean_article
from storyline.ingest import read_articles
from storyline.ingest.htmlfile import read_html
from storyline.model import Article, Skip

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "html"


def test_article_page_main_text_and_metadata() -> None:
    (a,) = list(read_articles([FIXTURES / "article.html"]))
    assert isinstance(a, Article)
    assert a.title == "Arctic island split in two"
    assert a.source == "North Wire"
    assert a.url == "https://www.northwire.example/world/2022/06/14/arctic-island-split"
    # The first publication, not the later modification.
    assert (a.given_date, a.given_date_how) == ("2022-06-14", "meta")
    assert "divides Hans Island" in a.raw_text
    for noise in ("About time", "Privacy", "Home", "All rights reserved"):
        assert noise not in a.raw_text
    cleaned = clean_article(a, min_chars=100)
    assert isinstance(cleaned, Article)
    assert cleaned.text.startswith("Denmark and Canada signed")
    assert cleaned.title == a.title


def test_page_without_main_text_is_not_an_article() -> None:
    (s,) = list(read_articles([FIXTURES / "index.htm"]))
    assert isinstance(s, Skip)
    assert s.reason == "not-article"


def test_broken_and_binary_html_are_skips() -> None:
    assert isinstance(read_html("x.html", b"\x00\x01\x02\x03" * 50), Skip)
    assert read_html("x.html", b"   ").reason == "empty"  # type: ignore[union-attr]
    result = read_html("x.html", b"<html><body><p>unclosed <b>tags")
    assert isinstance(result, Skip)


def test_date_from_url_when_the_page_has_none() -> None:
    page = (
        "<html><body><article><p>Officials in Copenhagen said the agreement on the island "
        "would go to parliament after the summer, and a vote is expected in the autumn.</p>"
        "<p>Greenland's assembly will hold its own debate before then.</p>"
        "</article></body></html>"
    )
    a = read_html("x.html", page, url="https://polar.example/2022/06/16/vote")
    assert isinstance(a, Article)
    assert a.source == "polar.example"
    assert a.given_date == "2022-06-16"
