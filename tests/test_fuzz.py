"""Fuzzing: hostile text, bytes, HTML, JSON and JSONL lines through every stage and renderer.

Property, for every input path (files, cluster JSONL, stdin, service requests) and then clean,
segment, summarize, analyze and every renderer (Markdown, JSON, text, HTML report): the result
is clean, or the error is a `SynopsisError` with a one-line message; never another exception,
never output that is not valid UTF-8, never JSON output that does not parse. The strategies
mix the hostile cases of issue 9 (deep nesting, unpaired surrogates, huge integers, control
characters, mixed encodings, giant tokens) with ordinary news prose, so the pipeline gets far.

Runs are derandomized (the same examples every run) and small enough to finish in well under a
minute; for a longer hunt, raise FUZZ_EXAMPLES and set FUZZ_RANDOM=1 locally.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from synopsis.analyze import analyze
from synopsis.apps.web import form_articles
from synopsis.clean.boilerplate import clean_articles
from synopsis.ingest import iter_clusters, load_inputs, request_articles
from synopsis.ingest.articles import MAX_TOKEN_CHARS
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import SynopsisError
from synopsis.model.types import Article, DocumentSet, Summary
from synopsis.pipeline import summarize
from synopsis.render import render_report, to_dict, to_json, to_markdown, to_text
from synopsis.text.segment import segment

from .hostile import corpus

# Examples per property; FUZZ_EXAMPLES scales them all (e.g. 20 for a long local hunt).
SCALE = float(os.environ.get("FUZZ_EXAMPLES", "1"))
# FUZZ_RANDOM=1 draws new examples each run (a local hunt); CI always runs the same ones.
RANDOM = os.environ.get("FUZZ_RANDOM") == "1"


def _settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- strategies ------------------------------------------------------------------------------

SENTENCES = (
    "The council approved the new budget on Monday after a long debate.",
    "Mayor Ana Ruiz said 40 teachers would be hired by March 3, 2026.",
    "Officials said the bridge cost $12 million, up 3 percent from last year.",
    "Police in Paris reported 1,200 arrests; the ministry said 1,150.",
    "« Nous sommes prêts », a déclaré le ministre à Genève.",
    "東京で地震があり、3人が負傷した。",
)
HOSTILE_PIECES = (
    "\ud800",
    "\udfff",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "\ufeff",
    "\u200b",
    "\r",
    "\x0c",
    "|||||",
    "NEWLINE_CHAR",
    "---",
    "# ",
    "**",
    "[link](javascript:alert(1))",
    "<script>alert(1)</script>",
    "</textarea>",
    "{{ 7*7 }}",
    "1e999",
    "9" * 400,
    "-0",
    "NaN",
    "$",
    "%",
    "Jan. 32, 2026",
    "February 30, 2026",
    "9999-99-99",
    "Ü",
    "ﬁ",
    "İ",
    "ß",
    "\u0301",
)

surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
any_char = st.one_of(st.characters(), surrogates, st.sampled_from("\x00\x01\x1f\x7f\x85\u2028"))
giant_tokens = st.builds(
    lambda c, n: c * n, st.sampled_from("xé字-"), st.integers(MAX_TOKEN_CHARS - 2, 3000)
)
pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HOSTILE_PIECES),
    st.text(any_char, max_size=40),
    giant_tokens,
)
hostile_text = st.lists(pieces, max_size=12).map(" ".join) | st.text(any_char, max_size=200)


@st.composite
def spiked_sentence(draw: st.DrawFn) -> str:
    """A news sentence with a hostile piece spliced into the middle of it."""
    sentence = draw(st.sampled_from(SENTENCES))
    cut = draw(st.integers(0, len(sentence)))
    return sentence[:cut] + draw(pieces) + sentence[cut:]


prose = st.lists(
    st.one_of(st.sampled_from(SENTENCES), spiked_sentence(), pieces), min_size=1, max_size=8
).map(" ".join)


@st.composite
def mixed_bytes(draw: st.DrawFn) -> bytes:
    """Text in one or several encodings, with stray bytes spliced in."""
    parts = draw(st.lists(prose, min_size=1, max_size=4))
    out = b""
    for part in parts:
        enc = draw(st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16", "shift_jis"]))
        out += part.encode(enc, errors="replace")
        if draw(st.booleans()):
            out += draw(st.binary(max_size=4))
    return out


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Broken and nested markup around hostile text."""
    body = draw(st.lists(st.tuples(st.sampled_from(["p", "div", "b", "script", "x"]), prose)))
    depth = draw(st.integers(0, 300))
    inner = "".join(f"<{tag}>{text}" for tag, text in body)
    return (
        "<html><head><title>"
        + draw(hostile_text)
        + "</title></head><body>"
        + (
            "<div>" * depth
            + inner
            + draw(st.sampled_from(["", "</div>" * depth, "<!--", "<![CDATA["]))
        )
    )


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def documents(draw: st.DrawFn) -> Any:
    """A cluster document: usually well formed, sometimes with odd fields."""
    doc: dict[str, Any] = {"id": draw(st.text(any_char, min_size=0, max_size=6))}
    doc["text"] = draw(st.one_of(prose, hostile_text, json_values))
    for key in ("title", "published", "url", "outlet"):
        if draw(st.booleans()):
            doc[key] = draw(st.one_of(hostile_text, json_scalars))
    return doc if draw(st.integers(0, 9)) else draw(json_values)


def _escape_surrogates(line: str) -> str:
    """JSON text whose lone surrogates are written as \\uXXXX escapes, as a hostile file would."""
    return "".join(f"\\u{ord(c):04x}" if 0xD800 <= ord(c) <= 0xDFFF else c for c in line)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> str:
    """One line of a cluster file: valid, odd but parseable, or not JSON at all."""
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return draw(st.sampled_from(sorted(corpus.odd_jsonl_lines().values())))
    if kind == 1:
        return draw(st.text(any_char, max_size=60)).replace("\n", " ")
    if kind == 2:
        depth = draw(st.integers(900, 3000))
        return '{"id": "d", "documents": [' + "[" * depth + "]" * depth + "]}"
    cluster = {
        "id": draw(st.one_of(st.text(any_char, min_size=1, max_size=6), json_scalars)),
        "documents": draw(st.lists(documents(), max_size=4)),
    }
    if draw(st.booleans()):
        cluster["references"] = draw(st.one_of(st.lists(hostile_text, max_size=2), json_values))
    line = json.dumps(cluster, ensure_ascii=draw(st.booleans()), allow_nan=True)
    return _escape_surrogates(line)


# --- checks ----------------------------------------------------------------------------------


def _one_line(exc: SynopsisError) -> None:
    message = str(exc)
    assert message and "\n" not in message and "Traceback" not in message, repr(message)
    message.encode("utf-8")


def _utf8(*texts: str | None) -> None:
    for text in texts:
        if text is not None:
            text.encode("utf-8")  # raises on a lone surrogate


def _check_articles(articles: tuple[Article, ...] | list[Article]) -> None:
    for a in articles:
        _utf8(a.id, a.text, a.title, a.url, a.published, a.outlet, a.origin)
        assert a.text.strip()
        assert all(len(w) <= MAX_TOKEN_CHARS for w in a.text.split())


def _check_cluster(cluster: DocumentSet) -> None:
    _utf8(cluster.id, *cluster.references)
    _check_articles(cluster.articles)
    assert len({a.id for a in cluster.articles}) == len(cluster.articles)
    for s in cluster.skipped:
        _utf8(s.article, s.why)


def _tolerate(fn: Callable[[], Any]) -> Any:
    """Run fn; a SynopsisError is a fine answer if its message is one line."""
    try:
        return fn()
    except SynopsisError as exc:
        _one_line(exc)
        return None


def _check_rendered(summary: Summary) -> None:
    data = to_dict(summary)
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text) == json.loads(to_json(summary))
    text.encode("utf-8")
    for out in (to_markdown(summary), to_text(summary), render_report(summary)):
        out.encode("utf-8")


QUICK = SummarizerConfig(max_words=60)


def _summarize_and_render(articles: list[Article]) -> None:
    summary = _tolerate(lambda: summarize(articles, QUICK))
    event("summarized" if summary is not None else "refused")
    if summary is not None:
        _check_rendered(summary)


# --- properties: input paths -----------------------------------------------------------------


@_settings(100)
@given(data=mixed_bytes(), suffix=st.sampled_from([".txt", ".md"]))
def test_fuzz_article_files_decode_to_utf8_or_one_line_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(data)
        cluster = _tolerate(lambda: load_inputs([str(path)]))
        if cluster is not None:
            _check_cluster(cluster)


@_settings(100)
@given(data=mixed_bytes())
def test_fuzz_stdin_bytes_decode_like_files(data: bytes) -> None:
    cluster = _tolerate(lambda: load_inputs(["-"], stdin=io.BytesIO(data)))
    if cluster is not None:
        _check_cluster(cluster)


@_settings(150)
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=5))
def test_fuzz_jsonl_lines_each_give_a_cluster_or_that_lines_error(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clusters.jsonl"
        path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
        items = list(iter_clusters(str(path)))
    assert len(items) <= len(lines)
    for item in items:
        if isinstance(item, SynopsisError):
            _one_line(item)
        else:
            _check_cluster(item)


@_settings(80)
@given(line=jsonl_lines())
def test_fuzz_stdin_json_gives_a_cluster_or_one_line_error(line: str) -> None:
    cluster = _tolerate(lambda: load_inputs(["-"], stdin=io.StringIO(line)))
    if cluster is not None:
        _check_cluster(cluster)


@_settings(150)
@given(items=st.lists(documents(), min_size=1, max_size=4))
def test_fuzz_request_articles_give_articles_or_one_line_error(items: list[Any]) -> None:
    items = [i for i in items if isinstance(i, dict)] or [{"id": "a", "text": "x"}]
    got = _tolerate(lambda: request_articles(items))
    if got is not None:
        articles, skipped = got
        _check_articles(articles)
        assert len(articles) + len(skipped) == len(items)


@_settings(6)
@given(pages=st.lists(html_pages(), min_size=1, max_size=3))
def test_fuzz_html_files_extract_or_skip_with_a_reason(pages: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n, page in enumerate(pages):
            (Path(tmp) / f"p{n}.html").write_bytes(page.encode("utf-8", "surrogatepass"))
        cluster = _tolerate(lambda: load_inputs([tmp]))
    if cluster is not None:
        _check_cluster(cluster)
        assert len(cluster.articles) + len(cluster.skipped) == len(pages)


# --- properties: stages and renderers --------------------------------------------------------


@st.composite
def article_sets(draw: st.DrawFn) -> list[Article]:
    """Articles as ingest would hand them over: valid UTF-8, ids unique, dates normalized."""
    texts = draw(st.lists(prose, min_size=1, max_size=4))
    items = [
        {
            "id": f"a{n}",
            "text": text.encode("utf-8", "replace").decode("utf-8"),
            "title": draw(st.one_of(st.none(), st.sampled_from(SENTENCES))),
            "published": draw(st.sampled_from([None, "March 3, 2026", "2026-02-30", "x"])),
            "url": draw(st.sampled_from([None, "https://x.example/a", "javascript:alert(1)"])),
        }
        for n, text in enumerate(texts)
    ]
    got = _tolerate(lambda: request_articles(items))
    return got[0] if got is not None else []


@_settings(80)
@given(articles=article_sets())
def test_fuzz_summarize_and_every_renderer_give_utf8_and_valid_json(
    articles: list[Article],
) -> None:
    _summarize_and_render(articles)


@_settings(60)
@given(texts=st.lists(st.one_of(prose, hostile_text), min_size=1, max_size=3))
def test_fuzz_raw_articles_through_the_api_never_crash(texts: list[str]) -> None:
    # The Python API takes Articles directly, without ingest: lone surrogates included.
    articles = [Article(id=f"r{n}", text=t) for n, t in enumerate(texts)]
    _summarize_and_render(articles)


@_settings(40)
@given(texts=st.lists(st.one_of(prose, hostile_text), min_size=1, max_size=3))
def test_fuzz_clean_segment_analyze_directly_keep_offsets_and_utf8(texts: list[str]) -> None:
    articles = [
        Article(id=f"s{n}", text=t.encode("utf-8", "replace").decode()) for n, t in enumerate(texts)
    ]
    kept, dropped = _tolerate(lambda: clean_articles(articles)) or ((), ())
    assert len(kept) + len(dropped) <= len(articles)
    per_article = segment(kept)
    for article, sentences in zip(kept, per_article, strict=True):
        for s in sentences:
            assert article.text[s.start : s.end] == s.text
    analysis = _tolerate(lambda: analyze(kept, per_article))
    if analysis is not None:
        json.dumps(repr(analysis), ensure_ascii=False).encode("utf-8")


@_settings(40)
@given(
    pasted=hostile_text,
    uploads=st.lists(st.tuples(st.text(any_char, max_size=12), mixed_bytes()), max_size=3),
)
def test_fuzz_service_form_uploads_become_articles_or_one_line_error(
    pasted: str, uploads: list[tuple[str, bytes]]
) -> None:
    items = _tolerate(lambda: form_articles(pasted, uploads))
    if items is not None:
        assert len({i["id"] for i in items}) == len(items)
        got = _tolerate(lambda: request_articles(items))
        if got is not None:
            _check_articles(got[0])
