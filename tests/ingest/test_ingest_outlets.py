"""What HTML pages and JSON records say about their outlet (pages written for these tests)."""

from __future__ import annotations

import json

from storyline.ingest.htmlfile import read_html
from storyline.ingest.jsonrecords import record_to_article
from storyline.model import Article

BODY = (
    "<p>The harbour authority said on Tuesday that the new ferry terminal would open in the "
    "spring, after two years of delays caused by storms and a shortage of steel.</p>"
    "<p>Officials said the terminal would handle twice as many passengers as the old one, "
    "and that fares would not rise before the end of next year.</p>"
    "<p>The opposition called the delay an embarrassment and asked for an inquiry.</p>"
)


def page(head: str = "", footer: str = "", title: str = "Terminal opening delayed") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><article><h1>Terminal opening delayed</h1>{BODY}</article>"
        f"<footer>{footer}</footer></body></html>"
    )


def read(html: str, url: str | None = None) -> Article:
    a = read_html("p.html", html, url=url)
    assert isinstance(a, Article), a
    return a


def test_site_name_meta() -> None:
    a = read(page('<meta property="og:site_name" content="Fjord Post">'))
    assert (a.source, a.source_how) == ("Fjord Post", "meta")
    assert a.source_confidence >= 0.95


def test_jsonld_publisher() -> None:
    ld = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Fjord Post"}}
    a = read(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert (a.source, a.source_how) == ("Fjord Post", "meta")


def test_meta_publisher_and_title_suffix_agree() -> None:
    a = read(
        page(
            '<meta name="publisher" content="Fjord Post">',
            title="Terminal opening delayed again | Fjord Post",
        )
    )
    alone = read(page('<meta name="publisher" content="Fjord Post">'))
    assert (a.source, a.source_how) == ("Fjord Post", "meta")
    assert a.source_confidence > alone.source_confidence


def test_footer_copyright_when_no_metadata() -> None:
    a = read(page(footer="<p>&copy; 2022 The Fjord Post &middot; All rights reserved</p>"))
    assert (a.source, a.source_how) == ("The Fjord Post", "footer")


def test_canonical_url_is_a_host_to_be_named() -> None:
    a = read(page('<link rel="canonical" href="https://www.fjordpost.example/a/1">'))
    assert (a.source, a.source_how) == ("fjordpost.example", "url")


def test_footer_links_name_nothing() -> None:
    a = read(page(footer="<p>Contact the newsroom &middot; Advertise &middot; Privacy</p>"))
    assert a.source is None and a.source_how == "none"


def rec(**fields: object) -> Article:
    a = record_to_article("r.jsonl#L1", {"maintext": BODY, **fields}, "line 1")
    assert isinstance(a, Article), a
    return a


def test_json_name_fields() -> None:
    assert (rec(source="Fjord Post").source, rec(source="Fjord Post").source_how) == (
        "Fjord Post",
        "field",
    )
    a = rec(publisher="EuroDesk 9", url="https://eurodesk9.example/x")
    assert (a.source, a.source_how) == ("EuroDesk 9", "field")


def test_json_host_field_named_by_an_author() -> None:
    a = rec(source_domain="www.fjordpost.example", authors=["Fjord Post", "AFP"])
    assert (a.source, a.source_how) == ("Fjord Post", "field")
    assert a.credits == ("AFP",)
    b = rec(source_domain="www.fjordpost.example", authors=["Jane Doe"])
    assert (b.source, b.source_how) == ("fjordpost.example", "field")


def test_json_url_only() -> None:
    a = rec(url="https://www.fjordpost.example/2022/02/09/x")
    assert (a.source, a.source_how) == ("fjordpost.example", "url")
    assert rec().source is None


def test_article_id_hashes_the_container_source() -> None:
    """Ids do not move when outlet identification improves: the container's source is
    hashed, not the outlet decided from it."""
    from storyline.ingest.records import article_id

    a = rec(source_domain="www.fjordpost.example", authors=["Fjord Post"])
    assert a.id == article_id(a.raw_text, "fjordpost.example")
