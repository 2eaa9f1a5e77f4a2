"""DocumentSet JSON: one object per line of a .jsonl/.jsonl.gz file, a .json file, or stdin.

Reading is bounded in memory and time: a line (decompressed, with the blank lines before it)
over `IngestConfig.max_file_bytes` is that line's error and ends the reading of the file; a .gz
may decompress past that limit only while under MAX_GZIP_RATIO times its size, so a gzip bomb
stops at the limit; MAX_BAD_LINES_IN_A_ROW unreadable lines end it too. A line that parses but
cannot be used (nesting too deep, an integer too long, an unpaired surrogate, not an object) is
that line's error and the lines after it are still read. Repeated document ids in a cluster
are renamed by `unique_ids`, as for files.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from synopsis.ingest.articles import Item, Pending, article_text, check_string, normalize_text
from synopsis.ingest.files import over_limit, read_text_file
from synopsis.ingest.ids import check_unique_ids, unique_ids
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, DocumentSet, Skipped
from synopsis.text.dates import normalize_date

# Ids listed in the "pass --id" error message; enough to recognise the file without flooding.
IDS_SHOWN = 5
# Bytes read from a cluster file at a time.
READ_CHUNK = 1 << 20
# A .gz may decompress to more than the size limit only while it stays under this many times its
# compressed size. DocumentSet JSONL compresses about 3:1 (Multi-News test: 7.9 MB -> 23 MB, 2.9x);
# natural text rarely passes 10:1, while a gzip bomb runs near deflate's maximum of 1032:1.
MAX_GZIP_RATIO = 100
# Unreadable lines in a row after which a file is taken for something else (a log, a CSV, a
# bomb of "{}" lines) and the rest is not read. None of the shared data sets has a single bad
# line; a real batch file with a thousand bad lines in a row is broken as a whole.
MAX_BAD_LINES_IN_A_ROW = 1_000

Parsed = tuple[DocumentSet, list[Item]]


def _str_field(obj: dict[str, Any], key: str, where: str, required: bool = False) -> str | None:
    """A string field of a JSON object; None when absent and optional."""
    value = obj.get(key)
    if value is None and not required:
        return None
    if key not in obj:
        raise InputError(f"{where}.{key} is missing; every item needs a string {key!r}")
    if not isinstance(value, str):
        kind = "a string" if required else "a string or null"
        raise InputError(f"{where}.{key} must be {kind}, got {type(value).__name__}")
    return check_string(value, f"{where}.{key}")


def _renamed(item: Item, new_id: str) -> Item:
    """The item under `new_id` (a repeated document id renamed by `unique_ids`)."""
    if isinstance(item, Pending):
        return (
            item
            if item.article.id == new_id
            else Pending(replace(item.article, id=new_id), item.html)
        )
    if isinstance(item, Article):
        return item if item.id == new_id else replace(item, id=new_id)
    return item if item.article == new_id else replace(item, article=new_id)


def cluster_from_obj(obj: Any, where: str) -> Parsed:
    """Validate one cluster object into (cluster without articles, its documents in order).

    Args:
        obj: the parsed JSON value.
        where: prefixes messages, e.g. 'clusters.jsonl line 3'.

    Returns:
        The cluster (id and references) and its documents, HTML ones still to extract.

    Raises:
        InputError: the value is not a cluster object or a field has the wrong type.
    """
    if not isinstance(obj, dict):
        raise InputError(
            f'{where}: expected a JSON object with "id" and "documents", got a {type(obj).__name__}'
        )
    cid = obj.get("id")
    if not isinstance(cid, str) or not cid.strip():
        raise InputError(f'{where}: "id" must be a non-empty string')
    check_string(cid, f"{where}: id")
    docs = obj.get("documents")
    if not isinstance(docs, list) or not docs:
        raise InputError(f'{where}: "documents" must be a non-empty list of objects')
    refs = obj.get("references") or []
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f'{where}: "references" must be a list of strings')
    for n, ref in enumerate(refs):
        check_string(ref, f"{where}: references[{n}]")
    items: list[Item] = []
    ids: list[str] = []
    for n, doc in enumerate(docs):
        at = f"{where}: documents[{n}]"
        if not isinstance(doc, dict):
            raise InputError(f"{at} must be an object, got {type(doc).__name__}")
        did = _str_field(doc, "id", at, required=True) or ""
        ids.append(did)
        text = _str_field(doc, "text", at, required=True) or ""
        html = _str_field(doc, "html", at)
        art = Article(
            id=did,
            text=article_text(text, at),
            title=_str_field(doc, "title", at),
            url=_str_field(doc, "url", at),
            published=normalize_date(_str_field(doc, "published", at)),
            outlet=_str_field(doc, "outlet", at),
            origin=f"{where} documents[{n}]",
        )
        if not art.text and html and html.strip():
            items.append(Pending(art, html))
        else:
            items.append(art if art.text else Skipped(did, f"{at} has empty text"))
    new_ids = unique_ids(ids)  # repeated ids renamed, as for files: a, a -> a, a-2
    check_unique_ids(new_ids, f"{where}: documents")  # so only an empty id can fail here
    items = [_renamed(item, new) for item, new in zip(items, new_ids, strict=True)]
    kept_refs = tuple(normalize_text(r) for r in refs if r.strip())
    return DocumentSet(id=cid, articles=(), references=kept_refs), items


def parse_json(text: str, where: str) -> Any:
    """Parse JSON text, turning every way it can fail into one InputError.

    Args:
        text: the JSON text.
        where: the file and line, for messages.

    Returns:
        The parsed value.

    Raises:
        InputError: invalid JSON, nesting too deep, or an integer too long to read.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise InputError(f"{where}: invalid JSON ({exc.msg} at {at}); fix or remove it") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; flatten it") from None
    except ValueError as exc:  # an integer over sys.get_int_max_str_digits() digits
        raise InputError(f"{where}: unreadable JSON value ({exc}); fix or remove it") from None


def numbered_lines(
    fh: gzip.GzipFile | IO[bytes],
    name: str,
    config: IngestConfig,
    compressed: IO[bytes] | None = None,
) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, line) for the non-blank lines of a stream, in bounded memory.

    Blank lines are counted without being looked at one by one, so a stream of newlines costs
    little; they count towards the size of the line after them.

    Args:
        fh: the (decompressed) byte stream.
        name: the file name, for messages.
        config: holds the size limit.
        compressed: the underlying compressed file when `fh` decompresses it.

    Returns:
        An iterator of 1-based line numbers and lines without their newline.

    Raises:
        InputError: a line (with the blank lines before it) is over the size limit, or a
            compressed file decompresses to more than the limit and over MAX_GZIP_RATIO
            times its size.
    """
    limit = config.max_file_bytes
    lineno = 0  # lines fully read
    pending = b""  # the line being read, without its newline yet
    blank = 0  # bytes of blank lines since the last non-blank line
    total = 0
    while chunk := fh.read(READ_CHUNK):
        total += len(chunk)
        if compressed is not None and total > max(limit, MAX_GZIP_RATIO * compressed.tell()):
            raise InputError(
                f"{name}: decompresses to over {total:,} bytes, more than {MAX_GZIP_RATIO} times "
                f"its size and over the limit of {limit:,} bytes; not a cluster file (a gzip "
                "bomb?), the rest is not read"
            )
        if not pending and not chunk.strip():
            lineno += chunk.count(b"\n")
            blank += len(chunk)
        else:
            parts = (pending + chunk).split(b"\n")
            pending = parts.pop()
            for part in parts:
                lineno += 1
                if part.strip():
                    blank = 0
                    yield lineno, part
                else:
                    blank += len(part) + 1
        if blank + len(pending) > limit:
            where = f"{name} line {lineno + 1}"
            raise InputError(
                over_limit(where, blank + len(pending), config) + "; the rest is not read"
            )
    if pending.strip():
        yield lineno + 1, pending


def iter_lines(
    lines: Iterable[tuple[int, bytes]], name: str, config: IngestConfig
) -> Iterator[Parsed | InputError]:
    """Yield (cluster, documents) or an InputError per non-blank line.

    Args:
        lines: (line number, raw line) pairs, e.g. from `numbered_lines`.
        name: the file name, for messages.
        config: holds the size limit (for lines not from `numbered_lines`).

    Returns:
        An iterator; after a line over the limit (or a decompression error) it stops.
    """
    bad = 0
    try:
        for lineno, raw in lines:
            where = f"{name} line {lineno}"
            if len(raw) > config.max_file_bytes:
                yield InputError(over_limit(where, len(raw), config) + "; the rest is not read")
                return
            if bad >= MAX_BAD_LINES_IN_A_ROW:
                yield InputError(
                    f"{where}: the {bad:,} lines before this one could not be read; not a "
                    "cluster JSONL file? the rest is not read"
                )
                return
            bad += 1
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield InputError(f"{where}: not UTF-8 text (byte {exc.start}); save as UTF-8")
                continue
            if not line.strip():
                bad -= 1
                continue
            try:
                parsed = cluster_from_obj(parse_json(line, where), where)
            except InputError as exc:
                yield exc
                continue
            bad = 0
            yield parsed
    except InputError as exc:  # from `numbered_lines`: over the limit
        yield exc
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"{name}: cannot read compressed data ({exc}); check the .gz file")


def open_lines(path: Path, config: IngestConfig) -> Iterator[tuple[int, bytes]]:
    """Yield the numbered non-blank lines of a (possibly gzipped) file, bounded in size.

    Args:
        path: the file; a name ending in .gz is decompressed as it is read.
        config: holds the size limit.

    Returns:
        What `numbered_lines` yields.
    """
    with path.open("rb") as raw:
        if path.name.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as gz:
                yield from numbered_lines(gz, path.name, config, compressed=raw)
        else:
            yield from numbered_lines(raw, path.name, config)


def select(items: Iterable[Parsed | InputError], name: str, cluster_id: str | None) -> Parsed:
    """Pick the cluster with `cluster_id`, or the only one when no id is given.

    Args:
        items: what `iter_lines` yields.
        name: the input's name, for messages.
        cluster_id: the cluster wanted, or None for the only one.

    Returns:
        The cluster and its documents.

    Raises:
        InputError: several clusters and no id, no such id, no clusters, or (when nothing
            matched) the first unreadable line.
    """
    seen: list[str] = []
    first_error: InputError | None = None
    only: Parsed | None = None
    for item in items:
        if isinstance(item, InputError):
            first_error = first_error or item
            continue
        if cluster_id is not None and item[0].id == cluster_id:
            return item
        seen.append(item[0].id)
        only = item
    shown = ", ".join(seen[:IDS_SHOWN]) + (", ..." if len(seen) > IDS_SHOWN else "")
    if cluster_id is None and len(seen) > 1:
        raise InputError(f"{name} holds {len(seen)} clusters; pass --id with one of: {shown}")
    if first_error is not None:
        raise first_error
    if not seen:
        raise InputError(f"{name}: no clusters in the file; add one JSON object per line")
    if cluster_id is not None:
        raise InputError(f"{name}: no cluster with id {cluster_id!r}; available ids: {shown}")
    assert only is not None
    return only


def read_json_file(path: Path, config: IngestConfig) -> Parsed:
    """Read a .json file holding one cluster object.

    Args:
        path: the file.
        config: holds the size limit.

    Returns:
        The cluster and its documents.

    Raises:
        InputError: the file cannot be read, is over the limit, or is not a cluster object.
    """
    raw = read_text_file(path, config)
    if isinstance(raw, Skipped):
        raise InputError(raw.why)
    return cluster_from_obj(parse_json(raw, path.name), path.name)
