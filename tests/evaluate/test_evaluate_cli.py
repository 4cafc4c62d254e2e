"""`storyline evaluate` command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from storyline.cli.main import cli


def test_help_lists_options() -> None:
    result = CliRunner().invoke(cli, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.output and "--save-timelines" in result.output


def test_folder_without_topics_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path)])
    assert result.exit_code != 0
    assert "no news-tls topic" in result.output


def test_missing_folder_is_rejected(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "nope")])
    assert result.exit_code == 2
