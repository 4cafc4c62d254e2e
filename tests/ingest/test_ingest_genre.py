"""An opinion piece or an analysis is known by its page: its declared section, the label
opening its headline, its URL's path."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.clean import clean_article
from storyline.ingest.genre import genre_of
from storyline.ingest.htmlfile import read_html
from storyline.ingest.textfile import read_text
from storyline.model import Article


@pytest.mark.parametrize(
    ("title", "url", "sections", "genre"),
    [
        ("Opinion: The ferries are still a gamble", None, (), "opinion"),
        ("COLUMN-Why the markets shrugged", None, (), "opinion"),
        ("Comment | A harbour in tents", None, (), "opinion"),
        ("ANALYSIS-Talks stall as elections near", None, (), "analysis"),
        ("Explainer: what the ruling means", None, (), "analysis"),
        (
            "Harbour reopens",
            "https://news.example/commentisfree/2024/may/02/harbour",
            (),
            "opinion",
        ),
        ("Harbour reopens", "https://news.example/world/analysis/harbour-reopens", (), "analysis"),
        ("Harbour reopens", None, ("Opinion",), "opinion"),
        # news reports, and words that only look like labels
        ("Harbour reopens after storm", "https://news.example/world/2024/harbour", (), None),
        ("Views of the harbour draw crowds", None, ("World",), None),
        ("Analysis shows storm cost 2 billion", None, (), None),
        ("Harbour reopens", "https://news.example/world/opinion-poll-shows-support", (), None),
    ],
)
def test_the_genre_a_page_declares(
    title: str, url: str | None, sections: tuple[str, ...], genre: str | None
) -> None:
    assert genre_of(title, url, sections) == genre


@given(st.text(max_size=80), st.one_of(st.none(), st.text(max_size=80)), st.lists(st.text()))
def test_any_title_url_or_section_gives_a_genre_or_none(
    title: str, url: str | None, sections: list[str]
) -> None:
    assert genre_of(title, url, sections) in (None, "opinion", "analysis")


BODY = (
    "<p>The harbour of Velm did not have to close for a whole winter, whatever the port "
    "board says now about the storm and the insurers.</p><p>Every board since 2015 knew the "
    "sea wall was too low, and every board chose to spend the money on new cranes.</p>"
)


def _page(section: str) -> str:
    return (
        "<html><head><title>The harbour did not have to close | Velm Herald</title>"
        '<meta property="og:site_name" content="Velm Herald">'
        f'<meta property="article:section" content="{section}">'
        '<meta property="article:published_time" content="2024-02-02T08:00:00+00:00">'
        f"</head><body><article>{BODY}</article></body></html>"
    )


def test_an_html_page_s_section_sets_its_genre() -> None:
    opinion = read_html("column.html", _page("Opinion"))
    news = read_html("report.html", _page("Business"))
    assert isinstance(opinion, Article) and opinion.genre == "opinion"
    assert isinstance(news, Article) and news.genre is None


def test_a_text_file_s_labelled_headline_sets_its_genre() -> None:
    text = (
        " date 2024-02-02 Analysis: Why the harbour stayed shut\n\n"
        "The harbour of Velm stayed shut all winter because the sea wall was too low and "
        "the port board had spent its money on cranes instead of concrete and stone.\n"
    )
    article = read_text("a.txt", text.encode())
    assert isinstance(article, Article)
    cleaned = clean_article(article, min_chars=50)
    assert isinstance(cleaned, Article) and cleaned.genre == "analysis"
