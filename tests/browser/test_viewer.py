"""timeline.html in Chromium: the viewer built from examples/ and from the seed articles.

Each test loads the page from the made-up origin (see conftest.py) and ends by checking that
the page logged no error and asked for nothing but itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from browserkit import Built, Served, node_asset, screenshot

VISIBLE = "li.entry:not([hidden])"


def _open(served: Callable[..., Served], built: Built, fragment: str = "", **opts: Any) -> Served:
    s = served(**opts)
    s.serve_file("/timeline.html", built.html)
    s.open("/timeline.html", fragment)
    s.wait_ready()
    return s


def _visible_ids(s: Served) -> list[str]:
    ids: list[str] = s.page.eval_on_selector_all(VISIBLE, "els => els.map(e => e.id.slice(6))")
    return ids


def _entries(built: Built) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in built.doc["entries"]}


def _view(built: Built) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in built.doc["viewer"]["entries"]} if "viewer" in built.doc else {}


def test_loads_offline_without_errors_or_requests(
    served: Callable[..., Served], built: Built
) -> None:
    s = _open(served, built)
    page = s.page
    assert page.locator("li.entry").count() == len(built.doc["entries"])
    assert page.locator(VISIBLE).count() == len(built.doc["entries"])
    assert page.locator("ol.static-entries").count() == 0  # replaced by the viewer
    assert page.locator("#result-count").inner_text().startswith("All ")
    assert page.locator("svg.strip rect.tick").count() == len(built.doc["entries"])
    # sources are numbered by outlet name, never by internal id
    text = page.locator("main").inner_text()
    for article in built.doc["articles"]:
        assert article["id"] not in text
    assert s.requests == ["http://storyline.test/timeline.html"]
    screenshot(page, f"{built.name}-desktop")
    s.clean()


def test_opens_from_a_file_url(served: Callable[..., Served], built: Built) -> None:
    s = served()
    s.page.goto(s.allow_file(built.html))
    s.wait_ready()
    assert s.page.locator(VISIBLE).count() == len(built.doc["entries"])
    s.clean()


def test_search_filters_highlights_and_keeps_the_view_in_the_url(
    served: Callable[..., Served], examples_build: Built
) -> None:
    s = _open(served, examples_build)
    page = s.page
    page.fill("#f-q", "filling")
    ids = _visible_ids(s)
    entries = _entries(examples_build)
    assert 0 < len(ids) < len(entries)
    for i in ids:
        e = entries[i]
        cited = [c["text"] for c in _view(examples_build)[i]["cites"]]
        words = " ".join([e["headline"], *(x["text"] for x in e["sentences"]), *cited]).lower()
        assert "filling" in words
    assert page.locator(f"{VISIBLE} mark.hit").count() > 0
    total = len(entries)
    assert page.locator("#result-count").inner_text() == f"Showing {len(ids)} of {total} entries"
    assert "q=filling" in page.evaluate("location.hash")
    page.fill("#f-q", "zzzz-nothing")
    assert page.locator(VISIBLE).count() == 0
    assert page.locator("p.none").is_visible()
    page.click("p.none button")
    assert page.locator(VISIBLE).count() == len(entries)
    assert page.evaluate("location.hash") == ""
    s.clean()


def test_each_filter(served: Callable[..., Served], examples_build: Built) -> None:
    s = _open(served, examples_build)
    page = s.page
    entries = _entries(examples_build)
    view = _view(examples_build)
    names = {src["n"]: src["name"] for src in examples_build.doc["viewer"]["sources"]}
    # outlet
    page.select_option("#f-outlet", "The Addis Observer")
    ids = _visible_ids(s)
    assert ids and all(
        "The Addis Observer" in {names[c["n"]] for c in view[i]["cites"]} for i in ids
    )
    assert "outlet=The+Addis+Observer" in page.evaluate("location.hash")
    page.select_option("#f-outlet", "")
    # entity: the option with most entries
    value = page.eval_on_selector("#f-entity", "s => s.options[1].value")
    page.select_option("#f-entity", value)
    ids = _visible_ids(s)
    assert ids and all(value in view[i]["entities"] for i in ids)
    assert len(ids) < len(entries)
    page.select_option("#f-entity", "")
    # date range
    page.fill("#f-from", "2020-01-01")
    page.fill("#f-to", "2020-12-31")
    page.dispatch_event("#f-to", "change")
    ids = _visible_ids(s)
    assert ids and all(
        view[i]["end"] >= "2020-01-01" and view[i]["start"] <= "2020-12-31" for i in ids
    )
    assert len(ids) == sum(
        1 for v in view.values() if v["end"] >= "2020-01-01" and v["start"] <= "2020-12-31"
    )
    page.click("button.reset")
    # single vs corroborated
    page.select_option("#f-support", "single")
    single = _visible_ids(s)
    assert single and all(entries[i]["independent_sources"] <= 1 for i in single)
    page.select_option("#f-support", "corroborated")
    corroborated = _visible_ids(s)
    assert corroborated and all(entries[i]["independent_sources"] >= 2 for i in corroborated)
    assert len(single) + len(corroborated) == len(entries)
    page.click("button.reset")
    # kind of event: offered only for the kinds this build's entries have
    kinds = sorted({e["event"]["kind"] for e in entries.values() if e.get("event")})
    if not kinds:
        assert page.locator("#f-kind").count() == 0
    for kind in kinds:
        page.select_option("#f-kind", kind)
        ids = _visible_ids(s)
        assert ids and all((entries[i].get("event") or {}).get("kind") == kind for i in ids)
        assert f"kind={kind}" in page.evaluate("location.hash")
        assert len(ids) == sum(
            1 for e in entries.values() if (e.get("event") or {}).get("kind") == kind
        )
    s.clean()


def test_expand_sources_shows_the_sentence_in_its_paragraph(
    served: Callable[..., Served], built: Built
) -> None:
    s = _open(served, built)
    page = s.page
    view = _view(built)
    paragraphs = built.doc["viewer"]["paragraphs"]
    # an entry whose first citation's paragraph holds more than the sentence
    target = next(
        e
        for e in built.doc["entries"]
        if any(
            c["para"] is not None and len(paragraphs[c["para"]]["text"]) > len(c["text"])
            for c in view[e["id"]]["cites"]
        )
    )
    entry = page.locator(f"[id='entry-{target['id']}']")
    toggle = entry.locator("button.toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    items = entry.locator("li.cite")
    assert items.count() == len(view[target["id"]]["cites"])
    assert entry.locator("blockquote.para mark.cited").count() == items.count()
    long_quote = entry.locator("blockquote.para:not(.alone)").first
    assert len(long_quote.inner_text()) > len(long_quote.locator("mark.cited").inner_text())
    hrefs = entry.locator(".cites a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert all(h.startswith("#src-") or re.match(r"https?://", h) for h in hrefs)
    assert f"open={target['id']}" in page.evaluate("location.hash")
    screenshot(page, f"{built.name}-sources-open")
    target_panel = "#disagreements" if page.locator("#disagreements").count() else "#entities"
    page.locator(target_panel).scroll_into_view_if_needed()
    page.evaluate(f"document.querySelector('{target_panel}').scrollIntoView()")
    screenshot(page, f"{built.name}-panels")
    s.clean()


def test_a_shared_link_restores_the_view(served: Callable[..., Served], built: Built) -> None:
    first = built.doc["entries"][0]["id"]
    word = built.doc["entries"][0]["headline"].split()[0]
    fragment = f"#q={quote(word)}&support=single&open={first}&at={first}"
    s = _open(served, built, fragment)
    page = s.page
    assert page.input_value("#f-q") == word
    assert page.input_value("#f-support") == "single"
    ids = _visible_ids(s)
    entries = _entries(built)
    assert all(entries[i]["independent_sources"] <= 1 for i in ids)
    if entries[first]["independent_sources"] <= 1:
        opened = page.locator(f"[id='entry-{first}'] button.toggle")
        assert opened.get_attribute("aria-expanded") == "true"
    # following an in-page link keeps the shareable fragment
    page.click("nav.sections a[href='#provenance']")
    assert page.evaluate("location.hash") == fragment.replace(quote(word), word) or (
        "support=single" in page.evaluate("location.hash")
    )
    s.clean()


def test_keyboard(served: Callable[..., Served], examples_build: Built) -> None:
    s = _open(served, examples_build)
    page = s.page
    ids = [e["id"] for e in examples_build.doc["entries"]]
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "f-q"
    page.keyboard.type("dam")
    assert page.locator(VISIBLE).count() < len(ids)
    page.keyboard.press("Escape")  # clears the search
    assert page.input_value("#f-q") == ""
    assert page.locator(VISIBLE).count() == len(ids)
    page.keyboard.press("Escape")  # leaves the field
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"entry-{ids[0]}"
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == f"entry-{ids[2]}"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == f"entry-{ids[1]}"
    page.keyboard.press("Enter")
    toggle = page.locator(f"[id='entry-{ids[1]}'] button.toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    s.clean()


def test_focus_order(served: Callable[..., Served], examples_build: Built) -> None:
    s = _open(served, examples_build)
    page = s.page
    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate("(e => e.id || e.className || e.tagName)(document.activeElement)")
        )
    assert order[0] == "skip"  # the skip link first, then the summary's and sections' links
    assert order.index("f-q") < order.index("f-outlet") < order.index("f-support")
    assert order.index("f-support") < order.index("toggle")  # filters before the entries
    page.keyboard.press("Shift+Tab")
    s.clean()


def test_phone_width(served: Callable[..., Served], built: Built) -> None:
    s = _open(served, built, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = s.page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("details.more-filters").get_attribute("open") is None
    assert page.locator("#f-q").is_visible()
    # the overview is cut to a few lines on a phone, and a button shows all of it
    more = page.locator("button.more-summary")
    if more.count():
        clamped = page.locator(".summary").bounding_box()
        more.click()
        assert more.get_attribute("aria-expanded") == "true"
        full = page.locator(".summary").bounding_box()
        assert clamped is not None and full is not None and full["height"] > clamped["height"]
        more.click()
    box = page.locator(VISIBLE).first.bounding_box()
    assert box is not None and box["width"] <= 390
    screenshot(page, f"{built.name}-phone")
    page.locator("li.entry button.toggle").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    s.clean()


def test_print_dark_mode_and_no_script(served: Callable[..., Served], built: Built) -> None:
    s = _open(served, built, color_scheme="dark")
    page = s.page
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(17, 19, 21)"
    page.emulate_media(media="print")
    assert page.locator("form.filters").is_hidden()
    assert page.locator("figure.overview").is_hidden()
    assert page.locator(VISIBLE).first.is_visible()
    s.clean()
    plain = _open_no_script(served, built)
    assert plain.page.locator("ol.static-entries > li").count() == len(built.doc["entries"])
    assert plain.page.locator("#sources li").count() == len(
        [a for a in built.doc["articles"] if a["status"] == "used"]
    )
    plain.clean()


def _open_no_script(served: Callable[..., Served], built: Built) -> Served:
    s = served(java_script_enabled=False)
    s.serve_file("/timeline.html", built.html)
    s.open("/timeline.html")
    return s


def test_accessibility_axe(served: Callable[..., Served], built: Built) -> None:
    axe = node_asset("axe-core", "axe.min.js").read_text(encoding="utf-8")
    for width in (1280, 390):
        s = _open(served, built, viewport={"width": width, "height": 900})
        page = s.page
        page.locator("li.entry button.toggle").first.click()
        page.evaluate(axe)  # evaluated by the driver: the page's CSP still holds for the page
        result = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        assert serious == [], serious
        s.clean()
