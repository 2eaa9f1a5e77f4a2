"""Time and peak memory of the installed `synopsis` command on every hostile case of issue 9.

Run `python -m tests.hostile.measure` from the repository root; it writes the cases to a
temporary folder (`corpus.write_corpus`) and prints a Markdown table for BENCHMARKS.md. Peak
memory is the largest resident set of the command and its children (`resource.RUSAGE_CHILDREN`),
measured in a fresh interpreter per case.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile import corpus

_RUNNER = """
import resource, subprocess, sys, time
args, stdin_path = sys.argv[2:], sys.argv[1]
started = time.monotonic()
with open(stdin_path, "rb") if stdin_path != "-" else open("/dev/null", "rb") as fh:
    done = subprocess.run(args, stdin=fh, capture_output=True, check=False)
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or [""])[-1]
print(f"{seconds:.1f}\\t{peak:.0f}\\t{done.returncode}\\t{last[:110] or '(none)'}")
"""


def main() -> None:
    """Print the table."""
    synopsis = str(Path(sys.executable).with_name("synopsis"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = corpus.write_corpus(folder)
        big = folder / "bomb-2gb.jsonl.gz"
        big.write_bytes(corpus.gzip_bomb(2000 * corpus.BOMB_CHUNK))
        files["bomb-2gb.jsonl.gz"] = big
        stdin_big = folder / "stdin-30mb.txt"
        stdin_big.write_bytes(b"word " * 6_000_000)
        out = str(folder / "out.jsonl")
        cases = [
            (
                "gzip bomb, 100 KB -> 100 MB, batch",
                "-",
                ["batch", str(files["bomb.jsonl.gz"]), "-o", out],
            ),
            ("gzip bomb, 2 MB -> 2 GB, batch", "-", ["batch", str(big), "-o", out]),
            (
                "gzip bomb of newlines, batch",
                "-",
                ["batch", str(files["newline_bomb.jsonl.gz"]), "-o", out],
            ),
            ("gzip bomb, summarize", "-", ["summarize", str(big)]),
            (
                "odd JSONL lines (deep, 5,000 digits, \\ud800, list), batch",
                "-",
                ["batch", str(files["odd_lines.jsonl"]), "-o", out, "--workers", "1"],
            ),
            ("30 MB on stdin", str(stdin_big), ["summarize", "-"]),
            (
                "Latin-1 on stdin, JSON out",
                str(files["latin1.txt"]),
                ["summarize", "-", "--format", "json"],
            ),
            ("stray byte in UTF-8 file", "-", ["summarize", str(files["stray_byte.txt"])]),
            (
                "20 MB word (limit raised to 30 MB)",
                "-",
                ["summarize", str(files["giant_word.txt"]), "--max-file-mb", "30"],
            ),
            ("20 MB word at the default limit", "-", ["summarize", str(files["giant_word.txt"])]),
            ("batch on a .txt file", "-", ["batch", str(files["latin1.txt"]), "-o", out]),
            ("batch on a folder", "-", ["batch", tmp, "-o", out]),
        ]
        print("| case | seconds | peak MB | exit | last stderr line |")
        print("|---|---:|---:|---:|---|")
        for name, stdin, args in cases:
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", _RUNNER, stdin, synopsis, *args],
                capture_output=True,
                check=False,
                timeout=600,
            )
            row = done.stdout.decode().strip() or f"{time.monotonic() - started:.1f}\t?\t?\t?"
            seconds, peak, code, last = row.split("\t", 3)
            last = last.replace("|", "\\|").replace(tmp, "…")
            print(f"| {name} | {seconds} | {peak} | {code} | {last} |")


if __name__ == "__main__":
    main()
