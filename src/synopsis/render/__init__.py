"""Render a `Summary`: JSON data, Markdown, plain text, or a self-contained HTML report."""

from __future__ import annotations

from synopsis.model.types import Summary
from synopsis.render.data import to_dict, to_json
from synopsis.render.html import render_report
from synopsis.render.markdown import analysis_markdown, to_markdown
from synopsis.render.text import to_text

__all__ = [
    "FORMATS",
    "analysis_markdown",
    "render",
    "render_report",
    "to_dict",
    "to_json",
    "to_markdown",
    "to_text",
]

FORMATS = ("md", "json", "text")


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
