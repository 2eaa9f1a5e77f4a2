"""A `Summary` as JSON-ready data and JSON text (the keys README's "JSON output" documents)."""

from __future__ import annotations

import json
from typing import Any

from synopsis.model.types import Analysis, Article, Summary


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "words": article.words,
    }


def _analysis_dict(analysis: Analysis | None) -> dict[str, Any]:
    if analysis is None:
        return {"entities": [], "numbers": [], "timeline": []}
    return {
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "variants": list(e.variants),
                "articles": list(e.articles),
                "mentions": e.mentions,
            }
            for e in analysis.entities
        ],
        "numbers": [
            {
                "about": g.about,
                "status": g.status,
                "values": [
                    {
                        "value": v.value,
                        "normalized": list(v.normalized)
                        if isinstance(v.normalized, tuple)
                        else v.normalized,
                        "unit": v.unit,
                        "article": v.article,
                        "start": v.start,
                        "end": v.end,
                        "text": v.text,
                    }
                    for v in g.values
                ],
            }
            for g in analysis.numbers
        ],
        "timeline": [
            {
                "date": t.date,
                "text": t.text,
                "sources": [
                    {"article": s.article, "start": s.start, "end": s.end} for s in t.sources
                ],
            }
            for t in analysis.timeline
        ],
    }


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON structure of `synopsis summarize --format json`.

    Args:
        summary: a summary.

    Returns:
        A dict of plain JSON types with keys summary, sentences, articles, skipped, entities,
        numbers and timeline.
    """
    return {
        "summary": summary.text,
        "sentences": [
            {
                "text": s.text,
                "sources": [
                    {"article": src.article, "start": src.start, "end": src.end}
                    for src in s.sources
                ],
            }
            for s in summary.sentences
        ],
        "articles": [_article_dict(a) for a in summary.articles],
        "skipped": [{"article": s.article, "why": s.why} for s in summary.skipped],
        **_analysis_dict(summary.analysis),
    }


def to_json(summary: Summary) -> str:
    """The summary as pretty-printed JSON text."""
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"
