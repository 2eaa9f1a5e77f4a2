"""Sentence representations: stemmed tokens, content words and bigram concepts.

Concepts follow Gillick & Favre, "A Scalable Global Model for Summarization" (ILP workshop, NAACL
2009): stemmed word bigrams, leaving out those made only of stopwords.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from synopsis.text import STOPWORDS, stem, words
from synopsis.text.background import default_background

__all__ = ["DANGLING_STARTS", "Features", "features", "near_duplicates", "repetition"]

# First words that refer back to an earlier sentence (pronouns, demonstratives, connectives): a
# summary sentence that starts with one needs its antecedent right before it.
DANGLING_STARTS = frozenset(
    """
    he she it they them his her its their this these those that such but however and also so yet
    meanwhile still then thus instead moreover furthermore nevertheless nonetheless or nor
    likewise similarly otherwise therefore
    """.split()
)


# Two sentences sharing fewer content stems than this never repeat each other: a short sentence
# sharing a name and a verb with a long one ("Melquan was their firstborn") would otherwise score
# high on weight alone (set while reading the pairs of benchmarks/redundancy_pairs.py).
REPEAT_MIN_SHARED = 4


@dataclass(frozen=True)
class Features:
    """What the scorers see of one sentence."""

    stems: tuple[str, ...]
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]


def features(text: str) -> Features:
    """Stems, content stems and bigram concepts of a text.

    Args:
        text: a sentence.

    Returns:
        Its features.
    """
    toks = words(text)
    stems = tuple(stem(w) for w in toks)
    stop = [w in STOPWORDS or (w.isdigit() and len(w) == 1) for w in toks]
    content = frozenset(s for s, is_stop in zip(stems, stop, strict=True) if not is_stop)
    bigrams = frozenset(
        (stems[i], stems[i + 1]) for i in range(len(stems) - 1) if not (stop[i] and stop[i + 1])
    )
    return Features(stems=stems, content=content, bigrams=bigrams)


def near_duplicates(first: frozenset[str], second: frozenset[str], share: float) -> bool:
    """Whether two sentences share at least `share` of the smaller one's content stems.

    Args:
        first: one sentence's content stems (`Features.content`).
        second: the other's.
        share: the share of the smaller set's stems both must hold (at least one stem).

    Returns:
        True for near-duplicates (wire copy reprinted, a filing's sentence filed again).
    """
    shared = len(first & second)
    return shared > 0 and shared >= share * max(1, min(len(first), len(second)))


def repetition(first: frozenset[str], second: frozenset[str]) -> float:
    """How much of one sentence another repeats: the IDF-weighted share of the lighter sentence's
    content stems that the other also holds (IDF from `synopsis.text.background`).

    Args:
        first: one sentence's content stems (`Features.content`).
        second: the other's.

    Returns:
        A share in [0, 1]; 0 when they share fewer than REPEAT_MIN_SHARED stems.
    """
    shared = first & second
    if len(shared) < REPEAT_MIN_SHARED:
        return 0.0
    bg = default_background()
    lighter = min(math.fsum(bg.idf(t) for t in first), math.fsum(bg.idf(t) for t in second))
    return min(1.0, math.fsum(bg.idf(t) for t in shared) / lighter) if lighter > 0 else 0.0
