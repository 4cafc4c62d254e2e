"""Which sentence stands for which date: chronology entries, leads, the day before."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from storyline.config import DatewiseConfig
from storyline.events.chronology import is_chronology_entry
from storyline.model import Article, DateInterval, Granularity, TimeExpression
from storyline.timeline import DatewiseTimeline
from storyline.timeline.candidates import candidates_for

MONTHS = ["January", "Feb.", "March", "Apr", "May", "June", "Sept", "December"]


def test_chronology_entries_are_recognised() -> None:
    for text in (
        "March 17 - The council votes to allow air strikes.",
        "Feb. 24 -- Militias take the coastal city.",
        "12 June: The cap is fitted over the well.",
        "Jan. 12, 2010 - A quake strikes the capital.",
        "May 23, 2001 - A train hits a bus.",
        "Monday, March 7 — Rebels retreat.",
    ):
        assert is_chronology_entry(text), text
    for text in (
        "On March 17 the council voted.",  # a dated sentence, not an entry of a list
        "8th November 2011 - 17:40 This comment was removed.",  # a comment's timestamp
        "Page 3 - Sport",
        "March 9 , 2011 at 1:42 pm | Actually no.",
        "The council voted on March 17 - a day late.",
    ):
        assert not is_chronology_entry(text), text


@given(
    month=st.sampled_from(MONTHS),
    day=st.integers(1, 31),
    dash=st.sampled_from([" - ", " -- ", " : ", ": ", " – "]),
    rest=st.text(alphabet="abcdefghij ", min_size=1, max_size=30).filter(str.strip),
)
def test_any_month_day_dash_line_is_an_entry(month: str, day: int, dash: str, rest: str) -> None:
    assert is_chronology_entry(f"{month} {day}{dash}{rest.strip()}")
    assert is_chronology_entry(f"{day} {month}{dash}{rest.strip()}")
    assert not is_chronology_entry(f"On {month} {day}{dash}{rest.strip()}")


def _article(
    factory: Callable[..., Article],
    text: str,
    published: dt.date,
    times: list[tuple[str, DateInterval]],
) -> Article:
    """An article (sentences = lines, as in conftest) whose time expressions are `times`,
    relative ones, as a tagger gives them."""
    exprs = []
    for phrase, interval in times:
        s = text.index(phrase)
        exprs.append(
            TimeExpression(s, s + len(phrase), phrase, "DATE", interval.iso(), interval, True)
        )
    base = factory("c1", text, published, "Outlet")
    return dataclasses.replace(base, times=tuple(exprs))


def test_year_less_chronology_entry_read_forward_is_moved_back(
    article_factory: Callable[..., Article],
) -> None:
    # a tagger reads the present-tense "March 17 - ... votes" forward from October 2011
    text = "A look back at the conflict.\nMarch 17 - The council votes for a no-fly zone."
    wrong = DateInterval.day(dt.date(2012, 3, 17))
    a = _article(article_factory, text, dt.date(2011, 10, 20), [("March 17", wrong)])
    explicit = [c for c in candidates_for(a) if c.explicit]
    assert len(explicit) == 1
    c = explicit[0]
    assert c.chronology and c.date == DateInterval.day(dt.date(2011, 3, 17))
    assert c.weight == 3.0  # a journalist's own pick of a key date


def test_chronology_entry_with_a_year_keeps_its_date(
    article_factory: Callable[..., Article],
) -> None:
    text = "Earlier crashes.\nMay 23, 2012 - A train hits a bus."
    later = DateInterval.day(dt.date(2012, 5, 23))
    a = _article(article_factory, text, dt.date(2011, 7, 11), [("May 23, 2012", later)])
    (c,) = [c for c in candidates_for(a) if c.explicit]
    assert c.date == later


def test_lead_sentences_stand_for_the_publication_day_and_the_day_before(
    article_factory: Callable[..., Article],
) -> None:
    text = "Rebels took the town.\nThey hold the port."
    a = _article(article_factory, text, dt.date(2011, 3, 5), [])
    cands = candidates_for(a, DatewiseConfig(lead_weight=0.5, previous_day_weight=0.5))
    by_date: dict[dt.date, list[float]] = {}
    for c in cands:
        by_date.setdefault(c.date.start, []).append(c.weight)
    assert by_date == {dt.date(2011, 3, 5): [0.5, 0.5], dt.date(2011, 3, 4): [0.25, 0.25]}
    assert not any(c.explicit for c in cands)
    none = candidates_for(a, DatewiseConfig(previous_day_weight=0.0))
    assert {c.date.start for c in none} == {dt.date(2011, 3, 5)}


def test_required_terms_keep_only_entries_that_say_them(
    dam_articles: list[Article], article_factory: Callable[..., Article]
) -> None:
    entries = DatewiseTimeline(max_entries=10, allow_coarse=False).build(dam_articles)
    assert any("power" in s.text for e in entries for s in e.sentences)
    only = DatewiseTimeline(max_entries=10, allow_coarse=False, required_terms=("KHARTOUM",))
    kept = only.build(dam_articles)
    assert kept and all("khartoum" in s.text.lower() for e in kept for s in e.sentences)
    assert all(e.date.granularity is Granularity.DAY for e in kept)


def test_of_two_neighbouring_days_the_better_supported_one_is_kept(
    article_factory: Callable[..., Article],
) -> None:
    # three outlets name 10 March, one names the 11th (an echo of the same event), one
    # names 20 March: with a single entry, the 10th; with two, the 20th beats the echo
    arts = [
        article_factory(
            f"m{i}",
            f"Troops entered the town on 10 March 2011 (outlet {i}).",
            dt.date(2011, 3, 12),
            f"O{i}",
        )
        for i in range(3)
    ]
    arts.append(
        article_factory("e1", "Troops held the town on 11 March 2011.", dt.date(2011, 3, 12), "E")
    )
    arts.append(
        article_factory("f1", "A ceasefire was signed on 20 March 2011.", dt.date(2011, 3, 22), "F")
    )
    # no lead candidates: only the named dates compete
    days = lambda **kw: [  # noqa: E731
        e.date.start
        for e in DatewiseTimeline(
            max_entries=2, allow_coarse=False, params=DatewiseConfig(lead_weight=0.0, **kw)
        ).build(arts)
    ]
    assert days() == [dt.date(2011, 3, 10), dt.date(2011, 3, 20)]
    # without the penalty the echo (one article) ties the 20th and wins on date order
    assert days(neighbour_penalty=0.0) == [dt.date(2011, 3, 10), dt.date(2011, 3, 11)]


def test_a_day_before_lead_is_cited_only_when_shown(
    article_factory: Callable[..., Article],
) -> None:
    named = article_factory(
        "a", "Troops entered the town on 10 March 2011.", dt.date(2011, 3, 12), "A"
    )
    lead = article_factory("b", "Troops held the town after a day of fighting.",
                           dt.date(2011, 3, 11), "B")  # fmt: skip

    def entry(term: str) -> tuple[int, bool, set[str]]:
        (e,) = DatewiseTimeline(
            max_entries=1, sentences_per_entry=1, allow_coarse=False, required_terms=(term,)
        ).build([named, lead])
        assert e.date.start == dt.date(2011, 3, 10)
        return e.sources, e.single_source, {c.article for c in e.citations}

    # b's lead stands for 10 March (another article names that day) but is not shown:
    # the entry rests on one article
    assert entry("entered") == (1, True, {"a"})
    # shown, it is cited
    assert entry("held") == (2, False, {"a", "b"})
