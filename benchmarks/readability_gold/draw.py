#!/usr/bin/env python
"""Draw a fresh split of the readability audit's annotated set, and ingest its annotations.

`draw` picks stories never annotated before (seeded `random.Random`), runs Synopsis, Lead and sumy
LexRank on them (`corpus.run_system`, 100 words for DUC 2004 and a DUC 2007 update stage, 300
for Multi-News dev), freezes
every summary as locators (`corpus.freeze`) into summaries.jsonl under the split's name, and
writes an annotation packet per story to a folder outside the repository: the category
definitions of README.md, then the three summaries labelled only "Summary A/B/C" (shuffled), each
sentence numbered and shown with its article's publication date, plus a blank answer file
answers_<story>.jsonl with one line per sentence. Which label is which system, and each sentence's
hash, go to key.json in the same folder: hand the reader only packet_*.md and answers_*.jsonl.
Nothing the audit outputs is computed or shown.

`ingest` reads the filled answer files and key.json, rebuilds each sentence from summaries.jsonl
and ../shared, checks its hash against the one taken at draw time, maps labels back to systems
and appends to annotations.jsonl with the split's name. It refuses, with one line naming the file
and line, unknown categories, missing or duplicated sentences and hash mismatches, and writes
nothing unless every answer is valid.

The packets hold licensed evaluation text: never commit them.

Usage:
    python benchmarks/readability_gold/draw.py draw --seed N --split NAME --duc2004 K
        --multinews M [--duc2007-update U] --packet DIR [--shared PATH] [--extend]
    python benchmarks/readability_gold/draw.py ingest --packet DIR [--shared PATH]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import (  # noqa: E402
    ANNOTATED,
    DEFAULT_SHARED,
    REPO,
    SYSTEMS,
    Story,
    freeze,
    load_stories,
    published,
    run_system,
    text_hash,
    thaw,
)

from synopsis.evaluation.readability import CATEGORIES  # noqa: E402

SUMMARIES = HERE / "summaries.jsonl"
ANNOTATIONS = HERE / "annotations.jsonl"
README = HERE / "README.md"
LETTERS = ("A", "B", "C")
DEFINITIONS_START = "A sentence gets a category when"


class DrawError(Exception):
    """A refused draw or ingest; its message is the one line printed."""


def definitions(readme: Path = README) -> tuple[str, list[str]]:
    """The README's category definitions, verbatim, and the category names they define.

    The section runs from the line starting "A sentence gets a category when" to the next
    heading; each category is a bullet "- `name`: ...".
    """
    lines = readme.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(DEFINITIONS_START)), None)
    if start is None:
        raise DrawError(f"{readme}: no line starting {DEFINITIONS_START!r}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    section = "\n".join(lines[start:end]).strip()
    names = re.findall(r"^- `([a-z_]+)`", section, flags=re.MULTILINE)
    missing = sorted(set(CATEGORIES) - set(names))
    if missing:
        raise DrawError(f"{readme}: categories {missing} not defined after {DEFINITIONS_START!r}")
    return section, names


def _rows(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _append(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(json.dumps(row) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")


def _safe(cluster: str) -> str:
    """A file-name form of a cluster id."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", cluster)


def pick(stories: Sequence[Story], used: set[str], dataset: str, rng: random.Random) -> list[Story]:
    """Every unused story of `dataset`, in a seeded random order (the draw takes a prefix)."""
    pool = [s for s in stories if s.dataset == dataset and s.cluster.id not in used]
    return rng.sample(pool, len(pool))


def freeze_story(story: Story) -> dict[str, list[dict[str, Any]]]:
    """Each system's summary of a story, frozen as locators (ValueError if one cannot be)."""
    articles = story.cluster.articles
    out: dict[str, list[dict[str, Any]]] = {}
    for system in SYSTEMS:
        sentences = run_system(system, articles, story.max_words)
        out[system] = [freeze(articles, s) for s in sentences]
    return out


def packet_text(story: Story, by_letter: dict[str, list[dict[str, Any]]], defs: str) -> str:
    """The annotation packet of one story as Markdown (no system names, no audit output)."""
    articles = story.cluster.articles
    cid = story.cluster.id
    lines = [
        f"# Story `{cid}`: which summary sentences would a reader trip over?",
        "",
        f"Below are {len(by_letter)} summaries of one news story, labelled only Summary "
        + "/".join(by_letter)
        + ". Read each summary on its own, from its first sentence, as a reader who has not read"
        " the source articles nor the other summaries: what a sentence may lean on is only what"
        " earlier sentences of the same summary, or earlier words of the same sentence, say. Each"
        " sentence shows, in brackets, the publication date of the article it comes from.",
        "",
        f"For every sentence, write the categories that apply (zero, one or several) into the"
        f' `"labels"` list of its line in `answers_{_safe(cid)}.jsonl`, found by `"system_label"`'
        ' and `"index"` (the sentence number shown here), e.g. `"labels": ["pronoun", "quote"]`.'
        " Leave `[]` when none applies. Use only the category names defined below, and do not"
        " add, remove or reorder lines.",
        "",
        "## Categories",
        "",
        defs,
        "",
    ]
    for letter, frozen in by_letter.items():
        lines += [f"## Summary {letter}", ""]
        if not frozen:
            lines += ["(empty summary: nothing to label)", ""]
        for i, f in enumerate(frozen, start=1):
            date = published(articles, f["doc"]) or "date unknown"
            text = " ".join(thaw(articles, f).split())
            lines += [f"{letter}{i}. [{date}] {text}", ""]
    return "\n".join(lines).rstrip() + "\n"


def draw(args: argparse.Namespace) -> None:
    """Draw, run, freeze and append a split; write its packets and key."""
    packet: Path = args.packet.resolve()
    if packet == REPO or REPO in packet.parents:
        raise DrawError(f"{packet}: the packet holds licensed text; write it outside {REPO}")
    if packet.exists() and any(packet.iterdir()):
        raise DrawError(f"{packet}: folder is not empty; refusing to overwrite a packet")
    summaries = _rows(SUMMARIES)
    if not args.extend and any(s.get("split", "dev") == args.split for s in summaries):
        raise DrawError(f"{SUMMARIES}: split {args.split!r} exists already (pass --extend)")
    defs, _ = definitions()
    used = {s["cluster"] for s in summaries}
    stories = load_stories(args.shared, ANNOTATED)
    rng = random.Random(args.seed)
    chosen: list[tuple[Story, dict[str, list[dict[str, Any]]]]] = []
    wanted = (
        ("duc2004", args.duc2004),
        ("multinews", args.multinews),
        ("duc2007-update", args.duc2007_update),
    )
    for dataset, want in wanted:
        got = 0
        for story in pick(stories, used, dataset, rng):
            if got == want:
                break
            try:
                frozen = freeze_story(story)
            except ValueError as err:  # a summary that is not a light edit of its sources
                print(f"skipped {story.cluster.id}: {err}", file=sys.stderr)
                continue
            chosen.append((story, frozen))
            got += 1
            print(f"[{dataset}] {story.cluster.id} drawn ({got}/{want})", file=sys.stderr)
        if got < want:
            raise DrawError(f"{dataset}: only {got} of {want} unused stories could be frozen")
    labeller = random.Random(f"{args.seed}:labels")
    packet.mkdir(parents=True, exist_ok=True)
    key: dict[str, Any] = {
        "split": args.split,
        "seed": args.seed,
        "drawn": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "stories": [],
    }
    new_rows: list[dict[str, Any]] = []
    sentences = 0
    for story, frozen in chosen:
        cid, articles = story.cluster.id, story.cluster.articles
        order = labeller.sample(list(SYSTEMS), len(SYSTEMS))
        by_letter = {letter: frozen[system] for letter, system in zip(LETTERS, order, strict=True)}
        name = _safe(cid)
        (packet / f"packet_{name}.md").write_text(
            packet_text(story, by_letter, defs), encoding="utf-8"
        )
        template = [
            {"cluster": cid, "system_label": letter, "index": i, "labels": []}
            for letter, locs in by_letter.items()
            for i in range(1, len(locs) + 1)
        ]
        _write_jsonl(packet / f"answers_{name}.jsonl", template)
        sentences += len(template)
        key["stories"].append(
            {
                "cluster": cid,
                "dataset": story.dataset,
                "max_words": story.max_words,
                "answers": f"answers_{name}.jsonl",
                "labels": {
                    letter: {
                        "system": system,
                        "hashes": [text_hash(thaw(articles, f)) for f in frozen[system]],
                    }
                    for letter, system in zip(LETTERS, order, strict=True)
                },
            }
        )
        for system in SYSTEMS:
            new_rows.append(
                {
                    "dataset": story.dataset,
                    "cluster": cid,
                    "system": system,
                    "max_words": story.max_words,
                    "split": args.split,
                    "sentences": frozen[system],
                }
            )
    (packet / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    _append(SUMMARIES, new_rows)
    print(
        f"split {args.split!r}: {len(chosen)} stories, {sentences} sentences to annotate;"
        f" packet in {packet} (give the reader packet_*.md and answers_*.jsonl, not key.json)"
    )


def _write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


Answers = dict[tuple[str, int], tuple[list[str], int]]


def read_answers(path: Path, cluster: str, sizes: dict[str, int], allowed: set[str]) -> Answers:
    """Labels by (letter, 0-based index) from one answer file, with the line each came from.

    Raises:
        DrawError: a malformed line, an unknown label, category or sentence, a duplicate, or a
            sentence without an answer line.
    """
    if not path.exists():
        raise DrawError(f"{path}: answer file missing")
    found: Answers = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise DrawError(f"{where}: not JSON ({err.msg})") from None
        if not isinstance(row, dict) or row.get("cluster") != cluster:
            raise DrawError(f"{where}: expected an object with cluster {cluster!r}")
        letter, index, labels = row.get("system_label"), row.get("index"), row.get("labels")
        if letter not in sizes:
            raise DrawError(f"{where}: unknown system_label {letter!r}")
        if not isinstance(index, int) or not 1 <= index <= sizes[letter]:
            raise DrawError(f"{where}: Summary {letter} has no sentence {index!r}")
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise DrawError(f"{where}: labels must be a list of category names")
        unknown = sorted(set(labels) - allowed)
        if unknown:
            raise DrawError(f"{where}: unknown categories {unknown} (allowed: {sorted(allowed)})")
        if (letter, index - 1) in found:
            raise DrawError(f"{where}: Summary {letter} sentence {index} answered twice")
        found[(letter, index - 1)] = (list(dict.fromkeys(labels)), n)
    expected = 0  # line of the blank template
    for letter, size in sizes.items():
        for i in range(size):
            expected += 1
            if (letter, i) not in found:
                raise DrawError(
                    f"{path}:{expected}: no answer for Summary {letter} sentence {i + 1}"
                    " (its line in the blank template)"
                )
    return found


def ingest(args: argparse.Namespace) -> None:
    """Check the filled answer files against key.json and append them to annotations.jsonl."""
    packet: Path = args.packet
    key_path = packet / "key.json"
    if not key_path.exists():
        raise DrawError(f"{key_path}: key missing")
    key = json.loads(key_path.read_text(encoding="utf-8"))
    split = key["split"]
    _, names = definitions()
    allowed = set(names)
    frozen = {
        (s["cluster"], s["system"]): s["sentences"]
        for s in _rows(SUMMARIES)
        if s.get("split", "dev") == split
    }
    reader: str | None = args.reader
    done = {
        (a["cluster"], a["system"], a["index"])
        for a in _rows(ANNOTATIONS)
        if a.get("reader") == reader
    }
    stories = {s.cluster.id: s for s in load_stories(args.shared, ANNOTATED)}
    out: list[dict[str, Any]] = []
    for entry in key["stories"]:
        cid = entry["cluster"]
        path = packet / entry["answers"]
        letters: dict[str, Any] = entry["labels"]
        sizes = {letter: len(v["hashes"]) for letter, v in letters.items()}
        found = read_answers(path, cid, sizes, allowed)
        story = stories.get(cid)
        if story is None:
            raise DrawError(f"{path}: story {cid} not found in {args.shared}")
        by_system: dict[str, list[dict[str, Any]]] = {}
        for letter, v in letters.items():
            system = v["system"]
            locators = frozen.get((cid, system))
            if locators is None or len(locators) != len(v["hashes"]):
                raise DrawError(f"{SUMMARIES}: no {split!r} summary of {cid} matching the key")
            rows = []
            for i, (loc, want) in enumerate(zip(locators, v["hashes"], strict=True)):
                labels, n = found[(letter, i)]
                got = text_hash(thaw(story.cluster.articles, loc))
                if got != want:
                    raise DrawError(f"{path}:{n}: sentence text changed since the draw (hash)")
                if (cid, system, i) in done:
                    raise DrawError(f"{path}:{n}: sentence already in {ANNOTATIONS.name}")
                row = {
                    "cluster": cid,
                    "system": system,
                    "index": i,
                    "hash": got,
                    "labels": labels,
                    "split": split,
                }
                if reader is not None:
                    row["reader"] = reader
                rows.append(row)
            by_system[system] = rows
        out += [row for system in SYSTEMS for row in by_system.get(system, [])]
    _append(ANNOTATIONS, out)
    who = f" (second reader {reader!r})" if reader else ""
    print(f"split {split!r}: {len(out)} annotated sentences{who} appended to {ANNOTATIONS}")


def agreement(split: str) -> str:
    """How far two readers of one split agree, per category, as a Markdown table.

    The first reader's rows carry no "reader" field, a second reader's carry one (ingest
    --reader). Cohen's kappa per category over the sentences both labelled, and the precision
    of one reader's labels measured against the other's: the ceiling an audit can expect when
    scored against either reader.
    """
    rows = [r for r in _rows(ANNOTATIONS) if r.get("split", "dev") == split]
    first = {
        (r["cluster"], r["system"], r["index"]): set(r["labels"]) for r in rows if "reader" not in r
    }
    second = {
        (r["cluster"], r["system"], r["index"]): set(r["labels"]) for r in rows if "reader" in r
    }
    both = sorted(set(first) & set(second))
    if not both:
        raise DrawError(f"{ANNOTATIONS}: split {split!r} has no sentence labelled by two readers")
    _, names = definitions()
    lines = [
        f"Agreement of two readers on split {split!r}: {len(both)} sentences",
        "",
        "| category | first | second | both | kappa | second vs first: precision |",
        "|---|---|---|---|---|---|",
    ]
    for name in names:
        a = [name in first[k] for k in both]
        b = [name in second[k] for k in both]
        n, na, nb = len(both), sum(a), sum(b)
        nab = sum(x and y for x, y in zip(a, b, strict=True))
        observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
        expected = (na * nb + (n - na) * (n - nb)) / (n * n)
        kappa = "-" if expected == 1 else f"{(observed - expected) / (1 - expected):.2f}"
        precision = f"{nab / nb:.2f}" if nb else "-"
        lines.append(f"| {name} | {na} | {nb} | {nab} | {kappa} | {precision} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="draw a split and write its annotation packet")
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--split", required=True, help='split name, e.g. "heldout"')
    d.add_argument("--duc2004", type=int, required=True, help="DUC 2004 stories to draw")
    d.add_argument("--multinews", type=int, required=True, help="Multi-News dev stories to draw")
    d.add_argument(
        "--duc2007-update", type=int, default=0, help="DUC 2007 update stages to draw (default 0)"
    )
    d.add_argument("--packet", type=Path, required=True, help="output folder, outside the repo")
    d.add_argument("--extend", action="store_true", help="add stories to an existing split")
    i = sub.add_parser("ingest", help="append a filled packet's answers to annotations.jsonl")
    i.add_argument("--packet", type=Path, required=True)
    i.add_argument(
        "--reader", default=None, help="a second reader's name: labels of the same sentences"
    )
    g = sub.add_parser("agreement", help="agreement of the two readers of a split")
    g.add_argument("--split", required=True)
    for p in (d, i, g):
        p.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    if not (args.shared / "data").is_dir():
        raise SystemExit(f"evaluation data not found at {args.shared}; pass --shared PATH")
    try:
        if args.command == "draw":
            draw(args)
        elif args.command == "agreement":
            print(agreement(args.split))
        else:
            ingest(args)
    except DrawError as err:
        raise SystemExit(f"error: {err}") from None


if __name__ == "__main__":
    main()
