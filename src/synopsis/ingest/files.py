"""Read article files and folders: size limit, decoding, one article per file."""

from __future__ import annotations

from pathlib import Path

from synopsis.ingest.articles import Item, Pending, article_from_text, decode_input
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, Skipped

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def over_limit(what: str, size: int, config: IngestConfig) -> str:
    """The message for an input over `config.max_file_bytes` (one line, says what to do).

    Args:
        what: the input ("notes.txt", "stdin", "clusters.jsonl.gz line 3").
        size: its size in bytes, or a lower bound on it.
        config: holds the limit.

    Returns:
        The message.
    """
    return (
        f"{what}: input is {size:,} bytes or more, over the limit of {config.max_file_bytes:,} "
        "bytes (raise the limit with --max-file-mb to read it)"
    )


def read_text_file(path: Path, config: IngestConfig) -> str | Skipped:
    """Read and decode one file, or say why it cannot be used.

    Args:
        path: the file.
        config: holds the size limit.

    Returns:
        The decoded text, or the Skipped entry naming the file and the reason.
    """
    aid = path.stem
    try:
        with path.open("rb") as fh:
            # read one byte past the limit: st_size lies for /proc files, FIFOs and devices
            data = fh.read(config.max_file_bytes + 1)
    except OSError as exc:
        return Skipped(aid, f"{path}: cannot read file ({exc.strerror or exc})")
    if len(data) > config.max_file_bytes:
        try:
            size = max(path.stat().st_size, len(data))
        except OSError:
            size = len(data)
        return Skipped(aid, over_limit(str(path), size, config))
    if not data:
        return Skipped(aid, f"{path}: empty file")
    text = decode_input(data)
    if text is None:
        return Skipped(aid, f"{path}: binary or undecodable file, not text")
    if not text.strip():
        return Skipped(aid, f"{path}: file has only whitespace")
    return text


def read_article_file(path: Path, config: IngestConfig) -> Item:
    """Read one article file of a supported kind (.txt, .md, .markdown, .html, .htm).

    Args:
        path: the file.
        config: holds the size limit.

    Returns:
        The article, the page still to extract, or why the file is skipped.
    """
    raw = read_text_file(path, config)
    if isinstance(raw, Skipped):
        return raw
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return Pending(Article(id=path.stem, text="", origin=str(path)), raw)
    return article_from_text(path.stem, raw, suffix in MARKDOWN_SUFFIXES, str(path))


def read_folder(folder: Path, config: IngestConfig) -> list[Item]:
    """Read every article file in a folder, sorted by name; say why other entries are skipped.

    Args:
        folder: the folder.
        config: holds the size limit.

    Returns:
        One item per entry, in name order.

    Raises:
        InputError: the folder cannot be listed or has no article files.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"{folder}: cannot list folder ({exc.strerror or exc})") from None
    items: list[Item] = []
    for entry in entries:
        if entry.is_dir():
            items.append(Skipped(entry.name, f"{entry}: subfolder, not read"))
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES:
            items.append(
                Skipped(entry.stem, f"{entry}: not an article file (use .txt, .md, .html)")
            )
        else:
            items.append(read_article_file(entry, config))
    if not any(e.is_file() and e.suffix.lower() in ARTICLE_SUFFIXES for e in entries):
        raise InputError(
            f"{folder}: folder has no article files (.txt, .md, .html, .htm); "
            "put one article per file"
        )
    return items
