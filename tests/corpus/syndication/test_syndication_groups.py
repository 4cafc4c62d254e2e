"""Syndication groups: wire copies, re-crawls, near-duplicates, and what must stay apart."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from storyline.corpus.syndication.groups import (
    canonical_url,
    find_syndication,
    shingles,
    similar_pairs,
    similarity,
)
from storyline.model import Article, DateInterval

STORY = (
    "Fishing boats from the northern port waited for a second week as the coast guard kept "
    "the harbour closed after a storm damaged two piers and a fuel depot. Local officials said "
    "repairs would take at least a month and asked the regional government for emergency "
    "funds. Fishermen said the closure came at the worst time of the year, when prices for "
    "crab are highest, and that many crews could not pay their debts. The governor promised "
    "to visit the port on Friday and to meet the fishing cooperative."
)


def art(i: str, text: str, day: int | None = 1, url: str | None = None) -> Article:
    pub = DateInterval.day(dt.date(2020, 3, day)) if day else None
    return Article(id=i, path=i, raw_text=text, text=text, url=url, published=pub)


def test_copy_with_edits_and_boilerplate_is_grouped_with_earliest_original() -> None:
    copy = "Share on social media.\n" + STORY.replace("second week", "second straight week")
    copy += "\nRead more: ten things to do this weekend."
    out = find_syndication([art("b", copy, day=2), art("z", STORY, day=1), art("c", "x" * 10)])
    assert out[0].duplicate_of == "z" and out[1].duplicate_of is None
    assert out[0].syndication_group == out[1].syndication_group != out[2].syndication_group
    assert out[2].duplicate_of is None and out[2].syndication_group


def test_tie_on_date_goes_to_smallest_id_and_undated_comes_last() -> None:
    out = find_syndication([art("m", STORY), art("k", STORY), art("a", STORY, day=None)])
    assert [a.duplicate_of for a in out] == ["k", None, "k"]


def test_recrawl_under_tracking_url_is_grouped_even_if_text_changed() -> None:
    a = art("a", STORY, url="https://www.example.com/news/port/?utm_source=x")
    b = art("b", "Completely different page chrome and a cookie banner text here.",
            url="http://example.com/news/port")  # fmt: skip
    out = find_syndication([a, b])
    assert out[1].duplicate_of == "a"
    assert canonical_url("https://m.example.com/a/amp/?fbclid=1&id=3") == "example.com/a?id=3"


def test_same_topic_different_story_is_not_grouped() -> None:
    other = (
        "The coast guard reopened the northern harbour on Monday after a storm had damaged "
        "two piers. Fishermen said the closure came at the worst time of the year. Repairs to "
        "the fuel depot will continue until summer, the port authority said in a statement, "
        "and crews will be allowed to refuel at a temporary barge moored at the south quay."
    )
    out = find_syndication([art("a", STORY), art("b", other)])
    assert out[0].syndication_group != out[1].syndication_group


def test_order_of_input_does_not_matter() -> None:
    texts = [STORY, STORY + " Extra line at the end.", "An unrelated note about weather " * 5]
    arts = [art(str(i), t, day=i + 1) for i, t in enumerate(texts)]
    forward = {a.id: (a.duplicate_of, a.syndication_group) for a in find_syndication(arts)}
    shuffled = arts[:]
    random.Random(3).shuffle(shuffled)
    backward = {a.id: (a.duplicate_of, a.syndication_group) for a in find_syndication(shuffled)}
    assert forward == backward


def test_simhash_method_and_similarity_bounds() -> None:
    a, b = shingles(STORY), shingles(STORY.upper())
    assert similarity(a, b) == 1.0
    assert similarity(a, frozenset()) == 0.0
    assert similar_pairs([STORY, STORY], method="simhash") == {(0, 1): 1.0}


def test_planted_groups_and_credits(planted_raw: list[Article], truth: dict[str, Any]) -> None:
    out = find_syndication(planted_raw)
    by_id = {a.id: a for a in out}
    for group in truth["syndication_groups"]:
        assert len({by_id[i].syndication_group for i in group}) == 1
    grouped = {i for g in truth["syndication_groups"] for i in g}
    for a in out:
        if a.id not in grouped:
            assert a.duplicate_of is None
            assert sum(b.syndication_group == a.syndication_group for b in out) == 1, a.id
    for i, original in truth["originals"].items():
        assert by_id[i].duplicate_of == original
    for i, agencies in truth["credits"].items():
        assert set(agencies) <= set(by_id[i].credits)


def test_empty_input() -> None:
    assert find_syndication([]) == []
    assert similar_pairs([]) == {}


@given(st.text(max_size=300), st.text(max_size=300))
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    sa, sb = shingles(a), shingles(b)
    assert similarity(sa, sb) == similarity(sb, sa)
    assert 0.0 <= similarity(sa, sb) <= 1.0
    if sa:
        assert similarity(sa, sa) == 1.0


@given(st.sampled_from(["", "www.", "m."]), st.sampled_from(["", "/", "?utm_source=x", "#top"]))
def test_canonical_url_ignores_presentation(prefix: str, suffix: str) -> None:
    assert canonical_url(f"https://{prefix}example.com/a/b{suffix}") == "example.com/a/b"


def _partition(articles: list[Article]) -> set[frozenset[str]]:
    by_group: dict[str, set[str]] = {}
    for a in articles:
        by_group.setdefault(a.syndication_group or a.id, set()).add(a.id)
    return {frozenset(g) for g in by_group.values()}


def test_groups_equal_those_of_every_candidate_pair_verified() -> None:
    # a chain of copies (each one edited a little more) and unrelated stories: the grouping
    # that skips pairs already joined gives the groups of all verified pairs
    rng = random.Random(3)
    words = STORY.split()
    texts = [STORY]
    for _ in range(5):
        w = texts[-1].split()
        for _ in range(3):
            w[rng.randrange(len(w))] = rng.choice(["harbor", "piers", "crews", "boats"])
        texts.append(" ".join(w))
    others = [" ".join(rng.sample(words, len(words))) for _ in range(4)]
    articles = [art(f"a{i}", t) for i, t in enumerate(texts + others)]
    pairs = similar_pairs([a.text for a in articles])
    expected: dict[str, set[str]] = {a.id: {a.id} for a in articles}
    for i, j in pairs:  # join by every verified pair
        merged = expected[articles[i].id] | expected[articles[j].id]
        for k in merged:
            expected[k] = merged
    assert _partition(find_syndication(articles)) == {frozenset(g) for g in expected.values()}
    assert len(_partition(find_syndication(articles))) < len(articles)  # some were joined
