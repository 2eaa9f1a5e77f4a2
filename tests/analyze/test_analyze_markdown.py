"""Markdown digest of an analysis for the summary page."""

from __future__ import annotations

import pytest

from synopsis.analyze import analyze
from synopsis.model.errors import InputError
from synopsis.model.types import Analysis, Article
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
    assert agree.startswith("- duration (Deir") and "nearly three years ([1])" in agree
    assert any(ln.startswith("- 2017-11-03: ") and "([1], [2])" in ln for ln in lines)
    names = lines[lines.index("## Names used") + 1]
    assert names.startswith("- Deir") and "(place): " in names
    assert "Deir Ezzor" in names and "Deir ez-Zor" in names


def test_markdown_empty_analysis() -> None:
    md = analysis_markdown(Analysis(), str)
    assert md.count("- None found.") == 4
    assert md.endswith("\n")


def test_duplicate_article_ids_rejected() -> None:
    with pytest.raises(InputError, match="appears twice"):
        analyze([A, A])
