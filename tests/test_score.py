"""Concept weights."""

from __future__ import annotations

from synopsis.model.types import Sentence
from synopsis.summarizer.features import features
from synopsis.summarizer.objectives import min_document_frequency, score


def _sent(article: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article, index=index, start=0, end=len(text), text=text)


def test_min_document_frequency_scales_with_articles() -> None:
    assert min_document_frequency(1) == 1
    assert min_document_frequency(2) == 2
    assert min_document_frequency(10) == 3


def test_concepts_weighted_by_articles_sharing_them() -> None:
    sents = [
        _sent("a", 0, "Floods hit the coastal city."),
        _sent("b", 0, "Floods hit the coastal city on Monday."),
        _sent("c", 5, "The mayor visited a school."),
    ]
    s = score(sents, [features(x.text) for x in sents], use_position=False)
    assert s.weights[("flood", "hit")] == 2.0
    assert ("mayor", "visit") not in s.weights  # in one article only
    with_prior = score(sents, [features(x.text) for x in sents], use_position=True)
    assert with_prior.weights[("flood", "hit")] > 2.0
    assert with_prior.position_prior[0] > with_prior.position_prior[2]


def test_single_article_uses_repetition() -> None:
    sents = [
        _sent("a", 7, "The dam failed after rain."),
        _sent("a", 8, "Engineers said the dam failed twice."),
    ]
    s = score(sents, [features(x.text) for x in sents], use_position=False)
    assert s.weights[("dam", "fail")] == 2.0
