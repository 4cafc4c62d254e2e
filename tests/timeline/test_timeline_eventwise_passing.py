"""The event strategy on what a story tells in passing, with real spaCy: a lead's next
sentences, details a statement gives of an earlier day, a date beside a state, history one
profile recalls, and one event told at a day and as "last year"."""

from __future__ import annotations

import dataclasses
import datetime as dt

from storyline.annotate import annotate_articles
from storyline.config import DatewiseConfig, EventsConfig, TimelineConfig
from storyline.corpus.syndication import find_syndication
from storyline.model import Article, DateInterval
from storyline.timeline import make_strategy
from storyline.timeline.eventwise import event_candidates


def _article(aid: str, text: str, published: dt.date) -> Article:
    return Article(
        id=aid,
        path=f"{aid}.txt",
        raw_text=text,
        text=text,
        source=f"Outlet {aid}",
        published=DateInterval.day(published),
        published_how="header",
    )


def _entries(*articles: Article, events: EventsConfig | None = None) -> dict[str, str]:
    done = find_syndication(annotate_articles(list(articles)), 0.8)
    cfg = TimelineConfig(method="timeline.events.v1", events=events or EventsConfig())
    return {e.date.iso(): e.headline for e in make_strategy(cfg).build(done)}


def _dates_of(article: Article, words: str) -> set[str]:
    """The dates the candidates of the sentence holding `words` stand for."""
    [done] = annotate_articles([article])
    return {
        c.date.iso()
        for c in event_candidates(done, EventsConfig(), DatewiseConfig())
        if words in c.sentence.text and c.kind != "mention"
    }


def test_the_lead_goes_on_with_the_day_it_has_just_named() -> None:
    a = _article(
        "a",
        "A storm drove the sea over the harbour wall at Pellick on Sunday night. "
        "Police evacuated 3,000 people from the harbour district this morning. "
        "Buses carried elderly residents to a school on the hill.",
        dt.date(2023, 10, 16),  # a Monday
    )
    assert _dates_of(a, "Police evacuated") == {"2023-10-16"}
    assert _dates_of(a, "Buses carried") == {"2023-10-16"}  # the evacuation's day
    assert _entries(a)["2023-10-16"].startswith("Police evacuated")


def test_an_announcement_does_not_move_the_lead() -> None:
    a = _article(
        "a",
        "The electoral board published the recount figures on Thursday. "
        "The board's chairman announced on Friday that the runoff would be held in May. "
        "The governor's share fell to 47 per cent in the recount.",
        dt.date(2022, 3, 11),  # a Friday
    )
    assert _dates_of(a, "share fell") == {"2022-03-10"}


def test_what_a_statement_says_had_happened_belongs_to_the_lead_day() -> None:
    a = _article(
        "a",
        "Floodwater broke through the levee at Marrow on Tuesday night. "
        "The water authority said on Wednesday that 120 houses had been flooded.",
        dt.date(2024, 4, 18),  # a Thursday
    )
    entries = _entries(a)
    assert "2024-04-17" not in entries  # the saying makes no entry of its own
    assert _dates_of(a, "120 houses") == {"2024-04-16"}


def test_a_date_beside_a_present_state_heads_no_entry() -> None:
    a = _article(
        "a",
        "Evacuated on Sunday, most of the villagers remain in the town hall.",
        dt.date(2023, 10, 17),
    )
    assert _entries(a) == {}


def test_history_one_article_recalls_is_background_unless_others_tell_it() -> None:
    profile = _article(
        "a",
        "The club was founded in 1921. It won the national cup in 1964. "
        "The club's owners put it into administration on Tuesday.",
        dt.date(2020, 9, 16),
    )
    news = _article(
        "b",
        "A court approved the sale of the club to a supporters' trust on Monday.",
        dt.date(2020, 11, 3),
    )
    entries = _entries(profile, news)
    assert "2020-09-15" in entries
    assert not {"1921", "1964"} & set(entries)
    recalled = [
        _article(
            "c", "The club won the national cup in 1964, its only trophy.", dt.date(2020, 11, 4)
        ),
        _article("d", "Its only trophy came in 1964, when it won the cup.", dt.date(2020, 11, 5)),
    ]
    assert "1964" not in _entries(profile, news, recalled[0])  # two sources: background
    assert "1964" in _entries(profile, news, *recalled)  # three: the story's history
    # the rule is an option: with no source needed, the profile's history stays
    assert "1964" in _entries(profile, news, events=EventsConfig(history_sources=0))
    # a year in the chronology an article carries is one of its key days, told once or not
    boxed = _article(
        "e",
        "The supporters' trust took over the club on Friday.\nKey dates:\n"
        "1964 - The club wins the national cup.\n"
        "September 15, 2020 - The club goes into administration.",
        dt.date(2020, 11, 7),
    )
    assert "1964" in _entries(profile, news, boxed)


def test_one_event_told_at_its_day_and_as_last_year_is_one_entry() -> None:
    day = _article(
        "a",
        "Norvia Air agreed on Monday to pay 90 million euros to settle the claims of "
        "stranded passengers.",
        dt.date(2021, 6, 8),
    )
    later = _article(
        "b",
        "Norvia Air agreed to the settlement last year without admitting fault. "
        "A judge approved the settlement on Tuesday.",
        dt.date(2022, 2, 16),
    )
    other = _article(  # another day of that year: "last year" is not its one day
        "c",
        "Norvia Air's chief executive resigned on Friday after a strike by its pilots.",
        dt.date(2021, 10, 9),
    )
    entries = _entries(day, later, other)
    assert "2021" not in entries
    assert {"2021-06-07", "2021-10-08"} <= set(entries)


def test_a_heading_and_a_vague_stretch_stand_for_no_day() -> None:
    a = _article(
        "a",
        "A court sentenced three men to 20 years in prison on Tuesday for the kidnapping.\n"
        "FACTBOX - the kidnapping in brief\n"
        "The three were arrested in the months after the hostages were freed.",
        dt.date(2024, 10, 16),
    )
    assert _dates_of(a, "FACTBOX") == set()
    assert _dates_of(a, "were arrested") == set()
    assert _entries(a)["2024-10-15"].startswith("A court sentenced")


def test_what_a_statement_says_will_happen_is_not_dated_by_the_saying() -> None:
    a = _article(
        "a",
        "Prosecutors said in April that a decision on charges would come before Christmas.",
        dt.date(2023, 6, 2),
    )
    assert "2023-04" not in _entries(a)


def test_a_subordinate_date_never_heads_beside_a_dated_complement() -> None:
    a = _article(
        "a",
        "The volcano began erupting from a fissure at about 11pm on Friday, two days after "
        "the villages below it were emptied on Wednesday.",
        dt.date(2023, 10, 7),  # a Saturday
    )
    entries = _entries(a)
    assert "2023-10-06" in entries
    assert "2023-10-04" not in entries


def test_a_past_record_of_when_something_last_happened_is_no_entry() -> None:
    a = _article(
        "a",
        "The bridge collapsed into the river on Tuesday. "
        "It was last inspected in April 2019, according to the roads authority.",
        dt.date(2022, 5, 11),
    )
    entries = _entries(a)
    assert "2022-05-10" in entries
    assert "2019-04" not in entries


def test_a_live_page_entry_tells_its_page_s_day() -> None:
    a = _article(
        "a",
        "The volcano began erupting shortly before midnight on Friday.\n"
        "The institute said the fissure was about a kilometre long.\n"
        "06:10 - Lava crossed the coast road.\n"
        "07:25 - The island's airport has closed because of falling ash.",
        dt.date(2023, 10, 7),  # a Saturday
    )
    assert _dates_of(a, "airport has closed") == {"2023-10-07"}


def test_an_opinion_piece_tells_no_news_of_its_day() -> None:
    text = (
        "The port board has finally admitted that the sea wall was too low. "
        "It closed the harbour on 3 January, and the town paid for it all winter."
    )
    news = _article("n", text, dt.date(2024, 2, 2))
    column = dataclasses.replace(_article("o", text, dt.date(2024, 2, 2)), genre="opinion")
    assert "2024-02-02" in _dates_of(news, "finally admitted")  # a report's lead: its day
    assert not _dates_of(column, "finally admitted")  # a column's: no day
    assert _dates_of(column, "closed the harbour") == {"2024-01-03"}  # the dates it names stay


def test_a_lead_told_overnight_is_the_publication_day() -> None:
    storm = _article(
        "s",
        "Storm Brenna made landfall overnight near the port of Harl, flattening sea walls. "
        "Thousands of people had been moved out of the harbour district on Sunday and spent "
        "Sunday night in schools.",
        dt.date(2023, 1, 9),  # a Monday morning's paper
    )
    assert _dates_of(storm, "made landfall overnight") == {"2023-01-09"}


def test_a_lead_that_announces_a_plan_leaves_its_background_undated() -> None:
    visit = _article(
        "v",
        "Prime Minister Ana Rell will visit Tarn on 14 March, her office announced on Friday. "
        "Rell accepted an invitation from the president of Tarn. "
        "Negotiators have been drawing up a border map since October.",
        dt.date(2024, 1, 6),
    )
    assert _dates_of(visit, "will visit Tarn") >= {"2024-03-14"}
    assert not _dates_of(visit, "accepted an invitation")  # no day: background to the plan
    # a lead that tells what happened as well keeps a day (the one it names) for the rest
    failure = _article(
        "f",
        "The agency will appoint a review board next week to find out why its rocket broke up "
        "after lift-off on Thursday, its director said. The rocket fell into the sea.",
        dt.date(2024, 1, 6),
    )
    assert _dates_of(failure, "fell into the sea") == {"2024-01-04"}
