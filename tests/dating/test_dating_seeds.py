"""The dating stage on the five real scraped seed articles in ../shared/seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.dating.pubdate import date_article, explain_date
from storyline.model import Article, DateInterval

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

pytestmark = pytest.mark.shared


def _seed(prefix: str) -> Article:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (needs the shared data directory)")
    [path] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return Article(id=prefix, path=str(path), raw_text=path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("prefix", "day", "how"),
    [("000", dt.date(2019, 1, 11), "header"), ("001", dt.date(2019, 1, 8), "header")],
)
def test_headers(prefix: str, day: dt.date, how: str) -> None:
    a = date_article(_seed(prefix))
    assert a.published == DateInterval.day(day)
    assert a.published_how == how
    assert a.published_confidence >= 0.8


def test_reuters_dateline() -> None:
    a = date_article(_seed("002"))
    assert a.published == DateInterval.day(dt.date(2014, 1, 21))
    assert a.published_how == "dateline"
    assert a.published_confidence >= 0.8


def test_undated_agency_story_stays_undated() -> None:
    a = date_article(_seed("003"))
    assert a.published is None
    if a.published_window is not None:
        lo, hi = a.published_window
        assert lo <= dt.date(2016, 9, 1) <= hi


def test_page_clock_is_rejected_without_inventing_a_day() -> None:
    art = _seed("004")
    rep = explain_date(art)
    clocks = [c for c in rep.candidates if c.value == "2021-07-29"]
    assert clocks and not any(c.accepted for c in clocks)
    a = date_article(art)
    assert a.published is None
    assert a.published_how == "text-inferred"
    assert a.published_window is not None
    lo, hi = a.published_window
    assert lo == dt.date(2017, 9, 23)
    assert hi <= dt.date(2021, 7, 29)


def test_seed_dates_survive_cleaning_of_chrome() -> None:
    # the same checks hold when only the story body is given as clean text
    art = _seed("001")
    body = art.raw_text.split("Every evening", 1)[0].split(" ", 3)[3]
    a = date_article(Article(id="001", path=art.path, raw_text=art.raw_text, text=body))
    assert a.published == DateInterval.day(dt.date(2019, 1, 8))
