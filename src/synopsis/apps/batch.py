"""Summarize many stories: a process pool by default, Ray when installed and asked for."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import DependencyError, InputError, SynopsisError
from synopsis.model.types import Cluster
from synopsis.pipeline import summarize
from synopsis.render import to_dict

BACKENDS = ("process", "ray")
# Ray tasks pending per worker: enough to keep every worker busy, few enough to bound memory.
RAY_IN_FLIGHT_PER_WORKER = 4
# Clusters handed to a worker at a time: large enough to amortize pickling, small enough that the
# progress bar moves (tried 1, 4, 16 on DUC 2004 and Multi-News: 4 was as fast as 16).
CHUNK_SIZE = 4
# Cyclic-GC thresholds for processes that only summarize. Summarization allocates many
# short-lived containers and makes few reference cycles; against CPython's default (700, 10, 10)
# these values cut the CPU of summarizing DUC 2004 by ~6% (~8% with the analysis), with peak
# memory unchanged (`python benchmarks/gc_thresholds.py`; BENCHMARKS.md, speed table).
GC_THRESHOLDS = (50_000, 50, 100)


def tune_gc() -> None:
    """Let the cyclic garbage collector run rarely in a process that only summarizes.

    Objects alive now (imported modules, caches) are frozen out of collection and the
    thresholds raised to GC_THRESHOLDS. The process pool's initializer; Ray workers
    (`_summarize_remote`) and the HTTP service's workers (`synopsis.apps.web_pool`) call it
    once each.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


@functools.cache
def _tune_gc_once() -> None:
    """`tune_gc`, the first time a (Ray worker) process asks."""
    tune_gc()


def _summarize_remote(item: Cluster | InputError, config: SummarizerConfig) -> dict[str, Any]:
    """`summarize_cluster` in a Ray worker, with the collector tuned for it."""
    _tune_gc_once()
    return summarize_cluster(item, config)


@contextlib.contextmanager
def _gc_tuned() -> Iterator[None]:
    """`tune_gc` for the duration of an in-process batch, restoring the caller's settings."""
    old = gc.get_threshold()
    # unfreeze() releases every frozen object: freeze only if the caller had frozen none
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        if freeze:
            gc.unfreeze()


@dataclass(frozen=True)
class BatchResult:
    """Counts of one batch run."""

    total: int
    failed: int


def summarize_cluster(item: Cluster | InputError, config: SummarizerConfig) -> dict[str, Any]:
    """Summarize one cluster into a batch output record; failures become an "error" field.

    Args:
        item: a cluster, or the error that reading its line raised.
        config: summarizer settings.

    Returns:
        ``{"id", "summary", "sentences"}`` (plus "skipped", and "entities", "numbers" and
        "timeline" when the config asks for the analysis), or ``{"id", "error"}`` when the
        cluster cannot be summarized.
    """
    if isinstance(item, InputError):
        return {"id": None, "error": str(item)}
    try:
        summary = summarize(item.articles, config, skipped=item.skipped)
    except SynopsisError as exc:
        return {"id": item.id, "error": str(exc)}
    data = to_dict(summary)
    record: dict[str, Any] = {"id": item.id, "summary": data["summary"]}
    record["sentences"] = data["sentences"]
    if data["skipped"]:
        record["skipped"] = data["skipped"]
    if config.analyze:
        for key in ("entities", "numbers", "timeline"):
            record[key] = data[key]
    return record


def _run_ray(
    items: Iterable[Cluster | InputError],
    config: SummarizerConfig,
    workers: int,
    address: str | None,
) -> Iterator[dict[str, Any]]:
    """Summarize on a Ray cluster (local unless `address` names one), in input order.

    At most RAY_IN_FLIGHT_PER_WORKER tasks per worker are pending at once, so a long input is
    streamed rather than submitted whole.
    """
    try:
        import ray
    except ImportError:
        raise DependencyError(
            "the ray backend needs Ray: pip install 'synopsis[ray]' (or use --backend process)"
        ) from None
    if not ray.is_initialized():
        options: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.WARNING}
        if address:
            options["address"] = address
        else:
            options.update(num_cpus=workers, include_dashboard=False)
        try:
            ray.init(**options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = address or "a local Ray instance"
            raise DependencyError(f"cannot start or reach {where}: {exc}") from None
    task = ray.remote(_summarize_remote)
    pending: deque[Any] = deque()
    limit = max(1, workers) * RAY_IN_FLIGHT_PER_WORKER
    for item in items:
        pending.append(task.remote(item, config))
        if len(pending) >= limit:
            yield ray.get(pending.popleft())
    while pending:
        yield ray.get(pending.popleft())


def run_batch(
    items: Iterable[Cluster | InputError],
    write: Callable[[dict[str, Any]], object],
    *,
    config: SummarizerConfig,
    workers: int = 0,
    backend: str = "process",
    on_done: Callable[[], None] | None = None,
    ray_address: str | None = None,
) -> BatchResult:
    """Summarize every cluster and hand each record to `write`, in input order.

    Args:
        items: clusters (or per-line read errors) in input order.
        write: receives each output record in input order.
        config: summarizer settings.
        workers: worker processes (0: one per CPU).
        backend: "process" or "ray".
        on_done: called after each record (progress).
        ray_address: the Ray cluster to join (backend "ray"); None starts a local one.

    Returns:
        How many clusters there were and how many failed.

    Raises:
        InputError: the backend is unknown.
        DependencyError: the Ray backend is asked for but Ray is not installed.
    """
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    count = workers or os.cpu_count() or 1
    total = failed = 0
    records: Iterable[dict[str, Any]]
    if backend == "ray":
        records = _run_ray(items, config, count, ray_address)
    elif count == 1:
        records = map(partial(summarize_cluster, config=config), items)
    else:
        pool = ProcessPoolExecutor(max_workers=count, initializer=tune_gc)
        records = pool.map(partial(summarize_cluster, config=config), items, chunksize=CHUNK_SIZE)
    try:
        with _gc_tuned() if backend == "process" and count == 1 else contextlib.nullcontext():
            for record in records:
                total += 1
                failed += "error" in record
                write(record)
                if on_done:
                    on_done()
    finally:
        if backend == "process" and count > 1:
            pool.shutdown(cancel_futures=True)
    return BatchResult(total=total, failed=failed)


def dumps(record: dict[str, Any]) -> str:
    """One JSON line for a record."""
    return json.dumps(record, ensure_ascii=False) + "\n"
