"""Summarize many stories of a store at once: the batch process pool, or Ray.

`synopsis stories report` hands the stories whose articles changed since their last report to
`story_reports`, which summarizes and renders each one's HTML report in worker processes (the
same worker setup as `synopsis batch`: `synopsis.apps.batch`) or as Ray tasks, and yields the
results in the order given. Workers get the articles themselves, never the store, so a Ray
cluster needs no access to the store's database.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from synopsis.apps.batch import BACKENDS, _init_worker, _stop_pool, start_ray, tune_gc
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError, SynopsisError
from synopsis.model.types import Article

__all__ = ["StoryJob", "StoryReport", "story_report", "story_reports"]


@dataclass(frozen=True)
class StoryJob:
    """One story to summarize: its id and articles."""

    story: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class StoryReport:
    """One story's result: its HTML report and synopsis text, or why it failed."""

    story: int
    html: str = ""
    sentences: tuple[str, ...] = ()
    error: str = ""


def story_report(job: StoryJob, words: int) -> StoryReport:
    """Summarize one story and render its HTML report (runs in a worker).

    Args:
        job: the story and its articles.
        words: the word budget.

    Returns:
        The report, or a result whose `error` says why the story could not be summarized.
    """
    from synopsis.pipeline import summarize
    from synopsis.render.html import render_report

    try:
        summary = summarize(job.articles, SummarizerConfig(max_words=words))
    except SynopsisError as exc:
        return StoryReport(job.story, error=str(exc))
    return StoryReport(job.story, render_report(summary), tuple(s.text for s in summary.sentences))


@functools.cache
def _tuned_once() -> None:
    tune_gc()


def _story_report_remote(job: StoryJob, words: int) -> StoryReport:
    """`story_report` in a Ray worker, with the collector tuned once per process."""
    _tuned_once()
    return story_report(job, words)


def _ray_reports(
    jobs: list[StoryJob], words: int, workers: int, address: str | None
) -> Iterator[StoryReport]:
    ray = start_ray(workers, address)
    task = ray.remote(_story_report_remote)
    pending = [task.remote(job, words) for job in jobs]
    for ref in pending:
        yield ray.get(ref)


def story_reports(
    jobs: Iterable[StoryJob],
    words: int,
    *,
    workers: int = 1,
    backend: str = "process",
    ray_address: str | None = None,
) -> Iterator[StoryReport]:
    """Summarize and render many stories, in parallel, yielding results in the order given.

    Args:
        jobs: the stories (a front page's worth: all are submitted at once).
        words: the word budget.
        workers: worker processes (1: in this process); callers cap it with `worker_count`.
        backend: "process" or "ray".
        ray_address: the Ray cluster to join (backend "ray"); None starts a local one.

    Returns:
        An iterator of one result per job, in order.

    Raises:
        InputError: the backend is unknown.
        DependencyError: the Ray backend is asked for but Ray is not installed.
    """
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    todo = list(jobs)
    if backend == "ray":
        yield from _ray_reports(todo, words, workers, ray_address)
    elif workers <= 1 or len(todo) <= 1:
        yield from (story_report(job, words) for job in todo)
    else:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
        finished = False
        try:
            yield from pool.map(story_report, todo, [words] * len(todo))
            finished = True
        finally:
            if finished:
                pool.shutdown()
            else:  # interrupted (Ctrl-C, SIGTERM) or the caller failed: stop the workers now
                _stop_pool(pool)
