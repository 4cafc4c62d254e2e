"""Hand-built annotated articles for the timeline algorithms (no spaCy needed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from storyline.model import Article, DateInterval, Sentence, TimeExpression

_DAY = re.compile(r"\b(\d{1,2}) (January|February|March|April|July|September) (\d{4})\b")
_YEAR = re.compile(r"\bin (\d{4})\b")
_MONTHS = {"January": 1, "February": 2, "March": 3, "April": 4, "July": 7, "September": 9}


def make_article(
    aid: str, text: str, published: dt.date | None, source: str, group: str | None = None
) -> Article:
    """An article whose sentences are its lines and whose dates are '12 March 2015' or
    'in 2011' forms (a tiny stand-in tagger so these tests exercise only the timeline)."""
    sentences = []
    pos = 0
    for line in text.split("\n"):
        start = text.index(line, pos)
        sentences.append(Sentence(start, start + len(line), line))
        pos = start + len(line)
    times = []
    for m in _DAY.finditer(text):
        d = dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        times.append(
            TimeExpression(
                m.start(), m.end(), m.group(0), "DATE", d.isoformat(), DateInterval.day(d)
            )
        )
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        times.append(
            TimeExpression(m.start(1), m.end(1), m.group(1), "DATE", str(y), DateInterval.year(y))
        )
    return Article(
        id=aid,
        path=f"{aid}.txt",
        raw_text=text,
        text=text,
        source=source,
        published=DateInterval.day(published) if published else None,
        published_how="header" if published else "none",
        sentences=tuple(sentences),
        times=tuple(sorted(times, key=lambda t: t.start)),
        syndication_group=group or aid,
    )


@pytest.fixture
def article_factory() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def dam_articles() -> list[Article]:
    return [
        make_article(
            "a1",
            "Leaders of Egypt, Sudan and Ethiopia signed a declaration of principles on the "
            "dam in Khartoum on 23 March 2015.\n"
            "The project was launched in 2011 on the Blue Nile.\n"
            "Officials said talks would continue.",
            dt.date(2015, 3, 24),
            "Outlet A",
        ),
        make_article(
            "a2",
            "On 23 March 2015 the three heads of state put their names to a framework deal "
            "over the Nile dam in the Sudanese capital.\n"
            "Engineers poured the first concrete in 2011.",
            dt.date(2015, 3, 25),
            "Outlet B",
        ),
        make_article(
            "a3",
            "Ethiopia said on 20 February 2022 that the dam had produced its first power.\n"
            "On 20 February 2022 Ethiopia said the dam had begun producing its first power.",
            dt.date(2022, 2, 21),
            "Outlet C",
        ),
        make_article(
            "a4",
            "Egypt's foreign minister warned on 8 July 2021 of an existential threat.\n"
            "The Security Council met to discuss the dispute.",
            dt.date(2021, 7, 9),
            "Outlet D",
        ),
    ]
