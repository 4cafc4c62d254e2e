"""Name normalisation, romanisation skeletons, edit distance, roles and naming evidence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.entities.names import (
    clean_surface,
    damerau_levenshtein,
    is_plausible_name,
    skeleton,
    strip_titles,
)
from storyline.corpus.entities.naming import naming_evidence
from storyline.corpus.entities.roles import compatible, resolve_counterparts, role_before


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sergei Lavrov", "Sergey Lavrov"), ("Yuri Ushakov", "Yury Ushakov"),
     ("Dmitri Peskov", "Dmitry Peskov"), ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
     ("Aleksandr Novak", "Alexander Novak"), ("Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi")],
)  # fmt: skip
def test_romanisations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Taro Kono", "Taro Kano"), ("Alexander Novak", "Alexander Novik")]
)
def test_different_vowels_are_different_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_clean_surface() -> None:
    assert clean_surface("the Kuril Islands\n   Community") == "Kuril Islands"
    assert clean_surface("Vladimir Putin\u2019s") == "Vladimir Putin"
    assert strip_titles("PM Abe") == "Abe"
    assert not is_plausible_name("Reuters/Alexei Nikolsky")
    assert not is_plausible_name("weekly")


@given(st.text(alphabet="abcdefgh", max_size=8), st.text(alphabet="abcdefgh", max_size=8))
def test_edit_distance_is_a_metric(a: str, b: str) -> None:
    d = damerau_levenshtein(a, b)
    assert d == damerau_levenshtein(b, a)
    assert (d == 0) == (a == b)
    assert d <= max(len(a), len(b))


def test_transposition_counts_once() -> None:
    assert damerau_levenshtein("Kono", "Knoo") == 1


def test_roles_and_counterparts() -> None:
    text = "Russian Foreign Minister Ivan Petrov met his Japanese counterpart, Ken Mori, on Friday."
    petrov = role_before(text, text.index("Ivan"))
    mori = role_before(text, text.index("Ken"))
    assert petrov.nationality == {"russian"} and {"foreign", "minister"} <= petrov.office
    _, mori = resolve_counterparts([petrov, mori])
    other = "Japanese Foreign Minister Ken Mora said"
    assert compatible(mori, role_before(other, other.index("Ken")))
    defence = "Japanese Defence Minister Ken Mora said"
    assert not compatible(mori, role_before(defence, defence.index("Ken")))


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The reef, which Manila calls Panatag Shoal and Beijing dubs Huangyan Island, is small.",
         {"Panatag Shoal", "Huangyan Island"}),
        ("They fish near a chain known in Russia as the Southern Kurils and in Japan as the "
         "Northern Territories.", {"Southern Kurils", "Northern Territories"}),
        ("The atolls are referred to as the Spratlys by Manila and the Nansha Islands by "
         "Beijing.", {"Spratlys", "Nansha Islands"}),
        ("Boats left Takeshima (known as Dokdo in Korea) at dawn.", {"Takeshima", "Dokdo"}),
        ("Work began on the Sea Gate, as the Coastal Barrage is known in the south, in May.",
         {"Sea Gate", "Coastal Barrage"}),
        ("The Grand Bridge, known locally as the Iron Span and first opened under the name "
         "Victory Bridge, was closed.", {"Grand Bridge", "Iron Span", "Victory Bridge"}),
    ],
)  # fmt: skip
def test_naming_evidence(sentence: str, names: set[str]) -> None:
    (ev,) = naming_evidence(sentence)
    assert set(ev.names) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "The president calls Putin a partner and calls for talks.",
        "Japan calls for the return of the islands.",
        "Iturup, Kunashir and Habomai, known collectively as the Southern Kurils, are small.",
        "Ministers met in Tokyo (Japan) on Monday.",
    ],
)
def test_no_naming_evidence(sentence: str) -> None:
    assert naming_evidence(sentence) == []


def test_two_constructions_in_one_sentence_stay_apart() -> None:
    sentence = (
        "The Grand Coastal Barrage, known locally as the Sea Gate, stands on the Rio Verde, "
        "which farmers call the Green River, near the border."
    )
    groups = {ev.names for ev in naming_evidence(sentence)}
    assert groups == {("Grand Coastal Barrage", "Sea Gate"), ("Rio Verde", "Green River")}
