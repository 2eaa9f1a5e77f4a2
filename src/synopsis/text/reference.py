"""Lexicons of referring expressions, shared by the summarizer and the readability audit.

A definite description ("the group", "the deal") or a demonstrative noun phrase ("these
traits") refers back to something a reader must have been told before (Nenkova, "Entity-driven
rewrite for multi-document summarization", IJCNLP 2008). The summarizer
(`synopsis.summarizer.coherence`) uses these word lists to choose such a sentence only with the
sentence that introduces its referent; the audit (`synopsis.evaluation._references`) uses the
same lists, with its own rules, to count references a summary never introduced. The lists were
written by reading DUC 2004 and Multi-News dev summaries (see benchmarks/readability_gold); the
noun lists are kept in `synopsis.text.reference_words` and re-exported here.

Every reader of a noun phrase ends it with the same words (`FUNCTION_WORDS`, `PHRASE_ENDS`) and
asks the same question of what follows its head (`says_which`), here and in the summarizer's
`coherence` and `definites`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.text.reference_words import (
    ANAPHORIC_HEADS,
    COMPOUND_TAILS,
    DEMONYMS,
    HARM,
    INTRODUCED_BY,
    PERSON_WORDS,
    ROLE_NOUNS,
    SELF_EVIDENT,
)
from synopsis.text.tokens import IRREGULAR_PAST, QUOTE_MARK, stem, words

__all__ = [
    "ANAPHORIC_HEADS",
    "COMPOUND_TAILS",
    "DEMONYMS",
    "FUNCTION_WORDS",
    "HARM",
    "HERE",
    "INTRODUCED_BY",
    "NAME",
    "NAME_AFTER_COMMA",
    "NOUN",
    "ONE_PERSON",
    "OPENING",
    "PERSON",
    "PERSON_WORDS",
    "PHRASE_ENDS",
    "PLACE",
    "PRONOUN_THAT",
    "RESTRICTIVE_WORDS",
    "ROLE_NOUNS",
    "SELF_EVIDENT",
    "SINGULAR_PERSONAL",
    "SPEAKER",
    "SPEECH_TAG",
    "THING",
    "UNIQUE_HEADS",
    "Referent",
    "ends_as_prose",
    "introduces",
    "says_which",
    "unresolved",
]

# --- what a sentence leaves unresolved --------------------------------------------------------

# Kinds of referent a sentence may need from the text before it (`Referent.kind`).
PERSON = "person"  # a personal pronoun needs a person named before it
NOUN = "noun"  # a definite or demonstrative noun phrase needs its noun (or a synonym) before it
NAME = "name"  # "the company", "the men" need a name before them
SPEAKER = "speaker"  # a quotation needs its speaker named in the sentence itself
PLACE = "place"  # "here" needs a dateline, which a summary never shows
OPENING = "opening"  # an opening "The blaze ..." outside a lead needs its noun before it
THING = "thing"  # an early "part of it" needs the sentence before, whatever it names

# Words after a determiner's noun that show the noun phrase has ended ("these attacks killed").
# An irregular past ends it too ("The son shot Egeland in his lower legs", Multi-News dev 4783:
# read as the noun phrase "son shot", the capitalized name after it passed for a restrictive one,
# "the group Hamas", and nothing was asked of the sentence); "shot" and "set" as well, which
# `IRREGULAR_PAST` leaves out for captions' sake.
_VERBISH = re.compile(
    r"^(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|said|told|"
    rf"should|did|does|do|shot|set|{IRREGULAR_PAST}|[a-z]+ed|[a-z]+s)$"
)
# Function words: never the noun of a noun phrase, and they end one. The one list of them for
# every reader of noun phrases (this module's, `synopsis.summarizer.coherence`'s opening "The
# ..." and `synopsis.summarizer.definites`' heads): the union of the three lists they were
# written with, each from reading DUC 2004 and Multi-News dev summaries.
FUNCTION_WORDS = frozenset(
    """
    who which that whom whose of in at on to for by with from as is was are were be been has
    had have do does did will would could should may might can must not and or but if when
    where while because so than then there here a an the this these those his her its their
    our your my unless until after before about into over under through against during
    without like one ones near since between among
    """.split()
)
# Words after a head noun that say which one it is, so the reader needs no introduction ("the
# man who ...", "the group of ...", "the gunmen behind ..."); "named" and "called" do when a name
# follows ("the lion named Mohawk"; not "The woman called 911").
RESTRICTIVE_WORDS = frozenset("who which that whose of behind responsible".split())
_SAYS_WHICH = re.compile(
    rf"^\s*(?:(?:{'|'.join(sorted(RESTRICTIVE_WORDS))})\b|(?:named|called)\s+[\"“‘']?[A-Z])"
)


def says_which(rest: str) -> bool:
    """Whether the words after a definite description's head say which one it is.

    Args:
        rest: the text right after the head noun.

    Returns:
        True for a restrictive clause or phrase ("who ...", "of ...", "behind ...") or a name
        after "named" or "called".
    """
    return _SAYS_WHICH.match(rest) is not None


# Words after a noun that show its noun phrase has ended and a verb or adverb has begun ("The
# militants reportedly fled", "the judge said"), an irregular past among them ("The prestigious
# prize went to ...", DUC 2004 D30036).
PHRASE_ENDS = re.compile(
    rf"^(?:[a-z]+ed|[a-z]+ly|said|says|still|also|now|already|remains?|{IRREGULAR_PAST})$"
)
# How a sentence of prose ends (a headline or a caption line often does not).
_PROSE_END = frozenset(".!?\"”’'")


def ends_as_prose(text: str) -> bool:
    """Whether a sentence ends as prose does (a full stop, "!", "?" or a closing quote), not as a
    headline or a caption line.

    Args:
        text: a sentence.

    Returns:
        Whether its last character (after trailing space) ends a sentence.
    """
    return text.rstrip()[-1:] in _PROSE_END


_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Tt]hey|[Tt]hem|[Tt]heir)\b")
# The writer's or a speaker's own voice outside quotation marks ("earlier than we thought").
# Contractions count ("we've seen", "I'm"; "From that event we've see a group of games",
# Multi-News dev 327, passed for prose); a road ("I-95") does not.
_FIRST_PERSON = re.compile(
    r"(?<!War )\b(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)\b(?![.-]\w)(?!['’](?!(?:ve|re|d|ll|m)\b)\w)"
)
# Prepositions after which "that" is a determiner ("mystified by that conclusion", "with that
# statement", Multi-News dev 3842; elsewhere it is mostly "said that ..." or "the plan that ..."),
# in selection as in the readability audit.
PREPOSITIONS_BEFORE_THAT = tuple(
    "with of about on for from by to in at after before despite under over".split()
)
_DEMONSTRATIVE = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose|(?:"
    + "|".join(rf"(?<=\b{p} )" for p in PREPOSITIONS_BEFORE_THAT)
    + r")that)\s+"
)
_THE = re.compile(r"\b[Tt]he\s+")
HERE = re.compile(r"(?<![Ff]rom )(?<!seen )(?<!shown )(?<!pictured )\bhere\b")
# "here" says where only when the place follows it ("here in Laramie"): a place named before it
# is rarely the one meant. In news copy "here" is the dateline's town, which a summary never
# shows: "Shepard was born in Casper and attended ... college here." (Laramie; DUC 2004 D31008,
# counted by a reader of blind round 55), "arrived here Wednesday" after "in Shanghai" (Hong
# Kong, D30022), "Bradley of New Jersey here" (D30050). DUC 2004 and Multi-News dev hold 34
# sentences with a place before "here"; in the 25 read, the place was never the town meant (once
# its state: "returning to Wyoming and enrolling as a freshman here").
_PLACE_AFTER = re.compile(r",?\s+in\s+[A-Z][a-z]")
# An opening clause that names its referent after a comma ("In his remarks, Obama said").
NAME_AFTER_COMMA = re.compile(r"^[^,]*,\s+[\"“]?[A-Z]")
# Besides the words of `says_which`, a name ("the group Hamas") or a possessive ("the
# company's") after the head says which one it is.
_RESTRICTIVE = re.compile(r"^\s*[A-Z]\w*\b|^['’]s")
# "I" or "we" as the one who speaks ("Sometimes I'll say, \"Wow ...\"", Multi-News dev 1990, from
# a transcript): the verb of saying names no one (a blind reader of round 34 counted it
# unattributed).
_FIRST_PERSON_SPEAKS = re.compile(
    r"\b(?:I|[Ww]e)(?:['’]ll|['’]d|['’]ve| will| would| have| had| often| always| never)?"
    r"\s+(?:\w+ly\s+)?(?:say|said|told|tell|wrote|write|added|asked)\b"
)
# The outlet's own voice as the one told or as the owner of a source ("Don Clark tells us the city
# is suffering", Multi-News dev 42, counted by a reader of blind round 55; "A source tells us that
# ..."; '"...," our source said.', 251): in a summary of many outlets "us" is no one the reader
# knows. Only in a sentence with no quotation marks, where no speaker can be the "me", but for
# "our source" outside quotation marks. The writer's colleague is no one the reader knows either
# ("As my Washington Post colleague Caitlin Dewey reported, ...", Multi-News dev 3580, counted by
# a reader of blind round 96), though the sentence's verb of saying would otherwise make the "my"
# its speaker's.
_TOLD_WRITER = re.compile(r"\b(?:tell|tells|told|telling)\s+(?:us|me)\b")
_OUR_SOURCE = re.compile(
    r"\b(?:[Oo]ur\s+(?:source|sources|reporter|reporters|correspondent)|"
    r"(?:[Oo]ur|[Mm]y)\s+(?:[A-Z][\w.]*\s+){0,3}(?:colleague|colleagues))\b"
)
_SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|added|adds|asked|asks|wrote|writes|continued|"
    r"explained|recalled|warned|insisted|stated|declared|noted|tweeted|reported|announced|"
    r"replied|admitted|urged|claimed|argued|according to|statement|posted|testified)\b",
    re.IGNORECASE,
)
# A speech tag set off by a comma after what was said ("..., she said, always maintaining ...",
# Multi-News dev 3842): the clause before it is the speech, so its names are not the speaker,
# who is named before the sentence.
SPEECH_TAG = re.compile(
    r",\s+(?P<who>he|she|they)\s+(?:said|says|added|adds|told|tells|wrote|writes|explained|"
    r"recalled|noted|argued|insisted|continued|warned)\b"
)
_NAME_AFTER_QUOTE = re.compile(r"^[\s,]*[A-Z][a-z]+\s+[A-Z][a-z]+")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|[\"“][^\"“”]*$|^[^\"“”]*[”]")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+")
_ORG_HEADS = frozenset("company firm agency organization organisation group newspaper".split())
_PEOPLE_HEADS = frozenset("man woman men women boy girl couple pair".split())
# Singular personal pronouns need one person before them, not any name.
SINGULAR_PERSONAL = frozenset("he she him his her".split())
ONE_PERSON = frozenset(
    w for w in PERSON_WORDS if not w.endswith("s") and w not in {"men", "women", "people"}
) - {"children", "police", "family"}
_TITLE_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Judge|Justice|King|"
    r"Queen|Prince|Princess|Pope|Rev|Sir|Lord|Lady)\.?\s+[A-Z]"
)
_SPEAKING = re.compile(r"\b[A-Z][a-z]+(?:,\s+who\b|\s+(?:said|says|told|added|wrote)\b)")
_OPENING_THE = re.compile(r"^[\s\"“'‘(]*The\s+")
# Heads of an opening definite description that name something unique in a news story, so no
# earlier sentence is needed ("The government said", "The police found"); set by reading the
# opening "The ..." sentences of DUC 2004 and Multi-News dev articles.
UNIQUE_HEADS = frozenset(
    """
    government police military army navy president country world state public economy market
    markets industry court senate house congress parliament administration media press weather
    sun moon internet web air sea ocean news study research report researchers scientists
    authorities officials prosecutors investigators ministry department cabinet opposition
    campaign election elections vote voters rest majority number
    """.split()
)
# Heads of the items of a list an article sets out before them ("two issues ... The first issue
# is ..."); with an ordinal they are no first mention (unlike "The first witness"). Not "thing":
# "The last thing the party wants is ..." (DUC 2004 D30050) is an idiom, not a list's item.
LIST_ITEM_HEADS = frozenset(
    """
    issue issues step steps question questions problem problems reason reasons point points
    part parts phase phases option options lesson lessons factor factors priority
    priorities concern concerns challenge challenges goal goals task tasks obstacle obstacles
    hurdle hurdles
    """.split()
)
# Modifiers that make a description unique or relative by themselves ("The first witness").
_ORDINAL = frozenset(
    "first second third last next same other following latest best former whole entire only "
    "main new".split()
)
# "it" as the object of a preposition ("destroyed part of it", "agreed to it"): never the dummy
# subject of "it is likely that", so it names something; this early in a sentence (fewer words
# before it than this; the span of a news sentence's opening phrase, as `PRONOUN_WINDOW` in
# `synopsis.summarizer.coherence`), the sentence has rarely named it yet.
_OBJECT_IT = re.compile(
    r"\b(?:of|to|for|on|in|with|from|about|into|at|by|over|against|without|behind|under|onto|"
    r"toward|towards)\s+it\b(?!['’])"
)
EARLY_WORDS = 8
# "that" standing for what was said before, as an object ("changed all that Saturday", "because
# of that."): a pronoun, not a determiner, when punctuation or a capitalized word follows.
PRONOUN_THAT = re.compile(
    r"\b(?:all|of|about|after|despite|since|like) that\b(?=\s*[.,;]|\s+[A-Z])"
)
# A quotation is speech from this many words on (shorter ones are scare quotes or titles).
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class Referent:
    """What a sentence refers to without introducing it, and the words that would introduce it.

    `kind` is one of PERSON, NOUN, NAME, SPEAKER, PLACE, OPENING, THING; `stems` (for NOUN) are
    stems of which one must occur before; `span` is the referring text, for tests and reports.
    """

    kind: str
    span: str
    stems: frozenset[str] = frozenset()


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def _has_name(text: str, *, skip: frozenset[str] = frozenset()) -> bool:
    """A capitalized word that is not a sentence opener or function word ("Ross", not "In"), nor
    one of `skip` (lowercase)."""
    ignored = FUNCTION_WORDS | _OPENERS | skip
    return any(m.group().lower() not in ignored for m in re.finditer(r"\b[A-Z][a-z]+", text))


_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there here but
    and or so yet however meanwhile still also then now after before when while if in on at for
    as by with from to of what who why how where some many most one two three no not
    """.split()
)


def _noun_phrase(text: str, pos: int) -> list[str]:
    """Lowercase words of the noun phrase opened at `pos`, up to its head (at most three)."""
    tokens = [m.group() for m in _TOKEN.finditer(text, pos)][:4]
    phrase: list[str] = []
    for k, tok in enumerate(tokens[:3]):
        low = tok.lower()
        # a participle opens a longer phrase ("The leading candidate", "The ruling party"), but
        # one right before a verb is the noun itself ("The filing says ...", Multi-News dev 328)
        nominal = low.endswith("ing") and k + 1 < len(tokens) and _VERBISH.match(tokens[k + 1])
        if (
            tok[:1].isupper()
            or low in FUNCTION_WORDS
            or (k == 0 and low.endswith(("ed", "ing")) and not nominal)
        ):
            return []
        phrase.append(low)
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if nxt.lower() in ("who", "which", "that", "whose"):
            return []
        if low.endswith("ly"):
            continue
        if not nxt or not nxt[:1].islower() or nxt.lower() in FUNCTION_WORDS or _VERBISH.match(nxt):
            return phrase
    return []


def _masked(text: str) -> str:
    """`text` with quoted stretches blanked out (speech has its own context)."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def unresolved(text: str, *, lead: bool = True) -> tuple[Referent, ...]:
    """What a sentence refers to that it does not introduce itself.

    A personal pronoun with no name or person noun before it; a demonstrative noun phrase
    ("these traits", "this key adaptation") or a definite description with an anaphoric head
    ("the deal", "the two men") whose noun the sentence has not used before; "here" with no
    place right after it ("here in Laramie"); a quotation that opens the sentence, or
    "I"/"we"/"our" (or "we've", "I'm") outside quotation marks, with no verb of saying to name
    the speaker or with "I"/"we" as the one who says ("Sometimes I'll say, ..."), or the outlet
    as the one told ("tells us") or as a source's owner ("our source said"). Quoted speech is
    not searched for references.

    Outside an article's lead, a sentence that opens with any definite description of common
    nouns ("The blaze was ...", "The goal is ...") needs one of its words before it too, unless
    its head names something unique in news (`UNIQUE_HEADS`: "the government", "the police").

    Args:
        text: one sentence.
        lead: the sentence is among its article's first sentences, where an opening definite
            description is the article's own first mention.

    Returns:
        The referents, in the order found.
    """
    out: list[Referent] = []
    plain = _masked(text)
    first_mark = re.search(r"[\"“”]", text)
    # a sentence that opens with a quotation, or inside one (its first mark closes it)
    if text.lstrip()[:1] in '"“' or (first_mark is not None and first_mark.group() == "”"):
        spoken = len(text.split()) - len(plain.split())
        if spoken >= MIN_QUOTE_WORDS and not _SPEECH.search(plain):
            last = max(text.rfind("”"), text.rfind('"'))
            if not _NAME_AFTER_QUOTE.match(text[last + 1 :]):
                out.append(Referent(SPEAKER, text.strip()[:40]))
    speaks = _FIRST_PERSON_SPEAKS.search(plain)
    voice = speaks or _FIRST_PERSON.search(plain)
    if voice and (speaks or not _SPEECH.search(plain)) and not any(r.kind == SPEAKER for r in out):
        out.append(Referent(SPEAKER, voice.group()))  # the writer's own voice: whose?
    told = _OUR_SOURCE.search(plain) if "``" not in text else None
    if told is None and not QUOTE_MARK.search(text):
        told = _TOLD_WRITER.search(plain)
    if told and not any(r.kind == SPEAKER for r in out):
        out.append(Referent(SPEAKER, told.group()))  # "tells us": us, the outlet, is no one here
    m = _PERSONAL.search(plain)
    tag = SPEECH_TAG.search(plain)
    if tag:
        out.append(Referent(PERSON, tag.group("who")))  # who says it: named before
    elif m and not (NAME_AFTER_COMMA.match(plain) and "," in plain[m.end() :]):
        before = plain[: m.start()]
        # a nationality names no one a singular pronoun may stand for ("Any American rescue
        # operation would depend heavily on his approval", Multi-News dev 415)
        skip = DEMONYMS if m.group().lower() in SINGULAR_PERSONAL else frozenset()
        if not (_has_name(before[1:], skip=skip) or set(words(before)) & PERSON_WORDS):
            out.append(Referent(PERSON, m.group()))
    for m in _DEMONSTRATIVE.finditer(plain):
        phrase = _noun_phrase(plain, m.end())
        if not phrase or phrase[0] in SELF_EVIDENT or phrase[-1] in SELF_EVIDENT:
            continue
        stems = frozenset(stem(w) for w in phrase)
        if not stems & _stems(plain[: m.start()]):
            out.append(Referent(NOUN, m.group() + " ".join(phrase), stems))
            break
    for m in _THE.finditer(plain):
        found = _definite(plain, m.end())
        if found is None or re.search(r"\b(?:all|of)\s*$|[A-Z][\w.'’-]*,\s*$", plain[: m.start()]):
            continue
        head, end = found
        if says_which(plain[end:]) or _RESTRICTIVE.match(plain[end:]):
            continue
        earlier = plain[: m.start()]
        stems = frozenset({stem(head), *INTRODUCED_BY.get(head, ())})
        if stems & _stems(earlier):
            continue
        if head in _ORG_HEADS and _has_name(earlier[1:]):
            continue
        if head in _PEOPLE_HEADS and _FULL_NAME.search(earlier):
            continue
        kind = NAME if head in _ORG_HEADS | _PEOPLE_HEADS else NOUN
        out.append(Referent(kind, plain[m.start() : end], stems))
        break
    opening = _OPENING_THE.match(plain)
    if not lead and opening and not any(r.kind in (NOUN, NAME) for r in out):
        phrase = _noun_phrase(plain, opening.end())
        rest = plain[opening.end() :].split(None, len(phrase))
        after = rest[len(phrase)] if len(rest) > len(phrase) else ""
        # "The first issue is competition in local markets." (DUC 2004 D30045): an ordinal
        # before an item of a list names the item only after the list
        listed = bool(phrase) and phrase[-1] in LIST_ITEM_HEADS and bool(set(phrase) & _ORDINAL)
        if (
            phrase
            and phrase[-1] not in UNIQUE_HEADS
            and (listed or not set(phrase) & _ORDINAL)
            and not says_which(" " + after)
            and not _RESTRICTIVE.match(" " + after)
        ):
            named = phrase[-1:] if listed else phrase
            stems = frozenset({*(stem(w) for w in named), *INTRODUCED_BY.get(phrase[-1], ())})
            out.append(Referent(OPENING, "The " + " ".join(phrase), stems))
    thing = _OBJECT_IT.search(plain)
    if thing and len(words(plain[: thing.start()])) < EARLY_WORDS:
        out.append(Referent(THING, thing.group()))
    elif that := PRONOUN_THAT.search(plain):
        out.append(Referent(THING, that.group()))
    for m in HERE.finditer(plain):
        if not _PLACE_AFTER.match(plain, m.end()) and plain[m.end() : m.end() + 1] != "-":
            out.append(Referent(PLACE, "here"))
            break
    return tuple(out)


def _definite(text: str, pos: int) -> tuple[str, int] | None:
    """The anaphoric head of a definite description opened at `pos`, and where it ends."""
    for k, m in enumerate(_TOKEN.finditer(text, pos)):
        if k > 2:
            break
        tok = m.group()
        low = tok.lower()
        if low.endswith(("'s", "’s")) and low[:-2] in ANAPHORIC_HEADS and tok[:1].islower():
            return low[:-2], m.end()  # "the pair's company": the pair still needs a referent
        if low in ANAPHORIC_HEADS and tok[:1].islower():
            nxt = _TOKEN.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            if nxt and nxt.group() in COMPOUND_TAILS:
                return None
            return low, m.end()
        if (
            low in FUNCTION_WORDS
            or not (tok[:1].islower() or tok[:1].isdigit())
            or low.endswith(("'s", "’s"))
        ):
            return None
    return None


def _names_person(text: str) -> bool:
    """Whether `text` names one person: a person noun ("the officer"), a title and a name
    ("Sen. Hagel"), a full name ("Jon Tester") or a name as the subject of speech ("Kalashnikov,
    who", "Hagel said"); a lone "Global Rescue" or "Tennessee" does not."""
    if set(words(text)) & ONE_PERSON or _TITLE_NAME.search(text):
        return True
    return bool(_FULL_NAME.search(text) or _SPEAKING.search(text))


def introduces(referent: Referent, text: str) -> bool:
    """Whether `text`, read just before, gives what `referent` needs.

    Args:
        referent: from `unresolved`.
        text: the text the reader has read before the sentence (e.g. the previous sentence).

    Returns:
        True when it names a person (PERSON), uses the noun or a word that introduces it
        (NOUN), names anything (NAME) or uses the noun, or is any sentence of prose (THING:
        what "of it" names is in the sentence before); never for SPEAKER and PLACE, which only
        the sentence itself could give.
    """
    if referent.kind == PERSON and referent.span.lower() in SINGULAR_PERSONAL:
        return _names_person(text)
    if referent.kind == PERSON:
        return _has_name(text) or bool(set(words(text)) & PERSON_WORDS)
    if referent.kind == THING:
        return bool(words(text))  # any sentence of prose right before may name it
    if referent.kind in (NOUN, OPENING):
        return bool(referent.stems & _stems(text))
    if referent.kind == NAME:
        return _has_name(text) or bool(referent.stems & _stems(text))
    return False
