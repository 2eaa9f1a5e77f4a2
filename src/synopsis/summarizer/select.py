"""Choose and order summary sentences under a word budget.

Selection maximizes the weight of covered concepts subject to the budget, solved exactly as an
integer linear program (Gillick & Favre, "A Scalable Global Model for Summarization", 2009) with
the HiGHS solver (Huangfu & Hall, "Parallelizing the dual revised simplex method", 2018) through
its own binding `highspy`, which imports several times faster than SciPy's wrapper. Redundancy is
implicit because a concept counts once. The budgeted greedy of Lin & Bilmes ("Multi-document
Summarization via Budgeted Maximization of Submodular Functions", NAACL 2010) gives the solver
its starting point, and the answer when the solver gives none. This module alone owns the
budget, redundancy and ordering.
"""

from __future__ import annotations

import math
import os
import re
import sys
import threading
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import highspy
import numpy as np

from synopsis.model.types import Sentence
from synopsis.summarizer import coherence
from synopsis.summarizer.features import DANGLING_STARTS, Features
from synopsis.summarizer.furniture import furniture, promotional
from synopsis.summarizer.objectives import Concept, Scores
from synopsis.text import QUOTE_MARK
from synopsis.text.captions import positions_in_picture
from synopsis.text.surnames import bare_surnames

# Candidate sentence length in words. Shorter ones are mostly fragments, captions and headlines;
# longer ones are run-ons from bad markup (checked by reading DUC 2004 and Multi-News dev outputs).
MIN_WORDS = 8
MAX_WORDS = 60
# Weight of the position prior relative to one unit of concept weight (one article sharing a
# concept). First set to 0.5 on DUC 2004 and Multi-News dev. Official ROUGE is flat from 0.5 to 4
# (`python benchmarks/run_benchmarks.py --systems synopsis --no-speed`, DUC 2004 and
# Multi-News dev R-2: 0.5 38.83/10.04, 15.04; 1 38.80/10.11, 15.27; 2 39.04/10.08, 15.20; 3
# 38.75/10.08, 15.28; 4 38.91/10.21, 15.01; DUC 2007 update --since --focus R-2 10.55, 10.81,
# 10.92, 10.76, 10.70), so readers chose: in blind round 23 (benchmarks/blind_results/
# 2026-12-03-ab-23.md; 8 stories drawn with a seed from the 50 of 147 that change at 200/100
# words) 2 was ranked above 0.5 in 6 of 8 packets, coherence 2.75 against 2.38, informativeness
# 3.38 against 2.88, unintroduced references 2.25 against 2.62. A lead sentence opens its story
# and names what it is about, so it stands on its own in a summary. 3 and 4 were not read.
PRIOR_WEIGHT = 2.0
# The prior's weight in a long-running story (articles more than `coherence.LONG_STORY_DAYS`
# apart), where each article's lead tells its own event and leads read as a list of unrelated
# events: PRIOR_WEIGHT's value before round 23, ranked above 2.0 by readers of DUC 2007 main in
# 5 of 6 packets; one value read, not tuned; its ROUGE figures (DUC 2004 and 2007) are in
# benchmarks/blind_results/2026-12-04-ab-39.md. Not in update mode, where PRIOR_WEIGHT was
# calibrated (DUC 2007 update, all 30 stages, --since --focus: 37.55 / 11.01 against 37.12 /
# 10.71 with 0.5 in long stages; 7 rather than 9 of the 20 B and C stages the same summary as
# without --since; `python benchmarks/update_focus_eval.py`).
LONG_STORY_PRIOR_WEIGHT = 0.5
# Two sentences sharing this much of their content words are near-duplicates (wire copy reprinted
# by several outlets); at most one of them may be chosen.
DUPLICATE_OVERLAP = 0.7
# Relative optimality gap at which HiGHS may stop: 3% of the objective changed no DUC 2004 or
# Multi-News dev score by more than 0.1 ROUGE and cut solve time by 70% against 1e-4 (HiGHS
# mostly proves such gaps at the root node).
MIP_GAP = 0.03
# Soft limit on HiGHS' cut pool (default 10,000). On hard DUC 2004 clusters the solver spent most
# of its time generating thousands of root cuts; 200 cut the mean summarize() CPU time from ~58 to
# ~49 ms per cluster (200 and 300 both ~49-50 ms; 50-100 slower again) with DUC 2004 and
# Multi-News dev scores within 0.1 ROUGE, since the 3% gap is usually closed by the incumbent.
CUT_POOL_LIMIT = 200
# Candidates passed to the ILP, best concept weight per word first: solve time grows steeply with
# the candidate count while the optimum lies among the densest sentences (on DUC 2004 and
# Multi-News dev, 50 scored within 0.1 ROUGE of 100 and of no pruning, at half the solve time).
ILP_CANDIDATES = 50
# Branch-and-bound nodes HiGHS may explore before it returns its best answer so far. A count, not
# seconds, so the summary is the same on a slow machine and a fast one. On DUC 2004 and
# Multi-News dev every solve closed the gap at the root node (1 node, at most 1,023 simplex
# iterations with the antecedent constraints, 606 without; `python benchmarks/ilp_nodes.py`), so
# the limits only bound pathological inputs.
NODE_LIMIT = 2_000
# Simplex iterations HiGHS may spend in all, for the same reason (a deterministic bound on work).
ITERATION_LIMIT = 200_000

# Objective bonus, in units of concept weight, for choosing two consecutive sentences of one
# article (a pair reads as connected text and the first supplies the second's referents). Off:
# on DUC 2004 / Multi-News dev (official ROUGE) 0.25 cost 0.3/0.2 and 1.0 cost 0.4/0.3
# without lowering the audit's reference or junk counts (`python benchmarks/run_benchmarks.py`,
# `python benchmarks/readability_audit_eval.py`). Blind readers of 0.5 against 0 (24 packets,
# benchmarks/blind_results/2026-12-02-ab-4-5.md): same coherence, ranked above in 13 of 24,
# unintroduced references 1.46 against 1.75 (within noise), at a ROUGE cost of 0.07-0.24; off.
CONTIGUITY_BONUS = 0.0

_BANNER_LOCK = threading.Lock()
_banner_shown = False


def _new_solver() -> highspy.Highs:
    """A HiGHS instance, with its one-time copyright banner kept off standard output.

    HiGHS 1.16 prints the banner from C++ to file descriptor 1 when the first instance of a process
    is made, before any option can be set, so descriptor 1 points at /dev/null for that call.
    """
    global _banner_shown
    with _BANNER_LOCK:
        if _banner_shown:
            return highspy.Highs()  # type: ignore[no-untyped-call]
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 1)
            try:
                solver = highspy.Highs()  # type: ignore[no-untyped-call]
            finally:
                os.dup2(saved, 1)
        finally:
            os.close(saved)
        _banner_shown = True
        return solver


# First words that need an antecedent, a previous sentence or a speaker to make sense.
_DANGLING = DANGLING_STARTS | frozenset(
    """
    there both another others hence besides accordingly anyway indeed though although while
    whereas here we i you our my yes
    """.split()
)
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")
# "One" standing for one of a set named before ("One would require federal health plans to cover
# contraceptives.", DUC 2004 D31031, after a list of riders the summary never showed): a pronoun
# that needs its antecedent, unlike "One person was killed". A verb or "of them" right after it
# marks the pronoun.
_ONE_OF_A_SET = re.compile(
    r"[\"'“‘(]*One\s+(?:would|will|is|was|has|had|could|can|may|might|must|should|does|did|"
    r"of\s+(?:them|those|these|which))\b"
)
_TERMINAL = re.compile(r"[.!]['\"”’)]*$")


@dataclass(frozen=True)
class Selection:
    """Indices of chosen sentences, in reading order, and how they were found."""

    indices: tuple[int, ...]
    method: str


def eligible(text: str, *, drop_promotional: bool = True, antecedent: bool = False) -> bool:
    """Whether a sentence can stand in a summary (length, shape, no dangling start).

    Args:
        text: the sentence as the summary would show it.
        drop_promotional: reject web page furniture (`promotional`).
        antecedent: the sentence will be shown right after its predecessor, so an opening
            pronoun, demonstrative or connective (`coherence.ANTECEDENT_STARTS`) is allowed,
            except a demonstrative standing for a proposition (`coherence.abstract_anaphor`).

    Returns:
        Whether it may be chosen.
    """
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS:
        return False
    if not _TERMINAL.search(text):
        return False
    first = _FIRST_WORD.match(text)
    if first is None or not (first.group(1)[0].isupper() or text[0].isdigit()):
        return False
    start = first.group(1).lower()
    if start in _DANGLING and not (
        antecedent and start in coherence.ANTECEDENT_STARTS and not coherence.abstract_anaphor(text)
    ):
        return False
    if _ONE_OF_A_SET.match(text):
        return False
    if len(QUOTE_MARK.findall(text)) % 2:
        return False  # a quotation left open or closed unopened ("saying: ``We don't have a deal.")
    if text.count("(") != text.count(")"):
        return False  # half a parenthesis ("(Overweight is defined as ...", DUC 2007 D0724)
    if "http" in text or "@" in text:
        return False
    return not (drop_promotional and (promotional(text) or furniture(text)))


def _duplicate_pairs(cands: Sequence[int], feats: Sequence[Features]) -> list[tuple[int, int]]:
    """Pairs of candidate positions whose content words overlap at least DUPLICATE_OVERLAP."""
    sets = [feats[i].content for i in cands]
    pairs = []
    for a in range(len(sets)):
        for b in range(a + 1, len(sets)):
            shared = len(sets[a] & sets[b])
            if shared and shared >= DUPLICATE_OVERLAP * max(1, min(len(sets[a]), len(sets[b]))):
                pairs.append((a, b))
    return pairs


def _ilp(
    lengths: np.ndarray,
    concepts: list[frozenset[Concept]],
    weights: dict[Concept, float],
    prior: np.ndarray,
    budget: int,
    duplicates: list[tuple[int, int]],
    node_limit: int,
    requires: Sequence[tuple[int, tuple[int, ...]]] = (),
    adjacent: Sequence[tuple[int, int]] = (),
) -> list[int] | None:
    """Solve the concept-coverage ILP; None when the solver gives no feasible answer.

    `requires` holds (sentence, companions) pairs: the sentence may be chosen only with one of
    its companions (x_s - sum_a x_a <= 0): its antecedent, or a report of a revised figure.
    `adjacent` holds pairs of consecutive sentences of one article; choosing both earns
    CONTIGUITY_BONUS (z_p <= x_a, z_p <= x_b).

    Concepts found in the same set of sentences are merged (their weights add), and a concept
    found in one sentence only becomes part of that sentence's own coefficient: the optimum is
    unchanged and the program is several times smaller.
    """
    n = len(concepts)
    holders: dict[Concept, list[int]] = {}
    for s, cs in enumerate(concepts):
        for c in cs:
            holders.setdefault(c, []).append(s)
    # Weights are summed with math.fsum, exactly rounded whatever the order of the concept sets
    # (which follows the hash seed), so the program is the same bit for bit on every run.
    singles: list[list[float]] = [[] for _ in range(n)]
    shared: dict[tuple[int, ...], list[float]] = {}
    for c, where in holders.items():
        if len(where) == 1:
            singles[where[0]].append(weights[c])
        else:
            shared.setdefault(tuple(where), []).append(weights[c])
    own = PRIOR_WEIGHT * prior.astype(float) + np.array([math.fsum(w) for w in singles])
    groups = {key: math.fsum(w) for key, w in shared.items()}
    keys = sorted(groups)
    m = len(keys)
    q = len(adjacent)
    objective = -np.concatenate(
        [own, np.array([groups[k] for k in keys]), np.full(q, CONTIGUITY_BONUS)]
    )
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
    for dependent, companions in requires:
        rows += [r] * (1 + len(companions))
        cols += [dependent, *companions]
        vals += [1.0] + [-1.0] * len(companions)
        r += 1
    for p, pair in enumerate(adjacent):
        for member in pair:
            rows += [r, r]
            cols += [n + m + p, member]
            vals += [1.0, -1.0]
            r += 1
    rows += [r] * n
    cols += list(range(n))
    vals += [float(x) for x in lengths]
    upper = np.concatenate(
        [
            np.zeros(m),
            np.ones(len(duplicates)),
            np.zeros(len(requires) + 2 * q),
            [float(budget)],
        ]
    )
    # The greedy answer is a feasible start: HiGHS then only has to improve on it and prove it.
    start = np.zeros(n + m + q)
    picked = _greedy(lengths, concepts, weights, prior, budget, duplicates, requires)
    start[picked] = 1.0
    for k, members in enumerate(keys):
        start[n + k] = float(any(start[s] for s in members))
    for p, (a, b) in enumerate(adjacent):
        start[n + m + p] = start[a] * start[b]
    return _solve(objective, rows, cols, vals, upper, n, node_limit, start)


def _solve(
    objective: np.ndarray,
    rows: list[int],
    cols: list[int],
    vals: list[float],
    upper: np.ndarray,
    n_sentences: int,
    node_limit: int,
    start: np.ndarray | None = None,
) -> list[int] | None:
    """Minimize objective . x over binary x with A x <= upper, using HiGHS; None if no answer."""
    n_cols = len(objective)
    r = np.asarray(rows, dtype=np.int32)
    c = np.asarray(cols, dtype=np.int32)
    v = np.asarray(vals, dtype=float)
    order = np.lexsort((r, c))
    lp = highspy.HighsLp()
    lp.num_col_ = n_cols
    lp.num_row_ = len(upper)
    lp.col_cost_ = objective
    lp.col_lower_ = np.zeros(n_cols)
    lp.col_upper_ = np.ones(n_cols)
    lp.row_lower_ = np.full(len(upper), -highspy.kHighsInf)
    lp.row_upper_ = upper
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n_cols
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.searchsorted(c[order], np.arange(n_cols + 1)).astype(np.int32)
    lp.a_matrix_.index_ = r[order]
    lp.a_matrix_.value_ = v[order]
    solver = _new_solver()
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("mip_max_nodes", int(node_limit))
    solver.setOptionValue("simplex_iteration_limit", ITERATION_LIMIT)
    solver.setOptionValue("mip_rel_gap", MIP_GAP)
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("mip_pool_soft_limit", CUT_POOL_LIMIT)
    solver.passModel(lp)
    if start is not None:
        initial = highspy.HighsSolution()
        initial.col_value = list(start)
        initial.value_valid = True
        solver.setSolution(initial)
    solver.run()
    solution = solver.getSolution()
    if not solution.value_valid:
        return None
    values = solution.col_value
    return [s for s in range(n_sentences) if values[s] > 0.5]


def _greedy(
    lengths: np.ndarray,
    concepts: list[frozenset[Concept]],
    weights: dict[Concept, float],
    prior: np.ndarray,
    budget: int,
    duplicates: list[tuple[int, int]],
    requires: Sequence[tuple[int, tuple[int, ...]]] = (),
) -> list[int]:
    """Budgeted greedy on gain per word, compared with the best single sentence.

    A sentence listed in `requires` (sentence, companions) becomes available once one of its
    companions is chosen.
    """
    needed: dict[int, list[tuple[int, ...]]] = {}
    for dependent, companions in requires:
        needed.setdefault(dependent, []).append(companions)
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
        for s in sorted(left):
            if used + lengths[s] > budget or not all(
                any(a in chosen for a in group) for group in needed.get(s, ())
            ):
                continue
            gain = math.fsum(weights[c] for c in concepts[s] - covered) + PRIOR_WEIGHT * prior[s]
            ratio = gain / lengths[s]
            if ratio > best_ratio:
                best, best_ratio = s, ratio
        if best < 0:
            break
        chosen.append(best)
        used += int(lengths[best])
        covered |= concepts[best]
        left -= {best} | blocked.get(best, set())
    fits = [s for s in range(len(concepts)) if lengths[s] <= budget and s not in needed]
    if fits:
        single = max(fits, key=lambda s: math.fsum(weights[c] for c in concepts[s]))
        if math.fsum(weights[c] for c in concepts[single]) > math.fsum(weights[c] for c in covered):
            return [single]
    return chosen


def reading_order(
    sentences: Sequence[Sentence],
    published: dict[str, str | None],
    *,
    centrality: Sequence[float] | None = None,
    follows: dict[int, int] | None = None,
    texts: Sequence[str] | None = None,
    year: int | None = None,
) -> list[int]:
    """Order chosen sentences to read naturally (`coherence.order`).

    The sentence with the most central content opens (a lead sentence preferred, never
    background or "also", a quote only from a lead); the rest follow by role (event, reported
    speech, reaction, quote, background), then by article date when every article has one, then
    by position. Sentences of one article keep their relative order, and a sentence that needs
    its antecedent comes right after it.

    Args:
        sentences: the chosen sentences.
        published: article id to publication date.
        centrality: each sentence's central content (its concept weight); default equal.
        follows: position to the position of the antecedent it must follow immediately.
        texts: what each sentence reads as in the summary; default its text.
        year: the story's year, against which explicitly earlier years are background.

    Returns:
        Positions of `sentences` in reading order.
    """
    return coherence.order(
        sentences, published, centrality=centrality, follows=follows, texts=texts, year=year
    )


def _name_words(
    sentences: Sequence[Sentence], shown: Sequence[str], cands: Sequence[int]
) -> dict[int, int]:
    """Words that writing each candidate's bare surnames in full would add (`bare_surnames`)."""
    articles: dict[str, list[str]] = {}
    for s in sentences:
        articles.setdefault(s.article_id, []).append(s.text)
    texts = {a: " ".join(parts) for a, parts in articles.items()}
    extra: dict[int, int] = {}
    for i in cands:
        found = bare_surnames(shown[i], texts[sentences[i].article_id])
        added = sum(len(e.full.split()) - len(shown[i][e.start : e.end].split()) for e in found)
        if added > 0:
            extra[i] = added
    return extra


def select(
    sentences: Sequence[Sentence],
    feats: Sequence[Features],
    scores: Scores,
    *,
    max_words: int,
    published: dict[str, str | None] | None = None,
    node_limit: int = NODE_LIMIT,
    texts: Sequence[str] | None = None,
    solver: str = "ilp",
    drop_promotional: bool = True,
    blocked: Collection[int] = (),
    antecedents: bool = True,
    reserved: Mapping[int, int] | None = None,
    revised: Mapping[int, Collection[int]] | None = None,
    update: bool = False,
) -> Selection:
    """Choose the sentences that cover the most concept weight within `max_words`.

    Args:
        sentences: all sentences of the story.
        feats: their features.
        scores: concept weights and priors from `score`.
        max_words: the word budget; the summary never exceeds it.
        published: article id to publication date, for ordering.
        node_limit: branch-and-bound nodes the ILP solver may explore; its best answer by then
            is used (a count rather than seconds, so results do not depend on machine speed).
        texts: what each sentence would read as in the summary (e.g. compressed); default the
            sentence text. Eligibility and length are judged on these.
        solver: "ilp" (exact, the default) or "greedy" (the submodular approximation alone).
        drop_promotional: leave out web page furniture (`promotional`).
        blocked: sentence positions that may not be chosen at all (in update mode, those that
            repeat what the reader has already seen).
        antecedents: let a sentence that needs the one before it in its article
            (`coherence.needs_antecedent`) be chosen together with it, shown right after it;
            when False such sentences with a dangling first word are not eligible.
        reserved: words a later stage will add to a sentence (by position; the rewriter's
            absolute dates), counted in its length so that the edit fits in the budget.
        revised: sentences that give a figure a newer article revised ("injuring 12" before
            "has risen to 14"), each with the sentences that give the figure as it now stands:
            chosen only together with one of them, which is shown right after it.
        update: an update summary (`blocked` holds the sentences that repeat what the reader
            saw); the prior then keeps PRIOR_WEIGHT in a long-running story too.

    Returns:
        The chosen sentence positions in reading order.
    """
    shown = [s.text for s in sentences] if texts is None else list(texts)
    if not update and coherence.long_running(list((published or {}).values())):
        scale = LONG_STORY_PRIOR_WEIGHT / PRIOR_WEIGHT
        scores = replace(scores, position_prior=tuple(p * scale for p in scores.position_prior))
    words = [len(t.split()) for t in shown]
    # a sentence that begins inside another sentence's quotation would lose its speaker
    barred = frozenset(blocked) | coherence.inside_quotation(sentences)
    cands = [
        i
        for i, t in enumerate(shown)
        if i not in barred
        and words[i] <= max_words
        and eligible(t, drop_promotional=drop_promotional, antecedent=antecedents)
        # a wire caption's position marks ("Shane Bauer (2nd L)") are compressed away in `t`
        and not (drop_promotional and positions_in_picture(sentences[i].text))
    ]
    # A sentence that needs the one before it may be chosen only with it (an ILP constraint); one
    # that opens with a dangling word but has no sentence before it is not chosen at all.
    needs = coherence.antecedents(sentences, shown, only=cands) if antecedents else {}
    cands = coherence.with_companions(cands, needs, revised or {})
    if not cands:
        # Nothing passes the filters: fall back to any sentence that fits, to say something.
        cands = [i for i, n in enumerate(words) if 0 < n <= max_words and i not in barred]
    if not cands:
        return Selection(indices=(), method="none")
    if len(cands) > ILP_CANDIDATES:
        # Keep the sentences with the most concept weight per word (and the prior) for the ILP.
        def density(i: int) -> float:
            gain = math.fsum(scores.weights[c] for c in scores.sentence_concepts[i])
            return (gain + PRIOR_WEIGHT * scores.position_prior[i]) / max(1, words[i])

        keep = set(sorted(cands, key=lambda i: (-density(i), i))[:ILP_CANDIDATES])
        cands = coherence.with_companions([i for i in cands if i in keep], needs, revised or {})
    local = {i: k for k, i in enumerate(cands)}
    requires: list[tuple[int, tuple[int, ...]]] = [
        (local[i], (local[a],)) for i, a in needs.items() if i in local and a in local
    ]
    requires += [
        (local[i], tuple(local[a] for a in sorted(group) if a in local))
        for i, group in (revised or {}).items()
        if i in local
    ]
    # Words the rewriter will add to name people in full (`synopsis.rewrite`): reserved here, so
    # the edit fits in the budget instead of being dropped for want of words.
    extra = _name_words(sentences, shown, cands)
    for i, n in (reserved or {}).items():
        if i in local:
            extra[i] = extra.get(i, 0) + n
    lengths = np.array([words[i] + extra.get(i, 0) for i in cands], dtype=float)
    concepts = [scores.sentence_concepts[i] for i in cands]
    prior = np.array([scores.position_prior[i] for i in cands])
    weights = scores.weights
    duplicates = _duplicate_pairs(cands, feats)
    chosen: list[int] | None = None
    method = "ilp"
    if solver == "ilp" and any(concepts):
        where = {(sentences[i].article_id, sentences[i].index): k for k, i in enumerate(cands)}
        adjacent = [
            (k, nxt)
            for k, i in enumerate(cands)
            if (nxt := where.get((sentences[i].article_id, sentences[i].index + 1))) is not None
        ]
        chosen = _ilp(
            lengths,
            concepts,
            weights,
            prior,
            max_words,
            duplicates,
            node_limit,
            requires,
            adjacent if CONTIGUITY_BONUS > 0 else (),
        )
    if chosen is None:
        method = "greedy"
        chosen = _greedy(lengths, concepts, weights, prior, max_words, duplicates, requires)
    if not chosen:
        # No sentence adds concept weight (e.g. no shared concepts): lead with the first one
        # that needs no antecedent.
        dependents = {k for k, _ in requires}
        chosen = [next((k for k in range(len(cands)) if k not in dependents), 0)]
        method = "lead"
    picked = [cands[k] for k in chosen]
    position = {i: k for k, i in enumerate(picked)}
    follows = {
        position[i]: position[a]
        for i in picked
        if (a := needs.get(i)) is not None and a in position
    }
    for i, group in sorted((revised or {}).items()):
        # the report of the revised figure right after the figure it revises
        after = next((a for a in sorted(group) if a in position), None)
        if i in position and after is not None and position[after] not in follows:
            follows[position[after]] = position[i]
    ordered = reading_order(
        [sentences[i] for i in picked],
        published or {},
        centrality=[math.fsum(weights[c] for c in scores.sentence_concepts[i]) for i in picked],
        follows=follows,
        texts=[shown[i] for i in picked],
        year=coherence.story_year(list((published or {}).values()), shown),
    )
    return Selection(indices=tuple(picked[k] for k in ordered), method=method)
