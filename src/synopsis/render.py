"""Render a `Summary` as JSON-ready data, Markdown or plain text."""

from __future__ import annotations

import json
from typing import Any

from synopsis.analyze import analysis_markdown
from synopsis.models import Analysis, Article, Summary

FORMATS = ("md", "json", "text")


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


def _numbering(summary: Summary) -> dict[str, int]:
    return {a.id: k for k, a in enumerate(summary.articles, start=1)}


def _describe(article: Article) -> str:
    parts = [article.title or article.id]
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article.published)
    return " — ".join(parts)


def _analysis_markdown(summary: Summary, number: dict[str, int]) -> str:
    if summary.analysis is None:
        return ""
    return analysis_markdown(summary.analysis, lambda aid: f"[{number.get(aid, '?')}]")


def to_markdown(summary: Summary) -> str:
    """The summary with numbered citation markers, then its sources and the analysis sections.

    Args:
        summary: a summary.

    Returns:
        Markdown text.
    """
    number = _numbering(summary)
    lines = ["# Summary", ""]
    body = []
    for sentence in summary.sentences:
        marks = "".join(f"[{number[s.article]}]" for s in sentence.sources if s.article in number)
        body.append(f"{sentence.text} {marks}".rstrip())
    lines.append(" ".join(body) if body else "_No summary could be made._")
    lines += ["", "## Sources", ""]
    for article in summary.articles:
        line = f"{number[article.id]}. {_describe(article)} ({article.words} words)"
        if article.url:
            line += f" <{article.url}>"
        lines.append(line)
    if summary.skipped:
        lines += ["", "## Skipped", ""]
        lines += [f"- {s.article}: {s.why}" for s in summary.skipped]
    extra = _analysis_markdown(summary, number)
    if extra:
        lines += ["", extra.rstrip()]
    return "\n".join(lines) + "\n"


def to_text(summary: Summary) -> str:
    """Plain text: one summary sentence a line with its source ids, then the sources."""
    number = _numbering(summary)
    lines = []
    for sentence in summary.sentences:
        ids = ", ".join(s.article for s in sentence.sources)
        lines.append(f"{sentence.text} ({ids})")
    lines += ["", "Sources:"]
    lines += [f"  {number[a.id]}. {a.id}: {_describe(a)}" for a in summary.articles]
    if summary.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.article}: {s.why}" for s in summary.skipped]
    return "\n".join(lines) + "\n"


def render(summary: Summary, fmt: str) -> str:
    """Render in one of `FORMATS`.

    Args:
        summary: a summary.
        fmt: "md", "json" or "text".

    Returns:
        The rendered text.

    Raises:
        ValueError: the format is unknown.
    """
    if fmt == "md":
        return to_markdown(summary)
    if fmt == "json":
        return to_json(summary)
    if fmt == "text":
        return to_text(summary)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
