"""Readability checks on summaries: dangling starts, fragments, near-duplicates, boilerplate.

ROUGE does not read; these checks count what a reader would trip over. They follow the linguistic
quality questions of the DUC 2005-2007 evaluations (grammaticality, non-redundancy, referential
clarity; Dang, "Overview of DUC 2005", 2005), reduced to rules that can be checked automatically.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.summarizer.features import DANGLING_STARTS, features
from synopsis.summarizer.select import promotional

KINDS = ("dangling", "fragment", "duplicate", "boilerplate")
# Two summary sentences sharing this share of the shorter one's content words repeat each other.
DUPLICATE_OVERLAP = 0.7
# Fewer words than this is a fragment, not a sentence.
MIN_SENTENCE_WORDS = 4

_FIRST = re.compile(r"[\"'“‘(]*([A-Za-z]+)")
_END = re.compile(r"[.!?]['\"”’)\]]*$")
# Structural signs of page furniture; the phrase cues are `select.promotional`, shared with the
# summarizer's own filter so that both judge alike.
_BOILERPLATE = re.compile(r"https?://|www\.|@\w|\(reuters\)$", re.IGNORECASE)


@dataclass(frozen=True)
class Violation:
    """One readability problem in one summary sentence."""

    kind: str
    index: int
    text: str


def check(sentences: Sequence[str]) -> list[Violation]:
    """Readability problems of a summary given as its sentences in order.

    Args:
        sentences: the summary's sentences.

    Returns:
        Every violation found (a sentence may have several kinds).
    """
    found: list[Violation] = []
    feats = [features(s) for s in sentences]
    for i, text in enumerate(sentences):
        stripped = text.strip()
        first = _FIRST.match(stripped)
        if first and first.group(1).lower() in DANGLING_STARTS:
            found.append(Violation("dangling", i, text))
        opener = stripped.lstrip("\"'“‘(")
        if (
            len(stripped.split()) < MIN_SENTENCE_WORDS
            or not _END.search(stripped)
            or (not opener[:1].isupper() and not opener[:1].isdigit())
            or stripped.count("(") != stripped.count(")")
        ):
            found.append(Violation("fragment", i, text))
        if _BOILERPLATE.search(stripped) or promotional(stripped):
            found.append(Violation("boilerplate", i, text))
        for j in range(i):
            a, b = feats[i].content, feats[j].content
            if a and b and len(a & b) >= DUPLICATE_OVERLAP * min(len(a), len(b)):
                found.append(Violation("duplicate", i, text))
                break
    return found


def count(summaries: Sequence[Sequence[str]]) -> dict[str, float]:
    """Violations per 100 summaries, by kind and in total.

    Args:
        summaries: each summary as its list of sentences.

    Returns:
        Kind (and "total") to violations per 100 summaries.
    """
    totals = dict.fromkeys(KINDS, 0)
    for summary in summaries:
        for violation in check(summary):
            totals[violation.kind] += 1
    scale = 100.0 / max(1, len(summaries))
    result = {kind: round(n * scale, 1) for kind, n in totals.items()}
    result["total"] = round(sum(totals.values()) * scale, 1)
    return result
