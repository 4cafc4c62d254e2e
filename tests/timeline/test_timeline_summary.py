from __future__ import annotations

import dataclasses
from collections.abc import Callable

from storyline.model import Article, EntityMention
from storyline.timeline import story_title, summarise


def _with_mentions(a: Article, names: list[tuple[str, str]]) -> Article:
    mentions = tuple(EntityMention(0, len(n), n, label) for n, label in names)
    return dataclasses.replace(a, mentions=mentions)


def test_title_is_the_query_or_the_names_most_articles_share(
    dam_articles: list[Article],
) -> None:
    assert story_title(dam_articles, "Nile dam") == "Nile dam"
    arts = [
        _with_mentions(dam_articles[0], [("Egypt", "GPE"), ("Egypt", "GPE"), ("Abiy", "PERSON")]),
        _with_mentions(
            dam_articles[1], [("Egypt", "GPE"), ("Ethiopia", "GPE"), ("Abiy", "PERSON")]
        ),
        _with_mentions(dam_articles[2], [("Ethiopia", "GPE")] * 3),
    ]
    # Egypt, Ethiopia and Abiy are each in two articles; mentions break the tie
    assert story_title(arts, None) == "Ethiopia, Egypt, Abiy"


def test_summary_is_cited_and_chronological(
    dam_articles: list[Article], article_factory: Callable[..., Article]
) -> None:
    summary = summarise(dam_articles, n_sentences=2)
    assert 1 <= len(summary) <= 2
    ids = {a.id: a for a in dam_articles}
    for s in summary:
        article = ids[s.article]
        assert article.text[s.start : s.end] == s.text
    dates = [ids[s.article].published for s in summary]
    assert dates == sorted(d for d in dates if d is not None)
    # questions, quotes and fragments are not overview material
    odd = article_factory(
        "q", "Will the dam ever be finished by the engineers on the river?\nShort.", None, "X"
    )
    assert summarise([odd], n_sentences=1) == ()
