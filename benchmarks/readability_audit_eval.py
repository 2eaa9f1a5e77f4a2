#!/usr/bin/env python
"""Precision and recall of the readability audit on its hand-annotated set, and its counts.

The annotated set (benchmarks/readability_gold/, see its README.md) holds 3,103 summary
sentences: whole summaries by Synopsis, Lead and sumy LexRank of DUC 2004 clusters (100 words),
Multi-News dev clusters (300 words) and both example stories, each sentence labelled by a
reader with the categories of `synopsis.evaluation.readability`. The rules were written on the
"dev" split; each later split ("dev2" ... "dev6", then "outside1", the first annotated by outside
readers who never saw the audit, "outside2", the first with two such readers per story,
"outside3" ... "outside12") was annotated blind and scored once as held-out data, then used to
fix the rules; the "heldout" split (drawn by readability_gold/draw.py for outside readers) is
scored the same way and never tuned on.
Pass --splits to score some splits only.
Only locators, hashes and labels are stored; the sentences are rebuilt from ../shared at run time
and a sentence whose hash no longer matches is reported and left out.

Usage:
    python benchmarks/readability_audit_eval.py [--shared PATH] [--no-counts] [--limit N]
        [--errors] [--json OUT]

Prints, as Markdown: precision and recall per category and overall (a prediction is a
(sentence, category) pair), and per sentence for the two groups readers count: sentences with a
reference to something never introduced (pronoun, definite, bare_name, quote) and junk sentences
(headline, furniture; gold junk also counts "other_junk"), then the audit's findings per 100
summaries for Synopsis, Lead and LexRank over every cluster of DUC 2004 (100 words) and
Multi-News dev (300 words). --errors also lists each false positive and false negative with its
sentence (to the terminal only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "readability_gold"))

from corpus import (  # noqa: E402
    ANNOTATED,
    DEFAULT_SHARED,
    SYSTEMS,
    Story,
    load_stories,
    published,
    run_system,
    text_hash,
    thaw,
)

from synopsis.evaluation.readability import (  # noqa: E402
    CATEGORIES,
    JUNK,
    REFERENCE,
    audit,
    person_surnames,
)

GOLD = HERE / "readability_gold"
SPLITS = {
    "dev": "development set (rules written while reading it)",
    "dev2": "second development set (held out for the first rules, then tuned on)",
    "dev3": "third development set (held out for the second rules, then tuned on)",
    "dev4": "fourth development set (held out for the third rules, then tuned on)",
    "dev5": "fifth development set (held out for the fourth rules, then tuned on)",
    "dev6": "sixth development set (held out for the fifth rules, then tuned on)",
    "outside1": (
        "first outside set (each story annotated by one outside reader blind to the audit; "
        "held out for the sixth rules, then tuned on)"
    ),
    "outside2": (
        "second outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the seventh rules, then tuned on)"
    ),
    "outside3": (
        "third outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the eighth rules, then tuned on)"
    ),
    "outside4": (
        "fourth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the ninth rules, then tuned on)"
    ),
    "outside5": (
        "fifth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the tenth rules, then tuned on)"
    ),
    "outside6": (
        "sixth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the eleventh rules, then tuned on)"
    ),
    "outside7": (
        "seventh outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the twelfth rules, then tuned on)"
    ),
    "outside8": (
        "eighth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the thirteenth rules, then tuned on)"
    ),
    "outside9": (
        "ninth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the fourteenth rules, then tuned on)"
    ),
    "outside10": (
        "tenth outside set (each story annotated by two outside readers blind to the audit; "
        "held out for the fifteenth rules, then tuned on)"
    ),
    "outside11": (
        "eleventh outside set (DUC 2007 update stages, each annotated by two outside readers "
        "blind to the audit; held out for the sixteenth rules, then tuned on)"
    ),
    "outside12": (
        "twelfth outside set (DUC 2007 update stages, each annotated by two outside readers "
        "blind to the audit; held out for the seventeenth rules, then tuned on)"
    ),
    "heldout": (
        "held-out set (each story annotated by two outside readers blind to the audit; never "
        "tuned on)"
    ),
}
LABELS = {"synopsis": "Synopsis", "lead": "Lead", "lexrank": "sumy LexRank"}


def _prf(tp: int, fp: int, fn: int) -> tuple[str, str]:
    p = f"{tp / (tp + fp):.2f}" if tp + fp else "-"
    r = f"{tp / (tp + fn):.2f}" if tp + fn else "-"
    return p, r


def evaluate(
    shared: Path, split: str, show_errors: bool, reader: str | None = None
) -> dict[str, Any]:
    """Score the audit against the annotations of one split (a key of `SPLITS`).

    Summaries drawn for the split but not annotated yet (see readability_gold/draw.py) are
    counted as pending and never audited. `reader` picks a second reader's labels (rows with
    that "reader" field); by default the first reader's (rows without one).
    """
    stories = {s.cluster.id: s for s in load_stories(shared, (*ANNOTATED, "examples"))}
    gold: dict[tuple[str, str, int], dict[str, Any]] = {}
    for line in (GOLD / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("reader") == reader:
            gold[(row["cluster"], row["system"], row["index"])] = row
    groups = {
        "reference sentences": (set(REFERENCE), set(REFERENCE)),
        "junk sentences": (set(JUNK), {*JUNK, "other_junk"}),
    }
    counts: dict[str, Counter[str]] = {c: Counter() for c in (*CATEGORIES, "overall", *groups)}
    stale = sentences = pending = 0
    for line in (GOLD / "summaries.jsonl").read_text(encoding="utf-8").splitlines():
        summary = json.loads(line)
        if summary.get("split", "dev") != split:
            continue
        if not any(
            (summary["cluster"], summary["system"], i) in gold
            for i in range(len(summary["sentences"]))
        ):
            # drawn but not annotated yet: skipped before the audit runs, so nothing of the
            # audit is seen for a split that is still waiting for its reader
            pending += len(summary["sentences"])
            continue
        story = stories.get(summary["cluster"])
        if story is None:
            stale += len(summary["sentences"])
            continue
        articles = story.cluster.articles
        texts = [thaw(articles, f) for f in summary["sentences"]]
        dates = [published(articles, f["doc"]) for f in summary["sentences"]]
        surnames = person_surnames([a.text for a in articles])
        predicted: dict[int, set[str]] = {}
        for finding in audit(texts, dates, surnames):
            predicted.setdefault(finding.index, set()).add(finding.category)
        for i, text in enumerate(texts):
            row = gold.get((summary["cluster"], summary["system"], i))
            if row is None or row["hash"] != text_hash(text):
                stale += 1
                continue
            sentences += 1
            want = set(row["labels"]) & set(CATEGORIES)
            got = predicted.get(i, set())
            for c in CATEGORIES:
                key = (
                    "tp"
                    if c in want and c in got
                    else "fp"
                    if c in got
                    else "fn"
                    if c in want
                    else ""
                )
                if key:
                    counts[c][key] += 1
                    counts["overall"][key] += 1
            for name, (audited, labelled) in groups.items():
                is_gold, is_found = bool(set(row["labels"]) & labelled), bool(got & audited)
                key = (
                    "tp" if is_gold and is_found else "fp" if is_found else "fn" if is_gold else ""
                )
                if key:
                    counts[name][key] += 1
            if show_errors and want != got:
                where = f"{summary['cluster']} {summary['system']} [{i}]"
                print(f"{where} gold={sorted(want)} audit={sorted(got)}\n    {text}")
    return {"counts": counts, "sentences": sentences, "stale": stale, "pending": pending}


def per_100(shared: Path, limit: int | None) -> dict[str, dict[str, dict[str, float]]]:
    """Findings per 100 summaries for each system on DUC 2004 and Multi-News dev."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for dataset in ("duc2004", "multinews"):
        stories: list[Story] = load_stories(shared, (dataset,))[:limit]
        out[dataset] = {}
        for system in SYSTEMS:
            totals: Counter[str] = Counter()
            sentences_with = Counter[str]()
            for story in stories:
                articles = story.cluster.articles
                texts = run_system(system, articles, story.max_words)
                dates = [_date_of(story, t) for t in texts]
                found = audit(texts, dates, person_surnames([a.text for a in articles]))
                totals.update(f.category for f in found)
                for group, cats in (("reference", REFERENCE), ("junk", JUNK)):
                    sentences_with[group] += len({f.index for f in found if f.category in cats})
            scale = 100.0 / max(1, len(stories))
            row = {c: round(totals[c] * scale, 1) for c in CATEGORIES}
            row["reference sentences"] = round(sentences_with["reference"] * scale, 1)
            row["junk sentences"] = round(sentences_with["junk"] * scale, 1)
            row["total"] = round(sum(totals.values()) * scale, 1)
            out[dataset][system] = row
            print(f"[{dataset}] {system} done", file=sys.stderr, flush=True)
    return out


def _date_of(story: Story, sentence: str) -> str | None:
    """Publication date of the article a summary sentence was taken from (None if unknown)."""
    tokens = sentence.split()
    # a middle stretch: compression may have cut the sentence's first or last words
    probe = " ".join(tokens[len(tokens) // 3 : len(tokens) // 3 + 6])
    for article in story.cluster.articles:
        if probe and probe in " ".join(article.text.split()):
            date: str | None = article.published
            return date
    return None


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--no-counts", action="store_true", help="only precision and recall")
    ap.add_argument("--limit", type=int, default=None, help="clusters per dataset for the counts")
    ap.add_argument("--errors", action="store_true", help="list disagreements (terminal only)")
    ap.add_argument(
        "--splits",
        nargs="+",
        choices=sorted(SPLITS),
        default=list(SPLITS),
        help="annotated parts to score (default: all)",
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    args = ap.parse_args()
    if not (args.shared / "data").is_dir():
        raise SystemExit(f"evaluation data not found at {args.shared}; pass --shared PATH")
    lines: list[str] = []
    report: dict[str, Any] = {}
    second = {
        (row.get("split", "dev"), row["reader"])
        for row in map(json.loads, (GOLD / "annotations.jsonl").read_text("utf-8").splitlines())
        if "reader" in row
    }
    runs = [(split, None) for split in args.splits]
    runs += sorted((split, reader) for split, reader in second if split in args.splits)
    runs.sort(key=lambda run: args.splits.index(run[0]))
    for split, reader in runs:
        result = evaluate(args.shared, split, args.errors, reader)
        title = SPLITS[split] + (f", against its second reader ({reader})" if reader else "")
        if not result["sentences"] and not result["stale"]:
            if result["pending"]:
                lines += [
                    f"Readability audit, {title}: {result['pending']} sentences drawn,"
                    " waiting for their annotations (not scored)",
                    "",
                ]
            continue  # no sentence annotated in this split yet
        lines += [
            f"Readability audit, {title}: {result['sentences']} sentences"
            + (f" ({result['stale']} left out: rebuilt text differs)" if result["stale"] else ""),
            "",
            "| category | gold | audit | precision | recall |",
            "|---|---|---|---|---|",
        ]
        for c, n in result["counts"].items():
            p, r = _prf(n["tp"], n["fp"], n["fn"])
            lines.append(f"| {c} | {n['tp'] + n['fn']} | {n['tp'] + n['fp']} | {p} | {r} |")
        lines.append("")
        report[split + (f"/{reader}" if reader else "")] = {
            "sentences": result["sentences"],
            "stale": result["stale"],
            "categories": {c: dict(n) for c, n in result["counts"].items()},
        }
    if not args.no_counts:
        table = per_100(args.shared, args.limit)
        report["per_100"] = table
        cols = [*CATEGORIES, "reference sentences", "junk sentences", "total"]
        for dataset, rows in table.items():
            lines += [
                f"Audit findings per 100 summaries, {dataset}"
                + (f" (first {args.limit} clusters)" if args.limit else ""),
                "",
                "| system | " + " | ".join(cols) + " |",
                "|---" * (len(cols) + 1) + "|",
            ]
            for system, row in rows.items():
                lines.append(
                    f"| {LABELS[system]} | " + " | ".join(f"{row[c]:.0f}" for c in cols) + " |"
                )
            lines.append("")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
