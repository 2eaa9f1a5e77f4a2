"""Read the inputs named on a command line into clusters: the one entry point of ingest.

Folders and article files (`synopsis.ingest.files`), cluster JSON/JSONL(.gz)
(`synopsis.ingest.jsonl`) and stdin (`synopsis.ingest.stdin`) all end in the same `resolve`
(HTML extraction) and, when several inputs are combined, the same id de-duplicator.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO

from synopsis.ingest.articles import Item, resolve
from synopsis.ingest.files import ARTICLE_SUFFIXES, read_article_file, read_folder
from synopsis.ingest.ids import unique_ids
from synopsis.ingest.jsonl import iter_lines, open_lines, read_json_file, select
from synopsis.ingest.stdin import read_stdin
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import DocumentSet

log = logging.getLogger("synopsis")

DEFAULT_CONFIG = IngestConfig()
CLUSTER_SUFFIXES = (".jsonl", ".jsonl.gz", ".json")


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")


def _check_cluster_file(path: Path) -> None:
    """Refuse a folder or an article file where a cluster JSONL file is needed."""
    _check_exists(path)
    if path.is_dir():
        raise InputError(
            f"{path}: is a folder; batch and eval read a cluster .jsonl or .jsonl.gz file "
            "(summarize a folder with `synopsis summarize`)"
        )
    if path.name.lower().endswith(ARTICLE_SUFFIXES):
        raise InputError(
            f"{path}: is an article file, not a cluster .jsonl or .jsonl.gz file "
            "(summarize article files with `synopsis summarize`)"
        )


def _clusters(path: Path, config: IngestConfig) -> Iterator[DocumentSet | InputError]:
    for item in iter_lines(open_lines(path, config), path.name, config):
        if isinstance(item, InputError):
            yield item
        else:
            articles, skipped = resolve(item[1], config)
            yield replace(item[0], articles=tuple(articles), skipped=tuple(skipped))


def iter_clusters(
    path: str, *, config: IngestConfig = DEFAULT_CONFIG
) -> Iterator[DocumentSet | InputError]:
    """Stream the clusters of a JSONL or JSONL.gz file, one per line.

    Args:
        path: the cluster file.
        config: ingest settings (size limit per line; HTML extraction).

    Returns:
        An iterator yielding a DocumentSet per valid line and an InputError (naming the file, the
        line number and what is wrong) per invalid line; blank lines are ignored. A line over
        the size limit (decompressed) is the last item.

    Raises:
        InputError: the file does not exist, or is a folder or an article file (raised at
            the call, before iterating).
    """
    p = Path(path)
    _check_cluster_file(p)
    return _clusters(p, config)


def read_clusters(path: str, *, config: IngestConfig = DEFAULT_CONFIG) -> list[DocumentSet]:
    """Read every cluster of a JSONL or JSONL.gz file.

    Args:
        path: the cluster file.
        config: ingest settings.

    Returns:
        The clusters in file order.

    Raises:
        InputError: the file does not exist or a line is invalid (the first such line).
    """
    out: list[DocumentSet] = []
    for item in iter_clusters(path, config=config):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def _read_path(
    raw_path: str,
    cluster_id: str | None,
    config: IngestConfig,
    stdin: IO[str] | IO[bytes] | None,
) -> tuple[str, list[Item], tuple[str, ...], bool]:
    """Read one input: its name, its documents, its references, and whether it was a cluster."""
    if raw_path == "-":
        (cluster, items), is_json = read_stdin(stdin or sys.stdin, cluster_id, config)
        return cluster.id, items, cluster.references, is_json
    path = Path(raw_path)
    _check_exists(path)
    lower = path.name.lower()
    if path.is_dir():
        return path.resolve().name or str(path), read_folder(path, config), (), False
    if lower.endswith(ARTICLE_SUFFIXES):
        return path.stem, [read_article_file(path, config)], (), False
    if not lower.endswith(CLUSTER_SUFFIXES):
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; use .txt, .md, "
            ".html, .htm, .jsonl, .jsonl.gz or - for stdin"
        )
    if lower.endswith(".json"):
        cluster, items = read_json_file(path, config)
    else:
        lines = iter_lines(open_lines(path, config), path.name, config)
        cluster, items = select(lines, path.name, cluster_id)
    return cluster.id, items, cluster.references, True


def load_inputs(
    paths: Sequence[str],
    *,
    cluster_id: str | None = None,
    config: IngestConfig = DEFAULT_CONFIG,
    stdin: IO[str] | IO[bytes] | None = None,
) -> DocumentSet:
    """Read folders, article files, cluster files and stdin ("-") into one DocumentSet.

    Args:
        paths: inputs; a folder (one article per .txt/.md/.html file), article files, a cluster
            .jsonl/.jsonl.gz/.json file, or "-" for stdin.
        cluster_id: which cluster to take from a cluster file with several; when no cluster
            file is given it names the resulting cluster.
        config: ingest settings.
        stdin: stream to read for "-" (default: sys.stdin, read as bytes).

    Returns:
        The cluster; its id is the folder name, file stem or cluster id ("+"-joined for several
        inputs), and `skipped` lists every input not used with the reason. Repeated article
        ids are renamed by `unique_ids` (a, a, a-2 -> a, a-2, a-2-2).

    Raises:
        InputError: no inputs, a path does not exist, a folder has no article files, a cluster
            file line is invalid or ambiguous, the id is not found, or stdin is empty, over the
            size limit or undecodable.
    """
    if not paths:
        raise InputError("no input given; pass a folder, article files, a .jsonl file or -")
    names: list[str] = []
    items: list[Item] = []
    refs: list[str] = []
    from_cluster = False
    for raw_path in paths:
        name, got, more_refs, is_cluster = _read_path(raw_path, cluster_id, config, stdin)
        names.append(name)
        items.extend(got)
        refs.extend(more_refs)
        from_cluster = from_cluster or is_cluster
    articles, skipped = resolve(items, config)
    for s in skipped:
        log.warning("skipped %s: %s", s.article, s.why)
    ids = unique_ids(a.id for a in articles)
    kept = tuple(
        a if a.id == new else replace(a, id=new) for a, new in zip(articles, ids, strict=True)
    )
    cid = "+".join(dict.fromkeys(names)) if names else "cluster"
    if cluster_id is not None and not from_cluster:
        cid = cluster_id
    return DocumentSet(id=cid, articles=kept, references=tuple(refs), skipped=tuple(skipped))
