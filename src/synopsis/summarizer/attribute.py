"""Attribution: every article that carries a summary sentence's information.

A summary sentence is supported by a sentence of another article when that sentence contains most
of its content words and shares some of its word pairs: near-duplicates (wire copy reprinted by
several outlets) and close paraphrases. This is the containment measure of Broder ("On the
resemblance and containment of documents", 1997) over content-word stems, with bigram overlap as a
guard against bag-of-words coincidences.
"""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.model.types import Sentence, Source
from synopsis.summarizer.features import Features

# Share of the summary sentence's content stems another sentence must contain (calibrated by reading
# matches on DUC 2004 and the Euphrates example: 0.6 keeps paraphrases such as "retook the city" /
# "recaptured the city" with the same names and numbers, and rejects same-topic different facts).
MIN_CONTAINMENT = 0.6
# Share of its bigram concepts that must also appear.
MIN_BIGRAM_CONTAINMENT = 0.25


def support(summary: Features, other: Features) -> float:
    """How much of `summary`'s content `other` carries (0 when below the thresholds)."""
    if not summary.content:
        return 0.0
    words = len(summary.content & other.content) / len(summary.content)
    if words < MIN_CONTAINMENT:
        return 0.0
    pairs = len(summary.bigrams & other.bigrams) / max(1, len(summary.bigrams))
    if pairs < MIN_BIGRAM_CONTAINMENT:
        return 0.0
    return words + pairs


def attribute(
    chosen: Sequence[int],
    sentences: Sequence[Sentence],
    feats: Sequence[Features],
) -> tuple[tuple[Source, ...], ...]:
    """Sources of each chosen sentence: itself first, then the best match in each other article.

    Args:
        chosen: positions of the summary sentences in `sentences`.
        sentences: every sentence of the story.
        feats: their features.

    Returns:
        For each chosen sentence, its sources (article id and character span).
    """
    by_article: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        by_article.setdefault(s.article_id, []).append(i)
    result = []
    for i in chosen:
        own = sentences[i]
        sources = [Source(article=own.article_id, start=own.start, end=own.end)]
        for article_id, positions in by_article.items():
            if article_id == own.article_id:
                continue
            best, best_score = -1, 0.0
            for j in positions:
                value = support(feats[i], feats[j])
                if value > best_score:
                    best, best_score = j, value
            if best >= 0:
                match = sentences[best]
                sources.append(Source(article=article_id, start=match.start, end=match.end))
        result.append(tuple(sources))
    return tuple(result)
