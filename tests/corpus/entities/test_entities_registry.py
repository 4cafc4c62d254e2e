"""The entity registry on the planted-trap corpus and on the seed articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.corpus.entities.registry import build_registry
from storyline.corpus.syndication.groups import find_syndication
from storyline.model import Article, Entity, stable_id


@pytest.fixture(scope="module")
def registry(planted_annotated: list[Article]) -> tuple[list[Entity], list[Article]]:
    return build_registry(find_syndication(planted_annotated))


def entity_of(entities: list[Entity], alias: str) -> Entity:
    found = [e for e in entities if alias in e.aliases]
    assert len(found) == 1, (alias, [e.name for e in found])
    return found[0]


def test_must_merge(registry: tuple[list[Entity], list[Article]], truth: dict[str, Any]) -> None:
    entities, _ = registry
    for names in truth["entities"]["must_merge"]:
        ids = {entity_of(entities, n).id for n in names}
        assert len(ids) == 1, names


def test_must_not_merge(
    registry: tuple[list[Entity], list[Article]], truth: dict[str, Any]
) -> None:
    entities, _ = registry
    for a, b in truth["entities"]["must_not_merge"]:
        assert entity_of(entities, a).id != entity_of(entities, b).id, (a, b)
    for name, aliases in truth["entities"]["must_not_alias"].items():
        assert not set(aliases) & set(entity_of(entities, name).aliases)


def test_merges_are_explained(registry: tuple[list[Entity], list[Article]]) -> None:
    entities, _ = registry
    kono = entity_of(entities, "Taro Kano")
    assert kono.name == "Taro Kono"
    assert any("one letter" in m and "Japanese" in m for m in kono.merges)
    islands = entity_of(entities, "Northern Territories")
    assert any("gives both names to one place" in m for m in islands.merges)
    lavrov = entity_of(entities, "Sergey Lavrov")
    assert any("romanisation" in m for m in lavrov.merges)
    for e in entities:  # aliases beyond case variants come with an explanation
        assert len({a.lower() for a in e.aliases}) == 1 or e.merges, e


def test_framing_split_is_visible(
    registry: tuple[list[Entity], list[Article]], truth: dict[str, Any]
) -> None:
    entities, _ = registry
    framing = truth["entities"]["framing"]
    counts = entity_of(entities, framing["entity"]).alias_counts_by_source
    for outlet, favourite in framing.items():
        if outlet == "entity":
            continue
        per_outlet = counts[outlet]
        assert set(per_outlet) <= set(favourite), (outlet, per_outlet)


def test_output_shape(registry: tuple[list[Entity], list[Article]]) -> None:
    entities, articles = registry
    assert [(-e.mentions, e.name) for e in entities] == sorted((-e.mentions, e.name)
                                                                for e in entities)  # fmt: skip
    assert len({e.id for e in entities}) == len(entities)
    known = {e.id for e in entities}
    linked = [m for a in articles for m in a.mentions if m.entity_id]
    assert linked and all(m.entity_id in known for m in linked)
    assert sum(e.mentions for e in entities) == len(linked)
    for e in entities:
        assert e.id == stable_id(e.name, e.type, prefix="e") or e.id.startswith("e")
        assert sum(sum(c.values()) for c in e.alias_counts_by_source.values()) == e.mentions
    for a in articles:  # mentions stay views into the text
        assert all(a.text[m.start : m.end] == m.text for m in a.mentions)


def test_deterministic(planted_annotated: list[Article]) -> None:
    arts = find_syndication(planted_annotated)
    first, _ = build_registry(arts)
    second, _ = build_registry(list(reversed(arts)))
    assert {(e.id, e.aliases) for e in first} == {(e.id, e.aliases) for e in second}


def test_alias_file_forces_and_forbids(planted_annotated: list[Article], tmp_path: Path) -> None:
    p = tmp_path / "aliases.toml"
    p.write_text(
        '[[merge]]\nnames = ["Kunashir", "Iturup"]\nreason = "test"\n'
        '[[forbid]]\nnames = ["Taro Kano", "Taro Kono"]\n',
        encoding="utf-8",
    )
    entities, _ = build_registry(planted_annotated, alias_file=str(p))
    assert entity_of(entities, "Kunashir").id == entity_of(entities, "Iturup").id
    assert any("alias file" in m for m in entity_of(entities, "Kunashir").merges)
    assert entity_of(entities, "Taro Kano").id != entity_of(entities, "Taro Kono").id


def test_seeds(seed_articles: list[Article]) -> None:
    entities, _ = build_registry(find_syndication(seed_articles))
    islands = entity_of(entities, "Northern Territories")
    assert {"Kuril Islands", "Southern Kuriles", "Southern Kurils", "Northern Territories"} <= set(
        islands.aliases
    )
    lavrov = entity_of(entities, "Sergei Lavrov")
    assert "Sergey Lavrov" in lavrov.aliases
    kono = entity_of(entities, "Taro Kono")
    assert "Taro Kano" in kono.aliases
    putin = entity_of(entities, "Vladimir Putin")
    assert putin.id != kono.id != lavrov.id


def test_empty_input() -> None:
    assert build_registry([]) == ([], [])
