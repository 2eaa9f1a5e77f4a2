"""`synopsis stories`: add articles to a story store, list stories, show one, write a front page."""

from __future__ import annotations

import gzip
import json
import logging
import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import click

from synopsis.apps.files import write_stdout, write_text_atomic
from synopsis.apps.stories_front import front_page
from synopsis.apps.stories_update import show_new
from synopsis.model.config import IngestConfig, SummarizerConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, Summary
from synopsis.stories.store import StoryInfo, StoryStore

log = logging.getLogger("synopsis")

# Articles per store transaction in `stories add`: large enough that a 15,000-article backlog
# takes a few dozen commits, small enough that the progress bar moves and an interrupted run
# keeps what it already committed.
ADD_CHUNK = 500
# Longest line of an article JSONL file (bytes): a long article with its HTML fits in 20 MB.
MAX_LINE_BYTES = 20_000_000
# Stories given a page of their own by `stories report` (biggest and newest first).
REPORT_LIMIT = 200
DEFAULT_DB = "stories.db"


def open_store(db: str | None, db_url: str | None) -> StoryStore:
    """Open the store named by --db-url, else --db, else $SYNOPSIS_STORIES_DB, else stories.db.

    Args:
        db: a SQLite file path, or None.
        db_url: a postgresql:// URL, or None.

    Returns:
        The open store.

    Raises:
        InputError: both were given, or the store cannot be opened.
    """
    if db and db_url:
        raise InputError("give --db or --db-url, not both")
    if db_url and not db_url.startswith(("postgresql://", "postgres://")):
        raise InputError(f"--db-url {db_url!r}: must start with postgresql://")
    return StoryStore(db_url or db or os.environ.get("SYNOPSIS_STORIES_DB") or DEFAULT_DB)


def _first_json_line(path: Path) -> Any:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for raw in fh:
            if raw.strip():
                try:
                    return json.loads(raw[:MAX_LINE_BYTES])
                except ValueError:
                    return None
    return None


def _article_jsonl(path: Path, config: IngestConfig) -> Iterator[list[Article]]:
    """Read a file of one article object a line; yield chunks of articles."""
    from synopsis.ingest.requests import request_articles

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    chunk: list[dict[str, Any]] = []
    with opener(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE_BYTES:
                raise InputError(
                    f"{path}:{number}: line is over {MAX_LINE_BYTES} bytes; split the article"
                )
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                raise InputError(f"{path}:{number}: not JSON ({exc}); one article a line") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}:{number}: expected a JSON object with id and text")
            chunk.append(obj)
            if len(chunk) >= ADD_CHUNK:
                yield request_articles(chunk, config)[0]
                chunk = []
    if chunk:
        yield request_articles(chunk, config)[0]


FEED_SUFFIXES = (".rss", ".atom", ".xml")
# Feed and page fetches: seconds before giving up, and the most bytes read.
FETCH_TIMEOUT_S = 20.0
MAX_FETCH_BYTES = 10_000_000
# A feed entry whose own text has fewer words than this is a teaser: its page is fetched.
FULL_TEXT_WORDS = 150


def is_feed(path: str) -> bool:
    """True for an http(s) URL or a .rss/.atom/.xml file."""
    return path.startswith(("http://", "https://")) or path.lower().endswith(FEED_SUFFIXES)


def fetch(url: str) -> bytes:
    """GET `url` with a time limit and a size limit.

    Args:
        url: an http(s) URL.

    Returns:
        The body.

    Raises:
        InputError: the fetch failed, timed out or the body is over MAX_FETCH_BYTES.
    """
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "synopsis-stories/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            body: bytes = response.read(MAX_FETCH_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc}); check the address") from exc
    if len(body) > MAX_FETCH_BYTES:
        raise InputError(f"{url}: more than {MAX_FETCH_BYTES} bytes; not read")
    return body


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a line break at each block element."""

    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML fragment (paragraphs on their own lines).

    Args:
        fragment: the entry's content or summary HTML.

    Returns:
        Its text, whitespace tidied.
    """
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read_feed(path: str, config: IngestConfig) -> list[Article]:
    """The entries of an RSS/Atom feed (file or URL) as articles.

    Entry title, link, date and the feed's title as outlet; the entry's own HTML as text when it
    carries the full article, otherwise the linked page fetched and extracted like HTML input.

    Args:
        path: a feed file or an http(s) URL.
        config: ingest settings (HTML extraction).

    Returns:
        The articles (entries without usable text are skipped with a warning).

    Raises:
        InputError: the feed cannot be read or parsed.
        DependencyError: feedparser is not installed.
    """
    import time

    from synopsis.ingest.requests import request_articles
    from synopsis.model.errors import DependencyError

    try:
        import feedparser
    except ImportError as exc:
        raise DependencyError("feeds need feedparser; pip install 'synopsis[stories]'") from exc
    if path.startswith(("http://", "https://")):
        data = fetch(path)
    else:
        file = Path(path)
        if not file.is_file():
            raise InputError(f"{path}: no such feed file")
        if file.stat().st_size > MAX_FETCH_BYTES:
            raise InputError(f"{path}: feed over {MAX_FETCH_BYTES} bytes; not read")
        data = file.read_bytes()
    feed = feedparser.parse(data)
    if feed.get("bozo") and not feed.entries:
        raise InputError(f"{path}: not an RSS or Atom feed ({feed.get('bozo_exception')})")
    outlet = feed.feed.get("title") or None
    items: list[dict[str, Any]] = []
    for n, entry in enumerate(feed.entries):
        link = entry.get("link")
        fragment = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        body: dict[str, str] = {"text": fragment_text(fragment)}
        if len(body["text"].split()) < FULL_TEXT_WORDS and link:
            try:
                body = {"html": fetch(link).decode("utf-8", "replace")}
            except InputError as exc:
                log.warning("%s", exc)
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(
            {
                "id": entry.get("id") or link or f"{path}#{n + 1}",
                **body,
                "title": entry.get("title"),
                "url": link,
                "published": time.strftime("%Y-%m-%d", stamp) if stamp else None,
                "outlet": outlet,
            }
        )
    if not items:
        return []
    articles, skipped = request_articles(items, config)
    for s in skipped:
        log.warning("skipped %s: %s", s.article, s.why)
    return articles


def read_articles(path: str, config: IngestConfig) -> Iterator[list[Article]]:
    """Articles of one input, in chunks: folder, file, cluster JSONL, article JSONL, feed, or -.

    Args:
        path: the input.
        config: ingest settings.

    Returns:
        An iterator of article lists (a cluster file gives one list per cluster).

    Raises:
        InputError: the input cannot be read.
    """
    from synopsis.ingest.inputs import iter_clusters, load_inputs

    if is_feed(path):
        try:
            yield read_feed(path, config)
        except InputError as exc:
            log.warning("feed skipped: %s", exc)
        return
    p = Path(path)
    lower = p.name.lower()
    if path != "-" and p.is_file() and lower.endswith((".jsonl", ".jsonl.gz")):
        first = _first_json_line(p)
        if isinstance(first, dict) and "documents" not in first:
            yield from _article_jsonl(p, config)
            return
        for item in iter_clusters(path, config=config):
            if isinstance(item, InputError):
                log.warning("skipped %s", item)
                continue
            yield list(item.articles)
        return
    yield list(load_inputs([path], config=config).articles)


DB = click.option(
    "--db", help=f"SQLite store file (default ${{SYNOPSIS_STORIES_DB}} or {DEFAULT_DB})."
)
DB_URL = click.option("--db-url", help="PostgreSQL store, postgresql://USER@HOST/DB.")


@click.group("stories")
def stories() -> None:
    """Group a stream of articles into stories and keep them in a store."""


@stories.command("add")
@click.argument("inputs", nargs=-1, required=True)
@DB
@DB_URL
def add_command(inputs: tuple[str, ...], db: str | None, db_url: str | None) -> None:
    """Add articles from INPUT... (folders, files, cluster or article JSONL, RSS/Atom, -)."""
    from rich.console import Console
    from rich.progress import Progress

    config = IngestConfig()
    added = duplicates = skipped = new_stories = 0
    with (
        open_store(db, db_url) as store,
        Progress(console=Console(stderr=True), transient=True) as progress,
    ):
        task = progress.add_task("adding", total=None)
        for path in inputs:
            for articles in read_articles(path, config):
                for start in range(0, len(articles), ADD_CHUNK):
                    for r in store.add(articles[start : start + ADD_CHUNK]):
                        if r.status == "added":
                            added += 1
                            new_stories += r.new_story
                        elif r.status == "duplicate":
                            duplicates += 1
                            log.warning("%s: %s (story %s); not added", r.given_id, r.why, r.story)
                        else:
                            skipped += 1
                            log.warning("skipped %s: %s", r.given_id, r.why)
                    progress.update(task, advance=len(articles[start : start + ADD_CHUNK]))
    click.echo(
        f"added {added} articles ({new_stories} new stories), {duplicates} already in the "
        f"store, {skipped} skipped",
        err=True,
    )


def _info_json(info: StoryInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "headline": info.headline,
        "articles": list(info.articles),
        "outlets": list(info.outlets),
        "first": info.first,
        "last": info.last,
    }


def _selected(store: StoryStore, since: str | None, min_articles: int) -> list[StoryInfo]:
    if since is not None:
        from synopsis.text.dates import normalize_date

        day = normalize_date(since)
        if day is None:
            raise InputError(f"--since {since!r}: not a date; use YYYY-MM-DD")
        since = day
    return [
        s
        for s in store.stories()
        if len(s.articles) >= min_articles and (since is None or (s.last or "") >= since)
    ]


@stories.command("list")
@DB
@DB_URL
@click.option("--since", help="Only stories with an article on or after this date (YYYY-MM-DD).")
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def list_command(
    db: str | None, db_url: str | None, since: str | None, min_articles: int, fmt: str
) -> None:
    """List the stories, biggest and newest first."""
    with open_store(db, db_url) as store:
        chosen = _selected(store, since, min_articles)
    if fmt == "json":
        write_stdout(json.dumps([_info_json(s) for s in chosen], ensure_ascii=False) + "\n")
        return
    lines = [f"{'id':>6}  {'articles':>8}  {'outlets':>7}  {'dates':<23}  headline"]
    for s in chosen:
        dates = f"{s.first or '?'}..{s.last or '?'}" if s.first else "undated"
        lines.append(
            f"{s.id:>6}  {len(s.articles):>8}  {len(s.outlets):>7}  {dates:<23}  {s.headline}"
        )
    write_stdout("\n".join(lines) + "\n")


def summarize_story(store: StoryStore, story_id: int, words: int) -> Summary:
    """Summarize one story of the store through the pipeline.

    Args:
        store: the store.
        story_id: the story's id.
        words: the word budget.

    Returns:
        The summary with its analysis.

    Raises:
        InputError: no such story, or nothing summarizable in it.
    """
    from synopsis.pipeline import summarize

    _, articles = store.story(story_id)
    return summarize(articles, SummarizerConfig(max_words=words))


@stories.command("show")
@click.argument("story_id", type=int)
@DB
@DB_URL
@click.option("--format", "fmt", type=click.Choice(["md", "json", "text"]), default="md")
@click.option("--words", type=click.IntRange(min=1), default=100, show_default=True)
@click.option(
    "--new",
    "new_only",
    is_flag=True,
    help="Only what is new since the story's last synopsis (recorded by `stories report`).",
)
def show_command(
    story_id: int, db: str | None, db_url: str | None, fmt: str, words: int, new_only: bool
) -> None:
    """Show story STORY_ID: its synopsis, analysis and sources, as `summarize` gives them.

    With --new, only what the articles added since the story's last synopsis say that it did
    not. `show` never records anything: only `stories report` does.
    """
    from synopsis.render import render

    with open_store(db, db_url) as store:
        if new_only:
            write_stdout(show_new(store, story_id, fmt, words))
            return
        summary = summarize_story(store, story_id, words)
    write_stdout(render(summary, fmt))


# Remembers, per story, which articles and word budget its report was made from, so a later
# `stories report` into the same folder summarizes only new or changed stories.
MANIFEST = ".stories-manifest.json"


def _story_key(info: StoryInfo, words: int) -> str:
    import hashlib

    return hashlib.sha256(json.dumps([words, list(info.articles)]).encode("utf-8")).hexdigest()


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@stories.command("report")
@DB
@DB_URL
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False))
@click.option("--words", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--min-articles", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=REPORT_LIMIT, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes summarizing stories at once (0: one per CPU; capped at the CPU count).",
)
@click.option("--backend", type=click.Choice(["process", "ray"]), default="process")
@click.option("--ray-address", help="Ray cluster to join with --backend ray (default: local).")
def report_command(
    db: str | None,
    db_url: str | None,
    out_dir: str,
    words: int,
    min_articles: int,
    limit: int,
    workers: int,
    backend: str,
    ray_address: str | None,
) -> None:
    """Write a front page index.html and one HTML report per story into DIR.

    Only stories whose articles changed since the last report into DIR are summarized again;
    each synopsis made is recorded in the store as the story's last summary, and the front page
    says of a story summarized again how many articles arrived since its previous synopsis.
    """
    from synopsis.apps.batch import worker_count
    from synopsis.apps.stories_batch import StoryJob, story_reports

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    manifest = _read_manifest(manifest_path)
    fresh: dict[str, dict[str, str]] = {}
    chosen: list[StoryInfo] = []
    jobs: list[StoryJob] = []
    with open_store(db, db_url) as store:
        for info in _selected(store, None, min_articles)[:limit]:
            key = _story_key(info, words)
            known = manifest.get(str(info.id))
            chosen.append(info)
            if known and known.get("key") == key and (out / f"story-{info.id}.html").is_file():
                fresh[str(info.id)] = known
            else:
                jobs.append(StoryJob(info.id, store.story(info.id)[1]))
        count, redone = worker_count(workers), 0
        for result in story_reports(
            jobs, words, workers=count, backend=backend, ray_address=ray_address
        ):
            if result.error:
                log.warning("story %d: not summarized (%s)", result.story, result.error)
                continue
            write_text_atomic(out / f"story-{result.story}.html", result.html)
            redone += 1
            first = result.sentences[0] if result.sentences else ""
            info = next(i for i in chosen if i.id == result.story)
            fresh[str(result.story)] = {"key": _story_key(info, words), "first": first}
            previous = store.last_summary(result.story)
            if previous is not None:  # the front page says how much arrived since it
                added = len(set(info.articles) - set(previous.articles))
                fresh[str(result.story)] |= {"new": str(added), "since": previous.made[:10]}
            store.set_last_summary(result.story, info.articles, " ".join(result.sentences))
    entries = [
        (info, fresh[str(info.id)].get("first", ""), f"story-{info.id}.html")
        for info in chosen
        if str(info.id) in fresh
    ]
    news: dict[int, tuple[int, str]] = {}
    for info, _, _ in entries:
        known = fresh[str(info.id)]
        if str(known.get("new")).isdigit():
            news[info.id] = (int(known["new"]), str(known.get("since")))
    write_text_atomic(out / "index.html", front_page(entries, news))
    write_text_atomic(manifest_path, json.dumps(fresh, ensure_ascii=False, sort_keys=True))
    click.echo(f"summarized {redone} new or changed stories", err=True)
    click.echo(f"wrote {out / 'index.html'} and {len(entries)} story reports", err=True)
