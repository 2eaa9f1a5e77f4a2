"""A persistent story store: articles in, each one placed in a story as it arrives.

SQLite by default (one file, write-ahead log), PostgreSQL when given a ``postgresql://`` URL
(psycopg 3). Both hold the same schema (`synopsis.stories.schema`), created by numbered migrations
recorded in ``schema_migrations``. Every `StoryStore.add` is one transaction that first takes the
store's write lock (SQLite ``BEGIN IMMEDIATE``; PostgreSQL ``SELECT ... FOR UPDATE`` on the
clustering state row), so a process killed mid-add leaves the store as it was before that add, and
two processes adding at once are serialized rather than losing each other's articles. The online
clusterer's state (`synopsis.stories.cluster`) is saved in the same transaction, as a log of the
add's placements and, every `SNAPSHOT_EVERY` placements, a binary snapshot of the whole state
(`synopsis.stories.snapshot`), so the stories continue exactly where the last add stopped, whichever
process made it. Each story can also record what its last synopsis covered
(`StoryStore.set_last_summary`, `last_summary`: the article ids, when, and the text), so a later
reader can tell which articles are new since.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from synopsis.model.errors import DependencyError, InputError
from synopsis.model.types import Article
from synopsis.stories.cluster import ClusterParams, OnlineClusterer
from synopsis.stories.schema import (
    MAX_STORY_ID,
    MIGRATIONS,
    SNAPSHOT_BINARY,
    SNAPSHOT_JSON,
    TRACE_PACKED,
)
from synopsis.stories.snapshot import from_snapshot, to_snapshot

__all__ = ["MAX_ARTICLE_CHARS", "AddResult", "LastSummary", "StoryInfo", "StoryStore"]

# Longest article text accepted (characters): ten times a long feature story; anything longer is
# a whole page dump or a mistake, and is reported as skipped rather than stored.
MAX_ARTICLE_CHARS = 1_000_000
# Placements logged before the clustering state is written whole again. Each add logs its
# articles' placements (a few kB each) instead of rewriting the whole state, and opening a store
# replays the placements logged since the last snapshot. For a store of 15,000 articles (the
# store of `python benchmarks/stories_eval.py speed --store`) the binary snapshot (16 MB) takes
# about 0.1 s CPU to encode and 0.1 s to write to SQLite, 0.17 s to read, and replaying 1,000
# placements about 0.27 s (medians of 6 runs), so with 1,000 an add pays at most about as much
# for replay as for the snapshot it may write and the next add reads, and adding articles one at
# a time costs 0.2 ms each in snapshots, against 0.5 ms under the JSON snapshot written every
# 5,000 (whose replay alone could take over a second).
SNAPSHOT_EVERY = 1_000
# How long an add waits for another process's add to finish (SQLite busy timeout), seconds.
LOCK_TIMEOUT_S = 120.0
_HEADLINE_CHARS = 140


@dataclass(frozen=True)
class AddResult:
    """What happened to one article given to `StoryStore.add`.

    `status` is "added" (stored, in `story`), "duplicate" (the same URL or text is already in
    story `story`; nothing changed) or "skipped" (not stored; `why` says why). `id` is the id the
    store keeps it under: the given id, or the given id with "~N" appended when another article
    already had that id.
    """

    given_id: str
    id: str
    status: str
    story: int | None
    new_story: bool = False
    why: str = ""


@dataclass(frozen=True)
class StoryInfo:
    """One story as listed: headline, article ids in arrival order, outlets, date range."""

    id: int
    headline: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first: str | None
    last: str | None


@dataclass(frozen=True)
class LastSummary:
    """What a story's last synopsis covered: its articles, when it was made, and its text.

    `articles` are the stored article ids the synopsis was made from, `made` the UTC time it was
    made (ISO 8601), `latest` the newest publication date among those articles (None when all
    are undated), `summary` the synopsis text.
    """

    story: int
    articles: tuple[str, ...]
    made: str
    latest: str | None
    summary: str


def text_hash(text: str) -> str:
    """Hash of an article's text with whitespace runs collapsed (the duplicate check)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _headline(title: str | None, text: str) -> str:
    line = (title or "").strip() or text.strip().split("\n", 1)[0]
    line = " ".join(line.split())
    return line if len(line) <= _HEADLINE_CHARS else line[: _HEADLINE_CHARS - 1].rstrip() + "…"


class StoryStore:
    """Articles grouped into stories, kept in SQLite or PostgreSQL.

    Example:
        store = StoryStore("stories.db")
        store.add([Article(id="a", text="...")])
        for info in store.stories(): ...
    """

    def __init__(
        self, where: str | Path, *, params: ClusterParams | None = None, threads: bool = False
    ) -> None:
        """Open (and create or migrate) a store.

        Args:
            where: a SQLite file path, or a ``postgresql://`` URL.
            params: the clustering decision model (the calibrated default if None).
            threads: allow use from several threads (the caller serializes the calls).

        Raises:
            InputError: the file or server cannot be opened, or holds something else.
            DependencyError: a PostgreSQL URL was given but psycopg is not installed.
        """
        self._params = params or ClusterParams()
        self._where = str(where)
        self._pg = self._where.startswith(("postgresql://", "postgres://"))
        self._threads = threads
        self._conn: Any = self._connect_pg() if self._pg else self._connect_sqlite()
        self._clusterer: OnlineClusterer | None = None
        self._revision = -1
        self._logged = 0
        self._migrate()

    # -- connections --------------------------------------------------------------------------

    def _connect_sqlite(self) -> sqlite3.Connection:
        path = Path(self._where)  # ":memory:" gives a store that lasts as long as the object
        if path.is_dir():
            raise InputError(f"story store {path}: is a folder; give a file path for the store")
        try:
            conn = sqlite3.connect(
                path,
                timeout=LOCK_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=not self._threads,
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"story store {path}: cannot open as SQLite ({exc}); give a new or existing store"
            ) from exc
        return conn

    def _connect_pg(self) -> Any:
        try:
            import psycopg
        except ImportError as exc:
            raise DependencyError(
                "PostgreSQL story stores need psycopg; pip install 'synopsis[stories]'"
            ) from exc
        try:
            return psycopg.connect(self._where, autocommit=True)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(
                f"story store: cannot connect to PostgreSQL ({first}); check --db-url"
            ) from exc

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> StoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self._pg else sql

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._conn.execute(self._sql(sql), params).fetchall())

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(self._sql(sql), params)

    def _begin(self) -> None:
        self._exec("BEGIN" if self._pg else "BEGIN IMMEDIATE")

    # -- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            self._begin()
            if self._pg:
                self._exec("SELECT pg_advisory_xact_lock(724311)")
            self._exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
            )
            done = {int(r[0]) for r in self._rows("SELECT version FROM schema_migrations")}
            for version, lite, pg in MIGRATIONS:
                if version in done:
                    continue
                for statement in pg if self._pg else lite:
                    self._exec(statement)
                self._exec(
                    "INSERT INTO schema_migrations (version, applied) VALUES (?, ?)",
                    (version, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
                )
            newest = max(v for v, _, _ in MIGRATIONS)
            if done and max(done) > newest:
                raise InputError(
                    f"story store {self._label()}: schema version {max(done)} is newer than "
                    f"this synopsis knows ({newest}); upgrade synopsis"
                )
            self._exec("COMMIT")
        except InputError:
            self._exec("ROLLBACK")
            raise
        except Exception as exc:
            self._rollback_quietly()
            if isinstance(exc, sqlite3.DatabaseError) or type(exc).__module__.startswith("psycopg"):
                raise InputError(
                    f"story store {self._label()}: cannot set up the schema ({exc}); "
                    "give a new store or one made by synopsis"
                ) from exc
            raise

    def _label(self) -> str:
        return "(PostgreSQL)" if self._pg else self._where

    def _rollback_quietly(self) -> None:
        with contextlib.suppress(Exception):  # the connection may already be gone
            self._exec("ROLLBACK")

    # -- state --------------------------------------------------------------------------------

    def _load_state(self) -> OnlineClusterer:
        """Read the clusterer (inside the write transaction; reuses the cached copy if current).

        The state is the last snapshot plus the placements logged since, replayed in order.
        """
        lock = " FOR UPDATE" if self._pg else ""
        revision, data, upto, form = self._rows(
            f"SELECT revision, data, upto, snapshot_format FROM state WHERE id = 1{lock}"
        )[0]
        if self._clusterer is not None and int(revision) == self._revision:
            return self._clusterer
        if data is None:
            clusterer = OnlineClusterer(self._params)
        elif int(form) == SNAPSHOT_BINARY:
            clusterer = from_snapshot(bytes(data), self._params)
        elif int(form) == SNAPSHOT_JSON:
            state = json.loads(zlib.decompress(bytes(data)).decode("utf-8"))
            clusterer = OnlineClusterer.from_state(state, self._params)
        else:
            raise InputError(
                f"story store {self._label()}: clustering snapshot format {form} is unknown; "
                "upgrade synopsis"
            )
        rows = self._rows(
            "SELECT story, trace FROM placements WHERE seq > ? ORDER BY seq", (int(upto),)
        )
        for story, trace in rows:
            clusterer.replay(json.loads(trace), int(story))
        self._logged = len(rows)
        self._revision = int(revision)
        return clusterer

    def _save_state(self, clusterer: OnlineClusterer) -> None:
        """Bump the revision; write a new snapshot once enough placements are logged."""
        if self._logged < SNAPSHOT_EVERY:
            self._exec("UPDATE state SET revision = ? WHERE id = 1", (self._revision + 1,))
            return
        upto = int(self._rows("SELECT COALESCE(MAX(seq), 0) FROM placements")[0][0])
        self._exec(
            "UPDATE state SET revision = ?, data = ?, upto = ?, snapshot_format = ? WHERE id = 1",
            (self._revision + 1, to_snapshot(clusterer), upto, SNAPSHOT_BINARY),
        )
        self._exec("DELETE FROM placements WHERE seq <= ?", (upto,))
        self._logged = 0

    # -- adding -------------------------------------------------------------------------------

    def _existing(self, url: str | None, digest: str) -> int | None:
        if url:
            rows = self._rows("SELECT story FROM articles WHERE url = ?", (url,))
            if rows:
                return int(rows[0][0])
        rows = self._rows("SELECT story FROM articles WHERE text_hash = ?", (digest,))
        return int(rows[0][0]) if rows else None

    def _free_id(self, given: str) -> str:
        if not self._rows("SELECT 1 FROM articles WHERE id = ?", (given,)):
            return given
        n = 2
        while self._rows("SELECT 1 FROM articles WHERE id = ?", (f"{given}~{n}",)):
            n += 1
        return f"{given}~{n}"

    def add(self, articles: Iterable[Article]) -> list[AddResult]:
        """Add articles in the order given, each to the story it belongs to or a new one.

        The whole call is one transaction: either every article is stored or none is.

        Args:
            articles: the articles (ids as the user knows them; url and published optional).

        Returns:
            One result per article, in order; duplicates and skipped articles say so.

        Raises:
            InputError: the store cannot be written.
        """
        batch = list(articles)
        results: list[AddResult] = []
        try:
            self._begin()
            clusterer = self._load_state()
            # Until COMMIT the clusterer holds uncommitted changes: forget it, so that a failure
            # below makes the next add reload the committed state.
            self._clusterer = None
            for art in batch:
                results.append(self._add_one(clusterer, art))
            if any(r.status == "added" for r in results):
                self._save_state(clusterer)
                self._revision += 1
            self._exec("COMMIT")
            self._clusterer = clusterer
        except BaseException as exc:
            self._rollback_quietly()
            self._clusterer, self._revision = None, -1
            if isinstance(exc, sqlite3.DatabaseError) or type(exc).__module__.startswith("psycopg"):
                raise InputError(
                    f"story store {self._label()}: cannot add ({exc}); nothing was added"
                ) from exc
            raise
        return results

    def _add_one(self, clusterer: OnlineClusterer, art: Article) -> AddResult:
        if not art.text.strip():
            return AddResult(art.id, art.id, "skipped", None, why="empty text")
        if len(art.text) > MAX_ARTICLE_CHARS:
            why = f"text longer than {MAX_ARTICLE_CHARS} characters"
            return AddResult(art.id, art.id, "skipped", None, why=why)
        digest = text_hash(art.text)
        existing = self._existing(art.url, digest)
        if existing is not None:
            why = "already in the store (same URL or same text)"
            return AddResult(art.id, art.id, "duplicate", existing + 1, why=why)
        stored_id = self._free_id(art.id)
        assignment, trace = clusterer.add_traced(art)
        self._exec(
            "INSERT INTO placements (story, trace, trace_format) VALUES (?, ?, ?)",
            (assignment.story, json.dumps(trace, separators=(",", ":")), TRACE_PACKED),
        )
        self._logged += 1
        self._exec(
            "INSERT INTO articles (id, story, url, text_hash, title, text, published, outlet, "
            "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stored_id,
                assignment.story,
                art.url,
                digest,
                art.title,
                art.text,
                art.published,
                art.outlet,
                art.origin,
            ),
        )
        return AddResult(art.id, stored_id, "added", assignment.story + 1, assignment.new)

    # -- reading ------------------------------------------------------------------------------

    def stories(self) -> list[StoryInfo]:
        """List every story, biggest first, then newest first, then by number.

        Returns:
            The stories (ids are 1-based story numbers).
        """
        rows = self._rows(
            "SELECT story, id, title, substr(text, 1, 400), published, outlet FROM articles "
            "ORDER BY story, seq"
        )
        grouped: dict[int, list[tuple[Any, ...]]] = {}
        for row in rows:
            grouped.setdefault(int(row[0]), []).append(row)
        infos = sorted(
            (self._info(story, items) for story, items in grouped.items()), key=lambda s: s.id
        )
        infos.sort(key=lambda s: s.last or "", reverse=True)
        infos.sort(key=lambda s: len(s.articles), reverse=True)
        return infos

    @staticmethod
    def _info(story: int, items: list[tuple[Any, ...]]) -> StoryInfo:
        dates = sorted(r[4][:10] for r in items if r[4])
        outlets = tuple(dict.fromkeys(r[5] for r in items if r[5]))
        titled = [r for r in items if r[2]]
        first = titled[0] if titled else items[0]
        return StoryInfo(
            id=story + 1,
            headline=_headline(first[2], first[3]),
            articles=tuple(r[1] for r in items),
            outlets=outlets,
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
        )

    def story(self, story_id: int) -> tuple[StoryInfo, tuple[Article, ...]]:
        """One story's listing and its articles, in arrival order.

        Args:
            story_id: a story id as listed by `stories`.

        Returns:
            The story's info and articles.

        Raises:
            InputError: there is no such story.
        """
        # Ids are 1-based 64-bit integers in both databases: any other number names no story.
        in_range = 1 <= story_id <= MAX_STORY_ID
        rows = (
            self._rows(
                "SELECT story, id, title, text, published, outlet, url, origin FROM articles "
                "WHERE story = ? ORDER BY seq",
                (story_id - 1,),
            )
            if in_range
            else []
        )
        if not rows:
            raise InputError(
                f"story {story_id}: no such story in {self._label()}; see `synopsis stories list`"
            )
        articles = tuple(
            Article(
                id=r[1], text=r[3], title=r[2], published=r[4], outlet=r[5], url=r[6], origin=r[7]
            )
            for r in rows
        )
        return self._info(story_id - 1, [r[:6] for r in rows]), articles

    def set_last_summary(
        self, story_id: int, articles: Sequence[str], summary: str, made: str | None = None
    ) -> LastSummary:
        """Record what the story's newest synopsis covered (replacing the previous record).

        Args:
            story_id: a story id as listed by `stories`.
            articles: the stored ids of the articles the synopsis was made from.
            summary: the synopsis text.
            made: when it was made (ISO 8601); now (UTC) when None.

        Returns:
            The record as stored.

        Raises:
            InputError: there is no such story, or an article id is not in that story.
        """
        info, _ = self.story(story_id)
        unknown = sorted(set(articles) - set(info.articles))
        if unknown:
            raise InputError(
                f"story {story_id}: article {unknown[0]!r} is not in this story; "
                "record only the articles the synopsis was made from"
            )
        published = dict(
            self._rows("SELECT id, published FROM articles WHERE story = ?", (story_id - 1,))
        )
        covered = sorted(str(published[a])[:10] for a in set(articles) if published.get(a))
        record = LastSummary(
            story=story_id,
            articles=tuple(articles),
            made=made or dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            latest=covered[-1] if covered else None,
            summary=summary,
        )
        self._exec(
            "INSERT INTO last_summary (story, articles, made, latest, summary) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (story) DO UPDATE SET "
            "articles = excluded.articles, made = excluded.made, latest = excluded.latest, "
            "summary = excluded.summary",
            (story_id - 1, json.dumps(list(articles)), record.made, record.latest, summary),
        )
        return record

    def last_summary(self, story_id: int) -> LastSummary | None:
        """What the story's last recorded synopsis covered, or None when none was recorded.

        Args:
            story_id: a story id as listed by `stories`.

        Returns:
            The record, or None.
        """
        rows = self._rows(
            "SELECT articles, made, latest, summary FROM last_summary WHERE story = ?",
            (story_id - 1,),
        )
        if not rows:
            return None
        articles, made, latest, summary = rows[0]
        return LastSummary(
            story=story_id,
            articles=tuple(str(a) for a in json.loads(articles)),
            made=str(made),
            latest=latest,
            summary=str(summary),
        )

    def count(self) -> int:
        """Number of articles stored."""
        return int(self._rows("SELECT COUNT(*) FROM articles")[0][0])
