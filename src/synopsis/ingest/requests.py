"""Articles sent to the HTTP service, read like every other input.

The service hands over JSON objects with the fields of its `ArticleIn` model (id, text or html,
title, url, published, outlet). They get the same treatment as files and cluster lines: text
normalized and giant tokens cut, dates normalized to YYYY-MM-DD, HTML extracted by
`synopsis.ingest.html_extract` under the time limit, strings checked for unpaired surrogates,
and ids checked once by `check_unique_ids`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from synopsis.ingest.articles import Item, Pending, article_text, check_string, resolve
from synopsis.ingest.ids import check_unique_ids
from synopsis.model.config import IngestConfig
from synopsis.model.errors import EmptyInputError, InputError
from synopsis.model.types import Article, Skipped
from synopsis.text.dates import normalize_date

DEFAULT_CONFIG = IngestConfig()
# Skip reasons quoted in the "no article has usable text" message.
REASONS_SHOWN = 5
_META = ("title", "url", "published", "outlet")
# The origin of every request article.
ORIGIN = "request"


def _optional(item: Mapping[str, Any], key: str, where: str) -> str | None:
    """An optional string field, checked; None when absent or empty."""
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}.{key} must be a string or null, got {type(value).__name__}")
    return check_string(value, f"{where}.{key}") or None


def request_articles(
    items: Sequence[Mapping[str, Any]],
    config: IngestConfig = DEFAULT_CONFIG,
    *,
    in_process: bool = False,
) -> tuple[list[Article], list[Skipped]]:
    """Turn request articles into Articles, extracting HTML and skipping empty ones.

    Args:
        items: dicts with the fields of the service's `ArticleIn` (id, text or html, title,
            url, published, outlet).
        config: HTML worker count and time limit.
        in_process: extract HTML in this process (the service's workers, which are killed
            at the request deadline themselves) rather than in time-limited subprocesses.

    Returns:
        The usable articles and the skipped ones with the reason, each in request order.

    Raises:
        InputError: an id is empty or repeated, or a field is not a string.
        EmptyInputError: no article has any text.
    """
    ids = []
    for i, item in enumerate(items):
        aid = item.get("id")
        if not isinstance(aid, str):
            raise InputError(f"articles[{i}].id must be a string, got {type(aid).__name__}")
        ids.append(check_string(aid, f"articles[{i}].id"))
    check_unique_ids(ids, "articles")
    pending: list[Item] = []
    for i, (aid, item) in enumerate(zip(ids, items, strict=True)):
        where = f"articles[{i}]"
        meta = {key: _optional(item, key, where) for key in _META}
        meta["published"] = normalize_date(meta["published"])
        text = _optional(item, "text", where)
        html = _optional(item, "html", where)
        art = Article(
            id=aid, text=article_text(text or "", f"request {where}"), origin=ORIGIN, **meta
        )
        if text is None and html and html.strip():
            pending.append(Pending(art, html))
        elif art.text:
            pending.append(art)
        else:
            why = "no text" if text is not None else "no article text found in html"
            pending.append(Skipped(aid, why))
    articles, skipped = resolve(pending, config, in_process=in_process)
    # a request's articles are named by id alone: drop the "request: " origin from reasons
    skipped = [replace(s, why=s.why.removeprefix(f"{ORIGIN}: ")) for s in skipped]
    if not articles:
        reasons = "; ".join(f"{s.article}: {s.why}" for s in skipped[:REASONS_SHOWN])
        raise EmptyInputError(f"no article has usable text ({reasons}); send article text")
    return articles, skipped
