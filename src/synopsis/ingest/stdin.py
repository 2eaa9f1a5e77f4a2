"""Read stdin: one JSON cluster object, cluster JSONL, or Multi-News style plain text.

The plain-text format follows the original Multi-News release (Fabbri et al., ACL 2019):
articles separated by `|||||`, line breaks optionally written as `NEWLINE_CHAR`. Bytes are
decoded like files (`decode_input`) and at most `IngestConfig.max_file_bytes` are read.
"""

from __future__ import annotations

import re
from typing import IO

from synopsis.ingest.articles import Item, article_text, check_string, decode_input, headline
from synopsis.ingest.files import over_limit
from synopsis.ingest.jsonl import Parsed, cluster_from_obj, iter_lines, parse_json, select
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, DocumentSet, Skipped

MULTINEWS_SEPARATOR = re.compile(r"[ \t]*\|\|\|\|\|[ \t]*\n?")


def _read_bounded(stream: IO[str] | IO[bytes], config: IngestConfig) -> str:
    """Read and decode at most the size limit from a byte or text stream."""
    limit = config.max_file_bytes
    source: IO[str] | IO[bytes] = getattr(stream, "buffer", stream)
    data = source.read(limit + 1)
    if len(data) > limit:
        raise InputError(over_limit("stdin", len(data), config))
    if isinstance(data, str):
        return check_string(data, "stdin")
    text = decode_input(data)
    if text is None:
        raise InputError("stdin: binary or undecodable data, not text; pipe text or JSON")
    return text


def read_stdin(
    stream: IO[str] | IO[bytes], cluster_id: str | None, config: IngestConfig
) -> tuple[Parsed, bool]:
    """Read stdin into a cluster and its documents.

    Args:
        stream: stdin (its binary buffer is read when it has one) or any text/byte stream.
        cluster_id: the cluster wanted when stdin holds several JSON lines.
        config: holds the size limit.

    Returns:
        The cluster with its documents, and True when stdin held JSON.

    Raises:
        InputError: stdin is empty, over the limit, undecodable, or bad JSON.
    """
    text = _read_bounded(stream, config)
    if not text.strip():
        raise InputError("stdin is empty; pipe articles separated by a '|||||' line, or JSON")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            obj = parse_json(stripped, "stdin")
        except InputError:
            lines = enumerate(
                (line.encode("utf-8", "surrogatepass") for line in stripped.splitlines()), start=1
            )
            return select(iter_lines(lines, "stdin", config), "stdin", cluster_id), True
        return cluster_from_obj(obj, "stdin"), True
    items: list[Item] = []
    for n, part in enumerate(MULTINEWS_SEPARATOR.split(text), start=1):
        origin = f"stdin article {n}"
        body = article_text(part.replace("NEWLINE_CHAR", "\n"), origin)
        art = Article(id=str(n), text=body, title=headline(body), origin=origin)
        items.append(art if body else Skipped(str(n), f"{origin} is empty"))
    return (DocumentSet(id="stdin", articles=()), items), False
