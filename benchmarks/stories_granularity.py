#!/usr/bin/env python
"""Does one grouping setting fit every evaluation stream? (issue 11)

    python benchmarks/stories_granularity.py [--streams duc2004,duc2007,dev,heldout]

The agglomerative peer of `stories_eval.py eval` is an oracle: its distance threshold is tuned
on each stream it is scored on. A real user has one setting for every stream. This script runs
the same peer (average-linkage agglomerative clustering on TF-IDF cosine, scipy's `linkage`)
and prints its B-cubed F1 (Bagga & Baldwin 1998) at every distance threshold on every stream,
side by side, with:

- each stream's own best threshold (the oracle row of `stories_eval.py eval`);
- the threshold with the best worst-stream F1 (the best one setting can do on these streams,
  itself chosen on them, so still an oracle);
- the threshold calibrated like ours, on the Multi-News training calibration part alone
  (`stories_eval.multinews_parts()["calib"]`), the honest single-setting peer;
- our online clusterer with its calibrated defaults on the same streams.

Data: ../shared/data (research use only; nothing is copied into the repository). The streams
are those of `stories_eval.py`; see its docstring.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories_eval import (
    DATA,
    STREAMS,
    Stream,
    _articles,
    _shuffled,
    _tfidf,
    multinews_parts,
    run_online,
    scores,
)

# Distance thresholds swept (1 - cosine): the oracle's best on every stream lies in 0.86-0.92.
THRESHOLDS = [round(float(t), 2) for t in np.arange(0.70, 0.99, 0.02)]


def sweep(stream: Stream) -> dict[float, float]:
    """B-cubed F1 of average-linkage clustering at every threshold of THRESHOLDS."""
    from scipy.cluster.hierarchy import fcluster, linkage

    x = _tfidf(stream)
    n = x.shape[0]
    sim = (x @ x.T).toarray()
    upper = np.triu_indices(n, 1)
    condensed = np.clip(1.0 - sim[upper], 0.0, 2.0).astype(np.float64)
    del sim
    tree = linkage(condensed, method="average")
    gold = [g for _, g in stream]
    return {
        t: scores(list(fcluster(tree, t, criterion="distance")), gold)["b3_f1"] for t in THRESHOLDS
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", default="duc2004,duc2007,dev,heldout")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no evaluation data at {DATA}", file=sys.stderr)
        return 2
    names = args.streams.split(",")
    calib = _shuffled(_articles(multinews_parts()["calib"], lambda i: f"mn:{i}"))
    calib_f1 = sweep(calib)
    calibrated = max(THRESHOLDS, key=lambda t: (calib_f1[t], -t))
    table: dict[str, dict[float, float]] = {}
    ours: dict[str, float] = {}
    for name in names:
        stream = STREAMS[name]()
        table[name] = sweep(stream)
        ours[name] = scores(run_online(stream), [g for _, g in stream])["b3_f1"]
    worst = {t: min(table[n][t] for n in names) for t in THRESHOLDS}
    common = max(THRESHOLDS, key=lambda t: (worst[t], -t))
    best = {n: max(THRESHOLDS, key=lambda u, n=n: (table[n][u], -u)) for n in names}
    print("Agglomerative (average linkage, TF-IDF cosine) B-cubed F1 by distance threshold:\n")
    print("| distance | " + " | ".join(names) + " | worst stream | calibration part |")
    print("|---|" + "---|" * (len(names) + 2))
    for t in THRESHOLDS:
        marks = []
        if t == common:
            marks.append("best worst-stream")
        if t == calibrated:
            marks.append("calibrated")
        cells = [f"**{table[n][t]:.3f}**" if t == best[n] else f"{table[n][t]:.3f}" for n in names]
        label = f"{t:.2f}" + (f" ({', '.join(marks)})" if marks else "")
        print(f"| {label} | " + " | ".join(cells) + f" | {worst[t]:.3f} | {calib_f1[t]:.3f} |")
    print("\nBold: the stream's own best threshold (the oracle of `stories_eval.py eval`).\n")
    print("| system | " + " | ".join(names) + " | worst stream |")
    print("|---|" + "---|" * (len(names) + 1))
    oracle = [max(table[n].values()) for n in names]
    rows = [
        ("agglomerative, each stream's own threshold (oracle)", oracle),
        (f"agglomerative, one threshold {common:.2f} (best worst-stream; oracle)",
         [table[n][common] for n in names]),
        (f"agglomerative, one threshold {calibrated:.2f} (calibrated on the training part)",
         [table[n][calibrated] for n in names]),
        ("online (ours), calibrated defaults", [ours[n] for n in names]),
    ]  # fmt: skip
    for label, values in rows:
        print(f"| {label} | " + " | ".join(f"{v:.3f}" for v in values) + f" | {min(values):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
