"""A `Summary` as plain text: the headline, one sentence a line with its source ids, sources."""

from __future__ import annotations

from synopsis.model.types import Summary
from synopsis.render.markdown import describe, mode_line, numbering


def to_text(summary: Summary) -> str:
    """Plain text: the headline, one summary sentence a line with its source ids, the sources."""
    number = numbering(summary)
    headline = " ".join(summary.headline.split())
    lines = [headline, ""] if headline else []
    mode = mode_line(summary)
    if mode:
        lines += [mode, ""]
    for sentence in summary.sentences:
        ids = ", ".join(s.article for s in sentence.sources)
        lines.append(f"{sentence.text} ({ids})" if ids else sentence.text)
    lines += ["", "Sources:"]
    lines += [f"  {number[a.id]}. {a.id}: {describe(a, with_id=False)}" for a in summary.articles]
    if summary.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.article}: {s.why}" for s in summary.skipped]
    return "\n".join(lines) + "\n"
