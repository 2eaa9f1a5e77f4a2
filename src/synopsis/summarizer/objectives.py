"""Concept and sentence scores for multi-document selection.

Concept weights are document frequencies of bigram concepts (Gillick & Favre 2009; Gillick et al.,
"The ICSI/UTD Summarization System at TAC 2009"), boosted when a concept appears near the top of an
article (the news position prior of Edmundson 1969 and of Lead baselines). Scorers only score: the
budget, redundancy and ordering belong to `select`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from synopsis.model.types import Sentence
from synopsis.summarizer.features import Features
from synopsis.summarizer.leads import feature_leads

Concept = tuple[str, ...]

# A concept must appear in at least this share of the articles to count (rounded up, at least 2
# when there are two or more articles). ICSI used 3 of 10 documents on DUC/TAC; a quarter
# reproduces that for 10-article stories and keeps concepts for 2-3 article stories.
MIN_DF_SHARE = 0.25
# Content words are concepts too, at this fraction of a bigram's weight (Gillick & Favre use
# bigrams only; adding unigrams at 0.5 gained 0.4 ROUGE-1 on DUC 2004 and 0.2 on Multi-News dev,
# 0.2-0.5 were all within 0.2 of each other).
UNIGRAM_WEIGHT = 0.5
# Sentences this close to an article's top count as "lead" for the position boost.
LEAD_SENTENCES = 3
# Extra weight per article in which the concept appears in a lead sentence (calibrated on DUC 2004
# and Multi-News dev with official ROUGE: 1.0 beat 0 and 0.5 on both, most on DUC R-1).
LEAD_BOOST = 1.0


@dataclass(frozen=True)
class Scores:
    """Concept weights, each sentence's concepts, and a position prior per sentence."""

    weights: dict[Concept, float]
    sentence_concepts: tuple[frozenset[Concept], ...]
    position_prior: tuple[float, ...]


def concepts_of(feat: Features, unigrams: bool = True) -> set[Concept]:
    """A sentence's concepts: its bigrams and (optionally) its content words.

    Args:
        feat: the sentence's features.
        unigrams: count content words as concepts too.

    Returns:
        Its concepts, whether or not they carry weight in a story.
    """
    if not unigrams:
        return set(feat.bigrams)
    return {*feat.bigrams, *((w,) for w in feat.content)}


def reweight(scores: Scores, factors: Mapping[Concept, float]) -> Scores:
    """Multiply concept weights by per-concept factors (the hook for update and focus modes).

    Args:
        scores: scores from `score`.
        factors: concept to multiplier; concepts not listed keep their weight. A concept whose
            weight falls to zero or below is dropped from the weights and from every sentence.

    Returns:
        New scores; the position prior is unchanged.
    """
    weights: dict[Concept, float] = {}
    for concept, weight in scores.weights.items():
        new = weight * factors.get(concept, 1.0)
        if new > 0:
            weights[concept] = new
    sentence_concepts = tuple(
        frozenset(c for c in cs if c in weights) for cs in scores.sentence_concepts
    )
    return replace(scores, weights=weights, sentence_concepts=sentence_concepts)


def min_document_frequency(n_articles: int) -> int:
    """How many articles must share a concept for it to count."""
    if n_articles <= 1:
        return 1
    return max(2, math.ceil(MIN_DF_SHARE * n_articles))


def position_prior(sentence: Sentence) -> float:
    """A prior that decays with the sentence's position in its article (1 for the first)."""
    return 1.0 / math.sqrt(1.0 + sentence.index)


def score(
    sentences: Sequence[Sentence],
    feats: Sequence[Features],
    *,
    use_position: bool = True,
    use_unigrams: bool = True,
    min_df: int | None = None,
) -> Scores:
    """Weight concepts (bigrams and content words) by how many articles carry them.

    Args:
        sentences: sentences of all articles.
        feats: their features, aligned with `sentences`.
        use_position: boost concepts found in lead sentences.
        use_unigrams: count content words as concepts too.
        min_df: override the minimum document frequency.

    Returns:
        The scores.
    """
    docs: dict[Concept, set[str]] = defaultdict(set)
    lead_docs: dict[Concept, set[str]] = defaultdict(set)
    counts: dict[Concept, int] = defaultdict(int)
    units = [concepts_of(f, use_unigrams) for f in feats]
    for sent, concepts in zip(sentences, units, strict=True):
        for concept in concepts:
            docs[concept].add(sent.article_id)
            counts[concept] += 1
            if sent.index < LEAD_SENTENCES:
                lead_docs[concept].add(sent.article_id)
    n_articles = len({s.article_id for s in sentences})
    threshold = min_document_frequency(n_articles) if min_df is None else min_df
    weights: dict[Concept, float] = {}
    for concept, where in docs.items():
        df = len(where)
        if n_articles <= 1:
            # One article: repetition inside it is the only evidence of importance.
            if counts[concept] < 2 and concept not in lead_docs:
                continue
            weight = float(counts[concept])
        elif df < threshold:
            continue
        else:
            weight = float(df)
        if use_position:
            weight += LEAD_BOOST * len(lead_docs.get(concept, ()))
        if len(concept) == 1:
            weight *= UNIGRAM_WEIGHT
        if weight > 0:
            weights[concept] = weight
    sentence_concepts = tuple(frozenset(c for c in cs if c in weights) for cs in units)
    kickers = feature_leads(sentences) if use_position else frozenset()
    prior = tuple(
        position_prior(s) if use_position and k not in kickers else 0.0
        for k, s in enumerate(sentences)
    )
    return Scores(weights=weights, sentence_concepts=sentence_concepts, position_prior=prior)
