"""Weekdays no date can anchor, deleted from sentences of undated articles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopsis.model.aligned import Deletion, Draft, edits, rebuild
from synopsis.model.types import Article, Source, SummarySentence
from synopsis.rewrite import Facts, Rules, rewrite
from synopsis.rewrite.undated import undated_weekdays
from synopsis.text.segment import segment


def _undated(text: str) -> str:
    return undated_weekdays(Draft.of(text, "a", 0)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police on Tuesday were investigating the killing of a hairdresser.",
            "Police were investigating the killing of a hairdresser.",
        ),
        (
            "The LAPD early Monday declared an unlawful assembly near City Hall.",
            "The LAPD declared an unlawful assembly near City Hall.",
        ),
        (
            "Gianforte pleaded guilty to misdemeanor assault Monday morning.",
            "Gianforte pleaded guilty to misdemeanor assault.",
        ),
        (
            "On Wednesday, the FBI had said key facts were missing from the memo.",
            "The FBI had said key facts were missing from the memo.",
        ),
        (
            "On Saturday the Chinese ship picked up the signal near the search area.",
            "The Chinese ship picked up the signal near the search area.",
        ),
        (
            "Trump's campaign chairman, Paul Manafort, on Sunday blamed the press.",
            "Trump's campaign chairman, Paul Manafort, blamed the press.",
        ),
        (
            "Priebus mocked the slogan Sunday, arguing it fails.",
            "Priebus mocked the slogan, arguing it fails.",
        ),
    ],
)
def test_a_weekday_that_is_a_time_adjunct_is_deleted(text: str, expected: str) -> None:
    assert _undated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The eviction had not happened by late Sunday evening, officials said.",
        "The victim was found dead around 5 p.m. Monday on the back patio.",
        "She defended the dress she wore to Wednesday night’s screening.",
        "Ross picked up the phone on a Sunday afternoon in October.",
        "A 5 p.m. Sunday deadline came and went without incident.",
        "Shoppers lined up at the mall on Black Friday for the sales.",
        "Wednesday was the hottest day of the year in the city.",
        "He told the Sunday Times that he was sorry for the remark.",
        "The jackpot could make Tuesday's drawing the biggest in history.",
        '"We will meet on Sunday to decide," the union leader said.',
    ],
)
def test_a_weekday_that_is_part_of_another_phrase_or_quoted_stays(text: str) -> None:
    assert _undated(text) == text


def test_the_deletion_is_an_edit_that_names_its_rule() -> None:
    text = "Police on Tuesday were investigating the killing."
    draft = undated_weekdays(Draft.of(text, "a", 0))
    (edit,) = edits(draft.segments, {"a": text})
    assert (edit.before, edit.after, edit.why) == (" on Tuesday", "", Deletion("undated_day"))


def _sentence(article: Article) -> SummarySentence:
    draft = Draft.of(article.text, article.id, 0)
    return SummarySentence(
        article.text, (Source(article.id, 0, len(article.text)),), draft.segments
    )


def test_only_sentences_of_undated_articles_lose_their_weekday() -> None:
    undated = Article("a", "Police on Tuesday were investigating the killing of a hairdresser.")
    dated = Article(
        "b", "Detectives on Tuesday searched the house for a weapon.", published="2017-02-22"
    )
    facts = Facts([undated, dated], [s for g in segment([undated, dated]) for s in g])
    out = rewrite([_sentence(undated), _sentence(dated)], facts, max_words=100)
    assert out[0].text == "Police were investigating the killing of a hairdresser."
    assert "Tuesday" in out[1].text
    # the dates rule switched off leaves the weekday too
    (kept,) = rewrite([_sentence(undated)], facts, rules=Rules(dates=False))
    assert kept.text == undated.text


_WORDS = st.sampled_from(
    "on On early late Monday Tuesday Sunday night morning the a police said by 5 p.m. "
    "Times 's , were met at".split()
)


@given(st.lists(_WORDS, min_size=1, max_size=14))
def test_deleting_weekdays_only_deletes_and_stays_traceable(words: list[str]) -> None:
    text = " ".join(words) + "."
    draft = undated_weekdays(Draft.of(text, "a", 0))
    rebuild(draft.segments, {"a": text}, draft.text)
    assert len(draft.text.split()) <= len(text.split())
    for edit in edits(draft.segments, {"a": text}):
        assert edit.why == Deletion("undated_day")
