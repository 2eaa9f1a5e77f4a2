"""Names in a summary: full at the first mention, short later, and for dangling references.

Extracts lose the mentions that introduced a person, so a summary opens with "Abadi said" or
"He said". Following Nenkova ("Entity-driven rewrite for multi-document summarization", IJCNLP
2008) and Siddharthan, Nenkova & McKeown ("Syntactic simplification for improving content
selection in multi-document summarization", COLING 2004), a person's first mention in the summary
carries the full name and later mentions the short form, each as the cited article writes it
(a person it never names in full, "Mr. Bauer", takes the full name another article of the story
writes for the one person of that surname, "Shane Bauer", and the sentence then cites that
article too; a later full name whose article never writes the surname alone is shortened to its
own last word when another article of the story does write it alone, so "Morris Dees ... Morris
Dees" does not read as two introductions; a name listed beside another full name keeps its full
form; an organization's acronym is spelled out the same way, in `synopsis.rewrite.acronyms`); a
sentence-initial "He"/"She" whose article names exactly one person, as a subject or speaker, in
the sentences just before it, or "The group"/"The company" after an organization, is replaced by
that name. Every name written is a `Resolve` edit pointing at where an article the sentence
cites writes it. People the entity list misses are written in full by `rewrite.surnames`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from synopsis.model.aligned import Copied, Draft, Resolve, ResolveRule
from synopsis.rewrite._draft import source_span, wire_credit
from synopsis.rewrite.people import (
    COURTESY,
    SPEECH_AFTER,
    Name,
    People,
    full_spelling_in,
    inside_full_spelling,
    name_pattern,
    occurrence,
    one_person,
)
from synopsis.rewrite.roles import FORMAL_TITLES, ROLE_NOUNS
from synopsis.text import STOPWORDS, WEEKDAYS
from synopsis.text.given_names import is_given_name
from synopsis.text.quotes import quoted
from synopsis.text.surnames import person_position

# Sentences of the source article read before a dangling "He" or "The group" for its referent:
# the antecedent of a sentence-initial pronoun in news is almost always in the previous one or two
# sentences (checked by eye on DUC 2004 and Multi-News dev summaries with a dangling "He").
CONTEXT_SENTENCES = 2

# An organization named by one word only when it is an acronym ("NATO", "FUNCINPEC"): one
# capitalized word typed "organization" by the analyzer is as often a place ("Albany").
_ACRONYM = re.compile(r"[A-Z][A-Z&.-]{1,9}")
# What may come before a name that is its sentence's subject: nothing, or a few capitalized
# words (a title: "Sheriff", "Dr.", "Former President"), after an optional opening phrase that
# ends in a comma ("A banker-turned-politician, Gamal began ...").
_SUBJECT_PREFIX = re.compile(r"(?:[^,;:\"“”()]{1,80},\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}")
_OTHER_GENDER = {
    "He": re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b"),
    "She": re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b"),
}
_PRONOUN = re.compile(r"^(?:He|She)\s+(?=[a-z])")
# "He"/"She" as the subject right after a short opening phrase ("By the time the uprising broke
# out on Jan. 25, he was in charge"): the phrase names no one, so the pronoun points outside the
# sentence just as a sentence-initial one does. The phrase holds no quotation, parenthesis or
# clause break, and at most LATE_PRONOUN_WORDS words (news sentences' opening phrases: a date, a
# place, a time clause, rarely longer than a dozen words; a round value, not tuned).
LATE_PRONOUN_WORDS = 12
_LATE_PRONOUN = re.compile(r"^(?P<lead>[^,;:\"“”()]{3,120}),\s+(?P<pronoun>he|she)\s+(?=[a-z])")
_PERSONAL_IN_LEAD = re.compile(r"\b(?:he|she|his|her|him|they|their|them)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(r"^The\s+(?:group|company|organization|organisation|militia)\b")
# Words before a name that make it part of a longer name or a title the summary already gives.
# Articles before a surname make it a thing or a description named after the person ("the
# Kalashnikov assault rifle", "a Clinton aide"): not a mention of the person.
_ARTICLES = frozenset({"the", "a", "an"})
_WEEKDAYS = frozenset(d.capitalize() for d in WEEKDAYS)
_COURTESY_BEFORE = re.compile(rf"\b(?:{COURTESY})\.?\s+$")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt)\.?\s*$")


@dataclass
class Mentioned:
    """The people (surnames) and organizations the summary has named so far."""

    names: set[str] = field(default_factory=set)
    # organizations whose acronym the summary spelled out at its first mention: a later full
    # spelling gives the words back as the acronym (`spell_out_acronyms`)
    spelled: set[str] = field(default_factory=set)


def find_mentions(text: str, spellings: Sequence[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping mentions in text, longest match first.

    Args:
        text: any text.
        spellings: (spelling, key) pairs; the key names the entity.

    Returns:
        (start, end, key), in text order.
    """
    found = [
        (m.start(), m.end(), key)
        for spelling, key in spellings
        if spelling in text
        for m in name_pattern(spelling).finditer(text)
    ]
    taken: list[tuple[int, int, str]] = []
    for s, e, k in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(e <= ts or te <= s for ts, te, _ in taken):
            taken.append((s, e, k))
    return sorted(taken)


def _namesake_in(source: str, key: str, fulls: Sequence[str]) -> bool:
    """Whether the article writes the surname after a given name none of `fulls` holds before it.

    The index may hold one person of a surname while the article names a second whom the
    analyzer typed no person: Multi-News dev 1568 names "Carter Page" and "FBI Attorney Lisa
    Page", the index held only the second, and a bare "Page is a US citizen who served as a
    volunteer advisor to the Trump presidential campaign" was written "Lisa Page". A bare
    surname there may be either.
    """
    known = {w for f in fulls for w in f.split()[:-1]}  # a middle name too: "Antonio Samaranch"
    return any(
        is_given_name(m.group(1)) and m.group(1) not in known
        for m in re.finditer(rf"(?<![\w'’-])([A-Z][a-z]+)\s+{re.escape(key)}(?![\w-])", source)
    )


# How far back the sentence before a mention is looked for: news sentences rarely run longer.
_PREVIOUS_SENTENCE_CHARS = 400


def _named_just_before(source: str, key: str, at: int) -> tuple[str, tuple[int, int]] | None:
    """The one full name with surname `key` that the article's sentence before offset `at`
    writes ("Carter Page"), given name first; None when it writes none or two."""
    window = source[max(0, at - _PREVIOUS_SENTENCE_CHARS) : at].rstrip()
    cut = max(window.rfind(". ", 0, len(window) - 1), window.rfind("\n", 0, len(window) - 1))
    offset = at - len(source[max(0, at - _PREVIOUS_SENTENCE_CHARS) : at]) + cut + 1
    sentence = window[cut + 1 :]
    found = [
        m
        for m in re.finditer(rf"(?<![\w'’-])([A-Z][a-z]+)\s+{re.escape(key)}(?![\w-])", sentence)
        if is_given_name(m.group(1))
    ]
    if len({m.group() for m in found}) != 1:
        return None
    m = found[-1]
    return m.group(), (offset + m.start(), offset + m.end())


def _standalone(text: str, short: str, full: Sequence[str]) -> tuple[int, int] | None:
    """An occurrence of the short form in text that is not part of a full spelling."""
    for m in name_pattern(short).finditer(text):
        if not inside_full_spelling(text, m.start(), m.end(), full):
            return m.span()
    return None


def _short_form(source: str, people: People, key: str) -> tuple[str, tuple[int, int]] | None:
    """The short form of a surname the article writes on its own, and where."""
    for short in people.short[key]:
        hit = _standalone(source, short, people.full[key])
        if hit:
            return short, hit
    return None


# A full name right before or after a name in a list ("Aaron McKinney and Russell Henderson",
# "Bertrand Piccard, Wim Verstraeten and Andy Elson"): one of them shortened reads as if the two
# were told apart ("Aaron McKinney and Henderson", DUC 2007 D0721), so none is.
_FULL_NAME_THEN = re.compile(
    r"(?:,\s+\d{1,3})?(?:,\s+|,?\s+(?:and|or)\s+)[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w-]*\b(?!['’])"
)
_FULL_NAME_BEFORE = re.compile(
    r"[A-Z][\w'’-]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+(?:,\s+\d{1,3})?(?:,\s+|,?\s+(?:and|or)\s+)$"
)


def _listed_with_full_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is listed beside another full name."""
    return bool(
        _FULL_NAME_THEN.match(text, end)
        or _FULL_NAME_BEFORE.search(text, max(0, start - 60), start)
    )


def _tail_form(
    draft: Draft, start: int, end: int, people: People, key: str
) -> tuple[str, tuple[int, int]] | None:
    """The short form ending the full name at ``draft.text[start:end]``, where the cited article
    writes it as part of that name, when the story writes it alone elsewhere (`People.alone`):
    "Morris Dees" -> "Dees" in an article that names him only once, in full ("Haider al-Abadi"
    -> "Abadi", the short form the sources write without the article's particle)."""
    span = source_span(draft, start, end)
    if span is None:
        return None
    said = draft.text[start:end]
    for short in people.short[key]:
        if short in people.alone and said.endswith((" " + short, "-" + short)):
            return short, (span.end - len(short), span.end)
    return None


def _word_before(text: str, start: int) -> str:
    """The word right before offset `start` ("" at the start of the text)."""
    before = text[:start].split()
    return before[-1] if before else ""


def _fits(text: str, start: int, end: int) -> bool:
    """Whether a name at text[start:end] stands alone (no capitalized word or title beside it)."""
    return _alone_before(text, start) and not _capital_after(text, end)


def _alone_before(text: str, start: int) -> bool:
    """Whether no title or capitalized word stands right before text[start:]."""
    before = text[:start].rstrip()
    prev = before.split()[-1] if before.split() else ""
    if _TITLE_BEFORE.search(before):
        return False
    return not (
        start > 0
        and prev[:1].isupper()
        and not prev.endswith((".", ",", ";", ":", '"', "”"))
        and prev.lower() not in STOPWORDS  # "When Haskel through-hiked", "After Hagel spoke"
    )


def _capital_after(text: str, end: int) -> bool:
    """Whether a capitalized word other than a weekday follows text[:end] with no punctuation
    between ("Samaranch Sunday ruled out ...", DUC 2004 D30038, is a name and a day)."""
    after = text[end:].lstrip()
    nxt = after.split()[0] if after.split() else ""
    return nxt[:1].isupper() and text[end : end + 1] not in ",.;:" and nxt not in _WEEKDAYS


def _title_before(text: str, start: int, end: int) -> int | None:
    """Where the full name goes when a title stands right before the surname at text[start:end].

    A courtesy title gives way to the full name ("Mr. Bauer" -> "Shane Bauer", as AP style
    writes a first reference); a title or a role stays before it ("Dr. Furchgott", "Detective
    Gardner" -> "Detective Stuart Gardner").

    Returns:
        The start of what the full name replaces (the courtesy title's, or `start`); None when
        no title stands right before the name, or a capitalized word other than a weekday
        follows it (`_capital_after`: "Mr. Bauer Sunday said" is a name and a day).
    """
    if _capital_after(text, end):
        return None
    before = text[:start]
    courtesy = _COURTESY_BEFORE.search(before)
    if courtesy:
        return courtesy.start()
    prev = before.split()[-1] if before.split() else ""
    if _TITLE_BEFORE.search(before) or (
        prev[:1].isupper() and prev.lower() in ROLE_NOUNS and before.endswith(" ")
    ):
        return start
    return None


# Occupations and relations, which a sentence's opening capital alone makes look like a title.
_OCCUPATIONS = ROLE_NOUNS - FORMAL_TITLES


def _opens_with_role(text: str, start: int) -> bool:
    """Whether the only word before offset `start` is an occupation opening the sentence."""
    before = text[:start].split()
    return len(before) == 1 and before[0].lower() in _OCCUPATIONS


def replace_name(
    draft: Draft, start: int, end: int, text: str, span: Copied, rule: ResolveRule
) -> Draft:
    """The draft with ``draft.text[start:end]`` replaced by a name, licensed by `span`.

    Args:
        draft: the sentence.
        start: where the replaced words start in its text.
        end: where they end.
        text: the name written.
        span: where an article writes that name.
        rule: why (`ResolveRule`).

    Returns:
        The edited draft, one `Resolve` edit.
    """
    return draft.replace(start, end, text, Resolve(span.article, span.start, span.end, rule))


def name_mentions(
    draft: Draft,
    people: People,
    article: str,
    source: str,
    at: int,
    mentioned: Mentioned,
    full_names: bool = True,
    story: Mapping[str, str] | None = None,
) -> Draft:
    """Write the full name at each person's first mention in the summary, the short form later.

    Args:
        draft: the sentence.
        people: the story's people.
        article: id of the article the sentence comes from (the cited article).
        source: that article's text.
        at: where the sentence starts in it.
        mentioned: people named earlier in the summary; updated.
        full_names: whether first mentions are written in full (later ones are shortened
            either way).
        story: every article's text by id; a first mention the cited article never writes in
            full takes the full name another article writes for the one person of that surname
            (the edit's licence points there, and the sentence then cites that article too).

    Returns:
        The edited draft: a `Resolve` edit ("full_name" or "short_name") per name changed, only
        where the cited article (or, for a full name, another article of `story`) writes the
        name written.
    """
    out = draft
    spellings = people.patterns()
    found = [
        (start, end, key)
        for start, end, key in find_mentions(out.text, spellings)
        if _word_before(out.text, start).lower() not in _ARTICLES  # a thing named after them
    ]
    for k, (start, end, key) in reversed(list(enumerate(found))):
        first = key not in mentioned.names and all(k2 != key for _, _, k2 in found[:k])
        said = out.text[start:end]
        introducing = first and full_names and said in people.short[key]
        # a title or role before a name: the first mention is written in full after it, a later
        # full one short after a formal title ("President Laurent Kabila" -> "President
        # Kabila": DUC 2004 D30007 wrote the full name twice in adjacent sentences), which a
        # capital inside the sentence marks; an occupation capitalized only by opening the
        # sentence stays whole ("Archaeologist Giles Hamm", not "Archaeologist Hamm")
        titled = _title_before(out.text, start, end) if introducing or not first else None
        if titled is not None and not introducing and _opens_with_role(out.text, start):
            titled = None
        fits = titled is not None or _fits(out.text, start, end)
        if source_span(out, start, end) is None or not fits:
            continue
        if quoted(out.text, start):
            continue  # the speaker's own words
        if introducing:
            if titled is None and not person_position(out.text, start, end):
                continue  # "at any previous Olympics": maybe not the person (or event) at all
            if key in people.namesakes and _namesake_in(source, key, people.full[key]):
                # "Page" where the article names Carter Page and Lisa Page: only the one name
                # its sentence just before gives ("... surveillance on Carter Page from the
                # FISC. Page is a US citizen ...")
                intro = _named_just_before(source, key, at)
            else:
                intro = full_spelling_in(source, people.full[key], at)
            written = (intro[0], Copied(article, *intro[1])) if intro else None
            if written is None and story:
                # without a title ("Mr. Bauer", "President Clinton") to say a person stands
                # there, only a full name that opens with a given name: a capitalized word the
                # index holds as the surname of a spelling like "Chile Spain" (a country the
                # news has "said" things) is a place in the cited article ("extradited to Spain")
                written = _full_elsewhere(
                    story, article, source, people, key, given_name=titled is None
                )
            if written:
                full, where = written
                # "Ms. Shourd" -> "Sarah Shourd" (the courtesy title goes, as in AP style);
                # "Detective Gardner" -> "Detective Lisa Gardner"
                begin = start if titled is None else titled
                out = replace_name(out, begin, end, full, where, "full_name")
        elif (
            not first
            and said in people.full[key]
            and not people.shared(key, titled=titled is not None)
            and not _listed_with_full_name(out.text, start, end)
        ):
            alone = _short_form(source, people, key) or _tail_form(out, start, end, people, key)
            if alone:
                short, at_short = alone
                where = Copied(article, *at_short)
                out = replace_name(out, start, end, short, where, "short_name")
    # a person is introduced once the summary gives a full name (one the index knows, or the
    # surname inside a longer name or after a title: "Matthew Wayne Shepard", "Mr. Shepard"); a
    # short form left bare (no full name here, or not where a person stands) does not introduce
    # them, so a later full name is kept and a later bare one is written in full where allowed.
    # Nor does a thing named after them, the surname first ("the Nobel Prize in Literature": a
    # reader of blind round 96 found "the anniversary of Nobel's death" never introduced, DUC
    # 2004 D30036, whose article writes "Alfred Nobel").
    mentioned.names.update(
        key
        for start, end, key in find_mentions(out.text, spellings)
        if out.text[start:end] not in people.short[key] or not _alone_before(out.text, start)
    )
    return out


def _full_elsewhere(
    story: Mapping[str, str],
    article: str,
    source: str,
    people: People,
    key: str,
    *,
    given_name: bool,
) -> tuple[str, Copied] | None:
    """The full name another article of the story introduces a person with, when the cited
    article never writes it ("Mr. Bauer" in the one, "Shane Bauer" in the other).

    Only where the cited article writes no full spelling at all (not where it writes two people
    of the surname, "Augusto Pinochet" and "Lucia Pinochet"), and for a surname one person of
    the story bears: no article writes it after a given name
    the index does not hold ("Carter Page" beside "Lisa Page"), and every other article that
    writes a full spelling writes that person's (one ending the other: "Norodom Ranariddh",
    "Prince Norodom Ranariddh").

    Args:
        story: every article's text by id.
        article: id of the cited article.
        source: its text.
        people: the story's people.
        key: the surname.
        given_name: ask that the full spelling open with a given name ("Juan Antonio
            Samaranch", not "Chile Spain").

    Returns:
        The full spelling and where the first article in story order that writes it does;
        None when none does or it is not one person.
    """
    fulls = people.full[key]
    if any(occurrence(source, f, 0) for f in fulls):
        return None  # the cited article's own full names, which did not tell one person
    if key in people.namesakes or any(_namesake_in(t, key, fulls) for t in story.values()):
        return None
    found: list[tuple[str, Copied]] = []
    for other, text in story.items():
        hit = full_spelling_in(text, fulls, len(text)) if other != article else None
        if hit:
            found.append((hit[0], Copied(other, *hit[1])))
    if not found or any(not one_person(a, b, ()) for a, _ in found for b, _ in found):
        return None
    full, where = found[0]
    if given_name and not is_given_name(full.split()[0]):
        return None
    return full, where


def _sentence_prefix(source: str, at: int, sentences: Sequence[tuple[int, int]]) -> str:
    """The text of the sentence (among `sentences`) holding offset `at`, before `at`."""
    for start, end in sentences:
        if start <= at < end:
            return source[start:at].lstrip()
    return ""


def resolve_opening(
    draft: Draft,
    names: Sequence[Name],
    people: People,
    article: str,
    source: str,
    context: Sequence[tuple[int, int]],
    previous: str,
    mentioned: Mentioned,
) -> Draft:
    """Replace a dangling "He"/"She"/"The group"/"The company" by its referent.

    The pronoun opens the sentence or is the subject right after a short opening phrase that
    names no one ("By the time the uprising broke out, he was ..."); the description opens it.

    Args:
        draft: the sentence.
        names: the story's entities (organizations are read).
        people: the story's people.
        article: id of the article the sentence comes from.
        source: that article's text.
        context: (start, end) of the sentences before it in that article, in order.
        previous: the text of the summary's previous sentence ("" for the first).
        mentioned: people and organizations named earlier in the summary (read only).

    Returns:
        The edited draft with one `Resolve` edit ("pronoun" or "description"), or the draft
        unchanged when the reference is not dangling or its referent is not unambiguous.
    """
    pronoun = _PRONOUN.match(draft.text)
    at, cut = 0, 0
    if pronoun:
        cut = len(pronoun.group().rstrip())
    elif late := _late_pronoun(draft.text, people):
        pronoun = late
        at, cut = late.span("pronoun")
    description = None if pronoun else _DESCRIPTION.match(draft.text)
    if description:
        cut = len(description.group().rstrip())
    elif pronoun is None:
        return draft
    gender = "She" if draft.text[at:cut].lower() == "she" else "He"
    if pronoun:
        spellings = people.patterns()
    else:
        spellings = [
            (v, n.variants[0])
            for n in names
            if n.kind == "organization"
            for v in n.variants
            if len(v.split()) > 1 or _ACRONYM.fullmatch(v)
        ]
    # "The company" names what the sentence right before is about: two back, another company
    # may stand between (DUC 2007 D0718 wrote "Coffee Corp has a coffee roastery" for Pasqua)
    window = context[-(1 if description else CONTEXT_SENTENCES) :]
    found = [
        (s + cs, e + cs, k)
        for cs, ce in window
        for s, e, k in find_mentions(source[cs:ce], spellings)
        if not wire_credit(source, s + cs, e + cs)
    ]
    if not found or (pronoun and len({k for _, _, k in found}) != 1):
        return draft
    if pronoun:
        # the one person named is the subject of a sentence just before, and the sentence has
        # no pronoun of the other gender ("She then ran over him": two people, one unnamed)
        other = _OTHER_GENDER[gender]
        subjects = [
            f
            for f in found
            if _SUBJECT_PREFIX.fullmatch(_sentence_prefix(source, f[0], window))
            or SPEECH_AFTER.match(source, f[1])
        ]
        if not subjects or other.search(draft.text):
            return draft
        found = subjects
    start, end, referent = found[-1]
    if pronoun and people.shared(referent):
        return draft  # "Egeland": Shannon or Rylan?
    # not dangling: the summary's previous sentence names the referent and no other candidate
    if {k for _, _, k in find_mentions(previous, spellings)} == {referent}:
        return draft
    write, where = source[start:end], Copied(article, start, end)
    if pronoun and referent not in mentioned.names:
        intro = full_spelling_in(source, people.full[referent], end)
        if intro:
            write, where = intro[0], Copied(article, *intro[1])
    elif pronoun and write in people.full[referent] and not people.shared(referent):
        alone = _short_form(source, people, referent)
        if alone:
            write, where = alone[0], Copied(article, *alone[1])
    if description and source[max(0, start - 4) : start].lower() == "the ":
        write = "The " + write
    rule: ResolveRule = "pronoun" if pronoun else "description"
    return replace_name(draft, at, cut, write, where, rule)


def _late_pronoun(text: str, people: People) -> re.Match[str] | None:
    """The subject "he"/"she" after a short opening phrase that names no one, or None."""
    m = _LATE_PRONOUN.match(text)
    if m is None:
        return None
    lead = m.group("lead")
    if len(lead.split()) > LATE_PRONOUN_WORDS or _PERSONAL_IN_LEAD.search(lead):
        return None
    if find_mentions(lead, people.patterns()):
        return None  # "When Smith arrived, he ...": the pronoun has its antecedent
    return m
