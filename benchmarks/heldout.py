#!/usr/bin/env python
"""Held-out check: Synopsis variants on the first clusters of Multi-News test (truncated).

The file ``data/multinews/test_truncated.jsonl.gz`` in the evaluation-only ``shared`` directory
uses a different preprocessing from Multi-News dev, so its scores (Google's rouge-score, F1,
300 words) are for relative comparison between variants only, never against published figures.

Usage: python benchmarks/heldout.py [--limit 300] [--max-words 300] [--shared PATH]
    [--ablation key=val,key=val ...]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Run as a script, this folder is on sys.path: share the benchmark's override parser.
from run_benchmarks import parse_overrides

from synopsis.evaluation.rouge import rouge_python, summary_lines
from synopsis.ingest.readers import iter_clusters
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError, SynopsisError
from synopsis.model.types import DocumentSet
from synopsis.pipeline import summarize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
HELDOUT = "data/multinews/test_truncated.jsonl.gz"


def first_clusters(path: Path, limit: int) -> list[DocumentSet]:
    """The first `limit` valid clusters with references of a cluster file."""
    out: list[DocumentSet] = []
    for item in itertools.islice(iter_clusters(str(path)), limit):
        if isinstance(item, InputError):
            print(f"  skipped: {item}", file=sys.stderr)
        elif item.references:
            out.append(item)
    return out


def run(clusters: Sequence[DocumentSet], overrides: dict[str, Any], max_words: int) -> str:
    """Summarize and score every cluster under one config; a one-line report."""
    config = SummarizerConfig.from_mapping({"max_words": max_words, "analyze": False, **overrides})
    texts: list[str] = []
    t0 = time.process_time()
    for cluster in clusters:
        try:
            texts.append(summary_lines(summarize(cluster.articles, config)))
        except SynopsisError as exc:
            print(f"  {cluster.id}: {exc}", file=sys.stderr)
            texts.append("")
    cpu = (time.process_time() - t0) / max(1, len(clusters))
    res = rouge_python(texts, [c.references for c in clusters], max_words=max_words, measure="f1")
    rl = res.rl.f1.value if res.rl is not None else float("nan")
    name = ",".join(f"{k}={v}" for k, v in overrides.items()) or "default"
    return (
        f"{name:40s} R-1 {res.r1.f1.value:6.2f}  R-2 {res.r2.f1.value:6.2f}  "
        f"R-Lsum {rl:6.2f}  ({len(clusters)} clusters, {1000 * cpu:.0f} ms/cluster)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Score the default config and each ablation on the held-out clusters."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--max-words", type=int, default=300)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--ablation", action="append", default=[], help="key=val,... (repeatable)")
    args = ap.parse_args(argv)
    path = args.shared / HELDOUT
    if not path.exists():
        print(f"held-out file {path} not found; pass --shared DIR", file=sys.stderr)
        return 2
    clusters = first_clusters(path, args.limit)
    for spec in ["", *args.ablation]:
        print(run(clusters, parse_overrides(spec), args.max_words), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
