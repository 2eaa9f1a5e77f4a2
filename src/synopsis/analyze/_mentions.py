"""Capitalized-span mentions with type votes from their context: the first step of entities.

Capitalized spans are typed by context cues (titles, "city of X", organization keywords),
in the spirit of gazetteer-free NER (Nadeau & Sekine 2007, "A survey of named entity
recognition and classification", section 3); `entities` unifies them across outlets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.analyze._names import SURFACE_CACHE, name_spans
from synopsis.analyze._surface import ORG_WORDS, TITLES, Surface, surface_info
from synopsis.analyze._text import Span, words

_PERSON_AFTER_ROLE = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[A-Za-z.\-]+\s+){0,2}(?:envoy|spokes(?:wo)?man|professor|minister"
    r"|president|leader|ambassador|commander|chief|official|analyst|secretary|director|expert)\b"
)
_PLACE_NOUN_AFTER = re.compile(
    r"^\s+(?:city|town|province|village|region|border|river|valley|countryside|governorate"
    r"|district|area|side|crossing)\b"
)
# "city of X", "in X", "near the X": the word(s) just before a place name.
_PLACE_NOUNS = frozenset(words("city town province village district capital towns villages"))
_PLACE_PREPS = frozenset(words("in near across outside inside toward towards into"))
_ORG_AFTER = re.compile(
    r"^\s+(?:group|militia|organi[sz]ation|movement|party|forces|fighters|militants|jihadists"
    r"|terrorist|spokesman|leaders?|commanders?)\b"
)
# A title abbreviated with a period ("Mr.", "Sen.", "Gov.", "Dr.") stands outside the name's span
# (the span stops at its period), so the title test of `surface_info` never sees it: the word
# before the name votes for a person as a title inside the span does ("where Mr. Bauer was
# working", Multi-News dev 3842, had typed Bauer "other").
_ABBREVIATED_TITLES = frozenset(t for t in TITLES if t.endswith("."))
_PERSON_AFTER = re.compile(r"^,?\s+(?:said|told|tweeted|added|wrote|hailed|proclaimed|says)\b")
# The words after a name that vote for its type, as one pattern (at most one of them can
# match: they start with different words); the group name says which matched.
_AFTER = re.compile(
    "|".join(
        f"(?P<{name}>{rx.pattern.removeprefix('^')})"
        for name, rx in (
            ("place", _PLACE_NOUN_AFTER),
            ("organization", _ORG_AFTER),
            ("said", _PERSON_AFTER),
            ("role", _PERSON_AFTER_ROLE),
        )
    )
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One capitalized span in one article, before clustering."""

    article: str
    start: int
    end: int
    surface: str
    key: str
    initial: bool
    votes: dict[str, int]


_LOWER_WORD_AFTER = re.compile(r"\s[a-z]")
_LEAD_PUNCT = re.compile(r"\W*")
_POSSESSIVE_S = re.compile(r"[’']s\b\s+")
# Plural nouns whose possessive is a word of an organization's name, not its owner ("Cambodian
# People's Party", "Women's Tennis Association", "Children's Hospital"); an "s'" possessive
# ("Workers' Party") is never split at all.
_NAME_POSSESSIVES = frozenset("people women children men".split())
_INITIAL_OF = re.compile(r"\S+\s+(?:of|for)\s+(?:the\s+)?")


def _split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span after possessives and titled "X of Y" ("President Jiang of China")."""
    raw_span = text[start:end]
    if "'" not in raw_span and "’" not in raw_span and " of " not in raw_span:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    s = start
    for m in _POSSESSIVE_S.finditer(text[start:end]):
        owner = raw_span[: m.start()].rsplit(None, 1)[-1:]
        if owner and owner[0].lower() in _NAME_POSSESSIVES:
            continue  # "People's Party": one name
        parts.append((s, start + m.start() + 2))
        s = start + m.end()
    parts.append((s, end))
    out: list[tuple[int, int]] = []
    for ps, pe in parts:
        raw = text[ps:pe]
        of = raw.find(" of ")
        words = raw[: max(of, 0)].lower().split()
        if (
            of > 0
            and any(w in TITLES for w in words[:-1])
            and not any(w in ORG_WORDS for w in raw.lower().split())
        ):
            out += [(ps, ps + of), (ps + of + 4, pe)]
        else:
            out.append((ps, pe))
    return out


def _votes(text: str, s: int, e: int, info: Surface) -> dict[str, int]:
    """Type votes for one mention from its words and its context."""
    votes: dict[str, int] = dict(info.votes)
    last = second = ""  # the last two words before the name
    if s and text[s - 1].isspace():
        prev = [w.lower() for w in text[max(0, s - 40) : s].rsplit(None, 2)]
        if prev:
            last = prev[-1]
        if len(prev) > 1:
            second = prev[-2]
    # "in Kabila's army": a possessive after the preposition names an owner, not a place
    # (DUC 2004 D30007 typed the Congolese president a place by them); a place's plain uses
    # ("in Iraq") vote for it
    possessive = text.startswith(("'s", "’s"), e)
    place_before = not possessive and (
        last in _PLACE_PREPS
        or (last == "of" and second in _PLACE_NOUNS)
        or (last == "the" and second in _PLACE_PREPS)
    )
    after = ""  # which of the `_AFTER` patterns follows the name
    nxt = text[e : e + 1]
    # each starts r",?\s"; those after a comma ("said", "role") count only for multi-word names
    if (nxt == "," and info.multi) or nxt.isspace():
        m = _AFTER.match(text, e, e + 30)
        if m is not None:
            after = m.lastgroup or ""
    if place_before or after == "place":
        votes["place"] = votes.get("place", 0) + 2
    if after == "organization":
        votes["organization"] = votes.get("organization", 0) + 2
    if last in _ABBREVIATED_TITLES and text[s - 2 : s - 1] == ".":
        votes["person"] = votes.get("person", 0) + 3
    if info.multi:
        if not votes and (after == "said" or last == "said"):
            votes["person"] = 1  # (votes is empty)
        if after == "role":
            votes["person"] = votes.get("person", 0) + 2
    if info.acronym and not votes:
        votes["organization"] = 1
    return votes


_Name = tuple[int, int, str, bool, Surface]  # start, end, surface, sentence-initial, features


@functools.lru_cache(maxsize=SURFACE_CACHE)
def _span_names(raw: str, at_first: bool) -> tuple[_Name, ...]:
    """The cleaned names in one raw name span (offsets relative to it).

    They depend only on the span and on whether it opens its sentence (`at_first`), so they
    are cached: names recur across the sentences and stories.
    """
    out: list[_Name] = []
    for ps, pe in _split_possessive(raw, 0, len(raw)):
        if at_first and ps == 0:
            # "Fighters of the Hashed al-Shaabi": a common first word
            lead = _INITIAL_OF.match(raw, ps, pe)
            if lead and lead.end() < pe:
                ps = lead.end()
        info = surface_info(raw[ps:pe])
        if info is not None:
            s = ps + info.start
            out.append((s, ps + info.end, raw[s : ps + info.end], at_first and s == 0, info))
    return tuple(out)


def _sentence_names(sent: str) -> list[tuple[int, tuple[_Name, ...]]]:
    """The cleaned names of one sentence, per raw name span (with its offset in the sentence)."""
    out: list[tuple[int, tuple[_Name, ...]]] = []
    lead = _LEAD_PUNCT.match(sent)
    first_pos = lead.end() if lead else 0  # where the first word starts
    for m in name_spans(sent):
        names = _span_names(m.group(0), m.start() == first_pos)
        if names:
            out.append((m.start(), names))
    return out


def extract_mentions(sentences: Sequence[Span], texts: dict[str, str]) -> list[Mention]:
    """Find capitalized-span mentions in body sentences.

    Args:
        sentences: sentence spans of all articles.
        texts: article id -> article text.

    Returns:
        Mentions with offsets into the article text and context type votes.
    """
    out: list[Mention] = []
    for sent in sentences:
        if sent.is_list or sent.is_header or sent.is_headline:
            continue
        text = texts[sent.article]
        for offset, span_names in _sentence_names(sent.text):
            at = sent.start + offset
            for rs, re_, surface, initial, info in span_names:
                s, e = at + rs, at + re_
                if info.adjective_like and _LOWER_WORD_AFTER.match(text, e):
                    continue
                votes = _votes(text, s, e, info)
                out.append(Mention(sent.article, s, e, surface, info.key, initial, votes))
    return out
