"""Render a Summary as one self-contained, accessible HTML report.

The report is a single file: CSS and JavaScript are inlined and whitelisted by their SHA-256
hashes in a Content-Security-Policy meta element (W3C, "Content Security Policy Level 3",
section 8.3 hash sources), so nothing is fetched and no injected script or event handler can
run. Citation markers follow the WAI-ARIA Authoring Practices "disclosure" pattern: each marker
is a button with aria-expanded/aria-controls that reveals the cited span of one source article,
highlighted in its surrounding context with the character offsets recorded in the Summary.
Templates are Jinja2 files shipped in `synopsis/templates` and rendered with autoescaping on,
because article text, titles and URLs are untrusted.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import jinja2

from synopsis.model.errors import InputError
from synopsis.model.types import Analysis, Article, NumberGroup, Source, Summary
from synopsis.render.markdown import display_title, mode_line, timeline_entries

# Characters of context shown either side of a cited span. News sentences average roughly
# 120-140 characters, so 280 shows about two sentences each side: enough to read the claim in
# context without reprinting whole articles in every evidence panel.
CONTEXT_CHARS = 280

# Link schemes rendered as clickable links; anything else (javascript:, data:, file:) is shown
# as plain text so an untrusted URL can never run code or open local files.
SAFE_URL_SCHEMES = ("http", "https")

# Number-group statuses (from synopsis.analyze.numbers) with their own styling; others are shown
# verbatim, unstyled. Groups with status "single" (one source only) are left out of the report.
KNOWN_STATUSES = ("agree", "differ", "revised")

_TEMPLATE = "report.html.j2"
_CSS = "report.css"
_JS = "report.js"


@dataclass(frozen=True)
class Segment:
    """A run of passage text, highlighted when it is part of a cited span."""

    text: str
    marked: bool


@dataclass(frozen=True)
class Passage:
    """A window of an article around one or more cited spans."""

    segments: tuple[Segment, ...]
    cut_before: bool
    cut_after: bool


@dataclass(frozen=True)
class _Citation:
    number: int
    article: Article
    panel_id: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class _SentenceView:
    index: int
    text: str
    citations: tuple[_Citation, ...]


@lru_cache(maxsize=4)
def template_environment(package: str = "synopsis.render") -> jinja2.Environment:
    """The Jinja2 environment over a package's `templates` folder, autoescaping everything.

    Args:
        package: the package whose `templates` folder holds the templates.

    Returns:
        The (cached) environment.
    """
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def asset(name: str) -> str:
    """Return the text of a static asset (CSS or JS) shipped in the templates folder.

    Args:
        name: file name inside `synopsis/templates`, e.g. "report.css".

    Returns:
        The file's text.
    """
    env = template_environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source


def csp_hash(text: str) -> str:
    """Return the CSP hash source ('sha256-...') allowing exactly this inline script or style.

    Args:
        text: the exact content between the <script> or <style> tags.

    Returns:
        The quoted hash source to put in a Content-Security-Policy directive.
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(css: str, js: str | None, *, form_action: str = "'none'") -> str:
    """Return a strict policy that allows only the given inline style and script.

    Args:
        css: the inline stylesheet.
        js: the inline script, or None to forbid scripts.
        form_action: the form-action source list ("'none'" for reports, "'self'" for forms).

    Returns:
        The policy string for a meta element or HTTP header.
    """
    script = csp_hash(js) if js is not None else "'none'"
    return (
        f"default-src 'none'; style-src {csp_hash(css)}; script-src {script}; "
        f"img-src data:; base-uri 'none'; form-action {form_action}"
    )


def page_csp(js: bool) -> str:
    """Return the policy of a page built from the shipped CSS (and, for reports, JS).

    Args:
        js: True for the report (its script is allowed); False for the form page (no script,
            forms may post to the same origin).

    Returns:
        The policy string.
    """
    if js:
        return content_security_policy(asset(_CSS), asset(_JS))
    return content_security_policy(asset(_CSS), None, form_action="'self'")


def safe_url(url: str | None) -> str | None:
    """Return `url` when it is an absolute http(s) link, else None.

    Args:
        url: an untrusted URL from an article.

    Returns:
        The URL, stripped, when its scheme is http or https and it has a host; otherwise None.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return url


def _left_edge(text: str, start: int, context: int) -> tuple[int, bool]:
    """Where a passage before `start` begins, and whether text before it is cut off."""
    lo = max(0, start - context)
    brk = text.rfind("\n", lo, start)
    if brk != -1:
        return brk + 1, False
    if lo == 0:
        return 0, False
    space = text.find(" ", lo, start)
    return (space + 1 if space != -1 else lo), True


def _right_edge(text: str, end: int, context: int) -> tuple[int, bool]:
    """Where a passage after `end` stops, and whether text after it is cut off."""
    hi = min(len(text), end + context)
    brk = text.find("\n", end, hi)
    if brk != -1:
        return brk, False
    if hi == len(text):
        return hi, False
    space = text.rfind(" ", end, hi)
    return (space if space != -1 else hi), True


def passages(
    text: str, spans: Sequence[tuple[int, int]], context: int = CONTEXT_CHARS
) -> tuple[Passage, ...]:
    """Cut the windows of `text` around `spans`, marking the spans.

    Windows reach `context` characters either side of a span but stop at a line break (so a
    passage stays inside its paragraph) and otherwise at a word boundary; overlapping windows
    are merged.

    Args:
        text: the article text the offsets refer to.
        spans: (start, end) character offsets, each with 0 <= start < end <= len(text).
        context: characters of context either side.

    Returns:
        The passages in text order.
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    windows: list[tuple[int, int, bool, bool, list[list[int]]]] = []
    for start, end in merged:
        lo, cut_lo = _left_edge(text, start, context)
        hi, cut_hi = _right_edge(text, end, context)
        if windows and lo <= windows[-1][1]:
            plo, _, pcut_lo, _, pspans = windows[-1]
            windows[-1] = (plo, max(hi, windows[-1][1]), pcut_lo, cut_hi, [*pspans, [start, end]])
        else:
            windows.append((lo, hi, cut_lo, cut_hi, [[start, end]]))
    out: list[Passage] = []
    for lo, hi, cut_lo, cut_hi, wspans in windows:
        segments: list[Segment] = []
        pos = lo
        for start, end in wspans:
            if start > pos:
                segments.append(Segment(text[pos:start], False))
            segments.append(Segment(text[start:end], True))
            pos = end
        if hi > pos:
            segments.append(Segment(text[pos:hi], False))
        out.append(Passage(tuple(segments), cut_lo, cut_hi))
    return tuple(out)


def _check_source(source: Source, articles: dict[str, Article], where: str) -> None:
    """Raise InputError when a source names an unknown article or spans outside its text."""
    article = articles.get(source.article)
    if article is None:
        raise InputError(
            f"{where} cites article {source.article!r}, which is not in summary.articles; "
            "include every cited article in the Summary"
        )
    if not 0 <= source.start < source.end <= len(article.text):
        raise InputError(
            f"{where} cites {source.article!r} at {source.start}:{source.end}, outside its "
            f"{len(article.text)}-character text; offsets must index the cleaned article text"
        )


def _sentence_views(
    summary: Summary, by_id: dict[str, Article], numbers: dict[str, int]
) -> list[_SentenceView]:
    """Group each summary sentence's sources by article and cut their passages."""
    views: list[_SentenceView] = []
    for i, sentence in enumerate(summary.sentences, start=1):
        spans: dict[str, list[tuple[int, int]]] = {}
        for source in sentence.sources:
            _check_source(source, by_id, f"summary sentence {i}")
            spans.setdefault(source.article, []).append((source.start, source.end))
        citations = tuple(
            _Citation(
                number=numbers[aid],
                article=by_id[aid],
                panel_id=f"ev-{i}-{numbers[aid]}",
                passages=passages(by_id[aid].text, article_spans),
            )
            for aid, article_spans in sorted(spans.items(), key=lambda kv: numbers[kv[0]])
        )
        views.append(_SentenceView(i, sentence.text, citations))
    return views


def _status_class(group: NumberGroup) -> str:
    """A CSS class for a number group's status, limited to the known statuses."""
    status = group.status.lower()
    return f"status-{status}" if status in KNOWN_STATUSES else "status-other"


def render_report(summary: Summary) -> str:
    """Render `summary` as one self-contained HTML document.

    Args:
        summary: the result of `synopsis.pipeline.summarize` (or a hand-built Summary).

    Returns:
        The HTML text: inline CSS and JS only, a strict Content-Security-Policy, all article
        text escaped.

    Raises:
        InputError: two articles share an id, or a citation names an unknown article or has
            offsets outside the article text.
    """
    by_id: dict[str, Article] = {}
    for article in summary.articles:
        if article.id in by_id:
            raise InputError(
                f"summary.articles has two articles with id {article.id!r}; ids must be unique"
            )
        by_id[article.id] = article
    numbers = {a.id: n for n, a in enumerate(summary.articles, start=1)}
    analysis = summary.analysis or Analysis()
    for event in analysis.timeline:
        for source in event.sources:
            _check_source(source, by_id, f"timeline event {event.date!r}")
    css, js = asset(_CSS), asset(_JS)
    context: dict[str, Any] = {
        "summary": summary,
        "mode": mode_line(summary),
        "sentences": _sentence_views(summary, by_id, numbers),
        "articles": [(numbers[a.id], a, safe_url(a.url)) for a in summary.articles],
        "numbers": numbers,
        "outlets": {a.id: a.outlet or display_title(a) for a in summary.articles},
        "titles": {a.id: display_title(a) for a in summary.articles},
        "groups": [(g, _status_class(g)) for g in analysis.numbers if g.status != "single"],
        "timeline": timeline_entries(analysis.timeline),
        "entities": analysis.entities,
        "css": css,
        "js": js,
        "csp": content_security_policy(css, js),
    }
    return template_environment().get_template(_TEMPLATE).render(context) + "\n"
