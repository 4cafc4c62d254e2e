"""timelinejs.json in TimelineJS3 (the npm package @knight-lab/timelinejs, served from local
files): every slide renders, without error, and entries of one year or month do not pile up on
one spot of the time navigation."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from browserkit import Built, Served, node_asset, screenshot

HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1200px; height: 760px"></div>
<script>
fetch("/timelinejs.json").then((r) => r.json()).then((data) => {
  const options = {script_path: location.origin + "/tl/js/", font: false};  // no web fonts
  window.tl = new TL.Timeline("timeline-embed", data, options);
  window.tl.on("loaded", () => { window.tlLoaded = true; });
});
</script>
</body></html>
"""


def _load(served: Callable[..., Served], data: bytes) -> Served:
    dist = node_asset("@knight-lab", "timelinejs", "dist")
    s = served(viewport={"width": 1280, "height": 800})
    s.serve_dir("/tl/", dist)
    s.serve("/timelinejs.json", data, "application/json")
    s.serve("/index.html", HARNESS)
    s.open("/index.html")
    s.page.wait_for_function("window.tlLoaded === true", timeout=15_000)
    return s


def test_renders_every_slide(served: Callable[..., Served], built: Built) -> None:
    assert built.timelinejs is not None
    data = json.loads(built.timelinejs.read_text(encoding="utf-8"))
    s = _load(served, built.timelinejs.read_bytes())
    page = s.page
    slides = page.locator(".tl-slide")
    assert slides.count() == len(data["events"]) + 1  # the title slide first
    assert page.locator(".tl-timemarker").count() == len(data["events"])
    assert (
        page.locator(".tl-message-content").evaluate_all(
            "els => els.map(e => e.textContent).filter(t => t.trim())"
        )
        == []
    )
    title = page.locator(".tl-slide-titleslide .tl-headline").inner_text()
    assert title.strip() == data["title"]["text"]["headline"]
    page.wait_for_timeout(1500)  # let the opening zoom animation settle
    screenshot(page, f"{built.name}-timelinejs")
    s.clean()


def test_coarse_entries_do_not_stack(served: Callable[..., Served], built: Built) -> None:
    assert built.timelinejs is not None
    data = json.loads(built.timelinejs.read_text(encoding="utf-8"))
    s = _load(served, built.timelinejs.read_bytes())
    markers: list[dict[str, Any]] = s.page.eval_on_selector_all(
        ".tl-timemarker",
        "els => els.map(e => ({id: e.id.replace(/-marker$/, ''), left: e.style.left,"
        " top: e.style.top, spans: e.classList.contains('tl-timemarker-with-end'),"
        " width: e.getBoundingClientRect().width}))",
    )
    spots = [(m["left"], m["top"]) for m in markers]
    assert len(set(spots)) == len(spots), markers
    coarse = {e["unique_id"] for e in data["events"] if "end_date" in e}
    assert coarse  # both corpora have month and year entries
    for m in markers:
        # a year, month or week entry is drawn over its interval, not as a point on its 1st day
        assert m["spans"] == (m["id"] in coarse), m
    s.clean()
