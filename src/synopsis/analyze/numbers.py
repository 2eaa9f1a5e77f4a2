"""Quantities across outlets: grouping mentions of one quantity and their agree/differ status.

Mentions come from `_quantities` (numeric-fact patterns after Madaan et al. 2016, "Numerical
relation extraction with minimal supervision", AAAI), each an interval from its qualifier. A
group is marked "differ" only when two articles give intervals that cannot both be true, and
vague words ("dozens", "thousands") never cause a "differ": precision over recall.

Cost stays near-linear in the input: a mention is only compared with groups of its own unit and
noun (`_compatible` requires both), with at most MAX_OPEN_GROUPS of them, each of at most
MAX_GROUP_SIZE members; the "some article states both values" check reads only the articles
with two or more values of that unit and noun, at most MAX_WITNESS_ARTICLES of them.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from synopsis.analyze._phrases import RATE
from synopsis.analyze._quantities import (
    Quantity,
    anchor_starts,
    extract_quantities,
    has_qualitative_cue,
)
from synopsis.analyze._text import Span
from synopsis.analyze.entities import EntityIndex
from synopsis.analyze.timeline import DateMention, find_dates
from synopsis.model.types import NumberGroup

# Shared context stems needed to group two mentions: with a shared entity 1 ("siege" in
# "siege of nearly three years" / "besieged ... for nearly three years"), without one 2; set
# on the gold stories and checked against false "differ" groups on DUC 2004 by eye.
MIN_CONTEXT_ANCHORED = 1
MIN_CONTEXT_FREE = 2
# Two numeric mentions "differ" only if their contexts share this many stems (a false
# "differ" misleads more than a missed one).
MIN_CONTEXT_DIFFER = 2
MIN_CONTEXT_DIFFER_FREE = 3  # without a shared entity
# Counts below this ("three attacks" vs "four attacks") often enumerate subsets; they may
# agree but never "differ".
MIN_DIFFER_COUNT = 10
# Values further apart than this factor are two quantities ("10 medals" / "377 medals"), not
# a conflict; real conflicting reports in the gold set and DUC 2004 are within 1.5x.
MAX_RATIO = 3.0
# Bounds that keep grouping near-linear on very large inputs (benchmarks/analysis_scaling.py).
# None is reached on DUC 2004 test or Multi-News dev, so outputs there are unchanged
# (benchmarks/output_snapshot.py): there one (unit, noun) has at most 53 groups, a group at most
# 16 members, and at most 9 articles give two or more values of one (unit, noun).
MAX_OPEN_GROUPS = 100  # groups of one (unit, noun) a new mention is tried against (the newest)
MAX_GROUP_SIZE = 32  # members; a full group takes no more, a later mention starts another
MAX_WITNESS_ARTICLES = 32  # articles read for "both values stated" per pair of mentions
_STATUS_RANK = {"differ": 0, "agree": 1, "single": 2}

_Key = tuple[str, str]  # (unit, noun): mentions of one quantity share both


def _key(q: Quantity) -> _Key:
    """The (unit, noun) a mention is grouped under."""
    return q.value.unit, q.noun


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two mentions can describe the same quantity."""
    if a.value.unit != b.value.unit or a.noun != b.noun:
        return False
    if a.raw_unit != b.raw_unit and a.value.unit == "days":
        return False  # "24 hours" and "three years" are never the same duration
    low, high = (a.point, b.point) if a.point <= b.point else (b.point, a.point)
    if high > MAX_RATIO * (low if low > 1e-9 else 1e-9):
        return False  # "10 medals" and "377 medals" are two quantities, not a conflict
    overlap = a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]
    if a.value.article == b.value.article and not overlap and a.numeric and b.numeric:
        return False  # one article giving two values means two different things
    if _disjoint(a, b) and not _strong(a, b):
        return False  # too loosely related to be called either the same or a conflict
    shared = len(a.context & b.context)
    if a.places & b.places:
        # "share of city (Deir Ezzor)" is specific on its own
        return a.value.unit == "%" or shared >= MIN_CONTEXT_ANCHORED
    return shared >= MIN_CONTEXT_FREE


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals meet."""
    return a[0] <= b[1] and b[0] <= a[1]


def _strong(a: Quantity, b: Quantity) -> bool:
    """Whether two mentions share enough context to be called one quantity when they differ."""
    if not (a.numeric and b.numeric):
        return True
    need = MIN_CONTEXT_DIFFER if a.places & b.places else MIN_CONTEXT_DIFFER_FREE
    return len(a.context & b.context) >= need


def _disjoint(a: Quantity, b: Quantity) -> bool:
    """Cross-article, non-vague mentions whose intervals do not meet."""
    return (
        a.value.article != b.value.article
        and not (a.vague or b.vague)
        and not _overlaps(a.interval, b.interval)
    )


def _states_both(values: Sequence[tuple[float, float]], a: Quantity, b: Quantity) -> bool:
    """Whether one article's values (of a's unit and noun) match a and b as two quantities.

    True when some value overlaps a, some value overlaps b, and not every value overlaps both
    (like an article giving both a 13-year and an 11-year sentence).
    """
    return (
        any(_overlaps(v, a.interval) for v in values)
        and any(_overlaps(v, b.interval) for v in values)
        and not all(_overlaps(v, a.interval) and _overlaps(v, b.interval) for v in values)
    )


def _conflict(a: Quantity, b: Quantity, witnesses: Sequence[Sequence[tuple[float, float]]]) -> bool:
    """Whether two grouped mentions from different articles cannot both be true.

    Not when some article states values matching both (`_states_both`; `witnesses` are the
    articles' numeric values of the pair's unit and noun), nor for small counts, nor when the
    two mentions share too little context.
    """
    if not _disjoint(a, b) or not _strong(a, b):
        return False
    if any(_states_both(values, a, b) for values in witnesses[:MAX_WITNESS_ARTICLES]):
        return False
    small = max(a.interval[1], b.interval[1]) < MIN_DIFFER_COUNT
    return not (small and a.value.unit == a.noun)


def _witnesses(quantities: Sequence[Quantity]) -> dict[_Key, list[list[tuple[float, float]]]]:
    """Per (unit, noun): each article's numeric values, for articles that give two or more.

    An article with one value cannot state two different quantities, so it is left out.
    """
    by_article: dict[str, dict[_Key, list[tuple[float, float]]]] = {}
    for q in quantities:
        if q.numeric:
            per_key = by_article.setdefault(q.value.article, {})
            per_key.setdefault(_key(q), []).append(q.interval)
    out: dict[_Key, list[list[tuple[float, float]]]] = {}
    for per_key in by_article.values():
        for key, values in per_key.items():
            if len(values) > 1:
                out.setdefault(key, []).append(values)
    return out


def _about(q: Quantity, index: EntityIndex) -> str:
    """Describe what a group counts: "share of city (Deir Ezzor)", "fighters (Al-Qaim)"."""
    places = ", ".join(sorted(index.names[p] for p in q.places))
    unit = q.value.unit
    share = q.noun if RATE.fullmatch(q.noun) else f"share of {q.noun}"  # "turnout"
    what = {"%": share, "km²": "area", "km": "distance", "days": "duration"}.get(unit, unit)
    return f"{what} ({places})" if places else what


def _sentence_mentions(ents: list[tuple[int, int, int]], sent: Span) -> list[tuple[int, int, int]]:
    """The entity mentions (sorted by start) that start inside a sentence."""
    lo = bisect.bisect_left(ents, (sent.start,))
    return ents[lo : bisect.bisect_left(ents, (sent.end,), lo)]


def _extract_all(
    sentences: Sequence[Span],
    texts: dict[str, str],
    index: EntityIndex,
    dates_of: dict[tuple[str, int], list[DateMention]] | None,
) -> list[Quantity]:
    """Quantity mentions of every body sentence, in sentence order."""
    quantities: list[Quantity] = []
    starts = {art: anchor_starts(t) for art, t in texts.items()}
    for sent in sentences:
        if sent.is_list or sent.is_header or sent.is_headline:
            continue
        art_starts = starts[sent.article]
        lo = bisect.bisect_left(art_starts, sent.start)
        anchors = art_starts[lo : bisect.bisect_left(art_starts, sent.end, lo)]
        if not anchors and not has_qualitative_cue(sent.text):
            continue
        text = texts[sent.article]
        ents = _sentence_mentions(index.mentions.get(sent.article, []), sent)
        dates = (
            dates_of.get((sent.article, sent.start), [])
            if dates_of is not None
            else find_dates(text, sent.start, sent.end, None)
        )
        masked = [(d.start, d.end) for d in dates]
        quantities.extend(extract_quantities(sent, text, index, ents, masked, anchors))
    return quantities


def _group(quantities: Sequence[Quantity]) -> list[list[Quantity]]:
    """Put each mention in the first open group of its (unit, noun) it is compatible with."""
    groups: list[list[Quantity]] = []
    open_groups: dict[_Key, list[list[Quantity]]] = {}
    for q in quantities:
        candidates = open_groups.setdefault(_key(q), [])
        for g in candidates[-MAX_OPEN_GROUPS:]:
            if all(_compatible(q, member) for member in g):
                g.append(q)
                if len(g) >= MAX_GROUP_SIZE:
                    candidates.remove(g)
                break
        else:
            groups.append([q])
            candidates.append(groups[-1])
    return groups


def group_numbers(
    sentences: Sequence[Span],
    texts: dict[str, str],
    index: EntityIndex,
    dates_of: dict[tuple[str, int], list[DateMention]] | None = None,
) -> tuple[NumberGroup, ...]:
    """Extract quantities from all articles and group mentions of the same quantity.

    Args:
        sentences: sentence spans of all articles.
        texts: article id -> text.
        index: entity index (places name what a quantity is about).
        dates_of: date mentions per sentence (`timeline.sentence_dates`); found here if None.

    Returns:
        Groups, "differ" first, then "agree", then "single"; within, most articles first.
    """
    quantities = _extract_all(sentences, texts, index, dates_of)
    witnesses = _witnesses(quantities)
    out: list[tuple[int, int, NumberGroup]] = []
    for g in _group(quantities):
        pairs = [(a, b) for i, a in enumerate(g) for b in g[i + 1 :]]
        witness = witnesses.get(_key(g[0]), [])
        if any(_conflict(a, b, witness) for a, b in pairs):
            parts, status = [g], "differ"
        elif any(_disjoint(a, b) for a, b in pairs):
            # values that differ without a reliable conflict: neither "agree" nor "differ"
            parts, status = [[q] for q in g], "single"
        else:
            parts, status = [g], "agree"
        for part in parts:
            arts = {q.value.article for q in part}
            st = "single" if len(arts) == 1 else status
            group = NumberGroup(_about(part[0], index), st, tuple(q.value for q in part))
            out.append((_STATUS_RANK[st], -len(arts), group))
    out.sort(key=lambda t: (t[0], t[1]))
    return tuple(t[2] for t in out)
