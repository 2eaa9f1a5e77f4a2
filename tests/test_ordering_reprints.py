"""Reading order across the filings of one wire story (DUC 2004 D30059, read as two people)."""

from __future__ import annotations

from synopsis.model.types import Sentence
from synopsis.summarizer.features import features
from synopsis.summarizer.ordering import in_shared_copies
from synopsis.summarizer.select import DUPLICATE_OVERLAP, reading_order

LEAD = "A liberal lawmaker who planned to run for president was killed Friday in St. Petersburg."
SHOT = "A liberal lawmaker who planned to run for president was shot dead Friday in St. Petersburg."
SECOND = (
    "Galina Starovoitova, a member of the lower house of parliament, was attacked in an "
    "apartment building along with her aide."
)
SECOND_UPDATED = (
    "Galina Starovoitova, a member of the lower house of parliament, was attacked in the entry "
    "way of an apartment building, police said."
)
OTHER = "Police found the body in a pool of blood late Friday night and called an ambulance."


def _story(articles: dict[str, list[str]]) -> list[Sentence]:
    return [
        Sentence(article_id=aid, index=k, start=0, end=len(text), text=text)
        for aid, texts in articles.items()
        for k, text in enumerate(texts)
    ]


def _order(
    story: list[Sentence], chosen: list[tuple[str, int]], centrality: list[float]
) -> list[str]:
    at = {(s.article_id, s.index): k for k, s in enumerate(story)}
    picked = [at[c] for c in chosen]
    content = [features(s.text).content for s in story]
    placed = in_shared_copies(picked, story, content, DUPLICATE_OVERLAP)
    order = reading_order(placed, {}, centrality=centrality)
    return [story[picked[k]].text for k in order]


def test_a_lead_and_the_next_sentence_from_two_filings_keep_the_filings_order() -> None:
    story = _story({"first": [LEAD, SECOND, OTHER], "update": [SHOT, SECOND_UPDATED, OTHER]})
    # the second sentence is the more central one: only the filing's order keeps it second
    assert _order(story, [("first", 1), ("update", 0)], [9.0, 1.0]) == [SHOT, SECOND]


def test_an_article_with_another_lead_is_not_a_filing_of_the_same_story() -> None:
    # the same sentence at the same place, but the articles open differently: a reader's order
    # of centrality decides, as before
    other_lead = "The city council voted on Monday to rename the square after the lawmaker."
    story = _story({"first": [LEAD, SECOND, OTHER], "column": [other_lead, SECOND_UPDATED]})
    assert _order(story, [("column", 1), ("first", 0)], [9.0, 1.0]) == [SECOND_UPDATED, LEAD]


def test_sentences_far_apart_in_a_filing_are_not_joined() -> None:
    # DUC 2004 D30056 (blind A/B round 101): joined, an aid worker's release, the filing's second
    # sentence, went ahead of the summary's account of the prosecutor it had opened with
    story = _story(
        {
            "first": [LEAD, SECOND, OTHER, "Investigators questioned three neighbours on Friday."],
            "update": [SHOT, SECOND_UPDATED, OTHER, "Investigators questioned neighbours Friday."],
        }
    )
    at = {(s.article_id, s.index): k for k, s in enumerate(story)}
    content = [features(s.text).content for s in story]
    picked = [at["first", 3], at["update", 1]]
    placed = in_shared_copies(picked, story, content, DUPLICATE_OVERLAP)
    assert placed == [story[k] for k in picked]
