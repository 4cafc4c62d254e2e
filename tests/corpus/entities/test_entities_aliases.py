"""The alias TOML file: force and forbid merges; bad files say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.corpus.entities.aliases import gazetteer, load_alias_file
from storyline.errors import ConfigError


def write(tmp_path: Path, text: str) -> str:
    p = tmp_path / "aliases.toml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_valid_file(tmp_path: Path) -> None:
    rules = load_alias_file(
        write(
            tmp_path,
            '[[merge]]\nnames = ["Kuril Islands", "Northern Territories"]\nreason = "same"\n'
            '[[forbid]]\nnames = ["May", "Theresa May", "Brian May"]\n',
        )
    )
    assert rules.merges[0].names == ("Kuril Islands", "Northern Territories")
    assert frozenset(("may", "brian may")) in rules.forbidden_pairs()
    assert len(rules.forbidden_pairs()) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[merge]\nnames = 1", "not valid TOML"),
        ('[[merge]]\nnames = ["Only One"]', "at least two different names"),
        ('[[merge]]\nnames = ["A", 3]', "list of non-empty strings"),
        ('[[merge]]\nnames = ["A", "B"]\nwhy = "x"', "unknown key"),
        ('[[alias]]\nnames = ["A", "B"]', "unknown section"),
        ('merge = "A = B"', "array of tables"),
        ('[[merge]]\nnames = ["A", "B"]\n[[forbid]]\nnames = ["b", "a"]', "remove one"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_alias_file(write(tmp_path, text))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_alias_file(str(tmp_path / "nope.toml"))


def test_gazetteer_is_valid_and_knows_the_kurils() -> None:
    names = {n for rule in gazetteer().merges for n in rule.names}
    assert {"Northern Territories", "Southern Kuriles", "Takeshima", "Dokdo"} <= names
