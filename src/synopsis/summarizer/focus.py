"""Focused summaries: concept weights boosted by relevance to a reader's question.

A DUC-style topic (a title and a narrative, as in the DUC 2005-2007 main tasks; Dang, "Overview of
DUC 2005") is reduced to its stemmed content words, minus the words every narrative uses to ask
("describe", "discuss", "include"). The query is expanded by co-occurrence in the story itself, a
pseudo-relevance feedback in the spirit of Xu and Croft ("Query expansion using local and global
document analysis", SIGIR 1996): a word counts as related in the share of its sentences that also
hold a query word. A sentence's relevance is the weight of the query and expansion words it holds,
normalised by the story's most relevant sentence; a concept's relevance is the mean relevance of
the sentences that hold it, and its weight becomes weight x (1 + FOCUS_WEIGHT x relevance), the
query-biased concept weighting of Gillick et al. ("The ICSI Summarization System at TAC 2008";
the ICSI/UTD system at TAC 2009 weighted concepts the same way). The news position prior still
works but is scaled by relevance, prior x (PRIOR_FLOOR + relevance): an article's lead helps a
sentence that answers the question more than one that does not.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from synopsis.summarizer.features import Features, features
from synopsis.summarizer.objectives import Concept, Scores, reweight

# Stems of words that question narratives use to ask rather than to name what they ask about
# ("Describe ...", "Include ... reported in the press"; the most frequent of them were counted in
# the 33 DUC 2007 main and update narratives, the rest are their usual companions).
QUERY_STOPWORDS = frozenset(
    """
    describ discuss includ identifi explain specifi provid report press inform detail give list
    known relat regard concern occur involv effect aspect factor exampl kind type way ani
    """.split()
)
# The concept weight multiplier is 1 + FOCUS_WEIGHT x relevance (relevance in [0, 1]). Tuned on
# DUC 2007 main topics 1-11, official ROUGE-2 recall at 250 words
# (`python benchmarks/update_focus_eval.py --tune`): weight 1 gave 13.48, 2 gave 13.97, 3 gave
# 13.56 (no focus: 12.98). On held-out topics 12-23: 12.79, 12.41, 12.51 (no focus: 12.25).
FOCUS_WEIGHT = 2.0
# Weight of an expansion word relative to a query word, times its co-occurrence share. On DUC 2007
# main topics 1-11, 0.25 and 0.5 were within 0.05 ROUGE-2 of each other and 1.0 lost 0.85 (runs
# of an earlier state of the pipeline, not repeated since).
EXPANSION_WEIGHT = 0.5
# An expansion word must appear in at least this many sentences of the story (rarer words give
# unreliable co-occurrence shares).
MIN_EXPANSION_SENTENCES = 3
# The position prior of a sentence is multiplied by PRIOR_FLOOR + its relevance. Tuned on the same
# tuning halves (DUC 2007 main topics 1-11 and update topics 1-5): scaling with floor 0.5 gained
# 0.3-0.4 ROUGE-2 there over the plain prior and over adding relevance to it (runs of an earlier
# state of the pipeline, not repeated since).
PRIOR_FLOOR = 0.5
# In focus mode a concept needs fewer articles to count than MIN_DF_SHARE asks (at least 2): a
# question is often about a detail only some articles report. Tuned on DUC 2007 main topics 1-11
# (minimum 2, 3 or 4 of 25 articles with FOCUS_WEIGHT 2: 3 best by 0.5 ROUGE-2; runs of an
# earlier state of the pipeline, not repeated since).
FOCUS_MIN_DF_SHARE = 0.1
# Questions are read up to this many characters (a DUC narrative is under 600).
MAX_QUESTION_CHARS = 4_000


def focus_min_df(n_articles: int) -> int:
    """How many articles must share a concept for it to count in focus mode.

    Args:
        n_articles: articles in the story.

    Returns:
        The minimum document frequency (1 for a single article, else at least 2).
    """
    if n_articles <= 1:
        return 1
    return max(2, math.ceil(FOCUS_MIN_DF_SHARE * n_articles))


def query_terms(question: str) -> frozenset[str]:
    """Stemmed content words of a question, without the words narratives use to ask.

    Args:
        question: the topic title and narrative, or any question.

    Returns:
        The query stems (possibly empty).
    """
    content = features(question[:MAX_QUESTION_CHARS]).content
    return frozenset(t for t in content if t not in QUERY_STOPWORDS)


def expand(terms: frozenset[str], feats: Sequence[Features]) -> dict[str, float]:
    """Weight the query words (1) and the story's words that co-occur with them.

    Args:
        terms: query stems.
        feats: features of the story's sentences.

    Returns:
        Stem to weight: 1 for a query word, EXPANSION_WEIGHT times the share of the word's
        sentences that hold a query word for any other word seen in MIN_EXPANSION_SENTENCES or more.
    """
    total: dict[str, int] = defaultdict(int)
    with_query: dict[str, int] = defaultdict(int)
    for feat in feats:
        hit = bool(feat.content & terms)
        for word in feat.content:
            total[word] += 1
            if hit:
                with_query[word] += 1
    weights = {t: 1.0 for t in terms}
    for word, n in total.items():
        if word in terms or n < MIN_EXPANSION_SENTENCES:
            continue
        share = with_query[word] / n
        if share > 0:
            weights[word] = EXPANSION_WEIGHT * share
    return weights


def relevance(feats: Sequence[Features], question: str) -> tuple[float, ...]:
    """Each sentence's relevance to the question, in [0, 1] (1 for the most relevant).

    Args:
        feats: features of the story's sentences.
        question: the topic title and narrative.

    Returns:
        Relevance per sentence; all zero when the question shares no word with the story.
    """
    terms = query_terms(question)
    if not terms:
        return tuple(0.0 for _ in feats)
    weights = expand(terms, feats)
    raw = [
        sum(weights.get(w, 0.0) for w in f.content) / math.sqrt(max(1, len(f.content)))
        for f in feats
    ]
    top = max(raw, default=0.0)
    if top <= 0:
        return tuple(0.0 for _ in feats)
    return tuple(r / top for r in raw)


def focus(
    scores: Scores,
    feats: Sequence[Features],
    question: str,
    *,
    weight: float | None = None,
) -> Scores:
    """Boost concept weights by their relevance to the question; scale the prior by relevance.

    Args:
        scores: the story's scores (from `score`).
        feats: features of the story's sentences, aligned with `scores`.
        question: the topic title and narrative.
        weight: lambda in weight x (1 + lambda x relevance); default FOCUS_WEIGHT.

    Returns:
        The reweighted scores; unchanged when the question shares no word with the story.
    """
    rel = relevance(feats, question)
    if not any(rel):
        return scores
    total: dict[Concept, float] = defaultdict(float)
    count: dict[Concept, int] = defaultdict(int)
    for r, concepts in zip(rel, scores.sentence_concepts, strict=True):
        for concept in concepts:
            total[concept] += r
            count[concept] += 1
    lam = FOCUS_WEIGHT if weight is None else weight
    factors = {c: 1.0 + lam * total[c] / count[c] for c in count}
    prior = tuple(p * (PRIOR_FLOOR + r) for p, r in zip(scores.position_prior, rel, strict=True))
    return replace(reweight(scores, factors), position_prior=prior)
