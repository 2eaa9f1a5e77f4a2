"""Every hostile case of issue 9 through the installed `synopsis` command, at the default limits.

Generates each input at run time in a temporary folder, runs the installed console script (the
one beside this Python, else the one on PATH) in a fresh child process per case, and prints a
Markdown table: the case, its outcome (exit status and first stderr line, plus what was
checked), wall seconds and the peak resident memory of the command and its worker processes
(GNU time's maximum resident set size; for the service cases, of the server). The target: every
case a clean result or a one-line error, none over 60 s or 1 GB.

    python benchmarks/hostile.py                  # all cases, about two minutes on 2 cores
    python benchmarks/hostile.py --only gzip,word  # cases whose name contains one of these
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gzip
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "harbor-bridge"
EXAMPLE_JSONL = REPO / "examples" / "harbor-bridge.jsonl"
# Targets from issue 9.
LIMIT_SECONDS = 60.0
LIMIT_MB = 1024.0
TIME = "/usr/bin/time"  # GNU time (Debian package "time")
SENTENCES = (
    "The river flooded the town of Elm on Monday, forcing {n} families from their homes. "
    "Rescue teams from {place} worked through the night as the water rose {n} centimetres. "
    "Officials said {k} people were hurt and the bridge on Route {k} stays closed until Friday."
)


@dataclasses.dataclass
class Run:
    """What one command did."""

    code: int | None  # None: killed at the time limit
    stderr: str
    seconds: float
    peak_mb: float
    stdout: bytes = b""


@dataclasses.dataclass
class Row:
    """One line of the table."""

    case: str
    outcome: str
    seconds: float
    peak_mb: float

    @property
    def within(self) -> bool:
        return self.seconds <= LIMIT_SECONDS and self.peak_mb <= LIMIT_MB


def synopsis_command() -> list[str]:
    """The installed console script."""
    script = Path(sys.executable).with_name("synopsis")
    found = str(script) if script.exists() else shutil.which("synopsis")
    if not found:
        sys.exit("the synopsis command is not installed (pip install -e .)")
    return [found]


class Child:
    """The running `synopsis` process of a case (signals go to it, not to /usr/bin/time)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def alive(self) -> bool:
        """True while the process runs (not exited, not a zombie)."""
        try:
            state = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state != "Z"

    def send_signal(self, sig: int) -> None:
        """Send `sig` to the process."""
        os.kill(self.pid, sig)


def _only_child(pid: int) -> int:
    """The child process of `pid` (/usr/bin/time's command), waiting a little for it."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    for _ in range(500):
        with contextlib.suppress(OSError):
            kids = path.read_text().split()
            if kids:
                return int(kids[0])
        time.sleep(0.01)
    return pid


def run(
    args: list[str],
    *,
    stdin: Path | None = None,
    stdout: Path | None = None,
    timeout: float = 120.0,
    during: Callable[[Child], None] | None = None,
) -> Run:
    """Run `synopsis ARGS` under GNU time, which reports its peak RSS (workers included).

    GNU time (a small process) is used rather than this script's own wait4: Linux counts the
    memory of the image a child was forked from in its peak, and this script holds large
    inputs. The command gets its own session, so the time limit kills its workers too.
    """
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "time"
        err_path, out_path = Path(folder) / "err", Path(folder) / "out"
        with (
            open(stdin or os.devnull, "rb") as fin,
            open(stdout or out_path, "wb") as fout,
            open(err_path, "wb") as ferr,
        ):
            started = time.monotonic()
            proc = subprocess.Popen(
                [TIME, "-f", "%M", "-o", str(report), *synopsis_command(), *args],
                stdin=fin,
                stdout=fout,
                stderr=ferr,
                start_new_session=True,
            )
            timer = threading.Timer(timeout, os.killpg, (proc.pid, signal.SIGKILL))
            timer.start()
            try:
                if during is not None:
                    during(Child(_only_child(proc.pid)))
                code = proc.wait()
            finally:
                timer.cancel()
            seconds = time.monotonic() - started
        lines = report.read_text().split() if report.exists() else []
        peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        return Run(
            code=None if seconds >= timeout else code,
            stderr=err_path.read_text("utf-8", "replace"),
            seconds=seconds,
            peak_mb=peak_kb / 1024,
            stdout=b"" if stdout else out_path.read_bytes(),
        )


def outcome(result: Run, note: str = "") -> str:
    """'exit N: first stderr line; note' for the table."""
    if result.code is None:
        return f"killed after {result.seconds:.0f} s (time limit)"
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    first = lines[0] if lines else "(no stderr)"
    first = first.replace("|", "\\|")
    if len(first) > 110:
        first = first[:107] + "..."
    traceback = "; **traceback**" if "Traceback" in result.stderr else ""
    more = f" (+{len(lines) - 1} lines)" if len(lines) > 1 else ""
    return f"exit {result.code}: {first}{more}{traceback}" + (f"; {note}" if note else "")


def story_line(cid: str, n_docs: int = 3) -> dict[str, Any]:
    """A small cluster of short articles."""
    docs = [
        {"id": f"d{i}", "text": SENTENCES.format(n=100 + i, k=i % 40 + 2, place=f"Ward {i}")}
        for i in range(n_docs)
    ]
    return {"id": cid, "documents": docs}


# ---------------------------------------------------------------------------------------------
# Cases: each builds its inputs in `tmp`, runs the command, and returns table rows.


def case_output_targets(tmp: Path) -> list[Row]:
    """Issue 9.1: -o onto /dev/null, a 0600 file, a symlink."""
    rows = []
    before = os.stat(os.devnull)
    r = run(["summarize", str(EXAMPLE), "-o", os.devnull])
    after = os.stat(os.devnull)
    kept = stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    rows.append(Row("1 -o /dev/null", outcome(r, f"device kept: {kept}"), r.seconds, r.peak_mb))
    private = tmp / "private.md"
    private.write_text("old\n")
    private.chmod(0o600)
    r = run(["summarize", str(EXAMPLE), "-o", str(private)])
    mode = oct(private.stat().st_mode & 0o777)
    rows.append(Row("1 -o onto a 0600 file", outcome(r, f"mode now {mode}"), r.seconds, r.peak_mb))
    link = tmp / "link.md"
    link.symlink_to(private)
    r = run(["summarize", str(EXAMPLE), "-o", str(link)])
    note = f"link kept: {link.is_symlink()}, target rewritten: {private.read_text()[:9]!r}"
    rows.append(Row("1 -o onto a symlink", outcome(r, note), r.seconds, r.peak_mb))
    return rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _rss_mb(pid: int) -> float:
    """Resident memory of one process now (Linux /proc)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _wait_healthy(port: int, proc: Child) -> bool:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.alive():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def _http(port: int, raw: bytes, timeout: float = 60) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        reply = b""
        while data := s.recv(65536):
            reply += data
        return reply


def _post(path: str, body: bytes, ctype: str = "application/json") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: t\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def case_service(tmp: Path) -> list[Row]:
    """Issue 9.2, 9.4, 9.7, 9.10 against a real `synopsis serve` (peak RSS of the server)."""
    rows: list[Row] = []
    port = _free_port()
    notes: dict[str, str] = {}

    def clients(proc: Child) -> None:
        try:
            if not _wait_healthy(port, proc):
                notes["start"] = "server did not start"
                return
            rss = [_rss_mb(proc.pid)]
            started = time.monotonic()
            conns = [socket.create_connection(("127.0.0.1", port), timeout=90) for _ in range(2)]
            conns[1].sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: t\r\nContent-")
            for _ in range(4):
                s = socket.create_connection(("127.0.0.1", port), timeout=90)
                s.sendall(
                    b"POST /v1/summarize HTTP/1.1\r\nHost: t\r\nContent-Type: application/json"
                    b"\r\nContent-Length: 19000000\r\n\r\n" + b" " * 9_500_000
                )
                conns.append(s)
            time.sleep(0.5)
            rss.append(_rss_mb(proc.pid))
            t0 = time.monotonic()
            ok = _http(port, b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            served = ok.startswith(b"HTTP/1.1 200")
            answered = time.monotonic() - t0
            closed = []
            for s in conns:
                with s:
                    first = b""
                    while data := s.recv(65536):
                        first = first or data
                closed.append((time.monotonic() - started, first[:12].decode("latin-1")))
            time.sleep(0.5)
            rss.append(_rss_mb(proc.pid))
            notes["stalled"] = (
                f"other client answered in {answered:.2f} s: {served}; "
                f"closed after {', '.join(f'{t:.0f} s' for t, _ in closed)}; "
                f"replies {sorted({r or 'none' for _, r in closed})}; server RSS "
                f"{rss[0]:.0f} MB before, {rss[1]:.0f} MB stalled, {rss[2]:.0f} MB after"
            )
            notes["stalled_s"] = f"{max(t for t, _ in closed):.1f}"
            big = [
                {
                    "id": f"a{i}",
                    "text": " ".join(
                        SENTENCES.format(n=i * 10 + j, k=j + 2, place=f"Ward {j}") for j in range(8)
                    ),
                }
                for i in range(450)  # under the service's 500-article limit
            ]
            body = json.dumps({"articles": big}).encode()  # about 1 MB
            t0 = time.monotonic()
            replies: list[bytes] = []
            threads = [
                threading.Thread(
                    target=lambda: replies.append(_http(port, _post("/v1/summarize", body)))
                )
                for _ in range(2)
            ]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            codes = sorted(r[9:12].decode() for r in replies)
            notes["big"] = f"{len(body) // 1000} KB x2 -> {codes} in {time.monotonic() - t0:.1f} s"
            form = (
                '--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
                + SENTENCES.format(n=1, k=2, place="Y")
                + '\r\n--b\r\nContent-Disposition: form-data; name="words"\r\n\r\n'
                + "\u00b2\r\n--b--\r\n"
            ).encode()
            reply = _http(port, _post("/report", form, "multipart/form-data; boundary=b"))
            notes["form"] = reply[9:12].decode()
            story = json.loads(EXAMPLE_JSONL.read_text(encoding="utf-8"))
            arts = [{"id": d["id"], "text": d["text"]} for d in story["documents"]]
            reply = _http(
                port, _post("/v1/summarize", json.dumps({"articles": arts, "words": True}).encode())
            )
            notes["bool"] = reply[9:12].decode()
            bad = (
                b'{"articles": [{"id": "a", "text": "bad \\ud800 text. The storm hit on Monday."}]}'
            )
            notes["surrogate"] = _http(port, _post("/v1/summarize", bad))[9:12].decode()
        finally:
            proc.send_signal(signal.SIGINT)

    r = run(["serve", "--port", str(port), "--workers", "2"], during=clients, timeout=300)
    peak = r.peak_mb
    stalled_s = float(notes.get("stalled_s", "nan"))
    rows.append(
        Row(
            "2 serve: 4 stalled 19 MB uploads + silent + half headers",
            notes.get("stalled", notes.get("start", "?")),
            stalled_s,
            peak,
        )
    )
    rows.append(
        Row(
            "4 serve: two ~1 MB requests (450 articles each)",
            notes.get("big", "?"),
            float("nan"),
            peak,
        )
    )
    rows.append(Row("7 serve: form words=²", f"HTTP {notes.get('form', '?')}", float("nan"), peak))
    rows.append(
        Row('10 serve: "words": true', f"HTTP {notes.get('bool', '?')}", float("nan"), peak)
    )
    rows.append(
        Row("3 serve: \\ud800 in a text", f"HTTP {notes.get('surrogate', '?')}", float("nan"), peak)
    )
    return rows


def case_odd_jsonl_lines(tmp: Path) -> list[Row]:
    """Issue 9.3: one odd but parseable line per case among good lines, in `batch`."""
    rows = []
    good = json.dumps(story_line("good"))
    odd = {
        "[ nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
        "5,000-digit integer": '{"id": "big", "documents": [{"id": "a", "text": "x", "n": '
        + "9" * 5000
        + "}]}",
        "\\ud800 escape": '{"id": "sur", "documents": [{"id": "a", "text": "bad \\ud800 one. '
        + SENTENCES.format(n=3, k=4, place="Z")
        + '"}]}',
    }
    for name, line in odd.items():
        src = tmp / "odd.jsonl"
        src.write_text(f"{good}\n{line}\n{good}\n", encoding="utf-8")
        out = tmp / "odd-out.jsonl"
        out.unlink(missing_ok=True)
        r = run(["batch", str(src), "-o", str(out), "--workers", "1"])
        lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
        errors = sum("error" in json.loads(x) for x in lines)
        note = f"{len(lines)} output lines, {errors} errors"
        rows.append(Row(f"3 batch line: {name}", outcome(r, note), r.seconds, r.peak_mb))
    return rows


def case_many_articles(tmp: Path) -> list[Row]:
    """Issue 9.4: 2,000 short articles through summarize with the analysis."""
    src = tmp / "many.jsonl"
    line = story_line("many", 2000)
    src.write_text(json.dumps(line) + "\n", encoding="utf-8")
    r = run(["summarize", str(src), "--format", "json"], timeout=300)
    return [Row("4 summarize 2,000 short articles (analysis on)", outcome(r), r.seconds, r.peak_mb)]


def case_workers(tmp: Path) -> list[Row]:
    """Issue 9.5: batch --workers 10000."""
    src = tmp / "few.jsonl"
    src.write_text("".join(json.dumps(story_line(f"s{i}")) + "\n" for i in range(8)))
    r = run(["batch", str(src), "-o", str(tmp / "few-out.jsonl"), "--workers", "10000"])
    return [Row("5 batch --workers 10000", outcome(r), r.seconds, r.peak_mb)]


def case_size_limits(tmp: Path) -> list[Row]:
    """Issue 9.6: a gzip bomb, and oversized JSONL and stdin, against --max-file-mb 20."""
    rows = []
    bomb = tmp / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as gz:
        gz.write(b'{"id": "bomb", "documents": [{"id": "a", "text": "')
        block = b"a " * 500_000
        for _ in range(200):  # 200 MB of text
            gz.write(block)
        gz.write(b'"}]}\n')
    size_kb = bomb.stat().st_size // 1000
    r = run(["summarize", str(bomb)])
    rows.append(Row(f"6 gzip bomb ({size_kb} KB -> 200 MB)", outcome(r), r.seconds, r.peak_mb))
    r = run(["batch", str(bomb), "-o", str(tmp / "bomb-out.jsonl")])
    rows.append(Row("6 gzip bomb through batch", outcome(r), r.seconds, r.peak_mb))
    big = tmp / "big.txt"
    big.write_bytes(SENTENCES.format(n=1, k=2, place="Q").encode() * 140_000)  # ~30 MB
    r = run(["summarize", "-"], stdin=big)
    rows.append(Row("6 30 MB on stdin", outcome(r), r.seconds, r.peak_mb))
    return rows


def case_environment(tmp: Path) -> list[Row]:
    """Issue 9.7 and 9.8: nan/inf, full disk, Latin-1 stdin, SIGTERM/SIGHUP mid-batch."""
    rows = []
    for value in ("nan", "inf"):
        r = run(["summarize", str(EXAMPLE), "--max-file-mb", value])
        rows.append(Row(f"7 --max-file-mb {value}", outcome(r), r.seconds, r.peak_mb))
    r = run(["summarize", str(EXAMPLE), "-o", "/dev/full"])
    rows.append(Row("7 -o /dev/full", outcome(r), r.seconds, r.peak_mb))
    r = run(["summarize", str(EXAMPLE)], stdout=Path("/dev/full"))
    rows.append(Row("7 stdout > /dev/full", outcome(r), r.seconds, r.peak_mb))
    latin = tmp / "latin1.txt"
    text = "Le pont de Kestrel a été heurté mardi; quatorze blessés à l'hôpital. " * 20
    latin.write_bytes((text + "\n|||||\n" + text.replace("mardi", "lundi")).encode("latin-1"))
    r = run(["summarize", "-", "--format", "json"], stdin=latin)
    rows.append(
        Row("7/9 Latin-1 on stdin (JSON out)", outcome(r, _json_note(r)), r.seconds, r.peak_mb)
    )
    for sig in (signal.SIGTERM, signal.SIGHUP):
        src = tmp / "sig.jsonl"
        src.write_text("".join(json.dumps(story_line(f"s{i}", 6)) + "\n" for i in range(2000)))
        out = tmp / "sig-out.jsonl"

        def kill_mid_run(proc: Child, sig: int = sig) -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.alive():
                tmps = list(tmp.glob(".sig-out.jsonl.*.tmp"))
                if tmps and tmps[0].stat().st_size > 0:
                    break
                time.sleep(0.05)
            proc.send_signal(sig)

        r = run(["batch", str(src), "-o", str(out)], during=kill_mid_run)
        left = sorted(p.name for p in tmp.glob("*sig-out*"))
        name = signal.Signals(sig).name
        rows.append(
            Row(
                f"8 {name} mid-batch",
                outcome(r, f"left behind: {left or 'nothing'}"),
                r.seconds,
                r.peak_mb,
            )
        )
    return rows


def _json_note(r: Run) -> str:
    try:
        data = json.loads(r.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return f"stdout not UTF-8 JSON ({type(exc).__name__})"
    return f"JSON ok, {len(data.get('articles', []))} articles"


def case_smaller(tmp: Path) -> list[Row]:
    """Issue 9.10: a 20 MB word, a stray byte, serve on a busy port, batch on .txt/folder."""
    rows = []
    word = tmp / "word"
    word.mkdir()
    (word / "a.txt").write_text(SENTENCES.format(n=5, k=6, place="R"), encoding="utf-8")
    (word / "b.txt").write_text("x" * 19_500_000 + ". " + SENTENCES.format(n=5, k=6, place="S"))
    r = run(["summarize", str(word), "--format", "json"])
    longest = 0
    with_json = _json_note(r)
    if with_json.startswith("JSON ok"):
        longest = max((len(w) for w in json.loads(r.stdout)["summary"].split()), default=0)
    rows.append(
        Row(
            "10 a 19.5 MB word",
            outcome(r, f"{with_json}; longest summary word {longest:,} chars"),
            r.seconds,
            r.peak_mb,
        )
    )
    stray = tmp / "stray"
    stray.mkdir()
    body = "Le café a rouvert à Zürich mardi après l'inondation; l'équipe a nettoyé. " * 10
    (stray / "a.txt").write_bytes(body.encode("utf-8") + b"\xff" + body.encode("utf-8"))
    (stray / "b.txt").write_text(body.replace("mardi", "lundi"), encoding="utf-8")
    r = run(["summarize", str(stray), "--format", "json"])
    mojibake = "Ã" in r.stdout.decode("utf-8", "replace")
    rows.append(
        Row(
            "10 one stray byte in a UTF-8 file",
            outcome(r, f"mojibake: {mojibake}"),
            r.seconds,
            r.peak_mb,
        )
    )
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        r = run(["serve", "--port", str(busy.getsockname()[1])], timeout=60)
    rows.append(Row("10 serve on a busy port", outcome(r), r.seconds, r.peak_mb))
    r = run(["batch", str(word / "a.txt"), "-o", str(tmp / "t-out.jsonl")])
    rows.append(Row("10 batch on a .txt", outcome(r), r.seconds, r.peak_mb))
    r = run(["batch", str(word), "-o", str(tmp / "d-out.jsonl")])
    rows.append(Row("10 batch on a folder", outcome(r), r.seconds, r.peak_mb))
    return rows


CASES: dict[str, Callable[[Path], list[Row]]] = {
    "output": case_output_targets,
    "service": case_service,
    "jsonl": case_odd_jsonl_lines,
    "analysis": case_many_articles,
    "workers": case_workers,
    "size": case_size_limits,
    "environment": case_environment,
    "smaller": case_smaller,
}


def main() -> None:
    """Run the cases and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default="", help="comma-separated case groups: " + ", ".join(CASES)
    )
    args = parser.parse_args()
    if not Path(TIME).exists():
        sys.exit(f"{TIME} (GNU time) is needed to measure peak memory: apt-get install time")
    wanted = [w for w in args.only.split(",") if w]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="synopsis-hostile-") as folder:
        for name, case in CASES.items():
            if wanted and not any(w in name for w in wanted):
                continue
            tmp = Path(folder) / name
            tmp.mkdir()
            print(f"running {name} ...", file=sys.stderr, flush=True)
            rows.extend(case(tmp))
    print(
        f"Installed `synopsis` ({synopsis_command()[0]}), default limits, {os.cpu_count()} CPUs.\n"
    )
    print("| case | outcome | wall s | peak MB | within 60 s / 1 GB |")
    print("|---|---|---:|---:|:---:|")
    for row in rows:
        secs = "" if row.seconds != row.seconds else f"{row.seconds:.1f}"
        within = (
            "yes"
            if row.within
            else ("-" if row.seconds != row.seconds and row.peak_mb <= LIMIT_MB else "**no**")
        )
        print(f"| {row.case} | {row.outcome} | {secs} | {row.peak_mb:.0f} | {within} |")


if __name__ == "__main__":
    main()
