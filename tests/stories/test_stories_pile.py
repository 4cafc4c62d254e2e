"""Story clustering on a mixed pile written for this project (three invented stories, one
article about two of them, sport, weather and markets items, a short notice): real
pipeline, real spaCy, the real CLI; stories.json validated against its schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from storyline.cli.main import cli
from storyline.ingest import read_articles
from storyline.model import Article, EntityMention
from storyline.pipeline import PreparedCorpus, prepare_articles
from storyline.stories.features import featurize, name_key, press_names
from storyline.stories.output import load_stories_schema
from storyline.stories.pile import StoryOptions, StoryPile, cluster_articles

PILE = Path(__file__).resolve().parents[1] / "fixtures" / "stories"
STORIES = {
    "dam": {"dam_01", "dam_02", "dam_03", "dam_04", "both_01"},
    "fire": {"fire_01", "fire_02", "fire_03"},
    "vote": {"vote_01", "vote_02", "vote_03", "both_01"},
}


def _name(path: str) -> str:
    return Path(path).stem


@pytest.fixture(scope="module")
def corpus() -> PreparedCorpus:
    return prepare_articles(read_articles([PILE]))


@pytest.fixture(scope="module")
def pile(corpus: PreparedCorpus) -> StoryPile:
    return cluster_articles(corpus)


def _groups(pile: StoryPile) -> list[set[str]]:
    return sorted(({_name(a.path) for a in pile.articles_of(s)} for s in pile.stories), key=min)


def test_three_stories_are_found_and_the_bridge_article_is_in_two(pile: StoryPile) -> None:
    assert _groups(pile) == sorted(STORIES.values(), key=min)
    both = next(a for a in pile.corpus.articles if _name(a.path) == "both_01")
    assert len(pile.memberships[both.id]) == 2


def test_articles_in_no_story_say_why(pile: StoryPile) -> None:
    why = {_name(s.path): s.reason for s in pile.unassigned}
    assert why == {
        "sport_cup": "alone",
        "weather_storm": "alone",
        "markets_close": "alone",
        "brief_note": "too-short",
    }


def test_titles_name_each_story(pile: StoryPile) -> None:
    titles = " | ".join(s.title for s in pile.stories)
    for name in ("Kessel Dam", "Corrin Chemicals", "Drovia"):
        assert name in titles


def test_ids_are_stable_and_the_order_of_inputs_does_not_matter(
    corpus: PreparedCorpus, pile: StoryPile
) -> None:
    backwards = PreparedCorpus(tuple(reversed(corpus.articles)), corpus.skipped)
    again = cluster_articles(backwards)
    assert [(s.id, s.articles) for s in again.stories] == [(s.id, s.articles) for s in pile.stories]
    # without its last article the story is the same story, with the same id
    dam = next(s for s in pile.stories if "Kessel Dam" in s.title)
    fewer = [a for a in corpus.articles if _name(a.path) != "dam_04"]
    without = cluster_articles(PreparedCorpus(tuple(fewer), ()))
    assert dam.id in {s.id for s in without.stories}


def test_a_query_marks_other_articles_off_topic(corpus: PreparedCorpus) -> None:
    pile = cluster_articles(corpus, query="Kessel Dam")
    off = {_name(s.path) for s in pile.unassigned if s.reason == "off-topic"}
    assert {"fire_01", "vote_01", "sport_cup"} <= off
    assert _groups(pile) == [STORIES["dam"]]


def test_attaching_alone_articles_joins_them_to_the_nearest_story_in_any_order(
    corpus: PreparedCorpus, pile: StoryPile
) -> None:
    """`attach_threshold` (off by default) joins an alone article to its closest story: on
    this pile it puts the storm report into the chemical-fire story, which is why it is off."""
    attached = cluster_articles(corpus, StoryOptions(attach_threshold=0.02))
    assert {_name(s.path) for s in attached.unassigned} == {"brief_note"}
    assert [s.id for s in attached.stories] == [s.id for s in pile.stories]
    fire = next(g for g in _groups(attached) if "fire_01" in g)
    assert fire == STORIES["fire"] | {"weather_storm"}
    for before, after in zip(pile.stories, attached.stories, strict=True):
        assert after.articles[0] == before.articles[0]  # the founding article stays first
        assert set(before.articles) <= set(after.articles)
    backwards = PreparedCorpus(tuple(reversed(corpus.articles)), corpus.skipped)
    again = cluster_articles(backwards, StoryOptions(attach_threshold=0.02))
    assert [s.articles for s in again.stories] == [s.articles for s in attached.stories]


def _named(i: int, text: str, names: list[tuple[str, str]]) -> Article:
    mentions = tuple(
        EntityMention(text.index(n), text.index(n) + len(n), n, label) for n, label in names
    )
    return Article(id=f"a{i}", path=f"a{i}.txt", raw_text=text, text=text, mentions=mentions)


def test_press_names_are_left_out_of_the_names_compared() -> None:
    assert {name_key(n) for n in ("Reuters", "Associated Press", "AFP", "CNN")} <= press_names()
    texts = [
        ("Reuters reported that Kessel Dam was closed.", [("Reuters", "ORG")]),
        ("The Associated Press said Kessel Dam reopened.", [("Associated Press", "ORG")]),
        ("Reuters and the Associated Press saw Corrin Chemicals burn.", [("Reuters", "ORG")]),
    ]
    articles = [
        _named(i, t, [*names, (w, "FAC")])
        for i, (t, names) in enumerate(texts)
        for w in (["Kessel Dam"] if "Kessel" in t else ["Corrin Chemicals"])
    ]
    plain = featurize(articles, frozenset(), 200, 50)
    kept = featurize(articles, frozenset(), 200, 50, press_names())
    assert any(set(f.names) & press_names() for f in plain)
    assert all(not set(f.names) & press_names() for f in kept)
    assert all("kessel dam" in f.names for f in kept[:2])


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


def test_the_command_writes_stories_json_and_a_timeline_per_story(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run("stories", str(PILE), "-o", str(out))
    doc: dict[str, Any] = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, load_stories_schema())
    assert len(doc["stories"]) == 3
    for story in doc["stories"]:
        timeline = json.loads((out / story["timeline"]).read_text(encoding="utf-8"))
        assert {a["id"] for a in timeline["articles"]} == set(story["articles"])
        assert story["first"] <= story["last"]
    listed = {_name(a["path"]): a for a in doc["articles"]}
    assert len(listed) == len(list(PILE.iterdir()))
    assert listed["sport_cup"]["skip_reason"] == "alone" and listed["sport_cup"]["stories"] == []
    assert len(listed["both_01"]["stories"]) == 2
    counts = doc["provenance"]["counts"]
    assert counts["in_two_or_more"] == 1 and counts["stories"] == 3


def test_with_a_store_stories_grow_and_keep_their_ids(tmp_path: Path) -> None:
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for f in sorted(PILE.iterdir()):
        shutil.copy(f, (first if f.stem.endswith(("_01", "_02")) else rest) / f.name)
    db = str(tmp_path / "pile.db")
    _run("stories", str(first), "-o", str(tmp_path / "a"), "--store", db)
    _run("stories", str(rest), "-o", str(tmp_path / "b"), "--store", db)
    a = json.loads((tmp_path / "a" / "stories.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / "stories.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in a["stories"]} <= {s["id"] for s in b["stories"]}
    assert len(b["stories"]) == 3
    grown = next(s for s in b["stories"] if "Kessel Dam" in s["title"])
    changes = json.loads((tmp_path / "b" / grown["id"] / "changes.json").read_text("utf-8"))
    assert changes["first_build"] is False and changes["new"]
