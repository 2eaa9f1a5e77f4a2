"""A person the summary names only by a description: the name goes after it.

News writing names a person once and then refers back with a description, an epithet ("Kanye
West ... The Chicago hip-hop mogul this weekend declared ..."). An extract that starts at the
description leaves the reader asking who: diagnostic readers of 2026-12-04 (round 5) named "The
19-year-old 'Modern Family' star is known for ..." opening a summary that never named Ariel
Winter. Following the reference rewriting of Nenkova ("Entity-driven rewrite for
multi-document summarization", IJCNLP 2008), which gives a person's first mention in a summary
the name the sources use, a sentence that opens with "The ... NOUN", NOUN a role noun
(`roles.ROLE_NOUNS`) or one of `EPITHET_NOUNS`, gets the name of the one person its article names
in the sentences just before it, placed after the description as news writing places a name
after its role ("The Chicago hip-hop mogul Kanye West this weekend declared ..."), when the
summary has not named that person before. The name is a `Resolve` edit ("epithet") pointing at
where the cited article writes it in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopsis.model.aligned import Draft, Resolve
from synopsis.rewrite._draft import source_span, wire_credit
from synopsis.rewrite.names import CONTEXT_SENTENCES, find_mentions
from synopsis.rewrite.people import People
from synopsis.rewrite.roles import FORMAL_TITLES, ROLE_NOUNS

__all__ = ["EPITHET_NOUNS", "name_epithet"]

# Nouns news writing describes a person with besides the roles that stand before a name.
EPITHET_NOUNS = frozenset(
    """
    star mogul nominee candidate host model businessman businesswoman billionaire heiress
    entrepreneur athlete champion legend
    """.split()
)
_HEADS = "|".join(sorted((re.escape(h) for h in ROLE_NOUNS | EPITHET_NOUNS), key=len, reverse=True))
# "The" and up to five words of description before the head noun, which ends the noun phrase: a
# lowercase word follows that starts the predicate, not a preposition, relative or conjunction
# that would carry the description on ("The head of", "The man who", "The comedian and ...
# actress"), nor another word of the office ("The former deputy prime minister": "deputy" is no
# head there, and the name written after it split the office), and not a name (a restrictive
# name, "The actress Ariel Winter", names her already).
_EPITHET = re.compile(
    rf"^The\s+(?:[^\s,;:()]+\s+){{0,5}}?(?:{_HEADS})(?![\w'’-])"
    r"(?=\s+(?!(?:of|who|whose|that|which|and|or|behind|responsible|in|at|for|from|to|with|on|"
    rf"prime|vice|{_HEADS})\b)[a-z])"
)


def name_epithet(
    draft: Draft,
    people: People,
    article: str,
    source: str,
    context: Sequence[tuple[int, int]],
    before: str,
) -> Draft:
    """Put the person's name after a description that opens the sentence ("The ... mogul").

    Args:
        draft: the sentence.
        people: the story's people.
        article: id of the article it comes from (the cited article).
        source: that article's text.
        context: (start, end) of the sentences before it in that article, in order.
        before: what the summary says before this sentence.

    Returns:
        The edited draft with one `Resolve` ("epithet") edit, or the draft unchanged when the
        sentence opens with no description of a person, the article names no one or more than
        one person just before it, or the summary has named that person already.
    """
    m = _EPITHET.match(draft.text)
    if m is None or source_span(draft, 0, m.end()) is None:
        return draft
    spellings = people.patterns()
    window = context[-CONTEXT_SENTENCES:]
    found = [
        (s + cs, e + cs, k)
        for cs, ce in window
        for s, e, k in find_mentions(source[cs:ce], spellings)
        if not wire_credit(source, s + cs, e + cs)
    ]
    keys = {k for _, _, k in found}
    if len(keys) != 1:
        return draft
    (key,) = keys
    if people.shared(key) or re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", before):
        return draft
    head = m.group().split()[-1].lower()
    if head in FORMAL_TITLES and not _holds_title(source, head, people.full[key]):
        return draft  # "The president" is not whoever the article named last
    written = next(
        (
            (at.start(), at.end())
            for full in people.full[key]
            if (at := re.search(rf"(?<![\w-]){re.escape(full)}(?![\w-])", source))
        ),
        None,
    )
    if written is None:
        return draft
    start, end = written
    why = Resolve(article, start, end, "epithet")
    return draft.replace(m.end(), m.end(), " " + source[start:end], why)


def _holds_title(source: str, title: str, spellings: Sequence[str]) -> bool:
    """Whether the article gives the person the title: right before a spelling of the name
    ("President Ana Reyes", "the harbor's president, Ana Reyes") or in apposition after it ("Ana
    Reyes, the harbor's president"). A formal title describes one office holder: an article that
    names Sen. Jon Tester just before "The president spoke at length ..." means another person
    (Multi-News dev 5151, seen while trying a wider test of who is a person).
    """
    for full in spellings:
        name = re.escape(full)
        if re.search(rf"(?i:\b{title}\b)(?:-elect)?[\s,]{{1,3}}{name}(?![\w-])", source):
            return True
        if re.search(rf"(?<![\w-]){name},\s+(?:[\w'’.-]+\s+){{0,5}}?(?i:{title})\b", source):
            return True
    return False
