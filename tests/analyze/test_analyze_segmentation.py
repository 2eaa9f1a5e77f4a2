"""Issue 4: analyze() reuses the pipeline's sentence segmentation (one splitter)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.analyze import analyze
from synopsis.analyze._text import content_lines, spans_from_sentences
from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.text.segment import segment, segment_article

TEXT = (
    "Flood Waters Reach Old Quay Harbor\n"
    "By Jane Roe | Published: March 3, 2026\n"
    "- Related: bridge closed for repairs - Mar 2, 2026\n"
    "Rep. J.C. Watts of Oklahoma said 1,200 people left on Monday. About 1,500 people left, "
    "officials said.\n"
    "\n"
    "Next Stories\n"
    "Storm hits Galloway again.\n"
)


def _spans(text: str) -> list[tuple[str, bool, bool, bool]]:
    art = Article("a", text)
    sents = ((s.start, s.end) for s in segment_article(art))
    return [
        (s.text, s.is_list, s.is_header, s.is_headline)
        for s in spans_from_sentences("a", text, sents)
    ]


def test_spans_take_line_flags_and_drop_footers() -> None:
    assert _spans(TEXT) == [
        ("Flood Waters Reach Old Quay Harbor", False, False, True),
        ("By Jane Roe | Published: March 3, 2026", False, True, True),
        ("- Related: bridge closed for repairs - Mar 2, 2026", True, False, False),
        ("Rep. J.C. Watts of Oklahoma said 1,200 people left on Monday.", False, False, False),
        ("About 1,500 people left, officials said.", False, False, False),
    ]  # "Next Stories" and what follows it are a footer


def test_analyze_uses_given_sentences() -> None:
    arts = [
        Article("a", "Okafor said 1,200 people left Galloway on Monday.", published="2026-03-03"),
        Article("b", "Okafor said 1,500 people left Galloway on Monday.", published="2026-03-03"),
    ]
    assert analyze(arts, segment(arts)) == analyze(arts)
    # Sentences the caller leaves out are not read: no sentences, no findings.
    empty = analyze(arts, ((), ()))
    assert empty.entities == () and empty.numbers == () and empty.timeline == ()


def test_analyze_rejects_sentences_for_other_articles() -> None:
    arts = [Article("a", "Okafor said it."), Article("b", "Okafor said it again.")]
    with pytest.raises(InputError, match="sentences has 1 entries for 2 articles"):
        analyze(arts, segment(arts[:1]))


lines = st.lists(
    st.sampled_from(
        [
            "Okafor said 20 people left. He left.",
            "- A list item - Dec 15, 2017",
            "By Jane Roe",
            "Flood Waters Reach Old Quay",
            "   ",
            "",
            "Comments",
            "pic.twitter.com/x",
            "Mr. Okafor left! Dr. Roe stayed?",
        ]
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_spans_lie_in_content_lines(text: str) -> None:
    spans = spans_from_sentences(
        "a", text, ((s.start, s.end) for s in segment_article(Article("a", text)))
    )
    kept = content_lines(text)
    for s in spans:
        assert text[s.start : s.end] == s.text
        lstart, lend, is_list, is_header = kept[s.line]
        assert lstart <= s.start < s.end <= lend
        assert (s.is_list, s.is_header) == (is_list, is_header)
