"""Precision/recall of `synopsis.analyze` on the hand-annotated stories in analysis_gold/.

Usage:
    python benchmarks/analysis_eval.py [--gold DIR] [--duc PATH/test.jsonl] [--repeat N] [--speed]

Development stories and held-out stories (``heldout_*.json``) are scored in separate tables.

Entities: detection recall of gold variants, and pairwise precision/recall of "same entity"
over gold variants (a B-cubed-style pair count). Numbers: cross-article pairs of values that
are grouped with status agree / differ (a predicted value matches a gold value when their
spans overlap in the same article). Timeline: (article, date) pairs, and cross-article
"same event" pairs. With --duc, also times analyze() over every cluster of a DUC-style JSONL.
With --speed, the timing runs on cleaned, segmented articles as `synopsis batch` does
(synopsis.clean, synopsis.text.segment; segmentation is outside the timing), and reports the first
pass (caches empty, as in a fresh batch worker) apart from the later ones; --duc defaults
to ../shared/data/duc2004/test.jsonl then.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from synopsis.analyze import analyze
from synopsis.model.types import Analysis, Article
from synopsis.text.segment import segment

HERE = Path(__file__).resolve().parent
DEFAULT_DUC = HERE.parent.parent / "shared" / "data" / "duc2004" / "test.jsonl"


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float]:
    return (tp / pred if pred else 1.0), (tp / gold if gold else 1.0)


def _locate(text: str, value: str) -> tuple[int, int]:
    m = re.search(rf"(?<![\w,.]){re.escape(value)}(?!\w|,\d)", text)
    if not m:
        raise SystemExit(f"gold value {value!r} not found in its article; fix the gold file")
    return m.start(), m.end()


def _entity_counts(analysis: Analysis, gold: list[list[str]], c: Counter[str]) -> None:
    owner = {v: i for i, e in enumerate(analysis.entities) for v in e.variants}
    variants = [(v, gi) for gi, cluster in enumerate(gold) for v in cluster]
    c["ent_gold_variants"] += len(variants)
    c["ent_found_variants"] += sum(1 for v, _ in variants if v in owner)
    for (v1, g1), (v2, g2) in itertools.combinations(variants, 2):
        same_gold = g1 == g2
        same_pred = v1 in owner and v2 in owner and owner[v1] == owner[v2]
        c["ent_gold_pairs"] += same_gold
        c["ent_pred_pairs"] += same_pred
        c["ent_tp_pairs"] += same_gold and same_pred


def _number_counts(
    analysis: Analysis, gold: list[dict[str, Any]], texts: dict[str, str], c: Counter[str]
) -> None:
    spans: list[tuple[str, int, int, int]] = []  # article, start, end, gold group
    gold_pairs: dict[frozenset[Any], str] = {}
    vid = 0
    for gi, group in enumerate(gold):
        ids = []
        for art, value in group["values"]:
            s, e = _locate(texts[art], value)
            spans.append((art, s, e, gi))
            ids.append((vid, art))
            vid += 1
        for (a, art_a), (b, art_b) in itertools.combinations(ids, 2):
            if art_a != art_b:
                gold_pairs[frozenset((a, b))] = group["status"]

    def gold_id(art: str, s: int, e: int) -> int | None:
        for i, (ga, gs, ge, _) in enumerate(spans):
            if ga == art and gs < e and s < ge:
                return i
        return None

    pred_pairs: dict[frozenset[Any], str] = {}
    for g in analysis.numbers:
        if g.status == "single":
            continue
        found: list[tuple[Any, str]] = []
        for v in g.values:
            gid = gold_id(v.article, v.start, v.end)
            found.append((("pred", v.article, v.start) if gid is None else gid, v.article))
        for (a, art_a), (b, art_b) in itertools.combinations(found, 2):
            if art_a != art_b and a != b:
                pred_pairs[frozenset((a, b))] = g.status
    for status in ("agree", "differ"):
        gp = {k for k, s in gold_pairs.items() if s == status}
        pp = {k for k, s in pred_pairs.items() if s == status}
        c[f"num_{status}_gold"] += len(gp)
        c[f"num_{status}_pred"] += len(pp)
        c[f"num_{status}_tp"] += len(gp & pp)


def _timeline_counts(analysis: Analysis, gold: list[dict[str, Any]], c: Counter[str]) -> None:
    gold_dates = {(a, e["date"]) for e in gold for a in e["articles"]}
    pred_dates = {(s.article, e.date) for e in analysis.timeline for s in e.sources}
    c["tl_gold"] += len(gold_dates)
    c["tl_pred"] += len(pred_dates)
    c["tl_tp"] += len(gold_dates & pred_dates)

    def merges(events: list[tuple[str, list[str]]]) -> set[tuple[str, str, str]]:
        out = set()
        for date, arts in events:
            for a, b in itertools.combinations(sorted(set(arts)), 2):
                out.add((date, a, b))
        return out

    gm = merges([(e["date"], e["articles"]) for e in gold])
    pm = merges([(e.date, [s.article for s in e.sources]) for e in analysis.timeline])
    c["merge_gold"] += len(gm)
    c["merge_pred"] += len(pm)
    c["merge_tp"] += len(gm & pm)


# Stories written after the rules were frozen and scored without tuning are named heldout_*.json.
HELDOUT_PREFIX = "heldout_"


def evaluate(gold_dir: Path, heldout: bool | None = None) -> Counter[str]:
    """Score the stories in gold_dir.

    Args:
        gold_dir: folder of *.json stories (articles + gold annotations).
        heldout: only the held-out stories (True), only the development ones (False), or all.

    Returns:
        Raw counts (true positives, predicted, gold) per measure.
    """
    c: Counter[str] = Counter()
    for path in sorted(gold_dir.glob("*.json")):
        if heldout is not None and path.name.startswith(HELDOUT_PREFIX) != heldout:
            continue
        story = json.loads(path.read_text(encoding="utf-8"))
        articles = [
            Article(a["id"], a["text"], published=a.get("published")) for a in story["articles"]
        ]
        texts = {a.id: a.text for a in articles}
        analysis = analyze(articles)
        _entity_counts(analysis, story["gold"]["entities"], c)
        _number_counts(analysis, story["gold"]["numbers"], texts, c)
        _timeline_counts(analysis, story["gold"]["timeline"], c)
        c["stories"] += 1
    return c


def print_table(c: Counter[str]) -> None:
    """Print precision/recall per measure as a Markdown table.

    Args:
        c: counts from `evaluate`.
    """
    rows = [
        (
            "entity variants found",
            c["ent_found_variants"],
            c["ent_found_variants"],
            c["ent_gold_variants"],
        ),
        ("entity same-entity pairs", c["ent_tp_pairs"], c["ent_pred_pairs"], c["ent_gold_pairs"]),
        ("numbers: agree pairs", c["num_agree_tp"], c["num_agree_pred"], c["num_agree_gold"]),
        ("numbers: differ pairs", c["num_differ_tp"], c["num_differ_pred"], c["num_differ_gold"]),
        ("timeline (article, date)", c["tl_tp"], c["tl_pred"], c["tl_gold"]),
        ("timeline merged events", c["merge_tp"], c["merge_pred"], c["merge_gold"]),
    ]
    print(f"{c['stories']} {'story' if c['stories'] == 1 else 'stories'}")
    print("| measure | precision | recall | tp | predicted | gold |")
    print("|---|---|---|---|---|---|")
    for name, tp, pred, gold in rows:
        p, r = _prf(tp, pred, gold)
        p_txt = "n/a" if name == "entity variants found" else f"{p:.2f}"
        print(f"| {name} | {p_txt} | {r:.2f} | {tp} | {pred} | {gold} |")


def time_duc(path: Path, repeat: int, clean: bool = False) -> None:
    """Time analyze() over every cluster of a DUC-style JSONL file and print seconds/cluster.

    Args:
        path: JSONL with {"id", "documents": [{"id", "text"}]} per line.
        repeat: passes over the file; the median pass is reported.
        clean: clean the articles first (synopsis.clean), as the pipeline does, and report the
            first pass (empty caches) separately.
    """
    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    stories = [[Article(d["id"], d["text"]) for d in cl["documents"]] for cl in clusters]
    if clean:
        from synopsis.clean.boilerplate import clean_articles

        stories = [list(clean_articles(s)[0]) for s in stories]
    # With clean, reuse the pipeline's segmentation as `synopsis batch` does (it is paid for by
    # summarization); otherwise analyze() segments the articles itself inside the timing.
    segmented = [segment(s) if clean else None for s in stories]
    words = statistics.mean(sum(a.words for a in s) for s in stories)
    passes, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for story, sents in zip(stories, segmented, strict=True):
            analyze(story, sents)
        passes.append((time.perf_counter() - start) / len(stories))
        cpu.append((time.process_time() - start_cpu) / len(stories))
    first = f"first pass CPU {cpu[0] * 1000:.1f} ms/cluster; " if clean else ""
    print(
        f"DUC timing{' (cleaned articles)' if clean else ''}: {len(stories)} clusters, "
        f"{words:.0f} words/cluster on average; {first}"
        f"median wall {statistics.median(passes) * 1000:.1f} ms/cluster, "
        f"median CPU {statistics.median(cpu) * 1000:.1f} ms/cluster "
        f"(wall per pass: {', '.join(f'{p * 1000:.1f}' for p in passes)} ms)"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark.

    Args:
        argv: command-line arguments (default sys.argv[1:]).

    Returns:
        Process exit code.
    """
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--gold", type=Path, default=HERE / "analysis_gold")
    ap.add_argument("--duc", type=Path, default=None, help="DUC-style JSONL to time analyze() on")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--speed", action="store_true", help="time analyze() on cleaned DUC articles (issue 4)"
    )
    args = ap.parse_args(argv)
    for title, which in (
        ("Development stories (the rules were written looking at these)", False),
        ("Held-out stories (written after the rules were frozen, scored without tuning)", True),
    ):
        print(f"{title}: ", end="")
        print_table(evaluate(args.gold, heldout=which))
        print()
    duc = args.duc if args.duc is not None or not args.speed else DEFAULT_DUC
    if duc is not None:
        if not duc.is_file():
            print(f"{duc}: not found; pass --duc with the path to test.jsonl", file=sys.stderr)
            return 2
        time_duc(duc, args.repeat, clean=args.speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
