"""CPU time of the cross-source analysis per cluster, for an absolute budget in BENCHMARKS.md.

    python benchmarks/analysis_cluster_budget.py [--data ../shared/data/duc2004/test.jsonl]
        [--runs 3]

Cleans and segments each cluster as `synopsis batch` does, then times `synopsis.analyze.analyze`
alone (CPU seconds of this process; the fastest of --runs runs per cluster, the least disturbed
by other work on the machine) and prints the median, 90th percentile, maximum and total.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the per-cluster analysis CPU figures."""
    from synopsis.analyze import analyze
    from synopsis.clean.boilerplate import clean_articles
    from synopsis.ingest.readers import read_clusters
    from synopsis.text.segment import segment

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared/data/duc2004/test.jsonl")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    costs = []
    for cluster in read_clusters(str(args.data)):
        kept, _ = clean_articles(cluster.articles)
        if not kept:
            continue
        sentences = segment(kept)
        best = float("inf")
        for _ in range(args.runs):
            start = time.process_time()
            analyze(kept, sentences)
            best = min(best, time.process_time() - start)
        costs.append(1000 * best)
    costs.sort()
    p90 = costs[min(len(costs) - 1, int(0.9 * len(costs)))]
    print(f"- data: {args.data.name}, {len(costs)} clusters, fastest of {args.runs} runs each")
    print(
        f"- analysis CPU per cluster: median {statistics.median(costs):.1f} ms, "
        f"90th percentile {p90:.1f} ms, max {costs[-1]:.1f} ms; total {sum(costs) / 1000:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
