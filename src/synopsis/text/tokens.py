"""Word tokens and their stems, shared by every stage.

Stems are Snowball's English ("Porter2") stemmer, the revision of Porter's algorithm (M. F. Porter,
"An algorithm for suffix stripping", Program 14(3), 1980; Porter, "Snowball: A language for
stemming algorithms", 2001), run through `snowballstemmer`, which uses the compiled PyStemmer
when it is installed. Stems are memoised in a bounded LRU cache so that a long-running service
does not grow with the vocabulary it has seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = [
    "IRREGULAR_PAST",
    "JOINERS",
    "PRINTS_NOTHING",
    "QUOTE_MARK",
    "STEM_CACHE_SIZE",
    "stem",
    "words",
]

# Distinct words whose stems are remembered. One DUC 2004 run (50 clusters, 500 articles) has
# about 17,000 distinct words and the Multi-News dev set about 16,000 (`words` over every article
# text), so 65,536 keeps a whole batch in cache while bounding memory to a few megabytes.
STEM_CACHE_SIZE = 65_536

# The common irregular past tenses, as a regex alternation: with the auxiliaries and "-ed" they
# mark a finite verb (a caption has none: `captions.has_finite_verb`; the readability audit) and
# end a noun phrase (`reference`: "The son shot Egeland").
# `surnames` takes those a person does for a person as a subject ("Mustapha met"; see which
# there). "shot" and "set" are left out: "a product shot of", "a set of" are nouns more often
# than verbs in captions; so are forms that are as often adjectives or nouns ("hung jury", "bid",
# "lit", "wound", "bound", "the Fed"). The list once stopped at "thought", and "The group grew"
# was read as the description "the group grew" with no verb.
IRREGULAR_PAST = (
    "found|made|took|came|went|got|gave|left|won|lost|ran|fled|fell|hit|struck|told|sent|began|"
    "led|held|met|saw|stood|broke|threw|drove|flew|rose|spoke|sat|lay|kept|brought|bought|"
    "caught|fought|sold|paid|built|spent|became|knew|thought|grew|drew|wrote|chose|froze|shook|"
    "swore|wore|tore|hid|dug|swung|sank|shrank|slid|spun|dealt|felt|meant|heard|sought|taught|"
    "slept|wept|crept|swept|knelt|withdrew|understood|forgot|forgave|arose|overcame|undertook|"
    "oversaw|mistook|drank|ate|stole|rode|woke|swam|sprang|clung|flung|strove"
)
# Characters that print nothing, which web pages leave inside and between words: a soft hyphen,
# a zero-width space, non-joiner and joiner, a word joiner and a byte-order mark.
PRINTS_NOTHING = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Of them, the two that are part of the spelling between letters of the scripts that write them
# (Persian, the Indic scripts) and inside emoji sequences.
JOINERS = "\u200c\u200d"
# A quotation mark: curly, straight, or the ``...'' of wire copy (DUC 2004 and 2007 texts).
QUOTE_MARK = re.compile(r"``|''|[“”\"]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=STEM_CACHE_SIZE)
def stem(word: str) -> str:
    """Return the Snowball (Porter2) stem of a lowercased word.

    Args:
        word: one lowercased word, e.g. from `words`.

    Returns:
        Its stem ("running" -> "run", "agreed" -> "agre").
    """
    return str(_STEMMER.stemWord(word))


def words(text: str) -> list[str]:
    """Split text into lowercased word tokens.

    Args:
        text: any text.

    Returns:
        Runs of letters and digits, lowercased, with internal apostrophes kept and curly ones
        written as "'" ("Don’t" -> "don't"); underscores and other punctuation separate words.
    """
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]
