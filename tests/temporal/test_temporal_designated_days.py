"""A day set aside ("declared Monday a national day of mourning") lies ahead of the
declaring, whatever its tense; a day something happened on lies behind."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.temporal import tag_times

TUESDAY = dt.date(2022, 11, 15)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The prime minister declared Monday a national day of mourning.", "2022-11-21"),
        ("The president declared Friday a public holiday.", "2022-11-18"),
        ("The council named Thursday as the day of the vote.", "2022-11-17"),
        ("The council met on Monday and made a decision.", "2022-11-14"),
        ("He declared on Monday that the mine would close.", "2022-11-14"),
    ],
)
def test_a_day_set_aside_lies_ahead(sentence: str, value: str) -> None:
    [t] = [t for t in tag_times(sentence, TUESDAY) if t.type == "DATE"]
    assert t.value == value
