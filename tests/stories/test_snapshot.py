"""The binary snapshot of the clusterer's state, and the candidate search over its index."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.stories.centroids import post
from synopsis.stories.cluster import DEFAULT_PARAMS, MAX_CANDIDATES, OnlineClusterer
from synopsis.stories.snapshot import from_snapshot, to_snapshot

from ._fixtures import articles


def _mixed_articles() -> list[Article]:
    """The fixture stories, once dated and once undated, plus non-ASCII names and a title."""
    dated = articles()
    undated = [replace(a, id=f"{a.id}-u", published=None, url=None) for a in dated]
    extra = [
        Article(
            id="zurich",
            title="Zürich’s São Paulo office",
            text="Zürich officials met São Paulo’s mayor on Friday. The Zürich office opens soon.",
        )
    ]
    return [*dated, *undated, *extra]


def test_a_snapshot_restores_the_whole_state_exactly() -> None:
    clusterer = OnlineClusterer()
    clusterer.add_many(_mixed_articles())
    restored = from_snapshot(to_snapshot(clusterer), DEFAULT_PARAMS)
    assert restored.to_state() == clusterer.to_state()


def test_an_empty_clusterer_survives_a_snapshot() -> None:
    restored = from_snapshot(to_snapshot(OnlineClusterer()), DEFAULT_PARAMS)
    assert restored.to_state() == OnlineClusterer().to_state()


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=0, max_value=14))
def test_continuing_from_a_snapshot_gives_the_same_stories_as_never_stopping(cut: int) -> None:
    arts = _mixed_articles()
    whole = [a.story for a in OnlineClusterer().add_many(arts)]
    first = OnlineClusterer()
    got = [a.story for a in first.add_many(arts[:cut])]
    second = from_snapshot(to_snapshot(first), DEFAULT_PARAMS)
    got += [a.story for a in second.add_many(arts[cut:])]
    assert got == whole


def _rewritten(blob: bytes, name: str, value: npt.NDArray[Any]) -> bytes:
    """The snapshot with one of its arrays replaced."""
    with np.load(io.BytesIO(blob)) as archive:
        arrays: dict[str, Any] = {n: archive[n] for n in archive.files}
    arrays[name] = value
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def test_a_damaged_snapshot_is_a_clear_error() -> None:
    clusterer = OnlineClusterer()
    clusterer.add_many(articles())
    blob = to_snapshot(clusterer)
    no_vocabulary = _rewritten(blob, "vocab", np.zeros(0, dtype=np.uint8))
    stories = len(clusterer.stories)
    empty_centroids = _rewritten(blob, "centroid_body_lengths", np.zeros(stories, dtype=np.int32))
    for damaged in (
        blob[: len(blob) // 2],
        b"not a snapshot at all",
        no_vocabulary,
        empty_centroids,
    ):
        with pytest.raises(InputError, match="snapshot unreadable"):
            from_snapshot(damaged, DEFAULT_PARAMS)


def _arrays(blob: bytes) -> dict[str, npt.NDArray[Any]]:
    with np.load(io.BytesIO(blob)) as archive:
        return {n: archive[n] for n in archive.files}


def _saved(arrays: dict[str, npt.NDArray[Any]]) -> bytes:
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def test_a_snapshot_with_centroid_terms_in_any_order_restores_the_same_state() -> None:
    # Snapshots written while centroids were dicts hold each story's terms in the order they
    # were first seen; they are sorted when read, and the stories continue the same.
    arts = _mixed_articles()
    clusterer = OnlineClusterer()
    clusterer.add_many(arts[:9])
    arrays = _arrays(to_snapshot(clusterer))
    rng = np.random.default_rng(3)
    for f in ("head", "body", "ents"):
        start = 0
        for length in arrays[f"centroid_{f}_lengths"].tolist():
            order = start + rng.permutation(length)
            for part in ("terms", "weights"):
                run = arrays[f"centroid_{f}_{part}"]
                run[start : start + length] = run[order]
            start += length
    shuffled = from_snapshot(_saved(arrays), DEFAULT_PARAMS)
    assert shuffled.to_state() == clusterer.to_state()
    assert shuffled.add_many(arts[9:]) == clusterer.add_many(arts[9:])


def test_a_snapshot_with_disordered_or_repeated_entries_is_a_clear_error() -> None:
    clusterer = OnlineClusterer()
    clusterer.add_many(articles())
    arrays = _arrays(to_snapshot(clusterer))
    long = int(np.argmax(arrays["postings_lengths"]))
    assert arrays["postings_lengths"][long] >= 2
    start = int(arrays["postings_lengths"][:long].sum())
    disordered = dict(arrays, postings_stories=arrays["postings_stories"].copy())
    disordered["postings_stories"][start : start + 2] = disordered["postings_stories"][
        start : start + 2
    ][::-1]
    repeated = dict(arrays, centroid_body_terms=arrays["centroid_body_terms"].copy())
    repeated["centroid_body_terms"][1] = repeated["centroid_body_terms"][0]
    for damaged in (disordered, repeated):
        with pytest.raises(InputError, match="snapshot unreadable"):
            from_snapshot(_saved(damaged), DEFAULT_PARAMS)


def test_a_snapshot_of_an_unknown_version_is_refused() -> None:
    blob = _rewritten(to_snapshot(OnlineClusterer()), "version", np.array([99], dtype=np.int64))
    with pytest.raises(InputError, match="version 99"):
        from_snapshot(blob, DEFAULT_PARAMS)


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([f"t{i}" for i in range(12)]),
        st.sets(st.integers(min_value=0, max_value=80), min_size=1),
    ),
    st.sets(st.sampled_from([f"t{i}" for i in range(14)]), min_size=1),
)
def test_candidates_are_the_stories_sharing_most_key_terms_newest_first_on_ties(
    postings: dict[str, set[int]], terms: set[str]
) -> None:
    clusterer = OnlineClusterer()
    for term, stories in postings.items():
        for story in stories:
            post(clusterer.postings, [term], story)
    vectors = {"head": {}, "body": dict.fromkeys(terms, 1.0 / len(terms)), "ents": {}}
    shared = Counter(s for t in terms for s in postings.get(t, ()))
    want = sorted(shared, key=lambda s: (-shared[s], -s))[:MAX_CANDIDATES]
    assert clusterer.candidates(vectors) == want
