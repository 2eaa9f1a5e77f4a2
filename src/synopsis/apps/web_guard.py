"""The service's defences against slow and stalled clients (slowloris, stalled uploads).

Three limits, each closing what the event loop would otherwise keep open for ever:

- a **header deadline**: a connection must deliver a request's complete headers within
  `header_timeout` seconds of connecting (or of its previous response); one that sends nothing,
  or half the headers, is closed (`HeaderDeadlineH11`, a uvicorn protocol). Uvicorn itself only
  times out idle keep-alive connections, and it stops that timer at the first byte.
- a **body deadline**: the whole body must arrive within `body_timeout` seconds of the headers;
  a client that stops half-way is answered 408 and its connection closed, and what it had sent
  is dropped at once (`UploadGuard`, an ASGI middleware). Without it FastAPI would hold the
  received part of a 19 MB body until the client disconnects.
- a **cap on uploads in flight**: at most `max_uploads` requests may be sending a body at
  the same time; one more is answered 503 with Retry-After straight away, before its body is
  read (uvicorn reads at most 64 KB ahead of the application, so a refused or waiting
  connection holds little memory).

Plus uvicorn's own `limit_concurrency` (connections; 503 above it) and `timeout_keep_alive`.
After a stalled upload is dropped the freed heap is handed back to the operating system
(`malloc_trim`), so the server's resident memory returns near its baseline.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import functools
import socket
from typing import Any

import anyio
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

# Seconds of keep-alive between requests on one connection (uvicorn's default is 5).
KEEP_ALIVE_SECONDS = 5
# Largest request head (request line plus headers) in bytes; real browsers send under 8 KB.
MAX_HEAD_BYTES = 32 * 1024
# Bodies of at least this many bytes are worth a malloc_trim when dropped unfinished: smaller
# ones are reused by the allocator anyway.
TRIM_AFTER_BYTES = 1_000_000


class UploadTimeout(HTTPException):
    """The request body did not arrive within its deadline (408, connection closed).

    An HTTPException so that FastAPI's body reader passes it on (it turns other exceptions
    into 400) and the service's error handler answers it in the usual JSON form.
    """

    def __init__(self, timeout: float, received: int) -> None:
        message = (
            f"the request body did not arrive within {timeout:g} s ({received} bytes came); "
            "send it faster or send less"
        )
        super().__init__(408, message, headers={"Connection": "close"})


class HeaderDeadlineH11(H11Protocol):
    """uvicorn's h11 protocol, closing connections that do not finish their headers in time.

    The deadline is a class attribute; `protocol_class` makes a subclass per setting.
    """

    header_timeout = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the clock for the first request's headers."""
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Feed uvicorn; stop the clock once a request has started, start it for the next."""
        if self._header_timer is None and self._between_requests():
            self._arm()
        super().data_received(data)
        if not self._between_requests():
            self._disarm()

    def on_response_complete(self) -> None:
        """The next request's headers get a fresh deadline (uvicorn's keep-alive runs too)."""
        super().on_response_complete()
        self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the timer with the connection."""
        self._disarm()
        super().connection_lost(exc)

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout, self._expired)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _expired(self) -> None:
        self._header_timer = None
        if self._between_requests() and not self.transport.is_closing():
            self.transport.close()


@functools.cache
def protocol_class(header_timeout: float) -> type[HeaderDeadlineH11]:
    """A `HeaderDeadlineH11` subclass with this header deadline (uvicorn takes a class)."""
    return type("HeaderDeadline", (HeaderDeadlineH11,), {"header_timeout": header_timeout})


def _declares_body(scope: Scope) -> bool:
    """True when the request will send a body (a length above 0, or chunked)."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return value.strip() not in (b"0", b"")
        if name == b"transfer-encoding":
            return True
    return False


@functools.cache
def _malloc_trim() -> Any:
    """glibc's malloc_trim, or None where there is none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    with contextlib.suppress(OSError, AttributeError):
        return ctypes.CDLL(name).malloc_trim if name else None
    return None


def release_memory() -> None:
    """Hand freed heap pages back to the operating system (glibc only; else nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


class UploadGuard:
    """ASGI middleware: a deadline on each request body and a cap on bodies in flight."""

    def __init__(self, app: ASGIApp, body_timeout: float, max_uploads: int) -> None:
        self.app = app
        self.body_timeout = body_timeout
        self.max_uploads = max_uploads
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a `receive` that enforces the body deadline."""
        if scope["type"] != "http" or not _declares_body(scope):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.max_uploads:
            await _refuse(
                503,
                "busy",
                f"{self.in_flight} uploads are in progress, the limit; retry later",
                scope,
                receive,
                send,
            )
            return
        self.in_flight += 1
        counted = True
        deadline = anyio.current_time() + self.body_timeout
        received = 0
        started = timed_out = False

        def done_uploading() -> None:
            nonlocal counted
            if counted:
                counted = False
                self.in_flight -= 1

        async def timed_receive() -> Message:
            nonlocal received, timed_out
            if not counted:  # body complete: later receives wait for a disconnect
                return await receive()
            try:
                with anyio.fail_after(max(deadline - anyio.current_time(), 0)):
                    message = await receive()
            except TimeoutError:
                timed_out = True
                raise UploadTimeout(self.body_timeout, received) from None
            received += len(message.get("body", b""))
            if message["type"] != "http.request" or not message.get("more_body", False):
                done_uploading()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, tracking_send)
        except UploadTimeout as exc:  # when no handler inside answered it
            if not started:
                await _refuse(408, "body_timeout", str(exc.detail), scope, receive, send)
        finally:
            done_uploading()
            if timed_out and received >= TRIM_AFTER_BYTES:
                release_memory()


async def _refuse(
    status: int, code: str, message: str, scope: Scope, receive: Receive, send: Send
) -> None:
    """Answer with the service's JSON error and close the connection."""
    headers = {"Connection": "close"}
    if status == 503:
        headers["Retry-After"] = "5"
    body = {"error": code, "message": message, "field": None}
    await JSONResponse(body, status_code=status, headers=headers)(scope, receive, send)


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on `host`:`port` (IPv6 when `host` is an IPv6 address).

    Raises:
        OSError: the address is taken or cannot be bound.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
        sock.set_inheritable(True)
    except OSError:
        sock.close()
        raise
    return sock


def uvicorn_options(header_timeout: float, max_connections: int) -> dict[str, Any]:
    """The uvicorn.Config options that go with these limits (shared by `serve` and the tests)."""
    return {
        "http": protocol_class(header_timeout),
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "limit_concurrency": max_connections,
    }
