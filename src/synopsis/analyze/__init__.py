"""Cross-source analysis of a story: entities, agreeing/differing numbers and a timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from synopsis.analyze._text import split_sentences
from synopsis.analyze.entities import build_entities
from synopsis.analyze.numbers import group_numbers
from synopsis.analyze.timeline import build_timeline, publication_date
from synopsis.errors import InputError
from synopsis.models import Analysis, Article

__all__ = ["analysis_markdown", "analyze"]


def analyze(articles: Sequence[Article]) -> Analysis:
    """Analyze a story across its articles.

    Args:
        articles: cleaned articles; ids must be unique.

    Returns:
        Entities (most mentioned first), number groups (differ, agree, single) and a
        chronological timeline, all citing character offsets into each Article.text.

    Raises:
        InputError: two articles share an id.
    """
    texts: dict[str, str] = {}
    for art in articles:
        if art.id in texts:
            raise InputError(f"article id {art.id!r} appears twice; give every article a unique id")
        texts[art.id] = art.text
    sentences = [s for art in articles for s in split_sentences(art.id, art.text)]
    index = build_entities(sentences, texts)
    pubs = {art.id: publication_date(art.text, art.published) for art in articles}
    return Analysis(
        entities=index.entities,
        numbers=group_numbers(sentences, texts, index),
        timeline=build_timeline(sentences, texts, pubs, index),
    )
