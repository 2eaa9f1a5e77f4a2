#!/usr/bin/env python
"""Blind reader check of the update (`--since`) and focus (`--focus`) modes (issue 12).

    python benchmarks/blind_modes.py build [--shared ../shared] [--out DIR] [--key-dir DIR]
        [--update 4] [--focus 4] [--seed 7]
    python benchmarks/blind_modes.py score --key KEY.json SCORES_DIR_OR_FILES...

`build` writes reading packets from DUC 2007 at run time (they hold licensed text: they go to
/tmp, never into the repository; the key, saying which label is which mode, goes to a separate
folder the readers never see):

* update packets (DUC 2007 update, stages B and C of topics 6-10, the half the update constants
  were not tuned on): the articles the reader has already read (the earlier stages), the new
  articles, and two 100-word summaries of the new articles labelled A and B in a shuffled order:
  plain Synopsis and `summarize_update(new, seen)`. Question: does this tell me only what is new?
* focus packets (DUC 2007 main, topics 12-23, the half the focus constants were not tuned on):
  the question (topic title and narrative), the articles, and two 250-word summaries: plain
  Synopsis and `--focus QUESTION`. Question: does this answer the question?

Readers score each summary 1-5 on the packet's question and say which of the two they prefer.
`score` sums the score files against the key: the mean score of each mode and how often readers
preferred it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

RUBRIC = {
    "update": (
        "You have already read the articles under 'Already read'. Score each summary of the new "
        "articles from 1 to 5 on: does it tell me only what is new (5: every sentence is news "
        "the earlier articles did not give; 1: it mostly repeats what I already read)? Then say "
        "which summary you would rather receive."
    ),
    "focus": (
        "Score each summary from 1 to 5 on: does it answer the question (5: it answers every "
        "part of the question from the articles; 1: it is about the story but not the "
        "question)? Then say which summary you would rather receive."
    ),
}


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _articles(docs: list[dict[str, Any]]) -> list[Any]:
    from synopsis import Article

    return [
        Article(
            id=d["id"],
            text=d["text"],
            title=d.get("title"),
            published=d.get("published"),
            outlet=d.get("outlet"),
        )
        for d in docs
    ]


def _question(line: dict[str, Any]) -> str:
    topic = line.get("topic") or {}
    return f"{topic.get('title', '')}. {topic.get('narrative', '')}".strip()


def _doc_block(docs: list[dict[str, Any]]) -> list[str]:
    out = []
    for k, d in enumerate(docs, 1):
        head = d.get("title") or f"Article {k}"
        out += [f"### {k}. {head} ({d.get('published') or 'undated'})", "", d["text"].strip(), ""]
    return out


def build(args: argparse.Namespace) -> int:
    from synopsis import SummarizerConfig, summarize, summarize_update

    out, key_dir = Path(args.out).resolve(), Path(args.key_dir).resolve()
    for folder in (out, key_dir):
        if REPO in folder.parents or folder == REPO:
            sys.exit(f"{folder}: packets hold licensed text; write them outside the repository")
        folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    data = Path(args.shared) / "data" / "duc2007"
    key: dict[str, dict[str, str]] = {}
    packets: list[tuple[str, list[str], dict[str, str]]] = []

    update_lines = _load(data / "update.jsonl")
    docs_by_id = {d["id"]: d for line in update_lines for d in line["documents"]}
    topics = sorted({line["id"].rsplit("-", 1)[0] for line in update_lines})[5:]
    later = [
        line
        for line in update_lines
        if line["id"].rsplit("-", 1)[0] in topics and line.get("previous_document_ids")
    ]
    for line in rng.sample(later, min(args.update, len(later))):
        seen_docs = [docs_by_id[i] for i in line["previous_document_ids"]]
        config = SummarizerConfig(max_words=100, analyze=False)
        new, seen = _articles(line["documents"]), _articles(seen_docs)
        texts = {
            "plain": summarize(new, config),
            "update": summarize_update(new, seen, config),
        }
        body = ["## Already read", "", *_doc_block(seen_docs), "## New articles", ""]
        body += _doc_block(line["documents"])
        packets.append(
            ("update", body, {k: " ".join(s.text for s in v.sentences) for k, v in texts.items()})
        )

    main_lines = _load(data / "main.jsonl")[11:]
    for line in rng.sample(main_lines, min(args.focus, len(main_lines))):
        arts = _articles(line["documents"])
        plain = summarize(arts, SummarizerConfig(max_words=250, analyze=False))
        focused = summarize(
            arts, SummarizerConfig(max_words=250, analyze=False, focus=_question(line))
        )
        body = ["## The question", "", _question(line), "", "## Articles", ""]
        body += _doc_block(line["documents"])
        packets.append(
            (
                "focus",
                body,
                {
                    "plain": " ".join(s.text for s in plain.sentences),
                    "focus": " ".join(s.text for s in focused.sentences),
                },
            )
        )

    for n, (kind, body, texts) in enumerate(packets, 1):
        name = f"packet-{n:02d}"
        systems = list(texts)
        rng.shuffle(systems)
        labels = dict(zip("AB", systems, strict=True))
        key[name] = {"kind": kind, **labels}
        lines = [f"# {name}", "", RUBRIC[kind], "", *body, "## Summaries", ""]
        for label, system in labels.items():
            lines += [f"### Summary {label}", "", texts[system], ""]
        (out / f"{name}.md").write_text("\n".join(lines), encoding="utf-8")
        template = {
            "reader": None,
            "packet": name,
            "scores": {"A": None, "B": None},
            "preferred": None,
        }
        (out / f"{name}.score.json").write_text(json.dumps(template, indent=2), encoding="utf-8")
        print(f"{name}: {kind}")
    (key_dir / "key.json").write_text(json.dumps(key, indent=2), encoding="utf-8")
    print(f"{len(packets)} packets in {out}; key in {key_dir / 'key.json'}")
    return 0


def score(args: argparse.Namespace) -> int:
    key = json.loads(Path(args.key).read_text(encoding="utf-8"))
    files: list[Path] = []
    for item in args.scores:
        path = Path(item)
        files += sorted(path.glob("*.score.json")) if path.is_dir() else [path]
    sums: dict[tuple[str, str], list[float]] = {}
    preferred: dict[str, list[str]] = {}
    for file in files:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("preferred") is None:
            continue
        entry = key[data["packet"]]
        kind = entry["kind"]
        for label in "AB":
            sums.setdefault((kind, entry[label]), []).append(float(data["scores"][label]))
        preferred.setdefault(kind, []).append(entry[data["preferred"]])
    if not preferred:
        sys.exit("no filled-in score files found")
    print("| packets | system | mean score (1-5) | preferred |")
    print("|---|---|---|---|")
    for kind, choices in sorted(preferred.items()):
        for system in sorted({s for (k, s) in sums if k == kind}):
            values = sums[(kind, system)]
            share = choices.count(system) / len(choices)
            print(
                f"| {kind} ({len(choices)}) | {system} | {sum(values) / len(values):.2f} | "
                f"{share:.0%} |"
            )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--shared", default=str(REPO.parent / "shared"))
    b.add_argument("--out", default="/tmp/synopsis-blind-modes/packets")
    b.add_argument("--key-dir", default="/tmp/synopsis-blind-modes/key")
    b.add_argument("--update", type=int, default=4)
    b.add_argument("--focus", type=int, default=4)
    b.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("score")
    s.add_argument("--key", required=True)
    s.add_argument("scores", nargs="+")
    args = parser.parse_args()
    return build(args) if args.command == "build" else score(args)


if __name__ == "__main__":
    sys.exit(main())
