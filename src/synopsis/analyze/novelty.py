"""What an update's analysis adds to the analysis of what the reader has already seen.

In update mode ("what's new since last time") the synopsis tells only what the new articles add
(`synopsis.summarizer.update`); the cross-source analysis printed beside it should do the same, or
it repeats the old figures and dates the reader has read. `only_new` keeps, from the analysis of
the new articles:

- every number group that reports at least one value the seen articles never gave for the same
  quantity (an updated toll, a new figure), with all its values so that agreement and difference
  stay visible; a group whose every value was already reported is dropped;
- every timeline event that no seen event already reports: mostly the same content words
  (content-stem containment, as in the redundancy tests of update summarization: Dang & Owczarzak,
  "Overview of the TAC 2008 Update Summarization Task", 2008) and no number the seen event lacks.
  The dates are not compared: the same report often resolves "on Monday" to different days in
  articles published on different days;
- every entity, because the entities name who and what the new articles are about.

The function is pure and never adds a fact: its output is a sub-selection of its first argument.
"""

from __future__ import annotations

from collections.abc import Iterable

from synopsis.model.types import Analysis, NumberGroup, TimelineEvent
from synopsis.text import STOPWORDS, stem, words

__all__ = ["SAME_EVENT_OVERLAP", "only_new"]

# Share of a new event's content stems that a seen event of the same date must contain for the
# new event to count as a repeat: 0.7, `select`'s near-duplicate threshold. Wire rewrites of one
# event share most of their content words; two events of one day (an attack, then a reaction)
# share the names but not the verbs and objects. Not tuned on a score. (The update summarizer's
# "repeats a seen sentence" test, `synopsis.summarizer.update.REPEAT_OVERLAP`, is looser, 0.9:
# a longer sentence that rewords a seen one while saying more is news there.)
SAME_EVENT_OVERLAP = 0.7


def _quantity(
    about: str, unit: str, value: float | tuple[float, float] | None
) -> tuple[object, ...]:
    """The key of one reported value: what is counted, in which unit, and how many."""
    return (about.lower(), unit.lower(), value)


def _stems(text: str) -> frozenset[str]:
    """Content stems of an event's text (stopwords dropped)."""
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS)


def _new_numbers(groups: Iterable[NumberGroup], seen: Iterable[NumberGroup]) -> list[NumberGroup]:
    """Groups of the new analysis that report at least one value the seen ones did not."""
    known = {_quantity(g.about, v.unit, v.normalized) for g in seen for v in g.values}
    return [
        g
        for g in groups
        if any(_quantity(g.about, v.unit, v.normalized) not in known for v in g.values)
    ]


def _new_events(
    events: Iterable[TimelineEvent], seen: Iterable[TimelineEvent]
) -> list[TimelineEvent]:
    """Events of the new analysis that no seen event already reports."""
    known = [_stems(event.text) for event in seen]
    kept: list[TimelineEvent] = []
    for event in events:
        mine = _stems(event.text)
        numbers = {w for w in mine if w[:1].isdigit()}
        repeated = bool(mine) and any(
            len(mine & other) >= SAME_EVENT_OVERLAP * len(mine) and numbers <= other
            for other in known
        )
        if not repeated:
            kept.append(event)
    return kept


def only_new(analysis: Analysis, seen: Analysis) -> Analysis:
    """The part of a new articles' analysis that the seen articles' analysis does not already hold.

    Args:
        analysis: the analysis of the new articles (`synopsis.analyze.analyze`).
        seen: the analysis of the articles the reader has already read.

    Returns:
        `analysis` with the number groups whose every value the seen articles already reported,
        and the timeline events a seen event already reports, left out; entities unchanged.
        Number words ("Ten") are not digits, so an event that spells out a seen figure is
        compared by its other words only.
    """
    return Analysis(
        entities=analysis.entities,
        numbers=tuple(_new_numbers(analysis.numbers, seen.numbers)),
        timeline=tuple(_new_events(analysis.timeline, seen.timeline)),
    )
