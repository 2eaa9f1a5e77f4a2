"""Sentence representations: stemmed tokens, content words and bigram concepts.

Concepts follow Gillick & Favre, "A Scalable Global Model for Summarization" (ILP workshop, NAACL
2009): stemmed word bigrams, leaving out those made only of stopwords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Function words that carry no story content (pronouns, determiners, auxiliaries, prepositions,
# conjunctions, reporting verbs that every news story shares).
STOPWORDS = frozenset(
    """
    a about above after again against all almost also although am among an and another any are
    around as at be because been before being below between both but by can could did do does
    doing done down during each either else even ever every few for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into is it
    its itself just last least less like made make many may me might more most much must my
    myself near neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps rather said same say says she should since so some still
    such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we were what whatever
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself mr mrs ms told tell according new year years also s t
    """.split()
)

# First words that refer back to an earlier sentence (pronouns, demonstratives, connectives): a
# summary sentence that starts with one needs its antecedent right before it.
DANGLING_STARTS = frozenset(
    """
    he she it they them his her its their this these those that such but however and also so yet
    meanwhile still then thus instead moreover furthermore nevertheless nonetheless or nor
    likewise similarly otherwise therefore
    """.split()
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball (Porter2) stem of a lowercased word."""
    return str(_STEMMER.stemWord(word))


def words(text: str) -> list[str]:
    """Lowercased word tokens (letters and digits; internal apostrophes kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


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
