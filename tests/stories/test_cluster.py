"""Online clustering: grouping, determinism, chunking, time decay, site chrome."""

from __future__ import annotations

import json
import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.model.types import Article
from synopsis.stories.cluster import CHROME_ARTICLES, DEFAULT_PARAMS, OnlineClusterer

from ._fixtures import articles, story_of


def _partition(stories: list[int], ids: list[str]) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for s, i in zip(stories, ids, strict=True):
        groups.setdefault(s, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_articles_about_the_same_event_share_a_story_and_others_do_not() -> None:
    arts = articles()
    got = _partition([a.story for a in OnlineClusterer().add_many(arts)], [a.id for a in arts])
    want = _partition([hash(story_of(a.id)) for a in arts], [a.id for a in arts])
    assert got == want


def test_the_first_article_starts_a_story_and_a_follow_up_joins_it() -> None:
    clusterer = OnlineClusterer()
    first, second = clusterer.add_many(articles()[:1] + articles()[3:4])
    assert first.new and not second.new
    assert second.story == first.story
    assert second.probability > first.probability


def test_same_stream_twice_gives_identical_assignments() -> None:
    a = OnlineClusterer().add_many(articles())
    b = OnlineClusterer().add_many(articles())
    assert a == b


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=7))
def test_cutting_the_stream_and_saving_state_between_pieces_changes_nothing(
    cuts: list[int],
) -> None:
    arts = articles()
    whole = [a.story for a in OnlineClusterer().add_many(arts)]
    pieces: list[int] = []
    state = OnlineClusterer().to_state()
    pos = 0
    for n in [*cuts, len(arts)]:
        clusterer = OnlineClusterer.from_state(json.loads(json.dumps(state)))
        pieces += [a.story for a in clusterer.add_many(arts[pos : pos + n])]
        state = clusterer.to_state()
        pos += n
        if pos >= len(arts):
            break
    assert pieces == whole


def test_the_join_probability_is_flat_for_a_week_then_falls_for_a_month_then_stays() -> None:
    clusterer = OnlineClusterer()
    features = [0.2, 0.3, 0.0, 0.0]
    probs = [clusterer.probability(features, gap) for gap in (0, 7, 8, 20, 30, 180, 1500)]
    assert probs[0] == probs[1]
    assert probs[1] > probs[2] > probs[3] > probs[4] > 0.0
    assert math.isclose(probs[4], probs[5]) and math.isclose(probs[5], probs[6])


def test_a_match_good_enough_this_week_does_not_join_a_story_months_old() -> None:
    clusterer = OnlineClusterer()
    p = DEFAULT_PARAMS
    # A body similarity worth one log-odds above the new-story threshold.
    z = math.log(p.threshold / (1 - p.threshold)) + 1.0
    features = [0.0, (z - p.bias) / p.body, 0.0, 0.0]
    assert clusterer.probability(features, 3) >= p.threshold
    assert clusterer.probability(features, 180) < p.threshold


def test_a_near_copy_still_joins_a_month_old_story_but_a_new_topic_does_not() -> None:
    arts = articles()
    late = replace(arts[3], id="bridge-late", published="2024-04-10")
    other = replace(arts[1], id="vote-late", published="2024-04-10")
    clusterer = OnlineClusterer()
    first = clusterer.add(arts[0])
    assert clusterer.add(late).story == first.story
    assert clusterer.add(other).new


def test_pages_of_repeated_site_chrome_each_start_their_own_story() -> None:
    chrome = (
        "This will appear next to all of your comments and will not appear anywhere else. "
        "Sign up for our newsletter to get the latest headlines delivered to your inbox."
    )
    pages = [Article(id=f"page-{n}", text=chrome) for n in range(CHROME_ARTICLES + 3)]
    clusterer = OnlineClusterer()
    stories = [a.story for a in clusterer.add_many(pages)]
    late = stories[CHROME_ARTICLES:]
    assert len(set(late)) == len(late)
    assert not set(late) & set(stories[:CHROME_ARTICLES])


def test_chrome_counts_survive_saving_and_reloading_the_state() -> None:
    chrome = "Add a location to your tweets, such as your city or precise location, from the web."
    pages = [Article(id=f"p{n}", text=f"{chrome} Item {n} follows.") for n in range(12)]
    whole = [a.story for a in OnlineClusterer().add_many(pages)]
    first = OnlineClusterer()
    head = [a.story for a in first.add_many(pages[:6])]
    again = OnlineClusterer.from_state(json.loads(json.dumps(first.to_state())))
    assert head + [a.story for a in again.add_many(pages[6:])] == whole


def test_undated_articles_are_grouped_by_text_alone() -> None:
    arts = [replace(a, published=None) for a in articles()]
    got = _partition([a.story for a in OnlineClusterer().add_many(arts)], [a.id for a in arts])
    assert frozenset({"bridge-1", "bridge-2", "bridge-3"}) in got
