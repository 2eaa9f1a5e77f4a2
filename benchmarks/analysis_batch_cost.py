"""How much the cross-source analysis adds to `synopsis batch` (whole process, wall clock).

    python benchmarks/analysis_batch_cost.py [--runs 5] [--shared ../shared]

Runs `synopsis batch` on DUC 2004 without and with `--analysis`, alternating, and compares the
fastest run of each (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(cmd: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    """Print the fastest plain and analysis runs and the share the analysis adds."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    data = args.shared / "data" / "duc2004" / "test.jsonl"
    beside = Path(sys.executable).with_name("synopsis")
    exe = str(beside) if beside.exists() else shutil.which("synopsis") or "synopsis"
    with tempfile.TemporaryDirectory() as tmp:
        base = [exe, "batch", str(data), "-o", str(Path(tmp) / "out.jsonl"), "--words", "100"]
        plain: list[float] = []
        full: list[float] = []
        for _ in range(args.runs):
            plain.append(_run(base))
            full.append(_run([*base, "--analysis"]))
    fast_plain, fast_full = min(plain), min(full)
    print(f"- command: `{' '.join(base[:2])} duc2004/test.jsonl -o OUT --words 100 [--analysis]`,")
    print(f"  {args.runs} alternating runs each, fastest kept")
    print(f"- without analysis: {fast_plain:.2f} s; with analysis: {fast_full:.2f} s")
    print(f"- the analysis adds {100 * (fast_full / fast_plain - 1):.1f}% to the batch time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
