#!/usr/bin/env python
"""Sum blind readers' score files against the packet key (issue 13, item 5).

Each score file is the JSON a reader filled in for one packet (see benchmarks/blind_rubric.md);
a file may also hold a list of such objects. The key is the one benchmarks/blind_packets.py wrote.
Prints, per system: the mean of each measure (coherence, unintroduced, junk, informativeness,
faithfulness; counts are per summary) and, for every pair of systems, how often the first was
ranked above the second (over every reader and packet that ranked both). --by-dataset also
prints the same tables for each dataset's packets on their own (DUC 2004, Multi-News, ...).

Usage:
    python benchmarks/blind_score.py --key /tmp/synopsis-blind/key/key.json SCORES.json|DIR ...
        [--json OUT] [--by-dataset]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

SYSTEMS = ("synopsis", "synopsis_before", "lead", "lexrank", "human")
NAMES = {
    "synopsis": "Synopsis",
    "synopsis_before": "Synopsis (before)",
    "lead": "Lead",
    "lexrank": "sumy LexRank",
    "human": "human",
}
# Each measure's allowed range (counts have no upper bound).
RANGES: dict[str, tuple[int, int | None]] = {
    "coherence": (1, 5),
    "unintroduced": (0, None),
    "junk": (0, None),
    "informativeness": (1, 5),
    "faithfulness": (1, 5),
}


class ScoreError(ValueError):
    """A score file that cannot be used; the message names the file and the field."""


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        out += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return out


def _records(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ScoreError(f"{path}: not readable JSON ({exc}); fix or remove the file") from exc
    return data if isinstance(data, list) else [data]


def check(record: dict[str, Any], where: str, key: dict[str, Any]) -> None:
    """Raise ScoreError naming the field when a filled-in record is incomplete or out of range."""
    packet = record.get("packet")
    if packet not in key["packets"]:
        raise ScoreError(f"{where}: packet {packet!r} is not in the key")
    if not record.get("reader"):
        raise ScoreError(f"{where}: 'reader' is empty; give each reader a name or code")
    labels = sorted(key["packets"][packet]["labels"])
    scores = record.get("scores")
    if not isinstance(scores, dict) or set(scores) != set(labels):
        raise ScoreError(f"{where}: 'scores' must have exactly the labels {', '.join(labels)}")
    for label in labels:
        for measure, (low, high) in RANGES.items():
            value = scores[label].get(measure)
            if not isinstance(value, int) or value < low or (high is not None and value > high):
                span = f"{low}-{high}" if high is not None else f">= {low}"
                raise ScoreError(f"{where}: scores.{label}.{measure} is {value!r}, expected {span}")
    ranking = record.get("ranking")
    if not isinstance(ranking, list) or sorted(ranking) != labels:
        raise ScoreError(f"{where}: 'ranking' must list {', '.join(labels)} once each, best first")


def summarize_scores(
    records: list[tuple[str, dict[str, Any]]], key: dict[str, Any]
) -> dict[str, Any]:
    """Per-system means and pairwise ranked-above rates.

    Args:
        records: (where, record) pairs, each record already checked.
        key: the packet key.

    Returns:
        {"readers", "packets", "means": {system: {measure: mean}}, "above": {"x>y": rate, ...}}.
    """
    values: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    wins: dict[tuple[str, str], int] = defaultdict(int)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    seen: set[tuple[str, str]] = set()
    for where, record in records:
        reader, packet = record["reader"], record["packet"]
        if (reader, packet) in seen:
            raise ScoreError(f"{where}: reader {reader!r} scored {packet} twice")
        seen.add((reader, packet))
        labels = key["packets"][packet]["labels"]
        for label, system in labels.items():
            for measure in RANGES:
                values[system][measure].append(record["scores"][label][measure])
        place = {labels[label]: k for k, label in enumerate(record["ranking"])}
        for x, y in itertools.permutations(SYSTEMS, 2):
            if x in place and y in place:
                pairs[(x, y)] += 1
                wins[(x, y)] += place[x] < place[y]
    means = {
        system: {m: round(statistics.mean(v), 2) for m, v in values[system].items()}
        for system in SYSTEMS
        if system in values
    }
    above = {f"{x}>{y}": round(wins[(x, y)] / n, 3) for (x, y), n in pairs.items() if n}
    return {
        "readers": len({r for r, _ in seen}),
        "packets": len({p for _, p in seen}),
        "judgements": len(seen),
        "means": means,
        "above": above,
    }


def render(result: dict[str, Any]) -> str:
    """The summed scores as Markdown."""
    lines = [
        f"{result['judgements']} judgements: {result['readers']} readers, "
        f"{result['packets']} packets.",
        "",
        "| per summary (1-5 or count) | " + " | ".join(NAMES[s] for s in result["means"]) + " |",
        "|---" * (len(result["means"]) + 1) + "|",
    ]
    for measure in RANGES:
        row = " | ".join(f"{result['means'][s][measure]:.2f}" for s in result["means"])
        lines.append(f"| {measure} | {row} |")
    present = [s for s in SYSTEMS if s in result["means"]]
    lines += ["", "| ranked above | " + " | ".join(NAMES[s] for s in present) + " |"]
    lines.append("|---" * (len(present) + 1) + "|")
    for x in present:
        cells: list[str] = []
        for y in present:
            rate = result["above"].get(f"{x}>{y}")
            cells.append("-" if rate is None else f"{rate:.0%}")
        lines.append(f"| {NAMES[x]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--key", type=Path, required=True, help="key.json from blind_packets.py")
    ap.add_argument("scores", type=Path, nargs="+", help="score files or folders of them")
    ap.add_argument("--json", type=Path, default=None, help="also write the result as JSON")
    ap.add_argument(
        "--by-dataset",
        action="store_true",
        help="also sum each dataset's packets on their own (the key's 'dataset' of a packet)",
    )
    args = ap.parse_args()
    try:
        key = json.loads(args.key.read_text(encoding="utf-8"))
        records: list[tuple[str, dict[str, Any]]] = []
        for path in _files(args.scores):
            for k, record in enumerate(_records(path)):
                where = f"{path}[{k}]"
                if record.get("reader") is None and all(
                    v is None for s in record.get("scores", {}).values() for v in s.values()
                ):
                    continue  # an untouched template
                check(record, where, key)
                records.append((where, record))
        if not records:
            raise ScoreError("no filled-in score files found; pass the readers' files")
        result = summarize_scores(records, key)
        by_dataset: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for where, record in records if args.by_dataset else []:
            by_dataset[key["packets"][record["packet"]].get("dataset", "?")].append((where, record))
        parts = {name: summarize_scores(group, key) for name, group in sorted(by_dataset.items())}
    except (OSError, json.JSONDecodeError, ScoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    print(render(result))
    for name, part in parts.items():
        print(f"\n### {name}\n\n{render(part)}")
        result.setdefault("datasets", {})[name] = part
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
