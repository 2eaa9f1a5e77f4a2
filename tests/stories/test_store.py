"""The story store, run against SQLite and (when its binaries exist) PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.stories import StoryStore
from synopsis.stories.centroids import unpacked_vectors
from synopsis.stories.cluster import DEFAULT_PARAMS
from synopsis.stories.snapshot import from_snapshot

from ._fixtures import articles

REPO = Path(__file__).resolve().parents[2]


def _groups(store: StoryStore) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in store.stories()}


def test_articles_are_grouped_into_stories_biggest_first(store_url: str) -> None:
    with StoryStore(store_url) as store:
        results = store.add(articles())
        assert [r.status for r in results] == ["added"] * 7
        listed = store.stories()
        assert [len(s.articles) for s in listed] == [3, 2, 2]
        assert listed[0].articles == ("bridge-1", "bridge-2", "bridge-3")
        assert listed[0].outlets == ("Harbor Times", "City Wire")
        assert (listed[0].first, listed[0].last) == ("2024-03-04", "2024-03-06")
        assert listed[0].headline.startswith("The Harbor Bridge was closed")


def test_re_adding_the_same_text_or_url_changes_nothing_and_says_so(store_url: str) -> None:
    with StoryStore(store_url) as store:
        store.add(articles())
        before = (store.count(), _groups(store))
        same_text = replace(articles()[0], id="copy", url="https://other.example/copy")
        same_url = replace(articles()[1], id="other", text="Completely different words here.")
        results = store.add([same_text, same_url, articles()[2]])
        assert [r.status for r in results] == ["duplicate"] * 3
        assert all("already in the store" in r.why for r in results)
        assert (store.count(), _groups(store)) == before


def test_adding_in_one_call_or_one_by_one_gives_the_same_stories(
    store_url: str, tmp_path: Path
) -> None:
    with StoryStore(store_url) as store:
        for art in articles():
            store.add([art])
        one_by_one = _groups(store)
    with StoryStore(tmp_path / "whole.db") as whole:
        whole.add(articles())
        assert _groups(whole) == one_by_one


def test_reopening_the_store_continues_the_same_stories(store_url: str) -> None:
    arts = articles()
    with StoryStore(store_url) as store:
        store.add(arts[:4])
    with StoryStore(store_url) as store:
        results = store.add(arts[4:])
        assert results[-1].id == "bridge-3" and not results[-1].new_story
        assert frozenset({"bridge-1", "bridge-2", "bridge-3"}) in _groups(store)


def test_a_story_returns_its_articles_and_an_unknown_id_is_a_clear_error(
    store_url: str,
) -> None:
    with StoryStore(store_url) as store:
        store.add(articles())
        info, arts = store.story(store.stories()[0].id)
        assert [a.id for a in arts] == list(info.articles)
        assert arts[0].url == "https://example.org/bridge-1"
        with pytest.raises(InputError, match=r"story 999: no such story"):
            store.story(999)
        for out_of_range in (0, -1, 2**63, 142916933308229959680):  # beyond a 64-bit integer
            with pytest.raises(InputError, match="no such story"):
                store.story(out_of_range)


def test_an_id_already_taken_is_kept_with_a_suffix(store_url: str) -> None:
    with StoryStore(store_url) as store:
        store.add(articles()[:1])
        again = Article(id="bridge-1", text="An unrelated note about library opening hours.")
        (result,) = store.add([again])
        assert (result.status, result.id) == ("added", "bridge-1~2")


def test_empty_and_oversized_articles_are_skipped_with_a_reason(store_url: str) -> None:
    from synopsis.stories.store import MAX_ARTICLE_CHARS

    with StoryStore(store_url) as store:
        big = Article(id="big", text="word " * (MAX_ARTICLE_CHARS // 5 + 1))
        results = store.add([Article(id="empty", text="  \n"), big])
        assert [(r.status, r.why.split()[0]) for r in results] == [
            ("skipped", "empty"),
            ("skipped", "text"),
        ]
        assert store.count() == 0


_CHILD = textwrap.dedent(
    """
    import sys, time
    from synopsis.model.types import Article
    from synopsis.stories import StoryStore
    from synopsis.stories import store as store_module

    url, mode, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    arts = [Article(id=f"{prefix}-{i}", text=f"Item {prefix} {i}: report number {i} on "
            f"topic {prefix}{i % 7} with detail {i * 13}") for i in range(40)]
    st = StoryStore(url)
    if mode == "hang":
        real = store_module.StoryStore._add_one
        calls = []
        def slow(self, clusterer, art):
            calls.append(1)
            if len(calls) == 5:
                print("mid-add", flush=True)
                time.sleep(120)
            return real(self, clusterer, art)
        store_module.StoryStore._add_one = slow
    st.add(arts)
    print("done", flush=True)
    """
)


def _child(url: str, mode: str, prefix: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, url, mode, prefix],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )


def test_a_process_killed_mid_add_leaves_the_store_as_before(store_url: str) -> None:
    with StoryStore(store_url) as store:
        store.add(articles())
        before = (store.count(), _groups(store))
    child = _child(store_url, "hang", "killed")
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "mid-add", child.stderr.read() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    with StoryStore(store_url) as store:
        assert (store.count(), _groups(store)) == before
        (result,) = store.add([Article(id="after", text="A later note on a new subject.")])
        assert result.status == "added"
        assert store.count() == before[0] + 1


def test_two_processes_adding_at_once_lose_nothing(store_url: str) -> None:
    StoryStore(store_url).close()
    children = [_child(store_url, "plain", p) for p in ("left", "right")]
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.strip() == "done"
    with StoryStore(store_url) as store:
        stored = {a for s in store.stories() for a in s.articles}
        assert stored == {f"{p}-{i}" for p in ("left", "right") for i in range(40)}


def test_the_schema_version_is_recorded_once(store_url: str) -> None:
    StoryStore(store_url).close()
    with StoryStore(store_url) as store:
        versions = store._rows("SELECT version FROM schema_migrations ORDER BY version")
        assert versions == [(1,), (2,), (3,), (4,), (5,)]


def test_reopening_between_every_add_with_snapshots_gives_the_same_stories(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from synopsis.stories import store as store_module

    monkeypatch.setattr(store_module, "SNAPSHOT_EVERY", 2)
    for art in articles():
        with StoryStore(store_url) as store:
            store.add([art])
    with StoryStore(store_url) as store:
        reopened = _groups(store)
        assert store._rows("SELECT COUNT(*) FROM placements")[0][0] < 2
    with StoryStore(tmp_path / "whole.db") as whole:
        whole.add(articles())
        assert _groups(whole) == reopened


def _saved_state(store: StoryStore) -> dict[str, Any]:
    """The clustering state of the store's last snapshot, as `OnlineClusterer.to_state` data."""
    blob = store._rows("SELECT data FROM state")[0][0]
    return from_snapshot(bytes(blob), DEFAULT_PARAMS).to_state()


def test_a_store_with_the_older_json_snapshot_opens_and_continues_the_same_stories(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from synopsis.stories import store as store_module

    monkeypatch.setattr(store_module, "SNAPSHOT_EVERY", 2)
    arts = articles()
    with StoryStore(store_url) as store:
        store.add(arts[:3])  # three placements: a snapshot is written
        store.add(arts[3:4])  # one placement: logged, replayed on the next open
        # Turn it into a store made before migration 4: the snapshot as zlib-compressed JSON
        # (`OnlineClusterer.to_state`, as the store wrote it then), no snapshot_format column.
        state = _saved_state(store)
        old = zlib.compress(json.dumps(state, separators=(",", ":")).encode("utf-8"), 1)
        store._exec("UPDATE state SET data = ?", (old,))
        store._exec("ALTER TABLE state DROP COLUMN snapshot_format")
        store._exec("DELETE FROM schema_migrations WHERE version = 4")
    with StoryStore(store_url) as store:
        assert store._rows("SELECT snapshot_format, upto FROM state") == [(1, 3)]
        store.add(arts[4:])  # four placements since the snapshot: a binary one is written
        assert store._rows("SELECT snapshot_format FROM state") == [(2,)]
        continued = (store.stories(), _saved_state(store))
    with StoryStore(tmp_path / "whole.db") as whole:
        whole.add(arts)
        assert (whole.stories(), _saved_state(whole)) == continued


def test_a_store_with_placements_logged_as_json_numbers_continues_the_same_stories(
    store_url: str, tmp_path: Path
) -> None:
    arts = articles()
    with StoryStore(store_url) as store:
        store.add(arts[:4])  # four placements logged, no snapshot yet
        # Turn it into a store made before migration 5: each placement's vectors as JSON
        # numbers, no trace_format column.
        for seq, trace in store._rows("SELECT seq, trace FROM placements"):
            old = json.loads(trace)
            old["vectors"] = unpacked_vectors(old)
            del old["terms"], old["weights"]
            store._exec("UPDATE placements SET trace = ? WHERE seq = ?", (json.dumps(old), seq))
        store._exec("ALTER TABLE placements DROP COLUMN trace_format")
        store._exec("DELETE FROM schema_migrations WHERE version = 5")
    with StoryStore(store_url) as store:
        assert store._rows("SELECT DISTINCT trace_format FROM placements") == [(1,)]
        store.add(arts[4:])
        assert store._rows("SELECT DISTINCT trace_format FROM placements ORDER BY 1") == [
            (1,),
            (2,),
        ]
        continued = store.stories()
    with StoryStore(store_url) as store:  # replays both kinds of placement
        assert store.stories() == continued
        store.add([replace(arts[0], id="again", url=None, text=arts[0].text + " Again.")])
        reopened = store.stories()
    with StoryStore(tmp_path / "whole.db") as whole:
        whole.add(arts)
        assert whole.stories() == continued
        whole.add([replace(arts[0], id="again", url=None, text=arts[0].text + " Again.")])
        assert whole.stories() == reopened


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not sqlite at all, just text" * 100)
    with pytest.raises(InputError, match=r"notes\.db"):
        StoryStore(bogus)


def test_a_story_remembers_what_its_last_synopsis_covered(store_url: str) -> None:
    with StoryStore(store_url) as store:
        store.add(articles()[:4])
        assert store.last_summary(1) is None
        store.set_last_summary(1, ["bridge-1", "bridge-2"], "The bridge closed.", made="2024-03-05")
        store.add(articles()[4:])
        got = store.last_summary(1)
        assert got is not None
        assert (got.articles, got.made, got.latest) == (
            ("bridge-1", "bridge-2"),
            "2024-03-05",
            "2024-03-05",
        )
        assert got.summary == "The bridge closed."
        assert set(store.story(1)[0].articles) - set(got.articles) == {"bridge-3"}
        store.set_last_summary(1, ["bridge-1", "bridge-2", "bridge-3"], "Repairs began.")
        newer = store.last_summary(1)
        assert newer is not None and newer.latest == "2024-03-06"
        assert newer.summary == "Repairs began." and newer.made != "2024-03-05"


def test_recording_a_summary_of_articles_outside_the_story_is_refused(store_url: str) -> None:
    with StoryStore(store_url) as store:
        store.add(articles())
        with pytest.raises(InputError, match="'vote-1' is not in this story"):
            store.set_last_summary(1, ["bridge-1", "vote-1"], "Mixed.")
        with pytest.raises(InputError, match="no such story"):
            store.set_last_summary(99, [], "Nothing.")


def test_a_store_made_before_last_summaries_gains_them_when_opened(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    with StoryStore(path) as store:
        store.add(articles())
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE last_summary")
    conn.execute("DELETE FROM schema_migrations WHERE version = 3")
    conn.commit()
    conn.close()
    with StoryStore(path) as store:
        assert store.last_summary(1) is None
        store.set_last_summary(1, ["bridge-1"], "The bridge closed.")
        recorded = store.last_summary(1)
        assert recorded is not None and recorded.articles == ("bridge-1",)
        assert len(store.stories()) == 3
