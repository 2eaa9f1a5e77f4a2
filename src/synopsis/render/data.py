"""A `Summary` as JSON-ready data and JSON text (the keys README's "JSON output" documents)."""

from __future__ import annotations

import json
from typing import Literal, cast, get_args

from synopsis.model.aligned import (
    AbsoluteDate,
    Backshift,
    Copied,
    Deletion,
    License,
    Resolve,
    Segment,
    Typeset,
    edits,
)
from synopsis.model.types import Analysis, Article, Source, Summary, SummarySentence
from synopsis.render.schema import (
    ArticleJSON,
    EditJSON,
    EntityType,
    ModeJSON,
    NumberGroupJSON,
    NumberStatus,
    SegmentJSON,
    SentenceJSON,
    SpanJSON,
    SummaryJSON,
    WhyJSON,
)

_ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
_NUMBER_STATUSES: tuple[str, ...] = get_args(NumberStatus)


def _entity_type(value: str) -> EntityType:
    if value not in _ENTITY_TYPES:
        raise ValueError(f"entity type {value!r} is not one of schema.EntityType; add it there")
    return cast(EntityType, value)


def _number_status(value: str) -> NumberStatus:
    if value not in _NUMBER_STATUSES:
        raise ValueError(f"number status {value!r} is not one of schema.NumberStatus; add it there")
    return cast(NumberStatus, value)


def _span(span: Source | Copied) -> SpanJSON:
    return {"article": span.article, "start": span.start, "end": span.end}


def _why(why: License) -> WhyJSON:
    if isinstance(why, Deletion):
        return {"kind": "delete", "rule": why.rule}
    if isinstance(why, Resolve):
        mention = Copied(why.mention_article, why.mention_start, why.mention_end)
        return {"kind": "resolve", "rule": why.rule, "mention": _span(mention)}
    if isinstance(why, AbsoluteDate):
        return {"kind": "date", "date": why.date, "anchor": why.anchor}
    if isinstance(why, Backshift):
        return {"kind": "tense", "rule": why.rule, "date": why.date, "now": why.now}
    if isinstance(why, Typeset):
        return {"kind": "typeset", "rule": why.rule}
    raise ValueError(f"edit licence {why!r} has no JSON form; add it to render.schema.WhyJSON")


def _segment(segment: Segment) -> SegmentJSON:
    if isinstance(segment, Copied):
        return {"article": segment.article, "start": segment.start, "end": segment.end}
    return {"text": segment.text, "replaces": _span(segment.replaces), "why": _why(segment.why)}


def _sentence(sentence: SummarySentence, texts: dict[str, str]) -> SentenceJSON:
    changes: list[EditJSON] = [
        {"from": e.before, "to": e.after, "why": _why(e.why)}
        for e in edits(sentence.segments, texts)
    ]
    return {
        "text": sentence.text,
        "sources": [_span(src) for src in sentence.sources],
        "segments": [_segment(seg) for seg in sentence.segments],
        "edits": changes,
    }


def _article_dict(article: Article) -> ArticleJSON:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "words": article.words,
    }


def _number_groups(analysis: Analysis) -> list[NumberGroupJSON]:
    return [
        {
            "about": g.about,
            "status": _number_status(g.status),
            "values": [
                {
                    "value": v.value,
                    "normalized": list(v.normalized)
                    if isinstance(v.normalized, tuple)
                    else v.normalized,
                    "unit": v.unit,
                    "article": v.article,
                    "start": v.start,
                    "end": v.end,
                    "text": v.text,
                }
                for v in g.values
            ],
        }
        for g in analysis.numbers
    ]


def to_dict(summary: Summary) -> SummaryJSON:
    """The JSON structure of `synopsis summarize --format json` (`synopsis.render.schema`).

    Args:
        summary: a summary.

    Returns:
        Plain JSON types with keys headline, summary, sentences (text, sources, segments,
        edits), articles, skipped, entities, numbers and timeline.

    Raises:
        ValueError: the analysis gave an entity type or number status the schema does not list.
        AlignmentError: a sentence's segments cite an article missing from the summary.
    """
    analysis = summary.analysis or Analysis()
    texts = {a.id: a.text for a in summary.articles}
    data: SummaryJSON = {
        "headline": summary.headline,
        "summary": summary.text,
        "sentences": [_sentence(s, texts) for s in summary.sentences],
        "articles": [_article_dict(a) for a in summary.articles],
        "skipped": [{"article": s.article, "why": s.why} for s in summary.skipped],
        "entities": [
            {
                "name": e.name,
                "type": _entity_type(e.type),
                "variants": list(e.variants),
                "articles": list(e.articles),
                "mentions": e.mentions,
            }
            for e in analysis.entities
        ],
        "numbers": _number_groups(analysis),
        "timeline": [
            {"date": t.date, "text": t.text, "sources": [_span(src) for src in t.sources]}
            for t in analysis.timeline
        ],
    }
    mode = _mode(summary)
    if mode is not None:
        data["mode"] = mode
    return data


# `Summary.meta["mode"]` values that the JSON names (a plain synopsis has no "mode" entry).
_MODE_NAMES: dict[str, Literal["update", "focus", "update+focus"]] = {
    "update": "update",
    "focus": "focus",
    "update+focus": "update+focus",
}


def _mode(summary: Summary) -> ModeJSON | None:
    """The `mode` entry of an update or focused summary; None for a plain one."""
    name = _MODE_NAMES.get(summary.meta.get("mode", ""))
    if name is None:
        return None
    since = summary.meta.get("since")
    mode: ModeJSON = {
        "name": name,
        "since": since.split("\n") if since else [],
        "focus": summary.meta.get("focus"),
    }
    if summary.meta.get("since_date"):
        mode["since_date"] = summary.meta["since_date"]
    return mode


def to_json(summary: Summary) -> str:
    """The summary as pretty-printed JSON text."""
    return json.dumps(to_dict(summary), ensure_ascii=False, indent=2) + "\n"
