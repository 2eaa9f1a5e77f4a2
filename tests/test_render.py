"""Rendering: golden files for Markdown, JSON and text."""

from __future__ import annotations

import json

import pytest

from synopsis.model.aligned import Copied
from synopsis.model.types import Article, Skipped, Source, Summary, SummarySentence
from synopsis.render import render, render_report, to_dict

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


def test_untitled_article_is_named_by_its_opening_words_in_every_format() -> None:
    long_text = (
        "The Islamic State has suffered two major defeats along the Euphrates River Valley "
        "over the past 24 hours."
    )
    untitled = Article(id="000_a72bc7ee66966df7", text=long_text)
    summary = Summary(sentences=(), articles=(untitled,), max_words=10)
    opening = "“The Islamic State has suffered two major defeats along the…”"
    assert f"1. {opening} — 000_a72bc7ee66966df7 (18 words)" in render(summary, "md")
    assert f"1. 000_a72bc7ee66966df7: {opening}\n" in render(summary, "text")
    report = render_report(summary)
    assert f'<span class="title">{opening}</span> <span class="url">000_a72bc7ee66966df7' in report
