"""Coherence of an extract: which sentences need the one before them to be chosen with it.

Antecedents. A sentence that opens with a pronoun, a demonstrative, a discourse connective or a
definite description whose head the previous sentence introduced ("The group still controls ...")
reads as nonsense without that previous sentence. Instead of leaving such sentences out, the
selection ILP may choose one only together with its predecessor (x_s <= x_prev), the anaphoricity
constraint of Durrett, Berg-Kirkpatrick & Klein ("Learning-Based Single-Document Summarization
with Compression and Anaphoricity Constraints", ACL 2016); the order then keeps the pair together.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise

from synopsis.model.types import Sentence
from synopsis.summarizer.connectives import CONNECTIVE_PHRASE
from synopsis.summarizer.continuation import QUOTED_SPAN, continues
from synopsis.summarizer.features import DANGLING_STARTS
from synopsis.text import stem, words
from synopsis.text.dates import CALENDAR_WORDS
from synopsis.text.reference import (
    DEMONYMS,
    FUNCTION_WORDS,
    NAME_AFTER_COMMA,
    OPENING,
    PHRASE_ENDS,
    RESTRICTIVE_WORDS,
    ends_as_prose,
    introduces,
    says_which,
    unresolved,
)

__all__ = [
    "ANTECEDENT_STARTS",
    "abstract_anaphor",
    "antecedents",
    "first_word",
    "needs_antecedent",
    "with_companions",
]

# First words a sentence may open with when its predecessor is in the summary right before it:
# pronouns, demonstratives and connectives. First- and second-person openings ("We", "I", "You")
# are not among them: they need a speaker, which the previous sentence rarely names. "ultimately"
# ends a course of events told before ("Ultimately, the government decided against taking any
# action.", DUC 2004 D31033, seen in the output, where it read as said of today's lawsuit).
ANTECEDENT_STARTS = DANGLING_STARTS | frozenset(
    """
    there both another others hence besides accordingly anyway indeed though although while
    whereas here ultimately
    """.split()
)
# Personal pronouns that leave the reader asking "who?" when no name comes before them.
_PERSONAL = frozenset("he she they him his her them their".split())
_SUBJECT = frozenset("he she they".split())
_SINGULAR_PERSONAL = frozenset("he she him his her".split())
# Prepositions after which capitalized words are a place, not a person a later "he" stands for
# ("Like in Kenya, wildlife officials said he posed a threat", Multi-News dev 1208: a South
# African lion; both readers of A/B round 123 counted it). Not "from": "a letter from Smith said
# he ..." names the person.
_PLACE_BEFORE = frozenset("in at near outside across throughout".split())
# A pronoun this early in a sentence with no name before it refers outside the sentence ("On
# Friday, he said ..."); later ones usually follow their own antecedent. Set from the length of
# news sentences' opening phrases (a date, a place, a participle clause: up to ~7 words), not
# tuned on evaluation data.
PRONOUN_WINDOW = 8
# An article's sentences up to this index may be its lead even after a line that is not prose (a
# headline, a byline, a kicker: cleaned texts keep up to two such lines before the first
# sentence). Further down, a sentence after such a line (a subheading, a teaser link, "See more
# videos") is inside the story: its definite descriptions point back past the line, as after
# prose ("The Comedy Store was half-empty that night", Multi-News dev 5391, after "See more
# videos"; "Recalling Stapledon's description, ...", 5132, after a teaser link).
LEAD_INDEX = 2
# A sentence that opens with a quotation needs at least this many words outside the quotation
# marks to name its speaker ("..., Smith said.": a name and a verb, by definition, not tuned);
# otherwise the speaker is in the sentence before.
MIN_ATTRIBUTION_WORDS = 2
# Heads of definite descriptions that point back to something named before ("The group",
# "The move", "The two men") even when the previous sentence uses another word for it.
_ANAPHORIC_HEADS = frozenset(
    """
    group company firm organization organisation agency man woman men women boy girl couple pair
    suspect suspects gunman gunmen victim victims attacker attackers militants move deal
    decision plan agreement announcement incident
    """.split()
)
# Abstract nouns for a proposition told around them, Schmid's "shell nouns" ("English Abstract
# Nouns as Conceptual Shells", 2000): an opening "The answer, of course, is that it depends."
# answers the sentence before (DUC 2007 D0706-B); unless a phrase says which ("The reason for").
_SHELL_HEADS = frozenset(
    """answer problem reason result aim goal purpose idea solution irony
    upshot trouble catch question truth point difference lesson""".split()
)
_SHELL_SAYS_WHICH = re.compile(r"^\s*(?:with|for|to|in|about|between|behind|of|that)\b")
# Places an opening definite description names only by kind ("The nation imports all its fuel").
_PLACE_HEADS = frozenset("nation country city town village island region province capital".split())
# "this one", "these ones": a pro-form standing for a noun the sentence before gives ("If \"Wild\"
# touched your heart, this one may tickle your funny bone", Multi-News dev 2655, a film never
# named), though "one" ends other noun phrases as a function word.
_PRO_FORMS = frozenset({"one", "ones"})
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")
# A demonstrative determiner and its noun anywhere in a sentence ("Given these traits, ...").
_DEMONSTRATIVE_NP = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+([a-z][\w'’-]*)")
# Nouns a demonstrative takes without an antecedent: times ("this week") and quantities.
_SELF_EVIDENT = frozenset(
    """
    year years week weeks weekend month months morning afternoon evening night day days time
    times season summer winter spring fall autumn decade century hour hours moment way kind sort
    """.split()
)
# "that" before a noun that news writing refers back with ("Dispatchers had that information
# from a cell phone tracking device.", Multi-News dev 60, counted by a round-53 reader; "The
# Comedy Store was half-empty that night", 5391, round 48): unlike "this week", the time or the
# information is one told before. A closed list, since "that" before most nouns opens a clause
# ("said that police ...", "that day care centers"); of the 242 benchmark summaries, only these
# two stories' sentences (at both budgets) have such a phrase outside a quotation with nothing
# else needing the sentence before.
_THAT_NOUNS = frozenset(
    "night day morning afternoon evening week weekend month year time information decision".split()
)
# What someone said, named by its speaker with nothing saying what it was ("Samaranch
# disassociated himself from Hodler's allegations", DUC 2004 D30038, where a round-53 reader
# learned what Hodler alleged only in the last sentence). Of the sentences of DUC 2004 and
# Multi-News dev outside a lead that hold such a phrase and need no antecedent otherwise, all 6
# point back to the sentence or story before them. A description, statement, assertion,
# complaint or testimony named the same way ("Recalling Stapledon's description, physicist
# Freeman Dyson proposed ...", Multi-News dev 5132, counted by a round-62 reader; "Romney's
# campaign rejected Santorum's statement.") adds 8 such sentences; 6 point back, and the two
# others ("In 1996, Netscape's first complaint arrived.", "Ahmed's account was so specific _ he
# said ...") say what it was after it.
_SPOKEN_NP = re.compile(
    r"\b[A-Z][\w-]*['’]s\s+(?:[a-z]+\s+)?(?:allegations|claims|accusations|remarks|comments|"
    r"descriptions?|statements?|assertions?|complaints?|testimony)\b"
    r"(?!\s+(?:that|of|about|against|on|to)\b)"
)
# "such" that points back to the kind of thing told before ("Fausto Bertinotti seems to have no
# such compunctions", DUC 2004 D30055, counted by a round-58 reader; "Such concerns have turned
# this year's meeting ...", "Israel said it never made any such pledge"): a sentence that opens
# with "Such", or "no"/"any"/"all" + "such", not "such as" or the idiom "no such thing". Of the
# 25 source sentences of DUC 2004 and Multi-News dev outside a lead that match, all point back
# to something told before them ("Such a move", "Such exploration", "Such a cabinet").
_SUCH = re.compile(
    r"(?:^[\s\"'“‘(]*Such|\b(?:[Nn]o|[Aa]ny|[Aa]ll) such)\s+(?!(?:as|thing|things)\b)[a-z]"
)
_THAT_NP = re.compile(rf"\b[Tt]hat\s+({'|'.join(sorted(_THAT_NOUNS))})\b(?![\w'’-]|\s+care\b)")
# A definite description with an anaphoric head anywhere ("... the deal would ..."), unless a
# name or a restrictive phrase follows the head ("the group Hamas", "the man who").
_HEADS = "|".join(sorted(_ANAPHORIC_HEADS))
_DEFINITE_NP = re.compile(
    rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}?({_HEADS})\b(?!\s+(?:who|which|that|whose|of|"
    r"behind|responsible)\b|\s+[A-Z]|[’']s)"
)
# A definite description that counts its members ("the four hostages", "the three friends",
# "The two leaders"): the set was told before, unless the sentence names its members before it
# (two names or more: "If Netscape stayed ..., the two companies could be partners") or a
# phrase after it says which ("the two men who", "the 62 inmates held at ..."). Blind readers
# of round 58 counted "the four hostages" (DUC 2004 D30056) and "the three friends" (Multi-News
# dev 2534). Of the source sentences of DUC 2004 and Multi-News dev outside a lead with such a
# phrase (times and spans aside: "the two years"), 91 already needed the sentence before by
# another rule, and of a sample of 45 of the other 105 nearly all point back.
_COUNTED_NP = re.compile(
    r"\b[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+"
    r"([a-z][a-z-]*s)\b(?!\s+(?:who|which|that|whose|of|in|at|from|on|with|aboard|killed|"
    r"wounded|injured|arrested|charged|accused|involved|named|listed|identified|believed|held|"
    r"taken)\b|[’']|\s+[A-Z])"
)
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][a-z][\w'’-]*")
# A sentence written wholly inside parentheses: an aside to the sentence before it ("(All but one
# of the men's cases has been dismissed.)", "(Sizemore played the dissolute father who raised
# them.)", "(Even then, Michael Jackson takes the second slot ...)", Multi-News dev 618, read as
# unintroduced in round 66). Of the 17 such sentences of DUC 2004 and Multi-News dev that are
# otherwise eligible, all but one or two lean on the sentence before or are a caption or an aside
# to the reader ("(Perhaps you're a fan of stop-motion master Ray Harryhausen.)").
_ASIDE = re.compile(r"\s*\([^()]*\)[\"'”’]*\s*$")
# A subject "it" right after a short opening phrase that names nothing it could stand for ("For
# technologists, it's the ultimate revenge of the nerds.", Multi-News dev 4445, counted by the
# readability audit; "At the time, it was a tiny company", "Sure, it's not much"): like an
# opening "It", it stands for something told before. Not a dummy "it" whose clause follows it
# ("it might be prudent to hire", "it was assumed that", "it seems"), nor after a phrase with a
# noun of its own ("When the ruling came, it sent a strong signal") or a name, nor inside a
# quotation (the speaker's "it": '"By the way, it was a gun-free zone," he said').
_OPENING_IT = re.compile(
    r"^(?P<open>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}),\s+it\b(?P<rest>.*)$", re.DOTALL
)
_DUMMY_IT = re.compile(
    r"^(?:\W+[\w'’-]+){0,7}?\W+(?:that|to|whether|how|if|for)\b|"
    r"^\s+(?:seems|seemed|appears|appeared|turns|turned|remains|remained|emerged|takes|took)\b"
)
# "there" for a place told before ("A team went out there, hoping ...", Multi-News dev 3416,
# counted by a round-76 reader; "Once there, hundreds of audience members ...", 327), not the
# "there" of "there is" or "there came": a place's name before it in the sentence ("the shooting
# at Umpqua Community College ... there") says where.
_LOCATIVE_THERE = re.compile(
    r"\b[Tt]here\b(?!\s*(?:['’]s|is|are|was|were|has|have|had|will|would|could|may|might|must|"
    r"should|can|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed|being|been|"
    r"came|comes|lies|lay|goes|went|used)\b)"
)
_DETERMINERS = frozenset("a an the this that these those his her its their our my your".split())
# "the same ..." outside quotation marks compares with something told before ("With the same
# anniversary looming over Mr. Mubarak's trial, prosecutors began ...", Multi-News dev 2257,
# counted by a round-48 reader; "The Justice Department lawyers picked up the same thread", DUC
# 2004 D31033, counted in round 51; "Tests on human cells found the same result"), unless the
# sentence says what it is the same as: "as" in the next words, a relative word right after the
# noun ("The same polls that show Gore ...") or a clause's subject there ("On the same day
# Americans learned ..."), or the things compared are in the sentence ("both sides are citing
# the same rulings", "share the same home terrain"). Written from every "the same" of DUC 2004,
# DUC 2007 and Multi-News dev openings (55 sentences) and of this tree's 242 benchmark summaries
# (17), read.
_SAME = re.compile(r"\b[Tt]he same\s+(?=[a-z])")
_RECIPROCAL = re.compile(r"\b(?:both|each|all|share[sd]?|sharing|between|among)\b", re.IGNORECASE)
_SAME_AS = frozenset("as that which who whom where when whose".split())
# Words after "the same" looked at for an "as" ("the same block as ..."); "that" counts only right
# after a one-word noun, since "The same study found that ..." compares with an earlier study.
SAME_AS_WINDOW = 4
# A connective set off after the subject ("The Islamic-oriented Virtue Party, however, withheld
# immediate support ...", DUC 2004 D31009; "The Palestinians, meanwhile, pressed ahead"): it
# links to what the sentence before told, as an opening "However" does. Not in a quotation.
_INNER_CONNECTIVE = re.compile(
    r"[^\"“'‘,][^,]{0,60},\s+(?:however|though|meanwhile|instead|in turn|nevertheless|"
    r"nonetheless|moreover|furthermore|therefore|thus|likewise|in contrast|by contrast|"
    r"in addition|for (?:its|his|her|their) part),"
)
# A demonstrative as the subject ("This is ...", "That's ...", "That means ..."): it stands for a
# whole proposition, which even the previous sentence rarely pins down; never eligible.
_ABSTRACT = re.compile(
    r"[\"'“‘(]*(?:This|That|These|Those)(?:['’]s\b|\s+(?:is|was|are|were|has|had|have|means|"
    r"meant|will|would|could|may|might|comes|came|includes|included|makes|made|leads|led)\b)"
)
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


def first_word(text: str) -> str:
    """The sentence's first word, lowercased ("" when it opens with no word).

    Args:
        text: a sentence.

    Returns:
        Its first word, past any opening quote or parenthesis.
    """
    m = _FIRST_WORD.match(text)
    return m.group(1).lower() if m else ""


def abstract_anaphor(text: str) -> bool:
    """Whether a sentence opens with a demonstrative standing for a proposition ("This is ...").

    Args:
        text: a sentence.

    Returns:
        True for "This is", "That's", "These were", "That means" and the like.
    """
    return _ABSTRACT.match(text) is not None


def _definite_head(text: str) -> tuple[str, str] | None:
    """The head noun of an opening "The ..." of lowercase words, and the text after the head."""
    found = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in found]
    if len(tokens) < 3 or tokens[0] != "The":
        return None
    for k in range(1, min(4, len(tokens) - 1)):
        tok, after = tokens[k], tokens[k + 1]
        low = tok.lower()
        rest = text[found[k].end() :]
        if not (tok[:1].islower() or tok[:1].isdigit()) or low in FUNCTION_WORDS:
            return None
        if low in _ANAPHORIC_HEADS:
            return (low, rest)
        if not after[:1].islower() or after.lower() in FUNCTION_WORDS | RESTRICTIVE_WORDS:
            return (low, rest)
        if PHRASE_ENDS.match(after):
            return (low, rest)
    return None


def _same_as_before(spoken: str) -> bool:
    """Whether the sentence says "the same ..." of something it does not name (quotes blanked)."""
    for m in _SAME.finditer(spoken):
        if _RECIPROCAL.search(spoken[: m.start()]):
            continue
        after = spoken[m.end() :].split()[:SAME_AS_WINDOW]
        low = [w.strip(",;:").lower() for w in after]
        if "as" in low or (len(low) > 1 and low[1] in _SAME_AS) or low[0].endswith("ed"):
            continue  # "the same block as", "the same polls that show", "the same occurred"
        if len(after) > 1 and not after[0].endswith(","):
            word = after[1].strip(",;:")  # "day Americans learned": a clause says which day
            if word[:1].isupper() and word.lower() not in CALENDAR_WORDS:
                continue
        return True
    return False


def needs_antecedent(text: str, previous: str | None, *, in_lead: bool = True) -> bool:
    """Whether a sentence needs the sentence before it in its article to make sense.

    Args:
        text: the sentence as the summary would show it.
        previous: the sentence before it in the same article, or None for a lead.
        in_lead: whether the sentence may be its article's lead (index <= LEAD_INDEX); below
            the lead, a line that is not prose before it (a subheading, a teaser link) does
            not make its noun phrases first mentions.

    Returns:
        True for an opening pronoun, demonstrative or connective (a word, or a phrase such as "In
        all" or "Later"), a sentence wholly in parentheses (an aside), a connective set off after
        the subject ("The party, however, ..."), an interview's answer ("When asked ..., he said"),
        a reply ("..., replied that ..."), a sentence after one that ends in a colon (an item of the
        list or exchange it introduces: "... 98 advertisers ...:" "The list includes ..."), a named
        subject that "went on to" do something (not in a lead), a quotation with no speaker or with
        a pronoun for its speaker ('"...," he said'), a quotation that "continued" one before it
        ('"No sir," Smith continued.'), a pro-verb for an action told before ("The Executive Branch
        does so ..."), time counted from an event the sentence does not tell ("arrived five minutes
        later."), a clause whose verb phrase is left out ("In her case, it seems to have."), a
        subject pronoun before any name, a subject "it" after a short opening phrase that names
        nothing it could stand for ("For technologists, it's ..."), a demonstrative noun phrase
        ("these traits", "that night"), "the same ..." with nothing saying the same as what
        ("Under the same law, ..."), what someone said named only by its speaker ("Hodler's
        allegations"), "such" pointing back ("no such compunctions"), a counted set ("the four
        hostages") or a definite description that always points back ("the group", "the deal")
        whose noun the sentence has not used before it (these six not in a lead, where a noun
        phrase is the article's own first mention), or an opening definite description whose head
        the previous sentence uses ("The militants") or that names a place by its kind ("The
        nation").
    """
    if first_word(text) in ANTECEDENT_STARTS or CONNECTIVE_PHRASE.match(text):
        return True
    if _ASIDE.match(text):
        return True  # an aside to the sentence before
    if _INNER_CONNECTIVE.match(text) or continues(text, previous):
        return True
    if _opening_it(text):
        return True
    matched = list(_TOKEN.finditer(text))
    tokens = [m.group() for m in matched]
    spans = [m.span() for m in matched]
    place, last_place = False, -2
    for k, tok in enumerate(tokens[:PRONOUN_WINDOW]):
        low = tok.lower()
        if low in _PERSONAL:
            if place:
                if low in _SINGULAR_PERSONAL:
                    return True  # "Like in Kenya, wildlife officials said he posed a threat"
                break  # "In Kenya, they ...": the place's people, as before
            return low in _SUBJECT or not NAME_AFTER_COMMA.match(text)
        if k > 0 and tok[:1].isupper() and low not in CALENDAR_WORDS and low not in DEMONYMS:
            after = tokens[k - 1].lower() in _PLACE_BEFORE or (
                last_place == k - 1 and text[spans[k - 1][1] : spans[k][0]] == " "
            )
            if after and tokens[0].lower() in FUNCTION_WORDS:
                # a place ("in Cedar Rapids") after an opening word that is no name
                place, last_place = True, k
                continue
            break  # a name the pronoun may stand for (not "American" in "An American rescue")
    spoken = QUOTED_SPAN.sub(lambda m: " " * len(m.group()), text)  # quotes speak for themselves
    if text.lstrip()[:1] in '"“' and len(_TOKEN.findall(spoken)) < MIN_ATTRIBUTION_WORDS:
        return True  # a quotation with no speaker: the sentence before names who speaks
    # Inside a lead (no sentence of prose before it), a noun phrase is the article's own first
    # mention; only an opening word or quotation can dangle there.
    after_prose = previous is not None and (ends_as_prose(previous) or not in_lead)
    if after_prose and _same_as_before(spoken):
        return True
    there = _LOCATIVE_THERE.search(spoken) if after_prose else None
    if there and not any(
        w[:1].isupper() and w.lower() not in CALENDAR_WORDS
        for w in _TOKEN.findall(spoken[: there.start()])[1:]
    ):
        return True  # "went out there": the place is in the sentence before
    noun_phrases = (*_DEMONSTRATIVE_NP.finditer(spoken), *_DEFINITE_NP.finditer(spoken))
    for m in noun_phrases if after_prose else ():
        noun = m.group(1).lower()
        if noun in _SELF_EVIDENT or noun in FUNCTION_WORDS - _PRO_FORMS:
            continue  # "this is ...": a pronoun, which the opening-word test judges
        if not _used_in(noun, spoken[: m.start()]):
            return True
    if after_prose and (_SPOKEN_NP.search(spoken) or _SUCH.search(spoken)):
        return True
    for m in _COUNTED_NP.finditer(spoken) if after_prose else ():
        ahead = spoken[: m.start()]
        if m.group(1) in _SELF_EVIDENT or len(_NAME_WORD.findall(ahead)) >= 2:
            continue
        if not _used_in(m.group(1), ahead):
            return True
    for m in _THAT_NP.finditer(spoken) if after_prose else ():
        ahead = spoken[: m.start()]
        # "died Friday, late that night"
        dated = any(w.lower() in CALENDAR_WORDS for w in words(ahead))
        if not dated and not _used_in(m.group(1), ahead):
            return True
    found = _definite_head(text)
    if found is None:
        return False
    head, rest = found
    if head in _SHELL_HEADS and after_prose and not _SHELL_SAYS_WHICH.match(rest):
        return True  # before `says_which`, which reads ", of course," as "of"
    if says_which(rest.lstrip(" ,")):  # "The bank, which will set monetary policy ..." says which
        return False
    if head in _PLACE_HEADS and after_prose:
        return True
    return previous is not None and _used_in(head, previous)


def _opening_it(text: str) -> bool:
    """Whether the subject "it" after a short opening phrase stands for something told before."""
    m = _OPENING_IT.match(text)
    if m is None or _DUMMY_IT.match(m.group("rest")):
        return False
    opening = m.group("open").split()
    if any(w[:1].isupper() for w in opening[1:]):
        return False  # a name it may stand for
    return not any(
        w.lower() in _DETERMINERS and nxt.lower() not in _SELF_EVIDENT
        for w, nxt in pairwise(opening)
    )


def _used_in(noun: str, text: str) -> bool:
    """Whether `text` uses the noun (any word of the same stem)."""
    return stem(noun) in {stem(w) for w in words(text)}


def antecedents(
    sentences: Sequence[Sentence],
    texts: Sequence[str],
    *,
    only: Collection[int] | None = None,
) -> dict[int, int | None]:
    """The sentences that need their predecessor, each with its predecessor's position.

    Args:
        sentences: all sentences of the story.
        texts: what each would read as in the summary (aligned with `sentences`).
        only: positions to judge (e.g. the sentences that may be chosen); default all.

    Returns:
        Position of each sentence that needs an antecedent to the position of the sentence before
        it in its article, or None when nothing in an extract can supply it: no sentence before
        it, or a referent (`synopsis.text.reference.unresolved`: a pronoun, "the deal", "these
        traits", an unattributed quotation, "here") that the sentence before does not introduce
        either. Such a sentence is never chosen.
    """
    where = {(s.article_id, s.index): k for k, s in enumerate(sentences)}
    needs: dict[int, int | None] = {}
    for k in range(len(sentences)) if only is None else sorted(only):
        s = sentences[k]
        prev = where.get((s.article_id, s.index - 1))
        before = texts[prev] if prev is not None else None
        if prev is not None and _colon_set_as_stop(sentences[prev].text, texts[prev]):
            # inside the quotation or list that colon introduced, which the summary never shows
            # as such ("They've specifically asked that you schedule their commercials ...",
            # Multi-News dev 721: a memo quoted as a block after "... obtained by Radio-Info.com,
            # laying out the growing reach of the advertiser exodus ...:")
            needs[k] = None
            continue
        referents = unresolved(texts[k], lead=s.index <= 1)
        if referents:
            # the sentence before must give every referent, or nothing in an extract can
            given = before is not None and all(introduces(r, before) for r in referents)
            # an opening description is often the previous sentence's topic in other words
            # ("... the fire spread." "The blaze ..."): shown right after it, it reads
            soft = all(r.kind == OPENING for r in referents if not introduces(r, before or ""))
            needs[k] = prev if given or (before is not None and soft) else None
        elif needs_antecedent(texts[k], before, in_lead=s.index <= LEAD_INDEX):
            needs[k] = prev
    return needs


def released(
    needs: Mapping[int, int | None],
    alone: Mapping[int, tuple[str, int]],
    sentences: Sequence[Sentence],
    texts: Sequence[str],
) -> dict[int, int]:
    """The sentences that need their predecessor only for an opening the rewriter will name
    where they stand alone ("Breiner has been charged ..." for "He has been charged ...",
    Multi-News dev 2377; `synopsis.rewrite.standalone_opening`).

    Args:
        needs: the antecedents (`antecedents`).
        alone: sentence position to its text as the rewriter would write it alone and the words
            that adds.
        sentences: all sentences of the story.
        texts: what each would read as in the summary.

    Returns:
        Position to the words to reserve for the name, for each that then needs nothing before.
    """
    if not alone:
        return {}
    where = {(s.article_id, s.index): k for k, s in enumerate(sentences)}
    out: dict[int, int] = {}
    for k, (text, added) in alone.items():
        if k not in needs:
            continue
        s = sentences[k]
        prev = where.get((s.article_id, s.index - 1))
        before = texts[prev] if prev is not None else None
        if not unresolved(text, lead=s.index <= 1) and not needs_antecedent(
            text, before, in_lead=s.index <= LEAD_INDEX
        ):
            out[k] = added
    return out


def _colon_set_as_stop(source: str, shown: str) -> bool:
    """Whether a sentence ends in a colon in its article and in a full stop in the summary
    (`synopsis.summarizer.compress`: a whole clause before a block the summary does not show)."""
    return source.rstrip().endswith(":") and not shown.rstrip().endswith(":")


def with_companions(
    cands: list[int], needs: dict[int, int | None], revised: Mapping[int, Collection[int]]
) -> list[int]:
    """Candidates that can be chosen with what they need.

    Args:
        cands: candidate sentence positions.
        needs: sentence -> the antecedent it must be chosen with (`antecedents`).
        revised: sentence -> the sentences one of which it must be chosen with (a figure and
            the newer reports that revised it).

    Returns:
        `cands` without the sentences whose antecedent, or every companion, is not (after the
        same removal, repeated) among them.
    """
    while True:
        kept = _with_antecedents(cands, needs)
        left = set(kept)
        kept = [i for i in kept if i not in revised or any(a in left for a in revised[i])]
        if kept == cands:
            return kept
        cands = kept


def _with_antecedents(cands: list[int], needs: dict[int, int | None]) -> list[int]:
    """`cands` without the sentences whose needed antecedent is not (transitively) among them."""
    kept = set(cands)
    changed = True
    while changed:
        changed = False
        for i in sorted(kept):
            if i in needs and needs[i] not in kept:
                kept.discard(i)
                changed = True
    return [i for i in cands if i in kept]
