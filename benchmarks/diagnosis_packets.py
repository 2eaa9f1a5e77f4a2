#!/usr/bin/env python
"""Diagnostic reading of Synopsis summaries: what readers trip over, sentence by sentence.

Scores (benchmarks/blind_packets.py) say how good a summary reads; they do not say what to fix.
This script builds packets of one story each (its source articles, then the Synopsis summary with
numbered sentences) for readers who know nothing of how the summary was made; each reader labels
every sentence with the worst problem it has (`benchmarks/diagnosis_rubric.md`: ok,
needs_context, out_of_place, minor, off_topic, redundant, junk, broken), names the story's missing
main fact, the order that would read best and the one fix that would help most. `tally` sums
the answers. Stories are drawn with a seeded `random.Random` from the Multi-News dev stories (or,
with `--dataset duc2004`, the DUC 2004 clusters, summarized at their 100 words) that no earlier
reading used (those of benchmarks/readability_gold and benchmarks/blind_results), so
the rules a diagnosis leads to are later judged on stories nobody has read.

Packets hold licensed text: they are written outside the repository (default /tmp/synopsis-diag)
and never committed.

Usage:
    python benchmarks/diagnosis_packets.py draw [--seed N] [--stories K] [--words N] [--out DIR]
        [--dataset multinews|duc2004] [--include-read]
    python benchmarks/diagnosis_packets.py tally [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "readability_gold"))

from blind_packets import DEFAULT_WORDS as BLIND_WORDS  # noqa: E402
from corpus import DEFAULT_SHARED, Story, load_stories, outside_repo  # noqa: E402

from synopsis.model.config import SummarizerConfig  # noqa: E402
from synopsis.model.errors import EmptyInputError  # noqa: E402
from synopsis.pipeline import summarize  # noqa: E402

# The blind packets' budgets: Multi-News dev at 200 words, DUC 2004 at its task's 100.
DEFAULT_WORDS = {k: BLIND_WORDS[k] for k in ("multinews", "duc2004")}
LABELS = (
    "ok",
    "needs_context",
    "out_of_place",
    "minor",
    "off_topic",
    "redundant",
    "junk",
    "broken",
)


def used_stories() -> set[str]:
    """Cluster ids some earlier reading used (annotated sentences, blind rounds)."""
    used = {
        json.loads(line)["cluster"]
        for line in (HERE / "readability_gold" / "summaries.jsonl").read_text().splitlines()
    }
    for path in (HERE / "blind_results").glob("*.md"):
        used |= set(re.findall(r"multinews-test-\d+|D3\d{4}", path.read_text(encoding="utf-8")))
    return used


def packet_text(name: str, story: Story, sentences: list[str]) -> str:
    """The packet as Markdown: the sources, then the numbered summary."""
    lines = [f"# {name}", "", "## Source articles", ""]
    for k, article in enumerate(story.cluster.articles, 1):
        lines += [f"### Article {k}", "", article.text.strip(), ""]
    lines += ["## Summary to diagnose", ""]
    lines += [f"[{i}] {text}" for i, text in enumerate(sentences, 1)]
    return "\n".join(lines) + "\n"


def template(name: str, n: int) -> dict[str, Any]:
    """An empty answer file for a summary of `n` sentences."""
    return {
        "packet": name,
        "sentences": [{"n": i, "label": None, "why": ""} for i in range(1, n + 1)],
        "missing_main_fact": "",
        "best_order": [],
        "one_fix": "",
    }


def draw(args: argparse.Namespace) -> None:
    """Write packets and answer templates for a seeded sample of unread stories."""
    outside_repo(args.out)
    used = set() if args.include_read else used_stories()
    stories = [s for s in load_stories(args.shared, (args.dataset,)) if s.cluster.id not in used]
    picked = random.Random(args.seed).sample(stories, min(args.stories, len(stories)))
    args.out.mkdir(parents=True, exist_ok=True)
    words = args.words or DEFAULT_WORDS[args.dataset]
    config = SummarizerConfig.from_mapping({"max_words": words, "analyze": False})
    key = {}
    for n, story in enumerate(picked, 1):
        name = f"packet-{n:02d}"
        try:
            sentences = [s.text for s in summarize(story.cluster.articles, config).sentences]
        except EmptyInputError:
            sentences = []
        (args.out / f"{name}.md").write_text(packet_text(name, story, sentences), "utf-8")
        answer = json.dumps(template(name, len(sentences)), indent=1) + "\n"
        (args.out / f"{name}.answer.json").write_text(answer, "utf-8")
        key[name] = story.cluster.id
    (args.out / "RUBRIC.md").write_text((HERE / "diagnosis_rubric.md").read_text(), "utf-8")
    (args.out / "stories.json").write_text(json.dumps(key, indent=1) + "\n", "utf-8")
    kind = "stories" if args.include_read else "unread stories"
    print(f"{len(picked)} packets in {args.out} (of {len(stories)} {kind})")


def tally(args: argparse.Namespace) -> None:
    """Print the label counts over every answer file."""
    counts: Counter[str] = Counter()
    packets = 0
    for path in sorted(args.out.glob("packet-*.answer.json")):
        answer = json.loads(path.read_text(encoding="utf-8"))
        packets += 1
        counts.update(str(s["label"]) for s in answer["sentences"])
    total = sum(counts.values())
    print(f"{packets} packets, {total} summary sentences\n")
    print("| label | sentences | share |\n|---|---|---|")
    for label in (*LABELS, *sorted(set(counts) - set(LABELS))):
        if counts[label]:
            print(f"| {label} | {counts[label]} | {counts[label] / total:.0%} |")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    d.add_argument("--seed", type=int, default=20261202)
    d.add_argument("--stories", type=int, default=12)
    d.add_argument("--words", type=int, default=None, help="budget (default: the dataset's)")
    d.add_argument("--dataset", choices=sorted(DEFAULT_WORDS), default="multinews")
    d.add_argument("--out", type=Path, default=Path("/tmp/synopsis-diag"))
    d.add_argument(
        "--include-read",
        action="store_true",
        help="draw from every story of the dataset, also those earlier readings used (once "
        "nearly all have been read; a diagnosis of today's summaries of them is still new)",
    )
    t = sub.add_parser("tally")
    t.add_argument("--out", type=Path, default=Path("/tmp/synopsis-diag"))
    args = ap.parse_args()
    {"draw": draw, "tally": tally}[args.cmd](args)


if __name__ == "__main__":
    main()
