"""Tests for the HTML report (issue 5): structure, escaping, CSP, passages, golden file, CLI."""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from synopsis import pipeline
from synopsis.apps.cli import report_command
from synopsis.apps.files import write_text_atomic as write_atomic
from synopsis.model.errors import InputError
from synopsis.model.types import (
    Analysis,
    Article,
    Entity,
    NumberGroup,
    NumberValue,
    Skipped,
    Source,
    Summary,
    SummarySentence,
    TimelineEvent,
)
from synopsis.render.html import passages, render_report, safe_url
from tests.conftest import check_golden

INJECTED = "<script>window.__pwned = 1; document.title = 'pwned';</script>"

TEXT_A = (
    "Storm floods coastal towns\n\n"
    "A storm flooded three coastal towns on Monday. Officials said 12 people were hurt. "
    f"{INJECTED} Power was cut to 40,000 homes.\n\n"
    "Repairs will take a week, the utility said."
)
TEXT_B = (
    "Twelve people were injured when the storm struck on Monday, officials said. "
    "About 38,000 homes lost power.\n\nSchools stay closed on Tuesday."
)


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def story_summary() -> Summary:
    """A fixed hand-built Summary with analysis, a hostile article and a skipped input."""
    a = Article(
        "a1",
        TEXT_A,
        title="Storm floods coastal towns",
        url="https://example.com/a",
        published="2026-03-02",
        outlet="Daily Planet",
    )
    b = Article(
        "b2",
        TEXT_B,
        title='Storm <img src=x onerror="window.__pwned=2">',
        url="javascript:window.__pwned=3",
        outlet="Gazette",
    )
    s1a = Source("a1", *_span(TEXT_A, "A storm flooded three coastal towns on Monday."))
    s1b = Source("a1", *_span(TEXT_A, "Officials said 12 people were hurt."))
    s1c = Source(
        "b2",
        *_span(
            TEXT_B, "Twelve people were injured when the storm struck on Monday, officials said."
        ),
    )
    s2a = Source("a1", *_span(TEXT_A, "Power was cut to 40,000 homes."))
    s2b = Source("b2", *_span(TEXT_B, "About 38,000 homes lost power."))
    homes_a = NumberValue("40,000", 40000.0, "homes", "a1", s2a.start, s2a.end, "40,000 homes")
    homes_b = NumberValue("38,000", 38000.0, "homes", "b2", s2b.start, s2b.end, "38,000 homes")
    hurt_a = NumberValue("12", 12.0, "people", "a1", s1b.start, s1b.end, "12 people")
    hurt_b = NumberValue("Twelve", 12.0, "people", "b2", s1c.start, s1c.end, "Twelve people")
    return Summary(
        sentences=(
            SummarySentence(
                "A storm flooded three coastal towns on Monday, and 12 people were hurt.",
                (s1a, s1b, s1c),
            ),
            SummarySentence("Power was cut to 40,000 homes.", (s2a, s2b)),
        ),
        articles=(a, b),
        skipped=(Skipped("c3", "c3.html: no article text found"),),
        analysis=Analysis(
            entities=(
                Entity("Monday", "DATE", ("Monday",), ("a1", "b2"), 2),
                Entity("Daily Planet", "ORG", ("Daily Planet", "the Planet"), ("a1",), 1),
            ),
            numbers=(
                NumberGroup("people hurt", "agree", (hurt_a, hurt_b)),
                NumberGroup("homes without power", "differ", (homes_a, homes_b)),
            ),
            timeline=(TimelineEvent("2026-03-02", "Storm floods three towns", (s1a, s1c)),),
        ),
        max_words=40,
    )


def plain_summary() -> Summary:
    """A Summary without analysis or skipped inputs."""
    a = Article("only", "One sentence here. Another one there.")
    return Summary((SummarySentence("One sentence here.", (Source("only", 0, 18),)),), (a,))


def _inline(html: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", html, re.S)
    assert match, f"no inline <{tag}>"
    return match.group(1)


def _sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_report_is_self_contained_with_matching_csp() -> None:
    html = render_report(story_summary())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy
    assert f"'sha256-{_sha(_inline(html, 'style'))}'" in policy
    assert f"'sha256-{_sha(_inline(html, 'script'))}'" in policy
    assert "unsafe-inline" not in policy
    # nothing is fetched: no src attributes, no stylesheet links, no CSS imports or urls
    assert not re.search(r"\ssrc=", html.replace(" src=x ", " "))
    assert 'rel="stylesheet"' not in html
    assert "@import" not in html and "url(" not in html


def test_article_html_is_escaped_not_executable() -> None:
    html = render_report(story_summary())
    assert html.count("<script>") == 1  # only the report's own script
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "<img" not in html
    assert 'onerror="' not in html
    assert 'href="javascript:' not in html
    assert 'href="https://example.com/a"' in html


def test_citations_are_toggles_with_highlighted_passages() -> None:
    html = render_report(story_summary())
    buttons = re.findall(
        r'<button type="button" class="cite" aria-expanded="true" '
        r'aria-controls="([^"]+)">',
        html,
    )
    assert buttons == ["ev-1-1", "ev-1-2", "ev-2-1", "ev-2-2"]
    for panel in buttons:
        assert f'id="{panel}"' in html
    assert "<mark>A storm flooded three coastal towns on Monday.</mark>" in html
    assert "<mark>About 38,000 homes lost power.</mark>" in html


def test_sections_present_and_hidden_when_empty() -> None:
    full = render_report(story_summary())
    for anchor in ("#numbers", "#timeline", "#names", "#sources"):
        assert f'href="{anchor}"' in full
    assert "status-differ" in full and "status-agree" in full
    assert "c3.html: no article text found" in full
    base = story_summary()
    assert base.analysis is not None
    lone = NumberGroup("ships", "single", base.analysis.numbers[0].values[:1])
    only_single = Summary(base.sentences, base.articles, analysis=Analysis(numbers=(lone,)))
    assert 'id="numbers"' not in render_report(only_single)
    plain = render_report(plain_summary())
    for section in ('id="numbers"', 'id="timeline"', 'id="names"', "Not used"):
        assert section not in plain
    assert "<header" in plain and "<main>" in plain and "<nav" in plain and "<footer" in plain


def test_heading_levels_never_skip() -> None:
    levels = [int(n) for n in re.findall(r"<h([1-6])", render_report(story_summary()))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_bad_citations_raise_input_error() -> None:
    base = plain_summary()
    out_of_range = Summary((SummarySentence("x", (Source("only", 0, 999),)),), base.articles)
    with pytest.raises(InputError, match="outside its"):
        render_report(out_of_range)
    unknown = Summary((SummarySentence("x", (Source("nope", 0, 3),)),), base.articles)
    with pytest.raises(InputError, match="'nope'"):
        render_report(unknown)
    with pytest.raises(InputError, match="two articles"):
        render_report(Summary((), base.articles * 2))


def test_empty_summary_renders() -> None:
    html = render_report(Summary((), (Article("a", "text"),)))
    assert "No sentence could be selected" in html
    assert 'class="toggle-all"' not in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/x", "https://example.com/x"),
        ("  http://a.org ", "http://a.org"),
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("data:text/html,hi", None),
        ("file:///etc/passwd", None),
        ("//example.com", None),
        ("http://[bad", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_passages_cut_at_line_breaks_and_words() -> None:
    text = "Head line\n" + "word " * 100 + "TARGET here. " + "tail " * 100
    start, end = _span(text, "TARGET here.")
    (p,) = passages(text, [(start, end)], context=30)
    assert p.cut_before and p.cut_after
    body = "".join(s.text for s in p.segments)
    assert body.startswith("word") and body.rstrip().endswith("tail")
    assert [s.text for s in p.segments if s.marked] == ["TARGET here."]
    (q,) = passages("Intro.\nCited part.\nAfter.", [(7, 18)], context=100)
    assert not q.cut_before and not q.cut_after
    assert "".join(s.text for s in q.segments) == "Cited part."


@given(
    text=st.text(alphabet="ab \n.", min_size=1, max_size=400),
    raw=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 60)), min_size=1, max_size=5),
    context=st.integers(0, 120),
)
def test_passages_cover_every_span_in_order(
    text: str, raw: list[tuple[int, int]], context: int
) -> None:
    spans = [(s % len(text), min(len(text), s % len(text) + n)) for s, n in raw]
    spans = [(s, e) for s, e in spans if s < e]
    if not spans:
        return
    found = passages(text, spans, context)
    joined = ["".join(seg.text for seg in p.segments) for p in found]
    for piece in joined:
        assert piece in text
    marked = {seg.text for p in found for seg in p.segments if seg.marked}
    for start, end in spans:
        assert any(text[start:end] in m for m in marked)
    # passages are disjoint and in text order
    pos = 0
    for piece in joined:
        at = text.find(piece, pos)
        assert at >= pos
        pos = at + len(piece)


def test_golden_report() -> None:
    check_golden("report/story.html", render_report(story_summary()))


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "r.html", "x")
    with pytest.raises(InputError, match="is a folder"):
        write_atomic(tmp_path, "x")


def _fake_summarize(
    articles: object, config: object = None, *, skipped: object = (), since: object = ()
) -> Summary:
    return story_summary()


def test_report_command_writes_html(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "summarize", _fake_summarize)
    (tmp_path / "a.txt").write_text(TEXT_A)
    (tmp_path / "b.txt").write_text(TEXT_B)
    out = tmp_path / "out" / "report.html"
    out.parent.mkdir()
    result = CliRunner().invoke(
        report_command, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text() == render_report(story_summary())
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html"]


def test_report_command_missing_folder_is_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "summarize", _fake_summarize)
    (tmp_path / "a.txt").write_text(TEXT_A)
    result = CliRunner().invoke(
        report_command, [str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "r.html")]
    )
    assert isinstance(result.exception, InputError)
    assert "does not exist" in str(result.exception)


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-bridge"


def test_end_to_end_report_of_the_example_story(tmp_path: Path) -> None:
    """Real ingest + summarize + report: every cited span is shown highlighted."""
    if not EXAMPLE.is_dir():
        pytest.skip(f"example story not found at {EXAMPLE}")
    from synopsis.ingest.readers import load_inputs

    cluster = load_inputs([str(EXAMPLE)])
    summary = pipeline.summarize(cluster.articles, skipped=cluster.skipped)
    html = render_report(summary)
    assert summary.sentences
    for sentence in summary.sentences:
        for source in sentence.sources:
            article = next(a for a in summary.articles if a.id == source.article)
            cited = article.text[source.start : source.end]
            escaped = cited.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            escaped = escaped.replace('"', "&#34;").replace("'", "&#39;")
            assert f"<mark>{escaped}</mark>" in html
    out = tmp_path / "report.html"
    result = CliRunner().invoke(report_command, [str(EXAMPLE), "-o", str(out), "--words", "80"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count('class="cite"') >= 1


def test_a_sentence_naming_two_dates_is_one_timeline_entry() -> None:
    story = story_summary()
    assert story.analysis is not None
    event = story.analysis.timeline[0]
    twice = (TimelineEvent("2025", event.text, event.sources), event)
    summary = replace(story, analysis=replace(story.analysis, timeline=twice))
    page = render_report(summary)
    timeline = page.split('id="timeline-h"', 1)[1].split("</ol>", 1)[0]
    assert timeline.count("<li>") == 1
    assert '<span class="date">2026-03-02</span> <span class="also">(also 2025)</span>' in timeline
