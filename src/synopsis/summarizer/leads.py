"""Feature leads: an opening line that tells no news ("Times are tough in the oil patch.").

News writing opens either with a summary lead, which tells who did what, where and when, or with
a delayed ("feature") lead, which sets a mood first and gives the news a few sentences later (the
Missouri Group: Brooks, Kennedy, Moen and Ranly, "News Reporting and Writing", ch. "Beyond the
Inverted Pyramid"). An extract that keeps such an opening line opens the summary with it, since
sentences of one article keep their order: blind readers of 2026-12-04 labelled "The early bird
doesn't always get the worm." (Multi-News dev 531, before "CBS' 'Early Show' is playing musical
chairs ...") as a pun that wastes the opening line, and asked for the news first.

A feature lead is recognized by what it lacks: it names no one and nothing (no capitalized word
after its first, and a first word that the article never capitalizes inside a sentence, so no
name), gives no number, and tells no event (no past tense). Such a line gets no position prior
(`objectives.score`): it is chosen for its content only, never for standing first, while the
sentences after it, which carry the news, keep theirs. Barring it from selection outright moved
unrelated sentences in and out of other summaries (Multi-News dev 1854 at 300 words, whose
feature lead was never chosen, then opened with a loyalty-card detail), as removing a candidate
can change the optimum of the selection ILP; the prior alone changed only the summaries that
opened with such a line (Multi-News dev 531 at 200 and 300 words of the 242 summaries of DUC 2004
and Multi-News dev, and DUC 2007 main D0724 at 200 words: a scratch comparison of every summary
before and after, on 4 December 2026, that no committed script repeats).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from synopsis.model.types import Sentence
from synopsis.text.tokens import IRREGULAR_PAST

__all__ = ["LEAD_SENTENCES", "feature_leads", "names_nothing", "news_leads"]

_TOKEN = re.compile(r"[\w'’.-]+")
# A past tense tells an event ("were found", "killed", "took"); a feature lead is in the present
# ("Times are tough"), or a copula in the past ("Visibility wasn't optimal."), which tells none.
_PAST = re.compile(rf"\b(?:[a-z]{{2,}}ed|{IRREGULAR_PAST})\b")
# Numbers written out count as numbers ("Five people were hurt."); "one" does not ("No one knows").
_COUNTS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"dozens?|hundreds?|thousands?|millions?|billions?|percent)\b",
    re.IGNORECASE,
)
# An article's lead: its first sentences of prose, where news writing tells who did what, where
# and when (the inverted pyramid); two, as `ordering.order` counts an article's first two
# sentences as its lead (many cleaned texts keep a headline or a byline line before it).
LEAD_SENTENCES = 2
# How a sentence of prose ends; an article's first line without it is its headline.
_PROSE_END = re.compile(r"[.!?][\"”’')]*\s*$")


def names_nothing(text: str, capitalized_inside: frozenset[str] | set[str]) -> bool:
    """Whether a sentence names no one and nothing, gives no number and tells no event.

    Args:
        text: a sentence.
        capitalized_inside: words its article capitalizes after a sentence's first word (its
            names), to tell a name opening the sentence ("Obama spoke") from a common word.

    Returns:
        True for "The early bird doesn't always get the worm."; False as soon as the sentence
        holds a number (in digits or words), a capitalized word after its first, a first word
        that is a name, or a past tense.
    """
    tokens = _TOKEN.findall(text)
    if not tokens or any(ch.isdigit() for ch in text) or _COUNTS.search(text):
        return False
    if any(t[:1].isupper() for t in tokens[1:]) or tokens[0] in capitalized_inside:
        return False
    return _PAST.search(text) is None


def _openings(sentences: Sequence[Sentence], n: int) -> dict[str, list[int]]:
    """Each article's first `n` sentences of prose (positions), headline lines skipped."""
    out: dict[str, list[int]] = {}
    for k, sentence in enumerate(sentences):
        taken = out.setdefault(sentence.article_id, [])
        if len(taken) < n and _PROSE_END.search(sentence.text):
            taken.append(k)
    return out


def feature_leads(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Positions of the articles' opening sentences that are feature leads (`names_nothing`).

    Args:
        sentences: all sentences of a story, of one or more articles.

    Returns:
        For each article, the position of its first sentence of prose (a headline line before
        it is skipped) when that sentence names nothing; at most one per article.
    """
    names: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        names[sentence.article_id].update(
            t for t in _TOKEN.findall(sentence.text)[1:] if t[:1].isupper()
        )
    return frozenset(
        ks[0]
        for aid, ks in _openings(sentences, 1).items()
        if ks and names_nothing(sentences[ks[0]].text, names[aid])
    )


def news_leads(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Positions of each article's lead: its first LEAD_SENTENCES sentences of prose.

    Args:
        sentences: all sentences of a story, of one or more articles.

    Returns:
        The positions, headline lines (no closing punctuation) skipped; a feature lead among
        them is included (`feature_leads` tells it apart).
    """
    return frozenset(k for ks in _openings(sentences, LEAD_SENTENCES).values() for k in ks)
