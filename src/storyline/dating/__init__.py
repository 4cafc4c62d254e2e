"""Dating: when each article was published.

    article = date_article(article, config.dating)   # published, published_how, confidence
    explain_date(article)                            # every candidate, accepted or rejected

Candidates come from the container (header line, JSON field, HTML meta, URL), wire
datelines and bylines (`datelines`); each is checked against the dates the text itself
mentions, so a crawl clock years after the events is rejected; an article with no trusted
date gets an inferred window, never a made-up day (`infer`).
"""

from storyline.dating.pubdate import date_article, explain_date

__all__ = ["date_article", "explain_date"]
