"""Who a person is: the role the cited article gives a name, written at its first mention.

An extract keeps a name and loses the words that said who it was: "Shanda Ince called Kameron
'the kindest-hearted little boy ...'" leaves a newcomer asking who Shanda Ince is, though the
article wrote "First-grade teacher Shanda Ince". News writing introduces a person by role at the
first mention and by name alone later, and Nenkova ("Entity-driven rewrite for multi-document
summarization", IJCNLP 2008) found that readers of extracts prefer first mentions rewritten with
the premodifiers of the source's first mention. So a person's first mention in the summary
carries the role the cited article writes right before that full name ("First-grade teacher",
"restaurant manager", "Mali's former foreign minister"), copied from the article as one span,
when the summary gives the name without one. Failing a premodifier, an apposition the article
closes with a comma ("Imani Gandy, senior legal analyst at RH Reality Check, wrote ...") is
copied with the name as one span, when the summary's name is followed by its verb, so the
commas are the article's own; an apposition that ends its sentence ("Shanda Ince, Kameron's
first-grade teacher.") would need punctuation the article does not write there, and is left.
When the cited article gives the name no role, another article of the story that does lends
it, and the sentence cites that article too (`_may_borrow` says where: a person the sentence
does not already say anything of, and no role dated to its article's time, "former").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from synopsis.model.aligned import Draft, Inserted, Resolve
from synopsis.rewrite._draft import source_span
from synopsis.text.given_names import is_given_name
from synopsis.text.quotes import quoted
from synopsis.text.reference import ROLE_NOUNS

__all__ = ["FORMAL_TITLES", "ROLE_NOUNS", "ROLE_TITLES", "introduce_roles", "role_before"]

# Offices that are formal titles before a name: AP style capitalizes them there wherever the
# name stands ("President Leonid Kuchma called", "refused President Leonid Kuchma's decree"),
# as against occupations and relations, which a sentence's opening capital alone makes look like
# one ("Archaeologist Giles Hamm led", "the archaeologist" inside a sentence).
FORMAL_TITLES = frozenset(
    """
    president minister ambassador governor senator congressman congresswoman mayor judge
    general colonel captain lieutenant sergeant commander sheriff detective secretary chairman
    chairwoman bishop rabbi imam pastor priest premier chancellor speaker commissioner king
    queen prince princess pope
    """.split()
)
# Abbreviated titles, which stand for a role the same way ("Sen. Chuck Hagel", "Det. Lisa
# Gardner"); the courtesy titles Mr., Mrs. and Ms. say nothing of who a person is.
ROLE_TITLES = frozenset(
    "sen. rep. gov. gen. lt. col. sgt. capt. cmdr. adm. prof. rev. dr. det. insp. supt.".split()
)
_ROLE_HEADS = ROLE_NOUNS | ROLE_TITLES
# Relations, whose meaning needs the one they relate to: after a possessive ("my friend Anwar
# Ibrahim", "their jailed friend Anwar Ibrahim", "his wife Jane") the role without it reads
# "because of friend Anwar Ibrahim's arrest" (DUC 2004 D30008, read in the output), so such a
# role is not taken; written alone ("Neighbor Dan Aguliar") it stands.
_RELATIONS = frozenset(
    """
    friend boyfriend girlfriend fiance fiancee roommate father mother son daughter brother sister
    wife husband uncle aunt nephew niece cousin grandmother grandfather grandson granddaughter
    widow neighbor neighbour classmate
    """.split()
)
_POSSESSIVES = frozenset("my your his her its our their".split())
# Words that end a role going back from its head: articles, speech verbs, prepositions and
# conjunctions stand before a role, never inside one ("told first-grade teacher Shanda Ince").
_BEFORE_ROLE = frozenset(
    """
    the a an this that these those said says told tells added according by to with for from of
    in on at as and or but after before when while than like including whom who which his her
    their its our my your
    """.split()
)
# Words after which a lowercase word is a verb, not a modifier of a role (DUC 2004 D30007's
# "campaign to oust President Laurent Kabila" gave the role "oust President").
_VERB_MARKERS = frozenset("to will would could can must should may might did does do".split())
# Words a role may hold besides its head: modifiers, possessives and titles ("Mali's former
# foreign", "First-grade", "Bexar County", "Kameron's"). At most MAX_ROLE_WORDS words in all,
# head included: longer premodifiers are rare in news and usually hold a clause.
MAX_ROLE_WORDS = 4
_ROLE_WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*")
# A person's name as a summary writes it: two to four capitalized words ("Shanda Ince", "Mohamed
# Ag Erlaf", "Steven T. O'Neill"), a possessive "'s" left outside.
_FULL_NAME = re.compile(
    r"(?<![\w'’-])[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?"
    r"(?:\s+(?:[A-Z]\.|[A-Z][a-z]+(?:['’-][A-Z][a-z]+)?|bin|al|van|von|de|da|du|la|le)){1,3}"
    r"(?![\w-])(?!['’](?!s\b))"
)
# What after a name already says who the person is: an apposition or a parenthesis.
_APPOSITION = re.compile(r"\s*(?:,\s+(?:(?:a|an|the|who|whose|his|her|their)\b|\d)|\()")
_SENTENCE_START = re.compile(r"^[\s\"“‘'(]*$")


def role_before(source: str, start: int) -> tuple[int, str] | None:
    """The role the article writes right before the name at `source[start:]`, if any.

    Args:
        source: the article's text.
        start: where a person's full name starts in it.

    Returns:
        (where the role starts, the role's words) for a premodifier of at most MAX_ROLE_WORDS
        words whose last word is a role noun (`ROLE_NOUNS`) and that starts its line or
        sentence or follows punctuation or a function word ("said", "by", "the"); None
        otherwise, and None for a relation after a possessive ("my friend") or a role inside
        a quotation.
    """
    line_start = source.rfind("\n", 0, start) + 1
    head = source[line_start:start]
    tokens = list(_ROLE_WORD.finditer(head))
    if not tokens or tokens[-1].end() != len(head) - 1 or not head.endswith(" "):
        return None
    if tokens[-1].group().lower() not in _ROLE_HEADS:
        return None
    first = len(tokens) - 1
    while first > 0:
        prev = tokens[first - 1]
        word = prev.group()
        if head[prev.end() : tokens[first].start()] != " " or word.endswith("."):
            break  # punctuation or a sentence's end before the role
        if word.lower() in _BEFORE_ROLE or word.lower() in _VERB_MARKERS:
            break  # an auxiliary is no modifier: "Why did House Speaker John Boehner" (1920)
        if word.islower() and first > 1 and tokens[first - 2].group().lower() in _VERB_MARKERS:
            break  # a verb after "to" or a modal: "a campaign to oust President Laurent Kabila"
        if (
            word.islower()
            and word.endswith("ed")
            and first > 1
            and tokens[first - 2].group().lower() not in _BEFORE_ROLE
        ):
            break  # a past tense after its subject: "The U.N. court convicted camp commander
            # Zdravko Mucic" (DUC 2004 D30051) gave "court convicted camp commander"
        if len(tokens) - first >= MAX_ROLE_WORDS:
            return None  # a longer run: maybe a clause, not a premodifier
        first -= 1
    relation = tokens[-1].group().lower() in _RELATIONS
    if relation and first > 0 and tokens[first - 1].group().lower() in _POSSESSIVES:
        return None  # "my friend Anwar Ibrahim": a relation of someone else
    if quoted(head, tokens[first].start()):
        return None  # a speaker's own words ("how my friend ... has been treated")
    return line_start + tokens[first].start(), head[tokens[first].start() : -1]


# An apposition after a full name that says who the person is: up to three words (an article,
# lowercase modifiers, a possessive) before a role noun, then at most MAX_APPOSITION_WORDS words
# in all before the comma that closes it ("senior legal analyst at RH Reality Check,", "a
# spokesman for the ministry,"). Longer ones usually hold a clause and cost more words than the
# summary has spare. Set by reading Multi-News dev output, not by a score: 12 admits the
# 11-word apposition of "Imani Gandy" (3580), whom a diagnostic reader of 2026-12-06 asked about;
# at 200 words 2 of the 96 stories offer an apposition at all, and both go for want of words.
MAX_APPOSITION_WORDS = 12
_APPOSITION_BODY = re.compile(r",[ \t]+(?P<body>[^,.;:!?\"“”()\n]+),")
_ARTICLES = frozenset("a an the".split())
_BEFORE_ROLE_NO_ARTICLE = _BEFORE_ROLE - _ARTICLES
_CLAUSE_WORDS = frozenset("who whose which that when where said says told".split())


def role_after(source: str, end: int) -> tuple[int, str] | None:
    """The apposition the article writes right after the name ending at `source[:end]`, if any.

    Args:
        source: the article's text.
        end: where a person's full name ends in it.

    Returns:
        (where the apposition's closing comma ends, the apposition's words) for an apposition
        of at most MAX_APPOSITION_WORDS words, closed by a comma, whose head is a role noun
        (`ROLE_NOUNS`, singular or plural) among its first four words, after nothing but an
        article, lowercase modifiers or a possessive ("senior legal analyst at ...", "the
        company's chief executive"), with no clause ("who ...") and not inside a quotation;
        None otherwise.
    """
    m = _APPOSITION_BODY.match(source, end)
    if m is None or quoted(source, end):
        return None
    tokens = m.group("body").split()
    if not tokens or len(tokens) > MAX_APPOSITION_WORDS:
        return None
    if {t.lower() for t in tokens} & _CLAUSE_WORDS:
        return None
    for k, token in enumerate(tokens[:4]):
        low = token.lower()
        if low in ROLE_NOUNS or (low.endswith("s") and low[:-1] in ROLE_NOUNS):
            return m.end(), m.group("body")
        possessive = token.endswith(("'s", "’s"))
        if not ((low in _ARTICLES and k == 0) or token.islower() or possessive):
            return None  # a name, a number or a preposition first: no role ("Ohio", "25")
        if low in _BEFORE_ROLE_NO_ARTICLE:
            return None
    return None


def _opens_sentence(source: str, at: int) -> bool:
    """Whether offset `at` of the article starts a line or a sentence (a positional capital)."""
    before = source[:at].rstrip(" \t\"“‘'(")
    return before == "" or before.endswith(("\n", ".", "!", "?", ":"))


def _written_name(draft: Draft, start: int, end: int) -> bool:
    """Whether draft.text[start:end] is a name the name rules wrote (one whole inserted piece)."""
    pos = 0
    for piece in draft.pieces:
        if isinstance(piece, Inserted):
            if pos == start and pos + len(piece.text) == end:
                return isinstance(piece.why, Resolve) and piece.why.rule == "full_name"
            pos += len(piece.text)
        else:
            pos += piece.end - piece.start
        if pos > start:
            return False
    return False


def _has_role(text: str, start: int, end: int) -> bool:
    """Whether the summary already says who the person at text[start:end] is."""
    words = text[:start].split()
    prev = words[-1].rstrip(",") if words else ""
    low = prev.lower()
    plural = low.endswith("s") and low[:-1] in _ROLE_HEADS  # "opposition party leaders Prince ..."
    if prev and (low in _ROLE_HEADS or plural or prev[:1].isupper() or prev.endswith(("'s", "’s"))):
        return True  # "Neighbor Dan Aguliar", "Sheriff Javier Salazar", "Cosby's publicist, ..."
    return _APPOSITION.match(text, end) is not None


def introduce_roles(
    draft: Draft,
    article: str,
    source: str,
    before: str,
    others: Mapping[str, str] | None = None,
) -> Draft:
    """Write before a person's first mention the role the cited article gives that name.

    Args:
        draft: the sentence (after the name edits: full names already written).
        article: id of the article it comes from (the cited article).
        source: that article's text.
        before: what the summary says before this sentence; a name whose last word it holds is
            not a first mention.
        others: the story's other articles' texts by id, in story order: when the cited article
            writes the name with no role, the first of them that does gives it (the edit then
            cites that article: "Joseph Curi, president of the Sao Paulo State Association of
            Small Industries," was written in another article than the one cited, DUC 2004
            D30048, whose reader of blind round 126 asked who Curi was; at 100 words no words
            were spare for it).

    Returns:
        The edited draft: a `Resolve` ("role") edit per name given its role, each replacing the
        name with the article's own span "ROLE NAME" (at the name's first occurrence with a
        role). At a sentence's start the role must be capitalized in the article; inside a
        sentence it must not be, unless the article capitalizes it inside a sentence too
        ("Bexar County Sheriff").
    """
    out = draft
    earlier = set(re.findall(r"[A-Z][\w'’-]*", before))
    names = list(_FULL_NAME.finditer(draft.text))
    texts = [(article, source), *((k, t) for k, t in (others or {}).items() if k != article)]
    for k in reversed(range(len(names))):
        m = names[k]
        surname = m.group().split()[-1]
        if surname in earlier or any(n.group().split()[-1] == surname for n in names[:k]):
            continue  # named before, in the summary or in this sentence
        if quoted(out.text, m.start()) or _has_role(out.text, m.start(), m.end()):
            continue
        copied = source_span(out, m.start(), m.end()) is not None
        if not (copied or _written_name(out, m.start(), m.end())):
            continue  # only a name copied, or written in full by the name rules, is replaced
        for where, text in texts:
            if where != article and not _may_borrow(out.text, m.start(), m.end()):
                break
            own = where == article
            written = _with_role_before(out, where, text, m.start(), m.end(), own=own)
            if written is out:
                written = _with_apposition(out, where, text, m.start(), m.end())
            if written is not out:
                out = written
                break
    return out


# What before a name in the summary already says who the person is: a role head among the
# words just before it ("Under secretary of State for management Patrick Kennedy"), or a comma
# (the name is itself an apposition: "The head of the European Central Bank ..., Wim
# Duisenberg"). What after it may: a comma ("Bhichai Rattakul, deputy prime minister and ...",
# "Howard Schultz, Starbucks' chief executive, ...").
_WORDS_BEFORE = 5
# Words that date a role to its article's time: "former President Ronald Reagan" from an
# obituary, written into a sentence on the 1980 nomination (Multi-News dev 3690), would be false.
_DATED_ROLE = frozenset("former late then ex onetime retired outgoing incoming new".split())


def _may_borrow(text: str, start: int, end: int) -> bool:
    """Whether a role another article writes may be given to the name at text[start:end]: a
    person's name (a given name first), said nowhere in the sentence to be anyone yet."""
    if not is_given_name(text[start:end].split()[0]):
        return False  # "North Korean", which "the official North Korean capital" made a name
    before = text[:start].rstrip()
    if before.endswith(","):
        return False
    near = re.split(r"[.,;:!?]", before)[-1].split()[-_WORDS_BEFORE:]
    if any(w.lower().strip("'’") in _ROLE_HEADS for w in near):
        return False
    return not text[end:].startswith(",")


def _with_role_before(
    draft: Draft, article: str, source: str, start: int, end: int, *, own: bool
) -> Draft:
    """The name at draft.text[start:end] with the role `source` writes right before it, if any.
    From another article than the cited one (`own` False), only a title or a role of two words
    or more: a lone noun written there may need what its article said before it ("founder John
    F. Kennedy Jr." for the magazine's founder)."""
    name = draft.text[start:end]
    at_start = _SENTENCE_START.match(draft.text[:start]) is not None
    for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source):
        found = role_before(source, hit.start())
        if found is None:
            continue
        role_start, role = found
        positional = _opens_sentence(source, role_start)
        if at_start and not role[:1].isupper():
            continue
        title = role.split()[-1].lower() in FORMAL_TITLES
        if not own and len(role.split()) < 2 and not title and role.lower() not in ROLE_TITLES:
            continue
        if not own and {w.lower() for w in role.split()} & _DATED_ROLE:
            continue
        if not at_start and role[:1].isupper() and positional and not title:
            continue  # "Archaeologist" capitalized by opening the article's sentence
        why = Resolve(article, role_start, hit.end(), "role")
        return draft.replace(start, end, source[role_start : hit.end()], why)
    return draft


# What may follow the name in the summary for an apposition to stand after it: a space and a
# lowercase word (its verb: "Imani Gandy has collected", "Soraya Chemaly added").
_VERB_NEXT = re.compile(r" (?=[a-z])")


def _with_apposition(draft: Draft, article: str, source: str, start: int, end: int) -> Draft:
    """The name at draft.text[start:end] followed by the article's apposition, when it has one
    closed by a comma and the summary's name is followed by its verb."""
    name = draft.text[start:end]
    if not _VERB_NEXT.match(draft.text, end):
        return draft
    for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", source):
        found = role_after(source, hit.end())
        if found is None:
            continue
        stop, _ = found
        why = Resolve(article, hit.start(), stop, "role")
        return draft.replace(start, end, source[hit.start() : stop], why)
    return draft
