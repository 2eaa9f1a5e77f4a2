"""Worker processes for the HTTP service: request articles -> summary JSON or HTML report.

`summarize` is CPU-bound (numpy/scipy scoring and an ILP solver), so the service never runs it
on its event loop. Jobs go to a fixed pool of worker processes, one job per process at a time,
reached through pipes. Processes rather than threads because a thread cannot be stopped: a
pathological input would hold a core and a pool slot for as long as it runs, and a few of them
would starve the server. A worker that misses its request's deadline is killed and replaced, so
the server keeps answering (504 for that request, 200 for the next). Workers are started with
"spawn" because the server process has threads, where fork is unsafe; this module imports no
web framework so a spawned worker starts quickly. Each job has one deadline covering the wait
for a free worker, HTML extraction (trafilatura) and summarization; at most `max_pending`
requests wait for a worker, after which the pool refuses at once instead of queueing without
bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from synopsis.ingest.requests import request_articles
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError, SynopsisError
from synopsis.model.types import Article, Skipped, Summary

if TYPE_CHECKING:
    from synopsis.render.schema import SummaryJSON

# Seconds given to a worker to exit after the shutdown sentinel before it is killed.
WORKER_STOP_SECONDS = 2.0
# Seconds the server waits at startup for workers to import numpy/scipy/trafilatura (about
# 2 s on a laptop; generous for slow CI disks) before it serves anyway.
WORKER_START_SECONDS = 60.0
_TIMEOUT_MESSAGE = "the request took over {:g} s; send fewer or shorter articles"

SummarizeFn = Callable[..., Summary]


def build_articles(items: Sequence[dict[str, Any]]) -> tuple[list[Article], list[Skipped]]:
    """Turn request articles into Articles (`synopsis.ingest.requests.request_articles`).

    Args:
        items: dicts with the fields of `ArticleIn`.

    Returns:
        The usable articles and the skipped ones with the reason.

    Raises:
        InputError: an id repeats or a field cannot be used.
        EmptyInputError: no article has any text.
    """
    # in process: this worker is killed at the request deadline, so pages need no process
    return request_articles(items, in_process=True)


def _resolve(fn: SummarizeFn | None) -> SummarizeFn:
    """The summarize function a worker uses."""
    if fn is not None:
        return fn
    from synopsis.pipeline import summarize

    return summarize


def run_job(
    fn: SummarizeFn | None,
    kind: str,
    items: Sequence[dict[str, Any]],
    words: int,
    focus: str | None = None,
    keep_off_story: bool = False,
) -> SummaryJSON | str:
    """Summarize one request's articles and format the result.

    Args:
        fn: the summarize function, or None for `synopsis.pipeline.summarize`.
        kind: "json" for the `to_dict` JSON, "html" for the report.
        items: the request's articles (dicts with the fields of `ArticleIn`).
        words: the summary's word budget.
        focus: a question the summary should answer (focus mode), or None.
        keep_off_story: summarize an article that shares almost no words with the others too.

    Returns:
        The JSON-ready dict or the report HTML.

    Raises:
        SynopsisError: the articles cannot be summarized.
    """
    articles, skipped = build_articles(items)
    config = SummarizerConfig(max_words=words, focus=focus, off_story=not keep_off_story)
    summary = _resolve(fn)(articles, config, skipped=skipped)
    if kind == "html":
        from synopsis.render.html import render_report

        return render_report(summary)
    from synopsis.render import to_dict

    return to_dict(summary)


def _worker_main(conn: Connection, fn: SummarizeFn | None) -> None:
    """Worker process loop: receive jobs, send back ("ok", result) or an error tuple."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server handles Ctrl-C and stops us
    with contextlib.suppress(Exception):  # warm the imports; a real failure shows per job
        _resolve(fn)
        import trafilatura  # noqa: F401

        import synopsis.render
        import synopsis.render.html  # noqa: F401
    from synopsis.apps.batch import tune_gc

    tune_gc()  # after the warm imports, so they are frozen out of collection
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        reply: tuple[Any, ...]
        try:
            reply = ("ok", run_job(fn, *job))
        except SynopsisError as exc:
            reply = ("user", str(exc))
        except Exception as exc:  # report, never die: the server answers 500 for this job
            reply = ("crash", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


# ---------------------------------------------------------------------------------------------
# Worker pool


class ServiceError(Exception):
    """An error answered with `status`, a machine-readable `code` and the `field` at fault."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class JobTimeout(ServiceError):
    """A job missed its deadline."""

    status, code = 504, "timeout"


class PoolBusy(ServiceError):
    """No worker became free in time, or too many requests are waiting."""

    status, code = 503, "busy"


class WorkerCrashed(ServiceError):
    """A worker died or failed unexpectedly."""


class FieldLimitError(ServiceError):
    """A request field breaks a limit that depends on the settings."""

    status, code = 422, "invalid_field"


class _Worker:
    """One worker process and the parent end of its pipe."""

    def __init__(self, fn: SummarizeFn | None) -> None:
        self._fn = fn
        self._ctx = multiprocessing.get_context("spawn")
        self._closed = False
        self._start()

    def _start(self) -> None:
        self._ready = False
        parent, child = self._ctx.Pipe()
        self._conn: Connection = parent
        self._proc = self._ctx.Process(
            target=_worker_main, args=(child, self._fn), daemon=True, name="synopsis-worker"
        )
        self._proc.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        """Wait (blocking) until the process has imported its modules; True when it has."""
        with contextlib.suppress(EOFError, OSError):  # died while starting: not ready
            if not self._ready and self._conn.poll(max(timeout, 0.0)):
                self._ready = self._conn.recv() == ("ready",)
        return self._ready

    def call(self, job: tuple[Any, ...], timeout: float) -> tuple[Any, ...]:
        """Run one job (blocking); kill and replace the process when it misses `timeout`."""
        deadline = time.monotonic() + timeout
        try:
            if not self.wait_ready(timeout):
                raise JobTimeout(_TIMEOUT_MESSAGE.format(timeout))
            self._conn.send(job)
            if not self._conn.poll(max(deadline - time.monotonic(), 0.0)):
                self.restart()
                raise JobTimeout(_TIMEOUT_MESSAGE.format(timeout))
            reply: tuple[Any, ...] = self._conn.recv()
        except (EOFError, OSError) as exc:
            self.restart()
            raise WorkerCrashed(
                f"summarization failed: the worker process died ({type(exc).__name__})"
            ) from exc
        return reply

    def restart(self) -> None:
        """Kill the process and start a fresh one (unless the pool is shutting down)."""
        self.stop(graceful=False)
        if not self._closed:
            self._start()

    def close(self) -> None:
        """Stop the process for good: a job still running is not restarted afterwards."""
        self._closed = True
        self.stop()

    def stop(self, *, graceful: bool = True) -> None:
        """Stop the process: ask it to exit when graceful, kill it otherwise."""
        if graceful:
            with contextlib.suppress(OSError, ValueError):
                self._conn.send(None)
            self._proc.join(WORKER_STOP_SECONDS)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(WORKER_STOP_SECONDS)
        self._conn.close()


class WorkerPool:
    """A fixed set of worker processes; each request borrows one for its job."""

    def __init__(self, size: int, fn: SummarizeFn | None, max_pending: int) -> None:
        self._size = size
        self._fn = fn
        self._max_pending = max_pending
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._threads = ThreadPoolExecutor(max_workers=1)
        self._waiting = 0

    @property
    def size(self) -> int:
        """Number of worker processes."""
        return self._size

    def start(self) -> None:
        """Start the worker processes (call from the event loop that will use the pool)."""
        if self._idle is not None:
            return
        self._idle = asyncio.Queue()
        # one thread per worker waits on its pipe, so waiting never blocks the event loop
        self._threads = ThreadPoolExecutor(self._size, thread_name_prefix="synopsis-job")
        for _ in range(self._size):
            worker = _Worker(self._fn)
            self._workers.append(worker)
            self._idle.put_nowait(worker)

    async def wait_ready(self, timeout: float) -> bool:
        """Wait until every worker has started; True when all did within `timeout` seconds."""
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + timeout
        ready = [
            await loop.run_in_executor(self._threads, w.wait_ready, deadline - time.monotonic())
            for w in self._workers
        ]
        return all(ready)

    async def run(self, job: tuple[Any, ...], timeout: float) -> Any:
        """Run `job` on a free worker within `timeout` seconds.

        Args:
            job: (kind, items, words) for `run_job`.
            timeout: seconds for the wait for a worker plus the job itself.

        Returns:
            The job's result.

        Raises:
            PoolBusy: too many requests waiting, or no worker became free in time.
            JobTimeout: the job did not finish in time (its worker was replaced).
            WorkerCrashed: the worker died or raised an unexpected error.
            SynopsisError: the input cannot be summarized.
        """
        self.start()
        assert self._idle is not None
        deadline = time.monotonic() + timeout
        if self._waiting >= self._max_pending and self._idle.empty():
            raise PoolBusy(
                f"every worker is busy and {self._waiting} requests are waiting; retry later"
            )
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError as exc:
            raise PoolBusy(f"no worker became free within {timeout:g} s; retry later") from exc
        finally:
            self._waiting -= 1
        loop = asyncio.get_running_loop()
        idle = self._idle

        def call() -> tuple[Any, ...]:
            try:
                return worker.call(job, deadline - time.monotonic())
            finally:  # return the worker even when the awaiting request was cancelled
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(idle.put_nowait, worker)

        reply = await asyncio.shield(loop.run_in_executor(self._threads, call))
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "user":
            raise InputError(reply[1])
        raise WorkerCrashed(f"summarization failed: {reply[1]}")

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.close()
        self._workers.clear()
        self._idle = None
        self._threads.shutdown(wait=False, cancel_futures=True)
