"""How well the summary's first sentence states the main event, for a grid of LEAD_OPENING_BONUS.

A human reference summary opens with the main event, so the opening sentence Synopsis chooses
(`synopsis.summarizer.ordering.order`) is scored by the unigram F1 of its stemmed content words
against the reference's first sentence (the mean over the references where there are several).
Selection does not depend on the bonus, so each cluster is selected once and only the opening is
recomputed per grid value. Also reported: how often the
opening is a lead sentence (index 0-1 of its article), and both figures for the order used before
(article date when all are known, then position: "previous order") on the same selections.

Calibration data: Multi-News `test_truncated` with the 97 dev ids removed (training data under
../shared/data/README.md), the first `--limit` clusters in file order. `--validate` adds
Multi-News dev (300 words), DUC 2004 (100 words) and, with dated articles as DUC 2004 has, DUC 2007
update (100 words) and main (250 words), for comparison, not for choosing.

    python benchmarks/opening_eval.py [--shared ../shared] [--limit 500] [--validate]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from synopsis.clean.boilerplate import clean_articles
from synopsis.model.types import Article
from synopsis.summarizer import coherence, ordering
from synopsis.summarizer.compress import compress
from synopsis.summarizer.features import features
from synopsis.summarizer.objectives import score
from synopsis.summarizer.select import select
from synopsis.text import STOPWORDS, stem, words
from synopsis.text.segment import segment

GRID = (0.0, 0.1, 0.25, 0.35, 0.5, 0.75, 1.0, 2.0)
# The order used before `ordering.order`: article date (when all known), position, article.
CHRONOLOGICAL = -1.0
_FIRST_SENTENCE = re.compile(r"^\W*(.+?[.!?])(?:\s|$)")


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _content(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def _f1(a: str, b: str) -> float:
    x, y = _content(a), _content(b)
    if not x or not y:
        return 0.0
    common = sum(min(x.count(w), y.count(w)) for w in set(x))
    if not common:
        return 0.0
    p, r = common / len(x), common / len(y)
    return 2 * p * r / (p + r)


def _openings(line: dict[str, Any], budget: int) -> dict[float, tuple[str, bool]] | None:
    """Per grid value, the opening sentence and whether it is a lead sentence."""
    articles = [
        Article(id=d["id"], text=d["text"], published=d.get("published")) for d in line["documents"]
    ]
    kept, _ = clean_articles(articles)
    sentences = [s for group in segment(kept) for s in group]
    if not sentences:
        return None
    texts = [compress(s.text) for s in sentences]
    feats = [features(t) for t in texts]
    scores = score(sentences, feats)
    published = {a.id: a.published for a in kept}
    picked = list(select(sentences, feats, scores, max_words=budget, published=published).indices)
    if not picked:
        return None
    needs = coherence.antecedents(sentences, texts)
    position = {i: k for k, i in enumerate(picked)}
    follows = {
        position[i]: position[a]
        for i in picked
        if (a := needs.get(i)) is not None and a in position
    }
    year = ordering.story_year(list(published.values()), texts)
    result: dict[float, tuple[str, bool]] = {}
    rank = {aid: k for k, aid in enumerate(dict.fromkeys(sentences[i].article_id for i in picked))}
    dates = [published.get(sentences[i].article_id) for i in picked]
    dated = all(dates) and len(set(dates)) > 1
    first = min(
        picked,
        key=lambda i: (
            (published.get(sentences[i].article_id) or "") if dated else "",
            sentences[i].index,
            rank[sentences[i].article_id],
        ),
    )
    result[CHRONOLOGICAL] = (texts[first], sentences[first].index <= 1)
    saved = ordering.LEAD_OPENING_BONUS
    try:
        for bonus in GRID:
            ordering.LEAD_OPENING_BONUS = bonus
            order = ordering.order(
                [sentences[i] for i in picked],
                published,
                centrality=[
                    sum(scores.weights[c] for c in scores.sentence_concepts[i]) for i in picked
                ],
                follows=follows,
                texts=[texts[i] for i in picked],
                year=year,
            )
            first = picked[order[0]]
            result[bonus] = (texts[first], sentences[first].index <= 1)
    finally:
        ordering.LEAD_OPENING_BONUS = saved
    return result


def evaluate(lines: Iterator[dict[str, Any]], budget: int, name: str) -> None:
    """Print the mean opening F1 and lead share per grid value."""
    f1 = dict.fromkeys((CHRONOLOGICAL, *GRID), 0.0)
    lead = dict.fromkeys((CHRONOLOGICAL, *GRID), 0)
    n = 0
    for line in lines:
        firsts = [
            m.group(1)
            for ref in line.get("references") or []
            if (m := _FIRST_SENTENCE.match(ref.strip()))
        ]
        if not firsts:
            continue
        openings = _openings(line, budget)
        if openings is None:
            continue
        n += 1
        for bonus, (text, is_lead) in openings.items():
            f1[bonus] += sum(_f1(text, first) for first in firsts) / len(firsts)
            lead[bonus] += is_lead
    print(f"{name}: {n} clusters, {budget} words")
    for bonus in (CHRONOLOGICAL, *GRID):
        label = "previous order" if bonus == CHRONOLOGICAL else f"bonus {bonus:<5}"
        print(
            f"  {label:<14} opening F1 vs reference first sentence {100 * f1[bonus] / n:5.2f}"
            f"  opening is a lead {100 * lead[bonus] / n:5.1f}%"
        )


def arguments(doc: str) -> tuple[argparse.Namespace, Path]:
    """Parse --shared, --limit and --validate; exit with a message when the data is missing."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--validate", action="store_true")
    args = parser.parse_args()
    data = args.shared / "data"
    if not data.exists():
        sys.exit(f"{data} not found: pass --shared")
    return args, data


def training(data: Path, limit: int) -> Iterator[dict[str, Any]]:
    """The first `limit` clusters of Multi-News test_truncated whose ids are not dev's."""
    dev_ids = {line["id"] for line in _lines(data / "multinews/dev.jsonl")}
    n = 0
    for line in _lines(data / "multinews/test_truncated.jsonl.gz"):
        if line["id"] in dev_ids:
            continue
        if n >= limit:
            return
        n += 1
        yield line


def main() -> None:
    """Command-line entry point."""
    args, data = arguments(__doc__ or "")
    evaluate(training(data, args.limit), 300, "Multi-News test_truncated without dev ids")
    if args.validate:
        evaluate(_lines(data / "multinews/dev.jsonl"), 300, "Multi-News dev")
        evaluate(_lines(data / "duc2004/test.jsonl"), 100, "DUC 2004")
        evaluate(_lines(data / "duc2007/update.jsonl"), 100, "DUC 2007 update")
        evaluate(_lines(data / "duc2007/main.jsonl"), 250, "DUC 2007 main")


if __name__ == "__main__":
    main()
