"""Online clustering: a decay scaled by the story's own cadence, the story-spread feature, and
pages made of nothing but site chrome."""

from __future__ import annotations

import math

from synopsis.model.types import Article
from synopsis.stories.cluster import CHROME_ARTICLES, DEFAULT_PARAMS, OnlineClusterer
from synopsis.stories.decision import cadence_days


def _features_one_logodd_above_threshold() -> list[float]:
    p = DEFAULT_PARAMS
    z = math.log(p.threshold / (1 - p.threshold)) + 1.0
    return [0.0, (z - p.bias) / p.body, 0.0, 0.0]


def _vectors(*terms: str) -> dict[str, dict[str, float]]:
    w = 1.0 / math.sqrt(len(terms))
    return {"head": {}, "body": dict.fromkeys(terms, w), "ents": {}}


def test_a_story_that_kept_receiving_articles_for_months_stays_open_after_a_month_of_silence() -> (
    None
):
    clusterer = OnlineClusterer()
    features = _features_one_logodd_above_threshold()
    # A burst (mean gap under the 7-day floor) is closed by 40 days of silence ...
    assert clusterer.probability(features, 40, cadence=1.0) < DEFAULT_PARAMS.threshold
    # ... a story with an article every two months is not, but a year of silence still closes it.
    assert clusterer.probability(features, 40, cadence=60.0) >= DEFAULT_PARAMS.threshold
    assert clusterer.probability(features, 400, cadence=60.0) < DEFAULT_PARAMS.threshold


def test_a_story_cadence_is_its_mean_days_between_articles() -> None:
    clusterer = OnlineClusterer()
    story = clusterer.place(_vectors("bridg"), 1000, None)
    assert cadence_days(clusterer.stories[story]) == 0.0
    clusterer.place(_vectors("bridg"), 1030, story)
    clusterer.place(_vectors("bridg"), 1090, story)
    assert cadence_days(clusterer.stories[story]) == 45.0
    undated = clusterer.place(_vectors("levi"), None, None)
    clusterer.place(_vectors("levi"), None, undated)
    assert cadence_days(clusterer.stories[undated]) == 0.0


def test_the_size_feature_stays_zero_for_a_tight_story_and_grows_for_a_broad_one() -> None:
    clusterer = OnlineClusterer()
    tight = clusterer.place(_vectors("bridg", "crack"), None, None)
    broad = clusterer.place(_vectors("storm"), None, None)
    for n in range(9):
        clusterer.place(_vectors("bridg", "crack"), None, tight)
        clusterer.place(_vectors(f"topic{n}"), None, broad)
    probe = _vectors("bridg")
    assert clusterer.similarities(probe, tight)[3] == 0.0
    # Ten unrelated unit vectors: the centroid norm is sqrt(10), so the spread is log(10) / 2.
    assert math.isclose(clusterer.similarities(probe, broad)[3], math.log(10) / 2)


def test_pages_of_chrome_with_short_fragments_each_start_their_own_story() -> None:
    chrome = (
        "Tweet with a location and add location information to your tweets from the web. "
        "You always have the option to delete your tweet location history."
    )
    pages = [
        Article(id=f"page-{n}", text=f"{chrome} Tweet location map. Learn more.")
        for n in range(CHROME_ARTICLES + 4)
    ]
    stories = [a.story for a in OnlineClusterer().add_many(pages)]
    late = stories[CHROME_ARTICLES:]
    assert len(set(late)) == len(late)
    assert not set(late) & set(stories[:CHROME_ARTICLES])


def test_a_page_with_news_besides_its_chrome_keeps_its_news() -> None:
    chrome = "Sign up for our newsletter to get the latest headlines delivered to your inbox."
    filler = [
        Article(id=f"f{n}", text=f"{chrome} Item number {n} about gardening follows here today.")
        for n in range(CHROME_ARTICLES)
    ]
    news = (
        "The Harbor Bridge was closed on Monday after engineers found cracks in two steel girders "
        "supporting the eastern span."
    )
    clusterer = OnlineClusterer()
    clusterer.add_many(filler)
    first = clusterer.add(Article(id="n1", text=f"{chrome} {news}"))
    second = clusterer.add(Article(id="n2", text=f"{news} {chrome}"))
    assert first.new and not second.new and second.story == first.story


def test_a_strong_match_still_joins_a_story_years_old() -> None:
    p = DEFAULT_PARAMS
    z = math.log(p.threshold / (1 - p.threshold)) + 2.0
    features = [0.0, (z - p.bias) / p.body, 0.0, 0.0]
    clusterer = OnlineClusterer()
    assert clusterer.probability(features, 1500) >= p.threshold
    assert clusterer.probability(features, 1500) == clusterer.probability(features, 30)
