"""The names pass with `annotate.ner_scope = "read"` (the default): the statistical NER on the
sentences later stages read gives there exactly the names of the NER over the whole text;
elsewhere the article's names are recovered by their tokens, and the NER reads the
capitalised words left. Real spaCy throughout."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.annotate import annotate_articles
from storyline.annotate.names import (
    name_table,
    phrase_matcher,
    read_sentences,
    recover_names,
    unexplained,
    windows,
)
from storyline.config import AnnotateConfig, Config
from storyline.errors import ConfigError
from storyline.model import Article, DateInterval, EntityMention, Sentence, TimeExpression
from storyline.nlp import load_nlp, segment
from storyline.pipeline import prepare_fingerprint

DCT = dt.date(2021, 3, 9)  # a Tuesday

# sentence 0 is the lead; 1, 4 and 6 hold dates; 2, 3 and 5 hold none
STORY = (
    "Foreign ministers met in Geneva to discuss the dam.\n\n"
    "On Monday, Egyptian Foreign Minister Sameh Shoukry met Ethiopian envoy Dina Mufti in "
    "Cairo.\n\n"
    "Shoukry said the talks with Mufti would go on. "
    "The unrest in Ukraine and the sanctions on Moscow were not on the agenda.\n\n"
    "The African Union will host the next round on March 20. "
    "Sameh Shoukry left Cairo for Khartoum after the meeting. "
    "Mufti is expected in Addis Ababa on Thursday."
)


def _article(text: str = STORY, article_id: str = "a1") -> Article:
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        raw_text=text,
        text=text,
        published=DateInterval.day(DCT),
    )


def _annotate(article: Article, **options: object) -> Article:
    [done] = annotate_articles([article], AnnotateConfig(lead_sentences=1, **options))  # type: ignore[arg-type]
    return done


def _names(article: Article, sentence: int) -> list[tuple[str, str]]:
    s = article.sentences[sentence]
    return [(m.text, m.label) for m in article.mentions if s.start <= m.start < s.end]


def _sentence_of(article: Article, words: str) -> int:
    return next(i for i, s in enumerate(article.sentences) if words in s.text)


def test_the_read_sentences_have_the_names_of_the_whole_text_ner() -> None:
    """On the sentences later stages read (the lead, the dated ones, the parsed ones) the
    names are those of the NER over every sentence, and so are the times and the events."""
    full = _annotate(_article(), ner_scope="all")
    read = _annotate(_article())
    assert read.sentences == full.sentences
    assert read.times == full.times and read.events == full.events
    dated = read_sentences(read.sentences, read.times, 1)
    assert len(dated) < len(read.sentences)  # some sentences were not read
    for i in dated:
        assert _names(read, i) == _names(full, i)
    assert ("Sameh Shoukry", "PERSON") in _names(read, 1)


def test_a_name_of_a_read_sentence_is_found_again_in_an_unread_one() -> None:
    """ "Sameh Shoukry" and "Cairo" are named in a dated sentence; the undated sentence that
    names them again has them with the same labels, and "Shoukry" alone is a person."""
    done = _annotate(_article())
    left = _sentence_of(done, "left Cairo")
    assert left not in read_sentences(done.sentences, done.times, 1)
    assert ("Sameh Shoukry", "PERSON") in _names(done, left)
    assert ("Cairo", "GPE") in _names(done, left)
    said = _sentence_of(done, "Shoukry said")
    assert ("Shoukry", "PERSON") in _names(done, said)


def test_a_name_only_an_unread_sentence_holds_is_found_by_the_ner_around_it() -> None:
    done = _annotate(_article())
    unrest = _sentence_of(done, "unrest in Ukraine")
    assert {"Ukraine", "Moscow"} <= {text for text, _ in _names(done, unrest)}
    # without the recovery (steps 2 and 3) the unread sentences have no names at all
    bare = _annotate(_article(), recover_names=False)
    assert _names(bare, unrest) == [] and _names(bare, _sentence_of(bare, "left Cairo")) == []
    assert _names(bare, 1) == _names(done, 1)


def test_the_names_of_an_article_do_not_depend_on_its_batch() -> None:
    one = _article()
    other = _article(
        "Talks resumed in Kinshasa on April 4. Felix Tshisekedi hosted them.", article_id="a2"
    )
    together = annotate_articles([one, other], AnnotateConfig(lead_sentences=1))
    alone = [_annotate(one), _annotate(other)]
    assert [a.mentions for a in together] == [a.mentions for a in alone]


def test_read_sentences_are_the_lead_the_dated_and_the_parsed() -> None:
    parts = ["Lead here.", "It lasted three years.", "Talks on Monday.", "Quiet.", "Weekly talks."]
    text = " ".join(parts)
    sents = [Sentence(text.index(p), text.index(p) + len(p), p) for p in parts]

    def timex(words: str, type_: str) -> TimeExpression:
        start = text.index(words)
        return TimeExpression(start, start + len(words), words, type_, "X")

    times = [timex("three years", "DURATION"), timex("on Monday", "DATE"), timex("Weekly", "SET")]
    assert read_sentences(sents, times, 1) == [0, 2]  # a duration or a set dates nothing
    assert read_sentences(sents, times, 2) == [0, 1, 2]
    assert read_sentences(sents, times, 1, parsed={4}) == [0, 2, 4]
    assert read_sentences(sents, [], 0) == []


def test_the_name_table_takes_each_names_most_frequent_label() -> None:
    table = name_table(
        [
            (("Washington",), "GPE"),
            (("Washington",), "PERSON"),
            (("Washington",), "GPE"),
            (("Sergei", "Lavrov"), "PERSON"),
            (("George", "Washington"), "PERSON"),
            (("democrats",), "NORP"),  # no capital letter: not repeated elsewhere
            (("I",), "PERSON"),  # a stop word alone: a word in most other sentences
            (("May",), "PERSON"),
            (("US",), "GPE"),  # not written as the stop word "us"
            (("George", "I"), "PERSON"),  # a king's name, whose last word is no surname
        ],
        frozenset({"i", "may", "us"}),
    )
    assert table[("Washington",)] == "GPE"  # a surname that is a place here stays a place
    assert table[("Lavrov",)] == "PERSON"  # the surname of a person alone
    assert ("democrats",) not in table
    assert ("I",) not in table and ("May",) not in table and table[("US",)] == "GPE"


def test_recovery_takes_the_longest_name_and_never_part_of_a_longer_one() -> None:
    nlp = load_nlp()
    doc = nlp.make_doc("Bill Burton met Bill and New York officials. Then New York")
    table = {("Bill",): "PERSON", ("New", "York"): "GPE", ("York",): "GPE"}
    found = recover_names(doc, bytearray(len(doc)), phrase_matcher(nlp, table))
    got = [(doc[a:b].text, label) for a, b, label in found]
    # "Bill" of "Bill Burton" is the start of a longer name; "New York" wins over "York"
    assert got == [("Bill", "PERSON"), ("New York", "GPE"), ("New York", "GPE")]
    assert all(doc[a].i != 0 for a, _, _ in found)
    read = bytearray(len(doc))
    read[: doc[6].i + 1] = b"\x01" * (doc[6].i + 1)  # the NER read the first words
    got = [doc[a:b].text for a, b, _ in recover_names(doc, read, phrase_matcher(nlp, table))]
    assert got == ["New York"]  # only outside what the NER read


def test_recovery_never_crosses_a_sentence_start() -> None:
    nlp = load_nlp()
    doc = next(segment(nlp, ["He spoke of New. York was quiet."]))
    assert doc[5].text == "York" and doc[5].is_sent_start
    table = {("New", "York"): "GPE"}
    assert recover_names(doc, bytearray(len(doc)), phrase_matcher(nlp, table)) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The minister said But that I would go", []),
        ("the unrest in Ukraine and in the US", ["Ukraine", "US"]),
        ("WHO said the virus spread", ["WHO"]),
        ("THE US GOVERNMENT SAID", ["GOVERNMENT", "SAID"]),  # capital stop words among capitals
    ],
)
def test_unexplained_capitalised_words(text: str, words: list[str]) -> None:
    doc = load_nlp().make_doc(text)
    assert [doc[k].text for k in unexplained(doc, bytearray(len(doc)))] == words


def test_unexplained_skips_covered_tokens_and_windows_join() -> None:
    doc = load_nlp().make_doc("Ukraine and Russia met in Geneva")
    covered = bytearray(len(doc))
    covered[0] = 1
    assert [doc[k].text for k in unexplained(doc, covered)] == ["Russia", "Geneva"]
    assert windows([2, 5], 6, 1) == [(1, 6)]
    assert windows([0, 9], 20, 3) == [(0, 4), (6, 13)]


def test_the_scope_is_checked_and_is_part_of_the_fingerprint() -> None:
    with pytest.raises(ConfigError, match="ner_scope"):
        Config().with_overrides(["annotate.ner_scope=some"])
    assert Config().annotate.ner_scope == "read"
    every = Config().with_overrides(["annotate.ner_scope=all"])
    assert prepare_fingerprint(every) != prepare_fingerprint(Config())


def test_names_are_mentions_of_the_articles_text() -> None:
    done = _annotate(_article())
    for m in done.mentions:
        assert isinstance(m, EntityMention) and done.text[m.start : m.end] == m.text
    starts = [m.start for m in done.mentions]
    assert starts == sorted(starts)
