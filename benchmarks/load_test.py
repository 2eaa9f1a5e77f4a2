"""Bounded local load test of `synopsis serve`: latency percentiles and throughput.

Starts `synopsis serve` on a free loopback port (unless --url names a running server), sends
--requests POSTs of one story from --threads client threads, and prints p50/p95/max latency and
requests per second. Exits 1 when any request fails.

    python benchmarks/load_test.py                        # 64 requests, 16 threads, 2 workers
    python benchmarks/load_test.py --requests 256 --threads 32 --workers 2 --endpoint report
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_STORY = REPO / "examples" / "harbor-bridge.jsonl"
STARTUP_SECONDS = 90.0


def story_body(path: Path, words: int) -> dict[str, Any]:
    """The request body for the first cluster of a cluster JSONL file."""
    cluster = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    keep = ("id", "text", "title", "url", "published", "outlet")
    articles = [{k: d[k] for k in keep if d.get(k) is not None} for d in cluster["documents"]]
    return {"articles": articles, "words": words}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start `synopsis serve` on a free port and wait until /healthz answers."""
    port = _free_port()
    code = "import sys; from synopsis.apps.cli import main; sys.exit(main())"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"synopsis serve exited with code {proc.returncode}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit(f"synopsis serve did not answer within {STARTUP_SECONDS:g} s")


def run(
    url: str, endpoint: str, body: dict[str, Any], requests: int, threads: int
) -> dict[str, Any]:
    """Send the requests and return the latency and throughput figures."""
    target = f"{url}/v1/{endpoint}"

    def one(_: int) -> tuple[int, float]:
        started = time.perf_counter()
        try:
            status = httpx.post(target, json=body, timeout=120).status_code
        except httpx.HTTPError:
            status = 0
        return status, time.perf_counter() - started

    for _ in range(2):  # warm-up, not timed
        one(0)
    wall = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(one, range(requests)))
    wall = time.perf_counter() - wall
    latencies = sorted(t for _, t in results)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "requests": requests,
        "threads": threads,
        "ok": sum(1 for s, _ in results if s == 200),
        "statuses": sorted({s for s, _ in results}),
        "p50_ms": cuts[49] * 1000,
        "p95_ms": cuts[94] * 1000,
        "max_ms": latencies[-1] * 1000,
        "rps": requests / wall,
        "seconds": wall,
    }


def main() -> int:
    """Parse arguments, run the load test, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=64)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="summarizer worker processes")
    parser.add_argument("--endpoint", choices=("summarize", "report"), default="summarize")
    parser.add_argument("--story", type=Path, default=DEFAULT_STORY, help="cluster JSONL file")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--url", help="use a running server instead of starting one")
    args = parser.parse_args()
    body = story_body(args.story, args.words)
    proc = None
    if args.url:
        url = args.url.rstrip("/")
    else:
        proc, url = start_server(args.workers)
    try:
        figures = run(url, args.endpoint, body, args.requests, args.threads)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(30)
    words = sum(len(a["text"].split()) for a in body["articles"])
    print(f"command: python benchmarks/load_test.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(
        f"story: {args.story.name} ({len(body['articles'])} articles, {words} words), "
        f"POST /v1/{args.endpoint}, {args.workers} workers"
    )
    print(f"ok: {figures['ok']}/{figures['requests']} (statuses {figures['statuses']})")
    print(
        f"latency p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, "
        f"max {figures['max_ms']:.0f} ms"
    )
    print(f"throughput {figures['rps']:.2f} requests/s over {figures['seconds']:.1f} s")
    return 0 if figures["ok"] == figures["requests"] else 1


if __name__ == "__main__":
    sys.exit(main())
