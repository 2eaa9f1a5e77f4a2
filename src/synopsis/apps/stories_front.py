"""The front page of `synopsis stories report`: one entry per story, newest news flagged."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from synopsis.stories.store import StoryInfo

__all__ = ["front_page"]


def front_page(
    entries: Sequence[tuple[StoryInfo, str, str]],
    news: Mapping[int, tuple[int, str]] | None = None,
) -> str:
    """The front page: one entry per story with headline, first sentence, counts, dates, link.

    Args:
        entries: (story, first synopsis sentence, report file name), in display order.
        news: per story id, (articles added since the story's previous synopsis, that
            synopsis's date); a story listed with a count above 0 shows "N new since DATE".

    Returns:
        A self-contained HTML page (inline CSS, no scripts, all text escaped).
    """
    items = []
    for info, sentence, href in entries:
        dates = f"{info.first} – {info.last}" if info.first and info.first != info.last else ""
        dates = dates or (info.first or "undated")
        count, since = (news or {}).get(info.id, (0, ""))
        fresh = f"<p class=new>{count} new since {html.escape(since)}</p>" if count > 0 else ""
        items.append(
            f'<li><h2><a href="{html.escape(href)}">{html.escape(info.headline)}</a></h2>'
            f"{fresh}<p>{html.escape(sentence)}</p><p class=meta>{len(info.articles)} articles · "
            f"{len(info.outlets)} outlets · {html.escape(dates)}</p></li>"
        )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\"><title>Stories</title><style>"
        ":root{color-scheme:light dark;--fg:#1a1a1a;--bg:#fff;--muted:#4a4a4a;--line:#ddd;"
        "--link:#0b4f9c}@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#121212;"
        "--muted:#c4c4c4;--line:#444;--link:#8cc4ff}}"
        "body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);"
        "max-width:48rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}"
        "a{color:var(--link)}ol{list-style:none;padding:0}"
        "li{border-bottom:1px solid var(--line);padding:.5rem 0}"
        "h2{font-size:1.15rem;margin:.2rem 0}.meta{color:var(--muted);font-size:.9rem}"
        ".new{font-weight:600;margin:.1rem 0}"
        "</style></head><body><main><h1>Stories</h1><ol>"
        + "".join(items)
        + "</ol></main></body></html>\n"
    )
