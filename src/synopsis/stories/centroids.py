"""Story centroids as arrays of term ids and weights, scored against articles in bulk.

The online clusterer (`synopsis.stories.cluster`) compares each article with about 30 candidate
stories, and a store of 15,000 articles holds about 850,000 centroid weights. Kept as one Python
dict per story and field, the dot products took a sixth of the time of adding 1,000 articles to
such a store (`python benchmarks/stories_eval.py speed --store`; each probes a large dict 80
times), and building the dicts from the store's snapshot and writing them back a tenth. Here
a story's centroid for one field is two arrays, the ids of its terms (from the clusterer's
`Vocabulary`) in increasing order and their weights, so a snapshot stores and restores them as
they are, and the dot products of one article with all candidates are a handful of NumPy
operations (`Vocabulary.dots`).

Results are bit-identical to the dict arithmetic (`features.dot`): a dot product is summed by
Python's `sum` over the article's terms in the vector's order, each term's product being the
article weight times the centroid weight. The dict version also added a 0.0 for each term the
centroid lacks; adding 0.0 leaves a sum (plain or, from Python 3.12, compensated) unchanged,
so those terms are skipped. Adding an article to a centroid adds each weight to the stored one
exactly as the dict update did.

The module also keeps the clusterer's key-term index (posting lists as arrays, `post`,
`ranked_stories`) and packs vectors for the store's placement log (`packed_vectors`).
"""

from __future__ import annotations

import base64
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "Centroid",
    "StoryState",
    "TermVector",
    "Vocabulary",
    "packed_vectors",
    "post",
    "ranked_stories",
    "unpacked_vectors",
]

IdArray = npt.NDArray[np.intp]
WeightArray = npt.NDArray[np.float64]


class TermVector:
    """An article's sparse sub-vector: term ids and weights, in the vector's own term order."""

    __slots__ = ("ids", "weights")

    def __init__(self, ids: IdArray, weights: WeightArray) -> None:
        """Wrap parallel arrays (ids distinct)."""
        self.ids = ids
        self.weights = weights


class Centroid:
    """A story's centroid for one field: term ids in increasing order and their weights."""

    __slots__ = ("ids", "weights")

    def __init__(self, ids: IdArray | None = None, weights: WeightArray | None = None) -> None:
        """Wrap parallel arrays (ids increasing); an empty centroid when none are given."""
        self.ids: IdArray = np.zeros(0, dtype=np.intp) if ids is None else ids
        self.weights: WeightArray = np.zeros(0, dtype=np.float64) if weights is None else weights

    def add(self, vector: TermVector) -> float:
        """Add an article's sub-vector to the centroid.

        Args:
            vector: the article's sub-vector.

        Returns:
            The dot product of the vector with the centroid as it was before the addition.
        """
        ids, weights = self.ids, self.weights
        if not len(ids):  # a new story (or a field no member had terms in): no shared terms
            order = np.argsort(vector.ids)
            self.ids, self.weights = vector.ids[order], vector.weights[order]
            return 0.0
        at = np.searchsorted(ids, vector.ids)
        np.minimum(at, len(ids) - 1, out=at)
        present = ids[at] == vector.ids
        shared = at[present]
        before = sum((vector.weights[present] * weights[shared]).tolist())
        weights[shared] += vector.weights[present]
        if not present.all():
            absent = ~present
            merged = np.concatenate((ids, vector.ids[absent]))
            order = np.argsort(merged, kind="stable")
            self.ids = merged[order]
            self.weights = np.concatenate((weights, vector.weights[absent]))[order]
        return float(before)

    def as_dict(self, terms: Sequence[str]) -> dict[str, float]:
        """The centroid as a term -> weight dict (`terms` is the vocabulary's term list)."""
        keys = map(terms.__getitem__, self.ids.tolist())
        return dict(zip(keys, self.weights.tolist(), strict=True))


@dataclass
class StoryState:
    """One story as the clusterer keeps it: per-field centroids (sums of the members' unit
    vectors) and their squared norms, its size, and its first and last publication days."""

    centroids: dict[str, Centroid]
    norms2: dict[str, float]
    size: int
    first: int | None
    last: int | None

    def to_json(self, terms: Sequence[str]) -> list[Any]:
        """The story as JSON-compatible data (`terms`: the vocabulary's term list)."""
        centroids = {f: c.as_dict(terms) for f, c in self.centroids.items()}
        return [centroids, self.norms2, self.size, self.first, self.last]

    @classmethod
    def from_json(cls, data: Sequence[Any], vocabulary: Vocabulary) -> StoryState:
        """Rebuild a story from `to_json` data (its terms get ids in `vocabulary`)."""
        centroids, norms2, size, first, last = data
        return cls(
            {f: vocabulary.centroid(c) for f, c in centroids.items()}, norms2, size, first, last
        )


class Vocabulary:
    """Term strings and their ids, in order of first use.

    It also keeps a scratch array over the ids, telling for each term its position in the
    article vector being scored (-1 when absent), which `dots` fills and clears on each call.
    """

    def __init__(self, terms: Iterable[str] = ()) -> None:
        """Start with the given terms (ids 0, 1, ...).

        Raises:
            ValueError: a term is given twice.
        """
        self.terms: list[str] = list(terms)
        self.ids: dict[str, int] = {t: i for i, t in enumerate(self.terms)}
        if len(self.ids) != len(self.terms):
            raise ValueError("a term appears twice in the vocabulary")
        self._positions: IdArray = np.full(len(self.terms), -1, dtype=np.intp)

    def __len__(self) -> int:
        return len(self.terms)

    def vector(self, weights: Mapping[str, float]) -> TermVector:
        """Turn a term -> weight dict into a `TermVector`, giving new terms the next ids.

        Args:
            weights: a sparse vector (for example, one field of `OnlineClusterer.vectors`).

        Returns:
            The same vector, in the same term order.
        """
        ids, terms = self.ids, self.terms
        for term in weights:
            if term not in ids:
                ids[term] = len(terms)
                terms.append(term)
        return TermVector(
            np.fromiter(map(ids.__getitem__, weights), dtype=np.intp, count=len(weights)),
            np.fromiter(weights.values(), dtype=np.float64, count=len(weights)),
        )

    def centroid(self, weights: Mapping[str, float]) -> Centroid:
        """Turn a term -> weight dict into a `Centroid` (terms put in id order)."""
        vector = self.vector(weights)
        order = np.argsort(vector.ids)
        return Centroid(vector.ids[order], vector.weights[order])

    def dots(self, vector: TermVector, centroids: Sequence[Centroid]) -> list[float]:
        """Dot products of one article sub-vector with several centroids.

        Each is summed over the vector's terms in its order, like `features.dot`.

        Args:
            vector: the article's sub-vector (every id from this vocabulary).
            centroids: the centroids to score.

        Returns:
            One dot product per centroid, in order.
        """
        size = len(vector.ids)
        if not size or not centroids:
            return [0.0] * len(centroids)
        if len(self._positions) < len(self.terms):
            grown = np.full(2 * len(self.terms), -1, dtype=np.intp)
            grown[: len(self._positions)] = self._positions
            self._positions = grown
        positions = self._positions
        ids = [c.ids for c in centroids]
        positions[vector.ids] = np.arange(size)
        try:
            where = positions[np.concatenate(ids)]
        finally:
            positions[vector.ids] = -1
        hits = np.flatnonzero(where >= 0)
        rows = np.repeat(np.arange(len(centroids)), [len(i) for i in ids])
        shared = np.zeros((len(centroids), size))
        shared[rows[hits], where[hits]] = np.concatenate([c.weights for c in centroids])[hits]
        # Row by row, the nonzero products in the vector's term order (row-major order).
        products = (shared * vector.weights).ravel()
        nonzero = np.flatnonzero(products)
        ends = np.searchsorted(nonzero, np.arange(1, len(centroids) + 1) * size).tolist()
        values = products[nonzero].tolist()
        return [float(sum(values[i:j])) for i, j in pairwise([0, *ends])]


def post(postings: dict[str, array[int]], terms: Iterable[str], story: int) -> None:
    """Add a story to the terms' posting lists (each kept in increasing order, a story once).

    Args:
        postings: term -> story numbers.
        terms: the terms to post the story under.
        story: the story number.
    """
    for term in terms:
        stories = postings.get(term)
        if stories is None:
            postings[term] = array("q", (story,))
        elif stories[-1] < story:  # the usual case for a new story: the newest
            stories.append(story)
        else:
            at = bisect_left(stories, story)  # < len(stories), as stories[-1] >= story
            if stories[at] != story:
                stories.insert(at, story)


def ranked_stories(
    postings: Mapping[str, array[int]], terms: Iterable[str], limit: int
) -> list[int]:
    """The stories posted under the most of the given terms.

    Args:
        postings: term -> story numbers (as kept by `post`).
        terms: the terms to look up (unknown ones post nothing).
        limit: how many stories to return at most.

    Returns:
        Story numbers, most shared terms first, newer stories first on ties.
    """
    # The posting lists are arrays of int64, so all of them together are one byte string.
    shared = np.frombuffer(b"".join([postings[t] for t in terms if t in postings]), np.int64)
    if not shared.size:
        return []
    # A story appears at most once in a term's postings, so the number of times it occurs in
    # all the terms' postings together is the number of terms it shares. (Counted with NumPy:
    # a third of the time of a Counter and heapq.nlargest on a store of 15,000 articles, where
    # an article's key terms post about 2,000 stories.)
    stories, counts = np.unique(shared, return_counts=True)
    # Most shared terms first, then the newest story: (count, story) largest first, as one
    # integer per story. Story numbers are unique, so this is the full sort's prefix, found by
    # partitioning out the `limit` largest and sorting only those.
    base = int(stories[-1]) + 1
    ranks = counts.astype(np.int64) * base + stories
    if len(ranks) > limit:
        ranks = ranks[np.argpartition(ranks, -limit)[-limit:]]
    ranked: list[int] = (np.sort(ranks)[::-1] % base).tolist()
    return ranked


def packed_vectors(vectors: Mapping[str, Mapping[str, float]]) -> dict[str, Any]:
    """Sparse vectors as JSON-compatible data that restores their weights bit for bit.

    The store logs each placed article's vectors. Written as JSON numbers, formatting and
    parsing their 140 weights was most of the cost of logging and replaying a placement; here
    each vector's weights are one base64 string of little-endian float64s.

    Args:
        vectors: field -> term -> weight.

    Returns:
        {"terms": field -> terms in order, "weights": field -> packed weights}.
    """
    return {
        "terms": {f: list(v) for f, v in vectors.items()},
        "weights": {
            f: base64.b64encode(np.fromiter(v.values(), "<f8", len(v)).tobytes()).decode("ascii")
            for f, v in vectors.items()
        },
    }


def unpacked_vectors(packed: Mapping[str, Any]) -> dict[str, dict[str, float]]:
    """The vectors `packed_vectors` packed.

    Args:
        packed: data from `packed_vectors` (other keys are ignored).

    Returns:
        field -> term -> weight, terms in their original order.

    Raises:
        ValueError: the weights are not packed float64s, or do not match the terms.
    """
    vectors = {}
    for field, terms in packed["terms"].items():
        raw = base64.b64decode(packed["weights"][field].encode("ascii"), validate=True)
        if len(raw) != 8 * len(terms):
            raise ValueError(f"packed {field} weights do not match its {len(terms)} terms")
        vectors[field] = dict(zip(terms, np.frombuffer(raw, "<f8").tolist(), strict=True))
    return vectors
