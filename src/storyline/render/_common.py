"""Shared helpers of the renderers: date wording, source numbering, citations, safe URLs.

Every renderer words sources through these helpers, so that the Markdown, HTML, CSV and
TimelineJS outputs agree:

- `Sources` numbers the used articles in the order a reader meets them: the summary, then
  each entry (its quoted sentences, then the rest of its citations), then the
  disagreements, then the articles no entry cites (by date, then path);
- `outlet_label` names a source: "Reuters", "Baaghi TV (via AFP)", "via AFP, Interfax" when
  the outlet is unknown but credits are, "unknown outlet" only when nothing is known;
- `cite_text` is "Baaghi TV (via AFP), 6 September 2016" for one citation;
- `single_source_note` decides whether an entry's "single source" note informs.

Everything here is pure and deterministic: the same `Timeline` always gives the same values.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.data import month_names
from storyline.model import (
    Article,
    DateInterval,
    Entity,
    EntrySentence,
    Granularity,
    Timeline,
    TimelineEntry,
)

log = logging.getLogger(__name__)

MONTHS = month_names()

UNKNOWN_SOURCE = "unknown outlet"
# An entry is news for an article when it ends at most this many days before the article's
# publication; older entries are background.
NEWS_WINDOW_DAYS = 7
# Another outlet "could have confirmed" an entry when it published within this many days of it.
COVERAGE_DAYS = 3
SINGLE_SOURCE_NOTE = "single source: no other outlet publishing in these days reports it"

_WS_RE = re.compile(r"\s+")
# Space, C0/C1 controls, DEL, the Unicode bidi overrides that could disguise a URL, and the
# characters RFC 3986 never allows in a URL that show up in injection attempts.
_URL_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\u202a-\u202e\u2066-\u2069\"<>\\`]")


# -- dates -----------------------------------------------------------------------


def contract_date(d: DateInterval) -> str:
    """The date string of the JSON contract.

    day and week -> ``YYYY-MM-DD`` (a week by its Monday); month -> ``YYYY-MM``;
    quarter -> ``YYYY-MM`` of its first month (so the quarter is not lost);
    year and decade -> ``YYYY`` (a decade by its first year).
    """
    if d.granularity is Granularity.QUARTER:
        return f"{d.start.year:04d}-{d.start.month:02d}"
    return d.iso()


def date_label(d: DateInterval) -> str:
    """Human wording: "14 January 2019", "week of 14 January 2019", "January 2019",
    "January–March 2019", "2019", "the 2010s"."""
    s = d.start
    g = d.granularity
    if g is Granularity.DAY:
        return f"{s.day} {MONTHS[s.month - 1]} {s.year}"
    if g is Granularity.WEEK:
        return f"week of {s.day} {MONTHS[s.month - 1]} {s.year}"
    if g is Granularity.MONTH:
        return f"{MONTHS[s.month - 1]} {s.year}"
    if g is Granularity.QUARTER:
        e = d.end
        return f"{MONTHS[s.month - 1]}–{MONTHS[e.month - 1]} {s.year}"
    if g is Granularity.YEAR:
        return f"{s.year}"
    return f"the {s.year}s"


def machine_date(d: DateInterval) -> str:
    """A value for HTML's ``<time datetime>``: day, ISO week, month or year."""
    g = d.granularity
    if g is Granularity.DAY:
        return d.start.isoformat()
    if g is Granularity.WEEK:
        return d.timex()
    if g is Granularity.MONTH:
        return f"{d.start.year:04d}-{d.start.month:02d}"
    return f"{d.start.year:04d}"


def published_label(article: Article | None) -> str:
    """The publication date of an article in words, or "undated"."""
    if article is None or article.published is None:
        return "undated"
    return date_label(article.published)


# -- text --------------------------------------------------------------------------


# What never reaches a rendered page: C0 controls but tab and newline (NUL, ESC, CR...), DEL,
# C1 controls, lone surrogates, and the bidi embeddings, overrides and isolates (U+202A-E,
# U+2066-9) that reorder what follows them (an unterminated U+202E reverses the rest of a line
# or a cell). Plain right-to-left text needs none of these: the marks U+200E/U+200F stay.
_UNSAFE_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_text(text: str) -> str:
    """`text` without control, bidi-override and lone-surrogate characters (see above);
    every renderer passes article-derived text through it (`one_line` and `esc` do)."""
    return _UNSAFE_RE.sub("", text)


def one_line(text: str) -> str:
    """`safe_text`, then every run of whitespace (newlines included) collapsed into one space."""
    return _WS_RE.sub(" ", safe_text(text)).strip()


def finite(x: float, digits: int = 6) -> float:
    """A JSON-safe, platform-stable float: rounded, non-finite values become 0.0."""
    if not math.isfinite(x):
        log.warning("non-finite score %r rendered as 0.0", x)
        return 0.0
    return round(float(x), digits) + 0.0  # + 0.0 turns -0.0 into 0.0


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without control or bidi characters, else None.

    Only such URLs may become links in rendered output (no ``javascript:``, ``data:``...).
    """
    if not url:
        return None
    url = url.strip()
    if _URL_BAD_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


# -- sources and citations -----------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    """One cited article of an entry (or of the summary), with its source number."""

    article: str
    number: int | None  # 1-based position in the sources list; None for an unknown article
    source: str | None
    published: str | None
    start: int
    end: int


class Sources:
    """The used articles numbered 1..n in the order a reader meets them (see the module
    docstring), looked up by id."""

    def __init__(self, timeline: Timeline) -> None:
        self.articles: tuple[Article, ...] = timeline.articles
        self.by_id: dict[str, Article] = {}
        for a in timeline.articles:
            if a.id in self.by_id:
                log.warning("article id %s appears twice in the timeline; keeping the first", a.id)
                continue
            self.by_id[a.id] = a
        self.number: dict[str, int] = {}
        for article_id in reading_order(timeline, self.by_id):
            self.number[article_id] = len(self.number) + 1
        self._warned: set[str] = set()

    def in_order(self) -> list[Article]:
        """The used articles in source-number order."""
        return sorted(self.by_id.values(), key=lambda a: self.number[a.id])

    def outlet(self, article_id: str, fallback: str | None = None) -> str | None:
        a = self.by_id.get(article_id)
        if a is not None and a.source:
            return a.source
        return fallback

    def name(self, article_id: str, fallback: str | None = None) -> str:
        """A display name for a source (`outlet_label`): the outlet (else the host of a safe
        URL) with the agencies it credits, else "via" the credits, else "unknown outlet"."""
        a = self.by_id.get(article_id)
        outlet = self.outlet(article_id, fallback)
        url = safe_url(a.url) if a is not None and not outlet else None
        if url is not None:
            outlet = (urlsplit(url).hostname or "").removeprefix("www.") or None
        return outlet_label(a, outlet)

    def published(self, article_id: str, fallback: str | None = None) -> str | None:
        a = self.by_id.get(article_id)
        if a is not None and a.published is not None:
            return contract_date(a.published)
        return fallback

    def cites(self, sentences: Iterable[EntrySentence]) -> list[Cite]:
        """One citation per distinct article, in order of first appearance.

        The span is the one of the first supporting sentence taken from that article.
        """
        seen: dict[str, Cite] = {}
        for s in sentences:
            if s.article in seen:
                continue
            if s.article not in self.by_id and s.article not in self._warned:
                self._warned.add(s.article)
                log.warning("a sentence cites article %s, which is not in the timeline", s.article)
            seen[s.article] = Cite(
                article=s.article,
                number=self.number.get(s.article),
                source=self.outlet(s.article, s.source),
                published=self.published(s.article, s.published),
                start=s.start,
                end=s.end,
            )
        return list(seen.values())


def reading_order(timeline: Timeline, by_id: Mapping[str, Article]) -> list[str]:
    """Article ids in the order a reader meets them: summary, entries (quoted sentences, then
    the other citations), disagreements, then the uncited articles by date and path."""
    order: dict[str, None] = {}

    def meet(article_id: str) -> None:
        if article_id in by_id:
            order.setdefault(article_id, None)

    for s in timeline.story.summary_sentences:
        meet(s.article)
    for entry in timeline.entries:
        for s in entry.sentences:
            meet(s.article)
        for s in entry.citations:
            meet(s.article)
    for d in timeline.disagreements:
        for c in d.claims:
            meet(c.article)
    rest = sorted(
        (a for a in by_id.values() if a.id not in order),
        key=lambda a: (a.published is None, a.published.start if a.published else dt.date.min,
                       a.path, a.id),
    )  # fmt: skip
    return [*order, *(a.id for a in rest)]


def outlet_label(article: Article | None, fallback: str | None = None) -> str:
    """How a source is named: "Reuters", "Baaghi TV (via AFP)" (the outlet and the agencies
    it credits), "via AFP, Interfax" (credits only), else "unknown outlet"."""
    outlet = article.source if article is not None and article.source else fallback
    credits = list(article.credits) if article is not None else []
    key = _squash(outlet) if outlet else ""
    credits = [c for c in credits if _squash(c) != key]
    if outlet and credits:
        return f"{outlet} (via {', '.join(credits)})"
    if outlet:
        return outlet
    if credits:
        return f"via {', '.join(credits)}"
    return UNKNOWN_SOURCE


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def cite_text(sources: Sources, cite: Cite) -> tuple[str, str]:
    """(source name, date wording) of one citation: ("Baaghi TV (via AFP)", "undated")."""
    article = sources.by_id.get(cite.article)
    name = sources.name(cite.article, cite.source)
    if article is not None or cite.published is None:
        return name, published_label(article)
    return name, cite.published


def single_source_note(entry: TimelineEntry, sources: Sources) -> bool:
    """Whether an entry's "single source" note informs: the entry rests on one independent
    source, it is news for the articles citing it (it ends at most NEWS_WINDOW_DAYS before
    one of them was published, at day or week precision: not background), and another
    outlet published within COVERAGE_DAYS of it without reporting it."""
    if entry.independent_sources > 1 or entry.date.granularity not in (
        Granularity.DAY,
        Granularity.WEEK,
    ):
        return False
    cited = [
        sources.by_id[c.article] for c in entry_cites(sources, entry) if c.article in sources.by_id
    ]
    dated = [a.published for a in cited if a.published is not None]
    window = dt.timedelta(days=NEWS_WINDOW_DAYS)
    if not dated or all(entry.date.end < p.start - window for p in dated):
        return False
    groups = {a.syndication_group or a.id for a in cited}
    outlets = {a.source for a in cited}
    near = dt.timedelta(days=COVERAGE_DAYS)
    lo, hi = entry.date.start - near, entry.date.end + near
    return any(
        (a.syndication_group or a.id) not in groups
        and (a.source is None or a.source not in outlets)
        and a.published is not None
        and lo <= a.published.start <= hi
        for a in sources.articles
    )


def entry_cites(sources: Sources, entry: TimelineEntry) -> list[Cite]:
    """An entry's citations: one per supporting article, from `entry.citations` when the
    timeline gives them (each article's best sentence), then any article only `sentences` name."""
    return sources.cites((*entry.citations, *entry.sentences))


def by_number(cites: Iterable[Cite]) -> list[Cite]:
    """Citations in source-number order, unknown articles last (for "Sources:" lines)."""
    return sorted(cites, key=lambda c: (c.number is None, c.number or 0, c.article))


def alias_usage(entity: Entity) -> str:
    """`alias_counts_by_source` in words, sorted: "Outlet A: Name 3, Other 1; Outlet B: Name 2"."""
    groups = []
    for outer in sorted(entity.alias_counts_by_source):
        counts = entity.alias_counts_by_source[outer]
        inner = ", ".join(f"{k} {counts[k]}" for k in sorted(counts, key=lambda k: (-counts[k], k)))
        groups.append(f"{outer}: {inner}" if inner else outer)
    return "; ".join(groups)


def jsonable(value: object) -> object:
    """A JSON-ready copy of provenance values: mappings with sorted string keys, lists for
    sequences and sets (sets sorted), ISO strings for dates and intervals, values of enums."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, DateInterval):
        return contract_date(value)
    if isinstance(value, Granularity):
        return value.value
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if isinstance(value, float):
        return finite(value, 9)
    if isinstance(value, (set, frozenset)):
        return sorted((jsonable(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    isoformat = getattr(value, "isoformat", None)
    if callable(isoformat):
        return str(isoformat())
    return str(value)
