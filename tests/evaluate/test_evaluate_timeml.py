"""TimeML reading and the TempEval-3 scorer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.evaluate.tempeval import align, count, score_documents, scores
from storyline.evaluate.timeml import parse_timeml, read_timeml_dir

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
TBAQ = SHARED / "data" / "tempeval3" / "TBAQ-cleaned"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22T10:00" temporalFunction="false"
 functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>A title with <TIMEX3 tid="t9" type="DATE" value="2013">2013</TIMEX3></TITLE>
<TEXT>
Rebels &amp; troops <EVENT eid="e1" class="OCCURRENCE">clashed</EVENT> <TIMEX3 tid="t1"
 type="DATE" value="2013-03-21" functionInDocument="NONE">yesterday</TIMEX3>, and talks
 last <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_gives_text_offsets_and_dct() -> None:
    doc = parse_timeml(DOC, "X1")
    assert doc.dct == dt.date(2013, 3, 22)
    assert doc.dct_value.startswith("2013-03-22")
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "2013-03-21"),
        ("two days", "DURATION", "P2D"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "Rebels & troops clashed yesterday" in doc.text
    assert "<" not in doc.text


def test_reader_rejects_broken_input() -> None:
    with pytest.raises(InputError, match="not well-formed"):
        parse_timeml("<TimeML><TEXT>oops</TimeML>")
    with pytest.raises(InputError, match="no <TEXT>"):
        parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>")


@dataclass(frozen=True)
class S:
    start: int
    end: int
    type: str = "DATE"
    value: str = "2013"


def test_relaxed_strict_and_attribute_scores() -> None:
    gold = [S(0, 10), S(20, 30, "DURATION", "P2D"), S(40, 45)]
    system = [S(0, 10), S(22, 35, "DATE", "P2D"), S(50, 55)]
    c = count(gold, system)
    assert (c.gold, c.system, c.relaxed, c.strict, c.type_ok, c.value_ok) == (3, 3, 2, 1, 1, 2)
    s = scores(c)
    assert s.relaxed_f1 == pytest.approx(2 / 3)
    assert s.strict_f1 == pytest.approx(1 / 3)
    assert s.type_f1 == pytest.approx(2 / 3 * 1 / 2)
    assert s.value_f1 == pytest.approx(2 / 3)


def test_matching_is_one_to_one_in_text_order() -> None:
    gold = [S(0, 10), S(11, 20)]
    system = [S(5, 15)]
    assert [(m.gold, m.system) for m in align(gold, system)] == [(0, 0)]
    assert score_documents([(gold, system)]).counts.relaxed == 1


def test_empty_documents_score_zero_without_error() -> None:
    s = score_documents([([], [])])
    assert s.relaxed_f1 == 0.0 and s.counts.docs == 1


spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 20)).map(lambda t: S(t[0], t[0] + t[1])),
    max_size=15,
)


@given(spans, spans)
def test_scores_are_bounded_and_matching_is_one_to_one(gold: list[S], system: list[S]) -> None:
    matches = align(gold, system)
    assert len({m.gold for m in matches}) == len(matches)
    assert len({m.system for m in matches}) == len(matches)
    for m in matches:
        g, s = gold[m.gold], system[m.system]
        assert g.start < s.end and s.start < g.end
    sc = scores(count(gold, system))
    for v in (sc.strict_f1, sc.relaxed_f1, sc.type_f1, sc.value_f1):
        assert 0.0 <= v <= 1.0
    assert sc.strict_f1 <= sc.relaxed_f1 + 1e-12


@pytest.mark.shared
def test_tbaq_reads_with_consistent_offsets() -> None:
    if not TBAQ.is_dir():
        pytest.skip(f"TempEval-3 data not found at {TBAQ}")
    docs = list(read_timeml_dir(TBAQ / "AQUAINT"))
    assert len(docs) == 73
    assert all(d.dct is not None for d in docs)
    n = 0
    for d in docs:
        for t in d.timexes:
            assert d.text[t.start : t.end] == t.text
            n += 1
    assert n > 500
