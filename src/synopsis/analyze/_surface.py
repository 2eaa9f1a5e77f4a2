"""Cleaning a capitalized span into a name: titles, lead words, possessives, type cues.

The span-level half of rule-based entity extraction (Nadeau & Sekine 2007, "A survey of named
entity recognition and classification", section 3): lead stopwords, titles ("Transport
Commissioner", "Treasury Secretary") and demonyms are trimmed, and the name's own words vote for
its type ("Forces", "River", "US").
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from synopsis.analyze._names import SURFACE_CACHE, name_key
from synopsis.analyze._text import STOPWORDS, words
from synopsis.text.dates import MONTH_WORDS, WEEKDAYS
from synopsis.text.reference import DEMONYMS as _DEMONYMS

_LOWER_SUFFIX = re.compile(r"-[a-z][a-z-]*$")  # "US-backed" -> "US"
_POSSESSIVE = re.compile(r"[’']s?$")

CONNECT = frozenset(
    words(
        """
        of for the bin ibn
        """
    )
)
TITLES = frozenset(
    words(
        """
        president prime minister speaker governor gov gov. mayor judge sir lord rep rep.
    secretary-general gen gen. general lt lt. col col. colonel maj major mr mr.
        mrs mrs. ms ms. dr dr. sen sen. senator king queen prince pope chancellor secretary
        envoy ambassador commander spokesman spokeswoman foreign defense defence interior
        premier vice deputy chief professor prof prof. lieutenant brigadier field marshal
        sgt capt captain emir ayatollah
        """
    )
)

_LEAD_DROP = STOPWORDS | frozenset(
    words(
        """
        however meanwhile despite later earlier now instead afterwards separately elsewhere
        yesterday today tomorrow thus although though because many
        several most much every another according government
        """
    )
)
_DATEWORDS = MONTH_WORDS | frozenset(WEEKDAYS)
# Titles that are dropped only right before a name ("Transport Commissioner Daniel Okafor",
# "AOL Chairman Steve Case"): "High Commissioner for Refugees" is an office, not a person.
_NAME_TITLES = frozenset(words("commissioner chairman chairwoman spokesperson"))
# Words dropped from the end of a span ("Syria and", "Secretary", "Monday").
_TRAILING_DROP = CONNECT | TITLES | _NAME_TITLES | _DATEWORDS
ORG_WORDS = frozenset(
    words(
        """
        forces force army group organization organisation ministry council party agency
        command observatory division units committee coalition service services news
        government mobilization mobilisation front brigade brigades militia movement corps
        university company bank association union institute court congress parliament
        assembly police navy department office commission fund network times post press
        reuters afp agency
        line lines airline airlines airways shipping corporation corp inc ltd llc plc
        foundation authority hospital clinic club
        """
    )
)
_PLACE_WORDS = frozenset(
    words(
        """
        river valley province city mountains desert gulf sea strait island islands peninsula
        district county
        """
    )
)


_PLACE_ACRONYMS = frozenset({"us", "uk", "usa", "uae", "eu"})


class Surface(NamedTuple):
    """What a raw span says about the name in it, computed once per distinct span."""

    start: int  # the name's start and end, relative to the raw span
    end: int
    key: str  # `name_key` of the name
    titled: bool  # a title preceded the name
    adjective_like: bool  # an "-ian/-ish/-ese" word: an adjective when a lowercase word follows
    votes: tuple[tuple[str, int], ...]  # type votes from the name's own words
    multi: bool  # more than one word
    acronym: bool  # all capitals, two characters or more


def _is_title(word: str, following: str) -> bool:
    """Whether a lowercased word is a title, given the word after it ("" at the end)."""
    if word in TITLES:
        return True
    return word in _NAME_TITLES and following not in ("", "of", "for")


@functools.lru_cache(maxsize=SURFACE_CACHE)
def surface_info(raw: str) -> Surface | None:
    """`span_info`, remembered per distinct span (names recur across sentences and stories).

    Args:
        raw: a `NAME_SPAN` match.

    Returns:
        The name's offsets relative to raw and its features; None when nothing name-like is
        left.
    """
    return span_info(raw)


def span_info(raw: str) -> Surface | None:
    """Clean a raw span.

    Trims lead stopwords/titles/demonyms, possessives and lowercase hyphen suffixes.

    Args:
        raw: a `NAME_SPAN` match.

    Returns:
        The name's offsets relative to raw and its features; None when nothing name-like is
        left.
    """
    tokens = list(_NONSPACE.finditer(raw))
    raw_words = raw.lower().split()  # the tokens' words, lowercased
    has_org = not ORG_WORDS.isdisjoint(raw_words)
    heads = raw_words[:-1]
    titled = False
    if not has_org and not (TITLES.isdisjoint(heads) and _NAME_TITLES.isdisjoint(heads)):
        at = [k for k, w in enumerate(heads) if _is_title(w, raw_words[k + 1])]
        titled = bool(at)
        if titled and at[-1] > 0:
            del tokens[: at[-1]]  # "Treasury Secretary Lawrence Summers" -> "Secretary ..."
    while tokens:
        tok = tokens[0].group(0)
        if tok.isupper() and len(tok) > 1:
            break
        low = _APOSTROPHE.split(tok.lower(), maxsplit=1)[0].rstrip(",")
        nxt = tokens[1].group(0).lower() if len(tokens) > 1 else ""
        if low in TITLES and nxt in ("of", "for") and len(tokens) > 3:
            del tokens[:3]  # "Secretary of State Madeleine Albright"
            continue
        if (
            low in _LEAD_DROP
            or low in _DATEWORDS
            or (
                _is_title(low, nxt) and not any(t.group(0).lower() in ORG_WORDS for t in tokens[1:])
            )
            or (len(tokens) > 1 and _LOWER_SUFFIX.search(tok) is not None)
            or (nxt in TITLES and (low in _DEMONYMS or _ADJ_SUFFIX.match(low) is not None))
        ):
            tokens.pop(0)
            continue
        break
    while tokens and tokens[-1].group(0).lower().rstrip(".") in _TRAILING_DROP:
        tokens.pop()
    if not tokens:
        return None
    s, e = tokens[0].start(), tokens[-1].end()
    cut = _LOWER_SUFFIX.search(raw, s, e) if "-" in raw else None
    if cut:
        e = cut.start()
    poss = _POSSESSIVE.search(raw[s:e]) if "'" in raw or "’" in raw else None
    if poss and e - s - len(poss.group(0)) > 1 and raw[s:e][-2:] != "ss":
        e -= len(poss.group(0))
    e = s + len(raw[s:e].rstrip(".-’' "))
    surface = raw[s:e]
    words = surface.lower().split()
    if e <= s or all(w.strip(".") in _DATEWORDS for w in words) or not _TWO_LETTERS.search(surface):
        return None
    if len(words) == 1 and words[0] in _DEMONYMS:
        return None
    key = name_key(surface)
    if not key:
        return None
    adjective_like = len(words) == 1 and _ADJ_SUFFIX.match(words[0]) is not None
    return Surface(
        s,
        e,
        key,
        titled,
        adjective_like,
        _surface_votes(surface, titled),
        " " in surface,
        surface.isupper() and len(surface) > 1,
    )


_NONSPACE = re.compile(r"\S+")
_APOSTROPHE = re.compile(r"[’']")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_ADJ_SUFFIX = re.compile(r"\w+(?:ian|ish|ese)$")


def _surface_votes(surface: str, titled: bool) -> tuple[tuple[str, int], ...]:
    """Type votes a name earns from its own words (titles, "Forces", "River", "US")."""
    votes: dict[str, int] = {}
    words = [w.lower().strip(".") for w in surface.split()]
    if titled:
        votes["person"] = votes.get("person", 0) + 3
    if not ORG_WORDS.isdisjoint(words[1:]) or (len(words) == 1 and words[0] in ORG_WORDS):
        votes["organization"] = votes.get("organization", 0) + 3
    if not _PLACE_WORDS.isdisjoint(words[1:]):
        votes["place"] = votes.get("place", 0) + 3
    if surface.lower().replace(".", "") in _PLACE_ACRONYMS:
        votes["place"] = votes.get("place", 0) + 3
    return tuple(votes.items())
