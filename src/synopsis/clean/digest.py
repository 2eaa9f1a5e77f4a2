"""News digests cut down to the sections that tell the story.

A wire's news digest ("AP Top News at 2 a.m. EST") or a "people in the news" page strings several
stories together, each opening with its own dateline ("WASHINGTON (AP) -- Republicans pushed
..."). Grouped with a story's articles for the one section it shares with them, such a page
brings the other stories into the summary: DUC 2007 update D0740-B, on a round-the-world balloon
flight, read "By a 22-18 party-line vote, the House Budget Committee approved a spending plan by
Chairman John Kasich" from two digests. Segmenting a multi-topic text at its topic boundaries
and keeping the segments on the topic is the approach of TextTiling (Hearst, "TextTiling:
Segmenting text into multi-paragraph subtopic passages", Computational Linguistics 23(1), 1997);
a digest marks its boundaries itself, so the boundaries are its datelines, and a section is on
the story when its words are the story's: its tf-idf cosine with the story's other articles
(idf from the background corpus, `synopsis.text.background`; the centroid relevance of Radev,
Jing, Styś and Tam, "Centroid-based summarization of multiple documents", IP&M 2004) is at least
SECTION_KEEP_SHARE of the best section's.

A digest is an article with at least DIGEST_MIN_SECTIONS dateline-led sections. Sections are cut
only when the story has an article that is no digest to compare with, and only when some section
shares words with it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from synopsis.model.types import Article
from synopsis.text import STOPWORDS, stem, words
from synopsis.text.background import default_background
from synopsis.text.vectors import cosine

__all__ = ["DIGEST_MIN_SECTIONS", "SECTION_KEEP_SHARE", "Digest", "cut_digests", "sections"]

# An article with this many dateline-led sections or more is a digest. In DUC 2004, DUC 2007 and
# Multi-News dev, 8 articles have 3 or more (4 to 9), all digests: wire news digests ("AP Top News
# at Midnight EST", "People and places in the news") and news services' story budgets ("The
# Seattle Post-Intelligencer plans to move the following stories ...", whose items open "SALMON-
# CLINTON (Washington) _"); one other article has two (Multi-News dev 42), none more (scratch
# count of 5 December 2026).
DIGEST_MIN_SECTIONS = 3
# A section is kept when its cosine with the story's other articles is at least this share of the
# best section's. In those digests (DUC 2007 D0718, D0736, D0739, D0740) the sections on the story
# score 0.19-0.59 and all others under 0.1 (a budget's own header scores 0.20 in D0736-C, where no
# item is on the story); half the best falls between the two. Not tuned further.
SECTION_KEEP_SHARE = 0.5
# A wire dateline that opens a section: a place in capitals (with a state or country after a
# comma), a wire credit in parentheses and the dash or wire underscore after it.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*"
    r"\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN|Xinhua|DPA|NYT|[A-Z][\w&./ -]{1,24})\)\s*"
    r"(?:--|—|–|_|-)\s"
)
# What may come right before a section's dateline: the text's start, a line break, a sentence's
# end or the wire's "___" separator.
_BEFORE_SECTION = re.compile(r"(?:^|\n|[.!?'\"”’)]\s+|_{3,}\s*)$")
# A headline line right before a dateline belongs to the section it names: short, and not a
# sentence's end.
HEADLINE_MAX_WORDS = 15


@dataclass(frozen=True)
class Digest:
    """What was cut from one digest: the article and the sections dropped (their first words)."""

    article: str
    dropped: tuple[str, ...]


def sections(text: str) -> list[tuple[int, int]]:
    """The dateline-led sections of a text, as character spans.

    Args:
        text: an article's text.

    Returns:
        Spans covering the text from the first section on (text before it, such as the digest's
        own title, goes with the first section); a single span when the text has fewer than
        DIGEST_MIN_SECTIONS datelines at a section's start.
    """
    starts: list[int] = []
    # line starts found once, so a long text with many datelines stays linear
    breaks = [m.start() for m in re.finditer("\n", text)]

    def line_start(at: int) -> int:
        k = bisect.bisect_left(breaks, at)
        return breaks[k - 1] + 1 if k else 0

    for match in _DATELINE.finditer(text):
        at = match.start()
        if not _BEFORE_SECTION.search(text, max(0, at - 8), at):
            continue
        line = line_start(at)
        # a headline line just before the dateline opens the section
        previous = line_start(max(0, line - 1))
        headline = text[previous : line - 1].strip() if line > 0 else ""
        if (
            line == at
            and headline
            and len(headline.split()) <= HEADLINE_MAX_WORDS
            and headline[-1:] not in '.!?"”'
        ):
            at = previous
        starts.append(at)
    if len(starts) < DIGEST_MIN_SECTIONS:
        return [(0, len(text))]
    starts[0] = 0
    ends = [*starts[1:], len(text)]
    return list(zip(starts, ends, strict=True))


def _vector(text: str) -> dict[str, float]:
    """The tf-idf vector of a text's content stems (idf from the background corpus)."""
    background = default_background()
    counts = Counter(stem(w.lower()) for w in words(text) if w.lower() not in STOPWORDS)
    return {t: n * (background.idf(t) if background.docs else 1.0) for t, n in counts.items()}


def cut_digests(articles: Sequence[Article]) -> tuple[tuple[Article, ...], tuple[Digest, ...]]:
    """Keep only the sections of each digest that tell the story of the other articles.

    Args:
        articles: the story's cleaned articles.

    Returns:
        The articles in input order, each digest with only its sections on the story (joined by
        line breaks), and what was cut from each digest that lost a section.
    """
    spans = [sections(a.text) for a in articles]
    plain = [a for a, s in zip(articles, spans, strict=True) if len(s) == 1]
    if not plain or len(plain) == len(articles):
        return tuple(articles), ()
    profile: dict[str, float] = {}
    for article in plain:
        for term, weight in _vector(article.text).items():
            profile[term] = profile.get(term, 0.0) + weight
    out: list[Article] = []
    cuts: list[Digest] = []
    for article, parts in zip(articles, spans, strict=True):
        if len(parts) == 1:
            out.append(article)
            continue
        pieces = [article.text[a:b].strip() for a, b in parts]
        scores = [cosine(_vector(p), profile) for p in pieces]
        best = max(scores)
        if best <= 0:
            out.append(article)
            continue
        on_story = [s >= SECTION_KEEP_SHARE * best for s in scores]
        kept = [p for p, keep in zip(pieces, on_story, strict=True) if keep]
        dropped = tuple(
            " ".join(p.split()[:8]) for p, keep in zip(pieces, on_story, strict=True) if not keep
        )
        out.append(replace(article, text="\n".join(kept)))
        if dropped:
            cuts.append(Digest(article.id, dropped))
    return tuple(out), tuple(cuts)
