"""Reading inputs (synopsis.ingest): files, folders, cluster JSONL, stdin, service requests."""

from __future__ import annotations

import gzip
import io
import json
import logging
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from synopsis.apps.web import form_articles
from synopsis.apps.web_pool import run_job
from synopsis.ingest import html_extract
from synopsis.ingest.articles import MAX_TOKEN_CHARS
from synopsis.ingest.ids import unique_ids
from synopsis.ingest.jsonl import MAX_BAD_LINES_IN_A_ROW
from synopsis.ingest.readers import (
    iter_clusters,
    load_inputs,
    normalize_date,
    normalize_text,
    read_clusters,
)
from synopsis.ingest.requests import request_articles
from synopsis.model.config import IngestConfig
from synopsis.model.errors import InputError
from synopsis.model.types import DocumentSet, Skipped

from .hostile import corpus
from .test_cli_installed import run_installed

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

BODY = "The council approved the new budget on Monday after a long debate.\n"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _jsonl(path: Path, *objs: object) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def _cluster(cid: str, *texts: str) -> dict[str, object]:
    docs = [{"id": f"{cid}-{i}", "text": t} for i, t in enumerate(texts)]
    return {"id": cid, "documents": docs}


# --- folders and files -------------------------------------------------------------------


def test_folder_reads_article_files_sorted_and_reports_others(tmp_path: Path) -> None:
    story = tmp_path / "my-story"
    story.mkdir()
    _write(story / "b.txt", "Second article arrives\n\n" + BODY)
    _write(
        story / "a.md", "# First article\n\nSome **bold** text and a [link](http://x.example).\n"
    )
    shutil.copy(FIXTURES / "page.html", story / "c.html")
    _write(story / "notes.pdf", "%PDF-1.4")
    (story / "sub").mkdir()
    cluster = load_inputs([str(story)])
    assert cluster.id == "my-story"
    assert [a.id for a in cluster.articles] == ["a", "b", "c"]
    assert cluster.articles[0].text == "First article\n\nSome bold text and a link."
    assert cluster.articles[0].title == "First article"
    assert cluster.articles[1].title == "Second article arrives"
    assert cluster.articles[1].origin == str(story / "b.txt")
    why = {s.article: s.why for s in cluster.skipped}
    assert "not an article file" in why["notes"]
    assert "subfolder" in why["sub"]


def test_single_files_combine_into_one_cluster(tmp_path: Path) -> None:
    a = _write(tmp_path / "one.txt", BODY)
    b = _write(tmp_path / "two.txt", "A second report says the budget grew by 3 percent.\n")
    cluster = load_inputs([str(a), str(b)])
    assert cluster.id == "one+two"
    assert [x.id for x in cluster.articles] == ["one", "two"]
    assert cluster.articles[0].title is None


def test_duplicate_article_ids_are_disambiguated(tmp_path: Path) -> None:
    d1 = tmp_path / "d1"
    d2 = tmp_path / "d2"
    d1.mkdir()
    d2.mkdir()
    _write(d1 / "story.txt", BODY)
    _write(d2 / "story.txt", "Another text about the budget vote on Monday.\n")
    _write(tmp_path / "story.txt", "A third text about the budget.\n")
    cluster = load_inputs([str(d1), str(d2), str(tmp_path / "story.txt")])
    assert [a.id for a in cluster.articles] == ["story", "story-2", "story-3"]


def test_text_is_normalized(tmp_path: Path) -> None:
    raw = "Cafe\u0301 owner speaks   \r\nSecond line\t\r\n\r\n"
    path = _write(tmp_path / "x.txt", "\ufeff" + raw)
    art = load_inputs([str(path)]).articles[0]
    assert art.text == "Caf\u00e9 owner speaks\nSecond line"
    assert normalize_text("a \r\nb\rc  ") == "a\nb\nc"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("The \u200bFlight Crew sued the\u200bir team.", "The Flight Crew sued their team."),
        (
            "State Sen. Diane Savino \u200b(D-SI) \u200bapplauded.",
            "State Sen. Diane Savino (D-SI) applauded.",
        ),
        ("An inter\u00adnational word\u2060joiner.", "An international wordjoiner."),
        ("A stray joiner\u200d and non-joiner\u200c here.", "A stray joiner and non-joiner here."),
        # spelling, not cruft: Persian's non-joiner between letters, an emoji's joiner
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),
        (
            "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji.",
            "A family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji.",
        ),
    ],
)
def test_characters_that_print_nothing_leave_words_whole(
    tmp_path: Path, raw: str, text: str
) -> None:
    path = _write(tmp_path / "x.txt", raw + "\n")
    assert load_inputs([str(path)]).articles[0].text == text


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Le café de la place a rouvert ses portes après les travaux, a déclaré son propriétaire. "
        "Les habitués étaient très contents de retrouver leur crème brûlée et le pâté maison.\n"
    )
    path = _write(tmp_path / "fr.txt", text, encoding="latin-1")
    assert load_inputs([str(path)]).articles[0].text == text.strip()


def test_markdown_front_matter_sets_metadata(tmp_path: Path) -> None:
    md = (
        "---\ntitle: Dam reopens\noutlet: River News\npublished: May 2, 2026\n"
        "url: https://river.example/dam\n---\n\n# Dam reopens\n\n> A quote block line.\n\n"
        "![photo](x.jpg)\n\nText with `code` and *emphasis* and __strong__ words.\n"
    )
    art = load_inputs([str(_write(tmp_path / "dam.md", md))]).articles[0]
    assert (art.title, art.outlet, art.published, art.url) == (
        "Dam reopens",
        "River News",
        "2026-05-02",
        "https://river.example/dam",
    )
    assert art.text == (
        "Dam reopens\n\nA quote block line.\n\nText with code and emphasis and strong words."
    )


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    cluster = load_inputs([str(FIXTURES / "page.html")])
    art = cluster.articles[0]
    assert art.id == "page"
    assert art.title == "Night trains return to the northern line"
    assert art.outlet == "Valley Gazette"
    assert art.published == "2026-05-14"
    assert art.url == "https://valley-gazette.example/transport/night-trains"
    assert "Night trains will run again between Arnholt" in art.text
    assert "operations chief Lena Hartmann" in art.text
    for junk in ("Log in", "All rights reserved", "analytics", "Bakery wins"):
        assert junk not in art.text


FAKE_WORKER = """
import json, sys, time
for line in sys.stdin:
    if "SLOW" in json.loads(line):
        time.sleep(30)
    print(json.dumps({"text": "Body of the page, extracted.", "title": "T"}), flush=True)
"""


def test_html_timeout_skips_only_the_slow_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_extract, "WORKER_ARGV", ("-c", FAKE_WORKER))
    _write(tmp_path / "a.html", "<html><body>SLOW</body></html>")
    _write(tmp_path / "b.html", "<html><body>fast</body></html>")
    _write(tmp_path / "c.html", "<html><body>fast too</body></html>")
    start = time.monotonic()
    config = IngestConfig(html_timeout=0.5, workers=1)
    monkeypatch.setattr(html_extract, "POOL_STARTUP_SECONDS", 0.5)
    cluster = load_inputs([str(tmp_path)], config=config)
    assert time.monotonic() - start < 10
    assert [a.id for a in cluster.articles] == ["b", "c"]
    assert cluster.articles[0].text == "Body of the page, extracted."
    assert "longer than 0.5 s" in cluster.skipped[0].why


def test_html_worker_that_dies_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_extract, "WORKER_ARGV", ("-c", "import sys; sys.exit(3)"))
    _write(tmp_path / "a.html", "<html><body>x</body></html>")
    cluster = load_inputs([str(tmp_path)])
    assert cluster.articles == ()
    assert "worker process exited" in cluster.skipped[0].why


def test_html_from_a_threaded_caller(tmp_path: Path) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        cluster = load_inputs([str(FIXTURES / "page.html")])
    finally:
        stop.set()
        other.join()
    assert cluster.articles[0].outlet == "Valley Gazette"


# --- bad inputs --------------------------------------------------------------------------


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope.*no such file or folder"):
        load_inputs([str(tmp_path / "nope")])


def test_no_paths_is_an_error() -> None:
    with pytest.raises(InputError, match="no input given"):
        load_inputs([])


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder has no article files"):
        load_inputs([str(tmp_path)])
    _write(tmp_path / "data.csv", "a,b\n")
    with pytest.raises(InputError, match="folder has no article files"):
        load_inputs([str(tmp_path)])


def test_unsupported_single_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'"):
        load_inputs([str(_write(tmp_path / "x.pdf", "%PDF"))])


def test_empty_whitespace_and_binary_files_are_skipped_with_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path / "empty.txt", "")
    _write(tmp_path / "blank.txt", "  \n\t\n")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    _write(tmp_path / "good.txt", BODY)
    with caplog.at_level(logging.WARNING, logger="synopsis"):
        cluster = load_inputs([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["good"]
    why = {s.article: s.why for s in cluster.skipped}
    assert "empty file" in why["empty"]
    assert "only whitespace" in why["blank"]
    assert "binary" in why["bin"]
    assert sum("skipped" in r.getMessage() for r in caplog.records) == 3


def test_huge_file_is_skipped_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    _write(tmp_path / "small.txt", BODY)
    real_read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "big.txt", "the huge file was read"
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    cluster = load_inputs([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["small"]
    assert "over the limit of 20,000,000 bytes" in cluster.skipped[0].why


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "locked.txt", BODY)
    _write(tmp_path / "open.txt", BODY)
    real_open = Path.open

    def deny(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    cluster = load_inputs([str(tmp_path)])
    assert [a.id for a in cluster.articles] == ["open"]
    assert "Permission denied" in cluster.skipped[0].why


# --- cluster JSONL -----------------------------------------------------------------------


def test_example_jsonl_has_the_story_and_a_reference() -> None:
    cluster = load_inputs([str(EXAMPLES / "harbor-bridge.jsonl")])
    assert cluster.id == "harbor-bridge"
    assert len(cluster.articles) == 5
    assert len(cluster.references) == 1
    assert "Orla Brenning" in cluster.references[0]


def test_jsonl_with_several_clusters_needs_an_id() -> None:
    path = str(FIXTURES / "clusters.jsonl")
    with pytest.raises(InputError, match=r"pass --id"):
        load_inputs([path])
    cluster = load_inputs([path], cluster_id="c2")
    assert cluster.id == "c2"
    assert [a.id for a in cluster.articles] == ["d1", "d2"]
    assert cluster.articles[1].title == "Two"
    first = load_inputs([path], cluster_id="c1")
    assert first.references == ("First summary.",)
    assert first.articles[0].published == "2026-01-05"
    assert first.articles[0].outlet == "Paper One"


def test_unknown_id_lists_available_ids(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "s.jsonl", _cluster("x1", BODY), _cluster("x2", BODY))
    with pytest.raises(InputError, match=r"no cluster with id 'zz'; available ids: x1, x2"):
        load_inputs([str(path)], cluster_id="zz")


def test_single_line_jsonl_needs_no_id(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "one.jsonl", _cluster("only", BODY, BODY))
    cluster = load_inputs([str(path)])
    assert cluster.id == "only"
    assert len(cluster.articles) == 2


def test_iter_clusters_reports_bad_lines_and_goes_on() -> None:
    items = list(iter_clusters(str(FIXTURES / "clusters.jsonl")))
    assert [type(i).__name__ for i in items] == [
        "DocumentSet",
        "DocumentSet",
        "InputError",
        "DocumentSet",
    ]
    assert str(items[2]) == ("clusters.jsonl line 3: documents[1].text must be a string, got int")
    with pytest.raises(InputError, match="line 3"):
        read_clusters(str(FIXTURES / "clusters.jsonl"))


def test_invalid_json_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_cluster("a", BODY)) + "\n\n{not json\n", encoding="utf-8")
    items = list(iter_clusters(str(path)))
    assert isinstance(items[0], DocumentSet)
    assert isinstance(items[1], InputError)
    assert str(items[1]).startswith("bad.jsonl line 3: invalid JSON")


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ([1, 2], "expected a JSON object"),
        ({"documents": []}, '"id" must be a non-empty string'),
        ({"id": "a", "documents": []}, '"documents" must be a non-empty list'),
        ({"id": "a", "documents": ["x"]}, "documents[0] must be an object"),
        ({"id": "a", "documents": [{"text": "t"}]}, "documents[0].id is missing"),
        ({"id": "a", "documents": [{"id": "d", "text": "t", "url": 3}]}, "documents[0].url"),
        ({"id": "a", "documents": [{"id": "d", "text": "t"}], "references": [1]}, "references"),
    ],
)
def test_wrong_types_name_line_and_field(tmp_path: Path, obj: object, message: str) -> None:
    path = _jsonl(tmp_path / "c.jsonl", obj)
    (item,) = list(iter_clusters(str(path)))
    assert isinstance(item, InputError)
    assert str(item).startswith("c.jsonl line 1")
    assert message in str(item)


def test_jsonl_gz_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(200):
            fh.write(json.dumps(_cluster(f"k{i}", f"Story number {i} is here.")) + "\n")
    it = iter_clusters(str(path))
    first = next(it)
    assert isinstance(first, DocumentSet)
    assert first.id == "k0"
    assert sum(1 for _ in it) == 199
    assert (
        load_inputs([str(path)], cluster_id="k150").articles[0].text == "Story number 150 is here."
    )


def test_truncated_gz_yields_an_error(tmp_path: Path) -> None:
    data = gzip.compress(
        b"".join(json.dumps(_cluster(f"k{i}", BODY)).encode() + b"\n" for i in range(50))
    )
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_clusters(str(path)))
    assert isinstance(items[-1], InputError)
    assert "cut.jsonl.gz" in str(items[-1])


def test_extra_keys_ignored_dates_normalized_empty_docs_skipped(tmp_path: Path) -> None:
    obj = {
        "id": "e",
        "longbench_id": "xyz",
        "documents": [
            {"id": "1", "text": BODY, "published": "March 3, 2026", "extra": 1},
            {"id": "2", "text": BODY, "published": "sometime last week"},
            {"id": "3", "text": "   "},
            {"id": "1", "text": "Same id again, different text."},
        ],
    }
    cluster = load_inputs([str(_jsonl(tmp_path / "e.jsonl", obj))])
    assert [a.id for a in cluster.articles] == ["1", "2", "1-2"]
    assert [a.published for a in cluster.articles] == ["2026-03-03", None, None]
    assert cluster.skipped[0].article == "3"


def test_missing_jsonl_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_clusters(str(tmp_path / "none.jsonl")))


# --- stdin -------------------------------------------------------------------------------


def test_stdin_multinews_separator_formats() -> None:
    inline = "First article text. ||||| Second article NEWLINE_CHAR second line. |||||"
    cluster = load_inputs(["-"], stdin=io.StringIO(inline))
    assert cluster.id == "stdin"
    assert [a.id for a in cluster.articles] == ["1", "2"]
    assert cluster.articles[1].text == "Second article\n second line."
    assert cluster.skipped[0].article == "3"
    lines = "Para one.\nPara two.\n|||||\nOther article.\n"
    cluster = load_inputs(["-"], stdin=io.StringIO(lines))
    assert [a.text for a in cluster.articles] == ["Para one.\nPara two.", "Other article."]


def test_stdin_json_cluster_object() -> None:
    obj = json.dumps(_cluster("piped", "Piped text one.", "Piped text two."), indent=2)
    cluster = load_inputs(["-"], stdin=io.StringIO(obj))
    assert cluster.id == "piped"
    assert [a.text for a in cluster.articles] == ["Piped text one.", "Piped text two."]


def test_stdin_jsonl_uses_id() -> None:
    text = "\n".join(json.dumps(_cluster(c, f"Text of {c}.")) for c in ("s1", "s2"))
    cluster = load_inputs(["-"], stdin=io.StringIO(text), cluster_id="s2")
    assert cluster.articles[0].text == "Text of s2."


def test_empty_stdin_is_an_error() -> None:
    with pytest.raises(InputError, match="stdin is empty"):
        load_inputs(["-"], stdin=io.StringIO("  \n"))


def test_cluster_id_names_a_folder_cluster(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", BODY)
    assert load_inputs([str(tmp_path)], cluster_id="my-name").id == "my-name"


# --- helpers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-03-03T10:00:00Z", "2026-03-03"),
        ("2026/3/3", "2026-03-03"),
        ("March 3, 2026", "2026-03-03"),
        ("Sept. 14th, 2025", "2025-09-14"),
        ("3 Mar 2026", "2026-03-03"),
        ("Feb 30, 2026", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(raw: str | None, iso: str | None) -> None:
    assert normalize_date(raw) == iso


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("Ship hits bridge, 12 hurt", "Ship hits bridge, 12 hurt"),
        ("A ship hit the bridge early on Tuesday, officials said.", None),
        ("Sign in", None),
        ("Who pays for the repairs?", None),
    ],
)
def test_headline_detection(tmp_path: Path, first: str, title: str | None) -> None:
    path = _write(tmp_path / "h.txt", f"{first}\n\n{BODY}")
    art = load_inputs([str(path)]).articles[0]
    assert art.title == title
    assert art.text.startswith(first)


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        ("By AP     Mar 3, 2026 in World", "2026-03-03"),
        ("Harbor | Published: March 4, 2026 9:12:40 AM", "2026-03-04"),
        ("Posted: Wed, 5 March 2026", "2026-03-05"),
        ("The bridge opened on March 3, 1987 after years of work.", None),
    ],
)
def test_published_date_from_byline_line(tmp_path: Path, head: str, iso: str | None) -> None:
    path = _write(tmp_path / "d.txt", f"{head}\n\n{BODY}")
    assert load_inputs([str(path)]).articles[0].published == iso


def test_jsonl_document_given_as_html_is_extracted(tmp_path: Path) -> None:
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    docs = [
        {"id": "t1", "text": BODY},
        {"id": "p", "text": "", "html": page},
        {"id": "t2", "text": BODY},
    ]
    (cluster,) = read_clusters(str(_jsonl(tmp_path / "h.jsonl", {"id": "h", "documents": docs})))
    assert [a.id for a in cluster.articles] == ["t1", "p", "t2"]
    assert cluster.articles[1].outlet == "Valley Gazette"
    assert "Night trains will run again" in cluster.articles[1].text


def test_single_json_cluster_file(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(json.dumps(_cluster("js", BODY), indent=2), encoding="utf-8")
    cluster = load_inputs([str(path)])
    assert cluster.id == "js"
    assert cluster.articles[0].text == BODY.strip()


def test_non_utf8_jsonl_line_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "l1.jsonl"
    good = json.dumps(_cluster("ok", BODY)).encode()
    path.write_bytes(good + b"\n" + '{"id": "caf\u00e9"}'.encode("latin-1") + b"\n")
    items = list(iter_clusters(str(path)))
    assert isinstance(items[0], DocumentSet)
    assert str(items[1]).startswith("l1.jsonl line 2: not UTF-8 text")


def test_headline_found_after_login_prompt(tmp_path: Path) -> None:
    text = f"Sign in\nRemember me Forgot password?\n\nBridge reopens after six weeks\n\n{BODY}"
    art = load_inputs([str(_write(tmp_path / "p.txt", text))]).articles[0]
    assert art.title == "Bridge reopens after six weeks"


def test_alt_text_glued_to_headline_is_dropped(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text(
        "article imageIS loses towns in face of twin Syria, Iraq assaults\n\n"
        "The jihadist group lost control of two towns on Friday, officials said.\n"
    )
    cluster = load_inputs([str(page)])
    assert cluster.articles[0].title == "IS loses towns in face of twin Syria, Iraq assaults"


# --- one ingest path: ids, dates and HTML the same for every input -------------------------


def test_unique_ids_never_collide_with_an_existing_id() -> None:
    assert unique_ids(["a", "a", "a-2"]) == ["a", "a-2", "a-2-2"]
    assert unique_ids(["a", "a-2", "a"]) == ["a", "a-2", "a-3"]
    assert unique_ids(["x", "y"]) == ["x", "y"]


def test_files_with_repeated_names_get_distinct_ids(tmp_path: Path) -> None:
    paths = []
    for n, name in enumerate(["a.txt", "a.txt", "a-2.txt"]):
        folder = tmp_path / f"d{n}"
        folder.mkdir()
        paths.append(str(_write(folder / name, f"Report {n}: " + BODY)))
    ids = [a.id for a in load_inputs(paths).articles]
    assert ids == ["a", "a-2", "a-2-2"]


def test_service_form_uploads_with_repeated_names_get_distinct_ids() -> None:
    items = form_articles(
        "", [("a.txt", b"One. " + BODY.encode()), ("a.txt", b"Two."), ("a.txt-2", b"Three.")]
    )
    assert [i["id"] for i in items] == ["a.txt", "a.txt-2", "a.txt-2-2"]
    articles, _ = request_articles(items)
    assert len({a.id for a in articles}) == 3


def test_request_dates_are_normalized_like_file_dates() -> None:
    articles, _ = request_articles(
        [
            {"id": "a", "text": BODY, "published": "March 3, 2026"},
            {"id": "b", "text": BODY, "published": "2026-03-04T10:00:00Z"},
            {"id": "c", "text": BODY, "published": "last week"},
        ]
    )
    assert [a.published for a in articles] == ["2026-03-03", "2026-03-04", None]


def test_request_with_written_date_gets_a_timeline() -> None:
    body = (
        "The council approved the new budget on Monday after a long debate. "
        "The mayor said the plan would add 40 teachers. Officials said the vote was close."
    )
    items = [
        {"id": "a", "text": body, "published": "March 3, 2026"},
        {"id": "b", "text": body.replace("council", "city council"), "published": "March 4, 2026"},
    ]
    result = run_job(None, "json", items, 60)
    assert isinstance(result, dict)
    assert [event["date"] for event in result["timeline"]] == ["2026-03-02"]


def test_request_ids_chosen_by_the_caller_must_be_unique() -> None:
    with pytest.raises(InputError, match=r"articles\[1\]: article id 'a' appears twice"):
        request_articles([{"id": "a", "text": BODY}, {"id": "a", "text": BODY}])


def test_request_empty_text_is_skipped_with_the_reason() -> None:
    articles, skipped = request_articles([{"id": "a", "text": BODY}, {"id": "b", "text": "  "}])
    assert [a.id for a in articles] == ["a"]
    assert skipped == [Skipped("b", "no text")]


# --- hostile input (issue 9) ---------------------------------------------------------------


def test_gzip_bomb_stops_at_the_limit_with_one_line_error(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(corpus.gzip_bomb(100 * corpus.BOMB_CHUNK))
    assert bomb.stat().st_size < 150_000
    started = time.monotonic()
    items = list(iter_clusters(str(bomb)))
    assert time.monotonic() - started < 10
    assert len(items) == 1 and isinstance(items[0], InputError)
    message = str(items[0])
    assert "\n" not in message and "over the limit of 20,000,000 bytes" in message


def test_gzip_bomb_of_newlines_stops_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "newlines.jsonl.gz"
    bomb.write_bytes(corpus.gzip_bomb(100 * corpus.BOMB_CHUNK, b"\n"))
    started = time.monotonic()
    items = list(iter_clusters(str(bomb)))
    assert time.monotonic() - started < 10
    assert len(items) == 1 and "over the limit" in str(items[0])


def test_jsonl_line_over_the_limit_is_its_error_and_ends_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = corpus.cluster_line("good", BODY)
    path.write_text(good + "\n" + corpus.cluster_line("big", "word " * 500) + "\n" + good + "\n")
    items = list(iter_clusters(str(path), config=IngestConfig(max_file_bytes=1000)))
    assert isinstance(items[0], DocumentSet)
    assert isinstance(items[1], InputError) and "c.jsonl line 2" in str(items[1])
    assert "over the limit of 1,000 bytes" in str(items[1])
    assert len(items) == 2


def test_plain_jsonl_of_unreadable_lines_stops_after_a_bounded_number(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"{}\n" * 50_000)
    items = list(iter_clusters(str(path)))
    assert len(items) == MAX_BAD_LINES_IN_A_ROW + 1
    assert "not a cluster JSONL file?" in str(items[-1])


@pytest.mark.parametrize("case", sorted(corpus.odd_jsonl_lines()))
def test_odd_jsonl_line_is_that_lines_error_and_reading_goes_on(tmp_path: Path, case: str) -> None:
    path = tmp_path / "odd.jsonl"
    good = corpus.cluster_line("good", BODY)
    path.write_text(good + "\n" + corpus.odd_jsonl_lines()[case] + "\n" + good + "\n")
    items = list(iter_clusters(str(path)))
    assert [type(i).__name__ for i in items] == ["DocumentSet", "InputError", "DocumentSet"]
    message = str(items[1])
    assert message.startswith("odd.jsonl line 2: ") and "\n" not in message
    assert len(message) < 300


def test_surrogate_in_request_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"articles\[0\]\.text holds the unpaired surrogate"):
        request_articles([{"id": "a", "text": "bad \ud800 escape"}])


def test_surrogate_in_stdin_json_is_an_input_error() -> None:
    line = corpus.odd_jsonl_lines()["surrogate"]
    with pytest.raises(InputError, match="unpaired surrogate"):
        load_inputs(["-"], stdin=io.StringIO(line))


def test_stdin_over_the_limit_is_an_error() -> None:
    with pytest.raises(InputError, match="stdin: input is 1,001 bytes or more, over the limit"):
        load_inputs(["-"], stdin=io.BytesIO(b"x" * 5000), config=IngestConfig(max_file_bytes=1000))


def test_latin1_stdin_is_decoded_like_a_file() -> None:
    cluster = load_inputs(["-"], stdin=io.BytesIO(corpus.latin1_text()))
    assert cluster.articles[0].text.startswith("Le café de la place")


def test_undecodable_stdin_is_an_error() -> None:
    with pytest.raises(InputError, match="stdin: binary or undecodable"):
        load_inputs(["-"], stdin=io.BytesIO(b"\x00\x01\x02" * 100))


def test_one_stray_byte_keeps_a_utf8_file_utf8(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    path.write_bytes(corpus.stray_byte_utf8())
    text = load_inputs([str(path)]).articles[0].text
    assert text.startswith("Über 40 Schüler trafen sich im Café.")
    assert "Caf\ufffd " in text and "Ã" not in text


def test_giant_word_is_cut_and_the_article_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "giant.txt"
    path.write_bytes(corpus.giant_word(2_000_000))
    with caplog.at_level(logging.WARNING, logger="synopsis"):
        art = load_inputs([str(path)]).articles[0]
    assert max(len(w) for w in art.text.split()) <= MAX_TOKEN_CHARS
    assert art.text == corpus.BODY + "\n\n" + corpus.BODY
    assert f"over {MAX_TOKEN_CHARS} characters" in caplog.text


def test_file_of_only_a_giant_word_is_skipped_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"y" * 50_000)
    cluster = load_inputs([str(path), str(_write(tmp_path / "ok.txt", BODY))])
    assert [a.id for a in cluster.articles] == ["ok"]
    assert f"tokens over {MAX_TOKEN_CHARS} characters" in cluster.skipped[0].why


def test_20_mb_word_is_bounded_when_the_limit_allows_it(tmp_path: Path) -> None:
    path = tmp_path / "giant.txt"
    path.write_bytes(corpus.giant_word())
    started = time.monotonic()
    cluster = load_inputs([str(path)], config=IngestConfig(max_file_bytes=30_000_000))
    assert time.monotonic() - started < 20
    assert len(cluster.articles[0].text) < 1000


@pytest.mark.parametrize("kind", ["txt", "folder"])
def test_iter_clusters_refuses_an_article_file_or_folder(tmp_path: Path, kind: str) -> None:
    path = _write(tmp_path / "a.txt", BODY) if kind == "txt" else tmp_path
    with pytest.raises(InputError, match=r"cluster \.jsonl or \.jsonl\.gz file"):
        iter_clusters(str(path))


# --- hostile input through the installed command --------------------------------------------


def test_batch_goes_on_after_odd_lines(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(corpus.hostile_batch(), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run_installed(["batch", str(path), "-o", str(out), "--workers", "1"])
    assert done.returncode == 4, done.stderr.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["good-1", None, None, None, None, None, "good-2"]
    assert records[0]["summary"] and records[-1]["summary"]
    assert all("\n" not in r["error"] for r in records[1:-1])


@pytest.mark.parametrize("kind", ["txt", "folder"])
def test_batch_on_an_article_file_or_folder_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    path = _write(tmp_path / "a.txt", BODY) if kind == "txt" else tmp_path
    out = tmp_path / "out.jsonl"
    done = run_installed(["batch", str(path), "-o", str(out)])
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1
    assert "not a cluster .jsonl" in lines[0] or "is a folder" in lines[0]
    assert not out.exists()


def test_latin1_on_stdin_gives_utf8_json() -> None:
    text = corpus.latin1_text() + b"|||||" + corpus.latin1_text().replace(b"Le caf", b"Notre caf")
    done = run_installed(["summarize", "-", "--format", "json"], stdin=text)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert "café" in data["summary"]


def test_request_html_is_extracted_the_same_in_process_and_in_workers() -> None:
    page = (EXAMPLES / "harbor-bridge" / "03-tidewater-herald.html").read_text(encoding="utf-8")
    items = [{"id": "h", "html": page}, {"id": "e", "html": "<html><body></body></html>"}]
    here = request_articles(items, in_process=True)
    workers = request_articles(items)
    assert here == workers
    assert here[0][0].published == "2026-03-03" and here[0][0].text
    assert here[1] == [Skipped("e", "no article text found in html")]
