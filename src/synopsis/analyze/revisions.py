"""Figures that a later report replaced: the toll of Tuesday's article after Wednesday's update.

A developing story is told by articles of several days, and counts change as it develops: "12
injured" on Tuesday, "the number of people hurt has risen to 14" on Wednesday. A reader of the
synopsis wants the figure as it now stands, which is what the newest articles give. This is the
"updated figure" rule of update summarization (in the update summaries of DUC 2007 and TAC 2008,
a revised count replaces the old one; Dang & Owczarzak, "Overview of the TAC 2008 Update
Summarization Task", 2008) applied within one set of articles, with publication dates standing in
for "what was read before".

`revisions` reads the "differ" groups of `synopsis.analyze.numbers` (whose grouping already
decides that the mentions count the same thing and cannot all be true) and, where every value
is dated, the newest articles agree on one value and at least one of them reports it as a change
("has risen to 14", "the toll climbed to 40"), marks each older differing value as replaced by
it. Without that wording two dates' figures are conflicting reports, not a revision: on DUC 2004
the "differ" groups across dates without it were mostly different quantities or estimates (an
orbit of 200 km at launch and of 250 miles after a boost; last year's harvest and this year's),
so they stay side by side in "Where sources differ". Nor is a value marked in a group with an
undated mention, or where the newest articles disagree among themselves.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from synopsis.model.types import NumberGroup, NumberValue

__all__ = ["CHANGE_WINDOW", "REVISED", "Revision", "mark_revised", "revisions"]

# How far before a figure (its qualifier included) the wording of a change may start.
CHANGE_WINDOW = 40
# A verb of change right before the figure: "has risen to 14", "climbed to more than 200", "fell
# to 3". A closed list: "reached" and "stands at" also state totals that never changed.
_CHANGED_TO = re.compile(
    r"\b(?:risen|rose|climbed|increased|jumped|grown|grew|mounted|swelled|soared|surged"
    r"|fallen|fell|dropped|decreased|declined|revised (?:up|down)(?:ward)?)(?: to)?\s+$",
    re.IGNORECASE,
)


# The status of a number group whose older figures the newest articles replaced (`mark_revised`).
REVISED = "revised"


@dataclass(frozen=True)
class Revision:
    """An older report of a quantity and the values that now stand.

    Attributes:
        old: the replaced mention (an article published before the newest report).
        current: every mention of the group that gives the newest articles' value, in any article.
    """

    old: NumberValue
    current: tuple[NumberValue, ...]


def _reported_as_change(value: NumberValue, texts: Mapping[str, str]) -> bool:
    """Whether the words right before a figure report it as a change ("has risen to")."""
    text = texts.get(value.article, "")
    return bool(_CHANGED_TO.search(text, max(0, value.start - CHANGE_WINDOW), value.start))


def revisions(
    groups: Sequence[NumberGroup],
    published: Mapping[str, dt.date | None],
    texts: Mapping[str, str],
) -> tuple[Revision, ...]:
    """Older figures that the newest articles on the same quantity replaced.

    Args:
        groups: number groups of `synopsis.analyze.analyze` (only "differ" groups are read).
        published: each article's publication date (None when unknown).
        texts: each article's text, as the groups' offsets index it.

    Returns:
        One Revision per replaced mention, in the order of the groups and their values.
    """
    out: list[Revision] = []
    for group in groups:
        if group.status != "differ":
            continue
        dated = [(published.get(v.article), v) for v in group.values]
        days = [d for d, _ in dated if d is not None]
        if len(days) != len(dated) or len(set(days)) < 2:
            continue
        latest = max(days)
        newest = {v.normalized for d, v in dated if d == latest}
        if len(newest) != 1:
            continue
        (value,) = newest
        if not isinstance(value, float):  # a range or a vague word: no one figure stands
            continue
        current = tuple(v for v in group.values if v.normalized == value)
        newest_reports = [v for d, v in dated if d == latest]
        if not any(_reported_as_change(v, texts) for v in newest_reports):
            continue
        out.extend(
            Revision(old=v, current=current)
            for d, v in dated
            if d is not None and d < latest and v.normalized != value
        )
    return tuple(out)


def mark_revised(
    groups: Sequence[NumberGroup], revised: Sequence[Revision]
) -> tuple[NumberGroup, ...]:
    """The groups with each revised one's status set to REVISED, its current values first.

    A reader of "Where sources differ" then sees which figure stands ("people: 14 ([1], [5]);
    earlier 12 ([2], [3])") instead of two figures side by side.

    Args:
        groups: number groups of `synopsis.analyze.analyze`.
        revised: what `revisions` found in them.

    Returns:
        The groups in their order; a group holding a replaced value has status REVISED and its
        values ordered current first (each part in its original order), the others unchanged.
    """
    current = {v for r in revised for v in r.current}
    old = {r.old for r in revised}
    out: list[NumberGroup] = []
    for group in groups:
        if old.isdisjoint(group.values):
            out.append(group)
            continue
        now = tuple(v for v in group.values if v in current)
        rest = tuple(v for v in group.values if v not in current)
        out.append(replace(group, status=REVISED, values=now + rest))
    return tuple(out)
