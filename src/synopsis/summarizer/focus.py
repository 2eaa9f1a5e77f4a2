"""Focused summaries: concept weights boosted by relevance to a reader's question.

A DUC-style topic (a title and a narrative, as in the DUC 2005-2007 main tasks; Dang, "Overview of
DUC 2005") is reduced to its stemmed content words, minus the words every narrative uses to ask
("describe", "discuss", "include"). The query is expanded by co-occurrence in the story itself, a
pseudo-relevance feedback in the spirit of Xu and Croft ("Query expansion using local and global
document analysis", SIGIR 1996): a word counts as related in the share of its sentences that also
hold a query word. The words of the question's first sentence, a DUC topic's title, weigh
TITLE_WEIGHT times more than the narrative's. A concept's relevance is its own: the largest query
or expansion weight among its words (relative to the largest weight), and its weight becomes
article frequency x (1 + FOCUS_WEIGHT x relevance), the query-biased concept weighting of the
DUC 2007 and TAC query-focused concept systems (Gillick et al., "The ICSI Summarization System at
TAC 2008"; the ICSI/UTD system at TAC 2009 weighted concepts the same way). A sentence's relevance
is the weight of the query and expansion words it holds, normalised by the story's most relevant
sentence, where each query word's weight is also scaled by its inverse document frequency in a
background corpus (`synopsis.text.background`), as in the tf-idf query-sentence similarity of
biased LexRank (Otterbacher, Erkan and Radev, "Using Random Walks for Question-focused Sentence
Retrieval", HLT/EMNLP 2005): a sentence naming "Lockerbie" or "obesity" answers more than one
naming "efforts" or "countries". A concept's boost keeps the flat query weights (every word the
question names is worth covering). A sentence below MIN_RELEVANCE brings no concept to the
selection (the query-relevance filter on candidate sentences of those systems), so it can only
fill words the relevant ones leave.
The news position prior still works but is scaled by relevance, prior x (PRIOR_FLOOR + relevance):
an article's lead helps a sentence that answers the question more than one that does not.

A narrative often asks several questions ("What crimes ...? What efforts ...?"). Each becomes a
concept of its own, held by the relevant sentences that answer it best, so the concept-coverage
ILP answers every question once instead of spending the budget on the question with the most
words (the decomposition of a complex DUC narrative into the questions it asks, as in
Lacatusu, Hickl, Roberts, Shi, Bensley, Rink, Wang and Williams, "LCC's GISTexter at DUC 2006:
Multi-strategy multi-document summarization").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from synopsis.summarizer.features import Features, features
from synopsis.summarizer.objectives import Concept, Scores, reweight
from synopsis.text.background import Background, default_background

# Stems of words that question narratives use to ask rather than to name what they ask about
# ("Describe ...", "Include ... reported in the press"; the most frequent of them were counted in
# the 33 DUC 2007 main and update narratives, the rest are their usual companions).
QUERY_STOPWORDS = frozenset(
    """
    describ discuss includ identifi explain specifi provid report press inform detail give list
    known relat regard concern occur involv effect aspect factor exampl kind type way ani
    """.split()
)
# The concept weight multiplier is 1 + FOCUS_WEIGHT x relevance (relevance in [0, 1]). DUC 2007
# main topics 1-11, official ROUGE-2 recall at 250 words, with MIN_RELEVANCE 0.3 and
# TITLE_WEIGHT 2 (`python benchmarks/update_focus_eval.py --tune`): weight 1 gave 13.36, 2 gave
# 14.32, 3 gave 13.57 (no focus: 12.76). A concept's relevance used to be the mean relevance of
# the sentences holding it; with MIN_RELEVANCE 0.3 that form tied on topics 1-11 (14.35) and the
# concept's own relevance was kept as the form of the literature. Its held-out figures (topics
# 12-23: 13.52 against 12.54 for the mean form, 12.42 without focus) were seen before the choice.
FOCUS_WEIGHT = 2.0
# Weight of a word of the question's first sentence (a DUC topic's title: the subject itself)
# relative to a narrative word. DUC 2007 main topics 1-11, with FOCUS_WEIGHT 2 and MIN_RELEVANCE
# 0.3: 1 gave 13.48, 2 gave 14.32, 3 gave 13.72.
TITLE_WEIGHT = 2.0
# A sentence less relevant than this share of the story's most relevant sentence brings no concept
# to the selection. DUC 2007 main topics 1-11 (TITLE_WEIGHT 1, FOCUS_WEIGHT 2): 0 gave 13.25,
# 0.2 gave 13.47, 0.3 gave 13.48, 0.4 gave 13.40; 0.3 also led on the update tuning topics 1-5
# with focus (since+focus, stages B and C: 11.33, 11.00, 11.90, 11.59).
MIN_RELEVANCE = 0.3
# Weight of an expansion word relative to a query word, times its co-occurrence share. On DUC 2007
# main topics 1-11 with the settings above, 0.1 gave 13.43, 0.25 gave 14.06 and 0.5 gave 14.32 (in
# an earlier state of the pipeline 1.0 lost 0.85 against 0.5).
EXPANSION_WEIGHT = 0.5
# An expansion word must appear in at least this many sentences of the story (rarer words give
# unreliable co-occurrence shares; on DUC 2007 main topics 1-11, 5 gave 14.14 against 14.32).
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
# Each question of a narrative ("What crimes ...? What efforts ...?") is a concept of its own,
# covered by any sentence that answers it, weighing QUESTION_WEIGHT x the story's heaviest concept:
# the selection then answers every question rather than the one with the most words. DUC 2007
# main topics 1-11 (250 words) and update topics 1-5 stage A (100 words, --focus), official
# ROUGE-2 recall (`python benchmarks/update_focus_eval.py --tune`; 0 = no question concepts):
# 0 gave 13.25 / 11.09, 0.5 gave 13.57 / 11.73, 0.75 gave 14.34 / 11.38, 1.0 gave 14.35 / 11.04;
# 0.75 had the largest summed gain. Held out (main topics 12-23 / update topics 6-10 stage A):
# 12.66 / 9.04 without, 13.21 / 9.98 at 0.75. Over all three stages of the update topics with
# --focus alone, 0 / 0.5 / 0.75 / 1.0 gave 11.00 / 11.16 / 11.12 / 10.90 on topics 1-5 and
# 9.93 / 10.02 / 9.88 / 9.72 on topics 6-10. (Figures with `select` summing concept weights in an
# order-independent way; with plain `sum` over sets a hash seed moves them by up to 0.15.)
QUESTION_WEIGHT = 0.75
# A sentence answers a question when its relevance to that question's own words is at least this
# share of the best answer's (the title's words, present everywhere, do not count). Same data with
# QUESTION_WEIGHT 0.75: 0.3 gave 13.71 / 11.04, 0.5 gave 14.34 / 11.38, 0.7 gave 13.75 / 12.46
# (held out: 12.81 / 9.23, 13.21 / 9.98, 12.90 / 10.30). 0.7 sums higher on the tuning halves
# but loses 0.59 on the larger main half; 0.5, the value set before the grid, was kept.
QUESTION_MIN = 0.5
# In a sentence's relevance a query word weighs its flat weight (1, TITLE_WEIGHT for a title word)
# times idf ** QUERY_IDF_POWER over the mean of that over the query words the story holds, idf
# from the background document frequencies (`synopsis.text.background`); 0 = flat weights. The
# mean keeps the query words on the scale the expansion words are weighed against. DUC 2007 main
# topics 1-11 / 12-23 (250 words, official ROUGE-2 recall, all other constants as above; without
# focus 12.80 / 12.39; `python benchmarks/update_focus_eval.py --tune`): 0 gave 13.90 / 12.99,
# 0.5 gave 14.14 / 13.16, 1 gave 14.36 / 13.39 (13.88 over all 23 topics, against 13.43). With
# power 1, MIN_RELEVANCE 0.2 / 0.3 / 0.4 gave 14.09 / 14.36 / 13.97 on topics 1-11 (0.3 kept).
# Dropped on topics 1-11: idf from the story's own sentences (13.48; a story's subject is in
# many of its sentences, so it weighs its title words down), idf also in the concept boost
# (14.20; alone: 13.52), idf also on the expansion words (14.62, but --focus update stages B+C
# topics 1-5 fell from 11.22 to 10.47). Update B+C at power 1 (--focus / --since --focus):
# topics 1-5 11.32 / 11.73 against 11.22 / 11.89, topics 6-10 9.50 / 9.72 against 9.76 / 9.62;
# update stage A (--focus, 100 words), topics 1-5 / 6-10: 11.38 / 9.94 at power 0, 10.53 / 10.54
# at 0.25, 9.25 / 10.44 at 0.5, 10.11 / 10.65 at 1 (five topics a half, not monotone in power).
QUERY_IDF_POWER = 1.0
# The first element of a question concept; no word stem starts with "?".
QUESTION_CONCEPT = "?question"
# Questions are read up to this many characters (a DUC narrative is under 600).
MAX_QUESTION_CHARS = 4_000
# Where one question of a narrative ends and the next begins.
_CLAUSE_END = re.compile(r"(?<=[.?!;])\s+")


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


def title_terms(question: str) -> frozenset[str]:
    """Query stems of the question's first sentence (a DUC topic's title, "TITLE. NARRATIVE").

    Args:
        question: the topic title and narrative, or any question.

    Returns:
        The query stems of the text before the first ". " (the whole question when there is none).
    """
    return query_terms(question[:MAX_QUESTION_CHARS].split(". ", 1)[0])


def sub_questions(question: str) -> list[frozenset[str]]:
    """The questions a narrative asks: query stems of each of its sentences, less the title's.

    Args:
        question: the topic title and narrative ("TITLE. NARRATIVE").

    Returns:
        One set of stems per narrative sentence (split at ".", "?", "!" and ";") that names
        something beyond the title; empty for a question without a narrative.
    """
    text = question[:MAX_QUESTION_CHARS]
    parts = text.split(". ", 1)
    if len(parts) < 2:
        return []
    title = query_terms(parts[0])
    found = (query_terms(piece) - title for piece in _CLAUSE_END.split(parts[1]))
    return [terms for terms in found if terms]


def is_question_concept(concept: Concept) -> bool:
    """Whether a concept stands for one question of a narrative (`focus`), not for words."""
    return bool(concept) and concept[0] == QUESTION_CONCEPT


def expand(
    terms: frozenset[str], feats: Sequence[Features], title: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Weight the query words and the story's words that co-occur with them.

    Args:
        terms: query stems.
        feats: features of the story's sentences.
        title: the query stems of the title, weighted TITLE_WEIGHT.

    Returns:
        Stem to weight: 1 for a query word (TITLE_WEIGHT for a title word), EXPANSION_WEIGHT times
        the share of the word's sentences that hold a query word for any other word seen in
        MIN_EXPANSION_SENTENCES or more.
    """
    total: dict[str, int] = defaultdict(int)
    with_query: dict[str, int] = defaultdict(int)
    for feat in feats:
        hit = bool(feat.content & terms)
        for word in feat.content:
            total[word] += 1
            if hit:
                with_query[word] += 1
    weights = {t: TITLE_WEIGHT if t in title else 1.0 for t in terms}
    for word, n in total.items():
        if word in terms or n < MIN_EXPANSION_SENTENCES:
            continue
        share = with_query[word] / n
        if share > 0:
            weights[word] = EXPANSION_WEIGHT * share
    return weights


def _relevance(feats: Sequence[Features], words: dict[str, float]) -> tuple[float, ...]:
    """Each sentence's weight of query and expansion words, relative to the story's top one."""
    raw = [
        # fsum is exact, so the result does not depend on the set's (hash-seeded) order
        math.fsum(words.get(w, 0.0) for w in f.content) / math.sqrt(max(1, len(f.content)))
        for f in feats
    ]
    top = max(raw, default=0.0)
    if top <= 0:
        return tuple(0.0 for _ in feats)
    return tuple(r / top for r in raw)


def specific(
    words: dict[str, float],
    terms: frozenset[str],
    feats: Sequence[Features],
    background: Background,
) -> dict[str, float]:
    """Scale each query word's weight by its specificity: its IDF relative to the query's mean.

    Args:
        words: stem to weight, from `expand`.
        terms: the query stems (expansion words keep their weight).
        feats: features of the story's sentences (the mean IDF is over the query words they hold).
        background: document frequencies the IDF is taken from.

    Returns:
        The weights, each query word's times idf ** QUERY_IDF_POWER over the mean of that over
        the query words the story holds; unchanged when the background is empty or the story
        holds no query word.
    """
    held: set[str] = set()
    for feat in feats:
        held |= feat.content & terms
    scale = {t: background.idf(t) ** QUERY_IDF_POWER for t in held}
    mean = math.fsum(scale.values()) / len(scale) if scale else 0.0
    if mean <= 0:
        return words
    return {w: v * scale[w] / mean if w in scale else v for w, v in words.items()}


def relevance(
    feats: Sequence[Features], question: str, background: Background | None = None
) -> tuple[float, ...]:
    """Each sentence's relevance to the question, in [0, 1] (1 for the most relevant).

    Args:
        feats: features of the story's sentences.
        question: the topic title and narrative.
        background: document frequencies for the query words' IDF; default the packaged ones.

    Returns:
        Relevance per sentence; all zero when the question shares no word with the story.
    """
    terms = query_terms(question)
    if not terms:
        return tuple(0.0 for _ in feats)
    words = expand(terms, feats, title_terms(question))
    bg = default_background() if background is None else background
    return _relevance(feats, specific(words, terms, feats, bg))


def focus(
    scores: Scores,
    feats: Sequence[Features],
    question: str,
    *,
    weight: float | None = None,
    background: Background | None = None,
) -> Scores:
    """Boost concepts by their own relevance to the question; drop off-topic sentences' concepts.

    Args:
        scores: the story's scores (from `score`).
        feats: features of the story's sentences, aligned with `scores`.
        question: the topic title and narrative.
        weight: lambda in weight x (1 + lambda x relevance); default FOCUS_WEIGHT.
        background: document frequencies for the query words' IDF in sentence relevance;
            default the packaged ones (`synopsis.text.background.default_background`).

    Returns:
        The reweighted scores, with one added concept per narrative question
        (`is_question_concept`); unchanged when the question shares no word with the story.
    """
    terms = query_terms(question)
    if not terms:
        return scores
    words = expand(terms, feats, title_terms(question))
    bg = default_background() if background is None else background
    rel = _relevance(feats, specific(words, terms, feats, bg))
    if not any(rel):
        return scores
    top = max(words.values())
    lam = FOCUS_WEIGHT if weight is None else weight
    factors = {
        c: 1.0 + lam * max(words.get(w, 0.0) for w in c) / top
        for concepts in scores.sentence_concepts
        for c in concepts
    }
    focused = reweight(scores, factors)
    prior = tuple(p * (PRIOR_FLOOR + r) for p, r in zip(scores.position_prior, rel, strict=True))
    kept = tuple(
        concepts if r >= MIN_RELEVANCE else frozenset()
        for concepts, r in zip(focused.sentence_concepts, rel, strict=True)
    )
    focused = replace(focused, sentence_concepts=kept, position_prior=prior)
    return _with_questions(focused, feats, question, rel)


def _with_questions(
    scores: Scores, feats: Sequence[Features], question: str, rel: Sequence[float]
) -> Scores:
    """Add one concept per narrative question, held by the relevant sentences that answer it."""
    subs = sub_questions(question)
    if QUESTION_WEIGHT <= 0 or not subs or not scores.weights:
        return scores
    unit = QUESTION_WEIGHT * max(scores.weights.values())
    added: dict[Concept, float] = {}
    held = [set(concepts) for concepts in scores.sentence_concepts]
    for j, sub in enumerate(subs):
        concept = (QUESTION_CONCEPT, str(j))
        answers = _relevance(feats, dict.fromkeys(sub, 1.0))
        for i, (a, r) in enumerate(zip(answers, rel, strict=True)):
            if a > 0 and a >= QUESTION_MIN and r >= MIN_RELEVANCE:
                held[i].add(concept)
                added[concept] = unit
    return replace(
        scores,
        weights={**scores.weights, **added},
        sentence_concepts=tuple(frozenset(h) for h in held),
    )
