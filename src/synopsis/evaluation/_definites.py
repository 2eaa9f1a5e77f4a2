"""Definite descriptions of the readability audit: "the group", "The reforms", never introduced.

A definite description presupposes that the reader knows its referent; in a summary, only what
the summary said before can give it (Nenkova, "Entity-driven rewrite for multi-document
summarization", IJCNLP 2008; the accessibility of definite descriptions, Prince, "Toward a
taxonomy of given-new information", 1981). These surface rules find descriptions of groups,
organizations, people and events whose noun, or a word that introduces it
(`synopsis.text.reference.INTRODUCED_BY`), the summary never used, and a later sentence's subject
"The <noun>" of any noun. `synopsis.evaluation.readability` runs them with the pronoun and name
rules of `synopsis.evaluation._references`; benchmarks/readability_audit_eval.py measures them.
"""

from __future__ import annotations

import re

from synopsis.evaluation._people import CAPITAL
from synopsis.evaluation._people import FULL_NAME as _FULL_NAME
from synopsis.evaluation._people import NOT_NOUN as _NOT_NOUN
from synopsis.evaluation._references import (
    _COUNTS,
    _NEXT_WORDS,
    _VERBISH,
    Finding,
    _has_name,
    _names_counted,
    _stems,
    hit,
)
from synopsis.text import stem
from synopsis.text.reference import ANAPHORIC_HEADS as _ANAPHORIC_HEADS
from synopsis.text.reference import COMPOUND_TAILS as _COMPOUND_TAILS
from synopsis.text.reference import INTRODUCED_BY as _INTRODUCED_BY
from synopsis.text.reference import SELF_EVIDENT as _SELF_EVIDENT

__all__ = ["definites"]

_ORG_HEADS = frozenset("company firm".split())
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
# Adjectives that open a subject's noun phrase without being its noun: "The new shares takes the
# value ..." (Multi-News dev 5455, in the benchmark's output) is about the shares.
_MODIFIERS = frozenset("new old recent latest initial original current entire whole".split())
_HEADS = _ANAPHORIC_HEADS  # any other noun: `_subject_definite`
# Organizations named by a possessive ("the group's ties", "the firm's larger deployments").
_GROUP_HEADS = frozenset("group company firm agency organization organisation unit".split())
# Stems that introduce "the group" beyond the shared lexicon ("organization" stems to "organiz").
_GROUP_STEMS = frozenset("organiz organis".split())
# A later sentence opening with "The" and one lowercase noun, and the word after it.
_SUBJECT_THE = re.compile(
    r"^[\s\"“'‘(]*(?P<the>The)\s+(?P<head>[a-z][a-z-]+)\b(?!['’])(?:,|\s+(?P<next>[\w'’-]+))?"
)
_QUOTED_NAME = re.compile(rf"\s*[\"“‘']{CAPITAL}")
# Nouns for words, which a quotation or hashtag right after them names ('The word "peace"',
# 'the hashtag #responsiblywild'; Multi-News dev 2056, in the benchmark's output).
_NAMING_HEADS = frozenset("word words phrase term slogan message hashtag motto nickname".split())
_QUOTED_WORDS = re.compile(r"\s*[\"“‘'#]\w")
_PP_AFTER = re.compile(r"\s+(?:in|by|at|on|for|from|with|during)\b")
_AUX_NEXT = re.compile(r"\s+(?:is|was|are|were|has|had|have|will|would)\b")
_VERB_WORDS = frozenset("is was are were has had have will would could can may might must".split())
# Nouns with one referent in any news story ("The government", "The police", "The opposition").
_UNIQUE = frozenset(
    """
    government police army military opposition public economy world country nation state city
    market markets weather internet press media court senate house congress parliament first
    last only same other next former latter
    """.split()
)
# A predicate noun describes, it does not refer back: "This is the first major e-mail trial".
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|being|become|became)\s+$")
_PEOPLE_HEADS = frozenset("man woman men women boy girl couple pair".split())
# Words for a child: any of them introduces the others ("The boy was following his nanny" after
# "A 2-year-old toddler was attacked", "The toddler had been left" after "a ranger's three-year-old
# child": Multi-News dev 4557, read as fine by both readers of outside6).
_CHILD_HEADS = frozenset("boy girl toddler child baby infant kid son daughter".split())
_CHILD_STEMS = frozenset(stem(w) for w in (*_CHILD_HEADS, "children", "boys", "girls", "kids"))
# A definite description followed by the full name of what it means, in apposition ("The
# senators, Lindsey Graham of South Carolina and Susan Collins of Maine, urged ...": Multi-News
# dev 1714, read as fine by both readers of outside6): two capitalized words after the comma, the
# description opening the sentence (after "Even before the Netscape deal," the name is the
# subject of the main clause, no apposition).
_NAMED_AFTER = re.compile(rf",\s+{CAPITAL}[\w'’.-]*\s+{CAPITAL}")
_EVENT_HEADS = frozenset(
    "move deal decision plan agreement announcement withdrawal proposal measure".split()
)
_THE = re.compile(r"\b[Tt]he\b")
# What after a definite description says which one it is ("the man who", "the group of").
_RESTRICTIVE_AFTER = re.compile(
    rf"^\s*(?:who|which|that|whose|of|behind|responsible|{CAPITAL}\w*)\b"
)


def definites(i: int, s: str, before: str, mask: list[bool]) -> list[Finding]:
    """Definite descriptions of sentence `i` ("the group") that `before` never introduced.

    Args:
        i: the sentence's index in the summary.
        s: the sentence.
        before: the summary's earlier sentences, joined.
        mask: which characters of `s` are inside quotation marks.

    Returns:
        At most one finding.
    """
    for m in _THE.finditer(s):
        if mask[m.start()]:
            continue
        head, end = _definite_head(s, m.end())
        if head is None:
            continue
        possessive = s[end : end + 2] in ("'s", "’s")
        if _RESTRICTIVE_AFTER.match(s[end:]) or (
            not possessive and re.search(r"(?<!because )\b(?:all|of)\s*$", s[: m.start()])
        ):
            continue  # "the man who ...", "one of the men"; not "one of the firm's deployments"
        if re.search(rf"{CAPITAL}[\w.'’-]*,\s*$", s[: m.start()]):
            continue  # an apposition: "James Kopp, the man the FBI is seeking"
        if _COPULA_BEFORE.search(s[: m.start()]):
            continue
        if head == "move" and i > 0:
            continue  # "the move" after any sentence refers to the action it reported
        context = _stems(before + " " + s[: m.start()])
        if stem(head) in context or _INTRODUCED_BY.get(head, set()) & context:
            continue
        if head == "group" and _GROUP_STEMS & context:
            continue  # "the group" after "the nation's largest gay political organization"
        if head in _PEOPLE_HEADS and _FULL_NAME.search(before + " " + s[: m.start()]):
            continue  # "the men" after "Shane Bauer and Josh Fattal"
        if head in _COUNTS and _names_counted(before + " " + s[: m.start()], _COUNTS[head]):
            continue  # "The two boys" after "Cartman and Kyle"
        if _named_org(head, before + " " + s[: m.start()]):
            continue  # "the company" after "Tesla" or "Samsung", "the agency" after "EPA"
        if _named_or_child(head, s, end, context, opens=not s[: m.start()].strip(" \"“‘'(")):
            continue
        return [hit("definite", i, s, m.start(), end, f"'{head}' never introduced")]
    return _subject_definite(i, s, before, mask)


def _subject_definite(i: int, s: str, before: str, mask: list[bool]) -> list[Finding]:
    """A later sentence whose subject is a bare "The <noun>" the summary never used before
    ("The reforms would help", "The hikers had no idea"): any noun, not only the lexicon's."""
    m = _SUBJECT_THE.match(s)
    if i == 0 or m is None or mask[m.start("head")]:
        return []
    head = m.group("head")
    nxt = m.group("next") or ""
    if head in _NOT_NOUN | _UNIQUE | _SELF_EVIDENT or head.endswith("ly"):
        return []
    if nxt[:1].isupper() or (nxt[:1].islower() and not _VERBISH.match(nxt)):
        return []  # the noun is a modifier ("The Netscape deal", "The raw passions")
    if _QUOTED_NAME.match(s, m.end("head")):
        return []  # a title in apposition says which one: 'The book "Wild," which ...'
    if head in _NAMING_HEADS and _QUOTED_WORDS.match(s, m.end("head")):
        return []  # 'The word "peace" was written on the sidewalk' says which word
    if nxt in _NOT_NOUN - _VERB_WORDS or (nxt.endswith("ed") and _PP_AFTER.match(s, m.end())):
        return []  # "The move by ...", "The gun used in the shooting": it says which one
    if nxt not in _VERB_WORDS and _AUX_NEXT.match(s, m.end()):
        return []  # "The raw passions were": the noun comes after, "raw" is its modifier
    end = m.start("head") + len(head)
    if head in _MODIFIERS and nxt[:1].islower() and nxt not in _VERB_WORDS:
        head, end = nxt, m.end("next")  # "The new shares takes the value ...": about the shares
    context = _stems(before)
    if stem(head) in context or _INTRODUCED_BY.get(head, frozenset()) & context:
        return []
    if _named_org(head, before):
        return []  # "The company was only authorised ..." after "AirAsia's Airbus 320"
    if head in _COUNTS and _names_counted(before, _COUNTS[head]):
        return []  # "The two boys" after "Cartman and Kyle"
    if _named_or_child(head, s, end, context, opens=True):
        return []
    return [hit("definite", i, s, m.start("the"), end, f"'{head}' never introduced")]


def _named_org(head: str, text: str) -> bool:
    """Whether `text` names what "the company" or "the agency" stands for: any name for a
    company or firm, an acronym for an agency ("After EPA contacted Magnolia ...," the agency
    writes: Multi-News dev 3802, in the benchmark's output)."""
    if head in _ORG_HEADS:
        return _has_name(text)
    return head == "agency" and bool(_ACRONYM.search(text))


def _named_or_child(
    head: str, s: str, end: int, context: set[str] | frozenset[str], *, opens: bool
) -> bool:
    """Whether a definite description ending at `end` names its referent in apposition (only
    when it `opens` the sentence), or is a word for a child after the summary spoke of one
    (`context`: stems of the text before)."""
    if opens and _NAMED_AFTER.match(s, end):
        return True
    return head in _CHILD_HEADS and bool(_CHILD_STEMS & context)


def _definite_head(s: str, pos: int) -> tuple[str | None, int]:
    """The anaphoric head of a definite description opened at `pos`, and where it ends.

    Up to three modifiers may come first: numbers ("the two men"), lowercase adjectives ("the
    militant group") and, before an event noun, names ("the Netscape deal").
    """
    named = 0
    for k, m in enumerate(_NEXT_WORDS.finditer(s, pos)):
        if m.start() != pos or k > 3:
            break
        tok = m.group(1)
        low = tok.lower()
        base = re.sub(r"['’]s$", "", low)
        if base != low and base in _GROUP_HEADS and tok[:1].islower() and not named:
            return base, m.start(1) + len(base)  # a possessive: "the group's ties"
        if low in _HEADS and tok[:1].islower():
            if (named and low not in _EVENT_HEADS) or named > 1:
                return None, 0
            nxt = _NEXT_WORDS.match(s, m.end())
            if nxt and nxt.group(1) in _COMPOUND_TAILS:
                return None, 0  # a modifier of a compound ("the incident report")
            return low, m.end()
        if low in _NOT_NOUN or low.endswith(("'s", "’s", "'", "’")):
            return None, 0
        named += tok[:1].isupper()
        pos = m.end()
    return None, 0
