"""The one spaCy loader: the configured model is the one every stage uses, loaded once per
process; a missing model is a clear error, never a silent fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline import nlp as nlp_module
from storyline.annotate import annotate_articles
from storyline.config import AnnotateConfig, Config
from storyline.errors import ModelNotFoundError
from storyline.model import Article, DateInterval
from storyline.nlp import DEFAULT_MODEL, load_nlp, model_version, parse, recognise
from storyline.pipeline import prepare_fingerprint
from storyline.temporal import tag_times

DCT = dt.date(2019, 1, 8)  # a Tuesday


def test_one_pipeline_serves_names_and_syntax() -> None:
    nlp = load_nlp()
    doc = next(recognise(nlp, ["Sergei Lavrov met Taro Kono in Moscow. They talked."]))
    assert [e.label_ for e in doc.ents if e.text == "Moscow"] == ["GPE"]
    assert len(list(doc.sents)) == 2
    assert not doc.has_annotation("DEP")  # the parser did not run for names
    parsed = parse(nlp, "The minister will fly to Tokyo on Monday.")
    assert parsed.has_annotation("DEP") and not parsed.ents
    assert load_nlp() is nlp


def test_annotating_and_tense_parsing_load_one_pipeline() -> None:
    load_nlp.cache_clear()
    text = ("Lavrov said on Tuesday that the ministers will meet on Monday in Moscow. " * 3).strip()
    article = Article(
        id="a1", path="a.txt", raw_text=text, text=text, published=DateInterval.day(DCT)
    )
    [done] = annotate_articles([article], AnnotateConfig())
    assert any(t.value == "2019-01-14" for t in done.times)  # "will meet on Monday": ahead
    assert load_nlp.cache_info().currsize == 1


def test_the_tense_parser_is_the_configured_model() -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        tag_times("The ministers will meet on Monday.", DCT, model="no_such_model")
    # without a tense question the model is never loaded
    assert [t.value for t in tag_times("It rained in 2005.", DCT, model="no_such_model")] == [
        "2005"
    ]


def test_a_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError) as info:
        load_nlp("no_such_model")
    assert "pip install" in str(info.value) and "annotate.model" in str(info.value)
    cfg = Config().with_overrides(["annotate.model=no_such_model"])
    with pytest.raises(ModelNotFoundError):
        prepare_fingerprint(cfg)


def test_the_model_version_is_part_of_the_fingerprint() -> None:
    version = model_version(DEFAULT_MODEL)
    assert DEFAULT_MODEL in version and "spaCy" in version
    assert any(ch.isdigit() for ch in version.split()[1])


def test_batches_bounded_in_characters_give_the_same_entities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [
        f"Prime Minister Anna Berg met President Ivo Lind in Oslo on {d} May 2021 to sign "
        f"the fisheries accord with Norway and the European Union."
        for d in range(1, 9)
    ]
    nlp = nlp_module.load_nlp(nlp_module.DEFAULT_MODEL)

    def ents() -> list[list[tuple[int, int, str]]]:
        return [
            [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp_module.recognise(nlp, texts, batch_size=32)
        ]

    whole = ents()
    monkeypatch.setattr(nlp_module, "MAX_BATCH_CHARS", 300)  # two or three texts a batch
    assert [len(b) for b in nlp_module.char_batches(texts, 32)] == [2, 2, 2, 2]
    assert ents() == whole
    assert sum(map(len, whole)) >= 8


def test_lemmas_on_demand_are_the_lemmatizers() -> None:
    """`parse_many` leaves lemmas out; `lemma_of` gives, for every token, what the pipeline's
    lemmatizer sets in a full parse."""
    from storyline.nlp import lemma_of, parse_many

    nlp = load_nlp()
    sentences = [
        "The ministers had been meeting since Monday, officials said.",
        "Ethiopia's dam was inaugurated; the talks were stalled and won't resume.",
        "He urged Ethiopians to buy the bonds, as Meles urged in 2011.",
    ]
    for text, lazy in zip(sentences, parse_many(nlp, sentences), strict=True):
        full = parse(nlp, text)
        assert [t.text for t in lazy] == [t.text for t in full]
        assert sum(1 for t in lazy if not t.lemma_) > len(lazy) // 2  # not lemmatized yet
        assert [lemma_of(t) for t in lazy] == [t.lemma_ for t in full]
        assert [t.lemma_ for t in lazy] == [t.lemma_ for t in full]  # kept on the token
        assert any(lemma_of(t) != t.lower_ for t in lazy)  # it does lemmatize ("had" -> have)


def test_lemma_of_a_token_without_a_lemmatizer_is_empty() -> None:
    import spacy

    from storyline.nlp import lemma_of

    assert [lemma_of(t) for t in spacy.blank("en")("They met.")] == ["", "", ""]
