"""Remove what a reader trips over at the start of an extracted sentence.

A discourse connective ("But", "However,", "As a result,") ties a sentence to the one before it
in its article, which the summary does not carry (Otterbacher, Radev & Luo, "Revisions that
improve cohesion in multi-document summaries", ACL Workshop on Automatic Summarization 2002,
count such connectives among the most frequent revisions); headline or kicker text glued to a
sentence ("BREAKING NEWS The storm ...", the article's title run into its first sentence) is page
furniture. Both are deleted as `Deletion` edits, the letter after a deleted connective
re-capitalized, so the change stays traceable.
"""

from __future__ import annotations

import re

from synopsis.model.aligned import Copied, Deletion, Draft

# What remains after a deletion must be a sentence of at least this many words (as in
# `synopsis.summarizer.compress.MIN_KEPT_WORDS`); otherwise the opener stays.
MIN_KEPT_WORDS = 6
# A line before a line break inside a sentence is a glued headline when it has at most this many
# words and no sentence punctuation at its end (headlines in DUC 2004 / Multi-News dev run 4-15
# words; `synopsis.evaluation.readability.MAX_HEADLINE_WORDS` uses the same bound).
MAX_HEADLINE_WORDS = 20

# Connectives that open a sentence only to tie it to the previous one, followed by a comma.
_WITH_COMMA = (
    "But|And|However|Meanwhile|Also|Still|Moreover|Furthermore|In addition|Nevertheless|"
    "Nonetheless|Separately|Indeed|Yet|Thus|Therefore|Instead|Besides|Likewise|Similarly|"
    "Consequently|Additionally|Again|In turn|In contrast|By contrast|In other words|As a result|"
    "For its part|For his part|For her part|For their part|At the same time|On the other hand|"
    "Even so|Of course|After all|In fact|In the meantime|By the way|First of all|First|Second|"
    "Third|Secondly|Thirdly|Finally|Lastly"
)
# The few that also open a sentence without a comma ("But the ministry said ...").
_BARE = "But|And|Yet|Also"
_CONNECTIVE = re.compile(rf"^(?:(?:{_WITH_COMMA})\s*,\s+|(?:{_BARE})\s+)(?=[\w\"“'‘])")
# "BREAKING NEWS The ...", "NEW YORK Police ...": two or more all-capital words before a word
# that starts a sentence; "WATCH: ", "UPDATE: ": a kicker label and a colon (not any capitals
# and a colon: "PRESIDENT TRUMP: I mean ..." names the speaker of a transcript).
_CAPS_KICKER = re.compile(r"^(?:[A-Z][A-Z'’&.-]{2,}\s+){2,}(?=[A-Z][a-z]*\s)")
_COLON_KICKER = re.compile(
    r"^(?:BREAKING(?: NEWS)?|WATCH|UPDATE|UPDATED|EXCLUSIVE|VIDEO|PHOTOS?|LIVE|OPINION|ANALYSIS|"
    r"EDITORIAL|READ MORE|RELATED|FACT CHECK)\s*:\s+(?=[A-Z\"“])"
)
# A wire's dateline in capitals with its credit and dash stripped by the page ("WASHINGTON Obesity
# is imposing ...", "JAKARTA/PANGKALAN BUN, Indonesia Search teams hunting ...": Reuters copy in
# Multi-News dev 4392 and 2088, which opened their summaries once selection took a central lead):
# capitals of four letters or more at the start of a line, an optional ", Country", then a
# sentence's first word and a lowercase word. An acronym in that place ("UNICEF officials say
# ...") is used again in the article's running text ("UNICEF said", "UNICEF's"), a place in a
# dateline is not, so `_acronym_in_text` keeps it.
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]{3,}(?:[ /][A-Z][A-Z'’.-]{2,})*)"
    r"(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s+(?=[A-Z][a-z]+\s+[a-z])"
)
# A sentence whose rest opens with a pronoun, demonstrative or first-person word leans on what
# came before either way; the connective stays so the link is at least visible.
_REFERRING = re.compile(r"(?i:he|she|it|they|this|that|these|those|i|we|you)(?:['’]\w+)?\b|[\"“'‘]")
_FINAL_PUNCT = re.compile(r"[.!?:;]['\"”’)]*\s*$")


def _words(text: str) -> int:
    return len(text.split())


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _glued_headline(text: str, title: str | None) -> int:
    """Length of headline or kicker text at the start of `text` (0 when there is none)."""
    if title and len(title.split()) >= 3:
        head = _folded(title).rstrip(".")
        k = len(text.split()[: len(head.split())])  # words of the title
        prefix = " ".join(text.split()[:k])
        if _folded(prefix) == head:
            # the character offset after the k-th word and the whitespace that follows
            found = re.match(r"\s*(?:\S+\s+){" + str(k) + "}", text)
            if found and text[found.end() : found.end() + 1].isupper():
                return found.end()
    line_break = text.find("\n")
    if line_break > 0:
        head = text[:line_break]
        rest = text[line_break:].lstrip()
        if (
            _words(head) <= MAX_HEADLINE_WORDS
            and not _FINAL_PUNCT.search(head)
            and rest[:1].isupper()
        ):
            return len(text) - len(rest)
    kicker = _COLON_KICKER.match(text) or _CAPS_KICKER.match(text)
    return kicker.end() if kicker else 0


def _acronym_in_text(word: str, source: str) -> bool:
    """Whether `word` in capitals is used in the article's running text (an acronym)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?:['’]s\b|\s+[a-z])", source) is not None


def _caps_dateline(draft: Draft, source: str | None) -> int:
    """Length of a dateline in capitals glued to the start of a line of the article (0 if none)."""
    m = _CAPS_DATELINE.match(draft.text)
    first = draft.segments[0] if draft.segments else None
    if m is None or source is None or not isinstance(first, Copied):
        return 0
    if source[: first.start].rstrip(" \t")[-1:] not in ("", "\n"):
        return 0  # not at the start of a line: no dateline
    words = re.findall(r"[A-Z][A-Z'’.-]{2,}", m.group("place"))
    return 0 if any(_acronym_in_text(w, source) for w in words) else m.end()


def strip_openers(draft: Draft, title: str | None = None, source: str | None = None) -> Draft:
    """Delete glued headline/kicker text, a dateline and a leading connective from a sentence.

    Args:
        draft: the sentence (its current text and segments).
        title: the title of the article the sentence comes from, if known.
        source: the text of that article, if known (a dateline in capitals is read only then).

    Returns:
        The edited draft, with one `Deletion` ("headline", "dateline" or "connective") per
        removal; the draft unchanged when nothing applies or too little of the sentence would
        be left.
    """
    out = draft
    head = _glued_headline(out.text, title)
    if head and _words(out.text[head:]) >= MIN_KEPT_WORDS:
        out = out.replace(0, head, "", Deletion("headline"))
    dateline = _caps_dateline(out, source)
    if dateline and _words(out.text[dateline:]) >= MIN_KEPT_WORDS:
        out = out.replace(0, dateline, "", Deletion("dateline"))
    connective = _CONNECTIVE.match(out.text)
    if (
        connective
        and _words(out.text[connective.end() :]) >= MIN_KEPT_WORDS
        and not _REFERRING.match(out.text, connective.end())
    ):
        first = out.text[connective.end()]
        if first.upper() == first:
            out = out.replace(0, connective.end(), "", Deletion("connective"))
        else:
            out = out.replace(0, connective.end() + 1, first.upper(), Deletion("connective"))
    return out


# "also" after a subject or auxiliary, outside quotes: "The army also said" -> "The army said".
_ALSO = re.compile(r"(?<=[a-z,])\s+also(?=\s+[a-z])")
_NOT_ONLY = re.compile(r"\bnot only\b|\balso known\b|\balso called\b", re.IGNORECASE)


def strip_also(draft: Draft) -> Draft:
    """Delete an "also" that adds to something the summary does not show.

    "Israel also rejected a U.S. compromise" adds to a rejection its article told in the sentence
    before; in a summary that opens with it, or shows it after a sentence of another article or
    another part of its own, the reader looks for the first rejection in vain (blind readers of
    round 60 counted it, and "Magnolia also sought ...", Multi-News dev 3802, as referring to
    something never introduced). Deleting it keeps what the sentence says.

    Args:
        draft: a summary sentence that does not come right after its article's sentence before
            it (the stage decides).

    Returns:
        The edited draft with a `Deletion` ("connective") edit, or the draft unchanged when
        "also" is inside a quotation, in "not only ... also", or absent.
    """
    if _NOT_ONLY.search(draft.text):
        return draft
    for m in _ALSO.finditer(draft.text):
        quotes = sum(draft.text[: m.start()].count(q) for q in ('"', "“", "”"))
        if quotes % 2 == 0 and "“" not in draft.text[: m.start()].rsplit("”", 1)[-1]:
            return draft.replace(m.start(), m.end(), "", Deletion("connective"))
    return draft
