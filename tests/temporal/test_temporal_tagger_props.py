"""Properties of tag_times on arbitrary text, and the `storyline times` command."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.cli.times import command
from storyline.temporal import tag_times

WORDS = [
    "on", "Monday", "last", "next", "week", "year", "May", "may", "March", "1990", "1990s",
    "two", "days", "ago", "later", "the", "following", "day", "that", "3:30", "p.m.", "noon",
    "quarter", "third", "every", "a", "month", "$5", "2013-03-22", "Jan.", "14,", "14", "now",
    "yesterday", "will", "said", "early", "mid-", "past", "the past", "\n", ",", ".", "'",
    "fiscal", "half", "12/25/2012", "century", "20th", "weekend", "tonight", "morning",
    "Christmas", "Easter", "latest", "period", "nineteen", "ninety-six", "the year", "ended",
]  # fmt: skip
news_like = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join)
dcts = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


def _check(text: str, dct: dt.date | None) -> None:
    found = tag_times(text, dct, use_spacy=False)
    last = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last  # sorted and non-overlapping
        last = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        assert t.anchor in ("dct", "previous", "none")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), dcts)
def test_never_raises_on_arbitrary_text(text: str, dct: dt.date | None) -> None:
    _check(text, dct)


@settings(max_examples=300, deadline=None)
@given(news_like, dcts)
def test_offsets_valid_sorted_non_overlapping_on_date_soup(text: str, dct: dt.date | None) -> None:
    _check(text, dct)


def test_extreme_dcts_do_not_overflow() -> None:
    for dct in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        _check("Last year, next week, two centuries ago, on Monday, in December.", dct)


def test_cli_prints_one_json_object_per_line_with_exact_offsets(tmp_path: Path) -> None:
    text = "Troops left on Friday,\r\nand “talks” resume next week — in 2014.\n"
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode("utf-8"))
    res = CliRunner().invoke(command, ["--dct", "2013-03-22", str(f)])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.output.splitlines()]
    assert [(r["text"], r["type"], r["value"]) for r in recs] == [
        ("Friday", "DATE", "2013-03-22"),
        ("next week", "DATE", "2013-W13"),
        ("2014", "DATE", "2014"),
    ]
    for r in recs:
        assert set(r) == {"start", "end", "text", "type", "value"}
        assert text[r["start"] : r["end"]] == r["text"]


def test_cli_reads_stdin_and_accepts_an_undated_document() -> None:
    res = CliRunner().invoke(command, ["--dct", "none"], input=b"It rained on Monday.")
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == {
        "start": 13,
        "end": 19,
        "text": "Monday",
        "type": "DATE",
        "value": "XXXX-WXX-1",
    }


def test_cli_explains_a_bad_dct_and_a_bad_encoding(tmp_path: Path) -> None:
    res = CliRunner().invoke(command, ["--dct", "22/03/2013"], input=b"x")
    assert res.exit_code != 0 and "YYYY-MM-DD" in res.output
    f = tmp_path / "latin.txt"
    f.write_bytes("caf\xe9 on Monday".encode("latin-1"))
    res = CliRunner().invoke(command, ["--dct", "none", str(f)])
    assert res.exit_code != 0 and "not UTF-8" in res.output


@settings(max_examples=150, deadline=None)
@given(news_like, dcts)
def test_trigger_windows_find_what_a_full_scan_finds(text: str, dct: dt.date | None) -> None:
    from storyline.temporal import tagger
    from storyline.temporal.engine import Context, run
    from storyline.temporal.tense import SpacyTense

    def spans(trigger: re.Pattern[str] | None) -> list[tuple[int, int, str]]:
        ctx = Context(text, dct, SpacyTense(text))
        return [(t.start, t.end, t.result.value) for t in run(text, tagger.RULES, ctx, trigger)]

    assert spans(tagger.TRIGGER) == spans(None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "19", "2013", "4", "x1y22", "abc"]), max_size=40))
def test_a_run_of_digits_triggers_the_windows_its_digits_did(words: list[str]) -> None:
    """The trigger takes a run of digits as one match; the merged windows are those that
    one match per digit gave (what the tagger scanned before)."""
    from storyline.temporal import tagger
    from storyline.temporal.engine import windows

    text = " ".join(words)
    assert tagger.TRIGGER.pattern.startswith(r"\d+|")
    by_digit = re.compile(r"\d|" + tagger.TRIGGER.pattern[len(r"\d+|") :], re.IGNORECASE)
    assert windows(text, tagger.TRIGGER) == windows(text, by_digit)


@settings(max_examples=150, deadline=None)
@given(news_like, dcts)
def test_tagging_over_a_scan_made_before_is_tagging(text: str, dct: dt.date | None) -> None:
    from storyline.temporal import scan_times

    scanned = scan_times(text)
    once = tag_times(text, dct, use_spacy=False)
    assert tag_times(text, dct, use_spacy=False, scanned=scanned) == once
    assert tag_times(text, dct, use_spacy=False, scanned=scanned) == once  # reusable
    # a scan of another text is not used
    assert tag_times(text, dct, use_spacy=False, scanned=scan_times(text + " in 1999")) == once
