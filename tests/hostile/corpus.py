"""Generate the hostile inputs of issue 9 as files: gzip bombs, odd JSONL lines, bad encodings.

Every case is built from code here at test time, so the repository holds no large or binary
fixture. `write_corpus` writes them all into a folder (`python -m tests.hostile.corpus DIR` does
the same from the command line, for benchmarks).
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path

# Prose used for the readable parts of the cases.
BODY = (
    "The council approved the new budget on Monday after a long debate. "
    "The mayor said the plan would add 40 teachers and repair two bridges by 2027."
)
# Sizes from issue 9: the bomb reproduced there took 2.1 GB; 100,000-deep nesting; 5,000 digits;
# a 20 MB word.
BOMB_CHUNK = 1 << 20
DEEP_NESTING = 100_000
LONG_INTEGER_DIGITS = 5_000
GIANT_WORD_BYTES = 20_000_000


def gzip_bomb(decompressed_bytes: int, fill: bytes = b"a") -> bytes:
    """A small .gz holding `decompressed_bytes` of `fill` (one endless line for a letter)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
    chunk = fill * (BOMB_CHUNK // len(fill))
    out = [comp.compress(chunk) for _ in range(decompressed_bytes // len(chunk))]
    out.append(comp.flush())
    return b"".join(out)


def cluster_line(cid: str, *texts: str) -> str:
    """One valid cluster JSONL line."""
    docs = [{"id": f"{cid}-{n}", "text": t} for n, t in enumerate(texts)]
    return json.dumps({"id": cid, "documents": docs})


def odd_jsonl_lines() -> dict[str, str]:
    """Parseable-but-odd JSONL lines, by name (each should become that line's error)."""
    return {
        "deep_nesting": "[" * DEEP_NESTING + "]" * DEEP_NESTING,
        "long_integer": '{"id": "n", "documents": ' + "9" * LONG_INTEGER_DIGITS + "}",
        "surrogate": '{"id": "s", "documents": [{"id": "d", "text": "bad \\ud800 escape"}]}',
        "not_an_object": '["a", "list"]',
        "deep_in_document": '{"id": "x", "documents": ['
        + "[" * DEEP_NESTING
        + "]" * DEEP_NESTING
        + "]}",
    }


def hostile_batch(with_good: bool = True) -> str:
    """A JSONL file: a good cluster, every odd line, and another good cluster."""
    lines = [cluster_line("good-1", BODY, BODY + " It passed by six votes.")] if with_good else []
    lines += odd_jsonl_lines().values()
    if with_good:
        lines.append(cluster_line("good-2", BODY, "Officials said the budget grew 3 percent."))
    return "\n".join(lines) + "\n"


def latin1_text() -> bytes:
    """A French article in Latin-1 (not UTF-8)."""
    return (
        "Le café de la place a rouvert ses portes après les travaux, a déclaré son propriétaire. "
        "Les habitués étaient très contents de retrouver leur crème brûlée et le pâté maison.\n"
    ).encode("latin-1")


def stray_byte_utf8() -> bytes:
    """UTF-8 text with accents and one stray Latin-1 byte (0xE9 alone) in the middle."""
    good = "Über 40 Schüler trafen sich im Café. Die Straße wurde gesperrt, sagte die Polizei."
    return good.encode("utf-8") + b" Caf\xe9 " + good.encode("utf-8") + b"\n"


def giant_word(n_bytes: int = GIANT_WORD_BYTES) -> bytes:
    """An article: one sentence, then a `n_bytes` word without spaces, then another sentence."""
    return (BODY + "\n" + "x" * n_bytes + "\n" + BODY).encode("utf-8")


def write_corpus(folder: Path) -> dict[str, Path]:
    """Write every hostile case into `folder`; return the files by name."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "bomb.jsonl.gz": gzip_bomb(100 * BOMB_CHUNK),
        "newline_bomb.jsonl.gz": gzip_bomb(100 * BOMB_CHUNK, b"\n"),
        "odd_lines.jsonl": hostile_batch().encode("utf-8"),
        "latin1.txt": latin1_text(),
        "stray_byte.txt": stray_byte_utf8(),
        "giant_word.txt": giant_word(),
    }
    out: dict[str, Path] = {}
    for name, data in files.items():
        out[name] = folder / name
        out[name].write_bytes(data)
    return out


if __name__ == "__main__":
    for name, path in write_corpus(Path(sys.argv[1])).items():
        size = path.stat().st_size
        print(f"{name}\t{size:,} bytes")
