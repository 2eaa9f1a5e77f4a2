#!/usr/bin/env python
"""Build blind reading packets (issue 13, item 5) from ../shared at run time.

Each packet is one story: its source articles, then four summaries labelled A-D in an order
shuffled per packet with --seed: Synopsis, Lead, sumy LexRank (both peers under Synopsis' own
constraint: whole sentences, at most N words) and one human reference. Readers score them with
benchmarks/blind_rubric.md into the packet's score template; benchmarks/blind_score.py sums the
score files against the key.

The packets hold licensed evaluation text: they are written outside the repository (default
/tmp/synopsis-blind/packets) and must never be committed. The key (which label is which system)
goes to a separate folder (default /tmp/synopsis-blind/key/key.json) that readers never see.

Usage:
    python benchmarks/blind_packets.py [--shared PATH] [--out DIR] [--key-dir DIR] [--seed N]
        [--multinews K] [--duc2004 K] [--duc2007 K] [--duc2007-update K] [--words-multinews 200]
        [--words-duc2004 100] [--words-duc2007 200] [--words-duc2007-update 100] [--ids ID ...]
        [--dump-synopsis FILE] [--compare-with FILE]

DUC 2007 main stories (--duc2007, none by default) and DUC 2007 update stages (--duc2007-update,
none by default: one stage's articles read as a story of its own) are shown without a human
summary: their references answer the topic's question rather than summarize the story.

A/B reading of two versions of Synopsis: run the script with --dump-synopsis FILE under the older
tree (e.g. `PYTHONPATH=/tmp/old/src python benchmarks/blind_packets.py --seed N --dump-synopsis
/tmp/before.json`), which writes {cluster id: Synopsis summary} for the stories the seed picks and
no packets; then build the packets with the current tree and `--compare-with /tmp/before.json`:
each packet gets a fifth summary (labels A-E, shuffled like the others), keyed as
"synopsis_before", so readers judge both versions side by side without knowing which is which.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "readability_gold"))

from corpus import DEFAULT_SHARED, Story, load_stories, outside_repo  # noqa: E402

from synopsis.evaluation.baselines import lead, lexrank  # noqa: E402
from synopsis.model.config import SummarizerConfig  # noqa: E402
from synopsis.model.errors import EmptyInputError  # noqa: E402
from synopsis.pipeline import summarize  # noqa: E402

SYSTEMS = ("synopsis", "lead", "lexrank", "human")
# The older Synopsis of an A/B reading (--compare-with).
BEFORE = "synopsis_before"
LABELS = ("A", "B", "C", "D", "E")
MEASURES = ("coherence", "unintroduced", "junk", "informativeness", "faithfulness")
# Budgets of the issue-13 reading (Multi-News at 200 words) and of DUC 2004 (100 words).
# DUC 2007 main stories (25 articles each, no rule of the project was written from reading them)
# are read at Multi-News' 200 words.
# DUC 2007 update stages (--duc2007-update: one stage's 7-10 articles as a story, summarized
# plainly, as if the reader had seen nothing) at the update task's 100 words.
DEFAULT_WORDS = {"multinews": 200, "duc2004": 100, "duc2007": 200, "duc2007-update": 100}
# Datasets whose references answer a question (DUC 2007 main and update topics) rather than
# summarize the story: a generic reading shows no human summary for them.
FOCUSED_REFERENCES = frozenset({"duc2007", "duc2007-update"})


def synopsis_text(story: Story, words: int) -> str:
    """Synopsis' summary of one story as one paragraph."""
    config = SummarizerConfig.from_mapping({"max_words": words, "analyze": False})
    try:
        summary = summarize(story.cluster.articles, config)
    except EmptyInputError:
        return ""  # every page a placeholder (a web archive's notice): Synopsis says nothing
    return " ".join(s.text for s in summary.sentences)


def summaries(story: Story, words: int, rng: random.Random) -> dict[str, str]:
    """The four summaries of one story, by system, as plain paragraphs."""
    articles = story.cluster.articles
    out = {
        "synopsis": synopsis_text(story, words),
        "lead": " ".join(lead(articles, words, overflow=False)),
        "lexrank": " ".join(lexrank(articles, words, overflow=False)),
    }
    if story.dataset in FOCUSED_REFERENCES:
        return out
    references = list(story.cluster.references)
    out["human"] = " ".join(rng.choice(references).split()) if references else ""
    return out


def packet_text(name: str, story: Story, labelled: dict[str, str]) -> str:
    """The packet as Markdown: sources first, then the labelled summaries."""
    lines = [
        f"# {name}",
        "",
        "Read the sources, then score each summary with the rubric (blind_rubric.md) into",
        f"`{name}.score.json`. Do not try to guess how each summary was made.",
        "",
        "## Sources",
        "",
    ]
    for k, article in enumerate(story.cluster.articles, 1):
        meta = ", ".join(x for x in (article.outlet, article.published) if x)
        title = article.title or f"Article {k}"
        lines += [f"### {k}. {title}" + (f" ({meta})" if meta else ""), "", article.text, ""]
    lines += ["## Summaries", ""]
    for label in sorted(labelled):
        lines += [f"### Summary {label}", "", labelled[label], ""]
    return "\n".join(lines)


def score_template(name: str, labels: list[str]) -> dict[str, Any]:
    """An empty score file for one packet with these summary labels."""
    return {
        "reader": None,
        "packet": name,
        "scores": {label: dict.fromkeys(MEASURES) for label in labels},
        "ranking": [],
        "notes": "",
    }


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=Path("/tmp/synopsis-blind/packets"))
    ap.add_argument("--key-dir", type=Path, default=Path("/tmp/synopsis-blind/key"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--multinews", type=int, default=6, help="Multi-News dev stories")
    ap.add_argument("--duc2004", type=int, default=6, help="DUC 2004 stories")
    ap.add_argument(
        "--duc2007", type=int, default=0, help="DUC 2007 main stories (no human summary shown)"
    )
    ap.add_argument("--words-multinews", type=int, default=DEFAULT_WORDS["multinews"])
    ap.add_argument("--words-duc2004", type=int, default=DEFAULT_WORDS["duc2004"])
    ap.add_argument("--words-duc2007", type=int, default=DEFAULT_WORDS["duc2007"])
    ap.add_argument(
        "--duc2007-update",
        type=int,
        default=0,
        help="DUC 2007 update stages, each read as a story (no human summary shown)",
    )
    ap.add_argument("--words-duc2007-update", type=int, default=DEFAULT_WORDS["duc2007-update"])
    ap.add_argument("--ids", nargs="*", default=None, help="exact cluster ids instead of a sample")
    ap.add_argument(
        "--dump-synopsis", type=Path, default=None, help="write {cluster: summary}; no packets"
    )
    ap.add_argument(
        "--compare-with", type=Path, default=None, help="a --dump-synopsis file: fifth summary"
    )
    args = ap.parse_args()
    if not (args.shared / "data").is_dir():
        raise SystemExit(f"evaluation data not found at {args.shared}; pass --shared PATH")
    outside_repo(args.out, args.key_dir)
    if args.out.resolve() == args.key_dir.resolve():
        raise SystemExit("--out and --key-dir must differ: readers must not see the key")
    rng = random.Random(args.seed)
    chosen: list[tuple[Story, int]] = []
    for dataset, k, words in (
        ("multinews", args.multinews, args.words_multinews),
        ("duc2004", args.duc2004, args.words_duc2004),
        ("duc2007", args.duc2007, args.words_duc2007),
        ("duc2007-update", args.duc2007_update, args.words_duc2007_update),
    ):
        if k == 0 and args.ids is None:
            continue
        stories = load_stories(args.shared, (dataset,))
        if args.ids is not None:
            picked = [s for s in stories if s.cluster.id in set(args.ids)]
        else:
            picked = rng.sample(stories, min(k, len(stories)))
        chosen += [(s, words) for s in picked]
    if args.dump_synopsis is not None:
        dump = {story.cluster.id: synopsis_text(story, words) for story, words in chosen}
        args.dump_synopsis.write_text(json.dumps(dump, indent=1) + "\n", encoding="utf-8")
        print(f"{len(dump)} Synopsis summaries in {args.dump_synopsis}")
        return
    before: dict[str, str] | None = None
    if args.compare_with is not None:
        before = json.loads(args.compare_with.read_text(encoding="utf-8"))
        missing = [s.cluster.id for s, _ in chosen if s.cluster.id not in before]
        if missing:
            raise SystemExit(f"{args.compare_with}: no summary for {', '.join(missing)}")
    rng.shuffle(chosen)
    args.out.mkdir(parents=True, exist_ok=True)
    args.key_dir.mkdir(parents=True, exist_ok=True)
    key: dict[str, Any] = {"seed": args.seed, "packets": {}}
    for n, (story, words) in enumerate(chosen, 1):
        name = f"packet-{n:02d}"
        texts = summaries(story, words, rng)
        if before is not None:
            texts[BEFORE] = before[story.cluster.id]
        order = list(texts)
        rng.shuffle(order)
        labels = dict(zip(LABELS, order, strict=False))
        labelled = {label: texts[system] for label, system in labels.items()}
        (args.out / f"{name}.md").write_text(packet_text(name, story, labelled), encoding="utf-8")
        (args.out / f"{name}.score.json").write_text(
            json.dumps(score_template(name, list(labels)), indent=2) + "\n", encoding="utf-8"
        )
        key["packets"][name] = {
            "dataset": story.dataset,
            "cluster": story.cluster.id,
            "words": words,
            "labels": labels,
        }
        print(f"{name}: {story.dataset} {story.cluster.id}", file=sys.stderr)
    (args.out / "blind_rubric.md").write_text(
        (HERE / "blind_rubric.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (args.key_dir / "key.json").write_text(json.dumps(key, indent=2) + "\n", encoding="utf-8")
    print(f"{len(chosen)} packets in {args.out}; key in {args.key_dir / 'key.json'}")


if __name__ == "__main__":
    main()
