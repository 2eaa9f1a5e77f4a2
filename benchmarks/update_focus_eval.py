"""Update and focus modes on DUC 2007: official ROUGE-1.5.5 recall, novelty, tuning halves.

Update task (`duc2007/update.jsonl`, 10 topics x stages A, B, C, 100 words): each stage is
summarized (a) as if it were new (plain Synopsis), (b) with `--since` the documents of the earlier
stages (`previous_document_ids`), (c) with the topic as `--focus`, and (d) with both. Reported:
R-1 / R-2 over all 30 stages, over stages B and C alone, and over B+C of topics 1-5 (where the
update constants were tuned) and of topics 6-10 (held out), plus novelty: the share of a B/C
summary's content bigrams already present in the same system's summaries of the earlier stages.

Main task (`duc2007/main.jsonl`, 23 topics, 250 words): with and without `--focus` (the topic
title and narrative), over all topics and over topics 1-11 (where the focus constants were tuned)
and 12-23 (held out).

`--tune` runs the grids the constants were chosen from, scoring the tuning half and the held-out
half separately, so the choice can be checked (pick on the tuning half only); the update grid
scores --since and --since --focus. The question-concept grid scores stage A of the update topics
with --focus alone (it sets the question concepts, which update mode leaves as they are).

Usage:
    python benchmarks/update_focus_eval.py [--data ../shared/data] [--tune] [--skip-main]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from synopsis.evaluation.rouge import score
from synopsis.model.config import SummarizerConfig
from synopsis.model.types import Article, Summary
from synopsis.pipeline import summarize, summarize_update
from synopsis.summarizer import focus as focus_mod
from synopsis.summarizer import update as update_mod
from synopsis.summarizer.features import features

Run = Callable[[dict[str, Any], dict[str, Article]], Summary]


def load(path: Path) -> list[dict[str, Any]]:
    """Read a DUC 2007 JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def articles_of(line: dict[str, Any]) -> list[Article]:
    """The documents of one line as Articles."""
    return [
        Article(
            id=d["id"],
            text=d["text"],
            title=d.get("title"),
            published=d.get("published"),
            outlet=d.get("outlet"),
        )
        for d in line["documents"]
    ]


def question(line: dict[str, Any]) -> str:
    """A DUC topic as one focus question: title, then narrative."""
    topic = line.get("topic") or {}
    return f"{topic.get('title', '')}. {topic.get('narrative', '')}".strip()


def recall(
    summaries: Sequence[Summary], lines: Sequence[dict[str, Any]], words: int
) -> tuple[float, float] | None:
    """Official R-1 and R-2 recall of summaries against their lines' references."""
    if not summaries:
        return None
    texts = ["\n".join(s.text for s in summary.sentences) for summary in summaries]
    refs = [list(line["references"]) for line in lines]
    result = score(texts, refs, max_words=words, scorer="official")
    return result.r1.recall.value, result.r2.recall.value


def rouge(summaries: Sequence[Summary], lines: Sequence[dict[str, Any]], words: int) -> str:
    """Official R-1 / R-2 recall of summaries against their lines' references, as text."""
    got = recall(summaries, lines, words)
    return "-" if got is None else f"{got[0]:.2f} / {got[1]:.2f}"


def novelty(summaries: dict[str, Summary], lines: Sequence[dict[str, Any]]) -> float:
    """Mean share of a B/C summary's bigrams already in the earlier stages' summaries."""
    shares = []
    for line in lines:
        stage = str(line.get("update_stage"))
        if stage == "A":
            continue
        topic = line["id"].rsplit("-", 1)[0]
        earlier = [f"{topic}-{s}" for s in "AB"[: "ABC".index(stage)]]
        before = [features(t.text) for e in earlier for t in summaries[e].sentences]
        now = [features(t.text) for t in summaries[line["id"]].sentences]
        shares.append(update_mod.novelty(now, before))
    return 100 * sum(shares) / max(1, len(shares))


def run_update(
    lines: Sequence[dict[str, Any]],
    *,
    since: bool,
    focus: bool,
    config: SummarizerConfig,
) -> dict[str, Summary]:
    """Summarize every stage; with `since`, given the earlier stages' documents as seen."""
    docs: dict[str, Article] = {}
    out: dict[str, Summary] = {}
    for line in lines:
        new = articles_of(line)
        cfg = SummarizerConfig.from_mapping(
            {**config.__dict__, "focus": question(line) if focus else None}
        )
        previous = [docs[d] for d in line.get("previous_document_ids", [])]
        if since and previous:
            out[line["id"]] = summarize_update(new, previous, cfg)
        else:
            out[line["id"]] = summarize(new, cfg)
        docs.update({a.id: a for a in new})
    return out


def update_table(lines: Sequence[dict[str, Any]], config: SummarizerConfig) -> list[str]:
    """Rows for the four update systems."""
    later = [x for x in lines if x["update_stage"] != "A"]
    topics = list(dict.fromkeys(x["id"].rsplit("-", 1)[0] for x in lines))
    first = [x for x in later if x["id"].rsplit("-", 1)[0] in topics[:5]]
    second = [x for x in later if x["id"].rsplit("-", 1)[0] in topics[5:]]
    rows = [
        "| system | all 30 stages | B+C | B+C topics 1-5 (tune) | B+C topics 6-10 (check) "
        "| novelty % (B+C) |",
        "|---|---|---|---|---|---|",
    ]
    r2: dict[str, list[float]] = {}
    for name, since, foc in (
        ("plain", False, False),
        ("--since", True, False),
        ("--focus", False, True),
        ("--since --focus", True, True),
    ):
        t0 = time.perf_counter()
        got = run_update(lines, since=since, focus=foc, config=config)

        def pick(subset: Sequence[dict[str, Any]], got: dict[str, Summary] = got) -> list[Summary]:
            return [got[x["id"]] for x in subset]

        scores = [recall(pick(s), s, 100) for s in (lines, later, first, second)]
        cells = ["-" if x is None else f"{x[0]:.2f} / {x[1]:.2f}" for x in scores]
        r2[name] = [x[1] if x is not None else float("nan") for x in scores[1:]]
        rows.append(
            f"| {name} | " + " | ".join(cells) + f" | {novelty(got, lines):.1f} |"
            f" <!-- {time.perf_counter() - t0:.0f}s -->"
        )
        print(rows[-1], file=sys.stderr)
    rows += ["", *since_gain(r2)]
    return rows


def since_gain(r2: dict[str, list[float]]) -> list[str]:
    """What --since adds on stages B and C: R-2 with it minus R-2 of the same mode without it.

    Args:
        r2: system name to its R-2 recall on B+C, B+C of topics 1-5 and B+C of topics 6-10.

    Returns:
        Table rows, one for the plain mode and one for the focused mode.
    """
    rows = [
        "R-2 that --since adds on stages B and C (issue 12 asks for >= 1.0 over Synopsis without"
        " --since; both modes are shown)",
        "| mode | B+C | topics 1-5 (tune) | topics 6-10 (check) |",
        "|---|---|---|---|",
    ]
    for label, with_since, without in (
        ("--since over plain", "--since", "plain"),
        ("--since --focus over --focus", "--since --focus", "--focus"),
    ):
        gains = [a - b for a, b in zip(r2[with_since], r2[without], strict=True)]
        rows.append(f"| {label} | " + " | ".join(f"{g:+.2f}" for g in gains) + " |")
    return rows


def main_table(lines: Sequence[dict[str, Any]], config: SummarizerConfig) -> list[str]:
    """Rows for DUC 2007 main with and without focus."""
    rows = [
        "| system | all 23 topics | topics 1-11 (tune) | topics 12-23 (check) |",
        "|---|---|---|---|",
    ]
    for name, foc in (("plain", False), ("--focus", True)):
        got = []
        for line in lines:
            cfg = SummarizerConfig.from_mapping(
                {**config.__dict__, "max_words": 250, "focus": question(line) if foc else None}
            )
            got.append(summarize(articles_of(line), cfg))
        cells = [
            rouge(got, lines, 250),
            rouge(got[:11], lines[:11], 250),
            rouge(got[11:], lines[11:], 250),
        ]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
        print(rows[-1], file=sys.stderr)
    return rows


def tune(update_lines: Sequence[dict[str, Any]], main_lines: Sequence[dict[str, Any]]) -> None:
    """The grids the constants were chosen from; tuning half and held-out half side by side."""
    config = SummarizerConfig(analyze=False)
    later = [x for x in update_lines if x["update_stage"] != "A"]
    topics = list(dict.fromkeys(x["id"].rsplit("-", 1)[0] for x in update_lines))
    halves = (
        [x for x in later if x["id"].rsplit("-", 1)[0] in topics[:5]],
        [x for x in later if x["id"].rsplit("-", 1)[0] in topics[5:]],
    )
    saved_update = (
        update_mod.SEEN_DISCOUNT,
        update_mod.NEW_NUMBER_BOOST,
        update_mod.REPEAT_OVERLAP,
    )
    saved_focus = (
        focus_mod.FOCUS_WEIGHT,
        focus_mod.TITLE_WEIGHT,
        focus_mod.MIN_RELEVANCE,
        focus_mod.QUERY_IDF_POWER,
    )
    saved_questions = (focus_mod.QUESTION_WEIGHT, focus_mod.QUESTION_MIN)
    print(
        "DUC 2007 update, stages B+C: --since topics 1-5 (tune) | 6-10 (check) || "
        "--since --focus topics 1-5 (tune) | 6-10 (check)"
    )
    grid = [(s, 1.0, saved_update[2]) for s in (0.25, 0.5, 0.75, 0.9)]
    grid += [(saved_update[0], 1.5, saved_update[2])]
    grid += [(saved_update[0], 1.0, r) for r in (0.7, 0.8, 0.85, 0.95, 1.01)]
    try:
        for strength, boost, overlap in grid:
            update_mod.SEEN_DISCOUNT, update_mod.NEW_NUMBER_BOOST = strength, boost
            update_mod.REPEAT_OVERLAP = overlap
            cells = []
            for foc in (False, True):
                got = run_update(update_lines, since=True, focus=foc, config=config)
                cells += [rouge([got[x["id"]] for x in h], h, 100) for h in halves]
            print(
                f"SEEN_DISCOUNT={strength} NEW_NUMBER_BOOST={boost} REPEAT_OVERLAP={overlap}: "
                f"{cells[0]} | {cells[1]} || {cells[2]} | {cells[3]}",
                flush=True,
            )
        update_mod.SEEN_DISCOUNT, update_mod.NEW_NUMBER_BOOST, update_mod.REPEAT_OVERLAP = (
            saved_update
        )
        if not main_lines:
            return
        question_grid(update_lines, main_lines)
        print("DUC 2007 main --focus, 250 words: topics 1-11 (tune) | topics 12-23 (check)")
        cfg = SummarizerConfig(analyze=False, max_words=250)
        # (TITLE_WEIGHT, FOCUS_WEIGHT, MIN_RELEVANCE, QUERY_IDF_POWER): the constants' grids
        # were run with flat query weights (power 0); QUERY_IDF_POWER and MIN_RELEVANCE were
        # then re-checked at power 1.
        for title, weight, least, power in (
            (2.0, 2.0, 0.3, 0.0),
            (2.0, 2.0, 0.3, 0.5),
            (2.0, 2.0, 0.3, 1.0),
            (2.0, 2.0, 0.2, 1.0),
            (2.0, 2.0, 0.4, 1.0),
            (2.0, 1.0, 0.3, 0.0),
            (2.0, 3.0, 0.3, 0.0),
            (1.0, 2.0, 0.3, 0.0),
            (3.0, 2.0, 0.3, 0.0),
            (1.0, 2.0, 0.0, 0.0),
            (1.0, 2.0, 0.2, 0.0),
            (1.0, 2.0, 0.4, 0.0),
        ):
            focus_mod.TITLE_WEIGHT, focus_mod.FOCUS_WEIGHT = title, weight
            focus_mod.MIN_RELEVANCE, focus_mod.QUERY_IDF_POWER = least, power
            outs = [
                summarize(
                    articles_of(x),
                    SummarizerConfig.from_mapping({**cfg.__dict__, "focus": question(x)}),
                )
                for x in main_lines
            ]
            print(
                f"TITLE_WEIGHT={title} FOCUS_WEIGHT={weight} MIN_RELEVANCE={least} "
                f"QUERY_IDF_POWER={power}: "
                f"{rouge(outs[:11], main_lines[:11], 250)} | "
                f"{rouge(outs[11:], main_lines[11:], 250)}",
                flush=True,
            )
    finally:
        update_mod.SEEN_DISCOUNT, update_mod.NEW_NUMBER_BOOST, update_mod.REPEAT_OVERLAP = (
            saved_update
        )
        (
            focus_mod.FOCUS_WEIGHT,
            focus_mod.TITLE_WEIGHT,
            focus_mod.MIN_RELEVANCE,
            focus_mod.QUERY_IDF_POWER,
        ) = saved_focus
        focus_mod.QUESTION_WEIGHT, focus_mod.QUESTION_MIN = saved_questions


def question_grid(
    update_lines: Sequence[dict[str, Any]], main_lines: Sequence[dict[str, Any]]
) -> None:
    """The QUESTION_WEIGHT / QUESTION_MIN grid: main --focus and update stage A --focus halves."""
    stage_a = [x for x in update_lines if x["update_stage"] == "A"]
    print(
        "question concepts, --focus R-1 / R-2: main topics 1-11 (tune) | update A topics 1-5 "
        "(tune) | main topics 12-23 (check) | update A topics 6-10 (check)"
    )
    saved = (focus_mod.QUESTION_WEIGHT, focus_mod.QUESTION_MIN)
    grid = [(w, 0.5) for w in (0.0, 0.5, 0.75, 1.0)] + [(0.75, m) for m in (0.3, 0.7)]
    try:
        for weight, least in grid:
            focus_mod.QUESTION_WEIGHT, focus_mod.QUESTION_MIN = weight, least
            main = [
                summarize(
                    articles_of(x),
                    SummarizerConfig(analyze=False, max_words=250, focus=question(x)),
                )
                for x in main_lines
            ]
            first = [
                summarize(articles_of(x), SummarizerConfig(analyze=False, focus=question(x)))
                for x in stage_a
            ]
            cells = [
                rouge(main[:11], main_lines[:11], 250),
                rouge(first[:5], stage_a[:5], 100),
                rouge(main[11:], main_lines[11:], 250),
                rouge(first[5:], stage_a[5:], 100),
            ]
            name = f"QUESTION_WEIGHT={weight} QUESTION_MIN={least}"
            print(f"{name}: " + " | ".join(cells), flush=True)
    finally:
        focus_mod.QUESTION_WEIGHT, focus_mod.QUESTION_MIN = saved


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).parents[2] / "shared/data")
    parser.add_argument("--tune", action="store_true", help="run the calibration grids")
    parser.add_argument("--skip-main", action="store_true", help="skip DUC 2007 main")
    args = parser.parse_args(argv)
    update_lines = load(args.data / "duc2007/update.jsonl")
    main_lines = [] if args.skip_main else load(args.data / "duc2007/main.jsonl")
    if args.tune:
        tune(update_lines, main_lines)
        return 0
    config = SummarizerConfig(analyze=False)
    print("DUC 2007 update, official ROUGE-1.5.5 recall R-1 / R-2, 100 words")
    print("\n".join(update_table(update_lines, config)))
    if main_lines:
        print("\nDUC 2007 main, official ROUGE-1.5.5 recall R-1 / R-2, 250 words")
        print("\n".join(main_table(main_lines, config)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
