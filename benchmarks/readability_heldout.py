#!/usr/bin/env python
"""Readability audit of Synopsis on Multi-News clusters never read while tuning the summarizer.

The selection and rewriting rules of issue 13 were written by reading Synopsis output on DUC 2004
and Multi-News dev. This script audits Synopsis (300 words) on the first N clusters of
Multi-News test_truncated whose ids are not in dev.jsonl (lowercased, re-capitalized text, so the
figures are not comparable with dev's), with `synopsis.evaluation.readability`.

Usage:
    python benchmarks/readability_heldout.py [--shared PATH] [--limit N]

Prints findings per 100 summaries by category, and sentences with a reference to something never
introduced (pronoun, definite, bare_name, quote) and junk sentences (headline, furniture).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from synopsis.evaluation.readability import CATEGORIES, JUNK, REFERENCE, audit, person_surnames
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.pipeline import summarize

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, default=100, help="clusters to audit")
    args = ap.parse_args()
    data = args.shared / "data" / "multinews"
    dev = {json.loads(line)["id"] for line in (data / "dev.jsonl").open(encoding="utf-8")}
    config = SummarizerConfig.from_mapping({"max_words": 300, "analyze": False})
    totals: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    n = 0
    with gzip.open(data / "test_truncated.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in dev:
                continue
            articles = [
                Article(f"{row['id']}-{k}", d["text"], title=d.get("title"))
                for k, d in enumerate(row["documents"])
            ]
            try:
                summary = summarize(articles, config)
            except InputError:
                continue
            found = audit(
                [s.text for s in summary.sentences],
                None,
                person_surnames([a.text for a in articles]),
            )
            totals.update(f.category for f in found)
            for group, cats in (("reference", REFERENCE), ("junk", JUNK)):
                sentences[group] += len({f.index for f in found if f.category in cats})
            n += 1
            if n >= args.limit:
                break
    scale = 100.0 / max(1, n)
    cols = [*CATEGORIES, "reference sentences", "junk sentences"]
    row = [totals[c] * scale for c in CATEGORIES]
    row += [sentences["reference"] * scale, sentences["junk"] * scale]
    print(f"Audit findings per 100 Synopsis summaries, Multi-News test_truncated ({n} clusters)\n")
    print("| " + " | ".join(cols) + " |")
    print("|---" * len(cols) + "|")
    print("| " + " | ".join(f"{v:.0f}" for v in row) + " |")


if __name__ == "__main__":
    main()
