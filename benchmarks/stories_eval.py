"""Story clustering: train/calibrate the online clusterer, and evaluate it against peers.

    python benchmarks/stories_eval.py train            # fit the logistic model, calibrate
    python benchmarks/stories_eval.py eval [--streams duc2004,duc2007,multinews,heldout,mixed]
    python benchmarks/stories_eval.py speed            # mixed stream: time and peak memory
    python benchmarks/stories_eval.py store-build DIR  # the --store speed store, in DIR
    python benchmarks/stories_eval.py store-add STORE BATCH  # only its add (instruction counts)

Data: ../shared/data (see its README; research use only, nothing is copied into the repo).
Training data is Multi-News test_truncated minus the 97 dev ids, split by cluster with a fixed
seed into fit (60%), calibration (20%) and held-out (20%) parts. Evaluation streams: DUC 2004
(500 dated articles, 50 stories; the 11 articles filed under two clusters are kept once, in the
first), DUC 2007 main + update in publication order (an update topic's stages A/B/C and the main
task's cluster of the same topic are one story; the 200 shared articles are kept once), the
whole Multi-News test_truncated shuffled (seed 0; contains the training clusters), its held-out
part alone, Multi-News dev (97 clusters of full-length pages in original casing, shuffled), and
all of them mixed except dev (dated articles keep their order, undated ones are interleaved at
random positions, seed 0). Metrics: B-cubed (Bagga & Baldwin 1998) and pairwise P/R/F1.

Peers on each stream: average-linkage agglomerative clustering on TF-IDF cosine with its distance
threshold tuned on that very stream (an oracle), via scipy's `linkage`, which is what
scikit-learn's AgglomerativeClustering runs for average linkage without connectivity (checked
against it on DUC 2004); and single-pass clustering with one body-cosine threshold, calibrated on
the training calibration part like ours.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from synopsis.model.types import Article
from synopsis.stories.cluster import (
    DEFAULT_PARAMS,
    ClusterParams,
    OnlineClusterer,
)
from synopsis.stories.decision import log_odds, margins
from synopsis.stories.features import article_bags
from synopsis.text import background

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
Stream = list[tuple[Article, str]]


# -- streams ---------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _articles(rows: list[dict[str, object]], gold_of: object) -> Stream:
    seen: set[str] = set()
    out: Stream = []
    for row in rows:
        for d in row["documents"]:  # type: ignore[attr-defined]
            if d["id"] in seen:
                continue
            seen.add(d["id"])
            art = Article(
                id=d["id"],
                text=d["text"],
                title=d.get("title"),
                published=d.get("published"),
                outlet=d.get("outlet"),
            )
            out.append((art, gold_of(row["id"])))  # type: ignore[operator]
    return out


def _by_date(stream: Stream) -> Stream:
    return sorted(stream, key=lambda p: (p[0].published or "", p[0].id))


def duc2004() -> Stream:
    return _by_date(_articles(_jsonl(DATA / "duc2004/test.jsonl"), lambda i: f"duc04:{i}"))


def duc2007() -> Stream:
    rows = _jsonl(DATA / "duc2007/main.jsonl") + _jsonl(DATA / "duc2007/update.jsonl")
    return _by_date(_articles(rows, lambda i: f"duc07:{str(i)[:5]}"))


def multinews_parts(seed: int = 13) -> dict[str, list[dict[str, object]]]:
    dev = {row["id"] for row in _jsonl(DATA / "multinews/dev.jsonl")}
    rows = [r for r in _jsonl(DATA / "multinews/test_truncated.jsonl.gz") if r["id"] not in dev]
    random.Random(seed).shuffle(rows)
    a, b = int(len(rows) * 0.6), int(len(rows) * 0.8)
    return {"fit": rows[:a], "calib": rows[a:b], "heldout": rows[b:]}


def _shuffled(stream: Stream, seed: int = 0) -> Stream:
    out = list(stream)
    random.Random(seed).shuffle(out)
    return out


def multinews_all() -> Stream:
    rows = _jsonl(DATA / "multinews/test_truncated.jsonl.gz")
    return _shuffled(_articles(rows, lambda i: f"mn:{i}"))


def mixed(seed: int = 0) -> Stream:
    dated = _by_date(duc2004() + duc2007())
    undated = multinews_all()
    rng = random.Random(seed)
    slots = sorted(rng.sample(range(len(dated) + len(undated)), len(dated)))
    out: Stream = []
    di = ui = 0
    for pos in range(len(dated) + len(undated)):
        if di < len(slots) and slots[di] == pos:
            out.append(dated[di])
            di += 1
        else:
            out.append(undated[ui])
            ui += 1
    return out


# -- metrics ---------------------------------------------------------------------------------


def scores(pred: Sequence[object], gold: Sequence[object]) -> dict[str, float]:
    """B-cubed and pairwise precision, recall, F1 of a clustering against gold labels."""
    cells = Counter(zip(pred, gold, strict=True))
    psize, gsize = Counter(pred), Counter(gold)
    n = len(pred)
    bp = sum(c * c / psize[p] for (p, _), c in cells.items()) / n
    br = sum(c * c / gsize[g] for (_, g), c in cells.items()) / n
    tp = sum(c * (c - 1) / 2 for c in cells.values())
    pp = sum(c * (c - 1) / 2 for c in psize.values())
    gp = sum(c * (c - 1) / 2 for c in gsize.values())
    pr, rr = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    return {
        "b3_p": bp, "b3_r": br, "b3_f1": f1(bp, br),
        "pair_p": pr, "pair_r": rr, "pair_f1": f1(pr, rr),
        "stories": float(len(psize)), "gold": float(len(gsize)),
    }  # fmt: skip


# -- systems ---------------------------------------------------------------------------------


def _overrides(pairs: Sequence[str]) -> ClusterParams:
    """DEFAULT_PARAMS with KEY=VALUE overrides (for trying a model before it becomes default)."""
    values: dict[str, object] = dict(DEFAULT_PARAMS.__dict__)
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in values:
            raise SystemExit(f"--set {pair}: unknown parameter {key!r}")
        values[key] = value if isinstance(values[key], str) else float(value)
    return ClusterParams(**values)  # type: ignore[arg-type]


def run_online(stream: Stream, params: ClusterParams = DEFAULT_PARAMS) -> list[int]:
    clusterer = OnlineClusterer(params)
    return [clusterer.add(a).story for a, _ in stream]


def single_pass_params(threshold: float) -> ClusterParams:
    """The textbook method as a special case: body cosine >= threshold, no decay, chrome, margin."""
    k = 60.0
    return ClusterParams(
        bias=-k * threshold, head=0.0, body=k, ents=0.0, size=0.0,
        threshold=0.5, grace_days=0.0, decay_per_day=0.0, horizon_days=1e9, decay_log=0.0,
        linkage="centroid", chrome_articles=0.0, cadence=0.0, margin=0.0, margin_feature="none",
    )  # fmt: skip


def _tfidf(stream: Stream):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, dtype=np.float32)
    return vec.fit_transform([f"{a.title or ''}\n{a.text}" for a, _ in stream])


def agglomerative_oracle(stream: Stream) -> tuple[dict[str, float], float]:
    """Average-linkage agglomerative clustering, distance threshold tuned on the stream itself."""
    from scipy.cluster.hierarchy import fcluster, linkage

    x = _tfidf(stream)
    n = x.shape[0]
    condensed = np.empty(n * (n - 1) // 2, dtype=np.float64)
    pos = 0
    for i in range(0, n, 512):  # 1 - cosine, row block by row block, upper triangle only
        block = (x[i : i + 512] @ x.T).toarray()
        for r in range(block.shape[0]):
            row = i + r
            seg = 1.0 - block[r, row + 1 :]
            condensed[pos : pos + seg.size] = seg
            pos += seg.size
    np.clip(condensed, 0.0, 2.0, out=condensed)
    tree = linkage(condensed, method="average")
    del condensed
    gold = [g for _, g in stream]
    best: tuple[dict[str, float], float] = ({"b3_f1": -1.0}, 0.0)
    for t in np.arange(0.30, 1.0, 0.02):
        s = scores(list(fcluster(tree, t, criterion="distance")), gold)
        if s["b3_f1"] > best[0]["b3_f1"]:
            best = (s, float(t))
    return best


# -- training --------------------------------------------------------------------------------


def training_pairs(
    stream: Stream, params: ClusterParams = DEFAULT_PARAMS
) -> tuple[np.ndarray, np.ndarray, float]:
    """Teacher-forced pass: features of every (article, candidate) pair, labels, recall.

    A pair's features are `OnlineClusterer.similarities` and the margin (`decision.margins`).
    """
    clusterer = OnlineClusterer(params)
    story_of: dict[str, int] = {}
    feats: list[list[float]] = []
    labels: list[int] = []
    found = needed = 0
    for art, gold in stream:
        bags = article_bags(art)
        vectors = clusterer.vectors(bags)
        true = story_of.get(gold)
        cands = clusterer.candidates(vectors)
        if true is not None:
            needed += 1
            found += true in cands
        rows = [clusterer.similarities(vectors, s) for s in cands]
        z = [log_odds(params, r, 0.0) for r in rows]
        for s, f, m in zip(cands, rows, margins(params, [r[1] for r in rows], z), strict=True):
            feats.append([*f, m])
            labels.append(int(s == true))
        story_of[gold] = clusterer.place(vectors, bags.day, true)
    return np.array(feats), np.array(labels), found / max(1, needed)


def _without_shared_boilerplate(stream: Stream) -> Stream:
    """Drop articles whose opening also opens an article of another cluster.

    Multi-News holds scraped pages that are only site chrome ("This will appear next to all of
    your comments", "Add a location to your tweets ..."), the same text in many clusters; as
    training pairs they teach that identical text means different stories. Training only.
    """
    clusters: dict[str, set[str]] = {}
    for art, gold in stream:
        clusters.setdefault(art.text[:120].lower(), set()).add(gold)
    return [(a, g) for a, g in stream if len(clusters[a.text[:120].lower()]) == 1]


MIN_BACKGROUND_DF = 2


def write_background(stream: Stream) -> None:
    """Count body-stem document frequencies over the stream into the packaged IDF prior."""
    df: Counter[str] = Counter()
    for art, _ in stream:
        df.update(article_bags(art).body.keys())
    kept = {t: n for t, n in sorted(df.items()) if n >= MIN_BACKGROUND_DF}
    data = json.dumps({"docs": len(stream), "df": kept}, separators=(",", ":")).encode()
    target = Path(background.__file__).with_name(background.BACKGROUND_FILE)
    target.write_bytes(gzip.compress(data, mtime=0))
    background.default_background.cache_clear()
    print(f"background: {len(kept)} stems over {len(stream)} articles -> {target}")


def train(args: argparse.Namespace) -> None:
    from sklearn.linear_model import LogisticRegression

    parts = multinews_parts()
    fit = _without_shared_boilerplate(_shuffled(_articles(parts["fit"], lambda i: f"mn:{i}")))
    calib = _shuffled(_articles(parts["calib"], lambda i: f"mn:{i}"))
    if not args.no_background:
        write_background(fit)
    base = _overrides(args.set)
    x, y, recall = training_pairs(fit, base)
    if args.no_size:
        x[:, 3] = 0.0  # the story-size feature left out: its weight comes out 0
    print(f"fit stream: {len(fit)} articles, {len(y)} pairs, candidate recall {recall:.4f}")
    model = LogisticRegression(C=10.0, max_iter=1000).fit(x, y)
    w = model.coef_[0]
    print(f"bias {model.intercept_[0]:.2f} head {w[0]:.2f} body {w[1]:.2f} ents {w[2]:.2f} "
          f"size ({base.size_feature}) {w[3]:.2f} "
          f"margin ({base.margin_feature}) {w[4]:.2f}")  # fmt: skip
    params = ClusterParams(**{
        **base.__dict__, "bias": float(model.intercept_[0]), "head": float(w[0]),
        "body": float(w[1]), "size": float(w[3]), "margin": float(w[4]),
    })  # fmt: skip
    gold = [g for _, g in calib]
    for t in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
        p = ClusterParams(**{**params.__dict__, "threshold": t})
        s = scores(run_online(calib, p), gold)
        print(f"calib threshold {t:.2f}: B3 F1 {s['b3_f1']:.4f} pair F1 {s['pair_f1']:.4f}")
    for t in np.arange(0.10, 0.60, 0.05):
        s = scores(run_online(calib, single_pass_params(float(t))), gold)
        print(f"calib single-pass cos {t:.2f}: B3 F1 {s['b3_f1']:.4f}")


# -- evaluation ------------------------------------------------------------------------------

# Single-pass peer's body-cosine threshold, calibrated on the training calibration part
# (`train` prints the sweep: 0.20 gave B-cubed F1 0.791 there, 0.25 0.788, 0.30 0.761).
SINGLE_PASS_THRESHOLD = 0.20

STREAMS: dict[str, Callable[[], Stream]] = {
    "dev": lambda: _shuffled(_articles(_jsonl(DATA / "multinews/dev.jsonl"), lambda i: f"dev:{i}")),
    "duc2004": duc2004,
    "duc2007": duc2007,
    "multinews": multinews_all,
    "heldout": lambda: _shuffled(_articles(multinews_parts()["heldout"], lambda i: f"mn:{i}")),
    "mixed": mixed,
}


def _row(name: str, s: dict[str, float], extra: str = "") -> str:
    return (
        f"| {name} | {s['b3_p']:.3f} | {s['b3_r']:.3f} | {s['b3_f1']:.3f} | {s['pair_p']:.3f} "
        f"| {s['pair_r']:.3f} | {s['pair_f1']:.3f} | {int(s['stories'])} | {extra} |"
    )


# The model before the spread feature, the cadence-scaled decay and its one-month cap (fitted
# the same way, with log story size as the size feature), kept as an ablation row. The rule
# that empties pages made only of chrome is not a parameter, so this row has it too.
OLD = ClusterParams(**{
    **DEFAULT_PARAMS.__dict__, "bias": -7.13, "head": -0.15, "body": 24.17, "size": -1.33,
    "size_feature": "log", "cadence": 0.0, "decay_max": float("inf"), "threshold": 0.10,
    "margin_feature": "none",
})  # fmt: skip


# The model without the margin feature: the weights fitted without it (`train --set
# margin_feature=none`) and the threshold calibrated for them, 0.10; kept as an ablation row.
NO_MARGIN = ClusterParams(**{
    **DEFAULT_PARAMS.__dict__, "bias": -7.28, "head": -0.37, "body": 24.22, "size": -2.86,
    "threshold": 0.10, "margin": 0.0, "margin_feature": "none",
})  # fmt: skip


def evaluate(args: argparse.Namespace) -> None:
    for name in args.streams.split(","):
        stream = STREAMS[name]()
        gold = [g for _, g in stream]
        print(f"\n### {name}: {len(stream)} articles, {len(set(gold))} stories\n")
        print("| system | B3 P | B3 R | B3 F1 | pair P | pair R | pair F1 | stories | note |")
        print("|---|---|---|---|---|---|---|---|---|")
        t0 = time.perf_counter()
        ours = run_online(stream, _overrides(args.set))
        dt = time.perf_counter() - t0
        print(_row("online (ours)", scores(ours, gold), f"{dt:.1f} s"), flush=True)
        if args.ablations:
            no_ent = ClusterParams(**{**DEFAULT_PARAMS.__dict__, "ents": 0.0})
            print(_row("ours, no entity signal", scores(run_online(stream, no_ent), gold)))
            no_decay = ClusterParams(
                **{
                    **DEFAULT_PARAMS.__dict__,
                    "decay_per_day": 0.0,
                    "horizon_days": 1e9,
                    "decay_log": 0.0,
                }
            )
            print(_row("ours, no time decay", scores(run_online(stream, no_decay), gold)))
            no_chrome = ClusterParams(**{**DEFAULT_PARAMS.__dict__, "chrome_articles": 0.0})
            print(_row("ours, no site-chrome rule", scores(run_online(stream, no_chrome), gold)))
            hard = ClusterParams(
                **{**DEFAULT_PARAMS.__dict__, "decay_per_day": 0.35, "horizon_days": 30.0}
            )
            print(
                _row("ours, old linear decay, 30-day cut", scores(run_online(stream, hard), gold))
            )
            no_size = ClusterParams(**{**DEFAULT_PARAMS.__dict__, "size": 0.0})
            print(_row("ours, no story-size feature", scores(run_online(stream, no_size), gold)))
            fixed = ClusterParams(**{**DEFAULT_PARAMS.__dict__, "cadence": 0.0})
            print(_row("ours, fixed 7-day decay scale", scores(run_online(stream, fixed), gold)))
            uncapped = ClusterParams(**{**DEFAULT_PARAMS.__dict__, "decay_max": float("inf")})
            print(_row("ours, decay not capped", scores(run_online(stream, uncapped), gold)))
            print(_row("ours, before (log size, old decay)", scores(run_online(stream, OLD), gold)))
            print(_row("ours, no margin feature", scores(run_online(stream, NO_MARGIN), gold)))
        if args.chunks:
            moved = chunking_differences(stream, ours)
            print(f"\nin random add() calls, state reloaded between: {moved} placed differently\n")
        sp = run_online(stream, single_pass_params(SINGLE_PASS_THRESHOLD))
        print(_row("single-pass", scores(sp, gold), f"cos >= {SINGLE_PASS_THRESHOLD}"))
        if not args.no_agglomerative:
            t0 = time.perf_counter()
            s, t = agglomerative_oracle(stream)
            dt = time.perf_counter() - t0
            print(_row("agglomerative (oracle)", s, f"distance {t:.2f}, {dt:.0f} s"), flush=True)


def chunking_differences(stream: Stream, whole: list[int], seed: int = 0) -> int:
    """Articles whose story differs when the stream is cut at random and the state reloaded."""
    rng = random.Random(seed)
    state = OnlineClusterer().to_state()
    got: list[int] = []
    pos = 0
    while pos < len(stream):
        n = rng.randint(1, 200)
        clusterer = OnlineClusterer.from_state(json.loads(json.dumps(state)))
        got += [clusterer.add(a).story for a, _ in stream[pos : pos + n]]
        state = clusterer.to_state()
        pos += n
    return sum(a != b for a, b in zip(got, whole, strict=True))


def speed(args: argparse.Namespace) -> None:
    """Mixed stream through the online clusterer: wall and CPU time, peak memory."""
    stream = mixed()
    t0, c0 = time.perf_counter(), time.process_time()
    ours = run_online(stream)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"mixed stream: {len(stream)} articles into {len(set(ours))} stories in {wall:.1f} s "
        f"wall, {cpu:.1f} s CPU (one core); peak RSS {peak:.0f} MB (process, data included)"
    )
    if args.store:
        store_speed(stream)


# The store add is timed this many times, each on a fresh copy of the same built store, so that
# one run slowed by the shared machine shows as such (the median is reported first).
STORE_REPEATS = 3
# The store of the speed check: this many articles of the mixed stream, added this many at a
# time; then the next this many are added in one call (issue 11: 1,000 to 15,000 in under 5 s).
STORE_BUILT = 15_000
STORE_BATCH = 1_000


def build_store(stream: Stream, path: Path) -> list[Article]:
    """Build the speed check's store: STORE_BUILT articles of the stream, STORE_BATCH per add.

    Args:
        stream: the mixed stream (`mixed`).
        path: the SQLite file to create.

    Returns:
        The next STORE_BATCH articles of the stream, the batch the speed check adds.
    """
    from synopsis.stories.store import StoryStore

    with StoryStore(path) as store:
        for i in range(0, STORE_BUILT, STORE_BATCH):
            store.add([a for a, _ in stream[i : i + STORE_BATCH]])
    return [a for a, _ in stream[STORE_BUILT : STORE_BUILT + STORE_BATCH]]


def store_speed(stream: Stream, repeats: int = STORE_REPEATS) -> None:
    """A SQLite store of 15,000 articles, then 1,000 more in one add on a newly opened store.

    The store is built once (15 adds of 1,000); the add is timed `repeats` times, each on a
    fresh copy of it opened anew (the clustering state is read from the database), in this
    process.
    """
    import shutil
    import statistics
    import tempfile

    from synopsis.stories.store import StoryStore

    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "speed.db"
        batch = build_store(stream, built)
        walls: list[float] = []
        cpus: list[float] = []
        for k in range(repeats):
            path = Path(tmp) / f"add-{k}.db"
            shutil.copyfile(built, path)
            with StoryStore(path) as store:
                t0, c0 = time.perf_counter(), time.process_time()
                results = store.add(batch)
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
            size = path.stat().st_size / 1e6
            path.unlink()
        added = sum(r.status == "added" for r in results)
        print(
            f"store: add 1,000 articles ({added} new, rest duplicates) to 15,000 in "
            f"{statistics.median(walls):.1f} s wall, {statistics.median(cpus):.1f} s CPU "
            f"(median of {repeats}: wall {', '.join(f'{w:.2f}' for w in walls)} s; "
            f"CPU {', '.join(f'{c:.2f}' for c in cpus)} s); file {size:.0f} MB"
        )


# -- instruction counts (benchmarks/stories_store_instructions.sh) ---------------------------
#
# Callgrind counts the instructions of a whole process, so each count is two runs of `store-add`
# that differ only in the part measured: `--measure add` (or `loop`) less `--measure nothing`.
# Every run ends with os._exit right after that part, so that freeing the clusterer's state at
# exit is counted in none of them.


def store_build(args: argparse.Namespace) -> None:
    """Write the speed check's store (DIR/store.db) and its batch (DIR/batch.jsonl)."""
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    batch = build_store(mixed(), out / "store.db")
    with open(out / "batch.jsonl", "w", encoding="utf-8") as fh:
        for art in batch:
            fh.write(json.dumps(dataclasses.asdict(art)) + "\n")
    print(f"store of {STORE_BUILT} articles: {out / 'store.db'}; batch: {out / 'batch.jsonl'}")


# Iterations of the calibration loop (about 0.3 s CPU on the machine of BENCHMARKS.md).
CALIBRATION_ITERATIONS = 1_000_000


def calibration_loop(n: int) -> int:
    """Plain interpreted Python (integer arithmetic, dict updates): a yardstick for the add."""
    counts: dict[int, int] = {}
    total = 0
    for i in range(n):
        k = i % 1009
        counts[k] = counts.get(k, 0) + 1
        total += k * k
    return total + len(counts)


def store_add(args: argparse.Namespace) -> None:
    """Open a built store and add its batch in one call (changing the store), or not.

    `--measure nothing` opens the store and reads the batch only; `--measure loop` runs the
    calibration loop instead of the add. Prints one JSON line: the CPU seconds of the part
    measured and the number of articles added.
    """
    import os

    from synopsis.stories.store import StoryStore

    batch = [Article(**row) for row in _jsonl(Path(args.batch))]  # type: ignore[arg-type]
    store = StoryStore(args.store)
    added = 0
    c0 = time.process_time()
    if args.measure == "add":
        added = sum(r.status == "added" for r in store.add(batch))
    elif args.measure == "loop":
        calibration_loop(CALIBRATION_ITERATIONS)
    cpu = time.process_time() - c0
    print(json.dumps({"measure": args.measure, "cpu_s": round(cpu, 3), "added": added}))
    sys.stdout.flush()
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train")
    tr.add_argument("--no-background", action="store_true", help="keep the current IDF prior")
    tr.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    tr.add_argument("--no-size", action="store_true", help="fit without the story-size feature")
    ev = sub.add_parser("eval")
    ev.add_argument("--streams", default="duc2004,duc2007,dev,heldout,multinews,mixed")
    ev.add_argument("--no-agglomerative", action="store_true")
    ev.add_argument("--ablations", action="store_true")
    ev.add_argument("--chunks", action="store_true", help="also check chunking invariance")
    ev.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE", help="override a parameter"
    )
    sp = sub.add_parser("speed")
    sp.add_argument("--store", action="store_true", help="also time a SQLite store")
    sb = sub.add_parser("store-build", help="build the --store speed check's store into DIR")
    sb.add_argument("dir")
    sa = sub.add_parser("store-add", help="add a built store's batch to it (changes the store)")
    sa.add_argument("store")
    sa.add_argument("batch")
    sa.add_argument("--measure", choices=("add", "nothing", "loop"), default="add")
    args = parser.parse_args(argv)
    if args.cmd == "store-add":  # needs no stream data
        store_add(args)
        return 0
    if not DATA.is_dir():
        print(f"no evaluation data at {DATA}", file=sys.stderr)
        return 2
    commands = {"train": train, "eval": evaluate, "speed": speed, "store-build": store_build}
    commands[args.cmd](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
