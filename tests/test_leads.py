"""Feature leads: an opening line that tells no news gets no position prior."""

from __future__ import annotations

import pytest

from synopsis.model.config import SummarizerConfig
from synopsis.model.types import Article, Sentence
from synopsis.pipeline import summarize
from synopsis.summarizer.features import features
from synopsis.summarizer.leads import feature_leads, names_nothing, news_leads
from synopsis.summarizer.objectives import score


def _sent(article: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article, index=index, start=0, end=len(text), text=text)


@pytest.mark.parametrize(
    "text",
    [
        "The early bird doesn't always get the worm.",
        "Times are tough in the oil patch.",
        "Visibility wasn't optimal.",
        "Some people never can say goodbye.",
    ],
)
def test_a_line_that_names_no_one_and_tells_no_event_names_nothing(text: str) -> None:
    assert names_nothing(text, set())


@pytest.mark.parametrize(
    "text",
    [
        "Scientists found a new species of frog in the cloud forest.",  # past tense: an event
        "Rescuers pulled survivors from the rubble.",
        "The storm left 14 people without power.",  # a number
        "Five people are in hospital.",  # a number in words
        "Flooding hits the coast of Kestrel Bay.",  # a name inside
        "Obama speaks to the nation tonight.",  # a name first (capitalized inside the article)
    ],
)
def test_a_line_with_a_name_a_number_or_an_event_is_news(text: str) -> None:
    assert not names_nothing(text, {"Obama"})


def test_only_an_articles_first_line_of_prose_can_be_a_feature_lead() -> None:
    sentences = [
        _sent("a", 0, "Morning show shake-up"),  # a headline line: skipped
        _sent("a", 1, "The early bird doesn't always get the worm."),
        _sent("a", 2, "Times are tough for morning television."),  # not the first: left alone
        _sent("b", 0, "Tough times are everywhere."),
        _sent("b", 1, "The network said it would replace its hosts."),
        _sent("c", 0, "The network replaced its morning hosts on Monday."),
    ]
    assert feature_leads(sentences) == frozenset({1, 3})


def test_a_feature_lead_gets_no_position_prior() -> None:
    sentences = [
        _sent("a", 0, "The early bird doesn't always get the worm."),
        _sent("a", 1, "The network replaced the hosts of its early show."),
        _sent("b", 0, "The network replaced the hosts of its early show on Monday."),
    ]
    prior = score(sentences, [features(s.text) for s in sentences]).position_prior
    assert prior[0] == 0.0
    assert prior[1] > 0.0 and prior[2] > 0.0


# A blog post that opens with a pun on the show's name, and two reports of the change: the pun
# shares the word "early" with every article and stands first, so its position prior alone made
# it worth choosing, and as its article's first sentence it would open the summary.
BLOG = (
    "The early bird doesn't always get the worm. "
    "CBS is replacing the hosts of its Early Show after years in third place. "
    "Anna Reyes and Tom Baker will take over the Early Show on Jan. 3. "
    "The Early Show trails its rivals by two million viewers."
)
REPORT = (
    "CBS News said Tuesday it is replacing the hosts of the Early Show. "
    "Anna Reyes and Tom Baker will take over the Early Show on Jan. 3. "
    "The network hopes the new hosts will lift the Early Show out of third place."
)
WIRE = (
    "CBS is replacing the hosts of the Early Show, its third-place morning program. "
    "The Early Show trails its rivals by two million viewers. "
    "Anna Reyes and Tom Baker will take over on Jan. 3."
)


def test_a_feature_lead_is_not_chosen_for_standing_first() -> None:
    articles = [Article("blog", BLOG), Article("report", REPORT), Article("wire", WIRE)]
    summary = summarize(articles, SummarizerConfig.from_mapping({"max_words": 45}))
    texts = [s.text for s in summary.sentences]
    assert texts, "the summary is empty"
    assert "early bird" not in " ".join(texts)


def test_an_articles_lead_is_its_first_two_sentences_of_prose() -> None:
    sentences = [
        _sent("a", 0, "Harbor council votes"),  # a headline line
        _sent("a", 1, "The council voted to widen the channel."),
        _sent("a", 2, "Work starts in May."),
        _sent("a", 3, "It will cost $4 million."),
        _sent("b", 0, "Ships waited outside the harbor."),
    ]
    assert news_leads(sentences) == frozenset({1, 2, 4})


def test_an_article_with_no_sentence_of_prose_has_no_lead() -> None:
    sentences = [_sent("a", 0, "Harbor council votes"), _sent("b", 0, "Ships waited outside.")]
    assert feature_leads(sentences) == frozenset()
    assert news_leads(sentences) == frozenset({1})
