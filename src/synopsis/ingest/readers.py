"""Read articles from folders, files, cluster JSONL(.gz) and stdin into one `Cluster`.

HTML pages go through trafilatura (Barbaresi, "Trafilatura: A Web Scraping Library and
Command-Line Tool for Text Discovery and Extraction", ACL 2021 demos) in worker processes, so
that a page that makes the extractor hang can be given up after `IngestConfig.html_timeout`.
The plain-text stdin format follows the original Multi-News release (Fabbri et al., ACL 2019):
articles separated by `|||||`, line breaks optionally written as `NEWLINE_CHAR`.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import logging
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from synopsis.clean.boilerplate import boilerplate_reason
from synopsis.ingest.html_extract import HtmlResult, extract_pages
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, Cluster, Skipped

__all__ = [
    "ARTICLE_SUFFIXES",
    "iter_clusters",
    "load_inputs",
    "normalize_date",
    "normalize_text",
    "read_clusters",
]

log = logging.getLogger("synopsis")

DEFAULT_CONFIG = IngestConfig()

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
CLUSTER_SUFFIXES = (".jsonl", ".jsonl.gz", ".json")
MULTINEWS_SEPARATOR = re.compile(r"[ \t]*\|\|\|\|\|[ \t]*\n?")

# A first line counts as a headline when it is short and does not end like a sentence. 25 words /
# 200 characters cover the longest headlines in the Multi-News dev set and the shared example
# while rejecting lead paragraphs (which run to 30+ words and end with a period).
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
HEADLINE_MIN_WORDS = 3
# Lines looked at for a headline; the ones before it must all be boilerplate (login prompts).
HEADLINE_LINES_SCANNED = 6
# Ids listed in the "pass --id" error message; enough to recognise the file without flooding.
IDS_SHOWN = 5

# fmt: off
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# fmt: on
_DATE_IN_LINE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\b"
)
_DATE_CUE = re.compile(r"\b(?:published|posted|updated|by)\b|\|", re.I)
# Byline/dateline lines carrying the publication date sit in the first few lines of a page.
DATE_LINES_SCANNED = 8
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)")
_MDY_DATE = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY_DATE = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def normalize_text(text: str) -> str:
    """Normalize line ends to LF, Unicode to NFC, and strip trailing whitespace per line.

    Args:
        text: raw decoded text.

    Returns:
        The text without a BOM, with LF line ends, NFC-normalized, without trailing whitespace on
        any line and without leading or trailing blank lines.
    """
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _month(word: str) -> int:
    """Month number for a month name or its abbreviation ("Sept", "Mar"), else 0."""
    w = word.lower()
    return next((i for i, m in enumerate(_MONTHS, 1) if len(w) >= 3 and m.startswith(w)), 0)


def normalize_date(value: str | None) -> str | None:
    """Return a date as YYYY-MM-DD when it can be parsed, else None.

    Args:
        value: a date such as "2026-03-03T10:00:00Z", "March 3, 2026" or "3 Mar 2026".

    Returns:
        The ISO calendar date, or None when `value` is empty or not a recognisable date.
    """
    if not value or not isinstance(value, str):
        return None
    parts: tuple[int, int, int] | None = None
    if m := _ISO_DATE.match(value):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif (m := _MDY_DATE.match(value)) and _month(m[1]):
        parts = (int(m[3]), _month(m[1]), int(m[2]))
    elif (m := _DMY_DATE.match(value)) and _month(m[2]):
        parts = (int(m[3]), _month(m[2]), int(m[1]))
    if parts is None:
        return None
    try:
        return _dt.date(*parts).isoformat()
    except ValueError:
        return None


def _published_from_text(text: str) -> str | None:
    """The date of a short byline/dateline line near the top ('Published: March 3, 2026')."""
    lines = [line for line in text.split("\n") if line.strip()][:DATE_LINES_SCANNED]
    for line in lines:
        if len(line.split()) <= HEADLINE_MAX_WORDS and _DATE_CUE.search(line):
            for m in _DATE_IN_LINE.finditer(line):
                if date := normalize_date(m[0]):
                    return date
    return None


def _headline_like(line: str) -> bool:
    """Short, several words, and not ending like a sentence."""
    words = line.split()
    return (
        HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS
        and len(line) <= HEADLINE_MAX_CHARS
        and line[-1] not in ".,;:!?…)]\"'”"
        and not re.search(r"[.!?]\s+[A-Z]", line)
        and "http" not in line
        and "@" not in line
    )


def _headline(text: str) -> str | None:
    """The first headline-like line before the body, skipping login prompts and the like."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines[:HEADLINE_LINES_SCANNED]):
        if boilerplate_reason(line) is None:
            if not (_headline_like(line) and n < len(lines) - 1):
                return None
            # Scraped alt text glued to the headline ("article imageIS loses towns") is dropped:
            # a headline starts with a capital, so a lowercase prefix up to one is not part of it.
            glued = _GLUED_PREFIX.match(line)
            return line[glued.end() :] if glued else line
    return None


_GLUED_PREFIX = re.compile(r"[a-z]+(?: [a-z]+)+(?=[A-Z])")


_MD_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
# Light markdown stripping, applied in order: reference definitions, rules, images, links,
# headings, block quotes, inline code, emphasis.
_MD_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.M), ""),
    (re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),
    (re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),
    (_MD_HEADING, r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"\n\s*\n(\s*\n)+"), "\n\n"),
)


def _markdown_to_text(text: str) -> tuple[str, dict[str, str]]:
    """Strip markdown syntax lightly; return the text and front-matter fields."""
    meta: dict[str, str] = {}
    if m := _MD_FRONT.match(text):
        for line in m[1].split("\n"):
            key, sep, value = line.partition(":")
            if sep and value.strip():
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[m.end() :]
    if (heading := _MD_HEADING.search(text)) and "title" not in meta:
        meta["title"] = heading[1]
    for pattern, repl in _MD_SUBS:
        text = pattern.sub(repl, text)
    return text, meta


def _meta_field(meta: dict[str, str], *keys: str) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _decode(data: bytes) -> str | None:
    """Decode bytes as UTF-8 (BOM allowed), UTF-16 with BOM, else charset-normalizer's guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    # Single-byte Latin code pages often tie; like browsers (WHATWG), prefer windows-1252.
    for match in results:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and match.encoding == "cp1252":
            return str(match)
    return str(best)


def _read_file(path: Path, config: IngestConfig) -> str | Skipped:
    """Read and decode one file, or say why it cannot be used."""
    aid = path.stem
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Skipped(aid, f"{path}: cannot read file ({exc.strerror or exc})")
    if size > config.max_file_bytes:
        return Skipped(
            aid,
            f"{path}: file is {size:,} bytes, over the limit of {config.max_file_bytes:,} bytes "
            "(raise the limit with --max-file-mb to read it)",
        )
    if size == 0:
        return Skipped(aid, f"{path}: empty file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(aid, f"{path}: cannot read file ({exc.strerror or exc})")
    text = _decode(data)
    if text is None:
        return Skipped(aid, f"{path}: binary or undecodable file, not text")
    if not text.strip():
        return Skipped(aid, f"{path}: file has only whitespace")
    return text


@dataclass(frozen=True)
class _Pending:
    """An article whose text is still HTML to extract."""

    article: Article
    html: str


_Item = Article | _Pending | Skipped


def _article_from_text(aid: str, raw: str, suffix: str, origin: str) -> Article | Skipped:
    """Build an Article from decoded plain-text or markdown file content."""
    meta: dict[str, str] = {}
    if suffix in (".md", ".markdown"):
        raw, meta = _markdown_to_text(raw)
    text = normalize_text(raw)
    if not text:
        return Skipped(aid, f"{origin}: no text after removing markup")
    title = _meta_field(meta, "title", "headline") or _headline(text)
    return Article(
        id=aid,
        text=text,
        title=title,
        url=_meta_field(meta, "url", "link", "canonical"),
        published=normalize_date(_meta_field(meta, "published", "date"))
        or _published_from_text(text),
        outlet=_meta_field(meta, "outlet", "source", "publisher", "site", "sitename"),
        origin=origin,
    )


def _read_article_file(path: Path, config: IngestConfig) -> _Item:
    """Read one article file of a supported kind."""
    raw = _read_file(path, config)
    if isinstance(raw, Skipped):
        return raw
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _Pending(Article(id=path.stem, text="", origin=str(path)), raw)
    return _article_from_text(path.stem, raw, suffix, str(path))


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
    return value


def _cluster_from_obj(obj: Any, where: str) -> tuple[Cluster, list[_Item]]:
    """Validate one cluster object into (cluster without articles, its documents in order).

    `where` prefixes messages, e.g. 'clusters.jsonl line 3'.
    """
    if not isinstance(obj, dict):
        raise InputError(
            f'{where}: expected a JSON object with "id" and "documents", got a {type(obj).__name__}'
        )
    cid = obj.get("id")
    if not isinstance(cid, str) or not cid.strip():
        raise InputError(f'{where}: "id" must be a non-empty string')
    docs = obj.get("documents")
    if not isinstance(docs, list) or not docs:
        raise InputError(f'{where}: "documents" must be a non-empty list of objects')
    refs = obj.get("references") or []
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        raise InputError(f'{where}: "references" must be a list of strings')
    items: list[_Item] = []
    for n, doc in enumerate(docs):
        at = f"{where}: documents[{n}]"
        if not isinstance(doc, dict):
            raise InputError(f"{at} must be an object, got {type(doc).__name__}")
        did = _str_field(doc, "id", at, required=True) or ""
        text = _str_field(doc, "text", at, required=True) or ""
        html = _str_field(doc, "html", at)
        art = Article(
            id=did,
            text=normalize_text(text),
            title=_str_field(doc, "title", at),
            url=_str_field(doc, "url", at),
            published=normalize_date(_str_field(doc, "published", at)),
            outlet=_str_field(doc, "outlet", at),
            origin=f"{where} documents[{n}]",
        )
        if not art.text and html and html.strip():
            items.append(_Pending(art, html))
        else:
            items.append(art if art.text else Skipped(did, f"{at} has empty text"))
    refs = tuple(normalize_text(r) for r in refs if r.strip())
    return Cluster(id=cid, articles=(), references=refs), items


def _iter_lines(
    lines: Iterable[bytes], name: str
) -> Iterator[tuple[Cluster, list[_Item]] | InputError]:
    """Yield (cluster, documents) or an InputError per non-blank line."""
    try:
        for lineno, raw in enumerate(lines, start=1):
            where = f"{name} line {lineno}"
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield InputError(f"{where}: not UTF-8 text (byte {exc.start}); save as UTF-8")
                continue
            if not line.strip():
                continue
            try:
                yield _cluster_from_obj(json.loads(line), where)
            except json.JSONDecodeError as exc:
                yield InputError(
                    f"{where}: invalid JSON ({exc.msg} at column {exc.colno}); fix or remove it"
                )
            except InputError as exc:
                yield exc
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"{name}: cannot read compressed data ({exc}); check the .gz file")


def _open_lines(path: Path) -> Iterator[bytes]:
    """Yield the raw lines of a (possibly gzipped) file without loading it whole."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from fh


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")


def _resolve(items: Sequence[_Item], config: IngestConfig) -> tuple[list[Article], list[Skipped]]:
    """Extract the pending HTML pages (keeping input order); split articles from skipped."""
    pages = [x.html for x in items if isinstance(x, _Pending)]
    done = iter(extract_pages(pages, config) if pages else [])
    out = [_merge_html(x, next(done)) if isinstance(x, _Pending) else x for x in items]
    return [a for a in out if isinstance(a, Article)], [a for a in out if isinstance(a, Skipped)]


def iter_clusters(
    path: str, *, config: IngestConfig = DEFAULT_CONFIG
) -> Iterator[Cluster | InputError]:
    """Stream the clusters of a JSONL or JSONL.gz file, one per line.

    Args:
        path: the cluster file.
        config: ingest settings (used for documents given as "html").

    Returns:
        An iterator yielding a Cluster per valid line and an InputError (naming the file, the
        line number and what is wrong) per invalid line; blank lines are ignored.

    Raises:
        InputError: the file does not exist.
    """
    p = Path(path)
    _check_exists(p)
    for item in _iter_lines(_open_lines(p), p.name):
        if isinstance(item, InputError):
            yield item
        else:
            articles, skipped = _resolve(item[1], config)
            yield replace(item[0], articles=tuple(articles), skipped=tuple(skipped))


def read_clusters(path: str, *, config: IngestConfig = DEFAULT_CONFIG) -> list[Cluster]:
    """Read every cluster of a JSONL or JSONL.gz file.

    Args:
        path: the cluster file.
        config: ingest settings.

    Returns:
        The clusters in file order.

    Raises:
        InputError: the file does not exist or a line is invalid (the first such line).
    """
    out: list[Cluster] = []
    for item in iter_clusters(path, config=config):
        if isinstance(item, InputError):
            raise item
        out.append(item)
    return out


def _select(
    items: Iterable[tuple[Cluster, list[_Item]] | InputError],
    name: str,
    cluster_id: str | None,
) -> tuple[Cluster, list[_Item]]:
    """Pick the cluster with `cluster_id`, or the only one when no id is given."""
    seen: list[str] = []
    first_error: InputError | None = None
    only: tuple[Cluster, list[_Item]] | None = None
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


def _read_stdin(stream: TextIO, cluster_id: str | None) -> tuple[Cluster, list[_Item], bool]:
    """Read stdin: one JSON cluster (or JSONL) or Multi-News style text; True when JSON."""
    text = stream.read()
    if not text.strip():
        raise InputError("stdin is empty; pipe articles separated by a '|||||' line, or JSON")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError:
            lines = (line.encode("utf-8") for line in stripped.splitlines())
            return (*_select(_iter_lines(lines, "stdin"), "stdin", cluster_id), True)
        return (*_cluster_from_obj(obj, "stdin"), True)
    items: list[_Item] = []
    for n, part in enumerate(MULTINEWS_SEPARATOR.split(text), start=1):
        body = normalize_text(part.replace("NEWLINE_CHAR", "\n"))
        origin = f"stdin article {n}"
        art = Article(id=str(n), text=body, title=_headline(body), origin=origin)
        items.append(art if body else Skipped(str(n), f"{origin} is empty"))
    return Cluster(id="stdin", articles=()), items, False


def _merge_html(item: _Pending, res: HtmlResult) -> Article | Skipped:
    """The article with what trafilatura found, or why the page was not used."""
    art = item.article
    text = normalize_text(res.text or "")
    if not text:
        return Skipped(art.id, f"{art.origin}: {res.error or 'no article text found in the HTML'}")
    return replace(
        art,
        text=text,
        title=art.title or res.title,
        url=art.url or res.url,
        published=art.published or normalize_date(res.published),
        outlet=art.outlet or res.outlet,
    )


def _read_folder(folder: Path, config: IngestConfig) -> list[_Item]:
    """Read every article file in a folder, sorted by name; say why other entries are skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(f"{folder}: cannot list folder ({exc.strerror or exc})") from None
    items: list[_Item] = []
    for entry in entries:
        if entry.is_dir():
            items.append(Skipped(entry.name, f"{entry}: subfolder, not read"))
        elif entry.suffix.lower() not in ARTICLE_SUFFIXES:
            items.append(
                Skipped(entry.stem, f"{entry}: not an article file (use .txt, .md, .html)")
            )
        else:
            items.append(_read_article_file(entry, config))
    if not any(e.is_file() and e.suffix.lower() in ARTICLE_SUFFIXES for e in entries):
        raise InputError(
            f"{folder}: folder has no article files (.txt, .md, .html, .htm); "
            "put one article per file"
        )
    return items


def _unique_ids(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Rename repeated article ids deterministically: a, a-2, a-3, ..."""
    used: set[str] = set()
    out: list[Article] = []
    for art in articles:
        aid, n = art.id, 1
        while aid in used:
            n += 1
            aid = f"{art.id}-{n}"
        used.add(aid)
        out.append(art if aid == art.id else replace(art, id=aid))
    return tuple(out)


def _read_path(
    raw_path: str, cluster_id: str | None, config: IngestConfig, stdin: TextIO | None
) -> tuple[str, list[_Item], tuple[str, ...], bool]:
    """Read one input: its name, its documents, its references, and whether it was a cluster."""
    if raw_path == "-":
        cluster, items, is_json = _read_stdin(stdin or sys.stdin, cluster_id)
        return cluster.id, items, cluster.references, is_json
    path = Path(raw_path)
    _check_exists(path)
    lower = path.name.lower()
    if path.is_dir():
        return path.resolve().name or str(path), _read_folder(path, config), (), False
    if lower.endswith(ARTICLE_SUFFIXES):
        return path.stem, [_read_article_file(path, config)], (), False
    if not lower.endswith(CLUSTER_SUFFIXES):
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; use .txt, .md, "
            ".html, .htm, .jsonl, .jsonl.gz or - for stdin"
        )
    if lower.endswith(".json"):
        cluster, items = _read_json_file(path, config)
    else:
        cluster, items = _select(_iter_lines(_open_lines(path), path.name), path.name, cluster_id)
    return cluster.id, items, cluster.references, True


def load_inputs(
    paths: Sequence[str],
    *,
    cluster_id: str | None = None,
    config: IngestConfig = DEFAULT_CONFIG,
    stdin: TextIO | None = None,
) -> Cluster:
    """Read folders, article files, cluster files and stdin ("-") into one Cluster.

    Args:
        paths: inputs; a folder (one article per .txt/.md/.html file), article files, a cluster
            .jsonl/.jsonl.gz/.json file, or "-" for stdin.
        cluster_id: which cluster to take from a cluster file with several; when no cluster
            file is given it names the resulting cluster.
        config: ingest settings.
        stdin: stream to read for "-" (default: sys.stdin).

    Returns:
        The cluster; its id is the folder name, file stem or cluster id ("+"-joined for several
        inputs), and `skipped` lists every input not used with the reason.

    Raises:
        InputError: no inputs, a path does not exist, a folder has no article files, a cluster
            file line is invalid or ambiguous, the id is not found, or stdin is empty.
    """
    if not paths:
        raise InputError("no input given; pass a folder, article files, a .jsonl file or -")
    names: list[str] = []
    items: list[_Item] = []
    refs: list[str] = []
    from_cluster = False
    for raw_path in paths:
        name, got, more_refs, is_cluster = _read_path(raw_path, cluster_id, config, stdin)
        names.append(name)
        items.extend(got)
        refs.extend(more_refs)
        from_cluster = from_cluster or is_cluster
    articles, skipped = _resolve(items, config)
    for s in skipped:
        log.warning("skipped %s: %s", s.article, s.why)
    kept = _unique_ids(articles)
    cid = "+".join(dict.fromkeys(names)) if names else "cluster"
    if cluster_id is not None and not from_cluster:
        cid = cluster_id
    return Cluster(id=cid, articles=kept, references=tuple(refs), skipped=tuple(skipped))


def _read_json_file(path: Path, config: IngestConfig) -> tuple[Cluster, list[_Item]]:
    """Read a .json file holding one cluster object."""
    raw = _read_file(path, config)
    if isinstance(raw, Skipped):
        raise InputError(raw.why)
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path.name}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    return _cluster_from_obj(obj, path.name)
