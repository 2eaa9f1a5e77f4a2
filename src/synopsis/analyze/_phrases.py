"""Noun phrases around a quantity: what a number counts and what a share is of.

Head-noun reading in the style of numeric-fact extraction (Madaan et al. 2016, "Numerical
relation extraction with minimal supervision", AAAI): the counted noun after a number
("1,500 IS fighters"), the object of "percent of the city of X", and rate nouns that make a
percentage meaningful on their own ("turnout was 71 percent").
"""

from __future__ import annotations

import re

from synopsis.analyze._text import STOPWORDS, words

_WORD_OR_MARK = re.compile(r"[A-Za-z][\w’'\-]*|[^\sA-Za-z]")
# Plural nouns that do not end in "s".
_IRREGULAR = frozenset(
    words(
        """
        people children men women police personnel staff troops
        """
    )
)
_SYNONYM = {
    "parts": "territory",
    "areas": "territory",
    "land": "territory",
    "lands": "territory",
    "territories": "territory",
    "ground": "territory",
}
_DETERMINERS = frozenset(
    words(
        """
        the its their his her a an this that these those
        """
    )
)
# Quantities that are percentages by nature and need no "of" phrase ("turnout was 71 percent").
# A closed list: an open "the noun before the number" rule grouped unrelated rises and falls.
RATE = re.compile(
    r"\b(turnout|unemployment|inflation|interest rate|approval rating|vote share"
    r"|participation|literacy|poverty rate|jobless rate|growth)\b",
    re.IGNORECASE,
)
# How far before a percentage its rate noun may stand ("Turnout in the run-off was 71 percent").
RATE_WINDOW = 40


def rate_noun(text: str, start: int, end: int) -> str:
    """The rate noun that says what a bare percentage measures.

    Args:
        text: the article text.
        start: where to look from (a few words before the number).
        end: where to stop looking (just after the number).

    Returns:
        The one rate noun ("turnout") in text[start:end], or "" when there is none or several.
    """
    found = {m.group(1).lower() for m in RATE.finditer(text, start, end)}
    return found.pop() if len(found) == 1 else ""


def of_phrase(text: str, pos: int, end: int) -> tuple[str, int]:
    """What a share is of: the head noun of " of the city of X".

    Args:
        text: the article text.
        pos: just after the number and its unit.
        end: the end of the sentence.

    Returns:
        (head noun, end of the phrase), or ("", pos) when no of-phrase with a head follows.
    """
    m = re.match(r"\s*of\s+", text[pos:end])
    return object_phrase(text, pos + m.end(), end) if m else ("", pos)


def object_phrase(text: str, pos: int, end: int) -> tuple[str, int]:
    """Head noun of a noun phrase.

    Args:
        text: the article text.
        pos: where the noun phrase starts.
        end: the end of the sentence.

    Returns:
        (head, end of the phrase): "the city" -> city, "Deir Ezzor city" -> city; the head is
        "" for a phrase of names only.
    """
    head, cur = "", pos
    word_rx = re.compile(r"\s*([A-Za-z][\w’'\-]*)")
    while cur < end:
        w = word_rx.match(text, cur, end)
        if not w:
            break
        word = w.group(1)
        low = word.lower()
        capital = any(c.isupper() for c in word)
        skip = low in _DETERMINERS or low in ("large", "entire", "whole")
        if not (skip or capital or low.endswith(("'s", "’s"))):
            if low in STOPWORDS or head:
                break
            head = _SYNONYM.get(low, low)
        cur = w.end()
    tail = re.match(
        r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'\-]*|(?:al|el|ez|ad|as)-\s?[A-Z][\w’'\-]*)"
        r"(?:[\s\-]+(?:(?:al|el|ez|ad|as)-\s?)?[A-Z][\w’'\-]*)*",
        text[cur:end],
    )
    if head and tail:
        cur += tail.end()
    return head, cur


def counted_noun(text: str, pos: int, end: int) -> str:
    """What a number counts.

    Args:
        text: the article text.
        pos: just after the number.
        end: the end of the sentence.

    Returns:
        The first plural noun after the number, skipping up to two modifiers ("1,500 IS
        fighters" -> fighters), or "".
    """
    # at most three tokens are read: the loop returns at the third (k == 2) at the latest
    for k, tok in enumerate(_WORD_OR_MARK.finditer(text, pos, end)):
        w = tok.group(0)
        low = w.lower()
        if _plural_noun(w):
            return low
        if k >= 2 or low in STOPWORDS or not w[0].isalpha():
            return ""
    return ""


def _plural_noun(word: str) -> bool:
    """Whether a word reads as a plural common noun ("fighters", "people"), not a name."""
    low = word.lower()
    return low in _IRREGULAR or (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith("ss")
        and low not in STOPWORDS
        and word[0].islower()
    )


# "The number of people hurt when ... has risen to 14": the counted noun stands before the verb.
# Revisions of a count are reported this way ("the number of dead rose to 40"), and it is the
# newer figure, so the noun must not be lost. At most REVISED_GAP characters between the noun
# and the verb, and only verbs of a changed or stated total.
REVISED_GAP = 120
_REVISED_TO = re.compile(
    r"\b[Tt]he (?:total )?(?:number|count|tally) of (?P<nouns>[A-Za-z]+(?: [A-Za-z]+)?)\b"
    rf"[^.;:!?]{{0,{REVISED_GAP}}}?\b(?:has |have |had )?"
    r"(?:risen|rose|climbed|increased|grown|grew|jumped|reached|stands at|stood at)(?: to)?\s+$"
)


def risen_to_noun(text: str, start: int, pos: int) -> str:
    """What a number counts when the count is named before its verb.

    Args:
        text: the article text.
        start: the start of the sentence.
        pos: where the number (with its qualifier) starts.

    Returns:
        The plural noun of "the number of [ADJECTIVE] NOUN ... has risen to" ending right
        before pos ("people"), or "" when the text before the number is not such a phrase.
    """
    m = _REVISED_TO.search(text, max(start, pos - REVISED_GAP - 60), pos)
    if not m or m.end() != pos:
        return ""
    # "people", or "injured people"
    return next((w.lower() for w in m.group("nouns").split() if _plural_noun(w)), "")
