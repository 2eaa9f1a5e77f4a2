"""The news first: calibration of `synopsis.summarizer.select.CENTRAL_LEAD_SHARE`.

When the best summary holds no central lead (one of an article's first sentences of prose whose
concept weight is at least CENTRAL_LEAD_SHARE of the heaviest lead's), selection takes the best
summary that holds one, so the summary can open with the main event. For each grid value (None:
the rule off; 0: any lead; 1: the heaviest lead) this script runs Synopsis (`summarize`, the
whole pipeline) and reports:

- opening F1: the unigram F1 of the summary's first sentence (stemmed content words) against the
  first sentence of the human reference, which opens with the main event (as in
  `benchmarks/opening_eval.py`);
- ROUGE-2 recall of the whole summary (`rouge-score`, stemmed, at the budget; the truncated
  Multi-News text is lowercased, so its ROUGE is not comparable with the full-text figures);
- how many summaries the rule changed against None.

Calibration data: Multi-News `test_truncated` with the 97 dev ids removed (training data under
../shared/data/README.md), the first `--limit` clusters in file order, at 200 words (the budget
of the blind readings). `--validate` adds Multi-News dev (200 words) and DUC 2004 (100 words),
for comparison, not for choosing.

    python benchmarks/lead_share_eval.py [--shared ../shared] [--limit 500] [--validate]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from opening_eval import _FIRST_SENTENCE, _f1, _lines, arguments, training

from synopsis.evaluation.rouge import score as rouge
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.pipeline import summarize
from synopsis.summarizer import select as select_mod

GRID: tuple[float | None, ...] = (None, 0.0, 0.5, 0.75, 0.9, 1.0)


def _summaries(lines: Sequence[dict[str, Any]], budget: int) -> list[list[str] | None]:
    config = SummarizerConfig.from_mapping({"max_words": budget, "analyze": False})
    out: list[list[str] | None] = []
    for line in lines:
        articles = [
            Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"))
            for d in line["documents"]
        ]
        try:
            out.append([s.text for s in summarize(articles, config).sentences])
        except InputError:
            out.append(None)
    return out


def evaluate(lines: Sequence[dict[str, Any]], budget: int, name: str) -> None:
    """Print opening F1, ROUGE-2 recall and changed summaries per grid value."""
    saved = select_mod.CENTRAL_LEAD_SHARE
    runs: dict[float | None, list[list[str] | None]] = {}
    try:
        for share in GRID:
            select_mod.CENTRAL_LEAD_SHARE = share
            runs[share] = _summaries(lines, budget)
    finally:
        select_mod.CENTRAL_LEAD_SHARE = saved
    keep = [
        k
        for k, line in enumerate(lines)
        if all(runs[s][k] for s in GRID) and line.get("references")
    ]
    print(f"{name}: {len(keep)} clusters, {budget} words")
    print("| CENTRAL_LEAD_SHARE | opening F1 | ROUGE-2 recall | summaries changed |")
    print("|---|---|---|---|")
    for share in GRID:
        f1 = 0.0
        for k in keep:
            firsts = [
                m.group(1)
                for ref in lines[k]["references"]
                if (m := _FIRST_SENTENCE.match(ref.strip()))
            ]
            opening = (runs[share][k] or [""])[0]
            f1 += sum(_f1(opening, first) for first in firsts) / max(1, len(firsts))
        result = rouge(
            ["\n".join(runs[share][k] or []) for k in keep],
            [list(lines[k]["references"]) for k in keep],
            max_words=budget,
            scorer="rouge-score",
        )
        changed = sum(runs[share][k] != runs[None][k] for k in keep)
        print(
            f"| {share} | {100 * f1 / max(1, len(keep)):.2f} | "
            f"{result.r2.recall.value:.2f} | {changed} |"
        )


def main() -> None:
    """Command-line entry point."""
    args, data = arguments(__doc__ or "")
    evaluate(list(training(data, args.limit)), 200, "Multi-News test_truncated without dev ids")
    if args.validate:
        evaluate(list(_lines(data / "multinews/dev.jsonl")), 200, "Multi-News dev")
        evaluate(list(_lines(data / "duc2004/test.jsonl")), 100, "DUC 2004")


if __name__ == "__main__":
    main()
