"""Sparse term vectors: the cosine that stages comparing texts by their weighted words share.

A vector is a mapping of term to weight (tf-idf of stems, as `synopsis.clean.digest` and
`synopsis.summarizer.offstory` build them); the cosine is that of the vector-space model of
Salton, Wong and Yang ("A vector space model for automatic indexing", CACM 1975).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["cosine"]


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two sparse vectors.

    Args:
        a: term to weight.
        b: term to weight.

    Returns:
        Their dot product over the product of their lengths (0 when either is empty or zero);
        summed exactly (`math.fsum`), so the result does not depend on the mappings' order.
    """
    if len(b) < len(a):
        a, b = b, a
    dot = math.fsum(v * b.get(t, 0.0) for t, v in a.items())
    norm = math.sqrt(math.fsum(v * v for v in a.values())) * math.sqrt(
        math.fsum(v * v for v in b.values())
    )
    return dot / norm if norm else 0.0
