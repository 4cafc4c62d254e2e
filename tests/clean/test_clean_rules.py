"""Unit and property tests of the cleaning rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import clean_text
from storyline.clean.credits import agencies_in
from storyline.clean.paragraphs import is_prose, split_paragraphs
from storyline.clean.rules import first_rule
from storyline.clean.shapes import is_date_line, is_tag_list
from storyline.clean.structure import strip_dateline

STORY = [
    "Negotiators met in Ottawa on Tuesday and signed the border agreement after two days.",
    "The island has no trees, no fresh water and no permanent inhabitants, officials said.",
    '"This is a good day for the Arctic," the minister told reporters at the signing.',
    "Parliaments in both countries are expected to approve the treaty later this year.",
    "The minister declined to make any comments on the report before the vote.",
    "Thousands of residents signed up as volunteers for the clean-up, the mayor said.",
    "Women were urged to report abuse to a police hotline, the ministry said on Friday.",
    "Read the agreement carefully and you will see how much changed, one expert said.",
    "The dispute began in 1973, when the two countries drew a sea border in the strait.",
    "Hunters from Greenland and Nunavut will keep their rights across the island.",
    "The ministry published the figures in a report released on Monday.",
    "Press freedom groups criticised the law, saying it would silence reporters.",
    "Courtesy calls between the leaders continued through the week.",
    "Share prices in Copenhagen rose after the announcement, traders said.",
    "The two governments signed the accord in Ottawa on Monday, June 13, 2022.",
    "The accord was signed in Ottawa on June 13, 2022.",
    "Exports rose 4% in May, compared with April, while imports fell > 2% | analysts said.",
    "The treaty will enter into force once both parliaments ratify it.",
    "Fishermen from both sides used the waters around the island for centuries.",
    "An earlier version of the treaty was rejected by the senate in May.",
    "The court corrected its ruling on Monday after an appeal by the fishermen.",
]
# Noise lines that can stand anywhere in an article (each recognised on its own).
NOISE = [
    "Read more: Ice is melting faster than expected",
    "READ MORE: Arctic Council Meets Without Russia",
    "Listen Live",
    "Get short URL",
    "Related Topics",
    "Share this article",
    "Advertisement",
    "Credit: Reuters/Jane Example",
    "(Writing by Ann Example; Editing by Bo Example)",
    "Reporting by Ann Example in Ottawa",
    "jb/mm (AFP, Reuters)",
    "Based on reporting by AFP and Interfax",
    "Sign up for our daily newsletter to get the news in your inbox.",
    "Correction: An earlier version of this article said the treaty was signed on June 12.",
    "Correction, 4 November 2023: This story misstated the number of islands.",
    "This article was amended on 16 March 2022 to correct the name of the minister.",
    "An earlier version of this report gave the wrong date for the vote.",
    "OTTAWA Tue Jun 14, 2022 11:05am EDT",
    "09:41 GMT15 June 2022",
    "Arctic, island, Canada, Denmark, border deal",
    "Greenland passes new mining law. Critics are unhappy. (03.05.2022)",
    "Protest in the capital (PHOTOS)",
    "Tags: Arctic, Canada",
    "Follow us on Twitter",
    "Get our evening briefing in your inbox. Sign up here.",
    "Press Service of the Ministry of Defence",
    "Share this story: Facebook | X | Email",
    "Facebook | WhatsApp | Email",
    "By Polar Times staff",
    "Explainer: Why the island mattered to both sides",
    "Rescuers search the rubble in Nuuk, in a picture taken from a social media video.",
    "We encourage readers to add facts and opinions to our stories.",
    "Fishing boats wait in the harbour of Nuuk, June 13, 2022.",
    "Fishing boats wait in the harbour of Nuuk, June 13, 2022. PolarPix/Ann Example",
    "Fishing boats wait in the harbour of Nuuk, June 13, 2022. Photo: PolarPix/Ann Example",
    "Polar Times | World | Arctic",
    "Home › News › Politics",
]


def test_agencies() -> None:
    assert agencies_in("ls/rt (Reuters, AFP)") == ["Reuters", "AFP"]
    assert agencies_in("Based on reporting by AFP and Interfax") == ["AFP", "Interfax"]
    assert agencies_in("The Associated Press contributed to this report.") == ["AP"]
    assert agencies_in("Agence France-Presse and ITAR-TASS") == ["AFP", "TASS"]
    assert agencies_in("an apple a day, Maria") == []


def test_strip_dateline() -> None:
    assert strip_dateline("MOSCOW (Reuters) - Talks began.") == ("Talks began.", ["Reuters"])
    assert strip_dateline("Moscow (AFP): The Kremlin said.") == ("The Kremlin said.", ["AFP"])
    assert strip_dateline("WASHINGTON, Jan 5 (Reuters) - It said.") == ("It said.", ["Reuters"])
    assert strip_dateline("(Sputnik) - The two countries") == ("The two countries", ["Sputnik"])
    assert strip_dateline("TOKYO — Officials said.") == ("Officials said.", [])
    assert strip_dateline("NEW YORK, March 3 -- Stocks rose.") == ("Stocks rose.", [])
    stamped = "LONDON | Tue Apr 27, 2010 4:08 am EDT LONDON (Reuters) - BP said."
    assert strip_dateline(stamped) == ("BP said.", ["Reuters"])
    assert strip_dateline("The ministry (MFA) said on Monday.") is None
    assert strip_dateline("Putin - who visited in 2005 - said.") is None


def test_date_lines() -> None:
    for line in (
        "MOSCOW Tue Jan 21, 2014 8:16am EST",
        "00:23 GMT29 July 2021",
        "Updated 14.06.2022",
        "Published: 14 June 2022 10:05 BST",
        "2022-06-14",
    ):
        assert is_date_line(line), line
    for line in (
        "Talks resumed at 10:30 GMT in Moscow.",
        "The treaty of 1956",
        "Putin visits Japan in December",
        "Listen Live",
    ):
        assert not is_date_line(line), line


def test_tag_lists() -> None:
    assert is_tag_list("peace, treaty, talks, Dmitry Peskov, Japan, Russia, Kuril Islands")
    assert not is_tag_list("Iturup, Kunashir, Shikotan and Habomai")
    assert not is_tag_list("He said, however, that the talks, which began in May, went well.")


def test_story_sentences_with_trigger_words_match_no_rule() -> None:
    for sentence in STORY:
        assert first_rule(sentence) is None, sentence


def test_noise_lines_match_a_rule() -> None:
    for line in NOISE:
        assert first_rule(line) is not None, line


def test_paragraphs_normalise_and_rejoin_wrapped_lines() -> None:
    text = (
        "A line\u00a0with  odd\tspaces\u200b.\n\n"
        "A wrapped sentence that goes on for a while\nand ends here."
    )
    assert split_paragraphs(text) == [
        "A line with odd spaces.",
        "A wrapped sentence that goes on for a while and ends here.",
    ]
    # Short labels are never glued to the next line.
    assert split_paragraphs("Comments (2)\njdoe wrote:\nnice") == [
        "Comments (2)",
        "jdoe wrote:",
        "nice",
    ]
    assert is_prose("He said . ''") and is_prose("It ended -RRB-.") and not is_prose("Top stories")


def test_comment_heading_near_the_top_does_not_end_the_story() -> None:
    raw = "Comments (3)\n\n" + "\n\n".join(STORY[:4])
    cleaned = clean_text(raw)
    assert all(sentence in cleaned.text for sentence in STORY[:4])
    assert "Comments (3)" not in cleaned.text
    story = "\n\n".join(STORY[:4])
    # A thread heading takes the rest of its block; a handle takes the comment after it.
    thread = "Comments (3)\njdoe wrote:\nGreat piece, thanks.\n\nann_k wrote:\nI disagree."
    cleaned = clean_text(f"{story}\n\n{thread}\n\n{STORY[5]}")
    assert "Great piece" not in cleaned.text and "I disagree" not in cleaned.text
    assert cleaned.text.endswith(STORY[5])
    # A story paragraph in its own block after a thread is never lost (threads are bounded
    # by blank lines); the price is that unmarked comments in later blocks are kept.
    shuffled = clean_text(f"{story}\n\nComments (2)\n\n{STORY[6]}\n\nfirst!")
    assert STORY[6] in shuffled.text


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_clean_text_keeps_only_input_text(text: str) -> None:
    cleaned = clean_text(text)
    inputs = split_paragraphs(text)
    for paragraph in cleaned.text.split("\n\n") if cleaned.text else []:
        assert paragraph and paragraph == paragraph.strip()
        assert any(p.endswith(paragraph) for p in inputs), paragraph
    assert list(cleaned.removed) == sorted(set(cleaned.removed))


@settings(max_examples=150, deadline=None)
@given(
    story=st.lists(st.sampled_from(STORY), min_size=2, max_size=6, unique=True),
    noise=st.lists(
        st.tuples(st.integers(min_value=0, max_value=6), st.sampled_from(NOISE)), max_size=5
    ),
    separator=st.sampled_from(["\n", "\n\n", "\n\n\n\n"]),
)
def test_story_survives_and_noise_goes(
    story: list[str], noise: list[tuple[int, str]], separator: str
) -> None:
    lines = list(story)
    for position, line in sorted(noise, reverse=True):
        lines.insert(min(position, len(lines)), line)
    cleaned = clean_text(separator.join(lines))
    for sentence in story:
        assert sentence in cleaned.text
    for _, line in noise:
        assert line not in cleaned.text


def test_caption_above_or_below_a_credit() -> None:
    story = "\n\n".join(STORY[:3])
    below = (
        f"{story}\n\n{STORY[8]}\nPress Service of the Greenland Government\n"
        "The premier visits the island by helicopter.\n\n" + STORY[9]
    )
    cleaned = clean_text(below)
    assert "helicopter" not in cleaned.text and "Press Service" not in cleaned.text
    assert STORY[8] in cleaned.text and cleaned.text.endswith(STORY[9])
    # With the caption above the credit, the text below the credit is story text.
    above = (
        f"{story}\n\nThe island seen from a coastguard ship\nPhoto courtesy of the coastguard\n"
        f"{STORY[8]}\n\n{STORY[9]}"
    )
    cleaned = clean_text(above)
    assert "coastguard" not in cleaned.text
    assert STORY[8] in cleaned.text and STORY[9] in cleaned.text
