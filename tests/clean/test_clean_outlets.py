"""Outlet evidence read from boilerplate lines before the cleaner removes them, and the
outlet `clean_article` decides (texts written for these tests)."""

from __future__ import annotations

import pytest

from storyline.clean import clean_article
from storyline.clean.paragraphs import is_headline_like
from storyline.ingest.records import make_article
from storyline.model import Article
from storyline.outlets.lines import dateline_evidence, line_evidence, site_header

BODY = (
    "The harbour authority said on Tuesday that the new ferry terminal would open in the "
    "spring, after two years of delays caused by storms and a shortage of steel. Officials "
    "said the terminal would handle twice as many passengers as the old one."
)


@pytest.mark.parametrize(
    ("line", "name", "how"),
    [
        ("By Lakeside Courant staff", "Lakeside Courant", "byline"),
        ("By Lakeside Courant Europe correspondent", "Lakeside Courant", "byline"),
        ("(Reporting by Lakeside Courant desk with Reuters)", "Lakeside Courant", "byline"),
        ("Reporting by Lakeside Courant correspondents in Oslo", "Lakeside Courant", "byline"),
        (
            "(Reporting by Reuters; additional reporting by Fjord Post staff)",
            "Fjord Post",
            "byline",
        ),
        ("(Fjord Radio)", "Fjord Radio", "byline"),
        ("© 2020 Lakeside Courant. All rights reserved.", "Lakeside Courant", "footer"),
        ("© 2019 The Fjord Post Ltd", "The Fjord Post", "footer"),
        ("Lakeside Courant © 2022. Reproduction permitted.", "Lakeside Courant", "footer"),
        ("Lakeside Courant welcomes comments that stay on topic.", "Lakeside Courant", "footer"),
        (
            "Views expressed in the comments do not represent those of Reuters.",
            "Reuters",
            "footer",
        ),
        ("Lakeside Courant, part of Northwind Media Group.", "Lakeside Courant", "footer"),
        ("Fjord Post — independent news since 1988", "Fjord Post", "footer"),
        ("Fjord Post | Terms | Privacy", "Fjord Post", "footer"),
        ("© Lakeside Courant 2024", "Lakeside Courant", "footer"),
        ("By Ingrid Solberg, Northvale Echo", "Northvale Echo", "byline"),
        ("By Ingrid Solberg for The Fjord Post", "The Fjord Post", "byline"),
        ("Northvale Echo | News | Floods", "Northvale Echo", "site-header"),
        ("Lakeside Courant | Sport", "Lakeside Courant", "site-header"),
        (
            "Sign up for the Lakeside Courant's morning briefing, in your inbox.",
            "Lakeside Courant",
            "plug",
        ),
        ("Get the Fjord Post morning briefing. Sign up here.", "Fjord Post", "plug"),
        ("Fjord Radio's editors pick the best stories. Sign up.", "Fjord Radio", "plug"),
        ("Every evening, FPN's editors send out the news. Sign up here.", "FPN", "plug"),
        ("Lakeside Courant is reader-funded. Support us.", "Lakeside Courant", "plug"),
    ],
)
def test_line_names_outlet(line: str, name: str, how: str) -> None:
    found = line_evidence(line)
    assert [(e.name, e.how) for e in found][:1] == [(name, how)]


@pytest.mark.parametrize(
    "line",
    [
        # a story sentence quoting an outlet, related blurbs, partners, parent companies
        "According to the Fjord Post, which cited officials, the talks will resume.",
        "As the Lakeside Courant first reported, the plan was dropped.",
        "From our partners at Fjord Radio: Ferry strike called off",
        "Lakeside Courant: Harbour fees to rise",
        # a reporter's title, a site menu, a person's name after "By"
        "By Ingrid Solberg, Chief Executive",
        "Home | News | Sport",
        "By Ingrid Solberg, Oslo",
        # generic plugs, newsletters named like outlets, agencies, bureaus, people
        "Get the Africa Briefing: the day's top stories, in your inbox. Sign up now",
        "Sign up for The Observer Daily and get our best stories every morning.",
        "Every morning our Europe desk sends a round-up. You can subscribe for free here.",
        "(Reporting by U.N. bureau; Editing by Foreign desk)",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "(Reuters)",
        "(PHOTOS)",
        "Contact the newsroom · Advertise · Privacy",
        "We welcome comments that advance the story.",
    ],
)
def test_line_names_no_outlet(line: str) -> None:
    assert line_evidence(line) == []


def test_site_header_needs_a_headline_below() -> None:
    paras = ["HARBOUR WEEKLY | Politics", "Terminal opening delayed again", BODY]
    found = site_header(paras, is_headline_like)
    assert found is not None and found[0] == 0
    assert (found[1].name, found[1].how) == ("Harbour Weekly", "site-header")
    assert site_header(["Fjord Post - Latest News and Updates", "A title", BODY], is_headline_like)
    # a headline with a dash, a single line above prose, a country: not a site header
    assert site_header(["Ukraine - live updates", BODY], is_headline_like) is None
    assert site_header(["Norway - Politics", "A title", BODY], is_headline_like) is None
    assert site_header(["Minister resigns - reports", BODY], is_headline_like) is None


def test_dateline_names_the_outlet_unless_a_wire() -> None:
    own = dateline_evidence("Fjord Radio", "OSLO (Fjord Radio) - ")
    assert own is not None and (own.name, own.how) == ("Fjord Radio", "dateline")
    assert dateline_evidence("Reuters", "OSLO (Reuters) - ") is None
    sputnik = dateline_evidence("Sputnik", "MOSCOW (Sputnik) - ")  # wire = false in the table
    assert sputnik is not None and sputnik.name == "Sputnik"


def cleaned(raw: str, source: str | None = None) -> Article:
    a = clean_article(make_article("t.txt", raw, source=source))
    assert isinstance(a, Article), a
    return a


def test_site_header_is_outlet_not_title() -> None:
    raw = (
        f"FJORD POST | World\n\nTerminal opening delayed again\n\n{BODY}\n\n(Reporting by Reuters)"
    )
    a = cleaned(raw)
    assert a.source == "Fjord Post" and a.source_how == "site-header"
    assert a.title == "Terminal opening delayed again"
    assert a.credits == ("Reuters",)
    assert "FJORD POST" not in a.text


def test_wire_dateline_credits_but_never_names_the_outlet() -> None:
    a = cleaned(f"Terminal delayed\n\nOSLO (Reuters) - {BODY}")
    assert a.source is None and a.source_how == "none"
    assert a.credits == ("Reuters",)
    b = cleaned(f"Terminal delayed\n\nOSLO (Fjord Radio) - {BODY}")
    assert (b.source, b.source_how) == ("Fjord Radio", "dateline")
    assert b.credits == ()


def test_strongest_signal_wins_and_agreement_raises_confidence() -> None:
    raw = (
        f"Terminal delayed\n\n{BODY}\n\n(Reporting by Fjord Post staff and Reuters)\n\n"
        "© 2021 The Fjord Post. All rights reserved."
    )
    a = cleaned(raw)
    assert a.source_how == "footer" and a.source is not None
    assert a.source.endswith("Fjord Post")
    alone = cleaned(f"Terminal delayed\n\n{BODY}\n\n© 2021 Fjord Post.")
    assert a.source_confidence > alone.source_confidence


def test_inline_agency_credit() -> None:
    # at the end of a sentence only: "(dpa)," inside one is not read
    text = BODY.replace("steel.", "steel (dpa).").replace("one.", "one (AFP).")
    a = cleaned(f"Terminal delayed\n\n{text}")
    assert a.credits == ("AFP", "dpa")


def test_bare_url_line_gives_url_and_host() -> None:
    raw = f"Terminal delayed\n\n{BODY}\n\nhttps://www.fjordpost.example/2021/03/terminal"
    a = cleaned(raw)
    assert a.url == "https://www.fjordpost.example/2021/03/terminal"
    assert (a.source, a.source_how) == ("fjordpost.example", "url")
    assert "https://" not in a.text


def test_container_name_beats_weaker_lines() -> None:
    a = cleaned(f"{BODY}\n\nGet the Ledger's briefing. Sign up", source="Fjord Post")
    assert (a.source, a.source_how) == ("Fjord Post", "field")


def test_labelled_headline_is_the_title() -> None:
    raw = f"Fjord Post - News and Views Explained\n\nExplainer: Why the terminal is late\n\n{BODY}"
    a = cleaned(raw)
    assert a.title == "Explainer: Why the terminal is late"
    assert a.source == "Fjord Post"


def test_person_sign_off_and_story_briefings_name_no_outlet() -> None:
    assert line_evidence("(Jane Doe)") == []
    assert line_evidence("At the news conference, the Kremlin's briefing was short.") == []
