"""Typesetting edits: wire dashes and quotation marks set as readers expect them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopsis.model.aligned import Draft, Typeset, edits, rebuild
from synopsis.rewrite.typography import typeset


def _set(text: str) -> tuple[str, list[tuple[str, str, str]]]:
    draft = typeset(Draft.of(text, "a", 0))
    rebuild(draft.segments, {"a": text}, draft.text)
    return draft.text, [
        (e.before, e.after, e.why.rule)
        for e in edits(draft.segments, {"a": text})
        if isinstance(e.why, Typeset)
    ]


def test_the_wire_underscore_dash_becomes_a_dash() -> None:
    text, changes = _set("ETA _ Basque Homeland and Freedom _ has killed nearly 800 people.")
    assert text == "ETA — Basque Homeland and Freedom — has killed nearly 800 people."
    assert changes == [(" _ ", " — ", "dash"), (" _ ", " — ", "dash")]


def test_double_hyphens_between_words_become_a_dash() -> None:
    text, _ = _set("Users can -- in some cases -- get accounts taken down, in--and out.")
    assert text == "Users can — in some cases — get accounts taken down, in—and out."


def test_tex_quotation_marks_become_curly_ones() -> None:
    text, changes = _set("Hodler said the fund amounted to a ``bribe.''")
    assert text == "Hodler said the fund amounted to a “bribe.”"
    assert {rule for _, _, rule in changes} == {"quote"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("“Santorum has a history,” said Saul.", "“Santorum has a history,” said Saul."),
        ('“Santorum has a history," said Saul.', "“Santorum has a history,” said Saul."),
        ('"The process was improved,” Murphy said.', '"The process was improved," Murphy said.'),
        (
            "He called it \"an unthinkable situation,'' and left.",
            'He called it "an unthinkable situation," and left.',
        ),
    ],
)
def test_a_closing_mark_takes_its_opening_marks_style(source: str, expected: str) -> None:
    assert _set(source)[0] == expected


def test_a_space_before_a_comma_goes() -> None:
    assert _set('She told DeGeneres , "I want to remember."')[0] == (
        'She told DeGeneres, "I want to remember."'
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text)


@pytest.mark.parametrize(
    "source",
    [
        "The court's ruling stands, officials said on Monday.",
        "It's a 3-2 vote -- no, a tie.",
        "A closing” mark with nothing open is left.",
        "Rates fell from 5 _ or so _ to 4 percent.",
    ],
)
def test_words_never_change(source: str) -> None:
    assert _words(_set(source)[0]) == _words(source)


@given(st.text(alphabet="ab _-`'\"“”,. ", max_size=40))
def test_typesetting_any_text_keeps_it_aligned_to_its_source(text: str) -> None:
    draft = typeset(Draft.of(text, "a", 0))
    assert rebuild(draft.segments, {"a": text}, draft.text) == draft.text
    assert len(draft.text.split()) <= len(text.split())
    assert _words(draft.text) == _words(text)


def test_characters_that_print_nothing_are_removed_and_say_so() -> None:
    text, changes = _set("The \u200bFlight Crew sued the\u200bir team on cheer\u00adleaders' pay.")
    assert text == "The Flight Crew sued their team on cheerleaders' pay."
    assert changes == [("\u200b", "", "invisible")] * 2 + [("\u00ad", "", "invisible")]
