"""The attribute ruler's rules applied by lookup (`storyline.attribute_rules`) set the very
attributes the spaCy component sets, token for token; a rule set the lookup cannot read is
left to the component."""

from __future__ import annotations

import spacy

from storyline.attribute_rules import AttributeRules
from storyline.nlp import load_nlp, parse_many

# the model's word-specific rules ("ai n't", "gon na", "y' all", "nothin'", "let 's", "'s"),
# rules that read the dependency label ("do" as a main verb or an auxiliary) and spaces
SENTENCES = [
    "It ain't over, and we're gonna win, y'all.",
    "Let's go: nothin' was done and they didn't do it.",
    "He does his homework, she's done hers and they have had enough.",
    "I'd have gone to Cairo  on Monday if the talks hadn't stalled.",
    "The ministers, who'd met since 2019, will sign the accord -- or won't.",
    "Ethiopia's dam\nwas inaugurated; Sudan and Egypt objected whilst talks went on.",
    "Gotta say: what's he been doing? Whether or not it rains, we'll meet.",
]


def _attributes(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str, str, int]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc]


def test_the_lookup_sets_what_the_component_sets() -> None:
    nlp = load_nlp()
    component = nlp.get_pipe("attribute_ruler")
    rules = AttributeRules.of(component)
    assert rules is not None
    before = ["ner", "sentencizer", "lemmatizer", "attribute_ruler"]
    for text in SENTENCES:
        by_component = component(nlp(text, disable=before))
        by_lookup = rules(nlp(text, disable=before))
        assert _attributes(by_lookup) == _attributes(by_component)
        assert any(t.pos_ for t in by_lookup)


def test_the_parse_pass_gives_the_full_pipelines_attributes() -> None:
    nlp = load_nlp()
    full = [nlp(text, disable=["ner", "sentencizer", "lemmatizer"]) for text in SENTENCES]
    fast = list(parse_many(nlp, SENTENCES))
    assert [_attributes(d) for d in fast] == [_attributes(d) for d in full]


def test_a_later_rule_overrides_an_earlier_one_and_an_index_picks_the_token() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "dam", "TAG": "NN"}]], {"POS": "PROPN"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"IN": ["dam", "river"]}}]], {"LEMMA": "x"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^riv"}}]], {"MORPH": "Number=Plur"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    rules = AttributeRules.of(ruler)
    assert rules is not None
    for text in ("the dam and the river  flow", "The Dam, the river, a dam"):
        docs = [nlp.make_doc(text) for _ in range(2)]
        for doc in docs:
            for t in doc:
                t.tag_ = "NN" if t.is_alpha else "XX"
        assert _attributes(rules(docs[0])) == _attributes(ruler(docs[1]))
        assert "PROPN" in [t.pos_ for t in docs[0]] and "x" in [t.lemma_ for t in docs[0]]


def test_rules_the_lookup_cannot_read_are_left_to_the_component() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert AttributeRules.of(ruler) is None
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert AttributeRules.of(other) is None
