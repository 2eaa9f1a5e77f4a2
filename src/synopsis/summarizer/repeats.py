"""Two articles' retellings of one event among the candidates: the pairs `select` penalizes.

Concept coverage counts each concept once, so a second article's account of a chosen fact still
brings concepts of its own and is chosen; readers count it as repetition. Choosing both of two
such sentences costs what they share once more, McDonald's pairwise redundancy penalty in the
objective ("A Study of Global Inference Algorithms in Multi-document Summarization", ECIR 2007):
the second account stays only where what it adds outweighs what it repeats. A pair retells when
its words repeat (`features.repetition`, the redundancy term of MMR: Carbonell and Goldstein,
SIGIR 1998) or, where the sentence encoder is installed (`synopsis.text.embeddings`), when its
meaning does ("did not have permission to fly" and "did not have a permit"): then what the pair
shares is weighed by meaning too, the cosine times the lighter sentence's concept weight.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from synopsis.model.types import Sentence
from synopsis.summarizer.features import Features, repetition
from synopsis.summarizer.objectives import Concept

__all__ = ["CROSS_ARTICLE_REPEAT", "MEANING_REPEAT", "repeat_pairs"]

# Two sentences of different articles whose content repeats at least this much
# (`features.repetition`) retell one event: choosing both costs the weight of the concepts they
# share once more, so the second account is kept only where what it adds outweighs what it
# repeats. The threshold is where blind readers called 89% of such pairs a repeat or a partial
# repeat (benchmarks/blind_results/redundancy-pairs-2.md). Excluding such pairs outright was read
# worse (round 47: the freed words went to weaker sentences); this penalty was preferred in 26 of
# 43 judgements of the 31 of 146 packet-budget stories it changes, with coherence and
# informativeness unchanged (rounds 109 and 110, benchmarks/blind_results/2026-12-06-ab-109-110.md).
CROSS_ARTICLE_REPEAT = 0.6
# Two sentences of different articles whose meaning vectors' cosine is at least this retell one
# event though their words differ. Of 50 pairs of two articles' sentences in Synopsis summaries
# of Multi-News training-part stories whose word overlap is under CROSS_ARTICLE_REPEAT, drawn by
# cosine band and read twice blind (benchmarks/blind_results/redundancy-pairs-3.md), readers
# called 60% of those at 0.3 or above a repeat or a partial repeat, 80% at 0.6 and 88% at 0.65:
# the threshold is where the share matches CROSS_ARTICLE_REPEAT's (89%). The cosine ranks
# repeats about as well as word overlap does (AUC 0.77 against 0.78).
# A quantity or day both sentences state ("$53m" and "$53 million in debt", "arrested Oct. 16")
# is no further sign: of 31 such pairs under both thresholds, read twice blind
# (benchmarks/blind_results/redundancy-pairs-4.md), readers called 78% of those with word overlap
# 0.3 or more a repeat or a partial repeat (53% of all), short of the 89% the thresholds keep.
MEANING_REPEAT = 0.65


def repeat_pairs(
    cands: Sequence[int],
    feats: Sequence[Features],
    sentences: Sequence[Sentence],
    concepts: Sequence[frozenset[Concept]],
    weights: Mapping[Concept, float],
    meaning: npt.NDArray[np.float32] | None = None,
) -> list[tuple[int, int, float]]:
    """Two articles' retellings among the candidates, each with the weight they share.

    Args:
        cands: the candidates' sentence positions.
        feats: features of every sentence of the story.
        sentences: every sentence of the story.
        concepts: each candidate's concepts (aligned with `cands`).
        weights: concept weights.
        meaning: each candidate's unit meaning vector, one row per candidate
            (`synopsis.text.embeddings.vectors`), or None to judge by words alone.

    Returns:
        (a, b, weight) for each pair of candidates (indices into `cands`, a < b) of two articles
        that retell one event: the weight of the concepts they share, or, for a pair retelling
        in other words, the larger of that and the cosine times the lighter one's weight.
    """
    out = []
    mass = [] if meaning is None else [math.fsum(weights[c] for c in cs) for cs in concepts]
    for a in range(len(cands)):
        for b in range(a + 1, len(cands)):
            i, j = cands[a], cands[b]
            if sentences[i].article_id == sentences[j].article_id:
                continue
            in_words = repetition(feats[i].content, feats[j].content) >= CROSS_ARTICLE_REPEAT
            # rounded, so a last-digit difference between machines' arithmetic moves no pair
            cosine = 0.0 if meaning is None else round(float(meaning[a] @ meaning[b]), 4)
            if not in_words and cosine < MEANING_REPEAT:
                continue
            told = math.fsum(weights[c] for c in concepts[a] & concepts[b])
            if not in_words:
                told = max(told, cosine * min(mass[a], mass[b]))
            if told > 0:
                out.append((a, b, told))
    return out
