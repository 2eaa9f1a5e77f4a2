"""Two articles' retellings of one event: in words, and in other words by meaning."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.model.types import Sentence
from synopsis.summarizer.features import features, repetition
from synopsis.summarizer.repeats import CROSS_ARTICLE_REPEAT, MEANING_REPEAT, repeat_pairs
from synopsis.text import embeddings


def _sent(article: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article, index=index, start=0, end=len(text), text=text)


# Multi-News dev 2088 (blind round 119: "the permission point is made three times"), retold
STORY = [
    _sent("a", 0, "The airline did not have permission to fly the route to Singapore on Sundays."),
    _sent(
        "b", 0, "Officials said the carrier lacked a permit for its Sunday service to Singapore."
    ),
    _sent("a", 1, "Divers may reach the wreckage if the weather improves on Sunday."),
]
WEIGHTS = {
    ("airlin",): 2.0,
    ("singapor",): 3.0,
    ("sunday",): 1.0,
    ("carrier",): 1.0,
    ("diver",): 2.0,
}
CONCEPTS = [
    frozenset({("airlin",), ("singapor",), ("sunday",)}),
    frozenset({("carrier",), ("singapor",), ("sunday",)}),
    frozenset({("diver",), ("sunday",)}),
]


def test_a_retelling_in_other_words_is_a_pair_weighed_by_its_meaning() -> None:
    feats = [features(s.text) for s in STORY]
    assert repetition(feats[0].content, feats[1].content) < CROSS_ARTICLE_REPEAT
    # without meaning vectors the words alone decide: no pair
    assert repeat_pairs([0, 1, 2], feats, STORY, CONCEPTS, WEIGHTS) == []
    close = 0.9
    meaning = np.array(
        [[1.0, 0.0, 0.0], [close, np.sqrt(1 - close**2), 0.0], [0.0, 0.0, 1.0]], dtype=np.float32
    )
    [(a, b, weight)] = repeat_pairs([0, 1, 2], feats, STORY, CONCEPTS, WEIGHTS, meaning)
    # the lighter sentence's weight (5) times the cosine (4.5), above the shared concepts' (4)
    assert (a, b) == (0, 1) and weight == pytest.approx(0.9 * 5.0, abs=1e-3)
    # one article's sentences are its account going on, however alike
    same = [STORY[0], _sent("a", 1, STORY[1].text), STORY[2]]
    assert repeat_pairs([0, 1, 2], feats, same, CONCEPTS, WEIGHTS, meaning) == []
    # under the threshold, no pair
    far = MEANING_REPEAT - 0.1
    apart = np.array(
        [[1.0, 0.0, 0.0], [far, np.sqrt(1 - far**2), 0.0], [0.0, 0.0, 1.0]], dtype=np.float32
    )
    assert repeat_pairs([0, 1, 2], feats, STORY, CONCEPTS, WEIGHTS, apart) == []


needs_encoder = pytest.mark.skipif(
    not embeddings.available(),
    reason="the sentence encoder (the 'semantic' extra) is not installed",
)


@needs_encoder
def test_the_encoder_places_a_retelling_closer_than_another_fact() -> None:
    texts = [s.text for s in STORY]
    got = embeddings.vectors(texts)
    assert got is not None and got.shape[0] == 3
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
    sims = got @ got.T
    assert sims[0, 1] >= MEANING_REPEAT > sims[0, 2]
    # the same texts give the same vectors, in any order and from the cache
    again = embeddings.vectors(list(reversed(texts)))
    assert again is not None and np.array_equal(again[::-1], got)


def test_without_the_encoder_there_are_no_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    assert embeddings.vectors(["A sentence."]) is None


@needs_encoder
def test_selection_keeps_one_of_two_articles_retelling_one_fact_in_other_words() -> None:
    from synopsis.summarizer.objectives import Scores
    from synopsis.summarizer.select import select

    feats = [features(s.text) for s in STORY]
    scores = Scores(
        weights=dict(WEIGHTS), sentence_concepts=tuple(CONCEPTS), position_prior=(1.0, 1.0, 0.5)
    )
    both = select(STORY, feats, scores, max_words=40, semantic=False).indices
    one = select(STORY, feats, scores, max_words=40).indices
    assert {0, 1} <= set(both)
    assert len({0, 1} & set(one)) == 1 and 2 in one


def test_an_encoder_that_fails_to_load_falls_back_to_words_with_one_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(texts: object) -> object:
        raise OSError("model.safetensors: unreadable")

    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "_encode", broken)
    monkeypatch.setattr(embeddings, "_BROKEN", [])
    with caplog.at_level("WARNING", logger="synopsis"):
        assert embeddings.vectors(["A sentence never encoded before."]) is None
        assert embeddings.vectors(["Another sentence never encoded."]) is None
    assert len(caplog.records) == 1 and "--no-semantic" in caplog.records[0].getMessage()
