"""HTTP service: summarize a story or render its report over HTTP (FastAPI + uvicorn).

Concurrency model. `summarize` is CPU-bound (numpy/scipy scoring and an ILP solver), so it
never runs on the event loop. Jobs go to a small pool of worker processes, one job per process
at a time, reached through pipes. Processes rather than threads because a thread cannot be
stopped: a pathological input would hold a core and a pool slot for as long as it runs, and
enough of them would starve the server. A worker that misses its request's deadline is killed
and replaced, so the server keeps answering (503/504 for that request, 200 for the next).
Workers are started with "spawn" because the server process has threads, where fork is unsafe.
Each request has one deadline (`request_timeout`) covering the wait for a free worker, HTML
extraction and summarization; at most `max_pending` requests wait for a worker, after which
the service answers 503 at once instead of queueing without bound.

Request bodies are limited in an ASGI middleware: a Content-Length over `max_body_bytes` is
refused before anything is read, and a chunked body is counted as it streams in and refused
as soon as it passes the limit, so an oversized body is never held in memory. No endpoint reads
or writes server files named by the client; uploads are read from the request only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import re
import signal
import threading
import time
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from synopsis.config import SummarizerConfig
from synopsis.errors import ConfigError, EmptyInputError, InputError, SynopsisError
from synopsis.models import Article, Skipped, Summary
from synopsis.report import asset, content_security_policy

# Largest summary a client may ask for; a 1000-word "summary" is already a long article.
MAX_WORDS_LIMIT = 1000
# Field length caps for article metadata (characters); generous for real titles and URLs.
MAX_ID_CHARS = 200
MAX_META_CHARS = 2000
# Seconds given to a worker to exit after the shutdown sentinel before it is killed.
WORKER_STOP_SECONDS = 2.0
# Seconds the server waits at startup for workers to import numpy/scipy/trafilatura (about
# 2 s on a laptop; generous for slow CI disks) before it serves anyway.
WORKER_START_SECONDS = 60.0
# Seconds a client is told to wait before retrying when every worker is busy.
RETRY_AFTER_SECONDS = 5
# Lines of three or more hyphens separate articles pasted into the form on "/".
_PASTE_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.M)
_HTML_SNIFF = re.compile(r"\A\s*(<!doctype\s+html|<html)", re.I)

SummarizeFn = Callable[..., Summary]
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and pool size of the HTTP service."""

    max_body_bytes: int = 20_000_000
    max_articles: int = 500
    request_timeout: float = 30.0
    max_words: int = 100
    workers: int = 2
    max_pending: int = 64
    summarize_fn: SummarizeFn | None = None

    def __post_init__(self) -> None:
        for name, lo, hi in (
            ("max_body_bytes", 1, 10**10),
            ("max_articles", 1, 100_000),
            ("request_timeout", 0.01, 3600),
            ("max_words", 1, MAX_WORDS_LIMIT),
            ("workers", 1, 256),
            ("max_pending", 0, 100_000),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"ServiceSettings.{name} must be a number, got {value!r}")
            if not lo <= value <= hi:
                raise ConfigError(f"ServiceSettings.{name} must be from {lo} to {hi}, got {value}")


# ---------------------------------------------------------------------------------------------
# Request and response schemas


class ArticleIn(BaseModel):
    """One article: plain `text` or raw `html` (extracted on the server), plus metadata."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, pattern=r"\S")
    text: str | None = Field(default=None, description="Plain article text.")
    html: str | None = Field(default=None, description="A web page; its main text is extracted.")
    title: str | None = Field(default=None, max_length=MAX_META_CHARS)
    url: str | None = Field(default=None, max_length=MAX_META_CHARS)
    published: str | None = Field(default=None, max_length=MAX_META_CHARS)
    outlet: str | None = Field(default=None, max_length=MAX_META_CHARS)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        """Require exactly one of text and html."""
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class SummarizeRequest(BaseModel):
    """A story to summarize: its articles and an optional word budget."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)
    words: int | None = Field(default=None, ge=1, le=MAX_WORDS_LIMIT)


class SourceOut(BaseModel):
    """A cited span: character offsets into one article's cleaned text."""

    model_config = ConfigDict(extra="allow")

    article: str
    start: int
    end: int


class SentenceOut(BaseModel):
    """A summary sentence and its sources."""

    model_config = ConfigDict(extra="allow")

    text: str
    sources: list[SourceOut]


class SummaryOut(BaseModel):
    """The JSON of `synopsis summarize --format json`."""

    model_config = ConfigDict(extra="allow")

    summary: str
    sentences: list[SentenceOut]
    articles: list[dict[str, Any]]
    skipped: list[dict[str, Any]]
    entities: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []


class ErrorOut(BaseModel):
    """An error: a machine-readable code, a message saying what to do, the field at fault."""

    error: str
    message: str
    field: str | None = None


class HealthOut(BaseModel):
    """Service health."""

    status: str
    workers: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "Malformed JSON."),
        (413, "Body larger than the limit."),
        (422, "Wrong schema, too many articles, or no usable article text."),
        (503, "Every worker is busy; retry later."),
        (504, "The request exceeded its time limit."),
    )
}


# ---------------------------------------------------------------------------------------------
# Work done in worker processes


def _extract_html(html: str) -> dict[str, str | None]:
    """Extract main text and metadata from a web page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return {}
    data: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    return {
        "text": data.get("text") or None,
        "title": data.get("title") or None,
        "published": data.get("date") or None,
        "outlet": data.get("sitename") or None,
        "url": data.get("url") or None,
    }


def _normalize(text: str) -> str:
    """LF line ends, NFC, no trailing spaces per line, no leading/trailing blank lines."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", text).split("\n")]
    return "\n".join(lines).strip("\n")


def build_articles(items: Sequence[dict[str, Any]]) -> tuple[list[Article], list[Skipped]]:
    """Turn request articles into Articles, extracting HTML and skipping empty ones.

    Args:
        items: dicts with the fields of `ArticleIn`.

    Returns:
        The usable articles and the skipped ones with the reason.

    Raises:
        EmptyInputError: no article has any text.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        meta = {k: item.get(k) for k in ("title", "url", "published", "outlet")}
        raw = item.get("text")
        if raw is None:
            found = _extract_html(item.get("html") or "")
            raw = found.get("text") or ""
            meta = {k: v or found.get(k) for k, v in meta.items()}
        text = _normalize(raw)
        if not text.strip():
            why = "no text" if item.get("text") is not None else "no article text found in html"
            skipped.append(Skipped(item["id"], why))
            continue
        articles.append(Article(id=item["id"], text=text, origin="request", **meta))
    if not articles:
        reasons = "; ".join(f"{s.article}: {s.why}" for s in skipped[:5])
        raise EmptyInputError(f"no article has usable text ({reasons}); send article text")
    return articles, skipped


def _resolve(fn: SummarizeFn | None) -> SummarizeFn:
    """The summarize function a worker uses."""
    if fn is not None:
        return fn
    from synopsis.pipeline import summarize

    return summarize


def run_job(fn: SummarizeFn | None, kind: str, items: Sequence[dict[str, Any]], words: int) -> (
    dict[str, Any] | str
):
    """Summarize one request's articles and format the result.

    Args:
        fn: the summarize function, or None for `synopsis.pipeline.summarize`.
        kind: "json" for the `to_dict` JSON, "html" for the report.
        items: the request's articles (dicts with the fields of `ArticleIn`).
        words: the summary's word budget.

    Returns:
        The JSON-ready dict or the report HTML.

    Raises:
        SynopsisError: the articles cannot be summarized.
    """
    articles, skipped = build_articles(items)
    summary = _resolve(fn)(articles, SummarizerConfig(max_words=words), skipped=skipped)
    if kind == "html":
        from synopsis.report import render_report

        return render_report(summary)
    from synopsis.render import to_dict

    return to_dict(summary)


def _worker_main(conn: Connection, fn: SummarizeFn | None) -> None:
    """Worker process loop: receive jobs, send back ("ok", result) or an error tuple."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server handles Ctrl-C and stops us
    with contextlib.suppress(Exception):  # warm the imports; a real failure shows per job
        _resolve(fn)
        import synopsis.render  # noqa: F401
        import synopsis.report  # noqa: F401
        import trafilatura  # noqa: F401
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


class JobTimeout(Exception):
    """A job missed its deadline (HTTP 504)."""


class PoolBusy(Exception):
    """No worker became free in time, or too many requests are waiting (HTTP 503)."""


class WorkerCrashed(Exception):
    """A worker died or failed unexpectedly (HTTP 500)."""


class _Worker:
    """One worker process and the parent end of its pipe."""

    def __init__(self, fn: SummarizeFn | None) -> None:
        self._fn = fn
        self._ctx = multiprocessing.get_context("spawn")
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
        if not self._ready and self._conn.poll(max(timeout, 0.0)):
            self._ready = self._conn.recv() == ("ready",)
        return self._ready

    def call(self, job: tuple[Any, ...], timeout: float) -> tuple[Any, ...]:
        """Run one job (blocking); kill and replace the process when it misses `timeout`."""
        deadline = time.monotonic() + timeout
        try:
            if not self.wait_ready(timeout):
                raise JobTimeout
            self._conn.send(job)
            if not self._conn.poll(max(deadline - time.monotonic(), 0.0)):
                self.restart()
                raise JobTimeout
            reply: tuple[Any, ...] = self._conn.recv()
        except (EOFError, OSError) as exc:
            self.restart()
            raise WorkerCrashed(f"worker process died: {type(exc).__name__}") from exc
        return reply

    def restart(self) -> None:
        """Kill the process and start a fresh one."""
        self.stop(graceful=False)
        self._start()

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
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="synopsis-job")
        self._waiting = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """Number of worker processes."""
        return self._size

    def start(self) -> None:
        """Start the worker processes (call from the event loop that will use the pool)."""
        if self._idle is not None:
            return
        self._idle = asyncio.Queue()
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
            raise PoolBusy(f"{self._waiting} requests are already waiting")
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError as exc:
            raise PoolBusy(f"no worker became free within {timeout:g} s") from exc
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
        raise WorkerCrashed(reply[1])

    def close(self) -> None:
        """Stop every worker."""
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        self._idle = None
        self._threads.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------------------------------------
# Body size limit


class BodyTooLarge(HTTPException):
    """The request body passed the size limit while streaming in."""


def _error_json(status: int, code: str, message: str, field: str | None = None) -> JSONResponse:
    """A JSON error response in the service's error format."""
    body = ErrorOut(error=code, message=message, field=field).model_dump()
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if status == 503 else None
    return JSONResponse(body, status_code=status, headers=headers)


class BodyLimitMiddleware:
    """Refuse bodies over `max_bytes` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> JSONResponse:
        return _error_json(
            413, "body_too_large", f"request body is over {self.max_bytes} bytes; send less"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a byte-counting `receive`."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0:
                    await _error_json(400, "bad_request", "Content-Length is not a number")(
                        scope, receive, send
                    )
                    return
                if declared > self.max_bytes:
                    await self._too_large()(scope, receive, send)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(413, f"request body is over {self.max_bytes} bytes")
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._too_large()(scope, receive, send)


# ---------------------------------------------------------------------------------------------
# The application


def _field(loc: Sequence[int | str]) -> str:
    """A dotted field name from a pydantic error location, without the leading 'body'."""
    parts = [str(p) for p in loc]
    if parts and parts[0] == "body":
        parts = parts[1:]
    return ".".join(parts) or "body"


def _check_request(req: SummarizeRequest, settings: ServiceSettings) -> None:
    """Enforce the limits that depend on settings; raise HTTPException naming the field."""
    if len(req.articles) > settings.max_articles:
        raise _FieldError(
            "articles", f"{len(req.articles)} articles is over the limit of {settings.max_articles}"
        )
    seen: set[str] = set()
    for i, article in enumerate(req.articles):
        if article.id in seen:
            raise _FieldError(f"articles.{i}.id", f"duplicate article id {article.id!r}")
        seen.add(article.id)


class _FieldError(Exception):
    """A request field is out of the settings' limits (HTTP 422)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _page_csp(js: bool) -> str:
    """The policy of a page whose inline CSS (and, for reports, JS) are ours."""
    css = asset("report.css")
    if js:
        return content_security_policy(css, asset("report.js"))
    return content_security_policy(css, None, form_action="'self'")


def _html_headers(js: bool) -> dict[str, str]:
    """Security headers for an HTML response (frame-ancestors only works as a header)."""
    return {
        "Content-Security-Policy": _page_csp(js) + "; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    """Build the FastAPI application.

    Args:
        settings: limits and pool size; defaults to `ServiceSettings()`.

    Returns:
        The app; run it with uvicorn (`synopsis serve`). Worker processes start with the app's
        lifespan (or at the first request) and stop at shutdown.
    """
    cfg = settings or ServiceSettings()
    pool = WorkerPool(cfg.workers, cfg.summarize_fn, cfg.max_pending)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()
        if not await pool.wait_ready(WORKER_START_SECONDS):
            _log.warning("synopsis workers did not start within %s s", WORKER_START_SECONDS)
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="Synopsis",
        version="0.1.0",
        summary="Multi-document news summaries where every sentence names its sources.",
        lifespan=lifespan,
    )
    app.state.settings = cfg
    app.state.pool = pool
    app.add_middleware(BodyLimitMiddleware, max_bytes=cfg.max_body_bytes)
    _add_error_handlers(app)

    async def run(kind: Literal["json", "html"], req: SummarizeRequest) -> Any:
        _check_request(req, cfg)
        items = [a.model_dump() for a in req.articles]
        return await pool.run((kind, items, req.words or cfg.max_words), cfg.request_timeout)

    @app.post("/v1/summarize", response_model=SummaryOut, responses=_ERRORS)
    async def summarize_endpoint(req: SummarizeRequest) -> JSONResponse:
        """Summarize a story: the JSON of `synopsis summarize --format json`."""
        return JSONResponse(await run("json", req))

    @app.post(
        "/v1/report",
        response_class=HTMLResponse,
        responses={**_ERRORS, 200: {"content": {"text/html": {}}, "description": "The report."}},
    )
    async def report_endpoint(req: SummarizeRequest) -> HTMLResponse:
        """Summarize a story and return the self-contained HTML report."""
        return HTMLResponse(await run("html", req), headers=_html_headers(js=True))

    @app.get("/healthz", response_model=HealthOut)
    async def healthz() -> HealthOut:
        """Liveness: the service is up."""
        return HealthOut(status="ok", workers=pool.size)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        """The page where a person pastes or uploads articles."""
        return _form_page(cfg)

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report_form(request: Request) -> Response:
        """Form endpoint behind "/": pasted text and uploaded files -> the HTML report."""
        form = await request.form(
            max_files=cfg.max_articles, max_fields=16, max_part_size=cfg.max_body_bytes
        )
        pasted = form.get("text")
        uploads = [(f.filename or "upload", await f.read()) for f in form.getlist("files")
                   if not isinstance(f, str)]
        words_raw = form.get("words")
        try:
            items = form_articles(pasted if isinstance(pasted, str) else "", uploads)
            words = _form_words(words_raw if isinstance(words_raw, str) else "")
            req = SummarizeRequest.model_validate({"articles": items, "words": words})
            html = await run("html", req)
        except (SynopsisError, _FieldError) as exc:
            return _form_page(cfg, str(exc), status=422)
        except PoolBusy:
            return _form_page(cfg, "The server is busy; try again in a moment.", status=503)
        except JobTimeout:
            return _form_page(cfg, "That took too long; try fewer or shorter articles.", 504)
        return HTMLResponse(html, headers=_html_headers(js=True))

    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Map validation, limit, pool and input errors to JSON errors."""

    async def validation(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = list(exc.errors())
        first = errors[0] if errors else {"loc": ("body",), "msg": "invalid", "type": ""}
        field = _field(first.get("loc", ()))
        if first.get("type") == "json_invalid":
            return _error_json(400, "malformed_json", f"body is not valid JSON: {first['msg']}")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return _error_json(422, "invalid_field", f"{field}: {first['msg']}{more}", field)

    async def http_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        codes = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}
        return _error_json(exc.status_code, codes.get(exc.status_code, "http_error"),
                           str(exc.detail))

    async def field_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, _FieldError)
        return _error_json(422, "invalid_field", f"{exc.field}: {exc}", exc.field)

    async def input_error(_: Request, exc: Exception) -> Response:
        return _error_json(422, "unusable_input", str(exc), "articles")

    async def busy(_: Request, exc: Exception) -> Response:
        return _error_json(503, "busy", f"every worker is busy ({exc}); retry later")

    async def timeout(_: Request, exc: Exception) -> Response:
        limit = app.state.settings.request_timeout
        return _error_json(
            504, "timeout", f"the request took over {limit:g} s; send fewer or shorter articles"
        )

    async def crashed(_: Request, exc: Exception) -> Response:
        return _error_json(500, "internal_error", f"summarization failed: {exc}")

    handlers: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
        RequestValidationError: validation,
        StarletteHTTPException: http_error,
        _FieldError: field_error,
        SynopsisError: input_error,
        PoolBusy: busy,
        JobTimeout: timeout,
        WorkerCrashed: crashed,
    }
    for cls, handler in handlers.items():
        app.add_exception_handler(cls, handler)


# ---------------------------------------------------------------------------------------------
# The form page on "/"


def _decode(data: bytes) -> str:
    """Decode uploaded bytes: UTF-8 when valid, else the charset_normalizer guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return data.decode("latin-1")


def _label(filename: str) -> str:
    """An article id from an upload's file name: its base name without folders."""
    base = re.split(r"[\\/]", filename)[-1].strip() or "upload"
    return base[:MAX_ID_CHARS]


def form_articles(pasted: str, uploads: Sequence[tuple[str, bytes]]) -> list[dict[str, Any]]:
    """Build request articles from pasted text and uploaded files.

    Args:
        pasted: text with articles separated by lines of three or more hyphens.
        uploads: (file name, content) pairs; .html/.htm files or HTML-looking content are
            extracted as web pages, anything else is read as plain text.

    Returns:
        Dicts with the fields of `ArticleIn`, ids unique.

    Raises:
        InputError: there is neither pasted text nor an uploaded file.
    """
    items: list[dict[str, Any]] = []
    for n, chunk in enumerate(_PASTE_SEPARATOR.split(pasted), start=1):
        if chunk.strip():
            items.append({"id": f"pasted-{n}", "text": chunk})
    for filename, data in uploads:
        if not data.strip():
            continue
        text = _decode(data)
        html = filename.lower().endswith((".html", ".htm")) or bool(_HTML_SNIFF.match(text))
        items.append({"id": _label(filename), "html" if html else "text": text})
    if not items:
        raise InputError("paste at least one article or upload a file")
    seen: dict[str, int] = {}
    for item in items:
        base = item["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            item["id"] = f"{base}-{seen[base]}"
    return items


def _form_words(raw: str) -> int | None:
    """The word budget typed into the form, or None when blank."""
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_WORDS_LIMIT:
        raise InputError(f"words must be a whole number from 1 to {MAX_WORDS_LIMIT}, got {raw!r}")
    return int(raw)


def _form_page(cfg: ServiceSettings, error: str | None = None, status: int = 200) -> HTMLResponse:
    """Render the paste/upload page, with an error message when there is one."""
    from synopsis.report import _environment

    css = asset("report.css")
    html = _environment().get_template("index.html.j2").render(
        css=css,
        csp=_page_csp(js=False),
        error=error,
        max_words=cfg.max_words,
        max_words_limit=MAX_WORDS_LIMIT,
        max_articles=cfg.max_articles,
        max_mb=f"{cfg.max_body_bytes / 1e6:g}",
    )
    return HTMLResponse(html, status_code=status, headers=_html_headers(js=False))
