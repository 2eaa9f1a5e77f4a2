"""How much the cross-source analysis adds to `synopsis batch` (whole process, wall clock).

    python benchmarks/analysis_batch_cost.py [--runs 5] [--shared ../shared]

Runs `synopsis batch` on DUC 2004 without and with `--analysis`, alternating, and compares the
fastest run of each (the least disturbed by other work on the machine), and the median and range
of the per-pair ratios (each run with analysis against the plain run just before it), in wall
time and in CPU time summed over the main and worker processes (less moved by other load).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, worker processes included) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


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
        plain: list[tuple[float, float]] = []
        full: list[tuple[float, float]] = []
        for _ in range(args.runs):
            plain.append(_run(base))
            full.append(_run([*base, "--analysis"]))
    print(f"- command: `{' '.join(base[:2])} duc2004/test.jsonl -o OUT --words 100 [--analysis]`,")
    print(f"  {args.runs} alternating runs each")
    for k, what in ((0, "wall"), (1, "CPU (all processes)")):
        p = [run[k] for run in plain]
        f = [run[k] for run in full]
        pairs = sorted(100 * (b / a - 1) for a, b in zip(p, f, strict=True))
        fastest = 100 * (min(f) / min(p) - 1)
        print(
            f"- {what}: fastest {min(p):.2f} s without analysis, {min(f):.2f} s with it: "
            f"+{fastest:.1f}%; per pair of runs +{statistics.median(pairs):.1f}%"
            f" (median; {pairs[0]:+.1f}% to {pairs[-1]:+.1f}%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
