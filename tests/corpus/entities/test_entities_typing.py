"""Entity types voted over mentions, spans repaired to whole names, acronyms and short forms
(hand-built mentions, as a tagger would give them, over texts written for these tests)."""

from __future__ import annotations

import re

from storyline.corpus.entities.entity_types import own_type
from storyline.corpus.entities.gazetteer import canonical, is_language, place_kind
from storyline.corpus.entities.registry import build_registry
from storyline.corpus.entities.spans import missing_short_mentions, repair_mentions
from storyline.model import Article, Entity, EntityMention


def doc(i: int, text: str, tags: list[tuple[str, str]], source: str | None = None) -> Article:
    """An article whose mentions are the (surface, label) pairs, found in order in `text`."""
    mentions, pos = [], 0
    for surface, label in tags:
        start = text.index(surface, pos)
        mentions.append(EntityMention(start, start + len(surface), surface, label))
        pos = start + len(surface)
    return Article(
        id=f"a{i}", path=f"a{i}.txt", raw_text=text, text=text, source=source,
        mentions=tuple(mentions),
    )  # fmt: skip


def entity(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if name in (e.name, *e.aliases)]
    assert len(found) == 1, (name, [(e.name, e.type, e.aliases) for e in entities])
    return found[0]


def test_gazetteer() -> None:
    assert place_kind("Japan") == "country" and place_kind("Russia") == "country"
    assert place_kind("Texas") == "region"  # an ISO 3166-2 subdivision (pycountry)
    assert place_kind("Crimea") == "place"  # data/places.toml
    assert place_kind("Lindqvist") is None
    assert canonical("U.S.") == "United States" and canonical("Britain") == "United Kingdom"
    assert is_language("Amharic") and not is_language("Abe") and not is_language("Jordan")


def test_own_type_from_head_words() -> None:
    cases = {
        "Isla Marta": "PLACE", "Beatrix Island": "PLACE", "Mount Adeline": "PLACE",
        "Strait of Orlen": "PLACE", "Palais des Nations": "PLACE", "Roseires Dam": "PLACE",
        "Ferreira Maritime": "ORG", "Project Lodestar": "ORG", "Port Anselm Gazette": "ORG",
        "International Court of Justice": "ORG", "Soviet Union": "PLACE",
        "European Union": "ORG", "Marisol Ferreira": None, "Habomai": None,
    }  # fmt: skip
    for name, want in cases.items():
        assert own_type(name, frozenset()) == want, name
    assert own_type("Fjord Post", frozenset({"fjord post"})) == "ORG"  # an outlet of the corpus


def test_votes_across_mentions_and_lists() -> None:
    a = doc(
        1,
        "The four islands are Iturup, Kunashir, Shikotan and Habomai. Officials in Habomai "
        "said nothing. Isla Marta is calm; residents of Isla Marta stayed.",
        [("Iturup", "GPE"), ("Kunashir", "GPE"), ("Shikotan", "GPE"), ("Habomai", "PERSON"),
         ("Habomai", "PERSON"), ("Isla Marta", "ORG"), ("Isla Marta", "PERSON")],
    )  # fmt: skip
    b = doc(
        2,
        "Hokkaido lies to the south, and Crimea far away.",
        [("Hokkaido", "ORG"), ("Crimea", "ORG")],
    )
    entities, _ = build_registry([a, b])
    for name in ("Habomai", "Isla Marta", "Hokkaido", "Crimea", "Iturup"):
        assert entity(entities, name).type == "PLACE", name


def test_short_forms_take_the_long_forms_type() -> None:
    a = doc(
        1,
        "Project Lodestar said the cable is ready. Lodestar said more. Brightwater Grid and "
        "Northline Energy own it; Brightwater Grid agreed. Brightwater said yes. Energy "
        "Minister Helena Sarmento spoke, and Sarmento smiled. Mount Adeline erupted; "
        "Adeline was quiet. The River Tamsin rose; the Tamsin flooded. Tamsin Hale spoke.",
        [("Project Lodestar", "PERSON"), ("Lodestar", "PERSON"), ("Brightwater Grid", "ORG"),
         ("Northline Energy", "ORG"), ("Brightwater Grid", "ORG"), ("Brightwater", "PERSON"),
         ("Energy", "ORG"), ("Helena Sarmento", "PERSON"), ("Sarmento", "GPE"),
         ("Mount Adeline", "LOC"), ("Adeline", "GPE"), ("River Tamsin", "LOC"),
         ("Tamsin", "GPE"), ("Tamsin Hale", "PERSON")],
    )  # fmt: skip
    entities, _ = build_registry([a])
    assert entity(entities, "Project Lodestar").type == "ORG"
    assert "Lodestar" in entity(entities, "Project Lodestar").aliases
    assert "Brightwater" in entity(entities, "Brightwater Grid").aliases
    assert "Sarmento" in entity(entities, "Helena Sarmento").aliases
    assert "Adeline" in entity(entities, "Mount Adeline").aliases
    assert "Tamsin" in entity(entities, "River Tamsin").aliases
    assert entity(entities, "Tamsin Hale") is not entity(entities, "River Tamsin")
    assert not any(e.name == "Energy" for e in entities)  # part of "Energy Minister"


def test_acronyms_and_listed_short_forms() -> None:
    a = doc(
        1,
        "The European Investment Bank lent money. The EIB said so. The UK and Britain agreed, "
        "as did the United Kingdom. The European Centre for Disease Prevention and Control "
        "warned. The ECDC said the risk is low. The World Court ruled; the International "
        "Court of Justice sits in The Hague.",
        [("European Investment Bank", "ORG"), ("EIB", "ORG"), ("UK", "GPE"), ("Britain", "GPE"),
         ("United Kingdom", "GPE"),
         ("European Centre for Disease Prevention and Control", "ORG"), ("ECDC", "ORG"),
         ("World Court", "ORG"), ("International Court of Justice", "ORG"),
         ("The Hague", "GPE")],
    )  # fmt: skip
    b = doc(2, "The CDC said it would help. The US agreed.", [("CDC", "ORG"), ("US", "GPE")])
    entities, _ = build_registry([a, b])
    assert "EIB" in entity(entities, "European Investment Bank").aliases
    assert {"UK", "Britain"} <= set(entity(entities, "United Kingdom").aliases)
    assert "ECDC" in entity(entities, "European Centre for Disease Prevention and Control").aliases
    assert "World Court" in entity(entities, "International Court of Justice").aliases
    assert entity(entities, "The Hague").type == "PLACE"
    # no false merge: the CDC is not the ECDC
    assert entity(entities, "CDC") is not entity(entities, "ECDC")


def test_places_by_root_and_own_outlet() -> None:
    a = doc(
        1,
        "Boats crossed the Strait of Orlen near the Sentvik Isles. The Orlen Strait is busy; "
        "the Sentvik Islands are quiet. Mt Adeline smoked. Islanders told the Gazette so.",
        [("Strait of Orlen", "LOC"), ("Sentvik Isles", "ORG"), ("Orlen Strait", "LOC"),
         ("Sentvik Islands", "GPE"), ("Mt Adeline", "ORG"), ("Gazette", "PERSON")],
        source="Port Anselm Gazette",
    )  # fmt: skip
    b = doc(2, "Mount Adeline erupted. Mexico and the Gulf of Mexico are far. The Port Anselm "
            "Gazette printed it.", [("Mount Adeline", "LOC"), ("Mexico", "GPE"),
            ("Gulf of Mexico", "LOC"), ("Port Anselm Gazette", "ORG")])  # fmt: skip
    entities, _ = build_registry([a, b])
    assert "Orlen Strait" in entity(entities, "Strait of Orlen").aliases
    assert "Sentvik Islands" in entity(entities, "Sentvik Isles").aliases
    assert "Mt Adeline" in entity(entities, "Mount Adeline").aliases
    assert entity(entities, "Gazette").name == "Port Anselm Gazette"
    assert entity(entities, "Mexico") is not entity(entities, "Gulf of Mexico")


def test_span_repairs() -> None:
    text = (
        "Foreign Minister Mariam al-Sadiq al-Mahdi spoke. Visitors came to the disputed Kuril "
        "islands and the Pacific Kuril chain, four Pacific islands. The European Union and the "
        "United Nations agreed. Interior Minister Joana Quental spoke in Amharic."
    )
    tags = [("Mariam al-", "PERSON"), ("Kuril", "PERSON"), ("Pacific Kuril", "LOC"),
            ("Pacific islands", "LOC"), ("European Union and the United Nations", "ORG"),
            ("Interior", "ORG"), ("Joana Quental", "PERSON"), ("Amharic", "ORG")]  # fmt: skip
    a = doc(1, text, tags)
    fixed = [m.text for m in repair_mentions(text, a.mentions, frozenset())]
    assert fixed == [
        "Mariam al-Sadiq al-Mahdi", "Kuril islands", "Kuril chain", "European Union",
        "United Nations", "Joana Quental",
    ]  # fmt: skip
    people = missing_short_mentions(
        "Oliver Pembridge spoke. Pembridge said yes.",
        (EntityMention(0, 16, "Oliver Pembridge", "PERSON"),),
    )
    assert [m.text for m in people] == ["Oliver Pembridge", "Pembridge"]
    orgs = missing_short_mentions(
        "The International Federation of Red Cross said so. The IFRC agreed.",
        (EntityMention(4, 43, "International Federation of Red Cross", "ORG"),),
    )
    assert [m.text for m in orgs][-1] == "IFRC"


def test_particle_surnames_are_short_forms() -> None:
    a = doc(
        1,
        "The envoy Youssef al-Hadidi arrived. El-Hadidi said talks would go on.",
        [("Youssef al-Hadidi", "PERSON"), ("El-Hadidi", "ORG")],
    )
    b = doc(
        2,
        "Youssef el-Hadidi left; al-Hadidi was tired.",
        [("Youssef el-Hadidi", "PERSON"), ("al-Hadidi", "PERSON")],
    )
    entities, _ = build_registry([a, b])
    hadidi = entity(entities, "Youssef al-Hadidi")
    assert {"El-Hadidi", "al-Hadidi", "Youssef el-Hadidi"} <= set(hadidi.aliases)
    assert hadidi.type == "PERSON"
    assert all(re.search("Hadidi", a) for a in hadidi.aliases)


def _short_mentions_by_pairs(
    text: str, mentions: tuple[EntityMention, ...]
) -> tuple[EntityMention, ...]:
    """The first reading of `missing_short_mentions`, pair by pair (quadratic): the oracle."""
    import re

    from storyline.corpus.entities.spans import _CAPS, _initials

    out = list(mentions)
    taken = [(m.start, m.end) for m in mentions]

    def add(start: int, end: int, label: str) -> None:
        if not any(s < end and start < e for s, e in taken):
            out.append(EntityMention(start, end, text[start:end], label))
            taken.append((start, end))

    for m in mentions:
        tokens = m.text.split()
        if m.label == "PERSON" and len(tokens) >= 2 and len(tokens[-1]) >= 3:
            surname = re.escape(tokens[-1].split("-")[-1])
            for hit in re.finditer(rf"(?<![\w-]){surname}(?![\w-])", text[m.end :]):
                add(m.end + hit.start(), m.end + hit.end(), "PERSON")
    orgs = [m for m in mentions if m.label == "ORG" and len(m.text.split()) >= 3]
    for hit in _CAPS.finditer(text):
        letters = hit.group().lower()
        before = {_initials(m.text) for m in orgs if m.end <= hit.start()}
        if any(len(letters) >= 3 and i.startswith(letters) for i in before):
            add(hit.start(), hit.end(), "ORG")
    return tuple(sorted(out, key=lambda x: (x.start, x.end, x.label)))


def test_short_mentions_are_those_of_the_pairwise_reading() -> None:
    import random

    rng = random.Random(7)
    names = [
        ("Oliver Pembridge", "PERSON"), ("Ana Pembridge-Holt", "PERSON"), ("Holt", "ORG"),
        ("International Red Cross Federation", "ORG"), ("Nordic Ferry Safety Board", "ORG"),
        ("Mira Dalen", "PERSON"), ("IRCF", "X"), ("NFSB", "X"), ("Pembridge", "X"),
        ("Dalen", "X"), ("said", "X"), ("on Monday", "X"), ("NATO", "X"),
    ]  # fmt: skip
    for _ in range(60):
        parts, mentions, pos = [], [], 0
        for _ in range(rng.randrange(5, 40)):
            word, label = rng.choice(names)
            if label != "X" and rng.random() < 0.8:
                mentions.append(EntityMention(pos, pos + len(word), word, label))
            parts.append(word)
            pos += len(word) + 1
        text = " ".join(parts)
        found = tuple(mentions)
        assert missing_short_mentions(text, found) == _short_mentions_by_pairs(text, found)
