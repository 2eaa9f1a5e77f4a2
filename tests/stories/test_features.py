"""Article term bags and TF-IDF vectors for story clustering."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from synopsis.model.types import Article
from synopsis.stories.features import (
    NO_BACKGROUND,
    Background,
    article_bags,
    day_number,
    default_background,
    tfidf_vector,
)


def test_entities_are_capitalized_runs_but_not_lone_sentence_openers() -> None:
    art = Article(
        id="a",
        text="Officials said the Harbor Bridge closed. Engineers met Mayor Ana Ruiz on Monday.",
    )
    ents = article_bags(art).ents
    assert ents["harbor bridge"] == 1
    assert ents["mayor ana ruiz"] == 1
    assert "officials" not in ents and "engineers" not in ents


def test_headline_bag_holds_the_title_and_the_lead() -> None:
    art = Article(id="a", title="Storm Closes Pass", text="Snow fell overnight. " * 40)
    head = article_bags(art).head
    assert head["storm"] == 1 and head["snow"] >= 1


def test_dates_become_day_numbers_and_garbage_becomes_none() -> None:
    assert day_number("2024-03-05T23:00:00Z") == day_number("2024-03-05")
    assert day_number("2024-03-05") - day_number("2024-03-04") == 1  # type: ignore[operator]
    assert day_number("last Tuesday") is None
    assert day_number(None) is None


@given(st.dictionaries(st.sampled_from("abcdefghij"), st.integers(1, 5), min_size=1))
def test_vectors_are_unit_length_and_keep_at_most_k_terms(counts: dict[str, int]) -> None:
    bag = Counter(counts)
    vec = tfidf_vector(bag, Counter(bag.keys()), 3, keep=4)
    assert len(vec) <= 4
    assert math.isclose(math.sqrt(sum(w * w for w in vec.values())), 1.0)


def test_a_background_prior_lowers_the_weight_of_common_words() -> None:
    bag = Counter({"bridge": 1, "people": 1})
    df = Counter({"bridge": 1, "people": 1})
    flat = tfidf_vector(bag, df, 1, keep=2)
    assert math.isclose(flat["bridge"], flat["people"])
    prior = Background(docs=1000, df={"people": 600, "bridge": 3})
    weighted = tfidf_vector(bag, df, 1, keep=2, background=prior)
    assert weighted["bridge"] > weighted["people"]


def test_the_packaged_background_is_present_and_plausible() -> None:
    bg = default_background()
    assert bg is not NO_BACKGROUND and bg.docs > 1000
    assert bg.df["peopl"] > bg.df["bridg"]
