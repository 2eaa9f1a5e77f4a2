"""Relative days dropped where nothing dates them.

A summary sentence copied from an article without a publication date ("Police on Monday
arrested ...", "said Thursday", "earlier this week") names a day no reader of the summary can
place: `synopsis.rewrite.dates` writes such days out as calendar dates when the article is
dated, and here, when it is not, the day is deleted where it is an adjunct of time the sentence
reads as well without, the compression by deletion of Knight & Marcu ("Summarization beyond
sentence extraction", AI 2002) applied to one constituent: the sentence says less, never
something else. Readers of blind round 44 (`benchmarks/blind_results/2026-12-04-round-44.md`)
counted "Thursday", "today" and "this week" in undated Multi-News summaries among the references
they could not place, as the rubric's "on Friday" asks.

A day stays where deleting it could change what the sentence says or break it: inside a
quotation; after a preposition or a word that makes it part of a longer phrase ("by Monday",
"until Friday", "since last week", "the Monday"); after a copula ("the vote is Tuesday"); as the
subject ("Thursday marks ..."); beside another day ("Saturday and Sunday"); with a date or a
name after it ("Monday, Nov. 3", "Sunday Times"); possessive ("Friday's vote"). "today" also
means "nowadays" ("birds alive today"), so it is dropped only in a clause told in the past
("issued 683 invitations today", "said today").
"""

from __future__ import annotations

import re

from synopsis.model.aligned import Deletion, Draft
from synopsis.rewrite._draft import quoted, source_span
from synopsis.rewrite.dates import NAMED_DAY
from synopsis.text.dates import MONTH_PATTERN
from synopsis.text.tokens import IRREGULAR_PAST

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:morning|afternoon|evening|night)"
# The relative days deleted: a weekday (after "on", "early" or "late", with a part of the day),
# "yesterday", "last night", "tonight", "this morning", "this week", "last week", "earlier this
# week", "this weekend"; "today" separately (see the module docstring).
_SPAN = re.compile(
    rf"\b(?:[Oo]n\s+)?(?:(?:[Ee]arly|[Ll]ate|[Ll]ast)\s+)?{_DAY}(?:\s+{_PART})?\b(?![’'-])"
    rf"|\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Tt]his|[Ll]ast|[Nn]ext)\s+week(?:end)?\b(?![’'-])"
    rf"|\b[Yy]esterday(?:\s+{_PART})?\b(?![’'-])"
    rf"|\b(?:[Ll]ast\s+night|[Tt]onight|[Tt]his\s+{_PART})\b(?![’'-])"
    r"|\btoday\b(?![’'-])"
)
# Words after which a day is part of a longer phrase ("by Monday", "until Friday", "since last
# week", "Trump's Thursday press conference", "Super Tuesday"), the complement of a copula ("the
# vote is Tuesday") or coordinated.
_KEEP_BEFORE = re.compile(
    r"(?:^|\s)(?:by|until|till|since|before|after|from|through|to|for|of|between|during|over"
    r"|within|than|like|including|except|as|about|around|past|following|starting|beginning"
    r"|ending|into|at|in|on|per|the|a|an|every|each|this|that|next|last|and|or|nor|is|are|was"
    r"|were|be|been|being|it's|it’s|early|late|earlier|later|same|only|just|even|his|her|its"
    rf"|their|our|my|your|whose|current|usual|regular|weekly|{NAMED_DAY})\s*$"
    r"|[’']s?\s*$"
    # "set to start Wednesday", "expected to be held on Monday": the day is what is expected
    r"|\b(?:set|due|scheduled|slated|expected|planned)\s+to\s+\w+\s*$|\bto\s+be\s+\w+\s*$",
    re.IGNORECASE,
)
# A day right before another day, a date, a name, a number, a possessive, a part of the day
# that goes on ("Tuesday night's"), a clause about that day ("Friday, when the sequester ...")
# or a verb it is the subject of ("Thursday was the deadline").
_KEEP_AFTER = re.compile(
    rf"^(?:\s*(?:and|or|through|to|-|–|—|,)\s*(?:(?:early|late|earlier|later)\s+)?(?:on\s+)?"
    rf"(?:{_DAY}|(?:this|last|next)\s+week)"
    rf"|,?\s*(?:{MONTH_PATTERN})\b|\s+[A-Z0-9]|[’']s\b|\s+{_PART}\b|,?\s+when\b"
    r"|\s+(?:is|was|will|would|has|had|marks|marked|saw|brought|became|begins|began|ends|ended)\b)"
)
# What may follow a day written without "on" for it to be an adjunct of time: the end of a
# clause, a function word, or a verb of which the words before are the subject ("The LAPD early
# Monday declared", "detectives Tuesday were trying"). Any other word makes the day a modifier
# ("its current Saturday anchor team", "a 5 p.m. Sunday deadline").
_ADJUNCT_AFTER = re.compile(
    r"^(?:\s*(?:[.,;:!?)\]—–]|$)"
    r"|\s+(?:in|on|at|after|before|to|for|with|by|from|during|as|when|while|that|which|who"
    r"|where|but|and|or|so|because|amid|despite|against|about|into|over|outside|inside|near"
    r"|following|ahead|the|a|an|his|her|its|their|our|it|he|she|they|we|i|you|this|these|those"
    r"|were|are|said|says|local|around|off|out|up|down"
    rf"|[a-z]{{2,}}ed|[a-z]{{3,}}ing|{IRREGULAR_PAST})\b)"
)
# A verb after a day, and a verb or participle before it: the day is not between a subject and
# its verb but ends a reduced clause ("the report released Tuesday included").
_VERB_AFTER = re.compile(rf"^\s+(?:[a-z]{{2,}}ed|were|said|says|{IRREGULAR_PAST})\b")
_VERB_BEFORE = re.compile(rf"\b(?:[a-z]{{2,}}ed|said|{IRREGULAR_PAST})\s*$")
# A sentence opening with a prepositional phrase and no verb before the participle.
_FRONTED = re.compile(r"^[\"“‘']?(?:In|At|On|From|With|After|During|Under|Through)\b[^,;]*$")
# A clause told in the past, where "today" is the day of the report, not "nowadays".
_PAST = re.compile(rf"\b(?:[a-z]{{2,}}ed|{IRREGULAR_PAST}|told)\b")
_PRESENT = re.compile(r"\b(?:is|are|am|remains?|still|now)\b")
_CLAUSE_START = re.compile(r"[,;:—–(]")
_END = re.compile(r"^\s*(?:[.!?;:)]|$)")
_ON = re.compile(r"^(?:[Oo]n|[Ee]arly|[Ll]ate|[Ll]ast)\s")


def _deletable(text: str, start: int, end: int) -> bool:
    """Whether the day ``text[start:end]`` is an adjunct the sentence reads as well without."""
    before, after = text[:start], text[end:]
    opening = not before.strip(" \"'“‘(")
    if opening:
        # "On Monday(,) police ...", "Yesterday, ...": not a bare day as the subject
        return text[start:end][:3].lower() == "on " or after.startswith(",")
    if _KEEP_BEFORE.search(before) or _KEEP_AFTER.match(after):
        return False
    if not _ON.match(text[start:end]) and not _ADJUNCT_AFTER.match(after):
        return False  # "its current Saturday anchor team": a modifier
    if _VERB_BEFORE.search(before) and (
        _VERB_AFTER.match(after) or (_FRONTED.match(before) and after.startswith(","))
    ):
        # "the report released Tuesday included ...", "In the video released Thursday, a ...":
        # the day ends a participle's clause, which would be left hanging
        return False
    if text[start:end] == "today":
        clause = before[max((m.end() for m in _CLAUSE_START.finditer(before)), default=0) :]
        return bool(_PAST.search(clause)) and not _PRESENT.search(clause)
    return True


def drop_undated_days(draft: Draft) -> Draft:
    """Delete the relative days of a sentence whose article carries no publication date.

    The caller knows the article is undated (a dated one gets `synopsis.rewrite.dates`).

    Args:
        draft: the sentence.

    Returns:
        The draft with each deletable relative day removed as a `Deletion("undated_day")` edit,
        with the space or comma that joined it; a day that opened the sentence leaves the next
        word capitalized.
    """
    out = draft
    for found in reversed(list(_SPAN.finditer(draft.text))):
        start, end = found.span()
        text = out.text
        if quoted(text, start) or source_span(out, start, end) is None:
            continue
        if not _deletable(text, start, end):
            continue
        after = text[end:]
        if not text[:start].strip(" \"'“‘("):
            # the sentence's first words: drop the day, its comma and space; capitalize the next
            rest = end + len(after) - len(after.lstrip(", "))
            if rest >= len(text) or not text[rest].isalpha():
                continue
            out = out.replace(start, rest + 1, text[rest].upper(), Deletion("undated_day"))
            continue
        lo = start
        while lo > 0 and text[lo - 1] == " ":
            lo -= 1
        hi = end
        if text[lo - 1 : lo] == "," and (after.startswith(",") or _END.match(after)):
            lo -= 1  # ", on Monday," or ", on Monday." : the commas go with it
            hi = end + 1 if after.startswith(",") else end
        if (
            not _END.match(text[hi:])
            and not text[hi : hi + 1].isspace()
            and text[hi : hi + 1] != ","
        ):
            continue
        out = out.replace(lo, hi, "", Deletion("undated_day"))
    return out
