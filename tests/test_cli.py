"""The command line over folders, files, JSONL and stdin, and its handling of bad input."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from synopsis.apps.batch import worker_count
from synopsis.apps.cli import PARTIAL_FAILURE_EXIT, main
from synopsis.apps.files import OutputError, write_text_atomic

from .conftest import REPO

EXAMPLE = REPO / "examples" / "harbor-bridge"
EXAMPLE_JSONL = REPO / "examples" / "harbor-bridge.jsonl"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; return exit code, stdout, stderr."""
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_folder_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["summarize", str(EXAMPLE), "--words", "80"], capsys)
    assert code == 0, err
    assert out.startswith("# ")
    assert ("## Sources" in out and "[1]" in out) or "[2]" in out


def test_files_json_respects_budget_and_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in EXAMPLE.iterdir() if p.suffix == ".txt")
    code, out, err = run(["summarize", *files, "--format", "json", "--words", "70"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert len(data["summary"].split()) <= 70
    texts = {a["id"]: a for a in data["articles"]}
    assert set(texts) == {Path(f).stem for f in files}
    for sentence in data["sentences"]:
        assert sentence["sources"]


def test_jsonl_and_gz_and_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gz = tmp_path / "story.jsonl.gz"
    gz.write_bytes(gzip.compress(EXAMPLE_JSONL.read_bytes()))
    for path in (EXAMPLE_JSONL, gz):
        code, out, err = run(["summarize", str(path), "--format", "text"], capsys)
        assert code == 0, err
        assert "Sources:" in out


def test_stdin_multinews_separator(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    story = (
        "The river flooded the town of Elm on Monday, forcing 300 families from their homes. "
        "Rescue teams worked through the night to reach stranded residents.\n|||||\n"
        "Floodwater forced 300 families from their homes in Elm on Monday, officials said. "
        "Rescue teams worked through the night as the river kept rising."
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(story))
    code, out, err = run(["summarize", "-", "--format", "json", "--words", "40"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [a["id"] for a in data["articles"]] == ["1", "2"]
    assert data["sentences"]


def test_output_file_written_atomically(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.md"
    code, out, err = run(["summarize", str(EXAMPLE), "-o", str(target)], capsys)
    assert code == 0, err
    assert out == "" and target.read_text().startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["summarize", "{tmp}/missing"], "missing"),
        (["summarize", "{tmp}/empty_dir"], "empty_dir"),
        (["summarize", "{tmp}/empty.txt"], "empty"),
        (["summarize", "{tmp}/binary.txt"], "binary"),
        (["summarize", "{tmp}/huge.txt"], "huge"),
        (["summarize", "{tmp}/bad.jsonl"], "line 2"),
        (["summarize", str(EXAMPLE), "--format", "pdf"], "pdf"),
        (["summarize", str(EXAMPLE), "--words", "0"], "--words"),
        (["summarize", str(EXAMPLE), "--words", "-5"], "--words"),
    ],
)
def test_bad_input_one_line_error_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    with (tmp_path / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    (tmp_path / "bad.jsonl").write_text(
        json.dumps({"id": "a", "documents": [{"id": "1", "text": "x"}]}) + "\n{not json\n"
    )
    target = tmp_path / "out.md"
    full = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["-o", str(target)]
    code, _out, err = run(full, capsys)
    assert code != 0
    errors = [line for line in err.splitlines() if line.startswith("synopsis: error:")]
    assert len(errors) == 1, err
    assert needle in errors[0]
    assert "Traceback" not in err
    assert not target.exists()


def test_batch_keeps_order_records_failures_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = json.loads(EXAMPLE_JSONL.read_text())
    lines = [
        json.dumps({**story, "id": "first"}),
        json.dumps({"id": "empty", "documents": [{"id": "x", "text": "   "}]}),
        "{broken",
        json.dumps({**story, "id": "last"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    out_path = tmp_path / "out.jsonl"
    code, _, err = run(
        ["batch", str(src), "-o", str(out_path), "--words", "50", "--workers", "2"], capsys
    )
    assert code == PARTIAL_FAILURE_EXIT, err
    assert "4 clusters, 2 failed" in err
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert [r.get("id") for r in records] == ["first", "empty", None, "last"]
    assert "summary" in records[0] and "sentences" in records[0]
    assert "error" in records[1] and "line 3" in records[2]["error"]
    assert len(records[3]["summary"].split()) <= 50


def test_entry_point_runs_as_a_process() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from synopsis.apps.cli import PARTIAL_FAILURE_EXIT, main; main()",
            "summarize",
            "/nonexistent",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "/nonexistent" in proc.stderr


def test_eval_command_prints_rouge_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["eval", str(EXAMPLE_JSONL), "--words", "60", "--scorer", "rouge-score"], capsys
    )
    assert code == 0, err
    assert "rouge-score, 1 clusters, 60 words" in out
    for row in ("ROUGE-1", "ROUGE-2", "ROUGE-L"):
        assert f"| {row} |" in out


def test_batch_with_analysis_adds_cross_source_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "out.jsonl"
    code, _, err = run(
        ["batch", str(EXAMPLE_JSONL), "-o", str(out_path), "--workers", "1", "--analysis"], capsys
    )
    assert code == 0, err
    record = json.loads(out_path.read_text())
    assert {"entities", "numbers", "timeline"} <= set(record)


# ---------------------------------------------------------------------------------------------
# Issue 9: safe writes and one-line errors for user and environment mistakes


def test_output_keeps_the_mode_of_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "private.md"
    target.write_text("old\n")
    target.chmod(0o600)
    code, _, err = run(["summarize", str(EXAMPLE), "--words", "40", "-o", str(target)], capsys)
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private.md"]


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run(["summarize", str(EXAMPLE), "--words", "40", "-o", str(link)], capsys)
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text().startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_output_onto_dev_null_writes_through_and_keeps_the_device(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = os.stat(os.devnull)
    code, out, err = run(["summarize", str(EXAMPLE), "--words", "40", "-o", os.devnull], capsys)
    assert code == 0, err
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert out == ""


def test_output_into_a_fifo_streams_to_its_reader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(["summarize", str(EXAMPLE), "--words", "40", "-o", str(fifo)], capsys)
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"# ")


def test_output_onto_a_socket_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        code, _, err = run(["summarize", str(EXAMPLE), "-o", str(path)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "not a regular file" in err
    assert stat.S_ISSOCK(path.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.sock"]


def test_output_on_a_full_disk_is_one_line_and_no_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["summarize", str(EXAMPLE), "--words", "40", "-o", "/dev/full"], capsys)
    assert code == OutputError.exit_code == 5
    assert err.count("\n") == 1 and "No space left on device" in err
    assert "Traceback" not in err


def test_atomic_writer_on_full_disk_removes_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out.md"
    with pytest.raises(OutputError, match="No space left"):
        write_text_atomic(target, "text\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "0"])
def test_max_file_mb_must_be_a_finite_positive_number(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["summarize", str(EXAMPLE), "--max-file-mb", value], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "--max-file-mb" in err
    assert "Traceback" not in err


def test_batch_workers_are_capped_at_the_cpu_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "out.jsonl"
    code, _, err = run(
        ["batch", str(EXAMPLE_JSONL), "-o", str(out_path), "--workers", "10000"], capsys
    )
    assert code == 0, err
    assert f"using {worker_count(0)}" in err and "--oversubscribe" in err
    assert json.loads(out_path.read_text())["summary"]


def test_no_semantic_maps_to_the_config_and_gives_its_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from synopsis.apps.cli import make_config
    from synopsis.ingest.readers import load_inputs
    from synopsis.pipeline import summarize
    from synopsis.render.data import to_dict

    assert make_config(80).semantic and not make_config(80, no_semantic=True).semantic
    code, out, err = run(
        ["summarize", str(EXAMPLE), "--words", "80", "--format", "json", "--no-semantic"], capsys
    )
    assert code == 0, err
    cluster = load_inputs([str(EXAMPLE)])
    expected = summarize(cluster.articles, make_config(80, no_semantic=True))
    assert [s["text"] for s in json.loads(out)["sentences"]] == [
        s["text"] for s in to_dict(expected)["sentences"]
    ]
