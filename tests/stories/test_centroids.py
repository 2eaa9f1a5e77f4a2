"""Centroids as arrays: the same arithmetic as the dicts they replaced, bit for bit."""

from __future__ import annotations

import math
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.stories.centroids import (
    Centroid,
    StoryState,
    Vocabulary,
    packed_vectors,
    post,
    ranked_stories,
    unpacked_vectors,
)
from synopsis.stories.features import dot

TERMS = [f"t{i}" for i in range(40)]
# Positive weights, as TF-IDF weights and their sums are (a wide range of magnitudes, so that
# the order of summation shows in the last bits).
weights = st.floats(min_value=1e-6, max_value=50.0, allow_nan=False, allow_infinity=False)
sparse = st.dictionaries(st.sampled_from(TERMS), weights, max_size=25)


@settings(max_examples=200, deadline=None)
@given(sparse, st.lists(sparse, max_size=6))
def test_bulk_dot_products_equal_the_dict_dot_products_exactly(
    vector: dict[str, float], centroids: list[dict[str, float]]
) -> None:
    vocabulary = Vocabulary()
    packed = [vocabulary.centroid(c) for c in centroids]
    got = vocabulary.dots(vocabulary.vector(vector), packed)
    assert got == [dot(vector, c) if vector else 0.0 for c in centroids]


@settings(max_examples=200, deadline=None)
@given(st.lists(sparse, min_size=1, max_size=6))
def test_adding_vectors_to_a_centroid_equals_the_dict_update_exactly(
    vectors: list[dict[str, float]],
) -> None:
    vocabulary = Vocabulary()
    centroid, reference = Centroid(), {}
    for vector in vectors:
        before = centroid.add(vocabulary.vector(vector))
        assert before == (dot(vector, reference) if vector else 0.0)
        for t, w in vector.items():
            reference[t] = reference.get(t, 0.0) + w
        assert centroid.as_dict(vocabulary.terms) == reference
        assert list(centroid.ids) == sorted(centroid.ids)


def test_the_vocabulary_gives_new_terms_the_next_ids_and_refuses_duplicates() -> None:
    vocabulary = Vocabulary(["bridge", "storm"])
    vector = vocabulary.vector({"levy": 0.6, "bridge": 0.8})
    assert list(vector.ids) == [2, 0] and list(vector.weights) == [0.6, 0.8]
    assert vocabulary.terms == ["bridge", "storm", "levy"]
    with pytest.raises(ValueError, match="twice"):
        Vocabulary(["bridge", "bridge"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TERMS[:5]), st.integers(0, 30)), max_size=60))
def test_posting_lists_stay_increasing_with_each_story_once(
    posts: list[tuple[str, int]],
) -> None:
    postings: dict[str, array[int]] = {}
    for term, story in posts:
        post(postings, [term], story)
    want: dict[str, set[int]] = {}
    for term, story in posts:
        want.setdefault(term, set()).add(story)
    assert {t: list(p) for t, p in postings.items()} == {t: sorted(s) for t, s in want.items()}
    # Most shared terms first, then the newest story.
    shared = {s: sum(s in v for v in want.values()) for ss in want.values() for s in ss}
    expected = sorted(shared, key=lambda s: (-shared[s], -s))[:7]
    assert ranked_stories(postings, TERMS[:6], 7) == expected


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(["head", "body", "ents"]), sparse))
def test_packed_vectors_restore_every_weight_bit_for_bit(
    vectors: dict[str, dict[str, float]],
) -> None:
    vectors = {f: {t: w / 3.0 for t, w in v.items()} for f, v in vectors.items()}
    restored = unpacked_vectors(packed_vectors(vectors))
    assert restored == vectors
    assert [list(v) for v in restored.values()] == [list(v) for v in vectors.values()]


def test_packed_vectors_keep_subnormal_and_extreme_weights_and_refuse_damage() -> None:
    vectors = {"body": {"a": 5e-324, "b": 1.7976931348623157e308, "c": math.pi}, "ents": {}}
    assert unpacked_vectors(packed_vectors(vectors)) == vectors
    damaged = packed_vectors(vectors)
    damaged["weights"]["body"] = damaged["weights"]["body"][:-4]
    with pytest.raises(ValueError):
        unpacked_vectors(damaged)
    damaged["weights"]["body"] = "not base64!"
    with pytest.raises(ValueError):
        unpacked_vectors(damaged)


def test_a_story_round_trips_through_json_data() -> None:
    vocabulary = Vocabulary()
    centroids = {"head": {"bridg": 0.5}, "body": {"crack": 1.25, "bridg": 0.75}, "ents": {}}
    story = StoryState(
        {f: vocabulary.centroid(c) for f, c in centroids.items()},
        {"head": 0.25, "body": 2.125, "ents": 0.0},
        2,
        730000,
        730003,
    )
    data = story.to_json(vocabulary.terms)
    assert data == [centroids, story.norms2, 2, 730000, 730003]
    fresh = Vocabulary()
    assert StoryState.from_json(data, fresh).to_json(fresh.terms) == data
