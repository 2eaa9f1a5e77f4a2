"""Update summaries: what NEW articles add to what the reader has already seen.

The update task of DUC 2007 and TAC 2008/2009 asks for a summary of later articles on a story
"under the assumption that the reader has already read" the earlier ones. Following the ICSI
update system (Gillick, Favre, Hakkani-Tür, Bohnet, Liu and Xie, "The ICSI/UTD Summarization
System at TAC 2009"; Gillick, Favre and Hakkani-Tür, "The ICSI Summarization System at TAC 2008"),
the concepts of the concept-coverage ILP that the reader has already seen are down-weighted, so
the ILP spends its budget on what is new. As in the ICSI update system, which kept only concepts
whose document frequency in the new set exceeded that in the old one, the test compares the two
sets: a concept that a share of the seen articles carries at least as large as its share of the
new articles is old news and its weight is multiplied by 1 - SEEN_DISCOUNT, while a concept the
new articles carry more often than the seen ones did (a developing thread) keeps its weight.
Two further rules serve the reader directly:

- a sentence that repeats a sentence of the seen articles (its content words are mostly those of
  one seen sentence) is never chosen, whatever its concepts weigh;
- concepts that carry a number the seen articles never gave ("the toll rose to 14" after "the
  toll was 10") keep their full weight while the seen figure's are discounted, so the updated
  figure wins; NEW_NUMBER_BOOST can boost them further (off by default, see its calibration);
- in focus mode the concepts that stand for the narrative's questions are dropped: the seen
  articles answered the questions for the reader, and what is new about them is carried by their
  unseen concepts (DUC 2007 update stages B and C, QUESTION_WEIGHT 0.5 or 1: keeping them at
  full or SEEN_DISCOUNT weight cost 0.46-0.89 ROUGE-2 on topics 1-5 and 0.05-0.48 on 6-10, in
  one scratch run of 2 December 2026 that no committed script repeats).

When no candidate sentence carries a concept the reader has not seen (dates such as "on Tuesday"
aside), `nothing_new` says so and the pipeline answers with one line instead of repeating old
facts. `novelty` measures the share of a summary's bigrams the reader already read in earlier
summaries, the redundancy measure of the TAC update evaluations.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.model.types import Sentence
from synopsis.summarizer.features import Features
from synopsis.summarizer.focus import is_question_concept
from synopsis.summarizer.objectives import Concept, Scores, concepts_of, reweight
from synopsis.summarizer.select import DUPLICATE_OVERLAP
from synopsis.text import MONTH_WORDS, STOPWORDS, WEEKDAYS, stem

# Discount of a seen concept that the new articles do not carry more often than the seen ones did
# (0 ignores what was seen; 1 removes such concepts). DUC 2007 update topics 1-5 (D0703-D0721),
# stages B and C, official ROUGE-2 recall at 100 words with --since
# (`python benchmarks/update_focus_eval.py --tune`): 0.25 gave 11.42, 0.5 gave 11.80, 0.75 gave
# 11.75, 0.9 gave 11.63. The earlier rule, discounting every seen concept by 0.5 x its share of
# the seen articles, gave 11.60 (the same rule only where the seen share is at least the new one:
# 11.71; 0.5 x min(1, seen share / new share): 11.30; 0.5 x seen share squared: 11.42).
SEEN_DISCOUNT = 0.5
# Multiplier on a concept that carries a number none of the seen articles gave (an updated figure).
# Same data: 1.5 gave 11.38 against 11.80 without it, so the boost is off (1.0); an updated figure
# still wins over the seen one because the seen figure's concepts are discounted and the sentences
# repeating it are never chosen.
NEW_NUMBER_BOOST = 1.0
# A new sentence whose content words are at least this share covered by one seen sentence repeats
# it (the threshold of the near-duplicate test `select` applies inside one story; on DUC 2007
# update topics 1-5, stages B and C, 0.6 and 0.8 both scored lower than 0.7, by 0.8 and 0.4
# ROUGE-2, in an earlier state of the pipeline; with the SEEN_DISCOUNT rule above, 0.8 gave 11.14,
# 0.9 gave 11.31 and never blocking 11.18, against 11.80 at 0.7: blocking does not cost recall).
REPEAT_OVERLAP = DUPLICATE_OVERLAP
# The one line an update summary reads when the new articles add nothing the reader has not seen.
NOTHING_NEW = "Nothing new: the new articles repeat what was already reported."
# Words that make a concept new without making it news ("on Tuesday" in a report that repeats
# Monday's facts): dates and times of day. `nothing_new` ignores them.
_WHEN = frozenset(
    stem(w)
    for w in (
        *WEEKDAYS,
        *MONTH_WORDS,
        *"today yesterday tomorrow tonight morning afternoon evening night day week".split(),
    )
)


@dataclass(frozen=True)
class Seen:
    """What the reader already read: concepts, numbers and each seen sentence's content words."""

    concepts: dict[Concept, float]
    numbers: frozenset[str]
    sentences: tuple[frozenset[str], ...]


def _numbers(feat: Features) -> set[str]:
    """Tokens of a sentence that are numbers (contain a digit)."""
    return {t for t in feat.stems if any(ch.isdigit() for ch in t)}


def seen_from(
    sentences: Sequence[Sentence], feats: Sequence[Features], *, unigrams: bool = True
) -> Seen:
    """Index what the reader has seen.

    Args:
        sentences: every sentence of the seen articles.
        feats: their features, aligned with `sentences`.
        unigrams: count content words as concepts (as `score` does).

    Returns:
        The seen concepts (with the share of seen articles carrying each), numbers and sentences.
    """
    docs: dict[Concept, set[str]] = defaultdict(set)
    numbers: set[str] = set()
    for sentence, feat in zip(sentences, feats, strict=True):
        for concept in concepts_of(feat, unigrams):
            docs[concept].add(sentence.article_id)
        numbers |= _numbers(feat)
    n_articles = max(1, len({s.article_id for s in sentences}))
    return Seen(
        concepts={c: len(where) / n_articles for c, where in docs.items()},
        numbers=frozenset(numbers),
        sentences=tuple(f.content for f in feats),
    )


def discount(
    scores: Scores,
    seen: Seen,
    new: Seen | None = None,
    *,
    strength: float | None = None,
    number_boost: float | None = None,
) -> Scores:
    """Down-weight concepts the reader has seen; boost those that carry a number never seen.

    Args:
        scores: concept weights of the new articles (from `score`).
        seen: what the reader has seen (`seen_from`).
        new: the new articles indexed the same way (`seen_from` of their sentences); a seen
            concept they carry in a larger share of articles than the seen ones did keeps its
            weight. Without it every seen concept is discounted.
        strength: the discount of a seen concept (default SEEN_DISCOUNT).
        number_boost: multiplier on an unseen concept that holds a number the reader never saw.

    Returns:
        The reweighted scores.
    """
    kept = 1.0 - (SEEN_DISCOUNT if strength is None else strength)
    boost = NEW_NUMBER_BOOST if number_boost is None else number_boost
    now = new.concepts if new is not None else {}
    factors: dict[Concept, float] = {}
    for concept in scores.weights:
        if is_question_concept(concept):
            # the seen articles answered the question for the reader: what is new about it
            # is carried by its unseen concepts
            factors[concept] = 0.0
        elif concept in seen.concepts:
            if seen.concepts[concept] >= now.get(concept, 0.0):
                factors[concept] = kept
        elif any(_is_new_number(t, seen) for t in concept):
            factors[concept] = boost
    return reweight(scores, factors)


def _is_new_number(token: str, seen: Seen) -> bool:
    return any(ch.isdigit() for ch in token) and token not in seen.numbers


def repeats(feats: Sequence[Features], seen: Seen) -> frozenset[int]:
    """Positions of new sentences that repeat one seen sentence.

    A new sentence repeats a seen one when they share at least `REPEAT_OVERLAP` of the content
    words of the shorter of the two (the near-duplicate test of `select`; on DUC 2007 update topics
    1-5, counting only the new sentence's words scored 0.1-0.5 ROUGE-2 lower).

    Args:
        feats: features of the new sentences.
        seen: what the reader has seen.

    Returns:
        The positions that must not be chosen.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for k, content in enumerate(seen.sentences):
        for word in content:
            index[word].append(k)
    found: set[int] = set()
    for i, feat in enumerate(feats):
        if not feat.content:
            continue
        shared = Counter(k for word in feat.content for k in index.get(word, ()))
        for k, n in shared.items():
            if n >= REPEAT_OVERLAP * max(1, min(len(feat.content), len(seen.sentences[k]))):
                found.add(i)
                break
    return frozenset(found)


def nothing_new(scores: Scores, seen: Seen, blocked: frozenset[int]) -> bool:
    """Whether no sentence that may be chosen carries a weighted concept the reader has not seen.

    A concept made only of function words and dates ("on Tuesday") does not count as news.

    Args:
        scores: the new articles' scores (before or after `discount`).
        seen: what the reader has seen.
        blocked: positions that may not be chosen (`repeats`).

    Returns:
        True when an update summary would only repeat old facts.
    """
    return not any(
        concept not in seen.concepts
        and not is_question_concept(concept)
        and any(_newsworthy(t) for t in concept)
        for i, concepts in enumerate(scores.sentence_concepts)
        if i not in blocked
        for concept in concepts
    )


def _newsworthy(token: str) -> bool:
    """Whether a concept token can carry news (not a function word, date or time of day)."""
    return token not in STOPWORDS and token not in _WHEN


def novelty(summary: Sequence[Features], earlier: Sequence[Features]) -> float:
    """Share of a summary's content bigrams already present in earlier summaries.

    Content bigrams are the bigram concepts of `features` (not made only of stopwords). Lower is
    more novel.

    Args:
        summary: features of the summary's sentences.
        earlier: features of the sentences of the summaries the reader read before.

    Returns:
        The share in [0, 1]; 0 for a summary without bigrams.
    """
    bigrams = {b for f in summary for b in f.bigrams}
    if not bigrams:
        return 0.0
    before = {b for f in earlier for b in f.bigrams}
    return len(bigrams & before) / len(bigrams)
