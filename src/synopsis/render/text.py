"""A `Summary` as plain text: one sentence a line with its source ids, then the sources."""

from __future__ import annotations

from synopsis.model.types import Summary
from synopsis.render.markdown import describe, numbering


def to_text(summary: Summary) -> str:
    """Plain text: one summary sentence a line with its source ids, then the sources."""
    number = numbering(summary)
    lines = []
    for sentence in summary.sentences:
        ids = ", ".join(s.article for s in sentence.sources)
        lines.append(f"{sentence.text} ({ids})")
    lines += ["", "Sources:"]
    lines += [f"  {number[a.id]}. {a.id}: {describe(a)}" for a in summary.articles]
    if summary.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.article}: {s.why}" for s in summary.skipped]
    return "\n".join(lines) + "\n"
