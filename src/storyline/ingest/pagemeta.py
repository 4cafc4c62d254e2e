"""What an HTML page says about its publisher, read from the markup the extractor drops.

    page_outlet_evidence(tree, page_url) -> [Evidence, ...]

- `meta`: `og:site_name` and a JSON-LD `publisher` (0.95), `<meta name="publisher">` (0.9),
  `<meta name="application-name">` (0.8), the site name after the title's last separator
  ("Headline | Velsk Herald", 0.7);
- `footer`: copyright and tagline lines of `<footer>` and of elements whose id or class says
  footer, copyright or colophon (`outlets.lines.line_evidence`);
- `url`: the page's URL (canonical link, og:url or the one given), as a host to be named.

The tree is only read, never changed, so the extractor can run on the same tree afterwards.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from storyline.outlets import Evidence, display_name, plausible_outlet
from storyline.outlets.lines import line_evidence
from storyline.outlets.names import host_of

_TITLE_SEP = re.compile(r"\s+(?:\||-|–|—|·|::)\s+")
_FOOTERISH = re.compile(r"footer|copyright|colophon|site-info", re.IGNORECASE)
_MAX_SUFFIX_WORDS = 5
_MAX_JSONLD_CHARS = 200_000


def _meta(tree: Any, attr: str, value: str) -> str | None:
    for el in tree.iter("meta"):
        if (el.get(attr) or "").strip().lower() == value:
            content = (el.get("content") or "").strip()
            if content:
                return content
    return None


def _jsonld_publishers(tree: Any) -> Iterator[str]:
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = el.text or ""
        if not text.strip() or len(text) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        yield from _publishers_in(data, depth=0)


def _publishers_in(data: Any, depth: int) -> Iterator[str]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _publishers_in(item, depth + 1)
    elif isinstance(data, dict):
        pub = data.get("publisher")
        items = pub if isinstance(pub, list) else [pub]
        for p in items:
            name = p.get("name") if isinstance(p, dict) else p
            if isinstance(name, str) and name.strip():
                yield name.strip()
        graph = data.get("@graph")
        if graph is not None:
            yield from _publishers_in(graph, depth + 1)


def _named(name: str | None, how: str, weight: float, text: str) -> list[Evidence]:
    if not name:
        return []
    shown = display_name(name)
    if not plausible_outlet(shown):
        return []
    return [Evidence(shown, how, weight, text)]


def _title_suffix(tree: Any) -> list[Evidence]:
    title = next((el.text_content() for el in tree.iter("title")), None)
    if not title:
        return []
    parts = _TITLE_SEP.split(" ".join(title.split()))
    if len(parts) < 2 or len(parts[0].split()) < 3:
        return []
    suffix = parts[-1]
    if len(suffix.split()) > _MAX_SUFFIX_WORDS:
        return []
    return _named(suffix, "meta", 0.7, title)


def _footer_lines(tree: Any) -> Iterator[str]:
    seen: set[int] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('id') or ''} {el.get('class') or ''}"
        if el.tag != "footer" and not _FOOTERISH.search(marks):
            continue
        if any(id(a) in seen for a in el.iterancestors()):
            continue
        seen.add(id(el))
        blocks = [c for c in el.iter("p", "div", "li", "span") if c is not el] or [el]
        for block in [el, *blocks]:
            text = " ".join(block.text_content().split())
            if text:
                yield text


def page_outlet_evidence(tree: Any, page_url: str | None) -> list[Evidence]:
    """Every piece of outlet evidence in the page's markup (see the module docstring)."""
    out: list[Evidence] = []
    out += _named(_meta(tree, "property", "og:site_name"), "meta", 0.95, "og:site_name")
    for name in _jsonld_publishers(tree):
        out += _named(name, "meta", 0.95, "JSON-LD publisher")
    out += _named(_meta(tree, "name", "publisher"), "meta", 0.9, "meta publisher")
    out += _named(_meta(tree, "name", "application-name"), "meta", 0.8, "meta application-name")
    out += _title_suffix(tree)
    seen: set[tuple[str, str]] = set()
    for line in _footer_lines(tree):
        for e in line_evidence(line):
            if (e.name, e.how) not in seen:
                seen.add((e.name, e.how))
                out.append(e)
    host = host_of(page_url)
    if host:
        out.append(Evidence(host, "url", 0.8, page_url or "", is_host=True))
    return out
