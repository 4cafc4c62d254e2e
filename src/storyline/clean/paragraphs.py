"""Splitting raw article text into normalised paragraphs, and telling prose from headlines.

Scraped text marks paragraphs in two ways: blank lines (each block one or more lines) or
one paragraph per line. Hard-wrapped text (lines cut at a fixed width) is re-joined: a
long line that does not end a sentence is joined with the next when the next starts in
lower case, or when the block as a whole looks wrapped (even line lengths, many lines
starting in lower case).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Invisible characters scrapers leave behind: zero-width spaces/joiners, BOM, soft hyphen.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every horizontal whitespace run (NBSP, thin spaces, tabs...) becomes one space.
_SPACE_RE = re.compile(r"[^\S\n]+")
# A blank line (possibly holding spaces) separates blocks.
_BLOCK_SPLIT_RE = re.compile(r"\n[^\S\n]*\n")
# The end of a sentence: terminal punctuation, then optional closing quotes/brackets.
_SENTENCE_END_RE = re.compile(r"[.!?…:;](?:\s?[\"'”’»)\]])*$")
# Words longer than this count as running prose even without final punctuation.
PROSE_MIN_WORDS = 26
# Share of a block's lines starting in lower case above which the block is hard-wrapped.
_WRAPPED_SHARE = 0.3
# A line cut by wrapping is long; a short line without final punctuation ("Comments (2)")
# is a label of its own, never joined with the next line.
_WRAPPED_MIN_CHARS = 40
# Hard-wrapping cuts lines at a fixed width (usually 60-100 characters); blocks with longer
# lines are one paragraph per line.
_WRAPPED_MAX_CHARS = 120
# In a hard-wrapped block every line but the last is at least this share of the widest.
_WRAPPED_EVEN = 0.6


def normalise_line(line: str) -> str:
    """NFC, invisible characters removed, whitespace runs collapsed, stripped."""
    line = unicodedata.normalize("NFC", line)
    line = _INVISIBLE_RE.sub("", line)
    return _SPACE_RE.sub(" ", line).strip()


def ends_sentence(text: str) -> bool:
    """True when `text` ends with sentence-final punctuation (closing quotes allowed)."""
    return bool(_SENTENCE_END_RE.search(text))


def _starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


def _is_wrapped(lines: list[str]) -> bool:
    """A hard-wrapped block: three or more lines of similar length (all but the last),
    short enough for a fixed width, many starting in lower case."""
    if len(lines) < 3:
        return False
    widest = max(len(line) for line in lines)
    lower_share = sum(_starts_lower(line) for line in lines[1:]) / (len(lines) - 1)
    return (
        widest <= _WRAPPED_MAX_CHARS
        and all(len(line) >= _WRAPPED_EVEN * widest for line in lines[:-1])
        and lower_share >= _WRAPPED_SHARE
    )


def _join_block(lines: list[str], is_noise: Callable[[str], bool]) -> list[str]:
    """The paragraphs of one block: lines, with wrapped continuations re-joined. A line
    that is noise on its own (`is_noise`) is never joined, so boilerplate is not glued to
    story text."""
    if len(lines) < 2:
        return lines
    wrapped = _is_wrapped(lines)
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1]
        if (
            len(previous) >= _WRAPPED_MIN_CHARS
            and not ends_sentence(previous)
            and (_starts_lower(line) or wrapped)
            and not is_noise(previous)
            and not is_noise(line)
        ):
            out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return out


def _never(_: str) -> bool:
    return False


def split_blocks(text: str, is_noise: Callable[[str], bool] = _never) -> list[list[str]]:
    """The paragraphs of `text` grouped by block (text between blank lines), in order;
    paragraphs are non-empty and whitespace-normalised, blocks non-empty."""
    blocks: list[list[str]] = []
    for block in _BLOCK_SPLIT_RE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [normalise_line(line) for line in block.split("\n")]
        paragraphs = _join_block([line for line in lines if line], is_noise)
        if paragraphs:
            blocks.append(paragraphs)
    return blocks


def split_paragraphs(text: str, is_noise: Callable[[str], bool] = _never) -> list[str]:
    """The non-empty, whitespace-normalised paragraphs of `text`, in order."""
    return [paragraph for block in split_blocks(text, is_noise) for paragraph in block]


def word_count(text: str) -> int:
    return len(text.split())


def is_prose(paragraph: str) -> bool:
    """A paragraph of running text: it ends a sentence or is too long for a headline."""
    return ends_sentence(paragraph) or word_count(paragraph) >= PROSE_MIN_WORDS


def is_headline_like(paragraph: str) -> bool:
    """A short line without sentence-final punctuation (headline, caption, label)."""
    return not is_prose(paragraph)
