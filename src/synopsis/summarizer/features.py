"""Sentence representations: stemmed tokens, content words and bigram concepts.

Concepts follow Gillick & Favre, "A Scalable Global Model for Summarization" (ILP workshop, NAACL
2009): stemmed word bigrams, leaving out those made only of stopwords.
"""

from __future__ import annotations

from dataclasses import dataclass

from synopsis.text import STOPWORDS, stem, words

__all__ = ["DANGLING_STARTS", "Features", "features"]

# First words that refer back to an earlier sentence (pronouns, demonstratives, connectives): a
# summary sentence that starts with one needs its antecedent right before it.
DANGLING_STARTS = frozenset(
    """
    he she it they them his her its their this these those that such but however and also so yet
    meanwhile still then thus instead moreover furthermore nevertheless nonetheless or nor
    likewise similarly otherwise therefore
    """.split()
)


@dataclass(frozen=True)
class Features:
    """What the scorers see of one sentence."""

    stems: tuple[str, ...]
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]


def features(text: str) -> Features:
    """Stems, content stems and bigram concepts of a text.

    Args:
        text: a sentence.

    Returns:
        Its features.
    """
    toks = words(text)
    stems = tuple(stem(w) for w in toks)
    stop = [w in STOPWORDS or (w.isdigit() and len(w) == 1) for w in toks]
    content = frozenset(s for s, is_stop in zip(stems, stop, strict=True) if not is_stop)
    bigrams = frozenset(
        (stems[i], stems[i + 1]) for i in range(len(stems) - 1) if not (stop[i] and stop[i + 1])
    )
    return Features(stems=stems, content=content, bigrams=bigrams)
