"""CPU time of each pipeline stage per cluster, and the segmenter's throughput.

    python benchmarks/stage_speed.py                      # DUC 2004 and Multi-News dev
    python benchmarks/stage_speed.py --shared ../shared --repeat 3

Each stage function that `synopsis.pipeline` calls is wrapped with a CPU timer (time.process_time),
so the figures are what `summarize()` spends in it; "other" is the rest of `summarize()`.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import synopsis.pipeline as pipeline
from synopsis.ingest.readers import read_clusters
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import EmptyInputError
from synopsis.text.segment import split_sentences

REPO = Path(__file__).resolve().parents[1]
STAGES = (
    "clean_articles",
    "segment",
    "compress",
    "features",
    "score",
    "select",
    "attribute",
    "analyze",
)
DATASETS = {
    "duc2004": ("data/duc2004/test.jsonl", 100),
    "multinews": ("data/multinews/dev.jsonl", 300),
}


def _timed(name: str, fn: Callable[..., Any], acc: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[name] += time.process_time() - start

    return wrapper


def stage_times(path: Path, words: int, repeat: int, analyze: bool) -> dict[str, float]:
    """Mean CPU milliseconds per cluster for each stage (best of `repeat` runs)."""
    clusters = read_clusters(str(path))
    config = SummarizerConfig(max_words=words, analyze=analyze)
    names = list(STAGES)
    best: dict[str, float] | None = None
    for _ in range(repeat):
        acc: dict[str, float] = defaultdict(float)
        originals = {n: getattr(pipeline, n) for n in names if hasattr(pipeline, n)}
        for name, fn in originals.items():
            setattr(pipeline, name, _timed(name, fn, acc))
        try:
            start = time.process_time()
            for cluster in clusters:
                try:
                    pipeline.summarize(cluster.articles, config)
                except EmptyInputError:
                    continue  # every page a placeholder (a web archive's notice)
            acc["total"] = time.process_time() - start
        finally:
            for name, fn in originals.items():
                setattr(pipeline, name, fn)
        acc["other"] = acc["total"] - sum(v for k, v in acc.items() if k != "total")
        run = {k: 1000 * v / len(clusters) for k, v in acc.items()}
        if best is None or run["total"] < best["total"]:
            best = run
    assert best is not None
    return best


def segment_throughput(path: Path, repeat: int) -> float:
    """Megabytes of raw article text the sentence splitter handles per CPU second."""
    texts = [a.text for c in read_clusters(str(path)) for a in c.articles]
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            split_sentences(text)
        best = min(best, time.process_time() - start)
    return size / 1e6 / max(best, 1e-9)


def main(argv: Sequence[str] | None = None) -> int:
    """Print a Markdown table of stage times."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(
        f"- date (UTC): {datetime.now(UTC):%Y-%m-%d %H:%M}; machine: {platform.machine()}, "
        f"python {platform.python_version()}"
    )
    command = " ".join(["python benchmarks/stage_speed.py", *(argv or sys.argv[1:])])
    print(f"- command: `{command}`")
    print()
    columns = [*STAGES, "other", "total"]
    print("| dataset | " + " | ".join(columns) + " | segmenter MB/s |")
    print("|---" * (len(columns) + 2) + "|")
    for name, (rel, words) in DATASETS.items():
        path = args.shared / rel
        if not path.exists():
            print(f"| {name} | skipped: {path} not found |")
            continue
        times = stage_times(path, words, args.repeat, analyze=True)
        cells = " | ".join(f"{times.get(c, 0.0):.1f}" for c in columns)
        print(f"| {name} | {cells} | {segment_throughput(path, args.repeat):.1f} |")
    print()
    print(
        "CPU milliseconds per cluster (best of the repeats); segmenter: raw text MB per CPU second."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
