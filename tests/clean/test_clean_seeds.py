"""The real scraped seeds: every story paragraph survives, every kind of noise goes.

Only short fragments (names, numbers) of the seeds are quoted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean_article
from storyline.ingest import read_articles
from storyline.model import Article

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

# seed prefix -> (story paragraphs, fragments that must survive, title, credits)
EXPECTED: dict[str, tuple[int, list[str], str | None, tuple[str, ...]]] = {
    "000": (
        10,
        ["Taro Kono", "January 14", "Toyohisa Kozuki", "last met in November"],
        None,
        ("AFP", "Interfax"),
    ),
    "001": (
        11,
        ["Taro Kano", "1956 joint declaration", "Yoshihide Suga", "said Suga."],
        None,
        ("AFP", "Reuters"),
    ),
    "002": (
        8,
        ["17,000 Japanese", "in a decade.", "Recognition of the outcome"],
        "Russia's Putin accepts Japan invitation, minister says",
        ("Reuters",),
    ),
    "003": (
        14,
        ["Yury Ushakov", "Igor Sechin", "19,000 Russians."],
        "Putin to visit Japan in December: Kremlin",
        ("AFP",),
    ),
    "004": (
        13,
        ["Argumenty i Fakty", "22 January", "23 September 2017", "special inserts."],
        None,
        ("Sputnik",),
    ),
}

NOISE = [
    "Read more",
    "READ MORE",
    "sign up",
    "DW's editors",
    "ls/rt",
    "Julian Ryall",
    "(18.12.2018)",
    "Based on reporting",
    "REUTERS/",
    "Credit:",
    "Related Topics",
    "Writing by",
    "We welcome comments",
    "Comments (",
    "wrote:",
    "De-Americanizing",
    "Report as abuse",
    "discussion is now closed",
    "Baaghi TV",
    "Latest News",
    "GMT29",
    "Listen Live",
    "short URL",
    "(Sputnik)",
    "(Reuters)",
    "(AFP)",
    "8:16am",
    "Press Service",
    "Far Eastern Federal District",
    "(PHOTOS)",
    "Father's Grave",
    "peace, treaty",
    "Community standards",
    "\u00a0",
]


def _seeds() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (the shared data folder is absent)")
    return sorted(SEEDS.glob("*.txt"))


@pytest.mark.shared
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_is_cleaned(prefix: str) -> None:
    matches = [p for p in _seeds() if p.name.startswith(prefix)]
    if not matches:
        pytest.skip(f"seed {prefix}_*.txt not found in {SEEDS}")
    (article,) = list(read_articles(matches))
    assert isinstance(article, Article)
    cleaned = clean_article(article)
    assert isinstance(cleaned, Article), cleaned
    paragraphs, fragments, title, credits = EXPECTED[prefix]
    assert len(cleaned.text.split("\n\n")) == paragraphs
    for fragment in fragments:
        assert fragment in cleaned.text, f"story text lost: {fragment!r}"
    for noise in NOISE:
        assert noise not in cleaned.text, f"boilerplate kept: {noise!r}"
    assert cleaned.title == title
    assert cleaned.credits == credits


@pytest.mark.shared
def test_kept_paragraphs_are_verbatim_raw_text() -> None:
    """Every kept paragraph is a piece of the raw text once whitespace is normalised:
    cleaning cuts, it never rewrites or glues text together."""
    for path in _seeds():
        (article,) = list(read_articles([path]))
        assert isinstance(article, Article)
        cleaned = clean_article(article)
        assert isinstance(cleaned, Article)
        raw = " ".join(article.raw_text.replace("\u00a0", " ").split())
        for paragraph in cleaned.text.split("\n\n"):
            assert paragraph in raw, (path.name, paragraph[:60])
