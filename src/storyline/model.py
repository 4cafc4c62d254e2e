"""The data model: frozen, typed records that flow through every stage.

`DateInterval` is the only time type. Annotations (sentences, time expressions,
entity mentions) are views into `Article.text` by character offsets.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = "1"


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"

    @property
    def rank(self) -> int:
        """0 for the finest (day), growing with coarseness."""
        return _GRAN_ORDER.index(self)


_GRAN_ORDER = [
    Granularity.DAY,
    Granularity.WEEK,
    Granularity.MONTH,
    Granularity.QUARTER,
    Granularity.YEAR,
    Granularity.DECADE,
]

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class DateInterval:
    """A closed interval of days [start, end] at a granularity.

    A week is dated by its Monday; a month by its first day, and so on.
    """

    start: dt.date
    end: dt.date
    granularity: Granularity

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"DateInterval end {self.end} precedes start {self.start}")

    # -- constructors -------------------------------------------------------
    @classmethod
    def day(cls, d: dt.date) -> DateInterval:
        return cls(d, d, Granularity.DAY)

    @classmethod
    def week_of(cls, d: dt.date) -> DateInterval:
        monday = d - dt.timedelta(days=d.weekday())
        return cls(monday, monday + dt.timedelta(days=6), Granularity.WEEK)

    @classmethod
    def iso_week(cls, year: int, week: int) -> DateInterval:
        return cls.week_of(dt.date.fromisocalendar(year, week, 1))

    @classmethod
    def month(cls, year: int, month: int) -> DateInterval:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), Granularity.MONTH)

    @classmethod
    def quarter(cls, year: int, q: int) -> DateInterval:
        first = 3 * (q - 1) + 1
        last = calendar.monthrange(year, first + 2)[1]
        return cls(dt.date(year, first, 1), dt.date(year, first + 2, last), Granularity.QUARTER)

    @classmethod
    def year(cls, year: int) -> DateInterval:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.YEAR)

    @classmethod
    def decade(cls, decade_start: int) -> DateInterval:
        return cls(
            dt.date(decade_start, 1, 1), dt.date(decade_start + 9, 12, 31), Granularity.DECADE
        )

    @classmethod
    def parse(cls, text: str) -> DateInterval:
        """Parse the contract form: YYYY-MM-DD, YYYY-MM or YYYY."""
        m = _ISO_RE.match(text.strip())
        if not m:
            raise ValueError(f"not a YYYY[-MM[-DD]] date: {text!r}")
        y, mo, d = m.groups()
        if d is not None:
            return cls.day(dt.date(int(y), int(mo), int(d)))
        if mo is not None:
            return cls.month(int(y), int(mo))
        return cls.year(int(y))

    # -- views ----------------------------------------------------------------
    def iso(self) -> str:
        """The contract form: day and week -> YYYY-MM-DD (a week by its Monday),
        month -> YYYY-MM, quarter/year/decade -> YYYY."""
        g = self.granularity
        if g in (Granularity.DAY, Granularity.WEEK):
            return self.start.isoformat()
        if g is Granularity.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.year:04d}"

    def timex(self) -> str:
        """The TIMEX3 value of this interval."""
        g = self.granularity
        s = self.start
        if g is Granularity.DAY:
            return s.isoformat()
        if g is Granularity.WEEK:
            iy, iw, _ = s.isocalendar()
            return f"{iy:04d}-W{iw:02d}"
        if g is Granularity.MONTH:
            return f"{s.year:04d}-{s.month:02d}"
        if g is Granularity.QUARTER:
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if g is Granularity.YEAR:
            return f"{s.year:04d}"
        return f"{s.year // 10:03d}"

    def contains(self, d: dt.date) -> bool:
        return self.start <= d <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeExpression:
    """A TIMEX3-style time expression found in an article's clean text."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value, e.g. 2013-03-22, 2013-W11, P1M, PAST_REF, XXXX-12
    interval: DateInterval | None = None  # the calendar interval, when the value is a date
    relative: bool = False  # resolved against the DCT or a previous date
    anchor: str = "none"  # dct | previous | none


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # PERSON | GPE | LOC | ORG | NORP | FAC | EVENT ...
    entity_id: str | None = None


@dataclass(frozen=True)
class DateEvidence:
    """Why an undated article was dated by cross-reference (`storyline.corpus.crossref`): its
    `sentence` tells the event that the article `article` dates to `date` (ISO day)."""

    sentence: str
    article: str
    date: str
    similarity: float


@dataclass(frozen=True)
class EventMention:
    """An event a clause of an article reports (`storyline.events`).

    sentence: index into `Article.sentences`; start/end: the clause's verb in `Article.text`;
    predicate: the verb's lemma ("meet", "sign"); kind: happened | scheduled | statement |
    expectation | background; anchor: index into `Article.times` of the expression that
    dates it (None: the clause names no date of its own); clause: main | complement |
    subordinate | relative; participants / place: the (start, end) spans in `Article.text`
    of the names taking part and of the place (spans, not indices: later stages add and
    repair mentions).
    """

    sentence: int
    start: int
    end: int
    predicate: str
    kind: str
    anchor: int | None = None
    clause: str = "main"
    participants: tuple[tuple[int, int], ...] = ()
    place: tuple[int, int] | None = None
    pluperfect: bool = False  # "had summoned": told as before the time of its telling


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    raw_text: str
    text: str = ""
    # The outlet that published this copy (not the agencies it credits: `credits`). After
    # the document stages an outlet known only by its domain is that host; the corpus stage
    # (`corpus.outlets.resolve_outlets`) names it.
    source: str | None = None
    # meta | field | site-header | dateline | byline | footer | plug | url | none
    source_how: str = "none"
    source_confidence: float = 0.0
    url: str | None = None
    title: str | None = None
    # "opinion" or "analysis" when the page says it is one (storyline.ingest.genre): such a
    # piece tells no news of its publication day; None for a news report
    genre: str | None = None
    # A date string the container gave (header, JSON field, HTML meta), before validation.
    given_date: str | None = None
    given_date_how: str | None = None  # header | field | meta | url
    published: DateInterval | None = None
    # header | meta | field | dateline | byline | url | text-inferred | none; rejected
    # candidates (e.g. crawl clocks) are explained by temporal.pubdate.explain_date
    published_how: str = "none"
    published_confidence: float = 0.0
    published_window: tuple[dt.date, dt.date] | None = None  # inferred bounds when undated
    # the matched events of an article dated by cross-reference (published_how)
    published_evidence: tuple[DateEvidence, ...] = ()
    crawled: dt.date | None = None
    language: str | None = None
    sentences: tuple[Sentence, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    events: tuple[EventMention, ...] = ()  # clause-level event mentions (storyline.events)
    removed: tuple[str, ...] = ()  # kinds of boilerplate removed by the cleaner, for provenance
    duplicate_of: str | None = None
    syndication_group: str | None = None
    credits: tuple[str, ...] = ()  # agencies an article credits (Reuters, AFP...)


@dataclass(frozen=True)
class Skip:
    """An input that was not used, with the reason (machine key) and a detail for humans."""

    path: str
    reason: str  # missing | empty | binary | encoding | malformed | not-article | unreadable
    # | unsupported | too-large | too-many-files | special | outside-input | own-output
    # | duplicate | off-topic | error | http-status (a WARC response that is not 200)
    detail: str = ""

    @property
    def id(self) -> str:
        data = f"{self.path}\x00{self.detail}".encode("utf-8", "surrogatepass")
        return "skip-" + hashlib.sha1(data).hexdigest()[:12]


@dataclass(frozen=True)
class EntrySentence:
    text: str
    article: str
    start: int
    end: int
    source: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Participant:
    name: str  # as the sentence writes it
    entity: str | None = None  # the entity registry's id


@dataclass(frozen=True)
class EntryEvent:
    """The event an entry reports, from its headline sentence's clause: kind (happened |
    scheduled | statement), the verb's lemma, the time expression that dates it (None for a
    lead standing for its article's day), who takes part and where."""

    kind: str
    predicate: str
    anchor: str | None
    participants: tuple[Participant, ...] = ()
    place: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    date: DateInterval
    headline: str
    sentences: tuple[EntrySentence, ...]
    sources: int
    independent_sources: int
    score: float = 0.0
    single_source: bool = False
    # every supporting article, each cited by its best sentence (sentences above are a subset)
    citations: tuple[EntrySentence, ...] = ()
    event: EntryEvent | None = None  # the event the entry reports (event strategies)


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    alias_counts_by_source: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    merges: tuple[str, ...] = ()  # human-readable explanations of each merge


@dataclass(frozen=True)
class Claim:
    value: str
    text: str
    article: str
    source: str | None


@dataclass(frozen=True)
class Disagreement:
    kind: str  # number | date | place | attribution
    about: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Story:
    title: str
    summary: str
    query: str | None
    summary_sentences: tuple[EntrySentence, ...] = ()


@dataclass(frozen=True)
class Provenance:
    tool_version: str
    config: Mapping[str, object]
    input_fingerprint: str
    counts: Mapping[str, object]
    schema_version: str = SCHEMA_VERSION


@dataclass(frozen=True)
class Timeline:
    story: Story
    articles: tuple[Article, ...]
    skipped: tuple[Skip, ...]
    entries: tuple[TimelineEntry, ...]
    entities: tuple[Entity, ...]
    disagreements: tuple[Disagreement, ...]
    provenance: Provenance


def stable_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A content-hash id: the same parts always give the same id."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:length]
    return f"{prefix}{h}"
