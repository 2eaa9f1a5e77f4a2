"""The story store's database schema, the same in SQLite and PostgreSQL, and what its columns hold.

`synopsis.stories.store` applies `MIGRATIONS` in order, each once, recording each version in
``schema_migrations``, and refuses a store whose newest version is past the last one here. The
tables:

- ``state``: one row (id 1): ``revision``, bumped by every add that stored an article (so a
  store object knows whether its cached clusterer is still current); ``data``, the clusterer's
  last snapshot (NULL before the first), in ``snapshot_format`` (`SNAPSHOT_BINARY` or
  `SNAPSHOT_JSON`); ``upto``, the last placement the snapshot includes.
- ``articles``: every stored article in arrival order (``seq``), with its 0-based story number,
  its text hash (the duplicate check) and what the user gave.
- ``placements``: the clusterer's log since the last snapshot: each added article's story and
  trace (`OnlineClusterer.add_traced`), in ``trace_format`` (`TRACE_PACKED` or the older JSON
  numbers), replayed in order when a store is opened.
- ``last_summary``: per story, what its last synopsis covered (`StoryStore.set_last_summary`).
"""

from __future__ import annotations

__all__ = ["MAX_STORY_ID", "MIGRATIONS", "SNAPSHOT_BINARY", "SNAPSHOT_JSON", "TRACE_PACKED"]

# (version, SQLite statements, PostgreSQL statements). Append only; never edit an applied one.
MIGRATIONS: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        1,
        (
            "CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER "
            "NOT NULL, data BLOB)",
            "INSERT INTO state (id, revision, data) VALUES (1, 0, NULL)",
            "CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, "
            "story INTEGER NOT NULL, url TEXT, text_hash TEXT NOT NULL UNIQUE, title TEXT, "
            "text TEXT NOT NULL, published TEXT, outlet TEXT, origin TEXT)",
            "CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL",
            "CREATE UNIQUE INDEX articles_id ON articles (id)",
            "CREATE INDEX articles_story ON articles (story, seq)",
        ),
        (
            "CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT "
            "NOT NULL, data BYTEA)",
            "INSERT INTO state (id, revision, data) VALUES (1, 0, NULL)",
            "CREATE TABLE articles (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL, "
            "story INTEGER NOT NULL, url TEXT, text_hash TEXT NOT NULL UNIQUE, title TEXT, "
            "text TEXT NOT NULL, published TEXT, outlet TEXT, origin TEXT)",
            "CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL",
            "CREATE UNIQUE INDEX articles_id ON articles (id)",
            "CREATE INDEX articles_story ON articles (story, seq)",
        ),
    ),
    (
        2,
        (
            "CREATE TABLE placements (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            "story INTEGER NOT NULL, trace TEXT NOT NULL)",
            "ALTER TABLE state ADD COLUMN upto INTEGER NOT NULL DEFAULT 0",
        ),
        (
            "CREATE TABLE placements (seq BIGSERIAL PRIMARY KEY, story INTEGER NOT NULL, "
            "trace TEXT NOT NULL)",
            "ALTER TABLE state ADD COLUMN upto BIGINT NOT NULL DEFAULT 0",
        ),
    ),
    (
        3,
        (
            "CREATE TABLE last_summary (story INTEGER PRIMARY KEY, articles TEXT NOT NULL, "
            "made TEXT NOT NULL, latest TEXT, summary TEXT NOT NULL)",
        ),
        (
            "CREATE TABLE last_summary (story INTEGER PRIMARY KEY, articles TEXT NOT NULL, "
            "made TEXT NOT NULL, latest TEXT, summary TEXT NOT NULL)",
        ),
    ),
    (
        # How `state.data` is written: 1, zlib-compressed JSON (every store before this
        # migration); 2, the binary snapshot of `synopsis.stories.snapshot`. PostgreSQL keeps
        # the snapshot uncompressed (STORAGE EXTERNAL): its own compressor made nothing smaller
        # of a 16 MB snapshot and took 0.45 s more per write trying.
        4,
        ("ALTER TABLE state ADD COLUMN snapshot_format INTEGER NOT NULL DEFAULT 1",),
        (
            "ALTER TABLE state ADD COLUMN snapshot_format INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE state ALTER COLUMN data SET STORAGE EXTERNAL",
        ),
    ),
    (
        # How a placement's trace holds the article's vectors: 1, as JSON numbers (every store
        # before this migration, still replayed); 2, packed (`centroids.packed_vectors`), which
        # a synopsis from before this migration cannot read: it refuses the store as too new.
        5,
        ("ALTER TABLE placements ADD COLUMN trace_format INTEGER NOT NULL DEFAULT 1",),
        ("ALTER TABLE placements ADD COLUMN trace_format INTEGER NOT NULL DEFAULT 1",),
    ),
)
# The snapshot formats (see migration 4): the one written, and the older one still read.
SNAPSHOT_BINARY = 2
SNAPSHOT_JSON = 1
# The placement trace format written (see migration 5).
TRACE_PACKED = 2

# The largest story id either database can hold (a signed 64-bit integer).
MAX_STORY_ID = 2**63 - 1
