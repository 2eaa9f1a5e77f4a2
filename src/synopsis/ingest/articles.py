"""Turn decoded text into Articles the same way for every input path.

Every reader (files, cluster JSONL, stdin, service requests) decodes bytes with `decode_input`,
finishes article text with `article_text` (normalized, giant tokens cut), checks strings from
JSON with `check_string`, and hands HTML to `resolve`, which extracts it with trafilatura
(Barbaresi, ACL 2021 demos) through `synopsis.ingest.html_extract`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from synopsis.clean.boilerplate import boilerplate_reason
from synopsis.ingest.html_extract import HtmlResult, extract_pages, extract_pages_here
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, Skipped
from synopsis.text.dates import normalize_date
from synopsis.text.decode import decode_bytes
from synopsis.text.tokens import JOINERS, PRINTS_NOTHING

log = logging.getLogger("synopsis")

# A run of non-space characters longer than this is not a word a summary can use: it is a
# pasted blob (base64, minified script, a hostile 20 MB "word"). The longest tokens in DUC 2004
# (33 characters), DUC 2007 main (49), Multi-News dev (89) and the examples (87) are URLs; 1,000
# leaves room for long tracking URLs while keeping one token from dominating time, memory or the
# summary.
MAX_TOKEN_CHARS = 1_000
_GIANT_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
# Characters that print nothing (`synopsis.text.tokens.PRINTS_NOTHING`), which web pages leave
# inside and between words ("the\u200bir team", "\u200bKrystal C.",
# "State Sen. Diane Savino \u200b(D-SI) \u200bapplauded" in Multi-News dev 5480). Left in, they cut
# a word in two for the tokenizer, and every stage reads "the" and "ir" or misses a name. A
# zero-width joiner or non-joiner goes only beside a space or an ASCII character: between two
# letters of a script that writes them (Persian, the Indic scripts) or inside an emoji sequence
# it is part of the spelling.
_INVISIBLE = re.compile(
    "[" + "".join(c for c in PRINTS_NOTHING if c not in JOINERS) + "]"
    f"|[{JOINERS}](?=[\x00-\x7f])|(?<=[\x00-\x7f])[{JOINERS}]"
)

# A first line counts as a headline when it is short and does not end like a sentence. 25 words /
# 200 characters cover the longest headlines in the Multi-News dev set and the shared example
# while rejecting lead paragraphs (which run to 30+ words and end with a period).
HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
HEADLINE_MIN_WORDS = 3
# Lines looked at for a headline; the ones before it must all be boilerplate (login prompts).
HEADLINE_LINES_SCANNED = 6
_DATE_IN_LINE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\b"
)
_DATE_CUE = re.compile(r"\b(?:published|posted|updated|by)\b|\|", re.I)
# Byline/dateline lines carrying the publication date sit in the first few lines of a page.
DATE_LINES_SCANNED = 8


def normalize_text(text: str) -> str:
    """Normalize line ends to LF, Unicode to NFC, and strip trailing whitespace per line.

    Args:
        text: raw decoded text.

    Returns:
        The text without a BOM or any other character that prints nothing in Latin text (see
        `_INVISIBLE`), with LF line ends, NFC-normalized, without trailing whitespace on any line
        and without leading or trailing blank lines.
    """
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _published_from_text(text: str) -> str | None:
    """The date of a short byline/dateline line near the top ('Published: March 3, 2026')."""
    lines = [line for line in text.split("\n") if line.strip()][:DATE_LINES_SCANNED]
    for line in lines:
        if len(line.split()) <= HEADLINE_MAX_WORDS and _DATE_CUE.search(line):
            for m in _DATE_IN_LINE.finditer(line):
                if date := normalize_date(m[0]):
                    return date
    return None


@dataclass(frozen=True)
class Pending:
    """An article whose text is still HTML to extract."""

    article: Article
    html: str


Item = Article | Pending | Skipped


def decode_input(data: bytes) -> str | None:
    """Decode bytes as UTF-8 when they are UTF-8 with at most a few stray bytes, else guess.

    A file whose valid multi-byte UTF-8 characters outnumber its invalid bytes is UTF-8 with
    damage (a truncated copy, one stray Latin-1 byte): the bad bytes become U+FFFD instead of the
    whole file turning into mojibake under a guessed code page. A Latin-1 or cp1252 file almost
    never holds a valid UTF-8 multi-byte sequence (it would need a letter such as "Ã" followed by
    a C1 control or symbol), so those still go to charset detection.

    Args:
        data: the raw bytes of a file, upload or stdin.

    Returns:
        The text, or None for binary or undecodable data.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return decode_bytes(data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd")
    bad = replaced - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - replaced  # valid non-ASCII
    if 0 < bad <= good:
        return text
    return decode_bytes(data)


def check_string(value: str, where: str) -> str:
    """Reject a string that cannot be written as UTF-8 (an unpaired surrogate from JSON).

    Args:
        value: a string read from JSON.
        where: the field, for the message.

    Returns:
        The value unchanged.

    Raises:
        InputError: the value holds an unpaired surrogate such as the escape "\\ud800".
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ord(value[exc.start])
        raise InputError(
            f"{where} holds the unpaired surrogate escape \\u{bad:04x}, which is not a "
            "character; fix the JSON escape or remove it"
        ) from None
    return value


def article_text(text: str, origin: str) -> str:
    """Normalize article text and cut tokens over MAX_TOKEN_CHARS (logged, naming `origin`).

    Args:
        text: decoded text.
        origin: where it came from, for the warning.

    Returns:
        The normalized text without giant tokens.
    """
    text = normalize_text(text)
    if _GIANT_TOKEN.search(text):
        cut = len(_GIANT_TOKEN.findall(text))
        log.warning(
            "%s: removed %d token(s) over %d characters with no spaces (not words)",
            origin,
            cut,
            MAX_TOKEN_CHARS,
        )
        text = normalize_text(_GIANT_TOKEN.sub("", text))
    return text


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


_GLUED_PREFIX = re.compile(r"[a-z]+(?: [a-z]+)+(?=[A-Z])")


def headline(text: str) -> str | None:
    """The first headline-like line before the body, skipping login prompts and the like.

    Args:
        text: normalized article text.

    Returns:
        The headline, or None when the text does not start with one.
    """
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


def article_from_text(aid: str, raw: str, markdown: bool, origin: str) -> Article | Skipped:
    """Build an Article from decoded plain-text or markdown content.

    Args:
        aid: the article id.
        raw: decoded text.
        markdown: strip markdown syntax and read front matter first.
        origin: where the text came from (a path, "stdin article 2").

    Returns:
        The article with headline and dates found in the text, or why it is skipped.
    """
    meta: dict[str, str] = {}
    if markdown:
        raw, meta = _markdown_to_text(raw)
    text = article_text(raw, origin)
    if not text:
        return Skipped(
            aid,
            f"{origin}: no text left after removing markup and tokens over "
            f"{MAX_TOKEN_CHARS} characters",
        )
    return Article(
        id=aid,
        text=text,
        title=_meta_field(meta, "title", "headline") or headline(text),
        url=_meta_field(meta, "url", "link", "canonical"),
        published=normalize_date(_meta_field(meta, "published", "date"))
        or _published_from_text(text),
        outlet=_meta_field(meta, "outlet", "source", "publisher", "site", "sitename"),
        origin=origin,
    )


def _merge_html(item: Pending, res: HtmlResult) -> Article | Skipped:
    """The article with what trafilatura found, or why the page was not used."""
    art = item.article
    text = article_text(res.text or "", art.origin or art.id)
    if not text:
        return Skipped(art.id, f"{art.origin}: {res.error or 'no article text found in html'}")
    return replace(
        art,
        text=text,
        title=art.title or res.title,
        url=art.url or res.url,
        published=art.published or normalize_date(res.published),
        outlet=art.outlet or res.outlet,
    )


def resolve(
    items: Sequence[Item], config: IngestConfig, *, in_process: bool = False
) -> tuple[list[Article], list[Skipped]]:
    """Extract the pending HTML pages (keeping input order); split articles from skipped.

    Args:
        items: articles, pages still to extract, and skipped inputs, in input order.
        config: HTML worker count and time limit.
        in_process: extract in this process (`extract_pages_here`), for a caller that is a
            worker process with a deadline of its own.

    Returns:
        The usable articles and the skipped inputs, each in input order.

    Raises:
        DependencyError: there are pages and trafilatura is not installed.
    """
    pages = [x.html for x in items if isinstance(x, Pending)]
    if not pages:
        found: list[HtmlResult] = []
    elif in_process:
        found = extract_pages_here(pages)
    else:
        found = extract_pages(pages, config)
    done = iter(found)
    out = [_merge_html(x, next(done)) if isinstance(x, Pending) else x for x in items]
    return [a for a in out if isinstance(a, Article)], [a for a in out if isinstance(a, Skipped)]
