"""Rendering: golden files for Markdown, JSON and text."""

from __future__ import annotations

import json

import pytest

from synopsis.model.aligned import Copied
from synopsis.model.types import Article, Skipped, Source, Summary, SummarySentence
from synopsis.render import render, to_dict

from .conftest import check_golden

A = Article(
    id="wire",
    text="A ship hit the bridge. It closed.",
    title="Ship hits bridge",
    outlet="Alder Wire",
    published="2026-03-03",
    url="https://example.org/ship",
)
B = Article(id="local", text="Officials said a ship hit the bridge.", outlet="Port Daily")
SUMMARY = Summary(
    sentences=(
        SummarySentence(
            text="A ship hit the bridge.",
            sources=(Source("wire", 0, 22), Source("local", 15, 37)),
            segments=(Copied("wire", 0, 22),),
        ),
    ),
    articles=(A, B),
    skipped=(Skipped(article="photo", why="binary file (image/jpeg?)"),),
    max_words=10,
)


@pytest.mark.parametrize("fmt", ["md", "json", "text"])
def test_golden(fmt: str) -> None:
    check_golden(f"summary.{fmt}", render(SUMMARY, fmt))


def test_json_keys_are_stable() -> None:
    data = json.loads(render(SUMMARY, "json"))
    assert list(data)[:5] == ["headline", "summary", "sentences", "articles", "skipped"]
    assert data["sentences"][0]["sources"][1] == {"article": "local", "start": 15, "end": 37}
    assert data["articles"][0] == {
        "id": "wire",
        "title": "Ship hits bridge",
        "outlet": "Alder Wire",
        "url": "https://example.org/ship",
        "published": "2026-03-03",
        "words": 7,
    }
    assert to_dict(SUMMARY)["skipped"] == [{"article": "photo", "why": "binary file (image/jpeg?)"}]


def test_unknown_format_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(SUMMARY, "pdf")
