"""Rewriting (issue 13, item 3): edits per 100 summaries, readability and ROUGE, off vs on.

Summarizes DUC 2004 (100 words) and Multi-News dev (300 words) from ../shared/data twice, with
`SummarizerConfig(rewrite=False)` and with rewriting on (the same code otherwise), and prints:
the rewriting edits of each kind per 100 summaries (`synopsis.rewrite`'s licences; compression's
deletions are not counted), the readability audit's findings per 100 summaries
(`synopsis.evaluation.readability.count`) and official ROUGE-1.5.5 (recall for DUC, F1 for
Multi-News) for both runs.

    python benchmarks/rewrite_eval.py [--shared ../shared] [--limit N] [--scorer official]
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections import Counter
from pathlib import Path

from synopsis.evaluation import readability
from synopsis.evaluation.rouge import evaluate_clusters
from synopsis.ingest.readers import read_clusters
from synopsis.model.aligned import AbsoluteDate, Deletion, Inserted, Resolve
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import EmptyInputError
from synopsis.model.types import Summary, SummarySentence
from synopsis.pipeline import summarize

DATASETS = (
    ("duc2004", "duc2004/test.jsonl", 100, "recall"),
    ("multinews", "multinews/dev.jsonl", 300, "f1"),
)


def edit_kinds(summary: Summary) -> Counter[str]:
    """Edits of each kind in a summary, by licence (deletions by rule)."""
    kinds: Counter[str] = Counter()
    for sentence in summary.sentences:
        for seg in sentence.segments:
            if not isinstance(seg, Inserted):
                continue
            why = seg.why
            if isinstance(why, Resolve):
                kinds[f"name:{why.rule}"] += 1
            elif isinstance(why, AbsoluteDate):
                kinds["date"] += 1
            elif isinstance(why, Deletion):
                kinds[f"delete:{why.rule}"] += 1
    return kinds


def _origin(sentence: SummarySentence) -> str:
    """The article a summary sentence was copied from."""
    for seg in sentence.segments:
        return seg.replaces.article if isinstance(seg, Inserted) else seg.article
    return sentence.sources[0].article if sentence.sources else ""


def audit_counts(summaries: list[Summary]) -> dict[str, float]:
    """Readability findings per 100 summaries, with dates and surnames when the audit takes them."""
    sentences = [[s.text for s in summary.sentences] for summary in summaries]
    params = inspect.signature(readability.count).parameters
    kwargs: dict[str, object] = {}
    if "dates" in params:
        kwargs["dates"] = [
            [published.get(_origin(s)) for s in summary.sentences]
            for summary in summaries
            for published in [{a.id: a.published for a in summary.articles}]
        ]
    if "surnames" in params and hasattr(readability, "person_surnames"):
        kwargs["surnames"] = [
            readability.person_surnames([a.text for a in summary.articles]) for summary in summaries
        ]
    return readability.count(sentences, **kwargs)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--scorer", default="official", choices=["official", "rouge-score"])
    parser.add_argument("--no-rouge", action="store_true")
    args = parser.parse_args()
    report: dict[str, dict[str, object]] = {}
    for name, path, words, measure in DATASETS:
        clusters = read_clusters(str(Path(args.shared) / "data" / path))[: args.limit]
        row: dict[str, object] = {"clusters": len(clusters), "words": words}
        for label, rewrite in (("off", False), ("on", True)):
            config = SummarizerConfig(max_words=words, analyze=False, rewrite=rewrite)
            by_id: dict[str, Summary | list[str]] = {}
            for c in clusters:
                try:
                    by_id[c.id] = summarize(c.articles, config)
                except EmptyInputError:
                    by_id[c.id] = []  # every page a placeholder (a web archive's notice)
            summaries = [s for s in by_id.values() if isinstance(s, Summary)]
            kinds: Counter[str] = Counter()
            for summary in summaries:
                kinds += edit_kinds(summary)
            scale = 100 / max(1, len(summaries))
            row[f"edits_per_100_{label}"] = {
                k: round(v * scale, 1) for k, v in sorted(kinds.items())
            }
            row[f"readability_per_100_{label}"] = audit_counts(summaries)
            row[f"over_budget_{label}"] = sum(s.words > words for s in summaries)
            if not args.no_rouge:
                scores = evaluate_clusters(
                    clusters,
                    lambda c, by_id=by_id: by_id[c.id],
                    max_words=words,
                    scorer=args.scorer,
                    measure=measure,
                )
                row[f"rouge_{label}"] = scores.to_markdown()
        report[name] = row
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
