"""The per-story timeline phase of `storyline stories` on several executors, side by side in
one run (used by `bench/stories.py --timeline-executors`).

Each repeat runs every executor once, in turn, over the same pile: what `story_timelines`
runs (the jobs of `story_jobs` through `BuildStoryTimeline` on the executor: the corpus
stages of each story, its timeline.json rendered; nothing written), timed from the first job
to the last result, worker start-up included (a fresh process pool each time, as a CLI run
has; the Ray session is started once, before, and timed apart). Each task also measures the
CPU time of its thread (`Timed`): the busiest worker's sum is the wall time the phase would
approach on idle CPUs, which a machine shared with other sessions does not show (Linux gives
each session, not each process, its share of the CPUs). A digest of every story's files (the
executor's name made equal) must be the same on every executor.

`ray+parquet` is the other way of feeding the tasks: the driver writes the finished corpus
once as a Parquet shard (`store.parquet.write_shard`, timed inside the phase) and sends each
task only the shard's files and its story's article ids; the task reads and decodes its
rows itself. `processes:2+parquet` the same through the process pool. Before the repeats, the two
shortest stories alone on each executor say what starting the workers costs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.config import Config
from storyline.exec import make_executor
from storyline.model import Article
from storyline.store.parquet import Outcome, import_pyarrow, shard_pieces, write_shard
from storyline.stories.pile import StoryPile
from storyline.stories.timelines import (
    BuildStoryTimeline,
    StoryJob,
    StoryTimeline,
    story_jobs,
    timelines_executor_spec,
)

EXECUTOR_VALUE = re.compile(r'(executor(?:&quot;|")\s*:\s*(?:&quot;|"))[^&"]*')


def digest(results: Sequence[StoryTimeline]) -> str:
    """One digest of every story's files, whatever order the results came in."""
    h = hashlib.sha256()
    for done in sorted(results, key=lambda d: d.story):
        h.update(done.story.encode())
        for f in done.files.files:
            h.update(f.name.encode())
            h.update(EXECUTOR_VALUE.sub(r"\1?", f.text or f.refused or "").encode())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class ParquetJob:
    """A story to build from rows the task reads itself: the articles files and the ids."""

    story: str
    files: tuple[str, ...]
    ids: tuple[str, ...]


@dataclass(frozen=True)
class ReadThenBuild:
    """The task of the Parquet way: read the story's rows (pushed-down id filter), decode
    them, then the same `BuildStoryTimeline`."""

    build: BuildStoryTimeline

    def __call__(self, job: ParquetJob) -> StoryTimeline:
        return self.build(StoryJob(job.story, read_rows(job)))


def read_rows(job: ParquetJob) -> tuple[Article, ...]:
    """The story's articles, read from the shard's files by id and decoded, in story order."""
    from storyline.store.codec import article_from_json

    _, pq = import_pyarrow()
    wanted = list(job.ids)
    found: dict[str, Article] = {}
    for path in job.files:
        table = pq.read_table(path, columns=["id", "article"], filters=[("id", "in", wanted)])
        for row in table.to_pylist():
            found[row["id"]] = article_from_json(row["article"])
    return tuple(found[i] for i in job.ids)


def parquet_jobs(pile: StoryPile, folder: Path) -> Iterator[ParquetJob]:
    """Write the finished corpus as shard 0 of `folder`, then a job per story, in the order
    of `story_jobs`."""
    outcomes = (Outcome(i, a.id, a) for i, a in enumerate(pile.corpus.articles))
    write_shard(folder, 0, outcomes)
    files = tuple(str(articles) for articles, _ in shard_pieces(folder, 0))
    ids = {s.id: s.articles for s in pile.stories}
    for job in story_jobs(pile):
        yield ParquetJob(job.story, files, ids[job.story])


@dataclass(frozen=True)
class Timed:
    """A task that also says what CPU time its thread spent and in which process."""

    work: Callable[[Any], StoryTimeline]

    def __call__(self, job: Any) -> tuple[StoryTimeline, float, int]:
        started = time.thread_time()
        done = self.work(job)
        return done, time.thread_time() - started, os.getpid()


@dataclass(frozen=True)
class Phase:
    wall: float  # seconds from the first job to the last result, start-up included
    driver_cpu: float  # CPU seconds of this process meanwhile
    task_cpu: float  # CPU seconds of the tasks' threads, summed
    busiest: float  # CPU seconds of the tasks of the busiest worker process
    digest: str


def run_phase(pile: StoryPile, cfg: Config, executor: str) -> Phase:
    """The phase on `executor` (`X+parquet`: the Parquet way on X): `story_timelines`, with
    each task timed (`Timed`)."""
    wall, cpu = time.perf_counter(), time.process_time()
    spec = executor.removesuffix("+parquet")
    build = BuildStoryTimeline(cfg.with_value("executor", spec), ("json",))
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as folder:
        if executor.endswith("+parquet"):
            work: Timed = Timed(ReadThenBuild(build))
            jobs: Iterator[Any] = parquet_jobs(pile, Path(folder))
        else:
            spec = timelines_executor_spec(spec, [len(s.articles) for s in pile.stories])
            work, jobs = Timed(build), story_jobs(pile)
        with make_executor(spec) as ex:
            out = list(ex.map(work, jobs, chunksize=1))
    by_process: dict[int, float] = {}
    for _, seconds, pid in out:
        by_process[pid] = by_process.get(pid, 0.0) + seconds
    return Phase(
        wall=time.perf_counter() - wall,
        driver_cpu=time.process_time() - cpu,
        task_cpu=sum(by_process.values()),
        busiest=max(by_process.values(), default=0.0),
        digest=digest([done for done, _, _ in out]),
    )


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def feeding_cost(pile: StoryPile) -> str:
    """CPU seconds, in this process, of sending every story's articles to its task both ways:
    pickled on the driver and unpickled by the task, or written once as a Parquet shard by
    the driver and each story's rows read and decoded by its task."""
    jobs = list(story_jobs(pile))
    cpu = time.process_time()
    blobs = [pickle.dumps(j, protocol=5) for j in jobs]
    dumps = time.process_time() - cpu
    cpu = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    loads = time.process_time() - cpu
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as folder:
        cpu = time.process_time()
        shard = list(parquet_jobs(pile, Path(folder)))
        write = time.process_time() - cpu
        size = sum(Path(f).stat().st_size for f in shard[0].files) if shard else 0
        cpu = time.process_time()
        for job in shard:
            read_rows(job)
        read = time.process_time() - cpu
    mib = sum(len(b) for b in blobs) / 2**20
    return (
        f"feeding the tasks (CPU s): articles pickled {dumps:.2f} on the driver "
        f"({mib:.1f} MiB), unpickled {loads:.2f} by the tasks; Parquet written {write:.2f} on "
        f"the driver ({size / 2**20:.1f} MiB), rows read and decoded {read:.2f} by the tasks"
    )


class _Lines(list[str]):
    def append(self, line: str) -> None:
        print(line, flush=True)
        super().append(line)


def measure(pile: StoryPile, executors: Sequence[str], repeats: int, ray_cpus: int) -> str:
    """The phase on each executor, `repeats` times alternating, printed as it goes; returns
    the report (medians, ratios to the first executor)."""
    lines = _Lines()
    sizes = sorted((len(s.articles) for s in pile.stories), reverse=True)
    lines.append(f"stories: {len(sizes)} of {sum(sizes)} articles (largest {sizes[:5]})")
    lines.append(feeding_cost(pile))
    if any(e.startswith("ray") for e in executors):
        import ray
        import ray.cloudpickle
        import stories_timelines

        ray.cloudpickle.register_pickle_by_value(stories_timelines)  # workers lack bench/
        started = time.perf_counter()
        ray.init(num_cpus=ray_cpus, include_dashboard=False, log_to_driver=False)
        lines.append(
            f"ray.init of a local {ray_cpus}-CPU cluster: {time.perf_counter() - started:.1f} s"
        )
    cfg = Config()
    by_id = {a.id: a for a in pile.corpus.articles}
    shortest = sorted(
        pile.stories, key=lambda s: (sum(len(by_id[i].text) for i in s.articles), s.id)
    )
    small = dataclasses.replace(pile, stories=tuple(shortest[:2]))
    for executor in executors:
        took = run_phase(small, cfg, executor).wall
        n = sum(len(s.articles) for s in small.stories)
        lines.append(f"start-up: the 2 shortest stories ({n} articles) on {executor}: {took:.2f} s")
    phases: dict[str, list[Phase]] = {e: [] for e in executors}
    lines.append(f"load average before: {_load()}")
    for r in range(repeats):
        for executor in executors:
            p = run_phase(pile, cfg, executor)
            phases[executor].append(p)
            lines.append(
                f"  run {r + 1} {executor:22s} {p.wall:6.1f} s wall, CPU s: driver "
                f"{p.driver_cpu:5.1f}, tasks {p.task_cpu:5.1f}, busiest worker {p.busiest:5.1f}"
                f"  {p.digest}  load {_load()}"
            )
    base = statistics.median(p.wall for p in phases[executors[0]])
    lines.append("")
    lines.append(
        f"| executor | wall, each run (s) | median wall (s) | vs {executors[0]} | driver CPU s "
        "| tasks CPU s | busiest worker CPU s |"
    )
    lines.append("|---|---|---:|---:|---:|---:|---:|")
    for executor in executors:
        ps = phases[executor]
        med = statistics.median(p.wall for p in ps)
        runs = " / ".join(f"{p.wall:.1f}" for p in ps)
        lines.append(
            f"| {executor} | {runs} | {med:.1f} | {base / med:.2f}x "
            f"| {statistics.median(p.driver_cpu for p in ps):.1f} "
            f"| {statistics.median(p.task_cpu for p in ps):.1f} "
            f"| {statistics.median(p.busiest for p in ps):.1f} |"
        )
    digests = {p.digest for ps in phases.values() for p in ps}
    lines.append(f"same files on every executor and run: {len(digests) == 1} {sorted(digests)}")
    lines.append(f"load average after: {_load()}")
    if any(e.startswith("ray") for e in executors):
        import ray

        ray.shutdown()
    return "\n".join(lines)
