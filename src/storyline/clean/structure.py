"""Cleaning one article's text: rules per paragraph, then the layout around the story.

1. Every paragraph is tried against `rules.RULES`. A comment-thread heading also drops the
   rest of its block (once enough story text came before it); a commenter's handle drops
   the comment that follows it in its block.
2. Captions: a paragraph that repeats the start of a caption (the same caption printed
   again without its credit), a headline-like line right above a picture credit, or a
   one-sentence line right below a credit that has no caption above it, is a caption;
   later exact repeats of a paragraph are dropped.
3. Layout. Story paragraphs are prose (they end a sentence, or are long). Short
   headline-like lines
   - before the first prose paragraph form the head: the first one of three or more words
     is the title (when none is known; a copy of a known title is dropped), very short ones
     are site chrome (section labels, site names);
   - after the last prose paragraph form the tail: links to related articles, tag lists;
   - two or more in a row between prose paragraphs are a caption block or a related list.
     A single headline-like line between prose paragraphs is a subheading and is kept.
4. The dateline prefix of the first story paragraphs ("MOSCOW (Reuters) - ") is cut; the
   sentence stays. An agency named in it is credited; another name ("GENEVA (Radio Kestrel)
   -") is the outlet's own dateline.

Before any of this, lines that name the page's outlet (site header, bylines, footers,
comment policy, newsletter plugs: `clean.outlet_lines`) are read as outlet evidence, and a
site header is marked as site chrome so that it never becomes the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.credits import agencies_in, inline_credits
from storyline.clean.paragraphs import is_headline_like, is_prose, split_blocks, word_count
from storyline.clean.rules import first_rule
from storyline.clean.rules_pictures import cut_picture_credit
from storyline.clean.shapes import is_tag_list
from storyline.outlets import Evidence
from storyline.outlets.lines import dateline_evidence, line_evidence, site_header
from storyline.outlets.names import host_of, url_line

# Story characters that must come before a comment-thread heading for it to open a thread;
# below this the heading is a share bar or comment counter near the top of the page.
SECTION_MIN_CHARS = 200
# Paragraphs after a commenter's handle that can belong to the comment.
_REPLY_MAX_PARAGRAPHS = 5
# Shortest paragraph whose copy at the start of a caption marks it as that caption.
_CAPTION_COPY_MIN_CHARS = 20
# Longest caption printed below its picture credit.
_CAPTION_MAX_WORDS = 25
# A sentence end followed by another sentence.
_SECOND_SENTENCE_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z0-9]")
# Captions describe a picture in the present tense; reporting, past-tense and modal verbs
# mark a story sentence ("officials said", "signed", "will keep").
_REPORTING_RE = re.compile(
    r"\b(?:said|says|told|tells|according|announced|added|will|would|could|should|must|may|"
    r"might|was|were|had|did|met|began|drew|rose|fell|took|made|went|came|gave|won|lost|left|"
    r"held|became|found|sent|brought|kept|led|ran|saw|spoke|wrote|fought|struck|grew|"
    r"[a-z]{2,}ed)\b"
)
# Story paragraphs examined for a dateline prefix.
_DATELINE_PARAGRAPHS = 2
# Head lines of at most this many words (not the title) are site chrome.
_CHROME_MAX_WORDS = 4
_TITLE_MIN_WORDS = 3

_PLACE = r"[A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+){0,3}"
_REGION = r"(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})?"
_DAY = (
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?))?"
)
_DASH = r"(?:--|-|–|—)"
_OPEN = r"\("
_CLOSE = r"\)"
# A print stamp some wires glue before the dateline: "LONDON | Tue Apr 27, 2010 4:08 am EDT".
_STAMP = (
    r"(?:[A-Z][A-Za-z .]{1,30}\s*\|\s*)?(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*"
    r"\d{4}\s+\d{1,2}:\d{2}\s*[apAP]\.?[mM]\.?\s+[A-Z]{2,4}\s+"
)
# What the story sentence after a dateline starts with.
_SENTENCE_START = r"(?=[\"'“‘`A-Z0-9])"
# "MOSCOW (Reuters) - ", "Moscow (AFP): ", "WASHINGTON, Jan 5 (Reuters) -", "(Sputnik) - ".
_AGENCY_DATELINE_RE = re.compile(
    rf"^(?:{_STAMP})?(?:{_PLACE}{_REGION}{_DAY}\s*)?{_OPEN}\s*(?P<agency>[A-Z][\w .&'’\-]{{1,40}}?)"
    rf"\s*{_CLOSE}\s*(?:{_DASH}|:)\s*{_SENTENCE_START}"
)
# "TOKYO — ", "NEW YORK, March 3 -- ": a place in capitals and a dash, no agency.
_CAPS_DATELINE_RE = re.compile(
    rf"^[A-Z][A-Z.'’\-]{{2,}}(?: [A-Z][A-Z.'’\-]+){{0,3}}{_REGION}{_DAY}\s+{_DASH}\s+"
    rf"{_SENTENCE_START}"
)
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
# A headline labelled with its genre: "Explainer: Why Egypt and Ethiopia are arguing ...".
_LABELLED_TITLE_RE = re.compile(r"^(?:explainer|analysis|opinion|factbox|q&a)\s*:\s*\S", re.I)


@dataclass(frozen=True)
class Cleaned:
    """Story text (paragraphs joined by a blank line), the sorted kinds of text removed,
    the title (known or found), the sorted agencies credited and the evidence of the outlet
    read from the page's lines (in page order)."""

    text: str
    removed: tuple[str, ...]
    title: str | None
    credits: tuple[str, ...]
    outlet: tuple[Evidence, ...] = ()
    url: str | None = None  # a bare URL line opening or closing the text


def _same_text(a: str, b: str) -> bool:
    return _NOT_ALNUM_RE.sub("", a).casefold() == _NOT_ALNUM_RE.sub("", b).casefold()


def dateline_name(paragraph: str) -> str | None:
    """The name in a paragraph's dateline parentheses ("Radio Kestrel" in "GENEVA (Radio
    Kestrel) - ..."), or None when it has no such dateline."""
    m = _AGENCY_DATELINE_RE.match(paragraph)
    if m and word_count(m.group("agency")) <= 4:
        return m.group("agency").strip()
    return None


def strip_dateline(paragraph: str) -> tuple[str, list[str]] | None:
    """(paragraph without its dateline prefix, agencies credited) or None when it has none."""
    m = _AGENCY_DATELINE_RE.match(paragraph)
    if m and word_count(m.group("agency")) <= 4:
        return paragraph[m.end() :], agencies_in(m.group("agency"))
    m = _CAPS_DATELINE_RE.match(paragraph)
    if m:
        return paragraph[m.end() :], []
    return None


class _Cleaner:
    def __init__(self, blocks: list[list[str]], title: str | None) -> None:
        self.paras = [paragraph for block in blocks for paragraph in block]
        self.block = [b for b, block in enumerate(blocks) for _ in block]
        self.kinds: list[str | None] = [None] * len(self.paras)
        self.title = title
        self.credits: list[str] = []
        self.trimmed: set[str] = set()  # kinds cut from inside kept paragraphs
        self.outlet: list[Evidence] = []
        self.url: str | None = None

    def read_outlet_evidence(self) -> None:
        """Lines naming the outlet, read before any line is removed; a site header is marked
        as site chrome (it is never the title)."""
        header = site_header(self.paras, is_headline_like)
        if header is not None:
            index, evidence = header
            self.kinds[index] = "site-chrome"
            self.outlet.append(evidence)
        for paragraph in self.paras:
            self.outlet.extend(line_evidence(paragraph))
        ends = [i for i, p in enumerate(self.paras) if p.strip()]
        for i in {ends[0], ends[-1]} if ends else ():
            url = url_line(self.paras[i])
            host = host_of(url)
            if url and host:
                self.url = self.url or url
                self.kinds[i] = "site-chrome"
                self.outlet.append(Evidence(host, "url", 0.6, url, is_host=True))

    def kept(self) -> list[int]:
        return [i for i, kind in enumerate(self.kinds) if kind is None]

    def apply_rules(self) -> None:
        story_chars = 0  # prose kept so far
        threads: list[tuple[int, str]] = []
        for i, paragraph in enumerate(self.paras):
            rest = cut_picture_credit(paragraph)
            if rest is not None:
                self.paras[i] = paragraph = rest
                self.trimmed.add("credit")
            rule = first_rule(paragraph)
            if rule is None:
                if is_prose(paragraph):
                    story_chars += len(paragraph)
                continue
            self.kinds[i] = rule.kind
            if rule.credits:
                self.credits.extend(agencies_in(paragraph))
            if rule.opens == "reply" or (rule.opens and story_chars >= SECTION_MIN_CHARS):
                threads.append((i, rule.opens))
        for i, opens in threads:
            self._mark_thread(i, opens)

    def _mark_thread(self, start: int, opens: str) -> None:
        """Comments after a thread heading (rest of its block) or a commenter's handle
        (the following paragraphs of its block up to the next recognised line)."""
        limit = len(self.paras) if opens == "block" else start + 1 + _REPLY_MAX_PARAGRAPHS
        for j in range(start + 1, min(limit, len(self.paras))):
            if self.block[j] != self.block[start]:
                return
            if self.kinds[j] is not None and opens == "reply":
                return
            self.kinds[j] = self.kinds[j] or "comments"

    def drop_caption_copies(self) -> None:
        folded = [p.casefold() for p in self.paras]
        captions = [folded[i] for i, kind in enumerate(self.kinds) if kind == "caption"]
        seen: set[str] = set()
        for i in self.kept():
            text = folded[i]
            if len(text) >= _CAPTION_COPY_MIN_CHARS and any(c.startswith(text) for c in captions):
                self.kinds[i] = "caption"
            elif (
                i + 1 < len(self.kinds)
                and self.kinds[i + 1] == "credit"
                and is_headline_like(self.paras[i])
            ):
                self.kinds[i] = "caption"  # a short label right above a picture credit
            elif self._caption_below_credit(i):
                self.kinds[i] = "caption"
            elif text in seen:
                self.kinds[i] = "repeat"
            seen.add(text)

    def _caption_below_credit(self, i: int) -> bool:
        """A one-sentence present-tense line right below a picture credit that ends their
        block, when the credit has no caption above it (some pages print the credit first)."""
        credit = i - 1
        if credit < 1 or self.kinds[credit] != "credit" or self.block[credit] != self.block[i]:
            return False
        if self.kinds[credit - 1] == "caption" or is_headline_like(self.paras[credit - 1]):
            return False
        if i + 1 < len(self.paras) and self.block[i + 1] == self.block[i]:
            return False  # a caption closes its picture's block
        paragraph = self.paras[i]
        return (
            word_count(paragraph) <= _CAPTION_MAX_WORDS
            and not _SECOND_SENTENCE_RE.search(paragraph)
            and not _REPORTING_RE.search(paragraph)
        )

    def apply_layout(self) -> None:
        kept = self.kept()
        prose = [i for i in kept if is_prose(self.paras[i])]
        if not prose:
            return  # nothing looks like a story: leave the decision to the length check
        first, last = prose[0], prose[-1]
        self._labelled_title(first)
        kept = self.kept()
        for i in (i for i in kept if i < first):
            self._head(i)
        for i in (i for i in kept if i > last):
            self.kinds[i] = "tags" if is_tag_list(self.paras[i]) else "related"
        run: list[int] = []
        for i in [i for i in kept if first <= i <= last]:  # starts and ends with prose
            if is_headline_like(self.paras[i]):
                run.append(i)
                continue
            if len(run) >= 2:
                for j in run:
                    self.kinds[j] = "caption" if len(run) == 2 else "related"
            run = []

    def _labelled_title(self, first_prose: int) -> None:
        """A head line "Explainer: Why ..." / "Analysis: ..." is the title (the read-more rule
        took it for a link) when no title is known and nothing headline-like precedes it."""
        if self.title is not None:
            return
        for i in range(first_prose):
            kind = self.kinds[i]
            if kind is None and is_headline_like(self.paras[i]):
                return
            if kind == "read-more" and _LABELLED_TITLE_RE.match(self.paras[i]):
                if word_count(self.paras[i]) >= _TITLE_MIN_WORDS + 1:
                    self.title = self.paras[i]
                    self.kinds[i] = "title"
                return

    def _head(self, i: int) -> None:
        paragraph = self.paras[i]
        if self.title is not None and _same_text(paragraph, self.title):
            self.kinds[i] = "title"
        elif self.title is None and word_count(paragraph) >= _TITLE_MIN_WORDS:
            self.title = paragraph
            self.kinds[i] = "title"
        elif word_count(paragraph) <= _CHROME_MAX_WORDS:
            self.kinds[i] = "site-chrome"

    def read_inline_credits(self) -> None:
        """Agencies credited inside story sentences: "... near the island (dpa)."."""
        for i in self.kept():
            if is_prose(self.paras[i]):
                self.credits.extend(inline_credits(self.paras[i]))

    def strip_datelines(self) -> None:
        story = [i for i in self.kept() if is_prose(self.paras[i])][:_DATELINE_PARAGRAPHS]
        for i in story:
            paragraph = self.paras[i]
            stripped = strip_dateline(paragraph)
            if stripped is not None and stripped[0].strip():
                name = dateline_name(paragraph)
                own = dateline_evidence(name, paragraph[:80]) if name else None
                if own is not None:
                    self.outlet.append(own)
                self.paras[i] = stripped[0]
                self.credits.extend(stripped[1])
                self.trimmed.add("dateline")

    def result(self) -> Cleaned:
        removed = {kind for kind in self.kinds if kind is not None} | self.trimmed
        return Cleaned(
            text="\n\n".join(self.paras[i] for i in self.kept()),
            removed=tuple(sorted(removed)),
            title=self.title,
            credits=tuple(sorted(set(self.credits))),
            outlet=tuple(self.outlet),
            url=self.url,
        )


def _is_noise(line: str) -> bool:
    return first_rule(line) is not None


def clean_text(raw_text: str, title: str | None = None) -> Cleaned:
    """The story text of `raw_text` and what was removed; `title` is the known title."""
    cleaner = _Cleaner(split_blocks(raw_text, _is_noise), title)
    cleaner.read_outlet_evidence()
    cleaner.apply_rules()
    cleaner.drop_caption_copies()
    cleaner.apply_layout()
    cleaner.strip_datelines()
    cleaner.read_inline_credits()
    return cleaner.result()
