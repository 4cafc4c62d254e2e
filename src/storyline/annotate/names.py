"""The names pass when `annotate.ner_scope` is "read": the statistical NER on the sentences
later stages read and, in the rest of the article, the names it found there recovered by
exact token match and the NER run only around the capitalised words left unexplained.

    mentions = find_names(nlp, pieces, sentences, read, ENTITY_LABELS)

1. **The read sentences** (`read_sentences`): the first `lead` sentences (the timeline's
   lead candidates, the overview, the title event), those that hold a date or a time (the
   timeline's candidates, the dates of disagreements and cross-references) and those the
   parse pass parsed (the event layer reads their clauses and participants). The NER reads
   each run of consecutive read sentences with `CONTEXT_TOKENS` tokens of the text on each
   side: inside a run it then sees what it sees in the whole text (its embedding's window
   is four tokens, and it never puts a name across a sentence start), so the names there
   are those of the NER over the whole text.
2. **The same names elsewhere** (`recover_names`): a name the NER found in the article is
   labelled as it was (its most frequent label) wherever its tokens occur in the other
   sentences, and a person's surname alone ("Lavrov said ...") as a person; the longest
   name first, never across a sentence start, never the first words of a longer capitalised
   name ("Bill" of "Bill Burton").
3. **The capitalised words left** (`unexplained`): a word that starts with a capital and is
   neither part of a recovered name nor a capitalised stop word ("The", "But") is where a
   name may be that the article does not name in its read sentences ("the unrest in
   Ukraine"); the NER reads each such word, with a recovered name next to it ("Southern"
   Kurils, "President" Obama), with `WINDOW_CONTEXT` tokens on each side (neighbouring
   windows joined), and decides there: its names take the place of recovered ones.

The other sentences (on Timeline17 about two thirds of the text) matter to the stages that
count names over the whole article: the entity registry and its aliases, story clustering,
the places and speakers of disagreements. There, against the NER over the whole text, the
names are not all the same (docs/scale.md measures how many): the NER reads about half the
tokens it would read.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.model import EntityMention, Sentence, TimeExpression

# the NER reads this many tokens on each side of what it is asked about, so that there it
# sees what it would see in the whole text: its embedding's window is four tokens (a CNN
# of depth 4, window 1) and its transitions read the token before the next
CONTEXT_TOKENS = 5
# ... and on each side of a capitalised word left unexplained (step 3), where only the name
# there is asked for: on 150 Timeline17 articles, 3 tokens instead of 5 cost 0.005 of the
# recall of the whole-text NER's names outside the read sentences (0.942 against 0.947)
# and read 28% fewer tokens
WINDOW_CONTEXT = 3

# a name recovered by its tokens must hold a capital letter: "the Pentagon" yes, a lowercase
# word the NER took for a name in one context ("democrats") is not repeated in every other
_CAPITAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

NameTable = dict[tuple[str, ...], str]


def read_sentences(
    sentences: Sequence[Sentence],
    times: Iterable[TimeExpression],
    lead: int,
    parsed: Iterable[int] = (),
) -> list[int]:
    """Indices (ascending) of the sentences later stages read: the first `lead` ones, every
    one that holds (the start of) a date or a time (TIMEX3 DATE or TIME: a duration or a
    set dates nothing), and the `parsed` ones (the event layer reads their clauses)."""
    starts = [s.start for s in sentences]
    out = set(range(min(lead, len(sentences))))
    out.update(parsed)
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        i = bisect.bisect_right(starts, t.start) - 1
        if i >= 0 and t.start < sentences[i].end:
            out.add(i)
    return sorted(out)


def token_runs(doc: Any, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges [start, end) of `doc` that cover the character spans `spans` (relative
    to the doc's text, ascending), two ranges joined when only whitespace tokens lie
    between them."""
    runs: list[tuple[int, int]] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        a, b = span.start, span.end
        if runs:
            prev_a, prev_b = runs[-1]
            if a <= prev_b or all(t.is_space for t in doc[prev_b:a]):
                runs[-1] = (prev_a, max(prev_b, b))
                continue
        runs.append((a, b))
    return runs


def name_table(
    found: Iterable[tuple[tuple[str, ...], str]], stop_words: Container[str] = frozenset()
) -> NameTable:
    """Each name's tokens -> its label: the label the NER gave it most often (ties: the one
    given first). A person's name of several words adds its last word as a person, unless
    that word is itself a name of another kind here ("Washington" the place). Left out:
    names without a capital letter, and a stop word alone ("I", "May": the NER's name in one
    sentence, a word in most others; `stop_words` are lowercase)."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for tokens, label in found:
        if tokens and any(c in _CAPITAL for c in "".join(tokens)):
            labels.setdefault(tokens, Counter())[label] += 1
    table = {tokens: counts.most_common(1)[0][0] for tokens, counts in labels.items()}
    for tokens, label in list(table.items()):
        last = tokens[-1:]
        if label == "PERSON" and len(tokens) > 1 and last not in table and _capital_word(last[0]):
            table[last] = "PERSON"
    return {
        tokens: label
        for tokens, label in table.items()
        if len(tokens) > 1 or not _stop_word(tokens[0], tokens[0].lower() in stop_words)
    }


def phrase_matcher(nlp: Any, table: NameTable) -> Any:
    """A PhraseMatcher (exact tokens) of `table`'s names, each under its label."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_label: dict[str, list[Any]] = {}
    for tokens, label in sorted(table.items()):
        by_label.setdefault(label, []).append(Doc(nlp.vocab, words=list(tokens)))
    for label, patterns in sorted(by_label.items()):
        matcher.add(label, patterns)
    return matcher


def recover_names(doc: Any, read: bytearray, matcher: Any) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) of the names of `matcher` (a `phrase_matcher`) in
    `doc` outside the tokens marked in `read`: the longest first, never two over one token,
    never across a sentence start, never followed by a capitalised word (the first words of
    a longer name)."""
    out: list[tuple[int, int, str]] = []
    taken = bytearray(len(doc))
    strings = doc.vocab.strings
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
        if any(read[start:end]) or any(taken[start:end]):
            continue
        if any(doc[k].is_sent_start for k in range(start + 1, end)):
            continue
        if end < len(doc) and not doc[end].is_sent_start and _capital_word(doc[end].text):
            continue
        taken[start:end] = b"\x01" * (end - start)
        out.append((start, end, strings[match_id]))
    return sorted(out)


def unexplained(doc: Any, covered: bytearray) -> list[int]:
    """Tokens of `doc` not marked in `covered` that may be (part of) a name: words that
    start with a capital letter, except a stop word written as one ("The", "But", "I"), or
    in capitals among capitals ("THE US GOVERNMENT"; not "WHO said")."""
    out = []
    for k, token in enumerate(doc):
        if covered[k]:
            continue
        text = token.text
        if not text[:1].isupper() or not any(c.isalpha() for c in text):
            continue
        if _stop_word(text, token.is_stop) or (
            token.is_stop and text.isupper() and (_shouted(doc, k - 1) or _shouted(doc, k + 1))
        ):
            continue
        out.append(k)
    return out


def _stop_word(text: str, is_stop: bool) -> bool:
    """Whether `text` (`is_stop`: its lowercase form is a stop word) is a stop word written
    as one, with at most a capital first letter ("The", "I", "May"; not "US", "WHO")."""
    return is_stop and (len(text) == 1 or not text[1:].isupper())


def _shouted(doc: Any, k: int) -> bool:
    """Whether token k is a word in capitals (of two letters or more)."""
    if not 0 <= k < len(doc):
        return False
    text = doc[k].text
    return len(text) > 1 and text.isupper() and text.isalpha()


def windows(tokens: Sequence[int], n: int, context: int = CONTEXT_TOKENS) -> list[tuple[int, int]]:
    """Token ranges around `tokens` (ascending) with `context` tokens on each side, within
    [0, n), joined where they meet."""
    out: list[tuple[int, int]] = []
    for k in tokens:
        a, b = max(0, k - context), min(n, k + 1 + context)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def window_doc(doc: Any, ranges: Sequence[tuple[int, int]]) -> Any:
    """A new Doc of the tokens of `doc` in `ranges`, one after the other, each range opening
    a sentence (the NER never puts a name across a sentence start), with the tokens' spaces,
    sentence starts and norms (the tokenizer's exceptions give "n't" the norm "not"): all
    the NER reads of a token. One Doc for many ranges, not one each: a Doc has a cost of
    its own. (`Span.as_doc()` copies every attribute, at 13 times the cost.)"""
    import numpy as np
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool | int | None] = []
    for a, b in ranges:
        for k, t in enumerate(doc[a:b]):
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
            starts.append(k == 0 or bool(t.is_sent_start))
    out = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    if words:
        norms = doc.to_array([NORM])
        rows: Any = np.concatenate([norms[a:b] for a, b in ranges]).reshape(-1, 1)
        out.from_array([NORM], rows)
    return out


@dataclass
class _Piece:
    """One spaCy Doc of an article (a piece of its text starting at `offset`) and what the
    names pass knows of its tokens."""

    article: int
    offset: int
    doc: Any
    runs: list[tuple[int, int]]  # the read sentences, as runs of tokens
    read: bytearray = field(init=False)  # tokens of the runs
    asked: bytearray = field(init=False)  # tokens step 3 asks the NER about
    # names as (start token, end token, label): the NER's on the read sentences (step 1),
    # by exact match (step 2), the NER's around capitalised words left (step 3)
    found: list[tuple[int, int, str]] = field(default_factory=list)
    recovered: list[tuple[int, int, str]] = field(default_factory=list)
    around: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.read = bytearray(len(self.doc))
        self.asked = bytearray(len(self.doc))
        for a, b in self.runs:
            self.read[a:b] = b"\x01" * (b - a)


Ask = tuple[int, int, int, int]  # a window of tokens (start, end) and what is asked in it


def _ner(
    nlp: Any,
    asks: Sequence[tuple[_Piece, Sequence[Ask]]],
    labels: frozenset[str],
    batch_size: int,
) -> Iterator[tuple[_Piece, int, int, str]]:
    """The NER's names (piece, start token, end token, label) in windows of pieces: for each
    piece, windows (start, end, first, last) that the NER reads (as one Doc), of which the
    names kept are those that overlap the tokens from `first` to `last` (exclusive)."""
    from storyline.nlp import recognise_docs

    docs = (window_doc(p.doc, [(a, b) for a, b, _, _ in windows]) for p, windows in asks)
    for (piece, windows), doc in zip(asks, recognise_docs(nlp, docs, batch_size), strict=True):
        index = [k for a, b, _, _ in windows for k in range(a, b)]  # new token -> piece's
        opens = list(itertools.accumulate((b - a for a, b, _, _ in windows), initial=0))
        for ent in doc.ents:
            if ent.label_ not in labels:
                continue
            _, _, first, last = windows[bisect.bisect_right(opens, ent.start) - 1]
            start, end = index[ent.start], index[ent.end - 1] + 1
            if start < last and first < end:
                yield piece, start, end, ent.label_


def find_names(
    nlp: Any,
    pieces: Sequence[Sequence[tuple[int, Any]]],
    sentences: Sequence[Sequence[Sentence]],
    read: Sequence[Sequence[int]],
    labels: frozenset[str],
    *,
    batch_size: int = 32,
    recover: bool = True,
) -> list[tuple[EntityMention, ...]]:
    """The mentions of each article (labels in `labels`): the NER's on its read sentences
    (`read[i]`: indices into `sentences[i]`) and, with `recover`, those of steps 2 and 3 in
    the rest of its text. `pieces[i]` are the article's Docs (tokens and sentences, no
    names), each with the offset of its text in the article's."""
    all_pieces: list[_Piece] = []
    for i, docs in enumerate(pieces):
        spans = [(sentences[i][k].start, sentences[i][k].end) for k in read[i]]
        for offset, doc in docs:
            end = offset + len(doc.text)
            local = [(s - offset, e - offset) for s, e in spans if offset <= s and e <= end]
            all_pieces.append(_Piece(i, offset, doc, token_runs(doc, local)))
    # 1. the NER on the read sentences
    asks = [
        (
            p,
            [
                (max(0, a - CONTEXT_TOKENS), min(len(p.doc), b + CONTEXT_TOKENS), a, b)
                for a, b in p.runs
            ],
        )
        for p in all_pieces
        if p.runs
    ]
    for piece, start, end, label in _ner(nlp, asks, labels, batch_size):
        if piece.read[start]:
            piece.found.append((start, end, label))
    if recover:
        _recover(nlp, all_pieces, labels, batch_size)
    out: list[list[EntityMention]] = [[] for _ in pieces]
    for p in all_pieces:
        for start, end, label in sorted({*p.found, *p.recovered}):
            span = p.doc[start:end]
            out[p.article].append(
                EntityMention(
                    p.offset + span.start_char, p.offset + span.end_char, span.text, label
                )
            )
    return [tuple(sorted(m, key=lambda x: x.start)) for m in out]


def _recover(nlp: Any, pieces: Sequence[_Piece], labels: frozenset[str], batch_size: int) -> None:
    """Steps 2 and 3 (see the module's docstring) on every piece."""
    by_article: dict[int, list[_Piece]] = {}
    for p in pieces:
        by_article.setdefault(p.article, []).append(p)
    asks: list[tuple[_Piece, list[Ask]]] = []
    for group in by_article.values():
        table = name_table(
            ((tuple(t.text for t in p.doc[a:b]), label) for p in group for a, b, label in p.found),
            nlp.Defaults.stop_words,
        )
        matcher = phrase_matcher(nlp, table) if table else None
        for p in group:
            if matcher is not None:
                p.recovered = recover_names(p.doc, p.read, matcher)
            covered = bytearray(p.read)
            for a, b, _ in p.recovered:
                covered[a:b] = b"\x01" * (b - a)
            tokens = unexplained(p.doc, covered)
            if not tokens:
                continue
            # a recovered name next to such a word is asked about again ("Southern" Kurils)
            loose = set(tokens)
            tokens = sorted(
                loose.union(
                    *(range(a, b) for a, b, _ in p.recovered if a - 1 in loose or b in loose)
                )
            )
            around: list[Ask] = []
            for a, b in windows(tokens, len(p.doc), WINDOW_CONTEXT):
                # what is asked: from the first to the last such token of the window
                inside = tokens[bisect.bisect_left(tokens, a) : bisect.bisect_left(tokens, b)]
                around.append((a, b, inside[0], inside[-1] + 1))
                p.asked[inside[0] : inside[-1] + 1] = b"\x01" * (inside[-1] + 1 - inside[0])
            asks.append((p, around))
    # 3. the NER around them decides there: its names replace the recovered ones
    for piece, start, end, label in _ner(nlp, asks, labels, batch_size):
        if not any(piece.read[start:end]):
            piece.around.append((start, end, label))
    for p in pieces:
        if any(p.asked):
            taken = bytearray(p.asked)
            for a, b, _ in p.around:
                taken[a:b] = b"\x01" * (b - a)
            kept = [r for r in p.recovered if not any(taken[r[0] : r[1]])]
            p.recovered = sorted({*p.around, *kept})


def _capital_word(text: str) -> bool:
    return text[:1] in _CAPITAL and text.isalpha()
