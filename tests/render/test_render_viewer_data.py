"""The viewer's embedded data: reading-order numbering, paragraphs by offsets, entity links,
the changes panel's data, and the viewer sources' inlining rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.model import EntityMention, EntrySentence, Timeline
from storyline.render import viewer
from storyline.render.viewer_data import (
    MAX_PARAGRAPH_CHARS,
    PARAGRAPHS_PER_ENTRY,
    paragraph_span,
    reading_order,
    viewer_document,
)

TEXT = (
    "Ministers met in Moscow.\n\n"
    "The talks opened on Monday. Officials said little.\n\n"
    "A third paragraph."
)


def test_reading_order_summary_then_entries_then_the_rest(rich: Timeline) -> None:
    order = reading_order(rich)
    assert list(order) == ["a-wire", "a-harbour", "a-undated", "a-reprint", "a-hostile"]
    assert list(order.values()) == [1, 2, 3, 4, 5]
    sources = viewer_document(rich)["viewer"]["sources"]
    assert [s["n"] for s in sources] == [1, 2, 3, 4, 5]
    assert sources[0]["name"] == "Northern Wire" and sources[0]["href"] is None  # javascript:
    assert sources[1]["href"] == "https://harbour.example/news/islands-talks"
    assert sources[1]["credits"] == ["AFP"]
    # no outlet known, but a credit: the source is named by it ("unknown outlet" only when
    # nothing at all is known)
    assert sources[2]["name"] == "via Reuters" and sources[2]["published_label"] == "undated"
    assert sources[3]["copy_of"] == 1


def test_paragraph_span_finds_the_paragraph() -> None:
    start = TEXT.index("Officials")
    end = start + len("Officials said little.")
    p = paragraph_span(TEXT, start, end, "Officials said little.")
    assert p is not None
    assert TEXT[p[0] : p[1]] == "The talks opened on Monday. Officials said little."
    first = paragraph_span(TEXT, 0, 24, "Ministers met in Moscow.")
    assert first == (0, 24)
    last = TEXT.index("A third")
    assert paragraph_span(TEXT, last, len(TEXT)) == (last, len(TEXT))


@pytest.mark.parametrize(
    ("start", "end", "sentence"),
    [(-1, 5, ""), (5, 5, ""), (0, 10_000, ""), (0, 24, "Something else entirely.")],
)
def test_paragraph_span_rejects_bad_offsets(start: int, end: int, sentence: str) -> None:
    assert paragraph_span(TEXT, start, end, sentence) is None
    assert paragraph_span("", 0, 1) is None


def test_long_paragraph_is_cut_around_the_sentence() -> None:
    words = " ".join(f"word{i}" for i in range(2000))
    text = words + " The cited sentence is here. " + words
    start = text.index("The cited")
    end = start + len("The cited sentence is here.")
    p = paragraph_span(text, start, end, "The cited sentence is here.")
    assert p is not None
    a, b = p
    assert a <= start and b >= end and b - a <= MAX_PARAGRAPH_CHARS
    assert text[a - 1] == " " and text[b] == " "  # cut at spaces


def _with_text(rich: Timeline) -> Timeline:
    """The rich timeline with article text under the talks entry's citations."""
    talks = next(e for e in rich.entries if e.id == "e-talks")
    texts: dict[str, str] = {}
    sentences = []
    for s in talks.sentences:
        text = "Earlier paragraph.\n\nBefore it. " + s.text + " After it.\n\nLater paragraph."
        start = text.index(s.text)
        texts[s.article] = text
        sentences.append(replace(s, start=start, end=start + len(s.text)))
    entry = replace(talks, sentences=tuple(sentences))
    articles = []
    for a in rich.articles:
        if a.id in texts:
            text = texts[a.id]
            at = text.find("Moscow")
            moscow = EntityMention(at, at + 6, "Moscow", "GPE", "ent-islands")
            mentions = (moscow,) if at > 0 else ()
            # a mention outside the cited sentence does not link the entry to the entity
            mentions += (EntityMention(0, 7, "Earlier", "ORG", "ent-lavrov"),)
            a = replace(a, text=text, mentions=mentions)
        articles.append(a)
    entries = tuple(entry if e.id == "e-talks" else e for e in rich.entries)
    return replace(rich, articles=tuple(articles), entries=entries)


def test_citations_carry_their_paragraph(rich: Timeline) -> None:
    t = _with_text(rich)
    doc = viewer_document(t)
    view = doc["viewer"]
    entry = next(e for e in view["entries"] if e["id"] == "e-talks")
    assert entry["label"] == "14 January 2019"
    assert (entry["start"], entry["end"]) == ("2019-01-14", "2019-01-14")
    cite = entry["cites"][0]
    para = view["paragraphs"][cite["para"]]
    assert para["text"].startswith("Before it. ") and para["text"].endswith(" After it.")
    inside = para["text"][cite["start"] - para["start"] : cite["end"] - para["start"]]
    assert inside == cite["text"]
    assert entry["entities"] == ["ent-islands"]
    # entries without article text have no paragraph, only the sentence
    other = next(e for e in view["entries"] if e["id"] == "e-1956")
    assert all(c["para"] is None and c["text"] for c in other["cites"])


def test_paragraphs_capped_per_entry(rich: Timeline) -> None:
    text = "One sentence here."
    article = replace(rich.articles[0], text=text)
    many = tuple(
        EntrySentence(text, f"x{i}", 0, len(text)) for i in range(PARAGRAPHS_PER_ENTRY + 5)
    )
    articles = (article, *(replace(article, id=f"x{i}") for i in range(len(many))))
    entry = replace(rich.entries[0], citations=many, sentences=many[:1])
    doc = viewer_document(replace(rich, articles=articles, entries=(entry,)))
    cites = doc["viewer"]["entries"][0]["cites"]
    assert len(cites) == len(many)
    assert sum(c["para"] is not None for c in cites) == PARAGRAPHS_PER_ENTRY


def test_changes_pass_through(rich: Timeline) -> None:
    assert "changes" not in viewer_document(rich)
    doc = viewer_document(rich, {"new": ["e-talks"], "retired": [{"headline": "Gone"}]})
    assert doc["changes"] == {"new": ["e-talks"], "updated": [], "retired": [{"headline": "Gone"}]}


def test_viewer_sources_refuse_what_cannot_be_inlined() -> None:
    for bad in ("x = '</script>';", "/* <!-- */", "a { content: '</style>' }"):
        with pytest.raises(ValueError, match="cannot be inlined"):
            viewer._checked("bad.js", bad)
    bundle = viewer.script()
    assert bundle.startswith("\n(function () {") and bundle.rstrip().endswith("}());")
    for name in viewer.SCRIPT_FILES:
        assert f"// ---- {name} ----" in bundle
    assert viewer.hash_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
