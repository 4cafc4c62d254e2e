"""Must-contain / must-not-contain checks on noisy articles written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean_article
from storyline.ingest import read_articles
from storyline.model import Article

NOISY = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "noisy"

# fixture -> (story sentences that must survive, noise that must not, title, credits, removed)
CASES: dict[str, tuple[list[str], list[str], str | None, tuple[str, ...], set[str]]] = {
    "dw_style.txt": (
        [
            "Denmark and Canada have agreed to split a tiny Arctic island",
            "Foreign ministers from the two countries signed the agreement in Ottawa on Tuesday",
            "Hans Island sits in the Nares Strait",
            "The dispute dates back to 1973",
            "A 'whisky war' on the rock",  # a subheading stays
            "a ritual that became known as the whisky war.",
            "the Danish foreign minister said.",
        ],
        [
            "Read more",
            "Opinion:",
            "Sign up",
            "editors pick",
            "jb/mm",
            "(03.05.2022)",
            "Melting sea ice",
            "Greenland's government wants",
        ],
        None,
        ("AFP", "Reuters", "dpa"),
        {"byline", "newsletter", "read-more", "related"},
    ),
    "reuters_style.txt": (
        [
            "Canada and Denmark on Tuesday agreed to divide Hans Island",
            "giving Canada a land border with the European Union for the first time.",
            '"We hope other countries will follow."',
            "the two governments said in a joint statement.",
        ],
        [
            "OTTAWA (Reuters)",
            "11:05am",
            "REUTERS/",
            "press conference in Ottawa",
            "Credit:",
            "Related Topics",
            "Editing by",
            "We welcome comments",
            "Comments (2)",
            "wrote:",
            "finally some good news",
            "whisky now",
            "Report as abuse",
            "discussion is now closed",
        ],
        "Canada and Denmark settle Arctic island row, ministers say",
        ("Reuters",),
        {"byline", "caption", "comments", "dateline", "title", "widget"},
    ),
    "site_chrome.txt": (
        [
            "Denmark and Canada have reached a deal to share a disputed rock in the Arctic",
            "less than one and a half square kilometres in size",
            "“This agreement is a good example for the world,” the Danish minister said",
            "Canada’s government said the deal — signed after years of quiet talks — would",
            "keep their rights to hunt and travel across the whole island, officials said.",
        ],
        ["Example Daily", "Latest News", "Oslo (AFP)", "Arctic neighbours agree"],
        "Arctic neighbours agree to share disputed island",
        ("AFP",),
        {"dateline", "site-chrome", "title"},
    ),
    "sputnik_style.txt": (
        [
            "The two countries have been arguing about the rock for almost fifty years.",
            "Canada and Denmark signed a deal on Tuesday that splits Hans Island roughly in half",
            '"We are drawing a line under this issue", a ministry spokesperson told',
            "will be able to move freely across the island to hunt and fish.",
            "nobody has ever lived there permanently.",
        ],
        [
            "GMT",
            "Listen Live",
            "short URL",
            "(Sputnik)",
            "READ MORE",
            "Arctic Council",
            "Hans Island in the Nares Strait",
            "Photo courtesy",
            "Ice Breaker",
            "(PHOTOS)",
            "border deal",
            "Community standards",
            "Discussion",
            "\u00a0",
        ],
        None,
        ("Sputnik",),
        {"caption", "comments", "credit", "dateline", "read-more", "related", "tags", "widget"},
    ),
    "rferl_style.txt": (
        [
            "Denmark and Canada have signed a treaty dividing Hans Island",
            "The new border follows a gully across the island",
            "before it takes effect.",
            "Greenland, which is part of the Danish realm, took part in the negotiations.",
        ],
        ["Based on reporting", "date 2022"],
        None,
        ("Reuters", "TASS"),
        {"byline"},
    ),
    "wrapped.txt": (
        [
            "signed an agreement that divides the small Arctic island between the two "
            "countries, ending a disagreement that began in 1973.",
            "has no permanent inhabitants, but it had become a symbol of friendly rivalry in",
        ],
        ["signed\n", "two\ncountries"],
        "Island deal signed",
        (),
        {"title"},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_noisy_fixture(name: str) -> None:
    must, must_not, title, credits, removed = CASES[name]
    (article,) = list(read_articles([NOISY / name]))
    assert isinstance(article, Article)
    cleaned = clean_article(article, min_chars=150)
    assert isinstance(cleaned, Article), cleaned
    for sentence in must:
        assert sentence in cleaned.text, f"story text lost: {sentence!r}"
    for noise in must_not:
        assert noise not in cleaned.text, f"boilerplate kept: {noise!r}"
    assert cleaned.title == title
    assert cleaned.credits == credits
    assert set(cleaned.removed) == removed
    assert cleaned.removed == tuple(sorted(cleaned.removed))
    assert "\n\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip()
    assert cleaned.raw_text == article.raw_text and cleaned.id == article.id


def test_paragraph_breaks_are_blank_lines() -> None:
    (article,) = list(read_articles([NOISY / "dw_style.txt"]))
    assert isinstance(article, Article)
    cleaned = clean_article(article)
    assert isinstance(cleaned, Article)
    paragraphs = cleaned.text.split("\n\n")
    assert len(paragraphs) == 7
    assert all(p and "\n" not in p for p in paragraphs)


def test_too_short_after_cleaning_is_not_an_article() -> None:
    (article,) = list(read_articles([NOISY / "rferl_style.txt"]))
    assert isinstance(article, Article)
    skip = clean_article(article, min_chars=10_000)
    assert not isinstance(skip, Article)
    assert skip.reason == "not-article" and "min_chars" in skip.detail
    assert skip.path == article.path
