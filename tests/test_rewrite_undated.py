"""'Today' and 'tonight' that no date anchors, deleted from sentences of undated articles."""

from __future__ import annotations

import pytest

from synopsis.model.aligned import Deletion, Draft, edits
from synopsis.model.types import Article
from synopsis.pipeline import summarize
from synopsis.rewrite.undated import undated_today


def _undated(text: str) -> str:
    return undated_today(Draft.of(text, "a", 0)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The man was killed as the woman drove away from his party just after midnight today.",
            "The man was killed as the woman drove away from his party just after midnight.",
        ),
        (
            "Barbour told ABC News today that the shift supervisor responded to the call.",
            "Barbour told ABC News that the shift supervisor responded to the call.",
        ),
        (
            "Robin Williams, who died unexpectedly today at 63, was hugely admired.",
            "Robin Williams, who died unexpectedly at 63, was hugely admired.",
        ),
        (
            "Tonight at a Microsoft event the company announced the controller's name.",
            "At a Microsoft event the company announced the controller's name.",
        ),
        # Multi-News dev 1952, counted by a reader of round 119
        (
            "The star, whose book hit shelves yesterday, told Ellen DeGeneres about her night.",
            "The star, whose book hit shelves, told Ellen DeGeneres about her night.",
        ),
    ],
)
def test_today_as_a_time_adjunct_of_a_past_clause_is_deleted(text: str, expected: str) -> None:
    assert _undated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "nowadays": no verb in the past in its clause
        "The evidence comes from the water vapor that lingers today in the atmosphere.",
        "Today, only 13% of the ocean remains, locked up in the polar caps.",
        "The second round of the auction, which starts today, raised more than it was expected.",
        # a preposition's object, a possessive, the show, a quotation
        "The offer was extended and stays open as of today for every customer who applied.",
        "The board announced today's decision after a meeting that lasted several hours.",
        'Producers said "Today" had not lost a single week in nearly fifteen years of ratings.',
        '"We buried him today," his mother said after the funeral at the church.',
        "The police have searched the house since yesterday and found nothing of note so far.",
    ],
)
def test_today_that_means_nowadays_or_belongs_to_a_phrase_stays(text: str) -> None:
    assert _undated(text) == text


def test_the_deletion_is_an_edit_and_the_rest_stays_aligned() -> None:
    text = "Barbour told ABC News today that the supervisor responded to the call."
    draft = undated_today(Draft.of(text, "a", 0))
    found = edits(draft.segments, {"a": text})
    assert [(e.before, e.after, e.why) for e in found] == [
        (" today", "", Deletion("undated_today"))
    ]
    assert draft.text == text.replace(" today", "")


def test_only_an_article_without_a_date_loses_its_today() -> None:
    sentence = (
        "Rescue teams told reporters today that the last of the miners reached the surface "
        "after a night of digging through the collapsed shaft near the river."
    )
    undated = summarize([Article(id="a", text=sentence)]).sentences[0].text
    dated = summarize([Article(id="a", text=sentence, published="2024-03-05")]).sentences[0].text
    assert "today" not in undated
    assert "today" in dated  # a date anchors it: the date rewriter's, not deleted
