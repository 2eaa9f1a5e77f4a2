"""Cross-source analysis of a story: entities, agreeing/differing numbers and a timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from synopsis.analyze._text import content_lines, spans_from_sentences
from synopsis.analyze.entities import build_entities
from synopsis.analyze.numbers import group_numbers
from synopsis.analyze.timeline import build_timeline, publication_date, sentence_dates
from synopsis.errors import InputError
from synopsis.models import Analysis, Article, NumberGroup, Sentence
from synopsis.segment import segment

__all__ = ["analysis_markdown", "analyze"]


def analyze(
    articles: Sequence[Article], sentences: Sequence[Sequence[Sentence]] | None = None
) -> Analysis:
    """Analyze a story across its articles.

    Args:
        articles: cleaned articles; ids must be unique.
        sentences: the pipeline's segmentation (`synopsis.segment.segment(articles)`), one
            sequence per article in the same order; segmented here when None.

    Returns:
        Entities (most mentioned first), number groups (differ, agree, single) and a
        chronological timeline, all citing character offsets into each Article.text.

    Raises:
        InputError: two articles share an id, or `sentences` does not match `articles`.
    """
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


# Event sentences longer than this are cut at a word boundary in the Markdown digest.
MARKDOWN_EVENT_CHARS = 200


def _values_line(group: NumberGroup, label: Callable[[str], str], joiner: str) -> str:
    """One bullet: the quantity and each article's first wording of it."""
    seen: dict[str, dict[str, None]] = {}
    for v in group.values:
        seen.setdefault(v.article, {})[" ".join(v.value.split())] = None
    parts = [f"{' / '.join(values)} ({label(art)})" for art, values in seen.items()]
    return f"- {group.about}: {joiner.join(parts)}"


def _trim(text: str, limit: int) -> str:
    """Flatten whitespace and cut at a word boundary after `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def analysis_markdown(analysis: Analysis, article_label: Callable[[str], str]) -> str:
    """Render an analysis as compact Markdown for a summary page.

    Args:
        analysis: the result of `analyze`.
        article_label: maps an article id to how the page cites it (e.g. "[2]").

    Returns:
        Sections "## Where sources agree", "## Where sources differ", "## Timeline" and
        "## Names used", each a bullet list ("- None found." when empty).
    """
    agree = [_values_line(g, article_label, ", ") for g in analysis.numbers if g.status == "agree"]
    differ = [
        _values_line(g, article_label, " vs ") for g in analysis.numbers if g.status == "differ"
    ]
    timeline = [
        f"- {e.date}: {_trim(e.text, MARKDOWN_EVENT_CHARS)} "
        f"({', '.join(dict.fromkeys(article_label(s.article) for s in e.sources))})"
        for e in analysis.timeline
    ]
    names = [
        f"- {e.name} ({e.type}): {', '.join(e.variants)}"
        for e in analysis.entities
        if len(e.variants) > 1
    ]
    out: list[str] = []
    for title, lines in (
        ("Where sources agree", agree),
        ("Where sources differ", differ),
        ("Timeline", timeline),
        ("Names used", names),
    ):
        out.append(f"## {title}")
        out.extend(lines or ["- None found."])
        out.append("")
    return "\n".join(out).rstrip() + "\n"
