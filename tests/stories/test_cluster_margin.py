"""Online clustering: the margin feature (how much better the best candidate matches than the
runner-up), its switch, and its independence of the candidates' order."""

from __future__ import annotations

import math
from dataclasses import replace

from synopsis.stories.cluster import DEFAULT_PARAMS, OnlineClusterer
from synopsis.stories.decision import margins, probability

from ._fixtures import articles

BODY = replace(DEFAULT_PARAMS, margin_feature="body", margin=10.0)
LOGODDS = replace(DEFAULT_PARAMS, margin_feature="logodds", margin=0.5)
NONE = replace(DEFAULT_PARAMS, margin_feature="none")


def test_the_best_candidate_has_a_positive_margin_and_the_others_a_negative_one() -> None:
    got = margins(BODY, [0.2, 0.5, 0.1], [0.0, 0.0, 0.0])
    assert [round(m, 9) for m in got] == [-0.3, 0.3, -0.4]
    # Order does not matter; a tie leaves no margin; a lone candidate is measured against 0.
    assert margins(BODY, [0.1, 0.5, 0.2], [0.0] * 3) == [got[2], got[1], got[0]]
    assert margins(BODY, [0.4, 0.4], [0.0, 0.0]) == [0.0, 0.0]
    assert margins(BODY, [0.3], [0.0]) == [0.3]
    assert margins(BODY, [], []) == []


def test_the_log_odds_margin_measures_a_lone_candidate_against_the_bias() -> None:
    assert margins(LOGODDS, [0.3], [-2.0]) == [-2.0 - LOGODDS.bias]
    assert margins(LOGODDS, [0.3, 0.1], [-1.0, -3.0]) == [2.0, -2.0]


def test_switched_off_the_margin_changes_nothing() -> None:
    assert margins(NONE, [0.2, 0.5], [0.0, 0.0]) == [0.0, 0.0]
    features = [0.1, 0.3, 0.0, 0.0]
    assert probability(NONE, features, 0, 0.0, 0.4) == probability(NONE, features, 0, 0.0, 0.0)


def test_a_clear_winner_is_more_likely_joined_than_an_ambiguous_one() -> None:
    features = [0.1, 0.3, 0.0, 0.0]
    clear = probability(BODY, features, 0, 0.0, 0.25)
    ambiguous = probability(BODY, features, 0, 0.0, 0.01)
    assert clear > ambiguous
    z = math.log(clear / (1 - clear)) - math.log(ambiguous / (1 - ambiguous))
    assert math.isclose(z, BODY.margin * 0.24)


def test_with_either_margin_the_stream_is_grouped_the_same_whatever_the_calls() -> None:
    arts = articles()
    for params in (BODY, LOGODDS, DEFAULT_PARAMS):
        whole = [a.story for a in OnlineClusterer(params).add_many(arts)]
        clusterer = OnlineClusterer(params)
        pieces = [a.story for a in clusterer.add_many(arts[:3])]
        again = OnlineClusterer.from_state(clusterer.to_state(), params)
        pieces += [a.story for a in again.add_many(arts[3:])]
        assert pieces == whole
