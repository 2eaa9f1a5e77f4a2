"""Aligned text: segments copied from source spans or inserted with a licence, and edits on them."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopsis.model.aligned import (
    AlignmentError,
    Copied,
    Deletion,
    Draft,
    Inserted,
    edits,
    rebuild,
)

SOURCE = "WASHINGTON — However, the ship hit the bridge, officials said."


def test_segments_of_an_untouched_sentence_copy_its_article_span() -> None:
    draft = Draft.of("the ship hit", "a", 100)
    assert draft.segments == (Copied("a", 100, 112),)


def test_a_deletion_is_an_empty_inserted_segment_naming_its_rule() -> None:
    draft = Draft.of(SOURCE, "a").replace(0, 13, "", Deletion("dateline"))
    assert draft.text == SOURCE[13:]
    assert draft.segments == (
        Inserted("", Copied("a", 0, 13), Deletion("dateline")),
        Copied("a", 13, len(SOURCE)),
    )
    assert rebuild(draft.segments, {"a": SOURCE}, draft.text) == draft.text


def test_edit_records_give_from_to_and_why() -> None:
    draft = Draft.of(SOURCE, "a")
    draft = draft.replace(0, 13, "", Deletion("dateline"))
    draft = draft.replace(0, 10, "T", Deletion("connective"))
    [dateline, connective] = edits(draft.segments, {"a": SOURCE})
    assert (dateline.before, dateline.after, dateline.why.rule) == (
        "WASHINGTON — ",
        "",
        "dateline",
    )
    assert (connective.before, connective.after, connective.why.rule) == (
        "However, t",
        "T",
        "connective",
    )
    assert draft.text == "The ship hit the bridge, officials said."


def test_an_edit_over_an_earlier_deletion_absorbs_it() -> None:
    text = "It fell, officials (local) said."
    draft = Draft.of(text, "a").replace(18, 26, "", Deletion("parenthetical"))
    assert draft.text == "It fell, officials said."
    draft = draft.replace(7, 23, "", Deletion("attribution"))
    assert draft.text == "It fell."
    assert draft.segments == (
        Copied("a", 0, 7),
        Inserted("", Copied("a", 7, 31), Deletion("attribution")),
        Copied("a", 31, 32),
    )


def test_rebuild_rejects_a_copied_span_that_differs_from_the_source() -> None:
    with pytest.raises(AlignmentError, match="segments spell"):
        rebuild((Copied("a", 0, 3),), {"a": "The ship"}, "Thy")
    with pytest.raises(AlignmentError, match="outside article 'a'"):
        rebuild((Copied("a", 0, 30),), {"a": "The ship"}, "The ship")
    with pytest.raises(AlignmentError, match="unknown article 'b'"):
        rebuild((Copied("b", 0, 3),), {"a": "The ship"}, "The")


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, Draft]:
    source = draw(st.text(alphabet="abc ,.", max_size=30))
    draft = Draft.of(source, "a", 0)
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(draft.text)))
        end = draw(st.integers(start, len(draft.text)))
        new = draw(st.text(alphabet="XYZ", max_size=3))
        draft = draft.replace(start, end, new, Deletion("parenthetical"))
    return source, draft


@given(_edited())
def test_any_edits_keep_segments_spelling_the_text_in_source_order(
    case: tuple[str, Draft],
) -> None:
    source, draft = case
    assert rebuild(draft.segments, {"a": source}, draft.text) == draft.text
    spans = [s.replaces if isinstance(s, Inserted) else s for s in draft.segments]
    assert all(0 <= s.start <= s.end <= len(source) for s in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    # every source character is either copied or replaced by exactly one segment
    assert sum(s.end - s.start for s in spans) == len(source)
