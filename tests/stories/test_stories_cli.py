"""`synopsis stories` through the installed command, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from synopsis.model.types import Article

from ..test_cli_installed import run_installed
from ..test_update_focus import NEW, REPEAT, SEEN
from ._fixtures import articles

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Times</title><link>https://example.org/</link>
<item><title>Bridge closed after cracks found</title><link>https://example.org/feed-1</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{body}</p>]]></description></item>
</channel></rss>
"""


def _article_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps(
            {"id": a.id, "text": a.text, "published": a.published, "outlet": a.outlet, "url": a.url}
        )
        for a in articles()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_add_then_list_as_json_groups_the_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    done = run_installed(["stories", "add", str(_article_jsonl(tmp_path)), "--db", db])
    assert done.returncode == 0, done.stderr.decode()
    assert "added 7 articles (3 new stories)" in done.stderr.decode()
    listed = run_installed(["stories", "list", "--db", db, "--format", "json"])
    assert listed.returncode == 0, listed.stderr.decode()
    data = json.loads(listed.stdout)
    assert data[0]["articles"] == ["bridge-1", "bridge-2", "bridge-3"]
    assert set(data[0]) == {"id", "headline", "articles", "outlets", "first", "last"}
    assert data[0]["first"] == "2024-03-04"


def test_adding_the_same_file_twice_adds_nothing_and_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    source = str(_article_jsonl(tmp_path))
    run_installed(["stories", "add", source, "--db", db])
    again = run_installed(["stories", "add", source, "--db", db])
    assert again.returncode == 0
    err = again.stderr.decode()
    assert "added 0 articles (0 new stories), 7 already in the store" in err
    assert "bridge-1: already in the store" in err


def test_list_filters_by_date_and_size(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", str(_article_jsonl(tmp_path)), "--db", db])
    big = run_installed(["stories", "list", "--db", db, "--format", "json", "--min-articles", "3"])
    assert [len(s["articles"]) for s in json.loads(big.stdout)] == [3]
    late = run_installed(
        ["stories", "list", "--db", db, "--format", "json", "--since", "2024-03-07"]
    )
    assert json.loads(late.stdout) == []
    bad = run_installed(["stories", "list", "--db", db, "--since", "someday"])
    assert bad.returncode == 2
    assert "--since 'someday': not a date" in bad.stderr.decode()


def test_show_gives_the_story_synopsis_with_citations(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", str(_article_jsonl(tmp_path)), "--db", db])
    listed = json.loads(run_installed(["stories", "list", "--db", db, "--format", "json"]).stdout)
    shown = run_installed(["stories", "show", str(listed[0]["id"]), "--db", db, "--format", "json"])
    assert shown.returncode == 0, shown.stderr.decode()
    data = json.loads(shown.stdout)
    cited = {s["article"] for sent in data["sentences"] for s in sent["sources"]}
    assert cited and cited <= {"bridge-1", "bridge-2", "bridge-3"}
    missing = run_installed(["stories", "show", "999", "--db", db])
    assert missing.returncode == 2
    assert "story 999: no such story" in missing.stderr.decode()


def test_report_writes_a_front_page_linking_each_story_report(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", str(_article_jsonl(tmp_path)), "--db", db])
    out = tmp_path / "site"
    done = run_installed(["stories", "report", "--db", db, "-o", str(out), "--words", "40"])
    assert done.returncode == 0, done.stderr.decode()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.index("The Harbor Bridge was closed") < index.index("Voters in Millbrook")
    assert "3 articles · 2 outlets · 2024-03-04 – 2024-03-06" in index
    for link in ("story-1.html", "story-2.html", "story-3.html"):
        assert f'href="{link}"' in index
        assert (out / link).read_text(encoding="utf-8").startswith("<!")


def test_a_feed_file_adds_its_entries_with_title_link_date_and_outlet(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    body = " ".join([articles()[0].text] * 8)
    feed = tmp_path / "harbor.rss"
    feed.write_text(FEED.format(body=body), encoding="utf-8")
    done = run_installed(["stories", "add", str(feed), "--db", db])
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(run_installed(["stories", "list", "--db", db, "--format", "json"]).stdout)
    assert data == [
        {"id": 1, "headline": "Bridge closed after cracks found",
         "articles": ["https://example.org/feed-1"], "outlets": ["Harbor Times"],
         "first": "2024-03-05", "last": "2024-03-05"}
    ]  # fmt: skip


def test_a_feed_that_is_not_a_feed_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    bogus = tmp_path / "broken.xml"
    bogus.write_text("this is not xml at all <<<", encoding="utf-8")
    done = run_installed(["stories", "add", str(bogus), str(_article_jsonl(tmp_path)), "--db", db])
    assert done.returncode == 0, done.stderr.decode()
    err = done.stderr.decode()
    assert "broken.xml: not an RSS or Atom feed" in err
    assert "added 7 articles" in err


def test_db_and_db_url_together_is_a_usage_error(tmp_path: Path) -> None:
    done = run_installed(
        ["stories", "list", "--db", str(tmp_path / "s.db"), "--db-url", "postgresql:///x"]
    )
    assert done.returncode == 2
    assert "give --db or --db-url, not both" in done.stderr.decode()


def test_a_second_report_summarizes_only_new_or_changed_stories(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    source = _article_jsonl(tmp_path)
    lines = source.read_text(encoding="utf-8").splitlines()
    first_part = tmp_path / "first.jsonl"
    first_part.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    run_installed(["stories", "add", str(first_part), "--db", db])
    out = str(tmp_path / "site")
    first = run_installed(["stories", "report", "--db", db, "-o", out, "--words", "40"])
    assert "summarized 3 new or changed stories" in first.stderr.decode()
    same = run_installed(["stories", "report", "--db", db, "-o", out, "--words", "40"])
    assert "summarized 0 new or changed stories" in same.stderr.decode()
    run_installed(["stories", "add", str(source), "--db", db])  # adds bridge-3 only
    changed = run_installed(["stories", "report", "--db", db, "-o", out, "--words", "40"])
    assert "summarized 1 new or changed stories" in changed.stderr.decode()
    assert "3 articles" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_postgresql_store_works_through_db_url(tmp_path: Path, postgres_url: str) -> None:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(
            "DROP TABLE IF EXISTS articles, state, placements, last_summary, schema_migrations"
        )
    done = run_installed(
        ["stories", "add", str(_article_jsonl(tmp_path)), "--db-url", postgres_url]
    )
    assert done.returncode == 0, done.stderr.decode()
    listed = run_installed(["stories", "list", "--db-url", postgres_url, "--format", "json"])
    assert json.loads(listed.stdout)[0]["articles"] == ["bridge-1", "bridge-2", "bridge-3"]


def test_an_unreachable_postgresql_store_is_a_one_line_error(tmp_path: Path) -> None:
    url = f"postgresql:///nope?host={tmp_path}&connect_timeout=2"
    done = run_installed(["stories", "list", "--db-url", url])
    assert done.returncode == 2
    err = done.stderr.decode()
    assert "cannot connect to PostgreSQL" in err
    assert "Traceback" not in err


class _Site:
    """A local HTTP server for feed tests: a feed whose entry is a teaser, and its page."""

    def __init__(self, tmp_path: Path) -> None:
        import functools
        import http.server
        import threading

        body = " ".join([articles()[0].text] * 6)
        page = f"<html><head><title>Bridge</title></head><body><article><p>{body}</p></article>"
        (tmp_path / "page.html").write_text(page + "</body></html>", encoding="utf-8")
        (tmp_path / "huge.xml").write_bytes(b"<rss>" + b" " * 11_000_000 + b"</rss>")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        teaser = FEED.replace("https://example.org/feed-1", f"{self.url}/page.html")
        (tmp_path / "feed.xml").write_text(teaser.format(body="Cracks found."), encoding="utf-8")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_feed_url_is_fetched_and_a_teaser_entry_gets_its_page_text(tmp_path: Path) -> None:
    (tmp_path / "www").mkdir()
    site = _Site(tmp_path / "www")
    try:
        db = str(tmp_path / "s.db")
        done = run_installed(["stories", "add", f"{site.url}/feed.xml", "--db", db])
        assert done.returncode == 0, done.stderr.decode()
        data = json.loads(run_installed(["stories", "list", "--db", db, "--format", "json"]).stdout)
        assert data[0]["articles"] == [f"{site.url}/page.html"]
        show = run_installed(
            ["stories", "show", str(data[0]["id"]), "--db", db, "--format", "text"]
        )
        assert "Harbor Bridge" in show.stdout.decode()
        huge = run_installed(["stories", "add", f"{site.url}/huge.xml", "--db", db])
        assert huge.returncode == 0
        assert "more than 10000000 bytes; not read" in huge.stderr.decode()
        missing = run_installed(["stories", "add", f"{site.url}/nothing.xml", "--db", db])
        assert "nothing.xml: cannot fetch" in missing.stderr.decode()
    finally:
        site.close()


def test_report_with_worker_processes_matches_one_process_and_records_last_summaries(
    tmp_path: Path,
) -> None:
    from synopsis.stories import StoryStore

    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", str(_article_jsonl(tmp_path)), "--db", db])
    one, two = tmp_path / "one", tmp_path / "two"
    base = ["stories", "report", "--db", db, "--words", "40"]
    serial = run_installed([*base, "-o", str(one)])
    parallel = run_installed([*base, "-o", str(two), "--workers", "2"])
    assert parallel.returncode == 0, parallel.stderr.decode()
    assert "summarized 3 new or changed stories" in parallel.stderr.decode()
    for name in ("index.html", "story-1.html", "story-2.html", "story-3.html"):
        assert (one / name).read_text(encoding="utf-8") == (two / name).read_text(encoding="utf-8")
    with StoryStore(db) as store:
        last = store.last_summary(1)
        assert last is not None
        assert last.articles == ("bridge-1", "bridge-2", "bridge-3")
        assert last.latest == "2024-03-06"
        assert last.summary and last.summary.split()[0] in (one / "index.html").read_text(
            encoding="utf-8"
        )
    assert serial.returncode == 0


def _jsonl(path: Path, items: list[Article]) -> str:
    lines = [json.dumps({"id": a.id, "text": a.text, "published": a.published}) for a in items]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _crash_story_reported(tmp_path: Path) -> tuple[str, str]:
    """A store holding Monday's crash reports, reported once: (db, date of that synopsis)."""
    from synopsis.stories import StoryStore

    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", _jsonl(tmp_path / "seen.jsonl", SEEN), "--db", db])
    site = str(tmp_path / "site")
    done = run_installed(["stories", "report", "--db", db, "-o", site, "--words", "40"])
    assert done.returncode == 0, done.stderr.decode()
    assert "new since" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    with StoryStore(db) as store:
        last = store.last_summary(1)
    assert last is not None and last.articles == ("seen-1", "seen-2", "seen-3")
    return db, last.made[:10]


def test_show_new_reports_the_new_casualty_figure_and_not_the_old_facts(tmp_path: Path) -> None:
    db, since = _crash_story_reported(tmp_path)
    run_installed(["stories", "add", _jsonl(tmp_path / "new.jsonl", NEW[:1]), "--db", db])
    shown = run_installed(["stories", "show", "1", "--new", "--db", db, "--format", "json"])
    assert shown.returncode == 0, shown.stderr.decode()
    data = json.loads(shown.stdout)
    assert "14" in data["summary"]
    assert "killing 10" not in data["summary"] and "overturned" not in data["summary"]
    assert data["mode"] == {
        "name": "update", "since": ["seen-1", "seen-2", "seen-3"], "focus": None,
        "since_date": since,
    }  # fmt: skip
    assert [a["id"] for a in data["articles"]] == ["new-1"]
    md = run_installed(["stories", "show", "1", "--new", "--db", db]).stdout.decode()
    assert f"_What's new since {since}, after 3 earlier articles. Figures" in md
    # the analysis beside the update leaves out the toll the reader already saw
    assert not any(v["normalized"] == 10 for g in data["numbers"] for v in g["values"])
    text = run_installed(["stories", "show", "1", "--new", "--db", db, "--format", "text"])
    assert f"What's new since {since}" in text.stdout.decode()
    site = str(tmp_path / "site")
    run_installed(["stories", "report", "--db", db, "-o", site, "--words", "40"])
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f"<p class=new>1 new since {since}</p>" in index


def test_show_new_with_nothing_new_says_so_in_one_line(tmp_path: Path) -> None:
    db, since = _crash_story_reported(tmp_path)
    none = run_installed(["stories", "show", "1", "--new", "--db", db])
    assert none.returncode == 0, none.stderr.decode()
    assert none.stdout.decode() == f"Nothing new in story 1 since its last synopsis ({since}).\n"
    as_json = json.loads(
        run_installed(["stories", "show", "1", "--new", "--db", db, "--format", "json"]).stdout
    )
    assert as_json["summary"].startswith("Nothing new in story 1")
    assert as_json["articles"] == [] and as_json["mode"]["since_date"] == since
    run_installed(["stories", "add", _jsonl(tmp_path / "again.jsonl", REPEAT), "--db", db])
    listed = json.loads(run_installed(["stories", "list", "--db", db, "--format", "json"]).stdout)
    assert len(listed) == 1 and len(listed[0]["articles"]) == 3 + len(REPEAT)
    again = run_installed(["stories", "show", "1", "--new", "--db", db, "--format", "text"])
    lines = again.stdout.decode().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Nothing new in story 1 since its last synopsis ({since})")
    assert "10" not in lines[0]


def test_show_new_without_a_recorded_synopsis_says_so_and_records_nothing(
    tmp_path: Path,
) -> None:
    from synopsis.stories import StoryStore

    db = str(tmp_path / "s.db")
    run_installed(["stories", "add", _jsonl(tmp_path / "seen.jsonl", SEEN), "--db", db])
    md = run_installed(["stories", "show", "1", "--new", "--db", db, "--words", "40"])
    assert md.returncode == 0, md.stderr.decode()
    first, rest = md.stdout.decode().split("\n", 1)
    assert first == "Story 1 has no recorded synopsis yet; showing its full synopsis."
    assert "## Sources" in rest and "seen-3" in rest
    shown = run_installed(["stories", "show", "1", "--new", "--db", db, "--format", "json"])
    data = json.loads(shown.stdout)
    assert "mode" not in data and len(data["articles"]) == 3
    assert "no recorded synopsis yet" in shown.stderr.decode()
    with StoryStore(db) as store:
        assert store.last_summary(1) is None
