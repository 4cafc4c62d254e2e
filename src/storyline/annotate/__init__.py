"""Document annotation: sentences, entity mentions, time expressions."""

from storyline.annotate.annotator import annotate_articles, load_annotator

__all__ = ["annotate_articles", "load_annotator"]
