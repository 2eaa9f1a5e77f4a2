"""HTTP service: summarize a story or render its report over HTTP (FastAPI + uvicorn).

Summaries are computed in worker processes (`synopsis.apps.web_pool`, which explains why processes
and not threads), each request under one deadline. Request bodies are limited in an ASGI
middleware: a Content-Length over `max_body_bytes` is refused before anything is read, and a
chunked body is counted as it streams in and refused as soon as it passes the limit, so an
oversized body is never held in memory; slow and stalled clients are cut off by the deadlines
and the upload cap of `synopsis.apps.web_guard`. Errors are JSON `{"error", "message",
"field"}` naming the field at fault. No endpoint reads or writes server files named by the
client; uploads are read from the request only. The service binds to loopback unless told otherwise.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from synopsis.apps.form_page import render_form_page
from synopsis.apps.web_guard import UploadGuard
from synopsis.apps.web_pool import (
    WORKER_START_SECONDS,
    FieldLimitError,
    ServiceError,
    SummarizeFn,
    WorkerPool,
)
from synopsis.ingest.articles import decode_input
from synopsis.ingest.ids import first_duplicate, unique_ids
from synopsis.model.config import MAX_FOCUS_CHARS
from synopsis.model.errors import ConfigError, InputError, SynopsisError
from synopsis.render.html import page_csp
from synopsis.render.schema import SummaryJSON

# Largest summary a client may ask for; a 1000-word "summary" is already a long article.
MAX_WORDS_LIMIT = 1000
# Field length caps for article metadata (characters); generous for real titles and URLs.
MAX_ID_CHARS = 200
MAX_META_CHARS = 2000
# Seconds a client is told to wait before retrying when every worker is busy.
RETRY_AFTER_SECONDS = 5
# Lines of three or more hyphens separate articles pasted into the form on "/".
_PASTE_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.M)
_ASCII_WHOLE = re.compile(r"[0-9]{1,6}")
_HTML_SNIFF = re.compile(r"\A\s*(<!doctype\s+html|<html)", re.I)

# Where the Swagger UI assets are served from (no CDN: the docs work offline).
DOCS_STATIC = "/docs-static"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and pool size of the HTTP service.

    Fields: max_body_bytes (413 above it), max_articles per request (422 above it),
    request_timeout in seconds (504 after it), max_words when a request gives no "words",
    workers (summarizer processes), max_pending (requests waiting for a worker before 503),
    header_timeout and body_timeout in seconds (connection closed / 408 after them),
    max_uploads (request bodies being received at once; 503 above it), max_connections,
    summarize_fn (a module-level, picklable stand-in for `synopsis.pipeline.summarize`, for
    tests; None means the real pipeline).
    """

    max_body_bytes: int = 20_000_000
    max_articles: int = 500
    request_timeout: float = 30.0
    max_words: int = 100
    workers: int = 2
    # 64 waiting requests at ~0.5 s each is about half a minute of queue on 2 workers: roughly
    # the default request_timeout, beyond which a waiting request would time out anyway.
    max_pending: int = 64
    summarize_fn: SummarizeFn | None = None
    # Slow clients (synopsis.apps.web_guard). 10 s for a request head is generous for any real
    # client; 30 s for a body lets a full 20 MB upload through at 700 KB/s (the request_timeout
    # already allows 30 s per request); 8 uploads in flight bound the memory held by bodies being
    # received to 8 x max_body_bytes.
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    max_uploads: int = 8
    # Open connections (uvicorn's limit_concurrency; 503 above it).
    max_connections: int = 200

    def __post_init__(self) -> None:
        for name, lo, hi in (
            ("max_body_bytes", 1, 10**10),
            ("max_articles", 1, 100_000),
            ("request_timeout", 0.01, 3600),
            ("max_words", 1, MAX_WORDS_LIMIT),
            ("workers", 1, 256),
            ("max_pending", 0, 100_000),
            ("header_timeout", 0.01, 3600),
            ("body_timeout", 0.01, 3600),
            ("max_uploads", 1, 10_000),
            ("max_connections", 1, 100_000),
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
    # strict: JSON true/false or 5.0 is not a word count (pydantic would take true as 1)
    words: int | None = Field(default=None, ge=1, le=MAX_WORDS_LIMIT, strict=True)
    # a question the summary should answer (focus mode; a DUC-style topic title and narrative)
    focus: str | None = Field(default=None, min_length=1, max_length=MAX_FOCUS_CHARS)
    # summarize an article that shares almost no words with the others too (by default it is set
    # aside, with its reason, among the skipped inputs)
    keep_off_story: bool = Field(default=False, strict=True)


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
    code: {
        "description": text,
        "content": {"application/json": {"schema": ErrorOut.model_json_schema()}},
    }
    for code, text in (
        (400, "Malformed JSON."),
        (408, "The body did not arrive within the body deadline."),
        (413, "Body larger than the limit."),
        (422, "Wrong schema, too many articles, or no usable article text."),
        (503, "Every worker is busy, or too many uploads are in progress; retry later."),
        (504, "The request exceeded its time limit."),
    )
}


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
    """Enforce the limits that depend on settings; raise FieldLimitError naming the field."""
    if len(req.articles) > settings.max_articles:
        raise FieldLimitError(
            f"articles: {len(req.articles)} articles is over the limit of "
            f"{settings.max_articles}; send fewer",
            "articles",
        )
    i = first_duplicate(a.id for a in req.articles)
    if i is not None:
        raise FieldLimitError(
            f"articles.{i}.id: duplicate article id {req.articles[i].id!r}; ids must be unique",
            f"articles.{i}.id",
        )


def _html_headers(js: bool) -> dict[str, str]:
    """Security headers for an HTML response (frame-ancestors only works as a header)."""
    return {
        "Content-Security-Policy": page_csp(js) + "; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def _add_offline_docs(app: FastAPI) -> None:
    """Serve Swagger UI at /docs from the `swagger-ui-bundle` package instead of a CDN."""
    import swagger_ui_bundle

    app.mount(
        DOCS_STATIC, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-static"
    )

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="Synopsis API",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_STATIC}/favicon-32x32.png",
        )


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
        docs_url=None,
        redoc_url=None,
    )
    _add_offline_docs(app)
    app.state.settings = cfg
    app.state.pool = pool
    app.add_middleware(UploadGuard, body_timeout=cfg.body_timeout, max_uploads=cfg.max_uploads)
    app.add_middleware(BodyLimitMiddleware, max_bytes=cfg.max_body_bytes)
    _add_error_handlers(app)

    async def run(kind: Literal["json", "html"], req: SummarizeRequest) -> Any:
        _check_request(req, cfg)
        items = [a.model_dump() for a in req.articles]
        job = (kind, items, req.words or cfg.max_words, req.focus, req.keep_off_story)
        return await pool.run(job, cfg.request_timeout)

    @app.post("/v1/summarize", response_model=SummaryJSON, responses=_ERRORS)
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
        uploads = [
            (f.filename or "upload", await f.read())
            for f in form.getlist("files")
            if not isinstance(f, str)
        ]
        words_raw = form.get("words")
        try:
            items = form_articles(pasted if isinstance(pasted, str) else "", uploads)
            words = _form_words(words_raw if isinstance(words_raw, str) else "")
            req = SummarizeRequest.model_validate({"articles": items, "words": words})
            html = await run("html", req)
        except SynopsisError as exc:
            return _form_page(cfg, str(exc), status=422)
        except ServiceError as exc:
            return _form_page(cfg, str(exc), status=exc.status)
        return HTMLResponse(html, headers=_html_headers(js=True))

    from synopsis.apps.stories_web import stories_router  # here: it imports this module

    app.include_router(stories_router(cfg))
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
        codes = {404: "not_found", 405: "method_not_allowed", 408: "body_timeout"}
        codes[413] = "body_too_large"
        response = _error_json(
            exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail)
        )
        response.headers.update(exc.headers or {})  # e.g. Connection: close after a 408
        return response

    async def service_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceError)
        return _error_json(exc.status, exc.code, str(exc), exc.field)

    async def input_error(_: Request, exc: Exception) -> Response:
        return _error_json(422, "unusable_input", str(exc), "articles")

    async def unexpected(_: Request, exc: Exception) -> Response:
        # a bug, not the client's fault: still JSON and one line, never a plain-text page
        _log.error("unexpected %s: %s", type(exc).__name__, exc)
        return _error_json(500, "internal_error", f"internal error ({type(exc).__name__})")

    handlers: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
        RequestValidationError: validation,
        StarletteHTTPException: http_error,
        ServiceError: service_error,
        SynopsisError: input_error,
        Exception: unexpected,
    }
    for cls, handler in handlers.items():
        app.add_exception_handler(cls, handler)


# ---------------------------------------------------------------------------------------------
# The form page on "/"


def _decode(data: bytes) -> str:
    """Decode uploaded bytes like files (`synopsis.ingest.articles.decode_input`)."""
    return decode_input(data) or data.decode("latin-1")


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
    for item, aid in zip(items, unique_ids(i["id"] for i in items), strict=True):
        item["id"] = aid
    return items


def _form_words(raw: str) -> int | None:
    """The word budget typed into the form, or None when blank."""
    raw = raw.strip()
    if not raw:
        return None
    # ASCII digits only: str.isdigit() accepts "²", which int() then refuses
    if not _ASCII_WHOLE.fullmatch(raw) or not 1 <= int(raw) <= MAX_WORDS_LIMIT:
        raise InputError(f"words must be a whole number from 1 to {MAX_WORDS_LIMIT}, got {raw!r}")
    return int(raw)


def _form_page(cfg: ServiceSettings, error: str | None = None, status: int = 200) -> HTMLResponse:
    """The paste/upload page, with an error message when there is one."""
    html = render_form_page(
        error=error,
        max_words=cfg.max_words,
        max_words_limit=MAX_WORDS_LIMIT,
        max_articles=cfg.max_articles,
        max_bytes=cfg.max_body_bytes,
    )
    return HTMLResponse(html, status_code=status, headers=_html_headers(js=False))
