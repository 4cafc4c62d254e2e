"""ROUGE-1.5.5 tokenisation and counting rules (as tilse configures it)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from storyline.evaluate.metrics import (
    align_m1_rouge,
    approximate_rouge1_f,
    concat_rouge,
    date_prf,
    make_timeline,
)
from storyline.evaluate.rouge import rouge_counts, rouge_tokens, see_sentence_text


def test_tokens_lowercase_stem_and_drop_stopwords() -> None:
    assert rouge_tokens(["The Senators were voting on Tuesday ."]) == ["senat", "vote", "tuesdai"]


def test_hyphen_and_non_ascii_split_tokens() -> None:
    assert rouge_tokens(["cease-fire in Tōkyō"]) == ["ceas", "fire", "ky"]


def test_caret_becomes_circ_and_lt_cuts_sentence() -> None:
    assert see_sentence_text("a ^ b") == "a &circ; b"
    assert rouge_tokens(["rates ^ rise"]) == ["rate", "circ", "rise"]
    assert rouge_tokens(["troops <advance> north", "navy sails"]) == ["troop", "navi", "sail"]
    assert rouge_tokens(["<b>bold</b>"]) == []


def test_short_tokens_are_not_stemmed() -> None:
    # ROUGE only stems tokens longer than 3 characters.
    assert rouge_tokens(["ran cats runs"]) == ["ran", "cat", "run"]


def test_bigrams_cross_sentence_boundaries() -> None:
    counts = rouge_counts(["storm hits"], [["storm", "hits"]])
    assert counts[2].hit == 1 and counts[2].model == 1 and counts[2].peer == 1


def test_peer_counted_once_per_model() -> None:
    counts = rouge_counts(["flood waters rise"], [["flood waters"], []])
    assert counts[1].peer == 6 and counts[1].model == 2 and counts[1].hit == 2


words = st.sampled_from(["army", "troops", "advance", "city", "talks", "fail", "oil", "spill"])
sentences = st.lists(words, min_size=0, max_size=8).map(" ".join)


@given(
    st.lists(sentences, max_size=4),
    st.lists(st.lists(sentences, max_size=3), min_size=1, max_size=3),
)
def test_counts_are_consistent(peer: list[str], models: list[list[str]]) -> None:
    for c in rouge_counts(peer, models).values():
        assert 0 <= c.hit <= min(c.model, c.peer)


@given(st.lists(sentences, min_size=1, max_size=4))
def test_identical_summary_has_full_overlap(summary: list[str]) -> None:
    for c in rouge_counts(summary, [summary]).values():
        assert c.hit == c.model == c.peer


def test_approximation_ignores_punctuation_substrings() -> None:
    assert approximate_rouge1_f(["a ."], [["a ,"]]) == 1.0
    assert approximate_rouge1_f(["()"], [["()"]]) == 0


def test_identical_timelines_score_one() -> None:
    tl = make_timeline(
        [
            (dt.date(2011, 2, 1), ["Rebels take the port city ."]),
            (dt.date(2011, 2, 9), ["Government forces retake the airport ."]),
        ]
    )
    ar = align_m1_rouge(tl, [tl])
    assert ar[1].f1 == 1.0 and ar[2].f1 == 1.0
    assert date_prf(tl, [tl]).f1 == 1.0
    assert concat_rouge(tl, [tl])[1].f1 == 1.0


def test_date_shift_discounts_matches() -> None:
    ref = make_timeline([(dt.date(2011, 2, 1), ["Rebels take the port city ."])])
    pred = make_timeline([(dt.date(2011, 2, 2), ["Rebels take the port city ."])])
    ar = align_m1_rouge(pred, [ref])
    assert ar[1].precision == 0.5 and ar[1].recall == 0.5
    assert date_prf(pred, [ref]).f1 == 0.0


def test_empty_prediction_scores_zero() -> None:
    ref = make_timeline([(dt.date(2011, 2, 1), ["Rebels take the port city ."])])
    assert align_m1_rouge({}, [ref])[1].f1 == 0.0
    assert concat_rouge({}, [ref])[2].f1 == 0.0
    assert date_prf({}, [ref]).f1 == 0.0


def test_make_timeline_merges_repeated_dates() -> None:
    d = dt.date(2020, 1, 1)
    assert make_timeline([(d, [" a "]), (d, ["b"])]) == {d: ["a", "b"]}
