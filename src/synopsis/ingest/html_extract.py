"""HTML to article text with trafilatura, in worker processes that can be given up.

Trafilatura (Barbaresi, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
Discovery and Extraction", ACL 2021 demos) has no time limit of its own and lxml is not
thread-safe, so each page goes to a worker process running `_html_worker.py`: one JSON-encoded
page per stdin line in, one JSON result per stdout line out. Unlike multiprocessing the worker does
not re-import the caller's __main__ (which breaks for stdin scripts and unguarded scripts), it is
safe to start from a threaded parent, and a stuck worker is simply killed.
"""

from __future__ import annotations

import collections
import contextlib
import importlib.util
import json
import selectors
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from synopsis.model.config import IngestConfig
from synopsis.model.errors import DependencyError

# Extra seconds a new HTML worker gets for its first page (Python start plus importing
# trafilatura takes about 0.3 s here; generous for slow or loaded machines).
POOL_STARTUP_SECONDS = 10.0
# The worker program, run as a script (not `-m`) so it imports neither this package nor numpy.
WORKER_ARGV: tuple[str, ...] = (str(Path(__file__).with_name("_html_worker.py")),)


@dataclass(frozen=True)
class HtmlResult:
    """What trafilatura found in one page."""

    text: str | None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    error: str | None = None


def _start_worker(sel: selectors.BaseSelector) -> subprocess.Popen[str]:
    """Start one HTML worker process and watch its stdout."""
    proc = subprocess.Popen(
        [sys.executable, *WORKER_ARGV],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdout is not None
    sel.register(proc.stdout, selectors.EVENT_READ, proc)
    return proc


def _stop_worker(proc: subprocess.Popen[str], sel: selectors.BaseSelector) -> None:
    """Unwatch and end a worker (killed: it may be stuck in the extractor)."""
    assert proc.stdout is not None and proc.stdin is not None
    sel.unregister(proc.stdout)
    proc.kill()
    proc.wait()
    for stream in (proc.stdin, proc.stdout):
        with contextlib.suppress(OSError):
            stream.close()


def extract_pages(pages: Sequence[str], config: IngestConfig) -> list[HtmlResult]:
    """Extract every page in up to `config.workers` processes, `config.html_timeout` s each.

    A page that times out (or whose worker dies) gets an error result; its worker is killed
    and the remaining pages go on in a new one.

    Args:
        pages: HTML documents.
        config: worker count and time limit.

    Returns:
        One result per page, in order.

    Raises:
        DependencyError: trafilatura is not installed.
    """
    if importlib.util.find_spec("trafilatura") is None:
        raise DependencyError("reading HTML needs trafilatura; pip install trafilatura")
    results: dict[int, HtmlResult] = {}
    todo = collections.deque(range(len(pages)))
    busy: dict[subprocess.Popen[str], tuple[int, float]] = {}
    idle: list[subprocess.Popen[str]] = []
    warm: set[int] = set()
    timeout = f"HTML extraction took longer than {config.html_timeout:g} s (ingest.html_timeout)"
    with selectors.DefaultSelector() as sel:
        try:
            while todo or busy:
                while todo and len(busy) < config.workers:
                    proc = idle.pop() if idle else _start_worker(sel)
                    grace = 0.0 if proc.pid in warm else POOL_STARTUP_SECONDS
                    i = todo.popleft()
                    assert proc.stdin is not None
                    try:
                        proc.stdin.write(json.dumps(pages[i]) + "\n")
                        proc.stdin.flush()
                    except OSError:
                        results[i] = HtmlResult(None, error="HTML worker process exited")
                        _stop_worker(proc, sel)
                        continue
                    warm.add(proc.pid)
                    busy[proc] = (i, time.monotonic() + config.html_timeout + grace)
                wait = max(0.0, min(d for _, d in busy.values()) - time.monotonic())
                for key, _ in sel.select(timeout=wait):
                    proc = key.data
                    i, _ = busy.pop(proc)
                    line = key.fileobj.readline()  # type: ignore[union-attr]
                    if line:
                        results[i] = HtmlResult(**json.loads(line))
                        idle.append(proc)
                    else:
                        results[i] = HtmlResult(None, error="HTML worker process exited")
                        _stop_worker(proc, sel)
                for proc, (i, deadline) in list(busy.items()):
                    if time.monotonic() >= deadline:
                        del busy[proc]
                        results[i] = HtmlResult(None, error=f"{timeout}; page given up")
                        _stop_worker(proc, sel)
        finally:
            for proc in [*busy, *idle]:
                _stop_worker(proc, sel)
    return [results[i] for i in range(len(pages))]


def extract_pages_here(pages: Sequence[str]) -> list[HtmlResult]:
    """Extract every page in this process, with no time limit of its own.

    For callers that are themselves a process killed at a deadline (the HTTP service's
    workers): it saves starting a Python process per request (about 0.7 s against 0.02 s for
    the example page here). The extraction is `_html_worker.extract`, the same as the workers'.

    Args:
        pages: HTML documents.

    Returns:
        One result per page, in order.

    Raises:
        DependencyError: trafilatura is not installed.
    """
    if importlib.util.find_spec("trafilatura") is None:
        raise DependencyError("reading HTML needs trafilatura; pip install trafilatura")
    from synopsis.ingest._html_worker import extract

    return [HtmlResult(**extract(page)) for page in pages]
