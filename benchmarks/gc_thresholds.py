"""CPU time of summarizing DUC 2004 under CPython's default GC settings and under `tune_gc`.

    python benchmarks/gc_thresholds.py [--runs 5] [--shared ../shared]

Each run is a fresh process that summarizes all 50 clusters with
`synopsis.apps.batch.summarize_cluster`
(as a batch worker does), with and without the analysis; the settings alternate, and the median
and fastest CPU seconds of each are printed. This is how
`synopsis.apps.batch.GC_THRESHOLDS` was chosen.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETTINGS = ("default", "tuned")


def _one_run(setting: str, analysis: bool, data: Path) -> float:
    """Summarize every cluster once in this process; CPU seconds."""
    from synopsis.apps.batch import summarize_cluster, tune_gc
    from synopsis.ingest.readers import read_clusters
    from synopsis.model.config import SummarizerConfig

    clusters = read_clusters(str(data))
    if setting == "tuned":
        tune_gc()
    config = SummarizerConfig(max_words=100, analyze=analysis)
    start = time.process_time()
    for cluster in clusters:
        summarize_cluster(cluster, config)
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> int:
    """Print a Markdown table of CPU seconds per GC setting, with and without the analysis."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--one", nargs=2, metavar=("SETTING", "ANALYSIS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    data = args.shared / "data" / "duc2004" / "test.jsonl"
    if args.one:
        print(_one_run(args.one[0], args.one[1] == "1", data))
        return 0
    if not data.is_file():
        print(f"{data} not found; pass --shared DIR", file=sys.stderr)
        return 2
    cpu: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs):
        for setting in SETTINGS:
            for analysis in ("0", "1"):
                cmd = [sys.executable, __file__, "--shared", str(args.shared)]
                out = subprocess.run(
                    [*cmd, "--one", setting, analysis], check=True, capture_output=True, text=True
                )
                cpu.setdefault((setting, analysis), []).append(float(out.stdout))
    print(f"- command: `python benchmarks/gc_thresholds.py --runs {args.runs}`")
    print("| GC setting | summarize s (median / fastest) | with analysis | analysis adds |")
    print("|---|---|---|---|")
    for setting in SETTINGS:
        plain, full = cpu[(setting, "0")], cpu[(setting, "1")]
        share = 100 * (statistics.median(full) / statistics.median(plain) - 1)
        print(
            f"| {setting} | {statistics.median(plain):.2f} / {min(plain):.2f} "
            f"| {statistics.median(full):.2f} / {min(full):.2f} | {share:.1f}% (medians) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
