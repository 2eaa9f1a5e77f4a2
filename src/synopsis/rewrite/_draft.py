"""Where a summary sentence came from, where source offsets sit in its current text, whether an
offset lies inside a quotation, and whether a mention is a dateline's wire credit."""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.model.aligned import Copied, Draft, Inserted, Segment


def origin(segments: Sequence[Segment]) -> Copied | None:
    """The span of the source article a sentence was copied from.

    Args:
        segments: the sentence's segments.

    Returns:
        The article and the smallest span holding every copied or replaced range, or None
        when the sentence has no segments.
    """
    spans = [s.replaces if isinstance(s, Inserted) else s for s in segments]
    if not spans:
        return None
    article = spans[0].article
    mine = [s for s in spans if s.article == article]
    return Copied(article, min(s.start for s in mine), max(s.end for s in mine))


def current_position(draft: Draft, article: str, start: int, end: int) -> int | None:
    """Where ``article[start:end]`` sits in the draft's text, if it is copied there unedited.

    Args:
        draft: the sentence being edited.
        article: the article id.
        start: start of the span in the article's text.
        end: end of the span.

    Returns:
        The span's start in ``draft.text``, or None when no single copied piece holds the span.
    """
    pos = 0
    for piece in draft.pieces:
        if isinstance(piece, Inserted):
            pos += len(piece.text)
            continue
        if piece.article == article and piece.start <= start and end <= piece.end:
            return pos + start - piece.start
        pos += piece.end - piece.start
    return None


def source_span(draft: Draft, start: int, end: int) -> Copied | None:
    """The article span copied at ``draft.text[start:end]``, if one copied piece holds it.

    Args:
        draft: the sentence being edited.
        start: start in the current text.
        end: end in the current text.

    Returns:
        The copied span, or None when the range touches inserted text or crosses pieces.
    """
    pos = 0
    for piece in draft.pieces:
        if isinstance(piece, Inserted):
            pos += len(piece.text)
            continue
        n = piece.end - piece.start
        if pos <= start and end <= pos + n:
            return Copied(piece.article, piece.start + start - pos, piece.start + end - pos)
        pos += n
    return None


def wire_credit(source: str, start: int, end: int) -> bool:
    """Whether source[start:end] is a dateline's wire credit ("PORTLAND, Ore. (AP) -- "): the
    outlet, never what "The company" of the story stands for (DUC 2007 D0718 read "AP will
    discontinue its Infusia brand", where the article's company is Starbucks)."""
    line = source.rfind("\n", 0, start) + 1
    return source[start - 1 : start] == "(" and source[end : end + 1] == ")" and start - line < 40
