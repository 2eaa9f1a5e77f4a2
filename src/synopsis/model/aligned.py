"""Aligned text: a summary sentence as segments copied from source spans or inserted with a licence.

A sentence's text is the concatenation of its segments. A `Copied` segment is
``article.text[start:end]`` of one article's cleaned text, character for character. An `Inserted`
segment is text the system wrote, with the source span it stands in for (`replaces`; empty,
``start == end``, for a pure insertion) and what licenses it (`why`). A deletion is an `Inserted`
segment with empty text, so every change to the source, including what was dropped, is an edit
record ``{"from": source text of replaces, "to": text, "why": why}`` (`edits`).

Sentence compression by deletion (Knight & Marcu, AI 2002; Clarke & Lapata, JAIR 2008) produces
deletions and the re-capitalization that follows a dropped leading word; rewriting (a pronoun
replaced by the name it resolves to, a relative date by an absolute one) adds `Inserted`
segments with other licences. `Draft` applies such edits in the coordinates of the current text.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

# The rules of `synopsis.summarizer.compress`, each deleting one constituent.
CompressRule = Literal["dateline", "connective", "parenthetical", "attribution", "ticker"]
# Deletions made by `synopsis.rewrite` on the chosen summary sentences: a leading connective
# ("connective", as in compression), headline/kicker text glued to the sentence's start, or a
# "today" no date anchors ("undated_today", `synopsis.rewrite.undated`), or the part of the day
# after a weekday written as its date where words are short ("part_of_day": "Thursday night" as
# "Dec. 17", `synopsis.rewrite.dates`).
DeleteRule = CompressRule | Literal["headline", "undated_today", "part_of_day"]


@dataclass(frozen=True)
class Copied:
    """Text copied verbatim: ``text[start:end]`` of the cleaned text of article `article`."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Deletion:
    """Licence of an edit made by a compression rule that deletes a constituent.

    The replacement text is empty, or the first letter of what follows, re-capitalized.
    """

    rule: DeleteRule


# The rules of `synopsis.rewrite` that name an entity: the full name at a first mention, the
# short form the sources use at a later one, a name for a dangling pronoun or "the group".
ResolveRule = Literal["full_name", "short_name", "pronoun", "description", "role", "epithet"]


@dataclass(frozen=True)
class Resolve:
    """Licence of a name written in place of a mention (`synopsis.rewrite.names`).

    ``text[mention_start:mention_end]`` of article `mention_article` (the article the sentence
    was copied from; for a full name that article never writes, another article the sentence
    then also cites) is where the sources write the inserted name: the full name at a first
    mention, the short form at a later one, the antecedent of a pronoun or description.
    """

    mention_article: str
    mention_start: int
    mention_end: int
    rule: ResolveRule


@dataclass(frozen=True)
class AbsoluteDate:
    """Licence of a calendar date written for a relative one (`synopsis.rewrite.dates`).

    `date` (ISO 8601) is the replaced words ("on Friday", "yesterday") resolved against
    `anchor`, the publication date (ISO 8601) of the article the sentence was copied from.
    """

    date: str
    anchor: str


# What a backshift shifts (`synopsis.rewrite.tense`): a forecast's verb whose date the story
# has passed, or a present perfect told by an article older than the story's newest one.
BackshiftRule = Literal["forecast", "perfect"]


@dataclass(frozen=True)
class Backshift:
    """Licence of a verb written in the past (`synopsis.rewrite.tense`).

    "forecast": the replaced word is the verb of a forecast ("will", "plans", "is" before "to")
    whose date, `date` (ISO 8601), the story has passed: it lies before `now`, the newest
    publication date (ISO 8601) of the story's articles. The verb becomes its past ("would",
    "planned", "was"). "perfect": the replaced word is the "has"/"have" of a present perfect
    told by an article of `date`, before `now`; it becomes "had".
    """

    date: str
    now: str
    rule: BackshiftRule = "forecast"


# The marks `synopsis.rewrite.typography` rewrites: a wire dash (" _ ", " -- "), a TeX or
# mismatched quotation mark, a space before a comma.
TypesetRule = Literal["dash", "quote", "space", "invisible", "colon"]


@dataclass(frozen=True)
class Typeset:
    """Licence of a punctuation mark written as readers expect it (`synopsis.rewrite.typography`).

    The replaced text is one mark (or the space before a comma, or an invisible character) of the
    copied span; no word is added, removed or moved.
    """

    rule: TypesetRule


# What licenses an inserted segment; `synopsis.render.schema` documents their JSON form.
License = Deletion | Resolve | AbsoluteDate | Backshift | Typeset


@dataclass(frozen=True)
class Inserted:
    """Text written by the system in place of the source span `replaces`, licensed by `why`."""

    text: str
    replaces: Copied
    why: License


Segment = Copied | Inserted


@dataclass(frozen=True)
class Edit:
    """One change to the source: `before` (the replaced source text) became `after`, by `why`."""

    before: str
    after: str
    why: License
    span: Copied


class AlignmentError(ValueError):
    """Segments that do not rebuild their text: a copied span differs from the source."""


def segment_text(segment: Segment, texts: Mapping[str, str] | None = None) -> str:
    """The text a segment contributes.

    Args:
        segment: a segment.
        texts: article id to cleaned text; required for copied segments.

    Returns:
        The segment's text.

    Raises:
        AlignmentError: a copied segment names an unknown article or a span outside its text.
    """
    if isinstance(segment, Inserted):
        return segment.text
    if texts is None or segment.article not in texts:
        raise AlignmentError(f"segment cites unknown article {segment.article!r}")
    source = texts[segment.article]
    if not 0 <= segment.start <= segment.end <= len(source):
        raise AlignmentError(
            f"segment [{segment.start}:{segment.end}] lies outside article {segment.article!r} "
            f"({len(source)} characters)"
        )
    return source[segment.start : segment.end]


def rebuild(segments: Sequence[Segment], texts: Mapping[str, str], expected: str) -> str:
    """Rebuild a sentence from its segments and check it against the sentence's text.

    Args:
        segments: the sentence's segments, in order.
        texts: article id to cleaned text (the text that offsets index).
        expected: the sentence's text.

    Returns:
        The rebuilt text (equal to `expected`).

    Raises:
        AlignmentError: a copied segment is out of range, or the segments do not spell `expected`.
    """
    built = "".join(segment_text(s, texts) for s in segments)
    if built != expected:
        raise AlignmentError(f"segments spell {built!r}, but the sentence is {expected!r}")
    return built


def edits(segments: Sequence[Segment], texts: Mapping[str, str]) -> tuple[Edit, ...]:
    """Every change the segments make to their source, in sentence order.

    Args:
        segments: a sentence's segments.
        texts: article id to cleaned text.

    Returns:
        One `Edit` per inserted segment; ``{"from": e.before, "to": e.after, "why": e.why}``.

    Raises:
        AlignmentError: a replaced span names an unknown article or lies outside its text.
    """
    return tuple(
        Edit(before=segment_text(s.replaces, texts), after=s.text, why=s.why, span=s.replaces)
        for s in segments
        if isinstance(s, Inserted)
    )


def _merge(pieces: Sequence[Segment]) -> tuple[Segment, ...]:
    """Join copied segments that continue one another; drop empty copied segments."""
    out: list[Segment] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if isinstance(piece, Copied) and piece.start == piece.end:
            continue
        if (
            isinstance(piece, Copied)
            and isinstance(prev, Copied)
            and prev.article == piece.article
            and prev.end == piece.start
        ):
            out[-1] = Copied(piece.article, prev.start, piece.end)
        else:
            out.append(piece)
    return tuple(out)


@dataclass(frozen=True)
class Draft:
    """A sentence being edited: its current text and the segments that spell it."""

    text: str
    pieces: tuple[Segment, ...]

    @classmethod
    def of(cls, text: str, article: str = "", offset: int = 0) -> Draft:
        """A draft that copies `text`, which starts at `offset` of article `article`."""
        return cls(text, (Copied(article, offset, offset + len(text)),))

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The segments, with copied runs that continue one another joined."""
        return _merge(self.pieces)

    def replace(self, start: int, end: int, text: str, why: License) -> Draft:
        """Replace ``self.text[start:end]`` with `text`, licensed by `why`.

        An inserted segment the range cuts into is taken in whole (its outer text kept), so each
        inserted segment stays one edit; an earlier deletion strictly inside the range is
        absorbed, one at its boundary is kept.

        Args:
            start: start in the current text.
            end: end in the current text.
            text: the replacement.
            why: what licenses the change.

        Returns:
            The edited draft.

        Raises:
            ValueError: the range is not within the current text.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range [{start}:{end}] is outside a {len(self.text)}-character text")
        # Split copied pieces at the range's ends; widen the range over inserted pieces it cuts.
        placed: list[tuple[int, Segment]] = []
        prefix = suffix = ""
        lo, hi = start, end
        pos = 0
        for piece in self.pieces:
            n = len(piece.text) if isinstance(piece, Inserted) else piece.end - piece.start
            p0, p1 = pos, pos + n
            pos = p1
            if isinstance(piece, Copied):
                cuts = sorted({c for c in (start, end) if p0 < c < p1})
                bounds = [p0, *cuts, p1]
                for a, b in itertools.pairwise(bounds):
                    s = piece.start + a - p0
                    placed.append((a, Copied(piece.article, s, s + b - a)))
                continue
            if p0 < start < p1:
                lo, prefix = p0, piece.text[: start - p0]
            if p0 < end < p1:
                hi, suffix = p1, piece.text[end - p0 :]
            placed.append((p0, piece))
        before: list[Segment] = []
        covered: list[Segment] = []
        after: list[Segment] = []
        for p0, piece in placed:
            n = len(piece.text) if isinstance(piece, Inserted) else piece.end - piece.start
            if (n and lo <= p0 and p0 + n <= hi) or (not n and lo < p0 < hi):
                covered.append(piece)
            elif p0 + n <= lo:
                before.append(piece)
            else:
                after.append(piece)
        spans = [p.replaces if isinstance(p, Inserted) else p for p in covered]
        if spans:
            span = Copied(spans[0].article, min(s.start for s in spans), max(s.end for s in spans))
        elif before:
            last = before[-1]
            at = last.replaces if isinstance(last, Inserted) else last
            span = Copied(at.article, at.end, at.end)
        else:
            first = after[0]
            at = first.replaces if isinstance(first, Inserted) else first
            span = Copied(at.article, at.start, at.start)
        new = Inserted(prefix + text + suffix, span, why)
        return Draft(self.text[:start] + text + self.text[end:], (*before, new, *after))
