"""Markdown digest of an analysis for the summary page."""

from __future__ import annotations

import pytest

from synopsis.analyze import analyze
from synopsis.model.errors import InputError
from synopsis.model.types import (
    Analysis,
    Article,
    NumberGroup,
    NumberValue,
    Source,
    TimelineEvent,
)
from synopsis.render import analysis_markdown

A = Article(
    "a",
    "The army has taken full control of the city of Deir Ezzor on Friday. "
    "Troops were besieged in Deir Ezzor for nearly three years.",
    published="2017-11-04",
)
B = Article(
    "b",
    "Monitors said that troops now held 95 percent of the city of Deir ez-Zor. "
    "The army took control of Deir ez-Zor on Friday, ending a siege of nearly three years.",
    published="2017-11-04",
)


def test_markdown_sections_and_labels() -> None:
    md = analysis_markdown(analyze([A, B]), lambda i: f"[{'ab'.index(i) + 1}]")
    lines = md.splitlines()
    heads = [ln for ln in lines if ln.startswith("## ")]
    assert heads == [
        "## Where sources agree",
        "## Where sources differ",
        "## Timeline",
        "## Names used",
    ]
    differ = lines[lines.index("## Where sources differ") + 1]
    assert "95 percent ([2])" in differ and " vs " in differ and "([1])" in differ
    agree = lines[lines.index("## Where sources agree") + 1]
    assert agree.startswith("- duration (Deir") and "nearly three years ([1], [2])" in agree
    assert any(ln.startswith("- 2017-11-03: ") and "([1], [2])" in ln for ln in lines)
    names = lines[lines.index("## Names used") + 1]
    assert names.startswith("- Deir") and "(place): " in names
    assert "Deir Ezzor" in names and "Deir ez-Zor" in names


def test_each_figure_is_listed_once_with_every_source_that_gives_it() -> None:
    group = NumberGroup(
        "people",
        "differ",
        tuple(
            NumberValue(value, float(value.split()[-1]), "people", art, 0, 2, value)
            for value, art in (("14", "a"), ("12", "b"), ("12", "c"), ("14", "d"))
        ),
    )
    agree = NumberGroup(
        "ships",
        "agree",
        (
            NumberValue("about 40", 40.0, "ships", "a", 0, 8, "about 40"),
            NumberValue("About 40", 40.0, "ships", "b", 0, 8, "About 40"),
        ),
    )
    md = analysis_markdown(Analysis(numbers=(group, agree)), lambda i: f"[{'abcd'.index(i) + 1}]")
    assert "- people: 14 ([1], [4]) vs 12 ([2], [3])" in md.splitlines()
    assert "- ships: about 40 ([1], [2])" in md.splitlines()


def test_a_sentence_naming_two_dates_is_listed_once_at_the_more_specific() -> None:
    text = "The Orla Brenning, built in 2011, was inspected in Antwerp on 14 November 2025."
    events = (
        TimelineEvent("2011", text, (Source("a", 0, len(text)),)),
        TimelineEvent("2025-11-14", text, (Source("a", 0, len(text)),)),
        TimelineEvent("2026-03-03", "The ship struck the bridge.", (Source("b", 0, 27),)),
    )
    md = analysis_markdown(Analysis(timeline=events), lambda i: f"[{'ab'.index(i) + 1}]")
    timeline = md.split("## Timeline\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert timeline == [
        f"- 2025-11-14 (also 2011): {text} ([1])",
        "- 2026-03-03: The ship struck the bridge. ([2])",
    ]


def test_markdown_empty_analysis() -> None:
    md = analysis_markdown(Analysis(), str)
    assert md.count("- None found.") == 4
    assert md.endswith("\n")


def test_duplicate_article_ids_rejected() -> None:
    with pytest.raises(InputError, match="appears twice"):
        analyze([A, A])
