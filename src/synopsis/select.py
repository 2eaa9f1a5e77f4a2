"""Choose and order summary sentences under a word budget.

Selection maximizes the weight of covered concepts subject to the budget, solved exactly as an
integer linear program (Gillick & Favre, "A Scalable Global Model for Summarization", 2009) with
SciPy's HiGHS `milp`; redundancy is implicit because a concept counts once. When the solver cannot
finish in time the budgeted greedy of Lin & Bilmes ("Multi-document Summarization via Budgeted
Maximization of Submodular Functions", NAACL 2010) gives a solution with a (1 - 1/sqrt(e)) bound.
This module alone owns the budget, redundancy and ordering.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix

from synopsis.models import Sentence
from synopsis.represent import Features
from synopsis.score import Concept, Scores

# Candidate sentence length in words. Shorter ones are mostly fragments, captions and headlines;
# longer ones are run-ons from bad markup (checked by reading DUC 2004 and Multi-News dev outputs).
MIN_WORDS = 8
MAX_WORDS = 60
# Weight of the position prior relative to one unit of concept weight (one article sharing a
# concept). Calibrated on DUC 2004 and Multi-News dev.
PRIOR_WEIGHT = 0.5
# Two sentences sharing this much of their content words are near-duplicates (wire copy reprinted
# by several outlets); at most one of them may be chosen.
DUPLICATE_OVERLAP = 0.7
# Relative optimality gap at which HiGHS may stop: 0.5% of the objective changed no DUC 2004 or
# Multi-News dev score by more than 0.05 ROUGE and roughly halved solve time against 1e-4.
MIP_GAP = 0.005
# Above this many candidates the ILP is skipped for the greedy (keeps worst-case time bounded).
MAX_ILP_CANDIDATES = 3000

# First words that need an antecedent or a previous sentence to make sense.
_DANGLING = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "them",
        "his",
        "her",
        "its",
        "their",
        "this",
        "these",
        "those",
        "that",
        "there",
        "such",
        "both",
        "another",
        "others",
        "but",
        "however",
        "and",
        "also",
        "so",
        "yet",
        "meanwhile",
        "still",
        "then",
        "thus",
        "hence",
        "instead",
        "moreover",
        "furthermore",
        "besides",
        "nevertheless",
        "nonetheless",
        "or",
        "nor",
        "likewise",
        "similarly",
        "otherwise",
        "accordingly",
        "therefore",
        "anyway",
        "indeed",
        "though",
        "although",
        "while",
        "whereas",
        "here",
        "we",
        "i",
        "you",
        "our",
        "my",
    ]
)
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")
_TERMINAL = re.compile(r"[.!]['\"”’)]*$")
_QUOTES = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class Selection:
    """Indices of chosen sentences, in reading order, and how they were found."""

    indices: tuple[int, ...]
    method: str


def eligible(text: str) -> bool:
    """Whether a sentence can stand in a summary on its own (length, shape, no dangling start)."""
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if not _TERMINAL.search(text):
        return False
    first = _FIRST_WORD.match(text)
    if first is None or not (first.group(1)[0].isupper() or text[0].isdigit()):
        return False
    if first.group(1).lower() in _DANGLING:
        return False
    if len(_QUOTES.findall(text)) % 2:
        return False
    return "http" not in text and "@" not in text


def _duplicate_pairs(cands: Sequence[int], feats: Sequence[Features]) -> list[tuple[int, int]]:
    """Pairs of candidate positions whose content words overlap at least DUPLICATE_OVERLAP."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, i in enumerate(cands):
        for word in feats[i].content:
            rows.append(row)
            cols.append(vocab.setdefault(word, len(vocab)))
    if not rows:
        return []
    m = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(cands), max(1, len(vocab))))
    inter = (m @ m.T).tocoo()
    sizes = np.asarray(m.sum(axis=1)).ravel()
    pairs = []
    for a, b, v in zip(inter.row, inter.col, inter.data, strict=True):
        if a < b and v >= DUPLICATE_OVERLAP * max(1.0, min(sizes[a], sizes[b])):
            pairs.append((int(a), int(b)))
    return pairs


def _ilp(
    lengths: np.ndarray,
    concepts: list[frozenset[Concept]],
    weights: dict[Concept, float],
    prior: np.ndarray,
    budget: int,
    duplicates: list[tuple[int, int]],
    time_limit: float,
) -> list[int] | None:
    """Solve the concept-coverage ILP; None when the solver gives no feasible answer.

    Concepts found in the same set of sentences are merged (their weights add), and a concept
    found in one sentence only becomes part of that sentence's own coefficient: the optimum is
    unchanged and the program is several times smaller.
    """
    n = len(concepts)
    holders: dict[Concept, list[int]] = {}
    for s, cs in enumerate(concepts):
        for c in cs:
            holders.setdefault(c, []).append(s)
    own = PRIOR_WEIGHT * prior.astype(float)
    groups: dict[tuple[int, ...], float] = {}
    for c, where in holders.items():
        if len(where) == 1:
            own[where[0]] += weights[c]
        else:
            key = tuple(where)
            groups[key] = groups.get(key, 0.0) + weights[c]
    keys = sorted(groups)
    m = len(keys)
    objective = -np.concatenate([own, np.array([groups[k] for k in keys])])
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    # Group k is covered only if some chosen sentence holds it: y_k - sum_s x_s <= 0.
    for k, members in enumerate(keys):
        rows += [k] * (len(members) + 1)
        cols += [*members, n + k]
        vals += [-1.0] * len(members) + [1.0]
    r = m
    for a, b in duplicates:
        rows += [r, r]
        cols += [a, b]
        vals += [1.0, 1.0]
        r += 1
    rows += [r] * n
    cols += list(range(n))
    vals += [float(x) for x in lengths]
    upper = np.concatenate([np.zeros(m), np.ones(len(duplicates)), [float(budget)]])
    matrix = coo_matrix((vals, (rows, cols)), shape=(r + 1, n + m)).tocsr()
    result = milp(
        objective,
        constraints=LinearConstraint(matrix, -np.inf, upper),
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"time_limit": time_limit, "disp": False, "mip_rel_gap": MIP_GAP},
    )
    if result.x is None:
        return None
    return [s for s in range(n) if result.x[s] > 0.5]


def _greedy(
    lengths: np.ndarray,
    concepts: list[frozenset[Concept]],
    weights: dict[Concept, float],
    prior: np.ndarray,
    budget: int,
    duplicates: list[tuple[int, int]],
) -> list[int]:
    """Budgeted greedy on gain per word, compared with the best single sentence."""
    blocked: dict[int, set[int]] = {}
    for a, b in duplicates:
        blocked.setdefault(a, set()).add(b)
        blocked.setdefault(b, set()).add(a)
    covered: set[Concept] = set()
    chosen: list[int] = []
    used = 0
    left = set(range(len(concepts)))
    while left:
        best, best_ratio = -1, 0.0
        for s in left:
            if used + lengths[s] > budget:
                continue
            gain = sum(weights[c] for c in concepts[s] - covered) + PRIOR_WEIGHT * prior[s]
            ratio = gain / lengths[s]
            if ratio > best_ratio:
                best, best_ratio = s, ratio
        if best < 0:
            break
        chosen.append(best)
        used += int(lengths[best])
        covered |= concepts[best]
        left -= {best} | blocked.get(best, set())
    fits = [s for s in range(len(concepts)) if lengths[s] <= budget]
    if fits:
        single = max(fits, key=lambda s: sum(weights[c] for c in concepts[s]))
        if sum(weights[c] for c in concepts[single]) > sum(weights[c] for c in covered):
            return [single]
    return chosen


def reading_order(sentences: Sequence[Sentence], published: dict[str, str | None]) -> list[int]:
    """Order positions chronologically by article date when all are known, else by position."""
    order = {aid: k for k, aid in enumerate(dict.fromkeys(s.article_id for s in sentences))}
    dates = [published.get(s.article_id) for s in sentences]
    dated = all(dates) and len(set(dates)) > 1

    def key(k: int) -> tuple[str, int, int]:
        s = sentences[k]
        return ((dates[k] or "") if dated else "", s.index, order[s.article_id])

    return sorted(range(len(sentences)), key=key)


def select(
    sentences: Sequence[Sentence],
    feats: Sequence[Features],
    scores: Scores,
    *,
    max_words: int,
    published: dict[str, str | None] | None = None,
    time_limit: float = 10.0,
    texts: Sequence[str] | None = None,
) -> Selection:
    """Choose the sentences that cover the most concept weight within `max_words`.

    Args:
        sentences: all sentences of the story.
        feats: their features.
        scores: concept weights and priors from `score`.
        max_words: the word budget; the summary never exceeds it.
        published: article id to publication date, for ordering.
        time_limit: seconds the ILP solver may use before the greedy takes over.
        texts: what each sentence would read as in the summary (e.g. compressed); default the
            sentence text. Eligibility and length are judged on these.

    Returns:
        The chosen sentence positions in reading order.
    """
    shown = [s.text for s in sentences] if texts is None else list(texts)
    words = [len(t.split()) for t in shown]
    cands = [i for i, t in enumerate(shown) if eligible(t) and words[i] <= max_words]
    if not cands:
        # Nothing passes the filters: fall back to any sentence that fits, to say something.
        cands = [i for i, n in enumerate(words) if 0 < n <= max_words]
    if not cands:
        return Selection(indices=(), method="none")
    lengths = np.array([words[i] for i in cands], dtype=float)
    concepts = [scores.sentence_concepts[i] for i in cands]
    prior = np.array([scores.position_prior[i] for i in cands])
    weights = scores.weights
    duplicates = _duplicate_pairs(cands, feats)
    chosen: list[int] | None = None
    method = "ilp"
    if len(cands) <= MAX_ILP_CANDIDATES and any(concepts):
        chosen = _ilp(lengths, concepts, weights, prior, max_words, duplicates, time_limit)
    if chosen is None:
        method = "greedy"
        chosen = _greedy(lengths, concepts, weights, prior, max_words, duplicates)
    if not chosen:
        # No sentence adds concept weight (e.g. no shared concepts): lead with the first one.
        chosen = [0]
        method = "lead"
    picked = [cands[k] for k in chosen]
    ordered = reading_order([sentences[i] for i in picked], published or {})
    return Selection(indices=tuple(picked[k] for k in ordered), method=method)
