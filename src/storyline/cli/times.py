"""`storyline times`: tag the time expressions of one plain-text document, one JSON per line.

storyline times --dct 2013-03-22 article.txt
storyline times --dct none < article.txt
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import click

from storyline.errors import InputError, StorylineError
from storyline.nlp import DEFAULT_MODEL
from storyline.temporal import tag_times


def _parse_dct(value: str) -> dt.date | None:
    if value.strip().lower() in ("none", "null", ""):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as e:
        raise click.BadParameter(
            f"{value!r} is not a date: give the document creation time as YYYY-MM-DD, "
            "or 'none' for an undated document"
        ) from e


def _read(path: str | None) -> str:
    try:
        if path is None or path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}; check the path") from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{path or 'standard input'} is not UTF-8 (byte {e.start}): convert it first, "
            "e.g. iconv -f latin1 -t utf-8"
        ) from e


@click.command("times")
@click.option(
    "--dct",
    required=True,
    help="Document creation time YYYY-MM-DD, or 'none' for an undated document.",
)
@click.option(
    "--spacy/--no-spacy",
    "use_spacy",
    default=False,
    show_default=True,
    help="Read the tense of governing verbs with the spaCy parser (about 0.005 more value F1 "
    "on TempEval-3, but loading spaCy costs seconds per call) instead of word cues.",
)
@click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="The spaCy pipeline that parses tense with --spacy (an installed package or a path).",
)
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True))
def command(dct: str, use_spacy: bool, model: str, file: str | None) -> None:
    """Print the TIMEX3 time expressions of FILE (or standard input), one JSON object per line:
    start and end character offsets into the exact input text, text, type and value."""
    when = _parse_dct(dct)
    try:
        text = _read(file)
    except InputError as e:
        raise click.ClickException(str(e)) from e
    try:
        found = tag_times(text, when, model=model, use_spacy=use_spacy)
    except StorylineError as e:
        raise click.ClickException(str(e)) from e
    lines = []
    for t in found:
        rec = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
    # UTF-8 whatever the locale, so that "text" always round-trips to the input's characters
    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    if out is not None:
        out.write("".join(lines).encode("utf-8"))
        out.flush()
    else:  # pragma: no cover - a text-only stream (e.g. some test runners)
        sys.stdout.write("".join(lines))
