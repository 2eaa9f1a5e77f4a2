"""The online clusterer's whole state as a compact binary snapshot, for the story store.

A store of 15,000 articles holds about 850,000 centroid weights, 340,000 index postings, 75,000
document frequencies and 100,000 sentence keys. Written as zlib-compressed JSON
(`OnlineClusterer.to_state`, the store's format before this module), that is 26 MB of JSON that
took 1.3 s CPU to read back and 2.3 s to write. Here every string (stems, entity phrases,
sentence keys) is written once, in a vocabulary, and everything else is a flat array of numbers
in an uncompressed NumPy ``.npz`` archive (16 MB, read with ``allow_pickle=False``, so a snapshot
holds data only, never code). The clusterer keeps its centroids as arrays over its own
vocabulary (`synopsis.stories.centroids`), which is written first, so the centroids are stored
and restored as they are; reading is mostly building the dicts of document frequencies and
sentence keys. Weights are kept as float64, so a clusterer rebuilt from a snapshot continues
exactly as the saved one would have: the same story assignments.

Layout (every array one-dimensional unless noted; term and story ids index `vocab` and the
story list):

- ``version``, ``n_docs``: one int64 each.
- ``vocab``: the UTF-8 bytes of the distinct strings joined by newlines (no term holds one); the
  clusterer's vocabulary first, in id order.
- ``df_<field>_terms``, ``df_<field>_counts``: each field's document frequencies.
- ``story_size``, ``story_first``, ``story_last``: per story; `UNDATED` for no date.
- ``norms2``: per story and field, shape (stories, fields), in `FIELDS` order.
- ``centroid_<field>_lengths``, ``_terms``, ``_weights``: each story's centroid, one after another
  (terms in increasing id order; snapshots written before the centroids were arrays have them
  in any order, and are sorted when read).
- ``postings_terms``, ``postings_lengths``, ``postings_stories``: the index, term by term (each
  term's stories in increasing order).
- ``sentence_keys``, ``sentence_counts``: sentence keys (newline-joined) and their counts.
"""

from __future__ import annotations

import contextlib
import gc
import io
import zipfile
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import accumulate, pairwise
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from synopsis.model.errors import InputError
from synopsis.stories.centroids import Centroid, StoryState, Vocabulary
from synopsis.stories.cluster import ClusterParams, OnlineClusterer
from synopsis.stories.features import FIELDS, Background

__all__ = ["SNAPSHOT_VERSION", "UNDATED", "from_snapshot", "to_snapshot"]

SNAPSHOT_VERSION = 1
# Stands for "no publication date" in the story date arrays (day numbers are ordinals, >= 1).
UNDATED = -(2**63)
_SEPARATOR = "\n"


def _joined(strings: Iterable[str]) -> npt.NDArray[np.uint8]:
    items = list(strings)
    text = _SEPARATOR.join(items)
    if text.count(_SEPARATOR) != max(0, len(items) - 1):
        raise ValueError("a term holds a newline; the snapshot cannot keep it")
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _split(data: npt.NDArray[np.uint8]) -> list[str]:
    return data.tobytes().decode("utf-8").split(_SEPARATOR) if data.size else []


class _Vocabulary(dict[str, int]):
    """Term -> id, giving each new term the next id as it is first looked up."""

    def __missing__(self, term: str) -> int:
        self[term] = len(self)
        return len(self) - 1


def to_snapshot(clusterer: OnlineClusterer) -> bytes:
    """Write a clusterer's whole state as a binary snapshot (see the module docstring).

    Args:
        clusterer: the clusterer to save.

    Returns:
        The snapshot's bytes (an uncompressed ``.npz`` archive).
    """
    stories = clusterer.stories
    centroids = {f: [s.centroids[f] for s in stories] for f in FIELDS}
    # The clusterer's own term ids come first, so its centroids are written as they are.
    index = _Vocabulary(clusterer.vocabulary.ids)

    def ids(terms: Iterable[str]) -> npt.NDArray[np.int32]:
        return np.fromiter(map(index.__getitem__, terms), dtype=np.int32)

    arrays: dict[str, npt.NDArray[Any]] = {
        "version": np.array([SNAPSHOT_VERSION], dtype=np.int64),
        "n_docs": np.array([clusterer.n_docs], dtype=np.int64),
        "story_size": np.array([s.size for s in stories], dtype=np.int64),
        "story_first": np.array(
            [UNDATED if s.first is None else s.first for s in stories], dtype=np.int64
        ),
        "story_last": np.array(
            [UNDATED if s.last is None else s.last for s in stories], dtype=np.int64
        ),
        "norms2": np.array(
            [[s.norms2[f] for f in FIELDS] for s in stories], dtype=np.float64
        ).reshape(len(stories), len(FIELDS)),
        "postings_terms": ids(clusterer.postings),
        "postings_lengths": np.array([len(p) for p in clusterer.postings.values()], np.int32),
        "postings_stories": np.frombuffer(
            b"".join(clusterer.postings.values()), dtype=np.int64
        ).astype(np.int32),
        "sentence_keys": _joined(clusterer.sentence_df),
        "sentence_counts": np.array(list(clusterer.sentence_df.values()), dtype=np.int32),
    }
    for f in FIELDS:
        df = clusterer.df[f]
        arrays[f"df_{f}_terms"] = ids(df)
        arrays[f"df_{f}_counts"] = np.array(list(df.values()), dtype=np.int64)
        arrays[f"centroid_{f}_lengths"] = np.array([len(c.ids) for c in centroids[f]], np.int32)
        arrays[f"centroid_{f}_terms"] = np.concatenate(
            [np.zeros(0, np.int32), *(c.ids for c in centroids[f])], dtype=np.int32
        )
        arrays[f"centroid_{f}_weights"] = np.concatenate(
            [np.zeros(0), *(c.weights for c in centroids[f])], dtype=np.float64
        )
    arrays["vocab"] = _joined(index)  # every term has its id by now, in id order
    out = io.BytesIO()
    # (cast: numpy's stubs type **kwds as if every key could be its allow_pickle flag)
    np.savez(out, **cast("dict[str, Any]", arrays))
    return out.getvalue()


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large structure without cycles is built.

    Rebuilding a store's state creates tens of thousands of containers (sets, story records);
    the collector would scan them over and over while they are made (a third of the time
    spent) and can free nothing, as none of them is garbage.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def from_snapshot(
    blob: bytes, params: ClusterParams, background: Background | None = None
) -> OnlineClusterer:
    """Rebuild a clusterer from `to_snapshot` bytes.

    Args:
        blob: the snapshot.
        params: the decision model.
        background: the IDF prior (default: the packaged one).

    Returns:
        A clusterer that continues exactly where the saved one stopped.

    Raises:
        InputError: the snapshot is damaged or written by an unknown version.
    """
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
        version = int(arrays["version"][0])
        if version == SNAPSHOT_VERSION:
            with _cycle_collector_paused():
                return _rebuild(arrays, params, background)
    except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile) as exc:
        raise InputError(
            f"story store: clustering snapshot unreadable ({exc}); rebuild the store"
        ) from exc
    raise InputError(
        f"story store: clustering snapshot version {version} is unknown to this synopsis; "
        "upgrade synopsis or rebuild the store"
    )


def _rebuild(
    a: dict[str, npt.NDArray[Any]], params: ClusterParams, background: Background | None
) -> OnlineClusterer:
    vocab = _split(a["vocab"])

    def terms(name: str) -> list[str]:
        return list(map(vocab.__getitem__, a[name].tolist()))

    clusterer = OnlineClusterer(params, background)
    clusterer.vocabulary = Vocabulary(vocab)
    clusterer.n_docs = int(a["n_docs"][0])
    clusterer.df = {
        f: Counter(dict(zip(terms(f"df_{f}_terms"), a[f"df_{f}_counts"].tolist(), strict=True)))
        for f in FIELDS
    }
    centroids = {
        f: _centroids(
            a[f"centroid_{f}_lengths"],
            a[f"centroid_{f}_terms"],
            a[f"centroid_{f}_weights"],
            len(vocab),
        )
        for f in FIELDS
    }
    days = [
        [None if d == UNDATED else d for d in a[name].tolist()]
        for name in ("story_first", "story_last")
    ]
    clusterer.stories = [
        StoryState(
            centroids={f: centroids[f][i] for f in FIELDS},
            norms2=dict(zip(FIELDS, norms2, strict=True)),
            size=size,
            first=first,
            last=last,
        )
        for i, (size, first, last, norms2) in enumerate(
            zip(a["story_size"].tolist(), *days, a["norms2"].tolist(), strict=True)
        )
    ]
    clusterer.postings = _postings(
        terms("postings_terms"), a["postings_lengths"], a["postings_stories"]
    )
    clusterer.sentence_df = dict(
        zip(_split(a["sentence_keys"]), a["sentence_counts"].tolist(), strict=True)
    )
    return clusterer


def _bounds(lengths: npt.NDArray[Any], total: int) -> list[int]:
    """Where each run starts and the last one ends, checking that the runs cover `total` items."""
    bounds = [0, *accumulate(lengths.tolist())]
    if bounds[-1] != total or min(lengths.tolist(), default=0) < 0:
        raise ValueError(f"run lengths add up to {bounds[-1]}, not {total}")
    return bounds


def _increasing_within_runs(values: npt.NDArray[Any], lengths: list[int]) -> bool:
    """Whether the values strictly increase within each run (runs of the given lengths)."""
    if not len(values):
        return True
    low = int(values.min())
    runs = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    keys = runs * (int(values.max()) - low + 1) + (values - low)
    return bool((np.diff(keys) > 0).all())


def _centroids(
    lengths: npt.NDArray[Any],
    terms: npt.NDArray[Any],
    weights: npt.NDArray[Any],
    vocabulary_size: int,
) -> list[Centroid]:
    """One field's centroids, one per story, cut from the snapshot's flat arrays."""
    bounds = _bounds(lengths, len(terms))
    ids = terms.astype(np.intp)
    weights = weights.astype(np.float64, copy=False)
    if len(weights) != len(ids) or (len(ids) and not 0 <= ids.min() <= ids.max() < vocabulary_size):
        raise ValueError("centroid terms and weights do not match the vocabulary")
    runs = np.diff(bounds).tolist()
    if not _increasing_within_runs(ids, runs):
        # Written before centroids were arrays: each story's terms in the order first seen.
        order = np.lexsort((ids, np.repeat(np.arange(len(runs)), runs)))
        ids, weights = ids[order], weights[order]
        if not _increasing_within_runs(ids, runs):
            raise ValueError("a centroid holds a term twice")
    return [Centroid(ids[i:j], weights[i:j]) for i, j in pairwise(bounds)]


def _postings(
    terms: list[str], lengths: npt.NDArray[Any], stories: npt.NDArray[Any]
) -> dict[str, array[int]]:
    """The index, term -> story numbers in increasing order (as `centroids.post` keeps it)."""
    bounds = _bounds(lengths, len(stories))
    flat = stories.astype(np.int64)
    if not _increasing_within_runs(flat, np.diff(bounds).tolist()):
        raise ValueError("an index posting list is out of order")
    data = flat.tobytes()
    size = flat.itemsize
    return {
        t: array("q", data[i * size : j * size])
        for t, (i, j) in zip(terms, pairwise(bounds), strict=True)
    }
