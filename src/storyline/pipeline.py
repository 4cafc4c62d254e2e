"""Chaining the stages: ingest -> clean -> dating -> annotate -> corpus -> timeline.

    corpus = prepare_articles(read_articles(paths), config)   # document stages (+ cache)
    timeline = timeline_from(corpus, config)                   # corpus stages
    build(paths, config) does both.

Document stages run one article at a time (in batches for spaCy) and are what executors
distribute; corpus stages see the whole collection. Every input ends up either used or in
`skipped` with a reason.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storyline._version import __version__
from storyline.config import Config
from storyline.corpus.relevance import QueryMatcher
from storyline.model import Article, Entity, Provenance, Skip, Story, Timeline, TimelineEntry
from storyline.progress import Progress as ProgressProtocol
from storyline.progress import ProgressLike, as_progress

if TYPE_CHECKING:
    from storyline.exec.base import Executor

log = logging.getLogger(__name__)

Progress = ProgressLike
"""A `storyline.progress.Progress` (stage/advance), or the older prepare callback, or None."""

# Bump when a document stage changes its output, so cached articles are recomputed.
PREPARE_VERSION = "22"


@dataclass(frozen=True)
class PreparedCorpus:
    """Articles after the document stages and syndication, plus every skipped input."""

    articles: tuple[Article, ...]
    skipped: tuple[Skip, ...]

    def filter(self, keep: Callable[[Article], bool]) -> PreparedCorpus:
        return PreparedCorpus(tuple(a for a in self.articles if keep(a)), self.skipped)


def prepare_fingerprint(config: Config) -> str:
    """What the document stages' output depends on: used as the cache key. Includes the
    spaCy model's name and version (and spaCy's), so another model re-prepares articles;
    raises ModelNotFoundError when the configured model is not installed."""
    from storyline.nlp import model_version

    parts = [
        PREPARE_VERSION,
        __version__,
        repr(dataclasses.asdict(config.ingest)),
        repr(dataclasses.asdict(config.dating)),
        model_version(config.annotate.model),
        repr(dataclasses.replace(config.annotate, batch_size=0)),
    ]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def ingest_digest(article: Article) -> str:
    """A digest of everything the document stages read from an ingested article: every
    field (path, text, source, URL, title, given date, crawl date, language), so a cached
    article prepared from another record (a renamed file, a changed date header, title or
    URL) is a miss, not a stale hit."""
    from storyline.store.codec import article_to_json

    return hashlib.sha256(article_to_json(article).encode("utf-8")).hexdigest()[:32]


def prepare_batch(batch: Sequence[Article], config: Config) -> list[Article | Skip]:
    """The document stages for a batch of ingested articles (top-level: picklable).

    An article longer than `ingest.max_chars` is skipped as too-large first: every stage's
    cost is bounded by that size (docs/reliability.md)."""
    from storyline.annotate import annotate_articles
    from storyline.clean import clean_article
    from storyline.dating.pubdate import date_article

    out: list[Article | Skip] = []
    ready: list[Article] = []
    limit = config.ingest.max_chars
    for article in batch:
        if len(article.raw_text) > limit:
            out.append(
                Skip(
                    article.path,
                    "too-large",
                    f"{len(article.raw_text)} characters of text is over ingest.max_chars="
                    f"{limit}: split it into articles, or raise it with --set "
                    f"ingest.max_chars=N",
                )
            )
            continue
        try:
            cleaned = clean_article(article, min_chars=config.ingest.min_chars)
            if isinstance(cleaned, Skip):
                out.append(cleaned)
                continue
            ready.append(date_article(cleaned, config.dating))
        except Exception as e:  # a bad article must not end the run
            log.exception("preparing %s failed", article.path)
            out.append(Skip(article.path, "error", f"{type(e).__name__}: {e}"))
    try:
        out.extend(annotate_articles(ready, config.annotate))
    except Exception:
        log.exception("annotating a batch failed; retrying one article at a time")
        for article in ready:
            try:
                out.extend(annotate_articles([article], config.annotate))
            except Exception as e:
                out.append(Skip(article.path, "error", f"{type(e).__name__}: {e}"))
    return out


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def prepare_articles(
    items: Iterable[Article | Skip], config: Config | None = None, progress: Progress = None
) -> PreparedCorpus:
    """Run the document stages on every ingested article (using the cache when configured),
    then the outlet and syndication stages; the order of articles is by id (deterministic).

    `items` is consumed as a stream, batch by batch, while the stages run: the ingested
    records are never all held at once (the prepared articles are). `progress` hears the
    stages ``prepare`` (one step per article; the total is not known while streaming) and
    ``syndication``."""
    cfg = config or Config()
    report = as_progress(progress)
    skipped: list[Skip] = []
    seen: dict[str, str] = {}

    def fresh() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Skip):
                skipped.append(item)
            elif item.id in seen:
                detail = f"same text and source as {seen[item.id]}"
                skipped.append(Skip(item.path, "duplicate", detail))
            else:
                seen[item.id] = item.path
                yield item

    report.stage("prepare", None)
    prepared = _run_document_stages(fresh(), cfg, report)
    return finish_corpus(prepared, skipped, cfg, report)


def uses_shards(config: Config) -> bool:
    """Whether a run from paths reads and prepares on the workers, through Parquet shards:
    with a Ray executor and no cache (the SQLite cache is one machine's file)."""
    return config.executor.strip().lower().partition(":")[0] == "ray" and not config.cache


def prepare_paths(
    paths: Sequence[str | Path], config: Config | None = None, progress: Progress = None
) -> PreparedCorpus:
    """`prepare_articles(read_articles(paths))`, or `prepare_sharded(paths)` when
    `uses_shards(config)`: the same corpus either way."""
    from storyline.ingest import read_articles

    cfg = config or Config()
    if uses_shards(cfg):
        return prepare_sharded(paths, cfg, progress)
    return prepare_articles(read_articles(paths, cfg.ingest), cfg, progress)


def prepare_sharded(
    paths: Sequence[str | Path],
    config: Config | None = None,
    progress: Progress = None,
    *,
    split_bytes: int | None = None,
) -> PreparedCorpus:
    """The corpus of `paths` with the input read and prepared on the executor's workers,
    shard by shard (`sharding`), written as Parquet shards to `config.shards` (a temporary
    folder when unset) and merged back in id order (`store.parquet.read_shards`): equal
    to `prepare_articles(read_articles(paths))`. `progress` hears ``prepare`` (one step
    per input record, a shard at a time) and ``syndication``. `split_bytes`: the size
    from which a JSONL file is split between shards (`sharding.SPLIT_BYTES`)."""
    from storyline.exec import make_executor
    from storyline.sharding import SPLIT_BYTES, PrepareShard, plan_shards
    from storyline.store.parquet import clear_shards, read_shards

    cfg = config or Config()
    report = as_progress(progress)
    tasks, walk_skips = plan_shards(paths, cfg.ingest, split_bytes=split_bytes or SPLIT_BYTES)
    with contextlib.ExitStack() as stack:
        folder = Path(cfg.shards) if cfg.shards else Path(stack.enter_context(_temp_folder()))
        clear_shards(folder)
        report.stage("prepare", None)
        if not tasks:
            return finish_corpus((), walk_skips, cfg, report)
        batch = max(1, cfg.annotate.batch_size)
        work = PrepareShard(_PrepareBatch(cfg), str(folder), cfg.ingest, batch)
        ex = stack.enter_context(
            make_executor(cfg.executor, initializer=_WarmUp(cfg.annotate.model))
        )
        for done in ex.map(work, tasks, chunksize=1):
            report.advance(done.records)
        return finish_corpus(read_shards(folder), walk_skips, cfg, report, ex)


def _temp_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="storyline-shards-")


def finish_corpus(
    prepared: Iterable[Article | Skip],
    skipped: Iterable[Skip],
    config: Config | None = None,
    progress: Progress = None,
    executor: Executor | None = None,
) -> PreparedCorpus:
    """The corpus end of `prepare_articles`: articles sorted by id, outlets resolved,
    syndication found (its pairs on `executor`'s workers when one is given); skips sorted.
    `Store.build` finishes stored articles with it, so a build from a store equals a
    build from the files."""
    from storyline.corpus.outlets import resolve_outlets
    from storyline.corpus.syndication.groups import find_syndication

    cfg = config or Config()
    report = as_progress(progress)
    items = list(prepared)
    skipped = [*skipped, *(p for p in items if isinstance(p, Skip))]
    articles = sorted((p for p in items if isinstance(p, Article)), key=lambda a: a.id)
    articles = resolve_outlets(articles, cfg.corpus.alias_file)
    report.stage("syndication", 1)
    articles = find_syndication(
        articles, cfg.corpus.dedup_threshold, method=cfg.corpus.dedup_method, executor=executor
    )
    report.advance(1)
    skipped.sort(key=lambda s: (s.path, s.reason, s.detail))
    return PreparedCorpus(tuple(articles), tuple(skipped))


Sink = Callable[[list[Article | Skip]], None]
"""Hears each prepared batch as it is done (the store writes it in one transaction)."""


def _run_document_stages(
    todo: Iterable[Article], cfg: Config, progress: ProgressProtocol
) -> list[Article | Skip]:
    batch_size = max(1, cfg.annotate.batch_size)
    if not cfg.cache:
        return prepare_stream(_batches(todo, batch_size), cfg, progress, None)
    from storyline.store import Store

    fingerprint = prepare_fingerprint(cfg)
    with Store(cfg.cache) as store:
        hits: list[Article | Skip] = []
        digests: dict[str, str] = {}

        def misses() -> Iterator[list[Article]]:
            for batch in _batches(todo, batch_size):
                keys = {a.id: ingest_digest(a) for a in batch}
                cached = store.get_many(list(keys), fingerprint, keys)
                hits.extend(cached.values())
                if cached:
                    progress.advance(len(cached))
                rest = [a for a in batch if a.id not in cached]
                if rest:
                    digests.update((a.id, keys[a.id]) for a in rest)
                    yield rest

        def sink(out: list[Article | Skip]) -> None:
            done = [a for a in out if isinstance(a, Article)]
            store.put_many(done, fingerprint, digests)
            for a in done:
                digests.pop(a.id, None)

        prepared = prepare_stream(misses(), cfg, progress, sink)
        return [*hits, *prepared]


def prepare_stream(
    batches: Iterable[list[Article]],
    cfg: Config,
    progress: ProgressLike,
    sink: Sink | None = None,
) -> list[Article | Skip]:
    """The document stages over `batches` of ingested articles, on `cfg.executor`; `sink`
    hears each batch's output as soon as it is done. Returns every output."""
    from storyline.exec import make_executor

    report = as_progress(progress)

    results: list[Article | Skip] = []
    stream = iter(batches)
    first = next(stream, None)
    if first is None:
        return results  # nothing to prepare: no executor (or model) is started
    second = next(stream, None)
    todo = _chain([first] if second is None else [first, second], stream)
    spec = executor_spec(cfg.executor, several_batches=second is not None)
    with make_executor(spec, initializer=_WarmUp(cfg.annotate.model)) as executor:
        for out in executor.map(_PrepareBatch(cfg), todo, chunksize=1):
            results.extend(out)
            if sink is not None:
                sink(out)
            report.advance(len(out))
    return results


def executor_spec(spec: str, *, several_batches: bool) -> str:
    """The executor to run: `auto` is in-process for a job of one batch (starting workers,
    each loading spaCy, costs more than it saves), else one process per core.

    >>> executor_spec("auto", several_batches=False), executor_spec("auto", several_batches=True)
    ('serial', 'processes:auto')
    >>> executor_spec("processes:2", several_batches=False)
    'processes:2'
    """
    if spec.strip().lower() != "auto":
        return spec
    return "processes:auto" if several_batches else "serial"


def _chain(first: list[list[Article]], rest: Iterator[list[Article]]) -> Iterator[list[Article]]:
    yield from first
    yield from rest


@dataclass(frozen=True)
class _WarmUp:
    """Load the spaCy pipeline once per worker, before the first batch arrives."""

    model: str

    def __call__(self) -> None:
        from storyline.annotate import load_annotator

        load_annotator(self.model)


@dataclass(frozen=True)
class _PrepareBatch:
    config: Config

    def __call__(self, batch: Sequence[Article]) -> list[Article | Skip]:
        return prepare_batch(batch, self.config)


def timeline_from(
    corpus: PreparedCorpus, config: Config | None = None, progress: Progress = None
) -> Timeline:
    """The corpus stages: dates for undated articles from the events they share with dated
    ones, entities, relevance, timeline, summary, disagreements.

    `progress` hears each stage (``entities``, ``relevance`` with a query, ``timeline``,
    ``summary``, ``disagreements``) as one step."""
    from storyline.corpus.crossref import date_by_cross_reference
    from storyline.corpus.disagreements.find import find_disagreements
    from storyline.corpus.entities.registry import build_registry
    from storyline.timeline import make_strategy, story_title, summarise

    cfg = config or Config()
    report = as_progress(progress)
    skipped = list(corpus.skipped)
    report.stage("entities", 1)
    dated = date_by_cross_reference(corpus.articles, cfg.annotate)
    entities, articles = build_registry(dated, cfg.corpus.alias_file)
    report.advance(1)
    if cfg.query:
        report.stage("relevance", 1)
        articles = _on_topic(articles, entities, cfg, skipped)
        mentioned = {m.entity_id for a in articles for m in a.mentions}
        entities = [e for e in entities if e.id in mentioned]
        report.advance(1)
    report.stage("timeline", 1)
    strategy = make_strategy(cfg.timeline, cfg.query)
    entries = strategy.build(articles)
    report.advance(1)
    report.stage("summary", 1)
    summary = summarise(articles, n_sentences=cfg.timeline.summary_sentences, query=cfg.query)
    report.advance(1)
    report.stage("disagreements", 1)
    disagreements = find_disagreements(articles, entries, entities)
    report.advance(1)
    skipped.sort(key=lambda s: (s.path, s.reason))
    counts: dict[str, object] = {
        "inputs": len(articles) + len(skipped),
        "used": len(articles),
        "skipped": len(skipped),
        "skipped_by_reason": dict(sorted(Counter(s.reason for s in skipped).items())),
        "undated_articles": sum(1 for a in articles if a.published is None),
        "sentences": sum(len(a.sentences) for a in articles),
        "time_expressions": sum(len(a.times) for a in articles),
        "entries": len(entries),
        "entities": len(entities),
        "disagreements": len(disagreements),
    }
    story = Story(
        title=story_title(articles, cfg.query),
        summary=" ".join(s.text for s in summary),
        query=cfg.query,
        summary_sentences=summary,
    )
    return Timeline(
        story=story,
        articles=tuple(articles),
        skipped=tuple(skipped),
        entries=tuple(entries),
        entities=tuple(entities),
        disagreements=tuple(disagreements),
        provenance=Provenance(
            tool_version=__version__,
            config=cfg.to_dict(),
            input_fingerprint=input_fingerprint(articles, skipped),
            counts=counts,
        ),
    )


def timeline_entries(corpus: PreparedCorpus, config: Config | None = None) -> list[TimelineEntry]:
    """The timeline entries `timeline_from` would give, without the stages that do not
    change them (summary, disagreements; the entity registry unless a query or the
    strategy needs it).
    The evaluation protocol builds one timeline per reference from one corpus with this."""
    from storyline.corpus.crossref import date_by_cross_reference
    from storyline.corpus.entities.registry import build_registry
    from storyline.timeline import make_strategy

    cfg = config or Config()
    strategy = make_strategy(cfg.timeline, cfg.query)
    articles = date_by_cross_reference(corpus.articles, cfg.annotate)
    if cfg.query or strategy.uses_entities:
        entities, articles = build_registry(articles, cfg.corpus.alias_file)
        if cfg.query:
            articles = _on_topic(articles, entities, cfg, [])
    return strategy.build(articles)


def _on_topic(
    articles: Sequence[Article], entities: Sequence[Entity], cfg: Config, skipped: list[Skip]
) -> list[Article]:
    """The articles that match the query; the others are added to `skipped`."""
    assert cfg.query is not None
    matcher = QueryMatcher(cfg.query, entities, cfg.timeline.query_min_fraction)
    relevant = []
    for a in articles:
        if matcher.matches(a):
            relevant.append(a)
        else:
            skipped.append(Skip(a.path, "off-topic", f"does not match the query {cfg.query!r}"))
    return relevant


def input_fingerprint(articles: Sequence[Article], skipped: Sequence[Skip]) -> str:
    h = hashlib.sha256()
    for key in sorted([a.id for a in articles] + [s.id for s in skipped]):
        h.update(key.encode())
        h.update(b"\n")
    return h.hexdigest()[:32]


def build(
    paths: Sequence[str | Path], config: Config | None = None, progress: Progress = None
) -> Timeline:
    """Read the articles under `paths` and build the story's timeline (`progress`: see
    `storyline.progress`)."""
    cfg = config or Config()
    report = as_progress(progress)
    return timeline_from(prepare_paths(paths, cfg, report), cfg, report)
