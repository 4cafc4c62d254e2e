from pathlib import Path

import pytest

from storyline.config import Config
from storyline.errors import ConfigError


def test_overrides_parse_types_and_nest() -> None:
    cfg = Config().with_overrides(
        [
            "timeline.max_entries=7",
            "timeline.redundancy=0.25",
            "annotate.model=my_model",
            "timeline.allow_coarse=false",
            "query=kuril islands",
        ]
    )
    assert cfg.timeline.max_entries == 7
    assert cfg.timeline.redundancy == 0.25
    assert cfg.annotate.model == "my_model"
    assert cfg.timeline.allow_coarse is False
    assert cfg.query == "kuril islands"
    assert Config().timeline.max_entries != 7  # frozen: the default is untouched


@pytest.mark.parametrize(
    "item, message",
    [
        ("timeline.nope=1", "unknown config key"),
        ("timeline.max_entries=many", "must be an integer"),
        ("timeline=3", "is a section"),
        ("no-equals-sign", "section.key=value"),
        ("timeline.keywords=[1, 2]", "must be a list of strings"),
    ],
)
def test_bad_overrides_say_what_is_wrong(item: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config().with_overrides([item])


def test_toml_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "c.toml"
    p.write_text('query = "gerd"\n[timeline]\nmax_entries = 5\n[annotate]\nbatch_size = 8\n')
    cfg = Config.from_toml(p)
    assert (cfg.query, cfg.timeline.max_entries, cfg.annotate.batch_size) == ("gerd", 5, 8)
    assert cfg.to_dict()["timeline"]["max_entries"] == 5


def test_toml_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        Config.from_toml(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[timeline\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_toml(bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("[nosuch]\nx = 1\n")
    with pytest.raises(ConfigError, match="unknown config section"):
        Config.from_toml(unknown)


def test_keywords_take_a_list_or_one_word() -> None:
    cfg = Config().with_overrides(['timeline.keywords=["syria", "syrian"]'])
    assert cfg.timeline.keywords == ("syria", "syrian")
    assert Config().with_overrides(["timeline.keywords=nile"]).timeline.keywords == ("nile",)
    assert Config.from_dict({"timeline": {"keywords": ["a"]}}).timeline.keywords == ("a",)
