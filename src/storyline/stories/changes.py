"""What changed in a story's timeline since its last build (`changes.json`).

Both builds are compared as `timeline.json` documents. An entry keeps its id while its date
does (ids hash the date and its granularity), so entries are matched by id first: one whose
cited articles, headline or shown sentences differ is *updated*, with what changed. An entry
whose date changed (more or less precise, or moved) gets a new id: it is matched to the retired
entry that cites most of the same sentences (preferring an overlapping date), and reported as
updated with `date` changed and `was` naming the old id. Disagreements are new when no
disagreement of the last build had the same kind, subject and claimed values.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

CHANGES_VERSION = "1"

Doc = Mapping[str, Any]


def _cited(entry: Doc) -> set[str]:
    return {str(c.get("article")) for c in entry.get("citations") or entry.get("sentences") or []}


def _spans(entry: Doc) -> set[tuple[str, int, int]]:
    rows = [*(entry.get("citations") or []), *(entry.get("sentences") or [])]
    return {(str(c.get("article")), int(c.get("start", 0)), int(c.get("end", 0))) for c in rows}


def _brief(entry: Doc) -> dict[str, Any]:
    return {
        "id": entry["id"],
        "date": entry.get("date"),
        "granularity": entry.get("granularity"),
        "headline": entry.get("headline"),
        "sources": entry.get("sources"),
    }


def _nested(a: str | None, b: str | None) -> bool:
    """Whether two contract dates (YYYY, YYYY-MM, YYYY-MM-DD) overlap: one is a prefix."""
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def _outlets(doc: Doc) -> dict[str, str]:
    return {
        str(a["id"]): str(a.get("source") or a.get("path") or a["id"])
        for a in doc.get("articles", [])
        if a.get("status") == "used"
    }


def _updated(old: Doc, new: Doc, outlets: Mapping[str, str]) -> dict[str, Any] | None:
    changed: dict[str, Any] = {}
    before, after = _cited(old), _cited(new)
    if before != after or old.get("sources") != new.get("sources"):
        changed["sources"] = {
            "from": old.get("sources"),
            "to": new.get("sources"),
            "added": sorted({outlets.get(a, a) for a in after - before}),
            "removed": sorted(before - after),
        }
    if (old.get("date"), old.get("granularity")) != (new.get("date"), new.get("granularity")):
        changed["date"] = {
            "from": old.get("date"),
            "to": new.get("date"),
            "granularity_from": old.get("granularity"),
            "granularity_to": new.get("granularity"),
        }
    if old.get("headline") != new.get("headline"):
        changed["headline"] = {"from": old.get("headline"), "to": new.get("headline")}
    shown = [[s.get("text") for s in e.get("sentences", [])] for e in (old, new)]
    if shown[0] != shown[1] and "headline" not in changed:
        changed["sentences"] = {"from": len(shown[0]), "to": len(shown[1])}
    if not changed:
        return None
    out = _brief(new)
    if old["id"] != new["id"]:
        out["was"] = old["id"]
    out["changed"] = sorted(changed)
    out.update(changed)
    return out


def _disagreement_key(d: Doc) -> tuple[str, str, tuple[str, ...]]:
    values = tuple(sorted(str(c.get("value")) for c in d.get("claims", [])))
    return (str(d.get("kind")), str(d.get("about")), values)


def _match_moved(retired: Sequence[Doc], fresh: Sequence[Doc]) -> list[tuple[Doc, Doc]]:
    """Pairs (old, new) of entries that are one event whose date changed precision."""
    pairs: list[tuple[Doc, Doc]] = []
    taken: set[str] = set()
    for new in fresh:
        best: tuple[int, int, str] | None = None
        for old in retired:
            if old["id"] in taken:
                continue
            shared = len(_spans(old) & _spans(new))
            nested = int(_nested(old.get("date"), new.get("date")))
            if shared and (best is None or (nested, shared, old["id"]) > best):
                best = (nested, shared, old["id"])
        if best is not None:
            taken.add(best[2])
            pairs.append((next(o for o in retired if o["id"] == best[2]), new))
    return pairs


def diff_timelines(previous: Doc | None, current: Doc) -> dict[str, Any]:
    """The `changes.json` document between the last build's `timeline.json` (None: this is
    the first build, every entry is new) and this one's. Lists are in timeline order."""
    entries = list(current.get("entries", []))
    outlets = _outlets(current)
    if previous is None:
        return {
            "changes_version": CHANGES_VERSION,
            "first_build": True,
            "new": [_brief(e) for e in entries],
            "updated": [],
            "retired": [],
            "disagreements": list(current.get("disagreements", [])),
        }
    old_by_id = {str(e["id"]): e for e in previous.get("entries", [])}
    new_ids = {str(e["id"]) for e in entries}
    fresh = [e for e in entries if e["id"] not in old_by_id]
    retired = [e for e in previous.get("entries", []) if e["id"] not in new_ids]
    moved = {new["id"]: old for old, new in _match_moved(retired, fresh)}
    moved_from = {old["id"] for old in moved.values()}
    updated: list[dict[str, Any]] = []
    for entry in entries:
        old = old_by_id.get(entry["id"]) or moved.get(entry["id"])
        if old is not None and (change := _updated(old, entry, outlets)) is not None:
            updated.append(change)
    known = {_disagreement_key(d) for d in previous.get("disagreements", [])}
    return {
        "changes_version": CHANGES_VERSION,
        "first_build": False,
        "new": [_brief(e) for e in fresh if e["id"] not in moved],
        "updated": updated,
        "retired": [_brief(e) for e in retired if e["id"] not in moved_from],
        "disagreements": [
            d for d in current.get("disagreements", []) if _disagreement_key(d) not in known
        ],
    }


def load_changes_schema() -> dict[str, Any]:
    """The JSON Schema of `changes.json` (`render/changes.schema.json`)."""
    text = resources.files("storyline.render").joinpath("changes.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
