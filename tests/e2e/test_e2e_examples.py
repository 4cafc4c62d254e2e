"""End-to-end checks on the bundled example corpus (`examples/`, the GERD dispute).

The corpus and the checks a journalist would apply are described in `examples/README.md` and
`examples/EXPECTED.md`. The timeline is built once per module with `storyline.build` and the
query "Renaissance Dam".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Config
from storyline.model import Article, DateInterval, Granularity, Timeline, TimelineEntry

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
QUERY = "Renaissance Dam"

# Text that only boilerplate carries: comments, related links, captions, plugs, widgets, tags.
NOISE_MARKERS = (
    "wrote:",
    "report as abuse",
    "this discussion is now closed",
    "reply · report",
    "load more comments",
    "finally some sense from cairo",
    "egypt should act alone",
    "a proud day for every ethiopian",
    "read more",
    "most popular",
    "most read",
    "ethiopian pm hails",
    "related topics",
    "related stories",
    "reuters/stringer",
    "credit:",
    "photo:",
    "raise joined hands",
    "in the control room of the dam",
    "sign up",
    "newsletter",
    "subscribe",
    "listen live",
    "get short url",
    "share this",
    "community standards",
    "writing by",
    "editing by",
    "reporting by",
    "ethiopia, egypt, sudan, nile",
    "harbour town",
    "riverside athletic",
    # captions and photo credits
    "water flows through",
    "picture taken from a video",
    "press service of",
    "visits the construction site",
    # related headlines, "most read" lists, sidebars, footers
    "arab league backs",
    "egyptian lawmakers warn",
    "ramadan prices",
    "al ahly",
    "fuel prices to rise",
    "coffee exports",
    "all rights reserved",
    "more explainers",
    # comments
    "a piece of paper wont stop",
    "rain did the filling",
    "it is our river too",
    "when will my village get the power",
    "ethiopia will never sign",
    "nobody talks about them",
)
RELATED_BLURB_DATE = re.compile(r"\(\d{2}\.\d{2}\.\d{4}\)")


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    if not EXAMPLES.is_dir():
        pytest.skip(f"examples corpus not found at {EXAMPLES}")
    from storyline import build  # lands with src/storyline/pipeline.py

    result = build([EXAMPLES], Config(query=QUERY))
    assert isinstance(result, Timeline)
    return result


@pytest.fixture(scope="module")
def rendered(timeline: Timeline) -> dict[str, Any]:
    from storyline.render import to_json_dict

    doc = to_json_dict(timeline)
    assert isinstance(doc, dict)
    return doc


# -- helpers ----------------------------------------------------------------------------------


def file_key(article_path: str) -> str:
    """`examples/09_x.jsonl#L1` -> `09_x.jsonl#L1`; `examples/01_x.txt` -> `01_x.txt`."""
    return Path(article_path).name


def articles_by_file(tl: Timeline) -> dict[str, Article]:
    return {file_key(a.path): a for a in tl.articles}


def article_for(tl: Timeline, prefix: str) -> Article:
    matches = [a for key, a in articles_by_file(tl).items() if key.startswith(prefix)]
    assert len(matches) == 1, (
        f"expected one used article for {prefix!r}, got {[a.path for a in matches]}; "
        f"used: {sorted(articles_by_file(tl))}; skipped: {[(s.path, s.reason) for s in tl.skipped]}"
    )
    return matches[0]


def cited_ids(entry: TimelineEntry) -> set[str]:
    """Articles whose sentences support the entry."""
    return {s.article for s in entry.sentences}


def citations(rendered: dict[str, Any], entry: TimelineEntry) -> set[str]:
    """Articles the rendered entry cites (its `citations`, else its sentences)."""
    doc = next(d for d in rendered["entries"] if d["id"] == entry.id)
    return {c["article"] for c in doc.get("citations", [])} or cited_ids(entry)


def entries_in(tl: Timeline, start: dt.date, end: dt.date) -> list[TimelineEntry]:
    """Entries whose date lies within [start, end] (a month entry counts if it fits inside)."""
    return [e for e in tl.entries if start <= e.date.start and e.date.end <= end]


def describe(tl: Timeline) -> str:
    names = {a.id: file_key(a.path) for a in tl.articles}
    lines = [
        f"{e.date.iso()} {e.date.granularity.value} sources={e.sources} "
        f"{sorted(names.get(i, i) for i in cited_ids(e))} {e.headline[:60]!r}"
        for e in tl.entries
    ]
    return "entries:\n  " + "\n  ".join(lines)


def story_texts(tl: Timeline) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text a reader sees: headlines, sentences, summary."""
    yield "summary", tl.story.summary
    yield "title", tl.story.title
    for s in tl.story.summary_sentences:
        yield "summary sentence", s.text
    for e in tl.entries:
        yield f"headline {e.date.iso()}", e.headline
        for s in e.sentences:
            yield f"sentence {e.date.iso()}", s.text


# -- must contain: key events -------------------------------------------------------------------


def test_declaration_of_principles_day_entry_cites_two_outlets(
    timeline: Timeline, rendered: dict[str, Any]
) -> None:
    day = dt.date(2015, 3, 23)
    entries = [
        e for e in timeline.entries if e.date.granularity is Granularity.DAY and e.date.start == day
    ]
    assert entries, f"no day entry on {day}\n{describe(timeline)}"
    wire = article_for(timeline, "02_khartoum_declaration").id
    monitor = article_for(timeline, "09_nile_basin_monitor.jsonl#L1").id
    assert len(entries) == 1, describe(timeline)
    assert {wire, monitor} <= citations(rendered, entries[0]), describe(timeline)
    assert entries[0].sources >= 2


def test_foundation_stone_april_2011(timeline: Timeline) -> None:
    founding = article_for(timeline, "01_foundation_stone").id
    # "on Saturday" against the 2011-04-03 header is 2 April.
    right = (DateInterval.day(dt.date(2011, 4, 2)), DateInterval.month(2011, 4))
    good = [e for e in timeline.entries if founding in cited_ids(e) and e.date in right]
    assert good, describe(timeline)
    for e in timeline.entries:
        for s in e.sentences:
            if "foundation stone" in s.text:
                assert e.date in (*right, DateInterval.year(2011)), (
                    f"the foundation stone is dated {e.date.iso()}"
                )


def test_first_filling_july_2020(timeline: Timeline) -> None:
    dateline = article_for(timeline, "06_first_filling_dateline").id
    entries = entries_in(timeline, dt.date(2020, 7, 1), dt.date(2020, 7, 31))
    citing = [e for e in entries if dateline in cited_ids(e)]
    assert citing, describe(timeline)
    assert any(
        e.date.granularity is Granularity.MONTH or e.date.start == dt.date(2020, 7, 22)
        for e in citing
    ), describe(timeline)


@pytest.mark.parametrize(
    ("prefix", "start", "end"),
    [
        ("03_washington_talks_begin", dt.date(2019, 11, 1), dt.date(2019, 11, 30)),
        ("04_washington_final_round", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
        ("05_security_council_june2020", dt.date(2020, 6, 29), dt.date(2020, 6, 29)),
        ("08_kinshasa_talks", dt.date(2021, 4, 1), dt.date(2021, 4, 30)),
        ("09_nile_basin_monitor.jsonl#L2", dt.date(2021, 7, 8), dt.date(2021, 7, 8)),
        ("10_first_power", dt.date(2022, 2, 20), dt.date(2022, 2, 20)),
        ("11_fourth_filling", dt.date(2023, 9, 10), dt.date(2023, 9, 10)),
    ],
)
def test_key_event_entry(timeline: Timeline, prefix: str, start: dt.date, end: dt.date) -> None:
    article = article_for(timeline, prefix).id
    entries = entries_in(timeline, start, end)
    assert any(article in cited_ids(e) for e in entries), (
        f"no entry in {start}..{end} cites {prefix}\n{describe(timeline)}"
    )


def test_entries_are_chronological_and_have_headlines(timeline: Timeline) -> None:
    assert timeline.entries, "the timeline has no entries"
    starts = [e.date.start for e in timeline.entries]
    assert starts == sorted(starts)
    for e in timeline.entries:
        assert e.headline.strip(), f"entry {e.id} has an empty headline"
        assert e.sentences, f"entry {e.id} has no supporting sentence"
        assert 1 <= e.independent_sources <= e.sources


def test_multi_source_entries_cite_all_their_articles(
    timeline: Timeline, rendered: dict[str, Any]
) -> None:
    used = {a.id for a in timeline.articles}
    for entry, doc in zip(timeline.entries, rendered["entries"], strict=True):
        cited = {c["article"] for c in doc.get("citations", [])} or cited_ids(entry)
        assert cited <= used
        assert len(cited) == entry.sources, (
            f"entry {entry.date.iso()} reports {entry.sources} sources but cites {len(cited)}"
        )


# -- must contain: articles and skips -----------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("01_foundation_stone", "2011-04-03"),
        ("02_khartoum_declaration", "2015-03-23"),
        ("04_washington_final_round", "2020-02-29"),
        ("05_security_council_june2020", "2020-06-29"),
        ("06_first_filling_dateline", "2020-07-22"),
        ("08_kinshasa_talks", "2021-04-06"),
        ("09_nile_basin_monitor.jsonl#L1", "2015-03-23"),
        ("09_nile_basin_monitor.jsonl#L2", "2021-07-08"),
        ("10_first_power", "2022-02-20"),
        ("11_fourth_filling", "2023-09-10"),
    ],
)
def test_publication_dates(timeline: Timeline, prefix: str, published: str) -> None:
    article = article_for(timeline, prefix)
    assert article.published is not None, f"{prefix}: undated ({article.published_how})"
    assert article.published.iso() == published, (prefix, article.published_how)


def test_undated_explainer_stays_undated(timeline: Timeline) -> None:
    explainer = article_for(timeline, "12_explainer_undated")
    assert explainer.published is None, (explainer.published, explainer.published_how)


def test_crawl_clock_is_not_a_publication_date(timeline: Timeline) -> None:
    clock = article_for(timeline, "07_first_filling_crawl_clock")
    if clock.published is not None:
        assert clock.published.start.year == 2020, (clock.published, clock.published_how)
        assert clock.published.start >= dt.date(2020, 7, 1)
        assert clock.published.end <= dt.date(2020, 8, 31)


def test_bad_input_is_skipped_with_a_reason(timeline: Timeline) -> None:
    skips = {file_key(s.path): s for s in timeline.skipped}
    assert "14_download_failed.txt" in skips, sorted(skips)
    assert skips["14_download_failed.txt"].reason == "binary"
    assert "14_download_failed.txt" not in articles_by_file(timeline)


def test_every_input_is_used_or_reported(timeline: Timeline) -> None:
    seen = set(articles_by_file(timeline)) | {file_key(s.path) for s in timeline.skipped}
    expected = {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}}
    expected |= {"09_nile_basin_monitor.jsonl#L1", "09_nile_basin_monitor.jsonl#L2"}
    assert expected <= seen, f"silently dropped: {sorted(expected - seen)}"
    # the folder's own README and EXPECTED are listed in examples/.storylineignore
    assert not {"README.md", "EXPECTED.md"} & seen


# -- must not contain ---------------------------------------------------------------------------


def test_no_boilerplate_in_entries_headlines_or_summary(
    timeline: Timeline, rendered: dict[str, Any]
) -> None:
    pieces = list(story_texts(timeline))
    pieces.append(("rendered entries", json.dumps(rendered["entries"], ensure_ascii=False)))
    pieces.append(("rendered story", json.dumps(rendered["story"], ensure_ascii=False)))
    for where, text in pieces:
        low = text.lower()
        for marker in NOISE_MARKERS:
            assert marker not in low, f"boilerplate {marker!r} in {where}: {text[:200]!r}"
        assert not RELATED_BLURB_DATE.search(text), f"related blurb in {where}: {text[:200]!r}"


def test_nothing_dated_from_crawl_clocks(timeline: Timeline) -> None:
    for e in timeline.entries:
        assert e.date.start.year <= 2023, f"entry dated {e.date.iso()}: {e.headline!r}"
    for a in timeline.articles:
        if a.published is not None:
            assert a.published.start.year <= 2023, (a.path, a.published, a.published_how)


def test_off_topic_article_is_not_cited(timeline: Timeline) -> None:
    football = [a.id for a in timeline.articles if file_key(a.path).startswith("13_football")]
    for e in timeline.entries:
        assert not set(football) & cited_ids(e), f"football report cited on {e.date.iso()}"
    for s in timeline.story.summary_sentences:
        assert s.article not in football


# -- should contain: cross-source checks --------------------------------------------------------


def _claim_text(claims: Any) -> str:
    return " ".join(c.text for c in claims)


def test_cost_disagreement_but_not_for_rounding(timeline: Timeline) -> None:
    cost = [
        d for d in timeline.disagreements if d.kind == "number" and "$" in _claim_text(d.claims)
    ]
    assert any("$4 billion" in _claim_text(d.claims) for d in cost), timeline.disagreements
    for d in cost:
        # A cost conflict must involve the genuinely different figure, never 4.8 vs 5 alone.
        assert "$4 billion" in _claim_text(d.claims), d


def test_capacity_disagreement(timeline: Timeline) -> None:
    capacity = [
        d
        for d in timeline.disagreements
        if d.kind == "number" and "megawatts" in _claim_text(d.claims)
    ]
    assert capacity, timeline.disagreements
    assert any(len({c.value for c in d.claims}) >= 2 for d in capacity)
    for d in capacity:
        # 375 MW is one turbine, not the plant: a different quantity.
        assert not any(c.value.replace(",", "").startswith("375") for c in d.claims), d


def test_disagreements_oppose_different_articles(timeline: Timeline) -> None:
    for d in timeline.disagreements:
        assert len({c.article for c in d.claims}) >= 2, d
        assert len({c.value for c in d.claims}) >= 2, d


def test_name_variants_are_one_entity(timeline: Timeline) -> None:
    def names(e: Any) -> set[str]:
        return {e.name, *e.aliases}

    assert any({"Sameh Shoukry", "Sameh Shokry"} <= names(e) for e in timeline.entities), [
        names(e) for e in timeline.entities if "Sameh" in e.name
    ]
    assert any(
        {"Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi"} <= names(e) for e in timeline.entities
    )


def test_river_and_dam_are_different_entities(timeline: Timeline) -> None:
    for e in timeline.entities:
        names = {e.name, *e.aliases}
        river = {"Blue Nile", "Abay"} & names
        assert not (river and "Grand Ethiopian Renaissance Dam" in names), e
