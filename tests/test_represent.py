"""Tokens, stems and concepts."""

from __future__ import annotations

from synopsis.summarizer.features import features
from synopsis.text import words


def test_words_lowercase_and_keep_apostrophes() -> None:
    assert words("Syria’s army, U.S.-backed SDF!") == ["syria's", "army", "u", "s", "backed", "sdf"]


def test_concepts_are_stemmed_bigrams_without_stopword_pairs() -> None:
    f = features("The rebels were retaking the cities of the north.")
    assert ("rebel", "were") in f.bigrams
    assert ("retak", "the") in f.bigrams
    assert ("of", "the") not in f.bigrams
    assert "citi" in f.content and "the" not in f.content
