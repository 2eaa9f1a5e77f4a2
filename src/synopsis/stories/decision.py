"""The online clusterer's decision model: does an article join a candidate story, or start one?

A logistic model turns an article's similarity features against one story (`OnlineClusterer
.similarities`: headline, body and entity cosines with the story's centroids, and the story's
spread, `story_size_feature`) into the probability that the article belongs there
(`probability`); the clusterer joins the most probable candidate when that probability reaches
a calibrated threshold, and starts a new story otherwise. A soft time decay lowers the log-odds
of joining a story whose nearest article is more than a grace period away (`gap_days`), by the
log of the extra days up to a month's worth; the grace period is the longer of a week and the
story's own cadence (`cadence_days`). `ClusterParams` holds every weight, threshold and rule of
the model, with the calibrated values below as defaults, so an experiment can vary one
(`python benchmarks/stories_eval.py eval --set KEY=VALUE`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.stories.centroids import StoryState

__all__ = [
    "CHROME_ARTICLES",
    "DEFAULT_PARAMS",
    "ClusterParams",
    "cadence_days",
    "gap_days",
    "joined",
    "log_odds",
    "margins",
    "probability",
    "story_size_feature",
]

# Logistic model over the similarity features (bias, head, body, entities, story spread, margin):
# fitted with scikit-learn's LogisticRegression (C=10) on every (article, candidate story) pair of
# a teacher-forced online pass over the fit part of Multi-News test_truncated minus the 97 dev
# clusters (60% of the clusters, seed 13, shuffled; 8,188 articles and 241,914 pairs after
# dropping pages that are only site chrome shared across clusters), `python
# benchmarks/stories_eval.py train --no-background --set margin_feature=logodds --set
# bias=-5.10 --set head=0.74 --set body=11.54 --set size=1.23 --set margin=0.80` (see
# MARGIN_FEATURE for why the weights of a first fit are given; rerun, it gives these weights).
# Body similarity carries the decision; the headline adds little beyond it there, and broader
# stories need a closer match (see SIZE_FEATURE). Multi-News text is lowercased, so its entity
# similarity is almost always 0 and the fit cannot weigh it (it came out -0.10 without the
# margin, -3.90 with it); the entity weight is a prior instead: a full name match adds as much
# log-odds as a body cosine of 0.2 did in the fit without the margin (about 5; 0.33 of a body
# cosine with these weights), not tuned on any evaluation stream; results are reported with and
# without it (`eval --ablations`).
# Without the margin the same fit gives bias -7.28, head -0.37, body 24.22, size -2.86 (`train
# --no-background --set margin_feature=none`; the `eval --ablations` row "no margin feature").
W_BIAS = -5.17
W_HEAD = -0.30
W_BODY = 15.09
W_ENTS = 5.0
W_SIZE = -1.99
# The margin feature (a ratio test, as in Lowe's matching of image features): how much better
# the article matches this candidate than the best other one (`margins`). "logodds": the
# difference of the log-odds before the margin (`log_odds`, time decay included; a story that
# is no candidate counts as the bias, nothing in common); "body": of the body cosines (a
# non-candidate counts as 0); "none" leaves it out. Positive for the best candidate alone.
# The log-odds margin depends on the weights being fitted, so the fit is repeated with the
# previous step's weights (`train --no-background --set margin_feature=logodds` with --set of its
# bias, head, body, size; fit part only; calibration B-cubed F1 at the best threshold of the
# sweep): step 1, from the fit without the margin: bias -5.10, head 0.74, body 11.54, size 1.23,
# margin 0.80, F1 at most 0.802; step 2 (these weights): -5.17, -0.30, 15.09, -1.99, 1.26, 0.814
# at 0.30; step 3: -5.01, 2.86, 10.15, 0.55, 1.25, 0.801 at 0.30; step 4: -5.22, -2.47, 16.66,
# -1.77, 1.27, 0.810 at 0.40; step 5: -4.97, 3.86, 9.46, 0.49, 1.25, 0.797 at 0.30. It does not
# converge: bias and margin settle (about -5.1 and 1.26), but head, body and size swing between
# two regimes (odd steps: headline up, body down, spread positive; even steps the reverse), the
# headline weight further out each time. Damped (each step fitted from the mean of the previous
# step's input and output weights, starting from the mean of steps 2 and 3) it settles, the
# changes shrinking to 0.04-0.24 by the third damped step (bias -5.20, head 0.43, body 13.40,
# size -0.50, margin 1.27), but calibrates no better than no margin: 0.808, 0.809, 0.809 (at
# 0.40, 0.30, 0.30). Step 2, the best calibration F1, is kept (chosen on the calibration split
# alone; the other steps were not run on the evaluation streams).
# Calibration B-cubed F1 (see NEW_STORY_THRESHOLD): 0.814 against 0.809 without a margin and
# 0.809 with the body margin (fitted in one step: bias -5.01, head 0.80, body 12.25, size -0.77,
# margin 18.54, threshold 0.40). On the evaluation streams (`eval --no-agglomerative`), log-odds
# margin / body margin / none: DUC 2004 0.831 / 0.830 / 0.826, DUC 2007 0.839 / 0.819 / 0.819,
# dev 0.842 / 0.829 / 0.822, held-out 0.819 / 0.814 / 0.820, Multi-News 0.757 / 0.760 / 0.749,
# mixed 0.758 / 0.760 / 0.749.
W_MARGIN = 1.26
MARGIN_FEATURE = "logodds"
# The story-size feature. "spread" is log(size / |body centroid|): the factor by which the cosine
# with a story's centroid (a sum of unit vectors) exceeds the article's mean cosine with the
# members. It is 0 for one article and saturates at -log(mean pairwise cosine)/2 as the story
# grows, so it corrects the centroid's inflation without growing with the size itself. The
# earlier feature, log(size) (weight -1.33), was learned on stories of 2-10 articles and
# extrapolated to a 4.3 log-odds penalty on DUC 2007's 25-article stories; refitted with spread
# (`train`), calibration B-cubed F1 0.806 against 0.808, DUC 2004 0.826 / 0.823, DUC 2007
# 0.772 / 0.698, dev 0.822 / 0.827, held-out 0.818 / 0.818 (both with the old decay and chrome
# rules; `eval --ablations` keeps a row for the old feature and weights).
SIZE_FEATURE = "spread"
# Join the best candidate when its probability is at least this; otherwise start a new story.
# Calibrated by running the online clusterer over the calibration part of the training stream
# (the next 20% of clusters, 2,700 articles, junk pages included) and taking the threshold with
# the best B-cubed F1 (`train`, as under W_BIAS; with the log-odds margin: 0.30: 0.814; 0.40:
# 0.813; 0.50: 0.811; 0.20: 0.806; 0.15: 0.802; 0.10: 0.789; 0.05: 0.743. Without the margin
# 0.10 was best: 0.809; 0.05: 0.807; 0.15: 0.804; 0.3: 0.790). The pairs the model was fitted
# on hold many negatives per article, so its probabilities run low for the best candidate; the
# margin lifts the best candidate's, hence the higher threshold.
NEW_STORY_THRESHOLD = 0.30
# Time decay (not learned: Multi-News, the training data, carries no dates, so these are priors:
# a round value, not swept on the evaluation streams; one other value, 0.5, was tried once with
# average linkage). Within a week of the story's nearest article no penalty; beyond it the
# log-odds fall by TIME_DECAY_LOG per e-fold of the extra days (log(1 + extra / grace)): a month
# away costs 1.45 log-odds (a body cosine about 0.06 higher needed), and no more beyond (see
# TIME_DECAY_MAX), so a strong match still joins an old story, as in Miranda et al., where the
# time difference is a feature of the decision, not a hard cut. The earlier linear decay (0.35 a day
# past a week, never past 30 days) broke DUC 2007's topics, which span 159-1,588 days (B-cubed F1
# there 0.359; 0.698 with this decay; 0.792 with none, but DUC 2004 falls from 0.823 to 0.803
# without it; `eval --ablations`).
TIME_GRACE_DAYS = 7
TIME_DECAY_LOG = 1.0
# The grace period (the decay's scale) is the longer of TIME_GRACE_DAYS and TIME_CADENCE times
# the story's mean days between articles, (last - first) / (size - 1): with a Lomax prior on the
# silences, a story's own mean gap is the natural scale, so a story that received articles every
# few weeks for a year is not closed by a month of silence, while a burst of articles within
# days still is. 1 is that prior, not tuned. Swept afterwards for the record (spread model,
# with the cap below): DUC 2004 0.826 for every value 0-4, 0.811 at 16; DUC 2007 0.798 at 0
# (fixed 7-day scale), 0.819 at 1, 0.821 at 4, 0.825 at 16 (uncapped: 0.772, 0.794, 0.806,
# 0.812). Calibrated on DUC 2007 alone it would be 16 or more, and DUC 2004 (held out) would
# fall to 0.811, so the prior stays.
TIME_CADENCE = 1.0
# The penalty stops growing once the silence reaches TIME_DECAY_FULL_DAYS: the issue asks that
# "a story a month old does not absorb today's article on the same topic", so a month-old story
# gets the full penalty (1.45 log-odds, a body cosine 0.06 higher needed), and an older one no
# more (uncapped, half a year cost 3.3 and five years 5.6), so a long-quiet story takes a strong
# match (shared names and a close body) rather than a near copy. The month is the issue's; the
# admissible range comes from DUC 2004, the stream where the decay matters for precision
# (B-cubed F1 0.826 for every cap from 1.25 log-odds, about three weeks, up to none; 0.805 at
# 1.0). DUC 2007 figures were seen while choosing, so it is not a clean held-out for this one
# constant: 0.794 uncapped, 0.819 with this cap (0.829 at 1.0, 0.824 at 1.25, 0.811 at 2.0).
TIME_DECAY_FULL_DAYS = 30
TIME_DECAY_MAX = TIME_DECAY_LOG * math.log1p(
    (TIME_DECAY_FULL_DAYS - TIME_GRACE_DAYS) / TIME_GRACE_DAYS
)
# Linear decay per day past the grace period, and a hard horizon: off by default (kept for
# experiments; see above).
TIME_DECAY_PER_DAY = 0.0
TIME_HORIZON_DAYS = math.inf
# How an article is compared with a story: "centroid" (cosine with the running centroid) or
# "average" (mean cosine with the story's articles, as average-linkage clustering does; it is
# scale-free: refitted with it, `train --set linkage=average`, the log story-size weight comes
# out +0.22 instead of -1.33). It did not help: calibration B-cubed F1 0.807 against 0.808, and on
# the evaluation streams (with the soft decay and chrome rule) DUC 2004 0.820 / 0.823, DUC 2007
# 0.664 / 0.698, dev 0.819 / 0.827, held-out 0.817 / 0.818, Multi-News 0.748 / 0.747.
LINKAGE = "centroid"
# Site chrome: a sentence already seen in this many earlier articles ("This will appear next to
# all of your comments", a web archive's crawl notice, a cookie banner) is left out of an
# article's bags, so pages that are only chrome start stories of their own instead of gathering
# into one large false story (in Multi-News test_truncated the four biggest such stories held
# 120-228 pages from as many different clusters). Counting stories instead of articles does not
# work: the chrome pages join each other, so their sentences stay within one story. A wire story
# reprinted this often is mostly caught as a duplicate by the store (same text); an edited
# reprint keeps its own sentences and title. A page whose every keyed sentence is chrome keeps
# no text at all (its short fragments, "Learn more", would still match the chrome pages before
# it): on the held-out part, the copies of a Twitter location notice past the tenth had kept
# joining the first ten (19 pages from 19 clusters in one story); B-cubed precision 0.911 ->
# 0.917, F1 0.818 -> 0.820, no change on dev or DUC. A rule, not a fitted value; `eval --set
# chrome_articles=0` turns it off.
CHROME_ARTICLES = 10


@dataclass(frozen=True)
class ClusterParams:
    """The decision model: logistic weights, new-story threshold and time decay."""

    bias: float = W_BIAS
    head: float = W_HEAD
    body: float = W_BODY
    ents: float = W_ENTS
    size: float = W_SIZE
    threshold: float = NEW_STORY_THRESHOLD
    grace_days: float = TIME_GRACE_DAYS
    decay_per_day: float = TIME_DECAY_PER_DAY
    horizon_days: float = TIME_HORIZON_DAYS
    decay_log: float = TIME_DECAY_LOG
    linkage: str = LINKAGE
    chrome_articles: float = CHROME_ARTICLES
    cadence: float = TIME_CADENCE
    decay_max: float = TIME_DECAY_MAX
    size_feature: str = SIZE_FEATURE
    margin: float = W_MARGIN
    margin_feature: str = MARGIN_FEATURE


DEFAULT_PARAMS = ClusterParams()


def cadence_days(story: StoryState) -> float:
    """A story's mean days between consecutive articles (0 for one article or undated)."""
    if story.first is None or story.last is None or story.size < 2:
        return 0.0
    return (story.last - story.first) / (story.size - 1)


def gap_days(day: int | None, story: StoryState) -> float:
    """Days between an article and a story's nearest article (0 when either is undated)."""
    if day is None or story.first is None or story.last is None:
        return 0.0
    return float(max(0, day - story.last, story.first - day))


def story_size_feature(params: ClusterParams, story: StoryState) -> float:
    """The story-size feature of a story (see SIZE_FEATURE).

    Args:
        params: the decision model (its `size_feature` names the feature).
        story: the story's state.

    Returns:
        log(size) for "log"; for "spread", log(size / |body centroid|), 0 for an empty centroid.
    """
    if params.size_feature == "log":
        return math.log(story.size)
    norm = math.sqrt(story.norms2["body"])
    # The centroid of n unit vectors has norm at most n, so the spread is never negative.
    return max(0.0, math.log(story.size / norm)) if norm > 0.0 else 0.0


def margins(params: ClusterParams, body: Sequence[float], log_odds: Sequence[float]) -> list[float]:
    """Each candidate's margin feature: its score less the best other candidate's.

    The score is the body cosine ("body") or the log-odds without the margin ("logodds",
    `log_odds`); a story that is no candidate counts as a score of 0 (a body cosine of 0) or of
    the bias (nothing in common), so a lone candidate's margin is its score less that.

    Args:
        params: the decision model (its `margin_feature` names the feature; "none": all 0).
        body: the body cosines of every candidate of one article, in any order.
        log_odds: their `log_odds`, in the same order (read for "logodds" only).

    Returns:
        One margin per candidate, in the same order: positive for the best candidate alone (0 on
        a tie), negative or 0 for the others. It does not depend on the order of the candidates.
    """
    if params.margin_feature == "none":
        return [0.0] * len(body)
    scores, floor = (body, 0.0) if params.margin_feature == "body" else (log_odds, params.bias)
    first = second = floor
    for x in scores:
        if x > first:
            first, second = x, first
        elif x > second:
            second = x
    return [x - (second if x == first else first) for x in scores]


def log_odds(
    params: ClusterParams, features: Sequence[float], gap: float, cadence: float = 0.0
) -> float:
    """The model's log-odds that an article belongs to a story, before the margin feature.

    Args:
        params: the decision model.
        features: [head cosine, body cosine, entity cosine, story size feature], as returned by
            `OnlineClusterer.similarities`.
        gap: days between the article and the story's nearest article (0 if undated).
        cadence: the story's mean days between articles (`cadence_days`; 0 if unknown).

    Returns:
        The log-odds, with the time decay (the hard horizon is left to `probability`).
    """
    p = params
    head, body, ents, size = features
    z = p.bias + p.head * head + p.body * body + p.ents * ents + p.size * size
    grace = max(p.grace_days, p.cadence * cadence)
    late = max(0.0, gap - grace)
    z -= p.decay_per_day * late
    if grace > 0:
        z -= min(p.decay_max, p.decay_log * math.log1p(late / grace))
    return z


def probability(
    params: ClusterParams,
    features: Sequence[float],
    gap: float,
    cadence: float = 0.0,
    margin: float = 0.0,
) -> float:
    """The model's probability that an article belongs to a story.

    Args:
        params: the decision model.
        features: [head cosine, body cosine, entity cosine, story size feature], as returned by
            `OnlineClusterer.similarities`.
        gap: days between the article and the story's nearest article (0 if undated).
        cadence: the story's mean days between articles (`cadence_days`; 0 if unknown).
        margin: the story's margin feature among the article's candidates (`margins`).

    Returns:
        A probability in (0, 1), or 0 past the hard horizon (`ClusterParams.horizon_days`).
    """
    return joined(params, log_odds(params, features, gap, cadence), gap, margin)


def joined(params: ClusterParams, z: float, gap: float, margin: float = 0.0) -> float:
    """`probability` from the log-odds already computed by `log_odds`.

    Args:
        params: the decision model.
        z: the article's `log_odds` for the story.
        gap: days between the article and the story's nearest article (0 if undated).
        margin: the story's margin feature among the article's candidates (`margins`).

    Returns:
        A probability in (0, 1), or 0 past the hard horizon (`ClusterParams.horizon_days`).
    """
    if gap > params.horizon_days:
        return 0.0
    if params.margin_feature != "none":
        z += params.margin * margin
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
