"""Score types shared by both ROUGE scorers: a score with its confidence interval, R/P/F triples."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from synopsis.model.errors import ConfigError, InputError

MEASURES = ("recall", "precision", "f1")
# Number of bootstrap resamples and confidence level; 1000 and 95% are ROUGE-1.5.5's DUC settings.
BOOTSTRAP_RESAMPLES = 1000
CONFIDENCE = 95
# Seed of the bootstrap in rouge_python, fixed so that reported intervals are reproducible.
BOOTSTRAP_SEED = 12345


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


def check_inputs(
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
