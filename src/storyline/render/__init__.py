"""Renderers: the versioned JSON contract (+ JSON Schema), Markdown, HTML, TimelineJS and CSV.

    doc = to_json_dict(timeline)                  # the timeline.json contract as Python data
    text = render(timeline, "md")                 # one format as text
    paths = write_outputs(timeline, out_dir, ["json", "html"])
    report = write_report(timeline, out_dir, FORMATS)   # also says which files were skipped
    files = render_files(timeline, ["json"]); write_rendered(files, out_dir)  # in two steps

Every output is deterministic: the same Timeline gives the same bytes. A format whose file
would be useless is not written, and the report says why (`timelinejs.json` without entries:
TimelineJS refuses a file without events).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import MissingExtraError, StorylineError
from storyline.ingest.safeio import display_path
from storyline.ingest.walk import OUTPUT_MARKER
from storyline.model import Timeline
from storyline.progress import ProgressLike, as_progress
from storyline.render.csvfile import render_csv
from storyline.render.html import render_html
from storyline.render.jsondoc import dumps, to_json_dict
from storyline.render.markdown import render_markdown
from storyline.render.registry import Renderer, register, renderer_for, renderers
from storyline.render.timelinejs import render_timelinejs

log = logging.getLogger(__name__)

SCHEMA_PATH = Path(__file__).resolve().parent / "timeline.schema.json"
CHANGES_FILE = "changes.json"  # written beside the timeline by a build from a store


def _render_json(timeline: Timeline) -> str:
    return dumps(to_json_dict(timeline))


for _renderer in (
    Renderer("json", "timeline.json", _render_json, "the versioned contract (JSON Schema)"),
    Renderer("md", "timeline.md", render_markdown, "Markdown", with_changes=render_markdown),
    Renderer(
        "html", "timeline.html", render_html, "a self-contained page", with_changes=render_html
    ),
    Renderer(
        "timelinejs",
        "timelinejs.json",
        render_timelinejs,
        "Knight Lab TimelineJS",
        refuses=lambda t: (
            None
            if t.entries
            else "the timeline has no entries, and TimelineJS refuses a file without events"
        ),
    ),
    Renderer("csv", "timeline.csv", render_csv, "one row per entry"),
):
    register(_renderer)

FORMATS: tuple[str, ...] = tuple(r.name for r in renderers())
"""The output formats, in the order `write_outputs` documents them."""

OUTPUT_NAMES: dict[str, str] = {r.name: r.filename for r in renderers()}
"""The file each format is written to by `write_outputs`."""


def render(timeline: Timeline, fmt: str) -> str:
    """Render `timeline` in one of `FORMATS` ("json", "md", "html", "timelinejs", "csv")."""
    return renderer_for(fmt).render(timeline)


def skip_reason(timeline: Timeline, fmt: str) -> str | None:
    """Why `fmt`'s file should not be written for `timeline`, or None to write it."""
    refuses = renderer_for(fmt).refuses
    return refuses(timeline) if refuses is not None else None


@dataclass(frozen=True)
class WriteReport:
    """What `write_report` did: the files written, and each file not written with the reason."""

    written: list[Path] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> reason


def write_outputs(timeline: Timeline, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write each format's file into `out_dir` (created if needed), atomically, and return
    the paths written, in the order of `formats` (duplicates written once). A file that
    `skip_reason` rules out is not written (logged; `write_report` returns the reason).

    Every format is checked before anything is written. Files are UTF-8 with "\\n" newlines.
    """
    return write_report(timeline, out_dir, formats).written


@dataclass(frozen=True)
class RenderedFile:
    """One output file as text, before it is written; `text` is None for a file that is not
    to be written, with the `refused` reason."""

    name: str
    text: str | None
    refused: str | None = None


@dataclass(frozen=True)
class RenderedFiles:
    """A timeline's output files rendered, not yet written (`render_files`): what
    `write_rendered` writes, and what a worker that built a story's timeline sends back."""

    files: tuple[RenderedFile, ...]  # one per format, in the order of the formats
    changes: str | None = None  # changes.json, for a build from a store


def render_files(
    timeline: Timeline, formats: Sequence[str], changes: Mapping[str, Any] | None = None
) -> RenderedFiles:
    """Each format's file as text (duplicates once; a file that `skip_reason` rules out is
    refused, with why). `changes` (a store's build: `StoryStore.changes`) becomes
    changes.json and is shown by the formats that can. Pure: the same input, the same text."""
    chosen = list({r.name: r for r in (renderer_for(f) for f in formats)}.values())
    files: list[RenderedFile] = []
    for renderer in chosen:
        reason = renderer.refuses(timeline) if renderer.refuses is not None else None
        if reason is not None:
            files.append(RenderedFile(renderer.filename, None, reason))
        elif changes is not None and renderer.with_changes is not None:
            files.append(RenderedFile(renderer.filename, renderer.with_changes(timeline, changes)))
        else:
            files.append(RenderedFile(renderer.filename, renderer.render(timeline)))
    return RenderedFiles(tuple(files), dumps(dict(changes)) if changes is not None else None)


def write_report(
    timeline: Timeline,
    out_dir: Path,
    formats: Sequence[str],
    progress: ProgressLike = None,
    changes: Mapping[str, Any] | None = None,
) -> WriteReport:
    """`write_outputs`, returning the files skipped with their reasons too. A skipped file
    left in `out_dir` by an earlier build is removed, so the folder never mixes two builds.
    `progress` hears the stage ``render`` (one step per file). `changes` (a store's build:
    `StoryStore.changes`) is written to changes.json and shown by the formats that can."""
    return write_rendered(render_files(timeline, formats, changes), out_dir, progress)


def write_rendered(
    rendered: RenderedFiles, out_dir: Path, progress: ProgressLike = None
) -> WriteReport:
    """Write the files of `render_files` into `out_dir` (created if needed), each atomically;
    a refused file left there by an earlier build is removed. `progress` hears ``render``."""
    out = prepare_output_dir(out_dir)
    report = as_progress(progress)
    report.stage("render", len(rendered.files))
    done = WriteReport()
    for file in rendered.files:
        path = out / file.name
        if file.text is not None:
            _write_atomic(path, file.text)
            log.info("wrote %s", path)
            done.written.append(path)
        else:
            reason = file.refused or "refused"
            if path.is_file():
                path.unlink()
                reason += f"; removed the {path.name} of an earlier build"
            log.warning("not writing %s: %s", path, reason)
            done.skipped[path.name] = reason
        report.advance(1)
    if rendered.changes is not None:
        path = out / CHANGES_FILE
        _write_atomic(path, rendered.changes)
        done.written.append(path)
    return done


def prepare_output_dir(out_dir: str | Path) -> Path:
    """Check and create the output folder, and mark it as storyline's (`OUTPUT_MARKER`, so
    that a later run given a folder that holds it does not read its outputs as articles).

    Raises StorylineError, saying how to fix it, when the path is a symbolic link, a file,
    or a folder that cannot be created or written to. Call it before a long run so that a
    bad `-o` fails at once."""
    out = Path(out_dir)
    shown = display_path(out)
    if out.is_symlink():
        raise StorylineError(
            f"the output path {shown} is a symbolic link: storyline writes only into a real "
            f"folder. Fix: give the folder it points to, or another --out"
        )
    if out.exists() and not out.is_dir():
        raise StorylineError(
            f"the output path {shown} is a file, not a folder. Fix: choose another --out"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write_atomic(out / OUTPUT_MARKER, _MARKER_TEXT)
    except (OSError, StorylineError) as e:
        why = e.strerror if isinstance(e, OSError) else str(e)
        raise StorylineError(
            f"cannot write to the output folder {shown}: {why}. Fix: choose another --out "
            f"folder or check its permissions"
        ) from e
    return out


def discard_output_dir(out_dir: str | Path, *, created: bool) -> None:
    """Undo `prepare_output_dir` for a run that wrote nothing: the marker goes, and the folder
    too when this run `created` it and it is empty (a folder the user had stays)."""
    out = Path(out_dir)
    (out / OUTPUT_MARKER).unlink(missing_ok=True)
    if created:
        with contextlib.suppress(OSError):  # not empty: not ours to remove
            out.rmdir()


_MARKER_TEXT = (
    "This folder holds storyline's outputs. storyline does not read a folder holding this "
    "file as input.\n"
)


def _write_atomic(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise StorylineError(
            f"cannot write {path}: {e.strerror}. Fix: check free space and permissions of "
            f"{path.parent}"
        ) from e
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `timeline.json`."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def validate(doc: dict[str, Any]) -> None:
    """Check a `timeline.json` document against the schema; raise `ValueError` listing the
    first problems. Needs the optional package `jsonschema` (a dev dependency)."""
    try:
        import jsonschema
    except ImportError as e:  # pragma: no cover - jsonschema is installed in dev setups
        raise MissingExtraError("validating timeline.json", "dev", "jsonschema") from e
    validator = jsonschema.Draft202012Validator(
        load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(doc), key=lambda err: list(err.absolute_path))
    if errors:
        lines = [f"/{'/'.join(map(str, err.absolute_path))}: {err.message}" for err in errors[:10]]
        raise ValueError(
            f"timeline.json does not match schema version {doc.get('schema_version')!r}:\n"
            + "\n".join(lines)
        )


__all__ = [
    "FORMATS",
    "OUTPUT_NAMES",
    "SCHEMA_PATH",
    "RenderedFile",
    "RenderedFiles",
    "Renderer",
    "WriteReport",
    "discard_output_dir",
    "load_schema",
    "prepare_output_dir",
    "register",
    "render",
    "render_files",
    "renderer_for",
    "renderers",
    "skip_reason",
    "to_json_dict",
    "validate",
    "write_outputs",
    "write_rendered",
    "write_report",
]
