#!/usr/bin/env python
"""Snapshot every output of the installed `synopsis` command, to prove a refactor changed none.

Runs the installed console script (so it does not depend on the package's internal layout) on:
DUC 2004 and Multi-News dev (`synopsis batch --analysis`, 100 and 300 words), and on both example
folders (`examples/harbor-bridge` and `../shared/examples/is-euphrates-2017-11-03`) in every format
(md, json, text and the HTML report). Writes one file per output into OUT and a SHA-256 manifest.

    python benchmarks/output_snapshot.py --out /tmp/before      # on the old code
    python benchmarks/output_snapshot.py --out /tmp/after       # on the new code
    python benchmarks/output_snapshot.py --compare /tmp/before /tmp/after

`--compare` prints each file that differs (with the first differing line) and exits 1 if any do.
`--ignore-keys segments,edits` compares JSON outputs with those keys removed at every level: how
a change that only adds keys to the JSON proves everything else is unchanged.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _synopsis() -> str:
    script = Path(sys.executable).with_name("synopsis")
    found = str(script) if script.exists() else shutil.which("synopsis")
    if not found:
        sys.exit("the synopsis console script is not installed (pip install -e .)")
    return found


def _run(args: list[str]) -> bytes:
    done = subprocess.run(
        [_synopsis(), *args], capture_output=True, stdin=subprocess.DEVNULL, check=False
    )
    if done.returncode not in (0, 4):
        sys.exit(f"synopsis {' '.join(args)} failed: {done.stderr.decode(errors='replace')}")
    return done.stdout


def snapshot(out: Path, shared: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    datasets = {
        "duc2004": (shared / "data/duc2004/test.jsonl", 100),
        "multinews-dev": (shared / "data/multinews/dev.jsonl", 300),
    }
    for name, (path, words) in datasets.items():
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        target = out / f"{name}.jsonl"
        _run(["batch", str(path), "-o", str(target), "--words", str(words), "--analysis"])
    folders = {
        "harbor-bridge": REPO / "examples/harbor-bridge",
        "is-euphrates": shared / "examples/is-euphrates-2017-11-03",
    }
    for name, folder in folders.items():
        if not folder.exists():
            print(f"{name}: {folder} not found, skipped", file=sys.stderr)
            continue
        for fmt in ("md", "json", "text"):
            (out / f"{name}.{fmt}").write_bytes(_run(["summarize", str(folder), "--format", fmt]))
        _run(["report", str(folder), "-o", str(out / f"{name}.html")])
    manifest = [
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}"
        for p in sorted(out.iterdir())
        if p.name != "MANIFEST"
    ]
    (out / "MANIFEST").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    print("\n".join(manifest))


def _drop_keys(value: object, keys: frozenset[str]) -> object:
    if isinstance(value, dict):
        return {k: _drop_keys(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_drop_keys(v, keys) for v in value]
    return value


def _comparable(path: Path, keys: frozenset[str]) -> str:
    text = path.read_text(encoding="utf-8")
    if not keys or path.suffix not in (".json", ".jsonl"):
        return text
    if path.suffix == ".json":
        docs = [json.loads(text)]
    else:
        docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    return "\n".join(json.dumps(_drop_keys(d, keys), ensure_ascii=False, indent=1) for d in docs)


def compare(before: Path, after: Path, ignore: frozenset[str] = frozenset()) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    differ = 0
    for name in names:
        if name == "MANIFEST":
            continue
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if not a.exists() else 'before'}")
            differ += 1
            continue
        if a.read_bytes() == b.read_bytes():
            print(f"{name}: identical")
            continue
        old = _comparable(a, ignore).splitlines()
        new = _comparable(b, ignore).splitlines()
        if old == new:
            print(f"{name}: identical without keys {', '.join(sorted(ignore))}")
            continue
        differ += 1
        changed = sum(1 for x, y in zip(old, new, strict=False) if x != y) + abs(
            len(old) - len(new)
        )
        print(f"{name}: DIFFERS in {changed} line(s); e.g.")
        for line in list(difflib.unified_diff(old, new, lineterm="", n=0))[2:6]:
            print(f"    {line[:300]}")
    print(f"{differ} file(s) differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument(
        "--ignore-keys", default="", help="comma-separated JSON keys to drop before comparing"
    )
    args = parser.parse_args()
    if args.compare:
        ignore = frozenset(k for k in args.ignore_keys.split(",") if k)
        return compare(*args.compare, ignore)
    if not args.out:
        parser.error("give --out DIR or --compare BEFORE AFTER")
    snapshot(args.out, args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
