"""HTTP endpoints of the story store: add articles, list stories, one story's synopsis.

`POST /v1/articles` adds articles to the store the service was started with
(``$SYNOPSIS_STORIES_DB``: a SQLite file or a ``postgresql://`` URL; without it, an in-memory
store that lasts as long as the service, so nothing is written unless asked for).
`GET /v1/stories` lists the stories; `GET /v1/stories/{id}` returns one story's listing with its
synopsis, computed by the service's summarizer workers under the same deadline as
`/v1/summarize`. Same body limit, article limit and error shape as the other endpoints. The
client never names a server file: the store location is server configuration.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from synopsis.apps.web import (
    _ERRORS,
    MAX_WORDS_LIMIT,
    ArticleIn,
    ErrorOut,
    ServiceSettings,
    SummarizeRequest,
    _check_request,
    _error_json,
)
from synopsis.model.errors import InputError
from synopsis.stories.store import AddResult, StoryInfo, StoryStore
from synopsis.text.dates import normalize_date

ENV_STORE = "SYNOPSIS_STORIES_DB"
DEFAULT_STORE = ":memory:"


class ArticlesIn(BaseModel):
    """Articles to add to the story store."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


class AddedOut(BaseModel):
    """What happened to one article: added to a story, a duplicate, or skipped (and why)."""

    id: str
    status: str
    story: int | None
    new_story: bool
    why: str


class StoryOut(BaseModel):
    """One story as listed."""

    id: int
    headline: str
    articles: list[str]
    outlets: list[str]
    first: str | None
    last: str | None


def _story_json(info: StoryInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "headline": info.headline,
        "articles": list(info.articles),
        "outlets": list(info.outlets),
        "first": info.first,
        "last": info.last,
    }


def _added_json(r: AddResult) -> dict[str, Any]:
    return {"id": r.id, "status": r.status, "story": r.story, "new_story": r.new_story,
            "why": r.why}  # fmt: skip


class _SharedStore:
    """One store per service process, used by one request at a time."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.lock = threading.Lock()
        self.store: StoryStore | None = None

    def get(self) -> StoryStore:
        if self.store is None:
            self.store = StoryStore(self.where, threads=True)
        return self.store


def stories_router(settings: ServiceSettings, where: str | None = None) -> APIRouter:
    """Build the story endpoints.

    Args:
        settings: the service's limits (articles per request, deadline, default words).
        where: the store (SQLite path or postgresql:// URL); default $SYNOPSIS_STORIES_DB, else
            an in-memory store.

    Returns:
        The router, for `app.include_router`.
    """
    shared = _SharedStore(where or os.environ.get(ENV_STORE) or DEFAULT_STORE)
    router = APIRouter()

    def add(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from synopsis.ingest.requests import request_articles

        usable, skipped = request_articles(articles)
        with shared.lock:
            results = [_added_json(r) for r in shared.get().add(usable)]
        results += [
            {
                "id": s.article,
                "status": "skipped",
                "story": None,
                "new_story": False,
                "why": s.why,
            }
            for s in skipped
        ]
        return results

    @router.post("/v1/articles", response_model=list[AddedOut], responses=_ERRORS)
    async def add_articles(req: ArticlesIn) -> JSONResponse:
        """Add articles to the store; each joins its story or starts one."""
        _check_request(SummarizeRequest(articles=req.articles), settings)
        items = [a.model_dump() for a in req.articles]
        return JSONResponse(await run_in_threadpool(add, items))

    def listing(since: str | None, min_articles: int) -> list[dict[str, Any]]:
        with shared.lock:
            infos = shared.get().stories()
        return [
            _story_json(s)
            for s in infos
            if len(s.articles) >= min_articles and (since is None or (s.last or "") >= since)
        ]

    @router.get("/v1/stories", response_model=list[StoryOut], responses=_ERRORS)
    async def list_stories(
        since: str | None = None, min_articles: int = Query(default=1, ge=1)
    ) -> JSONResponse:
        """The stories, biggest and newest first."""
        if since is not None:
            day = normalize_date(since)
            if day is None:
                return _error_json(422, "invalid_field", f"since: {since!r} is not a date", "since")
            since = day
        return JSONResponse(await run_in_threadpool(listing, since, min_articles))

    def one(story_id: int) -> tuple[StoryInfo, list[dict[str, Any]]]:
        with shared.lock:
            info, articles = shared.get().story(story_id)
        items = [
            {
                "id": a.id,
                "text": a.text,
                "html": None,
                "title": a.title,
                "url": a.url,
                "published": a.published,
                "outlet": a.outlet,
            }
            for a in articles[: settings.max_articles]
        ]
        return info, items

    not_found: dict[int | str, dict[str, Any]] = {
        404: {
            "description": "No such story.",
            "content": {"application/json": {"schema": ErrorOut.model_json_schema()}},
        }
    }

    @router.get("/v1/stories/{story_id}", responses={**_ERRORS, **not_found})
    async def get_story(request: Request, story_id: int, words: int | None = None) -> JSONResponse:
        """One story: its listing and its synopsis (the JSON of `/v1/summarize`)."""
        if words is not None and not 1 <= words <= MAX_WORDS_LIMIT:
            return _error_json(
                422, "invalid_field", f"words: must be from 1 to {MAX_WORDS_LIMIT}", "words"
            )
        try:
            info, items = await run_in_threadpool(one, story_id)
        except InputError as exc:
            return _error_json(404, "not_found", str(exc), "story_id")
        pool = request.app.state.pool
        summary = await pool.run(
            ("json", items, words or settings.max_words), settings.request_timeout
        )
        return JSONResponse({**_story_json(info), "summary": summary})

    return router
