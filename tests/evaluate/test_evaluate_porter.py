"""ROUGE-1.5.5's Porter stemmer and WordNet exception lookup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.evaluate.porter import porter_stem, rouge_stem, wordnet_exceptions

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "evaluate" / "tilse_reference.json"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("conflated", "conflat"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("generalization", "gener"),
        ("hopefulness", "hope"),
        ("electrical", "electr"),
        ("adjustable", "adjust"),
        ("adoption", "adopt"),
        ("controll", "control"),
        ("yelling", "yell"),
        ("at", "at"),
    ],
)
def test_porter_known_stems(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_rouge_ement_rule_differs_from_textbook_porter() -> None:
    # ROUGE's step 4 tries "-ement" alone; "-ment" and "-ent" are separate later rules.
    assert porter_stem("replacement") == "replac"
    assert porter_stem("agreement") == "agreem"


def test_wordnet_exceptions_come_first() -> None:
    assert rouge_stem("children") == "child"
    assert rouge_stem("went") == "go"
    assert rouge_stem("Geese") == "goose"
    assert len(wordnet_exceptions()) > 5000


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=20))
def test_porter_total_and_short(word: str) -> None:
    out = porter_stem(word)
    assert out.islower() or out == ""
    assert len(out) <= len(word) + 1
    if len(word) < 3:
        assert out == word


def test_stems_match_rouge_perl() -> None:
    """Every word of the T17 reference timelines stemmed like ROUGE-1.5.5's Perl code."""
    if not FIXTURE.is_file():
        pytest.skip(f"{FIXTURE} missing: run bench/tilse_reference.py")
    stems = json.loads(FIXTURE.read_text(encoding="utf-8"))["stems"]
    assert len(stems) > 1000
    wrong = {w: (rouge_stem(w), s) for w, s in stems.items() if rouge_stem(w) != s}
    assert not wrong, f"{len(wrong)} stems differ from ROUGE, e.g. {list(wrong.items())[:10]}"
