"""What changed since the last build: an entry keeps its id when new articles only add
sources; changes.json and the "Since last build" sections of timeline.md and timeline.html
(every article string escaped). Real store, real pipeline, real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.render import render, to_json_dict
from storyline.render.html import render_html
from storyline.stories import StoryStore
from storyline.stories.changes import diff_timelines, load_changes_schema

MEETING = """ date 2019-01-14 Foreign Minister Taro Kono met Sergei Lavrov in Moscow on Monday \
to resume talks on a peace treaty, the Japanese foreign ministry said in a statement.

The two ministers agreed to meet again in February, officials added after the talks ended.
"""
MEETING_AGAIN = """ date 2019-01-14
Source: Harbour Courier

Japan's Taro Kono and Russia's Sergei Lavrov held talks in Moscow on Monday on a peace \
treaty, with both sides calling the meeting frank and useful.

Lavrov said the two countries remained far apart on the islands, according to Russian media.
"""


def _entry(id_: str, date: str, headline: str, spans: list[tuple[str, int]]) -> dict[str, Any]:
    cites = [{"article": a, "start": s, "end": s + 10, "text": headline} for a, s in spans]
    return {
        "id": id_,
        "date": date,
        "granularity": "day" if len(date) == 10 else "month",
        "headline": headline,
        "sources": len({a for a, _ in spans}),
        "sentences": cites[:1],
        "citations": cites,
    }


def _doc(entries: list[dict[str, Any]], dis: list[dict[str, Any]] | None = None) -> Any:
    return {"entries": entries, "disagreements": dis or [], "articles": []}


def test_a_first_build_lists_every_entry_as_new() -> None:
    doc = _doc([_entry("t1", "2019-01-14", "Talks", [("a", 0)])])
    changes = diff_timelines(None, doc)
    assert changes["first_build"] is True
    assert [e["id"] for e in changes["new"]] == ["t1"]


def test_new_updated_retired_and_a_date_made_precise() -> None:
    old = _doc(
        [
            _entry("t1", "2019-01-14", "Talks", [("a", 0)]),
            _entry("t2", "2019-02", "Summit in February", [("b", 5)]),
            _entry("t3", "2019-03-01", "Gone", [("c", 0)]),
        ],
        [{"kind": "number", "about": "dead", "claims": [{"value": "3"}, {"value": "4"}]}],
    )
    new = _doc(
        [
            _entry("t1", "2019-01-14", "Talks", [("a", 0), ("d", 7)]),
            _entry("t9", "2019-02-09", "Summit on 9 February", [("b", 5), ("e", 1)]),
            _entry("t4", "2019-04-01", "Fresh", [("f", 0)]),
        ],
        [
            {"kind": "number", "about": "dead", "claims": [{"value": "4"}, {"value": "3"}]},
            {"kind": "date", "about": "vote", "claims": [{"value": "May"}, {"value": "June"}]},
        ],
    )
    changes = diff_timelines(old, new)
    assert [e["id"] for e in changes["new"]] == ["t4"]
    assert [e["id"] for e in changes["retired"]] == ["t3"]
    by_id = {u["id"]: u for u in changes["updated"]}
    assert by_id["t1"]["changed"] == ["sources"]
    assert by_id["t1"]["sources"]["from"] == 1 and by_id["t1"]["sources"]["to"] == 2
    assert by_id["t9"]["was"] == "t2"
    assert by_id["t9"]["changed"] == ["date", "headline", "sources"]
    assert by_id["t9"]["date"]["granularity_from"] == "month"
    assert [d["about"] for d in changes["disagreements"]] == ["vote"]
    # the document follows its schema, and the schema is strict enough to notice a slip
    schema = jsonschema.Draft202012Validator(load_changes_schema())
    schema.validate(changes)
    schema.validate(diff_timelines(None, new))
    broken = {**changes, "updated": [{**by_id["t9"], "changed": ["colour"]}]}
    assert not schema.is_valid(broken)
    assert not schema.is_valid({**changes, "new": [{"id": "t4"}]})


def test_an_entry_keeps_its_id_when_new_articles_only_add_sources(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MEETING_AGAIN, encoding="utf-8")
    with StoryStore(tmp_path / "story.db") as store:
        store.add([folder])
        first = store.build()
        store.remember(first)
        day = [e for e in first.entries if e.date.iso() == "2019-01-14"]
        assert len(day) == 1 and day[0].sources == 1
        store.add([tmp_path / "b.txt"])
        second = store.build()
        changes = store.changes(second)
    again = [e for e in second.entries if e.date.iso() == "2019-01-14"]
    assert [e.id for e in again] == [day[0].id]
    assert again[0].sources == 2
    updated = {u["id"]: u for u in changes["updated"]}
    assert "sources" in updated[day[0].id]["changed"]
    assert day[0].id not in {e["id"] for e in changes["new"] + changes["retired"]}


def test_build_from_a_store_writes_changes_and_a_since_last_build_section(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "b.txt").write_text(MEETING_AGAIN, encoding="utf-8")
    db, out = str(tmp_path / "s.db"), tmp_path / "out"
    runner = CliRunner()
    for args in (
        ["add", str(tmp_path / "a.txt"), "--store", db],
        ["build", "--store", db, "-o", str(out)],
        ["add", str(tmp_path / "b.txt"), "--store", db],
        ["build", "--store", db, "-o", str(out)],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    assert changes["first_build"] is False and changes["updated"]
    jsonschema.Draft202012Validator(load_changes_schema()).validate(changes)
    md = (out / "timeline.md").read_text(encoding="utf-8")
    assert "## Since last build" in md and "- Updated: 2019-01-14:" in md
    assert md.index("## Since last build") < md.index("## Timeline")
    page = (out / "timeline.html").read_text(encoding="utf-8")
    assert 'id="since-last-build"' in page
    # a build from files writes neither
    result = runner.invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "f")])
    assert result.exit_code == 0 and not (tmp_path / "f" / "changes.json").exists()
    assert "Since last build" not in (tmp_path / "f" / "timeline.md").read_text(encoding="utf-8")


def test_article_strings_in_the_section_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MEETING, encoding="utf-8")
    with StoryStore(tmp_path / "s.db") as store:
        store.add([tmp_path / "a.txt"])
        timeline = store.build()
    doc = to_json_dict(timeline)
    bad = '<script>alert("x")</script> & <img src=x onerror=1>'
    old = json.loads(json.dumps(doc))
    old["entries"] = []
    changes = diff_timelines(old, doc)
    changes["new"][0]["headline"] = bad
    page = render_html(timeline, changes)
    section = page[page.index('id="since-last-build"') : page.index("</noscript>")]
    assert "<script>" not in section and "&lt;script&gt;" in section
    assert "<img" not in section
    assert render(timeline, "html") == render_html(timeline)  # no changes: no section
