"""Agency credit lines."""

from __future__ import annotations

import pytest

from storyline.corpus.syndication.credits import detect_credits, merge_credits


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("SEOUL (Yonhap) - Officials met.", ["Yonhap"]),
        ("Tokyo, Jan 5 (Kyodo) -- The cabinet met.", ["Kyodo"]),
        ("Paris (AFP): The talks ended.", ["AFP"]),
        ("Text.\n\nWritten with reporting by AFP and Interfax", ["AFP", "Interfax"]),
        ("Text.\nWith additional reporting from Reuters.", ["Reuters"]),
        ("Text.\nak/jp (Reuters, dpa)", ["Reuters", "dpa"]),
        ("Text.\nSource: Agence France-Presse", ["AFP"]),
    ],
)
def test_detects(text: str, agencies: list[str]) -> None:
    assert detect_credits(text) == agencies


@pytest.mark.parametrize(
    "text",
    [
        "Photo: REUTERS/Jane Doe",
        "Credit: Reuters/Jane Doe/Pool",
        "The ap said nothing.",
        "(Writing by Jane Doe; Editing by John Roe)",
        "Reuters reported on Monday that talks had stalled.",
    ],
)
def test_ignores(text: str) -> None:
    assert detect_credits(text) == []


def test_merge_keeps_cleaner_credits_and_canonicalises() -> None:
    assert merge_credits(["Associated Press", "Local Desk"], ["AP", "AFP"]) == (
        "AFP",
        "AP",
        "Local Desk",
    )
