"""Chaining the stages: ingest -> clean -> dating -> annotate -> corpus -> timeline.

    corpus = prepare_articles(read_articles(paths), config)   # document stages (+ cache)
    timeline = timeline_from(corpus, config)                   # corpus stages
    build(paths, config) does both.

Document stages run one article at a time (in batches for spaCy) and are what executors
distribute; corpus stages see the whole collection. Every input ends up either used or in
`skipped` with a reason.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline._version import __version__
from storyline.config import Config
from storyline.corpus.relevance import QueryMatcher
from storyline.model import Article, Entity, Provenance, Skip, Story, Timeline, TimelineEntry

log = logging.getLogger(__name__)

Progress = Callable[[int], None]

# Bump when a document stage changes its output, so cached articles are recomputed.
PREPARE_VERSION = "5"


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
        str(config.annotate.max_sentence_chars),
    ]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def prepare_batch(batch: Sequence[Article], config: Config) -> list[Article | Skip]:
    """The document stages for a batch of ingested articles (top-level: picklable)."""
    from storyline.annotate import annotate_articles
    from storyline.clean import clean_article
    from storyline.dating.pubdate import date_article

    out: list[Article | Skip] = []
    ready: list[Article] = []
    for article in batch:
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
    items: Iterable[Article | Skip], config: Config | None = None, progress: Progress | None = None
) -> PreparedCorpus:
    """Run the document stages on every ingested article (using the cache when configured),
    then the outlet and syndication stages; the order of articles is by id (deterministic)."""
    from storyline.corpus.outlets import resolve_outlets
    from storyline.corpus.syndication.groups import find_syndication

    cfg = config or Config()
    skipped: list[Skip] = []
    todo: list[Article] = []
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Skip):
            skipped.append(item)
        elif item.id in seen:
            skipped.append(Skip(item.path, "duplicate", f"same text and source as {seen[item.id]}"))
        else:
            seen[item.id] = item.path
            todo.append(item)
    prepared = _run_document_stages(todo, cfg, progress)
    articles = sorted((p for p in prepared if isinstance(p, Article)), key=lambda a: a.id)
    skipped.extend(p for p in prepared if isinstance(p, Skip))
    articles = resolve_outlets(articles, cfg.corpus.alias_file)
    articles = find_syndication(
        articles, cfg.corpus.dedup_threshold, method=cfg.corpus.dedup_method
    )
    skipped.sort(key=lambda s: (s.path, s.reason))
    return PreparedCorpus(tuple(articles), tuple(skipped))


def _run_document_stages(
    todo: list[Article], cfg: Config, progress: Progress | None
) -> list[Article | Skip]:
    if not cfg.cache:
        return _prepare_all(todo, cfg, progress, None)
    from storyline.store import Store

    fingerprint = prepare_fingerprint(cfg)
    with Store(cfg.cache) as store:
        cached = store.get_many([a.id for a in todo], fingerprint)
        if progress is not None and cached:
            progress(len(cached))
        rest = [a for a in todo if a.id not in cached]
        return [*cached.values(), *_prepare_all(rest, cfg, progress, (store, fingerprint))]


def _prepare_all(
    todo: list[Article],
    cfg: Config,
    progress: Progress | None,
    cache: tuple[Any, str] | None,
) -> list[Article | Skip]:
    from storyline.exec import make_executor

    results: list[Article | Skip] = []
    if not todo:
        return results
    batch_size = max(1, cfg.annotate.batch_size)
    with make_executor(cfg.executor, initializer=_WarmUp(cfg.annotate.model)) as executor:
        for out in executor.map(_PrepareBatch(cfg), _batches(todo, batch_size), chunksize=1):
            results.extend(out)
            if cache is not None:
                store, fingerprint = cache
                store.put_many((a for a in out if isinstance(a, Article)), fingerprint)
            if progress is not None:
                progress(len(out))
    return results


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

    def __call__(self, batch: list[Article]) -> list[Article | Skip]:
        return prepare_batch(batch, self.config)


def timeline_from(corpus: PreparedCorpus, config: Config | None = None) -> Timeline:
    """The corpus stages: relevance, entities, timeline, summary, disagreements."""
    from storyline.corpus.disagreements.find import find_disagreements
    from storyline.corpus.entities.registry import build_registry
    from storyline.timeline import make_strategy, story_title, summarise

    cfg = config or Config()
    skipped = list(corpus.skipped)
    entities, articles = build_registry(list(corpus.articles), cfg.corpus.alias_file)
    if cfg.query:
        articles = _on_topic(articles, entities, cfg, skipped)
        mentioned = {m.entity_id for a in articles for m in a.mentions}
        entities = [e for e in entities if e.id in mentioned]
    strategy = make_strategy(cfg.timeline, cfg.query)
    entries = strategy.build(articles)
    summary = summarise(articles, n_sentences=cfg.timeline.summary_sentences, query=cfg.query)
    disagreements = find_disagreements(articles, entries, entities)
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
    change them (summary, disagreements; the entity registry unless a query needs it).
    The evaluation protocol builds one timeline per reference from one corpus with this."""
    from storyline.corpus.entities.registry import build_registry
    from storyline.timeline import make_strategy

    cfg = config or Config()
    articles = list(corpus.articles)
    if cfg.query:
        entities, articles = build_registry(articles, cfg.corpus.alias_file)
        articles = _on_topic(articles, entities, cfg, [])
    return make_strategy(cfg.timeline, cfg.query).build(articles)


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
    paths: Sequence[str | Path], config: Config | None = None, progress: Progress | None = None
) -> Timeline:
    """Read the articles under `paths` and build the story's timeline."""
    from storyline.ingest import read_articles

    cfg = config or Config()
    corpus = prepare_articles(read_articles(paths, cfg.ingest), cfg, progress)
    return timeline_from(corpus, cfg)
