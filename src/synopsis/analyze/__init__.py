"""Cross-source analysis of a story: entities, agreeing/differing numbers and a timeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synopsis.analyze._text import Span, content_lines, spans_from_sentences
from synopsis.analyze.entities import build_entities
from synopsis.analyze.numbers import group_numbers
from synopsis.analyze.timeline import build_timeline, publication_date, sentence_dates
from synopsis.model.errors import InputError
from synopsis.model.types import Analysis, Article, Entity, Sentence
from synopsis.text.segment import segment

__all__ = ["analyze", "story_entities"]


def _prepare(
    articles: Sequence[Article], sentences: Sequence[Sequence[Sentence]] | None
) -> tuple[dict[str, str], list[Any], list[Span]]:
    """Texts by id, each article's content lines, and the sentence spans the analyzers read."""
    texts: dict[str, str] = {}
    for art in articles:
        if art.id in texts:
            raise InputError(f"article id {art.id!r} appears twice; give every article a unique id")
        texts[art.id] = art.text
    per_article = segment(articles) if sentences is None else sentences
    if len(per_article) != len(articles):
        raise InputError(
            f"sentences has {len(per_article)} entries for {len(articles)} articles; "
            "pass segment(articles) for the same articles"
        )
    # each article's content lines are found once, for its spans and its dateline
    lines = [content_lines(art.text) for art in articles]
    spans = [
        s
        for art, sents, art_lines in zip(articles, per_article, lines, strict=True)
        for s in spans_from_sentences(
            art.id, art.text, ((x.start, x.end) for x in sents), art_lines
        )
    ]
    return texts, lines, spans


def story_entities(
    articles: Sequence[Article], sentences: Sequence[Sequence[Sentence]] | None = None
) -> tuple[Entity, ...]:
    """The story's entities alone (what `analyze` gives as `entities`), without numbers or dates.

    Args:
        articles: cleaned articles; ids must be unique.
        sentences: the pipeline's segmentation, as for `analyze`.

    Returns:
        The same entities `analyze(articles, sentences).entities` gives.

    Raises:
        InputError: two articles share an id, or `sentences` does not match `articles`.
    """
    texts, _lines, spans = _prepare(articles, sentences)
    return tuple(build_entities(spans, texts).entities)


def analyze(
    articles: Sequence[Article], sentences: Sequence[Sequence[Sentence]] | None = None
) -> Analysis:
    """Analyze a story across its articles.

    Args:
        articles: cleaned articles; ids must be unique.
        sentences: the pipeline's segmentation (`synopsis.text.segment.segment(articles)`), one
            sequence per article in the same order; segmented here when None.

    Returns:
        Entities (most mentioned first), number groups (differ, agree, single) and a
        chronological timeline, all citing character offsets into each Article.text.

    Raises:
        InputError: two articles share an id, or `sentences` does not match `articles`.
    """
    texts, lines, spans = _prepare(articles, sentences)
    index = build_entities(spans, texts)
    pubs = {
        art.id: publication_date(art.text, art.published, art_lines)
        for art, art_lines in zip(articles, lines, strict=True)
    }
    dates = sentence_dates(spans, texts, pubs)
    return Analysis(
        entities=index.entities,
        numbers=group_numbers(spans, texts, index, dates),
        timeline=build_timeline(spans, texts, dates, index),
    )
