"""The concept-coverage integer linear program behind selection, and its greedy start.

Selection (`synopsis.summarizer.select`) maximizes the weight of covered concepts subject to the
word budget, solved exactly as an integer linear program (Gillick & Favre, "A Scalable Global
Model for Summarization", 2009) with the HiGHS solver (Huangfu & Hall, "Parallelizing the dual
revised simplex method", 2018) through its own binding `highspy`, which imports several times
faster than SciPy's wrapper. Redundancy is implicit because a concept counts once. The budgeted
greedy of Lin & Bilmes ("Multi-document Summarization via Budgeted Maximization of Submodular
Functions", NAACL 2010) gives the solver its starting point, and the answer when the solver gives
none. This module only solves the program `select` builds.
"""

from __future__ import annotations

import math
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import highspy
import numpy as np

from synopsis.summarizer.objectives import Concept

__all__ = [
    "CUT_POOL_LIMIT",
    "ITERATION_LIMIT",
    "MIP_GAP",
    "NODE_LIMIT",
    "Program",
    "greedy",
    "solve",
]

# Relative optimality gap at which HiGHS may stop: 3% of the objective changed no DUC 2004 or
# Multi-News dev score by more than 0.1 ROUGE and cut solve time by 70% against 1e-4 (HiGHS
# mostly proves such gaps at the root node).
MIP_GAP = 0.03
# Soft limit on HiGHS' cut pool (default 10,000). On hard DUC 2004 clusters the solver spent most
# of its time generating thousands of root cuts; 200 cut the mean summarize() CPU time from ~58 to
# ~49 ms per cluster (200 and 300 both ~49-50 ms; 50-100 slower again) with DUC 2004 and
# Multi-News dev scores within 0.1 ROUGE, since the 3% gap is usually closed by the incumbent.
CUT_POOL_LIMIT = 200
# Branch-and-bound nodes HiGHS may explore before it returns its best answer so far. A count, not
# seconds, so the summary is the same on a slow machine and a fast one. On DUC 2004 and
# Multi-News dev every solve closed the gap at the root node (1 node, at most 1,023 simplex
# iterations with the antecedent constraints, 606 without; `python benchmarks/ilp_nodes.py`), so
# the limits only bound pathological inputs.
NODE_LIMIT = 2_000
# Simplex iterations HiGHS may spend in all, for the same reason (a deterministic bound on work).
ITERATION_LIMIT = 200_000


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


@dataclass(frozen=True)
class Program:
    """The data of one selection program: the candidate sentences and what binds them.

    Attributes:
        lengths: each candidate sentence's length in words (with words reserved for edits).
        concepts: each candidate's concepts.
        weights: concept weights.
        prior: each candidate's position prior.
        budget: the word budget.
        duplicates: pairs of candidates of which at most one may be chosen.
        requires: (sentence, companions) pairs: the sentence may be chosen only with one of its
            companions (x_s - sum_a x_a <= 0): its antecedent, or a report of a revised figure.
        prior_weight: units of concept weight a position prior of 1 counts for.
        at_most: (candidates, limit) pairs: at most `limit` of those candidates may be chosen
            together (sum_s x_s <= limit); `select` adds one for each retelling it finds.
        first_mentions: (words, bare, full) per person the rewriter would name in full: the
            words the full name adds at the summary's first mention, paid once (a variable u_p
            in the budget row) when a sentence in `bare` (naming them by surname) is chosen and
            none in `full` (naming them in full, whose name the rewriter moves to the first
            mention): x_s - u_p - sum_f x_f <= 0 for each s in `bare`.
    """

    lengths: np.ndarray
    concepts: list[frozenset[Concept]]
    weights: Mapping[Concept, float]
    prior: np.ndarray
    budget: int
    duplicates: list[tuple[int, int]]
    requires: Sequence[tuple[int, tuple[int, ...]]]
    prior_weight: float
    at_most: Sequence[tuple[tuple[int, ...], int]] = ()
    first_mentions: Sequence[tuple[float, tuple[int, ...], tuple[int, ...]]] = ()
    repeats: Sequence[tuple[int, int, float]] = ()


def solve(
    program: Program,
    node_limit: int,
    *,
    adjacent: Sequence[tuple[int, int]] = (),
    leads: Sequence[int] = (),
    contiguity_bonus: float = 0.0,
) -> list[int] | None:
    """Solve the concept-coverage ILP.

    Concepts found in the same set of sentences are merged (their weights add), and a concept
    found in one sentence only becomes part of that sentence's own coefficient: the optimum is
    unchanged and the program is several times smaller.

    Args:
        program: the candidates, their concepts, weights and priors, the budget, and the
            near-duplicate and companion constraints.
        node_limit: branch-and-bound nodes HiGHS may explore (a count, for determinism).
        adjacent: pairs of consecutive sentences of one article; choosing both earns
            `contiguity_bonus` (z_p <= x_a, z_p <= x_b).
        leads: when given, at least one of these candidates is chosen.
        contiguity_bonus: the objective bonus of an adjacent pair.

    Returns:
        The chosen candidate positions, or None when the solver gives no feasible answer.
    """
    lengths, concepts, weights, prior = (
        program.lengths,
        program.concepts,
        program.weights,
        program.prior,
    )
    budget, duplicates, requires = program.budget, program.duplicates, program.requires
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
    own = program.prior_weight * prior.astype(float) + np.array([math.fsum(w) for w in singles])
    groups = {key: math.fsum(w) for key, w in shared.items()}
    keys = sorted(groups)
    m = len(keys)
    q = len(adjacent)
    people = program.first_mentions
    repeats = program.repeats
    objective = np.concatenate(
        [
            -own,
            -np.array([groups[k] for k in keys]),
            -np.full(q, contiguity_bonus),
            np.zeros(len(people)),
            np.array([penalty for _, _, penalty in repeats]),
        ]
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
    for members, _ in program.at_most:
        rows += [r] * len(members)
        cols += list(members)
        vals += [1.0] * len(members)
        r += 1
    for p, pair in enumerate(adjacent):
        for member in pair:
            rows += [r, r]
            cols += [n + m + p, member]
            vals += [1.0, -1.0]
            r += 1
    if leads:
        rows += [r] * len(leads)
        cols += list(leads)
        vals += [-1.0] * len(leads)
        r += 1
    paid = n + m + q  # the first person's u_p
    mention_rows = 0
    for p, (_, bare, full) in enumerate(people):
        for s in bare:
            rows += [r] * (2 + len(full))
            cols += [s, paid + p, *full]
            vals += [1.0, -1.0] + [-1.0] * len(full)
            r += 1
            mention_rows += 1
    repeat_at = paid + len(people)  # the first repeat's r_p
    for p, (a, b, _) in enumerate(repeats):
        # x_a + x_b - r_p <= 1
        rows += [r, r, r]
        cols += [a, b, repeat_at + p]
        vals += [1.0, 1.0, -1.0]
        r += 1
    rows += [r] * (n + len(people))
    cols += list(range(n)) + [paid + p for p in range(len(people))]
    vals += [float(x) for x in lengths] + [float(words) for words, _, _ in people]
    upper = np.concatenate(
        [
            np.zeros(m),
            np.ones(len(duplicates)),
            np.zeros(len(requires)),
            np.array([float(limit) for _, limit in program.at_most]),
            np.zeros(2 * q),
            [-1.0] if leads else [],
            np.zeros(mention_rows),
            np.ones(len(repeats)),
            [float(budget)],
        ]
    )
    # The greedy answer is a feasible start: HiGHS then only has to improve on it and prove it.
    start = np.zeros(n + m + q + len(people) + len(repeats))
    picked = greedy(program)
    start[picked] = 1.0
    for k, members in enumerate(keys):
        start[n + k] = float(any(start[s] for s in members))
    for p, (a, b) in enumerate(adjacent):
        start[n + m + p] = start[a] * start[b]
    for p, (_, bare, full) in enumerate(people):
        start[paid + p] = float(any(start[s] for s in bare) and not any(start[f] for f in full))
    for p, (a, b, _) in enumerate(repeats):
        start[repeat_at + p] = start[a] * start[b]
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


def greedy(program: Program) -> list[int]:
    """Budgeted greedy on gain per word, compared with the best single sentence.

    A sentence listed in the program's `requires` becomes available once one of its companions
    is chosen; one that would exceed the limit of an `at_most` set it belongs to is not. A
    sentence costs its words and those of each full name (`first_mentions`) it would be the
    first to need.

    Args:
        program: the candidates and their constraints.

    Returns:
        The chosen candidate positions, in the order they were taken.
    """
    lengths, concepts, weights = program.lengths, program.concepts, program.weights
    needed: dict[int, list[tuple[int, ...]]] = {}
    for dependent, companions in program.requires:
        needed.setdefault(dependent, []).append(companions)
    blocked: dict[int, set[int]] = {}
    for a, b in program.duplicates:
        blocked.setdefault(a, set()).add(b)
        blocked.setdefault(b, set()).add(a)
    limits: dict[int, list[tuple[frozenset[int], int]]] = {}
    for group, limit in program.at_most:
        members = frozenset(group)
        for s in group:
            limits.setdefault(s, []).append((members, limit))
    named_in: dict[int, list[int]] = {}  # sentence -> persons it names by surname only
    for p, (_, bare, _) in enumerate(program.first_mentions):
        for s in bare:
            named_in.setdefault(s, []).append(p)
    introduced: set[int] = set()  # persons whose full name the summary carries or has paid for

    def cost(s: int) -> float:
        """The sentence's words and those of the full names it would need first written."""
        extra = math.fsum(
            program.first_mentions[p][0]
            for p in named_in.get(s, ())
            if p not in introduced and s not in program.first_mentions[p][2]
        )
        return float(lengths[s]) + extra

    covered: set[Concept] = set()
    chosen: list[int] = []
    chosen_set: set[int] = set()
    used = 0.0
    left = set(range(len(concepts)))
    while left:
        best, best_ratio = -1, 0.0
        for s in sorted(left):
            if (
                used + cost(s) > program.budget
                or not all(any(a in chosen for a in group) for group in needed.get(s, ()))
                or any(len(chosen_set & group) >= limit for group, limit in limits.get(s, ()))
            ):
                continue
            gain = (
                math.fsum(weights[c] for c in concepts[s] - covered)
                + program.prior_weight * program.prior[s]
            )
            ratio = gain / cost(s)
            if ratio > best_ratio:
                best, best_ratio = s, ratio
        if best < 0:
            break
        chosen.append(best)
        chosen_set.add(best)
        used += cost(best)
        introduced.update(named_in.get(best, ()))
        introduced.update(
            p for p, (_, _, full) in enumerate(program.first_mentions) if best in full
        )
        covered |= concepts[best]
        left -= {best} | blocked.get(best, set())
    fits = [s for s in range(len(concepts)) if lengths[s] <= program.budget and s not in needed]
    if fits:
        single = max(fits, key=lambda s: math.fsum(weights[c] for c in concepts[s]))
        if math.fsum(weights[c] for c in concepts[single]) > math.fsum(weights[c] for c in covered):
            return [single]
    return chosen
