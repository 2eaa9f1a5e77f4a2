"""Explain which lines the cleaner keeps or drops, and why: `python -m synopsis.apps.clean_explain`.

A tool for people tuning `synopsis.clean`: it prints each line's verdict and reason, or removal
statistics over a whole cluster JSONL file.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from synopsis.clean import boilerplate_lines, clean_articles, clean_text, shared_lines
from synopsis.clean.digest import cut_digests
from synopsis.ingest import iter_clusters, load_inputs
from synopsis.model import DocumentSet


def main(argv: Sequence[str] | None = None) -> int:
    """Show line verdicts, or removal statistics, for a folder, file or cluster JSONL.

    Args:
        argv: command-line arguments (default: sys.argv[1:]); see `--help`.

    Returns:
        The process exit code (0).

    Raises:
        InputError: the input cannot be read.
    """

    parser = argparse.ArgumentParser(
        prog="python -m synopsis.apps.clean_explain",
        description="Explain which lines the cleaner keeps or drops, and why.",
    )
    parser.add_argument("path", help="folder, article file, or cluster .jsonl/.jsonl.gz")
    parser.add_argument("--id", help="cluster id to take from a JSONL file")
    parser.add_argument("--stats", action="store_true", help="only print removal statistics")
    args = parser.parse_args(argv)
    every = args.stats and args.id is None and args.path.endswith((".jsonl", ".jsonl.gz"))
    if every:
        clusters = [c for c in iter_clusters(args.path) if isinstance(c, DocumentSet)]
    else:
        clusters = [load_inputs([args.path], cluster_id=args.id)]
    start = time.perf_counter()
    for cluster in clusters:
        clean_articles(cluster.articles)
    elapsed = time.perf_counter() - start
    total = dropped = sections = 0
    reasons: Counter[str] = Counter()
    for cluster in clusters:
        shared = shared_lines(cluster.articles)
        for art in cluster.articles:
            verdicts = [v for v in boilerplate_lines(art.text, shared=shared) if v.text.strip()]
            total += len(verdicts)
            for v in verdicts:
                if not v.keep:
                    dropped += 1
                    reasons[re.sub(r"\d+", "N", v.reason.split(":")[0])] += 1
            if not args.stats:
                print(f"## {art.id}")
                for v in verdicts:
                    mark = "KEEP" if v.keep else f"DROP {v.reason}"
                    print(f"{mark[:45]:45} | {v.text.strip()[:100]}")
        bodies = [replace(a, text=clean_text(a.text, shared=shared)) for a in cluster.articles]
        for cut in cut_digests(bodies)[1]:
            sections += len(cut.dropped)
            if not args.stats:
                print(f"## {cut.article}: a news digest; sections off the story dropped:")
                for first_words in cut.dropped:
                    print(f"{'DROP digest section off the story':45} | {first_words} ...")
    share = dropped / total if total else 0.0
    print(
        f"{len(clusters)} cluster(s): removed {dropped} of {total} non-blank lines "
        f"({share:.1%}) and {sections} digest section(s) off the story; clean_articles took "
        f"{elapsed:.2f} s"
    )
    for reason, n in reasons.most_common():
        print(f"{n:6d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
