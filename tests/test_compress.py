"""Sentence compression."""

from __future__ import annotations

import pytest

from synopsis.summarizer.compress import compress


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PHNOM PENH, Cambodia (AP) _ Cambodian leader Hun Sen rejected demands for talks.",
            "Cambodian leader Hun Sen rejected demands for talks.",
        ),
        (
            "A ship slammed into the bridge early Tuesday, injuring 12 people, officials said.",
            "A ship slammed into the bridge early Tuesday, injuring 12 people.",
        ),
        (
            "The ship struck the fourth pier at about 4:40 a.m., the port authority said in a "
            "statement.",
            "The ship struck the fourth pier at about 4:40 a.m.",
        ),
        (
            "However, the Syrian Democratic Forces (SDF) took Raqqa, he said on Friday.",
            "The Syrian Democratic Forces took Raqqa.",
        ),
        (
            "The group holds 40 percent of the province, according to the Syrian Observatory.",
            "The group holds 40 percent of the province.",
        ),
    ],
)
def test_rules(text: str, expected: str) -> None:
    assert compress(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the bridge as fast as we can," the mayor said.',
        "Troops moved in, said the minister who was visiting the front.",
        "The minister said the bridge would reopen within two weeks.",
        "Prices fell, analysts said.",
    ],
)
def test_unsafe_or_too_short_cases_are_left_alone(text: str) -> None:
    assert compress(text) == text


def test_issue3_bare_reporting_verb_after_apposition_is_kept() -> None:
    text = (
        "Kalashnikov wrote a lengthy letter to Patriarch Kirill in April, Izvestia, a pro-Kremlin "
        "daily, reported."
    )
    assert compress(text) == text
