"""Sentence vectors and text helpers shared by the timeline strategies (TF-IDF baseline)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from storyline.data import weekdays

_SPACE = re.compile(r"\s+")
_WEEKDAY_NAMES = "|".join(d.capitalize() for d in weekdays())
_LEADING_DATE = re.compile(
    r"^(?:(?i:on|in|by|since|during|at the end of|earlier|later|last|this|next)\s+)?"
    r"(?:\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|[A-Z][a-z]+\s+\d{1,2}(?:,\s*\d{4})?|"
    rf"(?:{_WEEKDAY_NAMES})|\d{{4}}|[A-Z][a-z]+\s+\d{{4}})"
    r"\s*,\s+"
)
_QUOTE_START = re.compile(r"^[\"“”'‘]")


class SentenceVectors:
    """L2-normalised TF-IDF vectors of a list of sentences, indexed by position."""

    def __init__(
        self, texts: Sequence[str], *, min_df: int = 1, fit_texts: Sequence[str] | None = None
    ) -> None:
        """`fit_texts`: the texts whose term statistics weigh the vectors (by default
        `texts`): all sentences of the input tell better than the candidates alone which
        words are common in the story."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.texts = list(texts)
        if not self.texts:
            self.matrix = None
            return
        vec = TfidfVectorizer(
            stop_words="english",
            sublinear_tf=True,
            min_df=min_df,
            dtype=np.float32,
            token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
        )
        try:
            if fit_texts:
                self.matrix = vec.fit(fit_texts).transform(self.texts)
            else:
                self.matrix = vec.fit_transform(self.texts)
        except ValueError:  # only stopwords
            self.matrix = None
        self.vectorizer = vec

    def centroid_scores(self, rows: Sequence[int]) -> NDArray[np.float64]:
        """Cosine of each row to the centroid of `rows`."""
        if self.matrix is None or not rows:
            return np.zeros(len(rows))
        sub = self.matrix[list(rows)]
        centroid = np.asarray(sub.mean(axis=0)).ravel()
        norm = float(np.linalg.norm(centroid))
        if norm == 0.0:
            return np.zeros(len(rows))
        return np.asarray(sub @ (centroid / norm)).ravel().astype(np.float64)

    def similarity(self, rows_a: Sequence[int], rows_b: Sequence[int]) -> NDArray[np.float64]:
        if self.matrix is None or not rows_a or not rows_b:
            return np.zeros((len(rows_a), len(rows_b)))
        m = self.matrix[list(rows_a)] @ self.matrix[list(rows_b)].T
        return np.asarray(m.toarray(), dtype=np.float64)

    def query_scores(self, rows: Sequence[int], query: str | None) -> NDArray[np.float64]:
        if self.matrix is None or not query or not rows:
            return np.zeros(len(rows))
        q = self.vectorizer.transform([query])
        return np.asarray((self.matrix[list(rows)] @ q.T).toarray()).ravel().astype(np.float64)


def headline_from(sentence: str, max_words: int = 22) -> str:
    """A one-line headline from a sentence: no leading date phrase, quotes kept, trimmed."""
    s = _SPACE.sub(" ", sentence).strip()
    s = _LEADING_DATE.sub("", s, count=1)
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    words = s.split(" ")
    if len(words) > max_words:
        cut = " ".join(words[:max_words])
        # end at the last clause boundary when there is one in the second half
        for mark in (";", ",", " -", " —"):
            pos = cut.rfind(mark)
            if pos > len(cut) // 2:
                cut = cut[:pos]
                break
        s = cut.rstrip(" ,;:-—") + "…"
    return s.rstrip()


def is_quote(sentence: str) -> bool:
    return bool(_QUOTE_START.match(sentence.strip()))
