"""Where a sentence quotes its speaker: shared by the stages that must not edit quoted words."""

from __future__ import annotations

__all__ = ["quoted"]


def quoted(text: str, at: int) -> bool:
    """Whether offset `at` of a sentence lies inside a quotation.

    A name or a date inside quotation marks is the speaker's own word: writing it in full,
    shortening it, writing a weekday out as a date or deleting a bracketed word would misquote.
    Curly quotes open and close, as do the typewriter pairs ``...'' of wire copy; a straight
    double quote toggles.

    Args:
        text: the sentence.
        at: an offset into it.

    Returns:
        True when a quotation is open at `at`.
    """
    depth = 0
    for ch in text[:at].replace("``", "“").replace("''", "”"):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth > 0
