"""Summarize many stories: a process pool by default, Ray when installed and asked for."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import json
import logging
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from synopsis.ingest.jsonl import open_lines
from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import DependencyError, InputError, SynopsisError
from synopsis.model.types import Article, DocumentSet
from synopsis.pipeline import summarize
from synopsis.render import to_dict
from synopsis.render.schema import BatchRecord

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
# Chunks submitted to the process pool per worker and not yet collected: two keeps every worker
# busy while the parent writes results, and bounds how many clusters are held in memory (a
# JSONL file is read as the run goes, never whole).
POOL_CHUNKS_PER_WORKER = 2
# Most worker processes `--oversubscribe` may ask for (the bound `serve --workers` has too).
MAX_WORKERS = 256


def worker_count(requested: int, *, oversubscribe: bool = False) -> int:
    """How many worker processes to use for a request of `requested`.

    Args:
        requested: the `--workers` value; 0 means one per CPU.
        oversubscribe: allow more workers than CPUs (up to MAX_WORKERS).

    Returns:
        `requested`, capped at the CPUs this process may run on unless `oversubscribe`.
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpus = cpus or 1
    if requested <= 0:
        return cpus
    return min(requested, MAX_WORKERS if oversubscribe else cpus)


def _init_worker() -> None:
    """Process-pool initializer: leave signals to the parent, then `tune_gc`.

    Ctrl-C reaches the whole process group; the parent stops the workers, so they ignore it
    (no traceback per worker). SIGTERM and SIGHUP get their default action back (forked workers
    inherit the parent's handlers, which raise).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    tune_gc()


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


def _summarize_remote(item: DocumentSet | InputError, config: SummarizerConfig) -> BatchRecord:
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
class ModeCluster(DocumentSet):
    """A cluster with the mode its line asks for (`--focus-from-data`, `--since-from-data`).

    `since` holds the articles of earlier lines named by `previous_document_ids` (None: not an
    update); `missing` the ids found on no earlier line.
    """

    focus: str | None = None
    since: tuple[Article, ...] | None = None
    missing: tuple[str, ...] = ()


LineMode = tuple[str | None, tuple[str, ...] | None]


def line_modes(
    path: str, *, since: bool, focus: bool, config: IngestConfig | None = None
) -> dict[str, LineMode]:
    """Each line's focus question (its `topic` title and narrative) and earlier document ids.

    Lines that cannot be read are left out here; `iter_clusters` reports them.

    Args:
        path: the cluster JSONL[.gz] file (the format of DUC 2007 `update.jsonl`/`main.jsonl`).
        since: read `previous_document_ids`.
        focus: read `topic` {title, narrative}.
        config: holds the size limit per line.

    Returns:
        DocumentSet id to (question or None, previous document ids or None when the list is empty).
    """
    modes: dict[str, LineMode] = {}
    for _, raw in open_lines(Path(path), config or IngestConfig()):
        try:
            obj = json.loads(raw)
        except ValueError:
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            continue
        topic = obj.get("topic") if focus else None
        question = None
        if isinstance(topic, dict):
            parts = [topic.get("title"), topic.get("narrative")]
            question = ". ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
        previous = obj.get("previous_document_ids") if since else None
        ids = tuple(str(x) for x in previous) if isinstance(previous, list) and previous else None
        modes[obj["id"]] = (question or None, ids)
    return modes


def with_modes(
    items: Iterable[DocumentSet | InputError], modes: dict[str, LineMode]
) -> Iterator[DocumentSet | InputError]:
    """Attach each line's mode; the seen articles are taken from earlier lines of the file.

    Only documents some line names as previous are kept, so memory grows with those alone.

    Args:
        items: clusters in file order (from `iter_clusters`).
        modes: from `line_modes`.

    Returns:
        The clusters as `ModeCluster`s (read errors pass through).
    """
    wanted = {d for _, ids in modes.values() for d in ids or ()}
    store: dict[str, Article] = {}
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        question, ids = modes.get(item.id, (None, None))
        since = None if ids is None else tuple(store[d] for d in ids if d in store)
        missing = tuple(d for d in ids or () if d not in store)
        store.update({a.id: a for a in item.articles if a.id in wanted})
        yield ModeCluster(
            id=item.id,
            articles=item.articles,
            references=item.references,
            skipped=item.skipped,
            focus=question,
            since=since,
            missing=missing,
        )


@dataclass(frozen=True)
class BatchResult:
    """Counts of one batch run."""

    total: int
    failed: int


def summarize_cluster(item: DocumentSet | InputError, config: SummarizerConfig) -> BatchRecord:
    """Summarize one cluster into a batch output record; failures become an "error" field.

    Args:
        item: a cluster, or the error that reading its line raised.
        config: summarizer settings.

    Returns:
        ``{"id", "headline", "summary", "sentences"}`` (plus "skipped", and "entities", "numbers"
        and "timeline" when the config asks for the analysis), or ``{"id", "error"}`` when the
        cluster cannot be summarized.
    """
    if isinstance(item, InputError):
        return {"id": None, "error": str(item)}
    since = item.since if isinstance(item, ModeCluster) else None
    if isinstance(item, ModeCluster) and item.missing:
        return {
            "id": item.id,
            "error": f"previous_document_ids names {item.missing[0]!r}, which no earlier line "
            "holds; put the earlier stages first in the file",
        }
    try:
        if isinstance(item, ModeCluster) and item.focus:
            config = dataclasses.replace(config, focus=item.focus)
        summary = summarize(item.articles, config, skipped=item.skipped, since=since)
    except SynopsisError as exc:
        return {"id": item.id, "error": str(exc)}
    data = to_dict(summary)
    record: BatchRecord = {"id": item.id, "headline": data.get("headline", "")}
    record["summary"] = data["summary"]
    record["sentences"] = data["sentences"]
    if data["skipped"]:
        record["skipped"] = data["skipped"]
    if "mode" in data:
        record["mode"] = data["mode"]
    if config.analyze:
        record["entities"] = data["entities"]
        record["numbers"] = data["numbers"]
        record["timeline"] = data["timeline"]
    return record


def start_ray(workers: int, address: str | None) -> Any:
    """Import Ray and connect to it: the cluster at `address`, or a local one of `workers` CPUs.

    Args:
        workers: CPUs for a local instance (ignored with `address`).
        address: a Ray cluster to join, or None for a local instance.

    Returns:
        The `ray` module, initialized.

    Raises:
        DependencyError: Ray is not installed, or the cluster cannot be started or reached.
    """
    if not address and "ray" not in sys.modules:
        # A local instance uses Ray's token authentication, as Ray does by default; saying so
        # before Ray first reads its configuration (at import) keeps it from printing a notice
        # about it on every run. A mode the user set in the environment is kept; once Ray is
        # imported, its own default applies.
        os.environ.setdefault("RAY_AUTH_MODE", "token")
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
    return ray


def _run_ray(
    items: Iterable[DocumentSet | InputError],
    config: SummarizerConfig,
    workers: int,
    address: str | None,
) -> Iterator[BatchRecord]:
    """Summarize on a Ray cluster (local unless `address` names one), in input order.

    At most RAY_IN_FLIGHT_PER_WORKER tasks per worker are pending at once, so a long input is
    streamed rather than submitted whole.
    """
    ray = start_ray(workers, address)
    task = ray.remote(_summarize_remote)
    pending: deque[Any] = deque()
    limit = max(1, workers) * RAY_IN_FLIGHT_PER_WORKER
    for item in items:
        pending.append(task.remote(item, config))
        if len(pending) >= limit:
            yield ray.get(pending.popleft())
    while pending:
        yield ray.get(pending.popleft())


def _summarize_chunk(
    chunk: list[DocumentSet | InputError], config: SummarizerConfig
) -> list[BatchRecord]:
    """`summarize_cluster` over a chunk of clusters (one pool task)."""
    return [summarize_cluster(item, config) for item in chunk]


def _chunks(items: Iterable[DocumentSet | InputError], size: int) -> Iterator[list[Any]]:
    """`items` in lists of `size` (the last may be shorter), read lazily."""
    chunk: list[DocumentSet | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once (interrupted run): drop queued work and terminate the workers."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)


def _run_pool(
    items: Iterable[DocumentSet | InputError], config: SummarizerConfig, workers: int
) -> Iterator[BatchRecord]:
    """Summarize in `workers` processes, in input order, started only once a cluster is read.

    At most POOL_CHUNKS_PER_WORKER chunks per worker are in flight, so the input is streamed.
    """
    pool: ProcessPoolExecutor | None = None
    pending: deque[Future[list[BatchRecord]]] = deque()
    finished = False
    try:
        for chunk in _chunks(items, CHUNK_SIZE):
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker)
            pending.append(pool.submit(_summarize_chunk, chunk, config))
            while len(pending) >= workers * POOL_CHUNKS_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    finally:
        if pool is not None:
            if finished:
                pool.shutdown()
            else:
                _stop_pool(pool)


def run_batch(
    items: Iterable[DocumentSet | InputError],
    write: Callable[[BatchRecord], object],
    *,
    config: SummarizerConfig,
    workers: int = 0,
    backend: str = "process",
    on_done: Callable[[], None] | None = None,
    ray_address: str | None = None,
) -> BatchResult:
    """Summarize every cluster and hand each record to `write`, in input order.

    Worker processes start only when the first cluster has been read, and `items` is consumed
    as the run goes (a bounded number of clusters in flight). An interruption (Ctrl-C, or
    SIGTERM/SIGHUP turned into an exception by the CLI) terminates the workers.

    Args:
        items: clusters (or per-line read errors) in input order.
        write: receives each output record in input order.
        config: summarizer settings.
        workers: worker processes (0: one per CPU); callers cap it with `worker_count`.
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
    count = workers or worker_count(0)
    total = failed = 0
    records: Iterator[BatchRecord]
    if backend == "ray":
        records = _run_ray(items, config, count, ray_address)
    elif count == 1:
        records = map(partial(summarize_cluster, config=config), items)
    else:
        records = _run_pool(items, config, count)
    in_process = backend == "process" and count == 1
    with _gc_tuned() if in_process else contextlib.nullcontext(), contextlib.ExitStack() as stack:
        close = getattr(records, "close", None)
        if close is not None:
            stack.callback(close)  # stop the pool now, not when the generator is collected
        for record in records:
            total += 1
            failed += "error" in record
            write(record)
            if on_done:
                on_done()
    return BatchResult(total=total, failed=failed)


def dumps(record: BatchRecord) -> str:
    """One JSON line for a record."""
    return json.dumps(record, ensure_ascii=False) + "\n"
