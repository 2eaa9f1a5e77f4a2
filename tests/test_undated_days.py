"""A relative day in a sentence whose article carries no date is dropped where it is an adjunct."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.model.aligned import Deletion, Draft, edits, rebuild
from synopsis.model.types import Article, Source, SummarySentence
from synopsis.rewrite import Facts, Rules, rewrite
from synopsis.rewrite.undated import drop_undated_days


def _summary(article: Article) -> SummarySentence:
    draft = Draft.of(article.text, article.id, 0)
    source = (Source(article.id, 0, len(article.text)),)
    return SummarySentence(article.text, source, draft.segments)


def _rewritten(text: str, published: str | None = None) -> str:
    article = Article("a", text, published=published)
    (out,) = rewrite([_summary(article)], Facts([article]), max_words=100)
    rebuild(out.segments, {"a": text}, out.text)
    return out.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Tuesday, Mr. Cosby, 81, was sentenced to three to 10 years in prison.",
            "Mr. Cosby, 81, was sentenced to three to 10 years in prison.",
        ),
        (
            "On Saturday the Haixun 01 picked up the signal in the southern Indian Ocean.",
            "The Haixun 01 picked up the signal in the southern Indian Ocean.",
        ),
        (
            "The LAPD early Monday declared an unlawful assembly around City Hall.",
            "The LAPD declared an unlawful assembly around City Hall.",
        ),
        (
            "Police on Tuesday were investigating the killing of the hairdresser.",
            "Police were investigating the killing of the hairdresser.",
        ),
        (
            "Vanderbilt University announced Monday that it will pay to remove the inscription.",
            "Vanderbilt University announced that it will pay to remove the inscription.",
        ),
        (
            "The trial was delayed, a judiciary spokesman said on Monday, less than a week before.",
            "The trial was delayed, a judiciary spokesman said, less than a week before.",
        ),
        (
            "Attorneys appealed his conviction on Monday, arguing that publicity made it unfair.",
            "Attorneys appealed his conviction, arguing that publicity made it unfair.",
        ),
        (
            "The Academy sent out 683 membership invitations today to film professionals.",
            "The Academy sent out 683 membership invitations to film professionals.",
        ),
        (
            "The Chicago hip-hop mogul this weekend declared he is $53 million in debt.",
            "The Chicago hip-hop mogul declared he is $53 million in debt.",
        ),
        (
            "Microsoft said this week that it had detected the hackers.",
            "Microsoft said that it had detected the hackers.",
        ),
        (
            "Rebels slaughtered nearly 150 prisoners as they closed in on Tripoli last week.",
            "Rebels slaughtered nearly 150 prisoners as they closed in on Tripoli.",
        ),
    ],
)
def test_a_day_nothing_dates_is_dropped_where_it_is_an_adjunct(text: str, expected: str) -> None:
    assert _rewritten(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The committee must report by Monday on what it found in the files.",
        "The talks will go on until Friday at the latest, officials said.",
        "Trump's Thursday press conference had many people talking about Russia.",
        "The network replaced its current Saturday anchor team with two new hosts.",
        "Voters in 12 states went to the polls on Super Tuesday to choose a nominee.",
        "The museum is open on Saturday and Sunday for the rest of the month.",
        "Officials said Thursday was the deadline for the last of the applications.",
        "The final House report released Tuesday included new details of the call.",
        "In the video released Thursday, a worker is caught on tape at the plant.",
        "Doctors hope he will be the first patient in a new trial set to start Wednesday.",
        "A pretrial hearing for the suspect is expected to be held on Monday.",
        'A commander said "we will meet the minister on Friday" in the capital.',
        "Birds that are alive today could tell us how dinosaurs vocalized.",
        "Lawmakers are to be out of town Friday, when the cuts are set to take effect.",
        "Hitting Tuesday night's $636 million jackpot made three people rich.",
        "The vote is Tuesday, and the count will take a week, officials said.",
    ],
)
def test_a_day_that_is_part_of_what_the_sentence_says_stays(text: str) -> None:
    assert _rewritten(text) == text


def test_the_deletion_is_an_edit_that_names_its_rule() -> None:
    text = "President Trump on Friday said he had no regrets about the rally."
    article = Article("a", text)
    (out,) = rewrite([_summary(article)], Facts([article]), max_words=100)
    (edit,) = edits(out.segments, {"a": text})
    assert (edit.before, edit.after) == (" on Friday", "")
    assert edit.why == Deletion("undated_day")


def test_a_dated_article_keeps_its_days_for_the_date_rule() -> None:
    text = "President Trump on Friday said he had no regrets about the rally."
    assert _rewritten(text, published="2017-05-27") == text


def test_the_rule_runs_with_the_dates_rules_only() -> None:
    text = "President Trump on Friday said he had no regrets about the rally."
    article = Article("a", text)
    facts = Facts([article])
    (out,) = rewrite([_summary(article)], facts, max_words=100, rules=Rules(dates=False))
    assert out.text == text


_DAYS = ["Monday", "on Friday", "early Sunday", "this week", "today", "yesterday", "last night"]
_WORDS = ["police", "said", "that", "the", "city", "arrested", "by", "and", ",", "in", "is"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DAYS + _WORDS), min_size=1, max_size=14))
def test_dropping_days_only_deletes_and_stays_aligned(tokens: list[str]) -> None:
    text = " ".join(tokens).replace(" ,", ",") + "."
    text = text[0].upper() + text[1:]
    draft = drop_undated_days(Draft.of(text, "a", 0))
    rebuild(draft.segments, {"a": text}, draft.text)
    kept = re.findall(r"\w+", draft.text.lower())
    words = iter(re.findall(r"\w+", text.lower()))
    assert all(any(w == x for x in words) for w in kept)  # a subsequence of the source's words
    for edit in edits(draft.segments, {"a": text}):
        assert edit.why == Deletion("undated_day")
        assert len(edit.after) <= 1  # nothing but the re-capitalized letter is written
