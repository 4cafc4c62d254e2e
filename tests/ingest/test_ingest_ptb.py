"""Penn-Treebank detokenisation in the news-tls reader."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest import read_articles
from storyline.ingest.ptb import detokenize, looks_tokenized
from storyline.model import Article


def test_brackets_clitics_quotes_and_punctuation() -> None:
    assert detokenize("Earth 's crust -LRB- the top layer -RRB- moved , he said .") == (
        "Earth's crust (the top layer) moved, he said."
    )
    assert detokenize("`` We do n't know , '' she said : `` not yet . ''") == (
        '"We don\'t know," she said: "not yet."'
    )
    assert detokenize("The parents ' house cost $ 5 million , or 10 % more .") == (
        "The parents' house cost $5 million, or 10% more."
    )
    assert detokenize("line one .\nline two ;") == "line one.\nline two;"


def test_ordinary_prose_is_not_taken_for_tokenised_text() -> None:
    prose = (
        "Egypt's foreign minister said on Monday that talks (the third round) had failed. "
        '"We don\'t accept it," he said, adding that Cairo would go to the council.'
    )
    assert not looks_tokenized(prose)
    assert looks_tokenized("He said , `` no . '' -LRB- AP -RRB-")
    assert detokenize(prose) == prose


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
_PUNCT = st.sampled_from([",", ".", ";", ":", "?", "!"])


@given(st.lists(st.tuples(_WORD, st.one_of(st.none(), _PUNCT)), min_size=1, max_size=12))
def test_tokenised_prose_comes_back(items: list[tuple[str, str | None]]) -> None:
    prose = " ".join(w + (p or "") for w, p in items)
    tokens = " ".join(w + (f" {p}" if p else "") for w, p in items)
    assert detokenize(tokens) == prose


@given(st.text(max_size=300))
def test_detokenize_keeps_lines_and_never_raises(text: str) -> None:
    out = detokenize(text)
    assert out.count("\n") == text.count("\n")


def test_the_news_tls_reader_detokenises(tmp_path: Path) -> None:
    topic = tmp_path / "quake"
    topic.mkdir()
    (topic / "keywords.json").write_text('["quake"]', encoding="utf-8")
    text = (
        "On 12 January 2010 , a quake hit Haiti -LRB- see map -RRB- . \n"
        "Officials said the capital 's port was closed . \n" * 4
    )
    record = {"id": "q1", "time": "2010-01-13", "text": text}
    with gzip.open(topic / "articles.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")
    [article] = [a for a in read_articles([topic]) if isinstance(a, Article)]
    assert "2010, a quake hit Haiti (see map)." in article.raw_text
    assert "capital's port" in article.raw_text and not re.search(r" [,.] ", article.raw_text)
    # the same file given directly is read the same way
    [again] = [a for a in read_articles([topic / "articles.jsonl.gz"]) if isinstance(a, Article)]
    assert again == article
