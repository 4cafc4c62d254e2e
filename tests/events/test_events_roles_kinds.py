"""The event layer on real parses: which date a clause is anchored by, and what kind of
event it reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyline.annotate import annotate_articles
from storyline.model import Article, DateInterval, EventMention

PUB = dt.date(2019, 1, 8)  # a Tuesday


def annotate(text: str, published: dt.date | None = PUB) -> Article:
    a = Article(
        id="a",
        path="a.txt",
        raw_text=text,
        text=text,
        published=DateInterval.day(published) if published else None,
        published_how="header" if published else "none",
    )
    [done] = annotate_articles([a])
    return done


def anchored(article: Article) -> list[tuple[str, str, str]]:
    """(kind, anchor text, anchor date) of every anchored event."""
    out = []
    for e in article.events:
        if e.anchor is not None:
            t = article.times[e.anchor]
            assert t.interval is not None
            out.append((e.kind, t.text, t.interval.iso()))
    return out


def mentioned(article: Article) -> set[str]:
    """Time expressions no event is anchored by."""
    used = {e.anchor for e in article.events}
    return {t.text for i, t in enumerate(article.times) if i not in used}


@pytest.mark.parametrize(
    ("sentence", "only_mentioned"),
    [
        ("Putin and Abe agreed last year to use a 1956 joint declaration as the basis.", "1956"),
        ("Officials said the 2015 accord still held.", "2015"),
        ("Talks on the contract had been stalled since November.", "November"),
        ("Turnout reached 71 per cent, the highest since 2008.", "2008"),
        ("The margin was narrower than in the ballot held in March.", "March"),
        ("The union must respond by June 30.", "June 30"),
        ("Putin, who last visited Japan in 2005, arrived on Monday.", "2005"),
        (
            "Tens of thousands marched on Sunday against the result of last week's election.",
            "last week",
        ),
    ],
)
def test_a_date_the_sentence_only_mentions_anchors_nothing(
    sentence: str, only_mentioned: str
) -> None:
    article = annotate(sentence)
    assert only_mentioned in mentioned(article), anchored(article)


def test_the_clause_verb_decides_the_kind() -> None:
    article = annotate(
        "Lavrov met Kono in Moscow on Monday. "
        "The ministers will meet again on 22 January. "
        "Russia and Japan never signed a peace treaty. "
        "Zakharova told reporters on January 11 that the talks were useful. "
        "Abe said 2019 would see a breakthrough."
    )
    kinds = {(k, text) for k, text, _ in anchored(article)}
    assert ("happened", "Monday") in kinds
    assert ("scheduled", "22 January") in kinds
    assert ("statement", "January 11") in kinds
    assert not any(text == "2019" and k in ("happened", "scheduled") for k, text in kinds)
    never = [e for e in article.events if article.sentences[e.sentence].text.startswith("Russia")]
    assert never and all(e.kind == "background" for e in never)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a reaction or a naming voices a position: a statement
        ("The mayor of Harl welcomed the rebuilding plan on Monday.", "statement"),
        ("The opposition condemned the arrests on Monday.", "statement"),
        ('The opposition leader called the deal "a surrender" on Monday.', "statement"),
        ("The minister called the verdict disappointing on Monday.", "statement"),
        ("Opposition members called for an independent review on Monday.", "statement"),
        # calling a strike, and a plan that was criticised, are not
        ("The union called a strike on Monday.", "happened"),
        ("The plan was criticised by engineers on Monday.", "happened"),
    ],
)
def test_reactions_and_namings_are_statements(sentence: str, kind: str) -> None:
    article = annotate(sentence)
    assert [(k, text) for k, text, _ in anchored(article)] == [(kind, "Monday")]


def test_a_pledge_of_an_amount_is_an_event_of_its_day() -> None:
    # the parser hangs "on Friday" on the purpose ("to rebuild"): the pledge was made then
    article = annotate(
        "Foreign governments and banks pledged 300 million crowns to rebuild Harl after the "
        "floods at a donors' conference in Tarn on Friday."
    )
    assert ("happened", "Friday", "2019-01-04") in anchored(article)
    # what a promise is to do stays expected
    promise = annotate("The ministry promised on Friday to send two planes.")
    assert not any(k == "happened" for k, _, _ in anchored(promise))


def test_statistics_and_habits_are_background() -> None:
    article = annotate(
        "The talks ended on Monday without a deal. In 2016, 802 citizens visited the islands. "
        "Russia refers to the islands as the Southern Kuriles."
    )
    assert ("happened", "Monday", "2019-01-07") in anchored(article)
    assert not any(text == "2016" and k == "happened" for k, text, _ in anchored(article))
    habit = [e for e in article.events if e.sentence == 2 and e.clause == "main"]
    assert habit and habit[0].kind == "background"


def test_participants_are_the_names_of_the_clause() -> None:
    article = annotate("Sergei Lavrov and Taro Kono held talks in Moscow on Monday.")
    [event] = [e for e in article.events if e.anchor is not None]
    names = {article.text[s:e] for s, e in event.participants}
    assert {"Sergei Lavrov", "Taro Kono"} <= names
    assert event.place is not None and article.text[event.place[0] : event.place[1]] == "Moscow"
    assert event.predicate == "hold" and event.kind == "happened"


def test_events_survive_the_store_codec() -> None:
    from storyline.store import article_from_json, article_to_json

    article = annotate("Lavrov met Kono in Moscow on Monday.")
    assert article.events and article_from_json(article_to_json(article)) == article
    assert isinstance(article.events[0], EventMention)
    assert dataclasses.replace(article.events[0]).kind == article.events[0].kind


@pytest.mark.parametrize(
    ("sentence", "not_dated"),
    [
        # the date of an earlier event the main clause follows
        ("Talks resumed in Cairo on Monday, following a meeting in July.", "July"),
        # a clause opening with "since" or "until" tells a state's start or end in passing
        ("The vote had been expected since the offer was announced in June.", "June"),
        ("The port stayed shut until the strike was called off in March.", "March"),
        # a complement inside a relative clause, and an event that will no longer happen
        ("The trial that had been due to open in January will no longer take place.", "January"),
        # the ends of a span
        ("The state builder put up the bridge between 2016 and 2021.", "2016"),
        ("The state builder put up the bridge between 2016 and 2021.", "2021"),
        ("The pipeline was shut from March to May for repairs.", "March"),
        # what a document asserts is its claim, dated by the document
        ("The indictment says the mayor took the payments in April.", "April"),
        ("The audit found that the agency lost the files in 2019.", "2019"),
        # a before-clause whose verb the tagger reads as an adverb is still a deadline
        ("Forty witnesses are due to appear before the hearings close in July.", "July"),
        # a gerund after "since" starts a state
        ("The governor has pardoned 12 prisoners since taking office in 2019.", "2019"),
        # a clause completing one that opens with "since"
        (
            "The plant has been closed since the agency ordered it shut on 22 December.",
            "22 December",
        ),
        # a date that names a thing ("the report of March 2023")
        ("The agency's report of March 2018 had already found the tank corroded.", "March 2018"),
        # the date a plan is moved to is not the moving's
        ("A second delay moves the launch to November 2019.", "November 2019"),
        # a plan of the past
        ("The telescope was first meant to fly in 2018.", "2018"),
        # a participle set off by commas, which the parser takes for the verb
        (
            "The curfew in Orlin, declared on 3 March as riots spread through the city, "
            "was lifted on Friday.",
            "3 March",
        ),
    ],
)
def test_dates_of_events_told_in_passing_date_no_entry(sentence: str, not_dated: str) -> None:
    article = annotate(sentence)
    dating = [(k, text) for k, text, _ in anchored(article) if k in ("happened", "scheduled")]
    assert not any(text == not_dated for _, text in dating), dating


def test_running_totals_and_yearly_figures_are_background() -> None:
    article = annotate(
        "The operator said on Thursday that 31 ships had so far been diverted. "
        "The operator lost 212 million crowns in 2021. "
        "The ministers met in Oslo in 2021."
    )
    kinds = [(e.kind, e.predicate) for e in article.events if e.clause in ("main", "complement")]
    assert ("background", "divert") in kinds
    assert ("background", "lose") in kinds
    # a year alone still dates an event that counts nothing
    assert ("happened", "2021", "2021") in anchored(article)


def test_an_event_that_will_no_longer_happen_is_background() -> None:
    article = annotate("The hearing will no longer take place on Friday.")
    assert [e.kind for e in article.events if e.clause == "main"] == ["background"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The club has played in the top division for 57 seasons.", "background"),
        ("Attendances have fallen by a third in five years.", "background"),
        ("Prices have doubled over the past decade.", "background"),
        ("The company has signed a deal with its lenders in the past week.", "happened"),
        ("The striker was banned for five matches on Monday.", "happened"),
    ],
)
def test_a_perfect_that_spans_a_stretch_of_time_is_a_state(sentence: str, kind: str) -> None:
    article = annotate(sentence)
    assert [e.kind for e in article.events if e.clause == "main"] == [kind]


def test_a_lawsuit_against_someone_is_dated_by_its_day() -> None:
    # "against" before a date compares ("measured against 2019"); far before it, it does not
    article = annotate(
        "Lawyers for 400 families filed a lawsuit against the rail operator in the "
        "regional court on Monday."
    )
    assert ("happened", "Monday", "2019-01-07") in anchored(article)


def test_the_verb_of_a_sentence_the_parser_hangs_elsewhere_is_dated() -> None:
    # the root taken for a noun's relative clause, a participle between commas for the verb
    for sentence, day in [
        (
            "Verdal Pharma's appeal against the fine over its asthma drug Brezol opened on Monday.",
            "2019-01-07",
        ),
        (
            "The state of emergency in Orlin, declared on 3 January, was lifted on Monday.",
            "2019-01-07",
        ),
    ]:
        article = annotate(sentence)
        assert ("happened", "Monday", day) in anchored(article), anchored(article)


def test_what_is_told_by_a_person_stays_the_event() -> None:
    article = annotate("The mayor says the police cleared the square on Monday.")
    assert ("happened", "Monday", "2019-01-07") in anchored(article)


@pytest.mark.parametrize(
    "sentence",
    [
        "The insurer has already paid out 40 million euros.",
        "The number of claimants has grown from about 200 to 1,400.",
        "Ticket sales have halved.",
    ],
)
def test_where_things_stand_is_background(sentence: str) -> None:
    article = annotate("The hearing opened on Monday. " + sentence)
    assert [e.kind for e in article.events if e.sentence == 1 and e.clause == "main"] == [
        "background"
    ]
