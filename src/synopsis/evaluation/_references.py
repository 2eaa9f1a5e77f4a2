"""Reference rules of the readability audit: pronouns, demonstratives and bare names.

A summary sentence that refers to an entity must find it introduced earlier in the summary, or
it sends the reader back to a text the reader does not have (Nenkova, "Entity-driven rewrite for
multi-document summarization", IJCNLP 2008; Siddharthan, Nenkova & McKeown, "Syntactic
simplification for improving content selection in multi-document summarization", COLING 2004).
These surface rules find pronouns and demonstratives without an antecedent and people first
named by one name only (using the full names the sources give: `person_surnames`); definite
descriptions never introduced are `synopsis.evaluation._definites`'s, which shares the helpers
here. `synopsis.evaluation.readability` runs both; benchmarks/readability_audit_eval.py measures
them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.evaluation._people import CAPITAL
from synopsis.evaluation._people import CONNECTIVE_WORDS as _CONNECTIVE_WORDS
from synopsis.evaluation._people import NOT_NOUN as _NOT_NOUN
from synopsis.evaluation._people import PARTICLES as _PARTICLES
from synopsis.evaluation._people import PERSON_SLOT as _PERSON_SLOT
from synopsis.evaluation._people import SENTENCE_OPENERS as _SENTENCE_OPENERS
from synopsis.evaluation._people import TITLE_WORDS as _TITLE_WORDS
from synopsis.text import WEEKDAYS, stem, words
from synopsis.text.reference import (
    DEMONYMS,
    NAME_AFTER_COMMA,
    PREPOSITIONS_BEFORE_THAT,
    SPEECH_TAG,
)
from synopsis.text.reference import HERE as _HERE
from synopsis.text.reference import ONE_PERSON as _ONE_PERSON
from synopsis.text.reference import PERSON_WORDS as _PERSON_WORDS
from synopsis.text.reference import PRONOUN_THAT as _ALL_THAT
from synopsis.text.reference import SELF_EVIDENT as _SELF_EVIDENT
from synopsis.text.reference import SINGULAR_PERSONAL as _SINGULAR_PERSONAL

# --- references ------------------------------------------------------------------------------
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Tt]hey|[Tt]hem|[Tt]heir)\b")
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|[Tt]hat)\b")
_NEXT_WORDS = re.compile(r"\s+([A-Za-z0-9][\w'’-]*)")
_SENTENCE_DEMONSTRATIVE = re.compile(
    r"^[\"“'‘(]*(?:(?:And|But|So|Yet|Or),?\s+(?=[Tt]h(?:is|at)\b))?"
    r"(?:This|That|These|Those|this|that)(?:['’]s|\s+(?:is|was|are|were|has|had|means|meant|"
    r"will|would|could|may|might|comes|came|includes|included)\b)"
    # a relative pronoun opening a statement: "Which is why Mobil and Exxon ..."
    r"|^[\"“'‘(]*Which\s+(?:is|was|means|meant|explains|explained)\b"
)
# "with that statement", "on that small island": after a preposition "that" is a determiner.
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{'|'.join(PREPOSITIONS_BEFORE_THAT)})\s+$")
# A title before a capitalized word names a person ("Dr. Rymer", "President Clinton").
_TITLE_NAME = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Judge|Justice|King|"
    rf"Queen|Prince|Princess|Pope|Rev|Sir|Lord|Lady)\.?\s+{CAPITAL}"
)
# "it" as the subject of a clause with nothing in it to refer to: opening the sentence or its
# main clause ("Sure, it's not much", "Viewed in that light, it makes sense"), or reported by a
# person ("Daniel Richards said it would be ...", where "it" cannot be the speaker).
_IT_SUBJECT = re.compile(
    r"(?:^[\"“'‘(]*(?:(?:Sure|No|Yes|Well|Still|And|But|So),?\s+)?|,\s+"
    rf"|^(?P<speaker>(?:{CAPITAL}[\w'’.-]*\s+){{1,3}})(?:said|says|thinks|thought)\s+)"
    r"(?P<it>[Ii]t)(?:['’]s|\s+(?:is|was|makes|made|would be|will be)\b)"
)
# What makes such an "it" a placeholder (extraposition, cleft, idiom): "it is clear that",
# "it's too soon to tell", "it was not known how", "it was time for", "it takes six votes to".
# The complement may come up to four words after the verb (read on the annotated splits dev ...
# outside1 of benchmarks/readability_gold: "it was not a voice mail message that" is six away and
# was labelled a dangling "it").
_EXTRAPOSED = re.compile(
    r"(?:\s+[\w'’,-]+){0,4}?\s+(?:that|to|how|whether|why|if|for|what|who|because)\b"
    r"|\s+(?:time|takes?|took)\b"
    # the "it" of a time ("It's Tuesday, which can only mean one thing", read on outside4)
    rf"|\s+(?:{'|'.join(w.capitalize() for w in WEEKDAYS)}|midnight|noon)\b"
    # the "it" of a set phrase of announcements ("It is with great sadness MODERN SALON reports
    # the passing of ...", read on outside8)
    r"|\s+with\s+(?:(?:great|deep|profound|heavy)\s+)?(?:sadness|regret|sorrow|pleasure|pride)\b"
)
# The subject of a sentence that an opening "it" of the next one stands for: one thing, named or
# described, doing something ("Caihong had fuzzy feathers ... It is the earliest-known creature
# ...", "Nairobi National Park is home to ... It is largely bounded ...", "The city is a
# sensitive spot ... In 1982, it was the scene ...": Multi-News dev 737, 1208 and 482 in the
# benchmark's output). Adding it lost no true positive on any split of benchmarks/readability_gold
# (`python benchmarks/readability_audit_eval.py`, before and after).
_THING_SUBJECT = re.compile(
    rf"^[\"“'‘(]*(?:(?:In|On|At|By|For|Since|After|Before|During)\s[^,]{{1,40}},\s+)?"
    r"(?P<np>The\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    rf"|{CAPITAL}[\w'’-]*(?:\s+{CAPITAL}[\w'’-]*){{0,3}})"
    r"\s+(?:is|was|has|had|remains|remained|became|[a-z]+ed)\b"
)
# Where such an "it" stands: opening the sentence, or after an opening phrase of time or place
# ("In 1982, it was ..."); not after a comment ("Sure, it's not much") or a participle ("Viewed
# in the context of Ross' career arc, it makes perfect sense"), both labelled dangling.
_IT_OPENS = re.compile(
    r"^[\"“'‘(]*(?:(?:In|On|At|By|Since|After|Before|During)\s[^,]{1,40},\s+)?[Ii]t\b"
)
_NOT_THING = frozenset("it he she they we i you this that these those there here its".split())
# An opening clause with its own subject may hold the referent: "When the ship hit the bridge,
# it was carrying 12 crew".
_SUBORDINATE_START = re.compile(
    r"(?:When|While|After|Before|As|Because|If|Although|Though|Since|Once|Until|Unless)\b"
)
# More nouns for one person, beyond the shared lexicon and the titles ("an analyst ... He said").
_ROLE_WORDS = frozenset(
    """
    analyst commander envoy witness driver pilot captain author reporter editor executive founder
    owner teacher priest farmer engineer scientist expert candidate lawmaker legislator activist
    dissident prisoner hostage survivor widow gunman attacker bomber shooter suspect dealer
    """.split()
)
# Role words long enough to end a compound that names a person ("Unabomber" ends in "bomber").
_LONG_ROLES = tuple(sorted(w for w in _ROLE_WORDS if len(w) >= 6))
# Nouns of a quantity that any number before them gives ("for that price" after "$20,025").
_QUANTITY_NOUNS = frozenset("price amount sum figure number total cost fee rate level".split())
# A coordination of names ("Cartman and Kyle", "Shane Bauer, Sarah Shourd and Josh Fattal"), which
# gives "the two boys" or "the three" their referents (outside4).
_NAME_WORD = rf"{CAPITAL}[\w.'’-]*(?:\s+{CAPITAL}[\w.'’-]*){{0,2}}"
_NAMES_AND = re.compile(rf"\b{_NAME_WORD}(?:,\s+{_NAME_WORD})*,?\s+and\s+{_NAME_WORD}")
_COUNTS = {"two": 2, "both": 2, "pair": 2, "three": 3, "four": 4, "five": 5}
# Nouns for a place that a place named before supplies ("this country" after "in Lebanon" or
# "Lebanon's president"; read on the outside3 split of benchmarks/readability_gold).
_PLACE_NOUNS = frozenset("country nation city town state capital island region province".split())
_NAMED_PLACE = re.compile(
    rf"\b(?:in|at|near|from|to)\s+(?:the\s+)?{CAPITAL}[a-z]|\b{CAPITAL}[a-z]+['’]s\b"
)
# Shell nouns (Schmid, "English Abstract Nouns as Conceptual Shells", 2000), which a demonstrative
# points at the proposition of the text before: "Eom arrived at this somewhat surprising
# conclusion by ..." after the finding it names (outside10, where both readers left it twice).
_SHELL_NOUNS = frozenset(
    "conclusion finding findings claim claims idea notion argument view assessment theory".split()
)
# Nouns of idioms that point nowhere: "for that matter", "to this extent".
_IDIOM_NOUNS = frozenset({"matter", "extent"})
_LONE_SPEAKER = re.compile(
    rf"\b({CAPITAL}[\w'’-]+)\s+(?:said|says|told|added|asked|wrote|replied|insisted)\b"
)
_PRONOUN_NEXT = re.compile(r"\s+(?:I|we|you|he|she|it|they)\b")
_PLACE_BEFORE = re.compile(
    rf"\b(?:in|at|near|of|from|to)\s+(?:the\s+)?(?!(?:Dr|Mr|Mrs|Ms|President|Prime|Gen|Sen|Gov)\b)"
    rf"{CAPITAL}[a-z]"
)
# Words after a noun that show the noun phrase has ended ("these attacks killed").
_VERBISH = re.compile(
    r"^(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|"
    r"should|did|does|do|[a-z]+ed|(?!news$)[a-z]+(?<![su])s)$"
)
# Words that end a noun phrase without being function words ("answer those questions any more").
_AFTER_NOUN = frozenset("any more less".split())
_TITLE_ONLY = re.compile(
    r"\b[Tt]he\s+(president|prime minister|governor|senator|mayor|chancellor|premier|pope|"
    r"king|queen|defense minister|foreign minister)\b(?!\s*(?:,\s*)?[A-Z]|\s+of\b|['’]s\b)"
)
_SURNAME_WITH_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+((?:[a-z]{2,3}[ -])?[A-Z][\w'’-]+)\b(?!\s+[A-Z]|\.\s+[A-Z])"
)


@dataclass(frozen=True)
class Finding:
    """One readability problem in one summary sentence.

    `span` is the offending text, `start`/`end` its offsets in the sentence, `reason` says in a
    few words why a reader trips over it.
    """

    category: str
    index: int
    span: str
    start: int
    end: int
    reason: str

    @property
    def kind(self) -> str:
        """The category (the name the earlier `check` API used)."""
        return self.category


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def hit(category: str, index: int, sentence: str, start: int, end: int, reason: str) -> Finding:
    """A finding for `sentence[start:end]`."""
    return Finding(category, index, sentence[start:end], start, end, reason)


def pronouns(
    i: int,
    s: str,
    before: str,
    mask: list[bool],
    surnames: frozenset[str] = frozenset(),
    previous: str = "",
) -> list[Finding]:
    """Pronouns and demonstratives of sentence `i` with nothing in `before` to refer to.

    Args:
        i: the sentence's index in the summary.
        s: the sentence.
        before: the summary's earlier sentences, joined.
        mask: which characters of `s` are inside quotation marks (skipped: speech has its own
            context).
        surnames: surnames of people the sources name in full (`person_surnames`).
        previous: the summary's sentence right before `s` ("" for the first), whose subject an
            opening "it" may stand for.

    Returns:
        At most one finding.
    """
    found: list[Finding] = []
    m = _SENTENCE_DEMONSTRATIVE.match(s.lstrip())
    word_at = len(s) - len(s.lstrip(" \"'“‘("))
    if m and word_at < len(s) and not mask[word_at]:
        lead = len(s) - len(s.lstrip())
        found.append(
            hit("pronoun", i, s, lead, lead + m.end(), "'this'/'which' points to text not there")
        )
        return found
    for m in _DEMONSTRATIVE.finditer(s):
        if mask[m.start()]:
            continue
        det = m.group().lower()
        if det == "that" and m.start() > 0 and not _PREPOSITION_BEFORE.search(s[: m.start()]):
            continue  # "said that police ...", "the plan that failed": not a demonstrative
        if _PRONOUN_NEXT.match(s, m.end()):
            continue  # "by that we mean": a pronoun, not a noun, follows
        if re.search(r",\s*as\s+$", s[: m.start()]):
            continue  # "H.R. 667, as this urgently needed law is known": names what precedes
        if re.match(r"\s+ones?\b", s[m.end() :]) and before.strip():
            continue  # "sitting this one out": "one" stands for a noun the summary used before
        noun = _noun_after(s, m.end())
        if noun is None or noun in _SELF_EVIDENT | _IDIOM_NOUNS:
            continue
        phrase = s[m.end() : s.index(noun, m.end()) + len(noun)]
        if stem(noun) == stem("question") and "?" in before + s[: m.start()]:
            continue  # "those questions" after the summary asked one
        if noun in _QUANTITY_NOUNS and re.search(r"\d", before + " " + s[: m.start()]):
            continue  # "for that price" after "$20,025" (outside4)
        if noun in _SHELL_NOUNS and before.strip():
            continue  # "this somewhat surprising conclusion": what the sentence before says
        if noun in _PLACE_NOUNS and _NAMED_PLACE.search(before + " " + s[: m.start()]):
            continue  # "this country" after "Lebanon's new president" or "in Lebanon"
        if not {stem(w) for w in words(phrase)} & _stems(before + " " + s[: m.start()]):
            end = s.index(noun, m.end()) + len(noun)
            found.append(hit("pronoun", i, s, m.start(), end, f"no {noun!r} mentioned before"))
            return found
    for m in _ALL_THAT.finditer(s):
        if not mask[m.start()]:
            found.append(hit("pronoun", i, s, m.start(), m.end(), "'that' refers to nothing"))
            return found
    for m in _HERE.finditer(s):
        if not mask[m.start()] and not _PLACE_BEFORE.search(s[: m.start()]):
            found.append(hit("pronoun", i, s, m.start(), m.end(), "'here' names no place"))
            return found
    tag = SPEECH_TAG.search(s)
    if tag and not mask[tag.start()]:
        # "..., she said, ...": the clause before the tag is what was said, so only the
        # summary's earlier sentences can name who says it
        named = _names_person(before, surnames) if surnames else _has_name(before)
        if not named:
            who = tag.start("who"), tag.end("who")
            found.append(hit("pronoun", i, s, *who, "speaker named nowhere before"))
            return found
    m = _PERSONAL.search(s)
    if m and not mask[m.start()] and "," not in s[: m.start()] and NAME_AFTER_COMMA.match(s):
        # an opening clause may name its referent after the comma ("In his remarks, X"); "... on
        # his approval, security experts say" names no one there
        pass
    elif m and not mask[m.start()]:
        context = before + " " + s[: m.start()]
        if m.group().lower() in _SINGULAR_PERSONAL and surnames and not _lone_name(s[: m.start()]):
            # "He said" after "Global Rescue": a name earlier in the summary must be a person's
            # (a lone name earlier in the same sentence, "Ahmadinejad suggested ... he says", is
            # taken as the antecedent even when the sources never give it in full)
            has_person = _names_person(context, surnames)
        else:
            has_person = _has_name(context) or bool(set(words(context)) & _PERSON_WORDS)
        if not has_person:
            found.append(hit("pronoun", i, s, m.start(), m.end(), "pronoun with no antecedent"))
            return found
    m = _IT_SUBJECT.search(s)
    if (
        m
        and not mask[m.start("it")]
        and not _EXTRAPOSED.match(s, m.end())
        and not _SUBORDINATE_START.match(s.lstrip(" \"“'‘("))
    ):
        speaker = m.group("speaker")
        if speaker is None and _IT_OPENS.match(s.lstrip()) and _thing_subject(previous, surnames):
            pass  # "Caihong had ... It is the earliest-known creature ..."
        elif speaker is None or _names_person(speaker, surnames):
            start = m.start("it")
            found.append(hit("pronoun", i, s, start, m.end(), "'it' with nothing to refer to"))
    return found


def _thing_subject(previous: str, surnames: frozenset[str]) -> bool:
    """Whether `previous` opens on one thing, named or described, that an "it" can stand for
    (not a person, not a pronoun, not a plural "The ...s")."""
    m = _THING_SUBJECT.match(previous.lstrip())
    if m is None:
        return False
    np = m.group("np")
    last = np.split()[-1]
    if np.split()[0].lower() in _NOT_THING or set(words(np.lower())) & _PERSON_WORDS:
        return False
    if np.startswith("The ") and last.endswith("s") and not last.endswith(("ss", "us")):
        return False  # "The rate cuts may help. It's rate was ...": the cuts are no "it"
    return not _names_person(np, surnames)


def _noun_after(s: str, pos: int) -> str | None:
    """The head noun of the noun phrase a determiner opens at `pos` ("this new software")."""
    tokens: list[str] = []
    for m in _NEXT_WORDS.finditer(s, pos):
        if m.start() != pos:
            break
        tokens.append(m.group(1))
        pos = m.end()
        if len(tokens) == 3:
            break
    for k, tok in enumerate(tokens):
        low = re.sub(r"['’]s$", "", tok.lower())
        if tok[:1].isupper() or low in _NOT_NOUN or (low.endswith(("ed", "ing")) and k == 0):
            return None
        if low in _SELF_EVIDENT:
            return None  # "this week", "those days"
        if low.endswith("ly"):
            continue  # an adverb inside the noun phrase: "this urgently needed law"
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if nxt.lower() in ("who", "which", "that", "whose"):
            return None  # "those people who ...": the relative clause says which
        if (
            not nxt
            or not nxt[:1].islower()
            or nxt.lower() in _NOT_NOUN | _AFTER_NOUN
            or _VERBISH.match(nxt)
        ):
            return low
    return None


def _has_name(text: str) -> bool:
    """Whether a capitalized word other than a function word stands in `text` ("Ross", not "In")."""
    return any(
        m.group().lower() not in _NOT_NOUN | _CONNECTIVE_WORDS | _SENTENCE_OPENERS
        for m in re.finditer(rf"\b{CAPITAL}[a-z]+", text)
    )


def _names_person(text: str, surnames: frozenset[str]) -> bool:
    """Whether `text` names a person: a person noun, a title before a name, or a name that the
    sources give in full (`person_surnames`), not merely a place or an organization."""
    if set(words(text)) & (_ONE_PERSON | _TITLE_WORDS | _ROLE_WORDS) or _TITLE_NAME.search(text):
        return True
    if any(w.endswith(_LONG_ROLES) for w in words(text)):
        return True  # a compound of a role word: "The Unabomber thought ... he" (outside4)
    if any(m.group() in surnames for m in re.finditer(rf"\b{CAPITAL}[\w'’-]+", text)):
        return True
    # a lone name speaking ("Gingrich said"), even when the sources never give it in full
    for m in _LONE_SPEAKER.finditer(text):
        prev = text[: m.start()].split()[-1:]
        if not (prev and prev[0][:1].isupper()) and _has_name(m.group(1)):
            return True
    return False


def _names_counted(text: str, n: int) -> bool:
    """Whether `text` joins exactly `n` names with "and" ("Cartman and Kyle" for two)."""
    for m in _NAMES_AND.finditer(text):
        if len(re.split(r",\s+|,?\s+and\s+", m.group())) == n:
            return True
    return False


def _lone_name(text: str) -> bool:
    """Whether `text` has a capitalized word standing alone, as one-word names of people do
    ("Ahmadinejad", "against Gingrich"), not inside a longer name ("Global Rescue") and not a
    nationality ("Any American rescue operation would depend on his approval")."""
    for m in re.finditer(rf"{CAPITAL}[\w'’.-]*(?:\s+{CAPITAL}[\w'’.-]*)*", text):
        if " " not in m.group() and _has_name(m.group()) and m.group().lower() not in DEMONYMS:
            return True
    return False


def bare_names(
    i: int, s: str, before: str, mask: list[bool], surnames: frozenset[str]
) -> list[Finding]:
    """People that sentence `i` names by one name or a bare title, never named in full before.

    Args:
        i: the sentence's index in the summary.
        s: the sentence.
        before: the summary's earlier sentences, joined.
        mask: which characters of `s` are inside quotation marks.
        surnames: surnames and given names of people the sources name in full
            (`person_surnames`); without them only "Mr./Dr. Surname" and titles are found.

    Returns:
        At most one finding.
    """
    for m in _TITLE_ONLY.finditer(s):
        title = m.group(1)
        if re.search(rf"{CAPITAL}[\w.'’-]*,\s*$", s[: m.start()]):
            continue  # in apposition to a name: "Kenneth Moch, the president and CEO of ..."
        if not mask[m.start()] and not re.search(title, before, re.IGNORECASE):
            return [hit("bare_name", i, s, m.start(), m.end(), "a title, never a name")]
    candidates = [(m.start(1), m.end(1)) for m in _SURNAME_WITH_TITLE.finditer(s)]
    for m in _PERSON_SLOT.finditer(s):
        for group in ("a", "b", "c", "d", "e"):
            name = m.group(group)
            if name and name.split()[-1] in surnames:
                candidates.append((m.start(group), m.end(group)))
    for start, end in sorted(candidates):
        name = s[start:end]
        if mask[start]:
            continue
        last = re.sub(r"['’]s$", "", name.split()[-1])  # "Mr. Cosby’s publicist": Cosby
        if _named_in_full(last, before + " " + s[:end]) or re.search(
            rf"\b{re.escape(last)}\b", before
        ):
            continue
        return [hit("bare_name", i, s, start, end, "a person first named by one name only")]
    return []


def _named_in_full(name: str, text: str) -> bool:
    """Whether `text` gives `name` with a given name before it ("Joe Torre", not "But Torre")."""
    particle = r"(?:(?:[Bb]in|[Aa]l|de|van|von)[ -])?"
    for m in re.finditer(
        rf"\b({CAPITAL}[\w'’-]+)\s+(?:[A-Z]\.\s+)?{particle}{re.escape(name)}\b", text
    ):
        if m.group(1).lower() not in _NOT_NOUN | _CONNECTIVE_WORDS | _TITLE_WORDS | _PARTICLES:
            return True
    return False
