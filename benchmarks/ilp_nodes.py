#!/usr/bin/env python
"""How many branch-and-bound nodes the selection ILP needs, per cluster (calibrates NODE_LIMIT).

Runs Synopsis over DUC 2004 (100 words) and Multi-News dev (300 words) and records, for every ILP
solve, HiGHS' node count, simplex iteration count and whether it stopped on a limit rather than
at the gap. ``synopsis.summarizer.coverage.NODE_LIMIT`` should sit well above the largest count.

Usage: python benchmarks/ilp_nodes.py [--shared PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    import highspy

    from synopsis.ingest.readers import read_clusters
    from synopsis.model.config import SummarizerConfig
    from synopsis.model.errors import EmptyInputError
    from synopsis.pipeline import summarize
    from synopsis.summarizer import coverage

    records: list[dict[str, Any]] = []
    original_run = highspy.Highs.run

    def counting_run(self: Any) -> Any:
        status = original_run(self)
        info = self.getInfo()
        records.append(
            {
                "nodes": int(info.mip_node_count),
                "iterations": int(info.simplex_iteration_count),
                "status": str(self.getModelStatus()),
            }
        )
        return status

    highspy.Highs.run = counting_run  # type: ignore[method-assign]
    datasets = {
        "duc2004": (args.shared / "data/duc2004/test.jsonl", 100),
        "multinews-dev": (args.shared / "data/multinews/dev.jsonl", 300),
    }
    print(f"NODE_LIMIT={coverage.NODE_LIMIT} ITERATION_LIMIT={coverage.ITERATION_LIMIT}")
    for name, (path, words) in datasets.items():
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        records.clear()
        config = SummarizerConfig.from_mapping({"max_words": words, "analyze": False})
        for cluster in read_clusters(str(path))[: args.limit]:
            try:
                summarize(cluster.articles, config)
            except EmptyInputError:
                continue  # every page a placeholder (a web archive's notice): nothing to solve
        nodes = [r["nodes"] for r in records]
        iters = [r["iterations"] for r in records]
        limited = sum("limit" in r["status"].lower() for r in records)
        print(
            f"{name}: {len(records)} solves; nodes median {statistics.median(nodes):.0f}, "
            f"max {max(nodes)}; simplex iterations median {statistics.median(iters):.0f}, "
            f"max {max(iters)}; stopped on a limit: {limited}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
