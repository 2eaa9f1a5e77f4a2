"""Story endpoints of the HTTP service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from synopsis.apps.stories_web import stories_router
from synopsis.apps.web import ServiceSettings, create_app

from ..test_web import fake_summarize
from ._fixtures import articles


def _body(n: int | None = None) -> dict[str, object]:
    arts = articles()[:n] if n else articles()
    return {
        "articles": [
            {"id": a.id, "text": a.text, "published": a.published, "outlet": a.outlet} for a in arts
        ]
    }


@pytest.fixture()
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("SYNOPSIS_STORIES_DB", str(tmp_path / "web.db"))
    settings = ServiceSettings(workers=1, max_articles=7, summarize_fn=fake_summarize)
    with TestClient(create_app(settings)) as c:
        yield c


def test_posted_articles_join_stories_and_duplicates_are_reported(client: TestClient) -> None:
    r = client.post("/v1/articles", json=_body())
    assert r.status_code == 200, r.text
    assert [a["status"] for a in r.json()] == ["added"] * 7
    again = client.post("/v1/articles", json=_body(2))
    assert [a["status"] for a in again.json()] == ["duplicate", "duplicate"]
    listed = client.get("/v1/stories").json()
    assert listed[0]["articles"] == ["bridge-1", "bridge-2", "bridge-3"]
    assert client.get("/v1/stories", params={"min_articles": 3}).json() == listed[:1]


def test_one_story_comes_with_its_summary(client: TestClient) -> None:
    client.post("/v1/articles", json=_body())
    story_id = client.get("/v1/stories").json()[0]["id"]
    r = client.get(f"/v1/stories/{story_id}")
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["articles"] == ["bridge-1", "bridge-2", "bridge-3"]
    assert "summary" in data


def test_unknown_story_is_404_in_the_error_shape(client: TestClient) -> None:
    r = client.get("/v1/stories/42")
    assert r.status_code == 404
    assert r.json()["error"] == "not_found"
    assert "story 42: no such story" in r.json()["message"]


def test_too_many_articles_is_422_naming_the_field(client: TestClient) -> None:
    body = _body()
    body["articles"] = [*body["articles"], {"id": "x", "text": "one more"}]  # type: ignore[misc]
    r = client.post("/v1/articles", json=body)
    assert r.status_code == 422
    assert r.json()["field"] == "articles"


def test_the_router_can_be_mounted_on_its_own_app(tmp_path: Path) -> None:
    app = FastAPI()
    app.include_router(stories_router(ServiceSettings(), str(tmp_path / "own.db")))
    with TestClient(app) as c:
        assert c.get("/v1/stories").json() == []


def test_a_since_that_is_not_a_date_is_422_naming_the_field(client: TestClient) -> None:
    r = client.get("/v1/stories", params={"since": "soon"})
    assert r.status_code == 422
    assert r.json()["field"] == "since"
    ok = client.get("/v1/stories", params={"since": "2024-03-07"})
    assert ok.status_code == 200
