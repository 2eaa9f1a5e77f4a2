"""Calibration of `synopsis.summarizer.offstory`: ROUGE with and without the articles set aside.

For every story in which the check sets an article aside, Synopsis (`summarize`, the whole
pipeline) is run twice, with `off_story` on and off, and scored against the story's first human
reference with `rouge-score` F1 and recall (stemmed; the truncated Multi-News text is lowercased,
so its ROUGE is not comparable with full-text figures). Stories where nothing is set aside are
skipped: their summaries are the same either way.

Calibration data: Multi-News `test_truncated` with the 97 dev ids removed (training data under
../shared/data/README.md), clusters `--start` to `--stop` in file order; `--data` takes any other
cluster file (Multi-News dev, DUC 2004) for checking, not for choosing. `--list` prints each
article set aside with the start of its text, for reading by eye.

    python benchmarks/offstory_eval.py [--shared ../shared] [--data FILE] [--words 100]
        [--start 0] [--stop 1500] [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the ROUGE of the stories the check changes, with the check on and off."""
    from rouge_score import rouge_scorer

    from synopsis.ingest.readers import read_clusters
    from synopsis.model.config import SummarizerConfig
    from synopsis.model.errors import SynopsisError
    from synopsis.pipeline import summarize

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--data", type=Path, help="default: multinews/test_truncated.jsonl.gz")
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--stop", type=int, default=1500)
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    data = args.data or args.shared / "data/multinews/test_truncated.jsonl.gz"
    dev_file = args.shared / "data/multinews/dev.jsonl"
    dev = set()
    if "truncated" in data.name and dev_file.exists():
        dev = {json.loads(line)["id"] for line in dev_file.read_text().splitlines() if line}
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    totals: Counter[str] = Counter()
    stories = changed = 0
    for k, cluster in enumerate(read_clusters(str(data))):
        if not args.start <= k < args.stop or cluster.id in dev or not cluster.references:
            continue
        try:
            on = summarize(cluster.articles, SummarizerConfig(max_words=args.words))
        except SynopsisError:
            continue
        aside = [s for s in on.skipped if s.why.startswith("off the story")]
        if not aside:
            continue
        off = summarize(cluster.articles, SummarizerConfig(max_words=args.words, off_story=False))
        stories += 1
        texts = {a.id: a.text for a in cluster.articles}
        if args.list:
            for s in aside:
                print(f"{cluster.id} {s.article}: {' '.join(texts[s.article].split())[:120]}")
        for name, summary in (("off", off), ("on", on)):
            text = " ".join(s.text for s in summary.sentences)
            got = scorer.score(cluster.references[0], text)
            totals[name + " R-1 F1"] += got["rouge1"].fmeasure
            totals[name + " R-2 F1"] += got["rouge2"].fmeasure
            totals[name + " R-1 recall"] += got["rouge1"].recall
            totals[name + " R-2 recall"] += got["rouge2"].recall
            totals[name + " words"] += len(text.split())
        changed += [s.text for s in on.sentences] != [s.text for s in off.sentences]
    print(f"- data: {data.name}, clusters {args.start}-{args.stop}, {args.words} words")
    print(f"- stories with an article set aside: {stories}; summaries changed: {changed}")
    if stories:
        print("| check | R-1 F1 | R-2 F1 | R-1 recall | R-2 recall | words |")
        print("|---|---|---|---|---|---|")
        for name in ("off", "on"):
            cells = [
                f"{100 * totals[f'{name} {m}'] / stories:.2f}"
                for m in ("R-1 F1", "R-2 F1", "R-1 recall", "R-2 recall")
            ]
            words = totals[f"{name} words"] / stories
            print(f"| {name} | {' | '.join(cells)} | {words:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
