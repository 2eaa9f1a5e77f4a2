"""People a sentence names by surname only, and the full name their article gives them.

An extracted sentence often names a person by surname ("Hagel lambasted ...", "Mr. Reagan
flirted ...") because its article introduced the full name earlier; a reader of the summary
never saw that introduction. Following Nenkova ("Entity-driven rewrite for multi-document
summarization", IJCNLP 2008), the first mention in a summary should carry the full name as the
sources wrote it. `bare_surnames` finds such mentions and the one full spelling the article
writes for each, so the rewriter can put it in (a licensed edit pointing at where the article
writes it); selection pays the words it costs once per person, through the rewriter's test
(`synopsis.rewrite.name_costs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from synopsis.text.dates import CALENDAR_WORDS, WEEKDAYS
from synopsis.text.given_names import is_given_name
from synopsis.text.reference import ROLE_NOUNS
from synopsis.text.stopwords import STOPWORDS
from synopsis.text.tokens import IRREGULAR_PAST

__all__ = [
    "Expansion",
    "bare_given_names",
    "bare_surnames",
    "coined_names",
    "lone_given_names",
    "names_coined",
    "person_position",
    "whole_word",
]

# Titles that may stand before a surname ("Mr. Reagan"); the full name replaces title and name.
_TITLE = r"(?:Mr|Mrs|Ms|Dr)\.?"
# Words that are no given name: titles, ranks, directions and nationalities that open a place,
# an organization or a description ("Sen. Chuck Hagel" has "Chuck"; "Republican Ronald" none).
_NOT_GIVEN = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col sgt capt prof rev president minister prime senator
    representative governor general judge justice mayor king queen prince princess pope chief
    secretary ambassador chairman chancellor provost dean director coach manager officer
    detective sheriff attorney lawyer father mother sister brother saint san santa los las la le
    fort port mount lake new
    north south east west northern southern eastern western upper lower great greater united
    republican democrat democratic former late young old u.s american british french german
    russian chinese israeli palestinian iraqi syrian iranian african asian european muslim
    catholic islamic jewish christian st al el bin abu van von de der du
    """.split()
)
# A surname is one capitalized word ("Hagel", "DeGeneres", "O'Neill"), not an initialism.
_NAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Z][a-z]+)?"
# A name ends at a non-word character; a possessive "'s" stays outside it ("Hamm's team"), and so
# does the bare apostrophe of a name ending in s ("Jones' criminal history").
_END = r"(?![\w-])(?!['’](?!s\b)(?!(?<=s['’])\s))"
# A surname may open with the Arabic article written in lowercase and hyphenated ("al-Abadi
# said" for "Haider al-Abadi"; a diagnostic reader of 2026-12-06 named "el-Adli and six of his
# aides are on trial", Multi-News dev 2257, never introduced, though that mention, before "and",
# stands where no rule takes a name for a person's and stays bare).
_SURNAME = rf"(?:(?:al|el)-)?{_NAME}"
_MENTION = re.compile(rf"(?:(?P<title>{_TITLE})\s+)?(?P<name>{_SURNAME}){_END}")
_CAPITALIZED = re.compile(r"[A-Z][\w.'’-]*$")
_INITIAL = re.compile(r"[A-Z]\.")
_AT_START = re.compile(r"(?:^|(?P<word>\S*)[.!?][\"”’']?\s+|\n\s*)$")


def _sentence_start(text: str, at: int) -> bool:
    """Whether offset `at` opens a sentence (not merely follows a title such as "Sen.")."""
    m = _AT_START.search(text[max(0, at - 40) : at])
    return m is not None and (m.group("word") or "").lower() not in _NOT_GIVEN


# Where a person's name stands: before a verb ("Hagel lambasted", "Alexander said", "Salim
# helped", "Tagirov was") or after a verb of speech or a preposition ("told DeGeneres",
# "against Tester").
# A regular past tense may be short or hyphenated ("The phone that Medlin used", Multi-News dev 60;
# "When Haskel through-hiked the PCT", 2655: both before the full name in 200-word summaries).
# The irregular past tenses here are those of `tokens.IRREGULAR_PAST` a person does, without
# "fell", "rose", "hit", "struck" and "lay", which follow a capitalized word as often when it is
# no person ("Stocks fell", "Mitch struck"). "Demirel broke with custom ..." (DUC 2004 D31009)
# was shown with no given name until "broke" was among them; the words "Suleyman" reserves then
# moved D31009's selection to a lead that introduces Demirel, which all 3 readers of blind A/B
# round 83 preferred (coherence 3.33 against 2.00, unintroduced 0 against 1.33). Its other
# sentence, "By tradition, Demirel should then have asked ...", kept the bare surname before a
# modal (readers of rounds 111, 113 and 115 each named it); "may" and "can" stay out, being
# also a month and a noun. "grew", "sank", "shrank", "slid" and "froze" are said of prices and
# markets as often ("Exports grew").
_NOT_DONE_BY_PERSON = frozenset("fell rose hit struck lay grew sank shrank slid froze".split())
_PERSON_PAST = "|".join(w for w in IRREGULAR_PAST.split("|") if w not in _NOT_DONE_BY_PERSON)
# A day between the subject and its verb ("Samaranch Sunday ruled out taking the Games", DUC
# 2004 D30038, where a reader of round 122 counted the bare surname in another summary; "on
# Dec. 13" once the rewriter dates it).
_DAY_NAMES = "|".join(d.capitalize() for d in WEEKDAYS)
_ON_DAY = rf"(?:\s+(?:on\s+)?(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|{_DAY_NAMES}))?"
_SUBJECT_AFTER = re.compile(
    rf"(?:['’]s\b|(?<=s)['’](?=\s)|,|{_ON_DAY}\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|added|adds|"
    rf"asked|wrote|is|was|has|had|who|will|would|should|could|might|must|{_PERSON_PAST}|"
    r"(?:[a-z]+-)?[a-z]{2,}ed)\b)"
)
# A surname that is also a common word ("Rule", "Price", "Young") is taken for a name as the
# subject of a verb of saying, where a common word does not stand ("Rule argues that
# Microsoft's practices ...", DUC 2004 D31033, whose article writes "Charles Rule, a legal
# consultant to Microsoft"; round 51's reader asked who Rule was), or where it is capitalized as
# a name (`_capitalized_alone`: "allowed by Wells", D31026, counted by round 56's reader).
_SPEAKER_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|added|adds|argues|argued|contends|contended|"
    r"insists|insisted|wrote|writes)\b"
)
# (or the object of a verb in -ing or -ed: "troops ... who are backing Kabila", DUC 2004 D30007;
# or of a verb a person is the object of: "ABC News could not reach Mattevi for comment",
# Multi-News dev 60, where the bare surname came before the full name in a 200-word summary)
_OBJECT_BEFORE = re.compile(
    r"\b(?:said|told|tells|asked|thanked|accused|praised|criticized|against|with|by|to|for|"
    r"reach|contact|interview|arrest|charge|sue|visit|replace|fire|hire|endorse|defeat|"
    r"[a-z]{3,}(?:ing|ed))\s+$"
)
# Last words of names of institutions and things, not of people.
_NOT_SURNAMES = frozenset(
    """
    road street avenue boulevard square park bridge river lake mountain county city hall hospital
    university college school center centre church museum airport station house court building
    institute foundation company group party council committee agency navy army
    """.split()
)


# What the article says of a person somewhere: a verb of speech after the name ("Hagel said"), a
# title or role before the full name ("Sen. Chuck Hagel", "President Leonid Kuchma"), or an
# apposition after it ("Jon Tester, a moderate Democrat"). A capitalized pair without any of these
# may be a party, a people or an event ("Free Egyptians returned to the polls").
_SPEECH_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|added|adds|asked|wrote|explained|testified|"
    r"argued|insisted|recalled|noted|warned)\b"
)
# An apposition after the name: an article, a relative pronoun, an age, or a role with up to two
# lowercase modifiers and no article ("Imani Gandy, senior legal analyst at RH Reality Check,
# wrote", "Harry Kazianis, director of defense studies": Multi-News dev 3580 and 2907, where
# "Gandy has collected ..." stayed bare because its article opens both full mentions with the
# name, and a diagnostic reader of 2026-12-06 named it never introduced).
_ROLE_ALTERNATIVES = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_APPOSITION_AFTER = re.compile(
    rf",\s+(?:(?:a|an|the|who|whose|\d+)\b|(?:[a-z][\w-]*\s+){{0,2}}(?:{_ROLE_ALTERNATIVES})s?\b)"
)
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.?|\b[Pp]resident|"
    r"\b[Mm]inister|\b[Ss]enator|\b[Gg]overnor|\b[Jj]udge|\b[Mm]ayor|\b[Dd]irector|"
    r"\b[Ss]ecretary|\b[Cc]hairman|\b[Ss]pokes(?:man|woman|person)|\b[Ll]eader|\b[Cc]oach|"
    r"\b[Dd]etective|\b[Oo]fficer|\b[Ll]awyer|\b[Aa]ttorney|\b[Pp]rofessor)\s+$"
)


# Plural names of peoples and groups ("Egyptians", "Democrats", "Lebanese"): never a surname.
_PEOPLES = re.compile(r"(?:ans|ese|ists|ites|ers)$")


def whole_word(name: str) -> re.Pattern[str]:
    """The name as a whole word (not inside a longer word or hyphenated name)."""
    return re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])")


def _speaks_of_a_person(source: str, surname: str, full: str) -> bool:
    """Whether the article writes the name as a person's (`_SPEECH_AFTER` and its kin)."""
    if _PEOPLES.search(surname):
        return False
    for name in (full, surname):
        for m in whole_word(name).finditer(source):
            if _SPEECH_AFTER.match(source, m.end()) or _APPOSITION_AFTER.match(source, m.end()):
                return True
            if name == full and _SUBJECT_AFTER.match(source, m.end()):
                return True
            if name == full and _ROLE_BEFORE.search(source[max(0, m.start() - 30) : m.start()]):
                return True
    return False


# Two names joined as the subject of a plural verb ("Branson and Fossett are to take off", DUC
# 2007 D0740-A, where both readers of the audit's split outside11 asked who they were).
_PLURAL_VERB = r"\s+(?:[a-z]+ly\s+)?(?:are|were|have|had|say|said|told|(?:[a-z]+-)?[a-z]{2,}ed)\b"
# The first may be joined to a description as well ("el-Adli and six of his aides are on trial",
# Multi-News dev 2257, named never introduced by a reader of blind round 115).
_FIRST_OF_PAIR = re.compile(
    rf"\s+and\s+(?:(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+|"
    rf"(?:his|her|their|its|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|"
    rf"other)\b(?:\s+[a-z][\w'’-]*){{1,4}}?){_PLURAL_VERB}"
)
_SECOND_OF_PAIR = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+\s+and\s+$")


def person_position(sentence: str, start: int, end: int) -> bool:
    """Whether the name at sentence[start:end] stands where a person's name stands.

    Args:
        sentence: a sentence.
        start: where the name starts.
        end: where it ends.

    Returns:
        True before a verb, a possessive or a comma ("Hagel lambasted", "Hodler's allegations")
        and after a verb of speech, a preposition that takes a person or a verb in -ing or -ed
        ("told DeGeneres", "backing Kabila"), and for either of two names joined as a plural
        verb's subject ("Branson and Fossett are") or a name joined so to a description
        ("el-Adli and six of his aides are");
        False elsewhere ("at any previous Olympics").
    """
    if _SUBJECT_AFTER.match(sentence, end) or _OBJECT_BEFORE.search(sentence[:start]):
        return True
    if _FIRST_OF_PAIR.match(sentence, end):
        return True
    return bool(_SECOND_OF_PAIR.search(sentence[:start]) and re.match(_PLURAL_VERB, sentence[end:]))


@dataclass(frozen=True)
class Expansion:
    """A bare surname at `sentence[start:end]` (with its title, if any) and its full spelling.

    `full` is the full name as written at `source[source_start:source_end]`.
    """

    start: int
    end: int
    full: str
    source_start: int
    source_end: int


@lru_cache(maxsize=256)
def _lowercase_words(source: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z'’-]+\b", source))


def _after_capitalized(before: str, lowercase: frozenset[str]) -> bool:
    """Whether a name follows a capitalized word that may be part of a longer name or a title.

    A sentence's first word is capitalized by position only when the article also writes it in
    lowercase ("Sometimes Martin ..."): it is then no part of the name.
    """
    prev = before.rstrip().split()
    return bool(
        prev
        and _CAPITALIZED.match(prev[-1])
        and not prev[-1].endswith((".", ",", ":", ";"))
        and not (len(prev) == 1 and prev[0].lower() in lowercase)
    )


def _given(word: str, lowercase: frozenset[str]) -> bool:
    """Whether a capitalized word may be a given name (no title, function word or common word)."""
    low = word.lower()
    return not (low in _NOT_GIVEN or low in STOPWORDS or low in CALENDAR_WORDS or low in lowercase)


# Particles between a given name and a surname: "Mohamed Ag Erlaf" (Multi-News dev 4360, where
# "Erlaf said Tuesday" was read as a surname never introduced in blind round 69), "Vincent van
# Gogh". Without them the full spelling was not found, so it was neither written nor paid for.
_PARTICLES = "Ag|Al|Abu|Ben|Bin|El|Ibn|bin|ibn|al|el|van|von|de|del|della|da|di|du|la|le"


@lru_cache(maxsize=4096)
def _full_spelling(source: str, surname: str) -> tuple[str, int, int] | None:
    """The one full name ("Given [Given] [I.] Surname") the source writes for a surname, and where.

    None when the source writes none, or two with different given names (two people). A second
    given name is kept only when every full mention has it ("Mamdouh Mahmud Salim").
    """
    lowercase = _lowercase_words(source)
    pattern = (
        rf"(?<![\w.'’-])([A-Z][a-z]+)[ \t]+(?:(?:[A-Z]\.?|{_PARTICLES})[ \t]+)?"
        rf"{re.escape(surname)}{_END}"
    )
    ones: set[str] = set()
    found: list[tuple[str, int, int, str | None]] = []
    for m in re.finditer(pattern, source):
        if not _given(m.group(1), lowercase) or re.match(r"[ \t]+[A-Z]", source[m.end() :]):
            continue
        before = source[: m.start()]
        prev = re.search(r"([A-Z][\w.'’-]*)[ \t]+$", before)
        two = None
        word = prev.group(1) if prev else ""
        boundary = word.lower() in _NOT_GIVEN or word.lower() in STOPWORDS  # "But Charles Rule"
        # a word no given name before one that is: a heading's, not the name's ("THE AUTHOR: Meet
        # Wally Lamb", DUC 2007 D0736-A, gave "Oprah Winfrey discovered Meet Wally Lamb")
        boundary = boundary or (is_given_name(m.group(1)) and not is_given_name(word))
        if word and not word.endswith((".", ",", ":", ";")) and not boundary:
            if not (_given(word, lowercase) and re.fullmatch(r"[A-Z][a-z]+", word)):
                continue  # inside a longer name ("Compassion Over Killing")
            two = word
        ones.add(m.group())
        found.append((m.group(), m.start(), m.end(), two))
    if len(ones) != 1:
        return None
    first = next(iter(ones)).split()[0]
    # a title in quotation marks named after the person ("Snooki Talks Drinking on 'Ellen'",
    # Multi-News dev 1952) is not the given name standing alone
    quoted_title = len(re.findall(rf"[\"'“‘]{re.escape(first)}[\"'”’]", source))
    # before another capitalized word it is another name's ("Aaron McKinney" beside "Aaron
    # Kreifels", DUC 2007 D0721-B, which left "Kreifels and Dolan described" half introduced)
    named = rf"(?![ \t]+(?:[A-Z]|(?:{_PARTICLES})[- \t]))"
    alone = len(re.findall(rf"\b{re.escape(first)}\b{named}", source)) - quoted_title
    if alone > 0:
        return None  # the "given name" stands alone too: a place or a brand ("Boston Marathon")
    if all(_sentence_start(source, f[1]) for f in found) and not any(
        _APPOSITION_AFTER.match(source, f[2]) or _SPEECH_AFTER.match(source, f[2]) for f in found
    ):
        # capitalized only as a first word ("Whenever Netflix", "Landlocked Mali"), unless a
        # mention is a person's ("Tobias Riede, a physiology professor ...", a paragraph's start)
        return None
    if re.search(rf"\b(?:in|across|to|from|of)\s+{re.escape(surname)}\b", source):
        return None  # a place ("in Mali")
    twos = {t for _, _, _, t in found}
    spelling, start, end, two = found[0]
    if len(twos) == 1 and two is not None:
        start -= len(source[:start]) - len(source[:start].rstrip(" \t")) + len(two)
        spelling = source[start:end]
    return spelling, start, end


def _capitalized_alone(sentence: str, start: int, source: str, name: str) -> bool:
    """Whether a word that is also a common word stands as a name: capitalized inside a sentence.

    Inside the summary's sentence ("allowed by Wells since April 30") the capital is the writer's
    mark of a name. At its start ("Wall left the game") the capital proves nothing, so the article
    must write the word capitalized alone inside one of its own sentences ("Knoblauch, facing
    Wall with a one-ball count, ducked"), not before another capitalized word ("Wall Street").
    """
    if re.search(r"\w", sentence[:start]) and not _sentence_start(sentence, start):
        return True
    alone = rf"(?<![\w.'’-]){re.escape(name)}{_END}(?![ \t]+[A-Z])"
    return any(not _sentence_start(source, m.start()) for m in re.finditer(alone, source))


def bare_surnames(sentence: str, source: str, before: str = "") -> list[Expansion]:
    """Surnames the sentence uses alone that its article introduces with one full name.

    Args:
        sentence: the sentence as the summary shows it.
        source: the text of the article it comes from.
        before: what the summary says before the sentence; a name it already gives (alone or
            in full) is not expanded again.

    Returns:
        One `Expansion` per surname to write in full, in sentence order; none for a name the
        article writes in two different full spellings (two people, "Patty" and "William
        Campbell"), or never in full, or also in lowercase ("Over") unless the sentence has it
        speak ("Rule argues") or capitalizes it as a name (`_capitalized_alone`).
    """
    out: list[Expansion] = []
    seen: set[str] = set()
    lowercase = _lowercase_words(source)
    for m in _MENTION.finditer(sentence):
        name = m.group("name")
        start = m.start() if m.group("title") else m.start("name")
        if name in seen or name.lower() in _NOT_GIVEN | STOPWORDS | CALENDAR_WORDS:
            continue  # a title or a date ("said Saturday"), not a surname
        if (
            name.lower() in lowercase
            and not _SPEAKER_AFTER.match(sentence, m.end())
            and not _capitalized_alone(sentence, start, source, name)
        ):
            continue  # a common word ("Over"), unless it speaks ("Rule argues") or is a name
        seen.add(name)
        if whole_word(name).search(before):
            continue
        prev = sentence[:start].rstrip()
        # the word before, past any quotation mark or invisible character ("“John Podesta")
        prev_word = re.sub(r"^\W+", "", prev.split()[-1]) if prev.split() else ""
        if _INITIAL.fullmatch(prev_word) or (
            _CAPITALIZED.match(prev_word)
            and not prev_word.endswith((".", ",", ":", ";", '"'))
            and prev_word.lower() not in STOPWORDS  # "When Jones left", "After Hagel spoke"
        ):
            continue  # part of a longer name ("Nicholas S. Zeppos") or after a title it keeps
        if re.match(r"\s+[A-Z]", sentence[m.end() :]) or name.lower() in _NOT_SURNAMES:
            continue
        if not (
            m.group("title")
            or _SPEAKER_AFTER.match(sentence, m.end())
            # the first of two names joined as a plural verb's subject too ("Kreifels and Dolan
            # described ...", DUC 2007 D0721-B, where only the second was written in full)
            or person_position(sentence, start, m.end())
        ):
            continue  # not where a person's name stands
        spelling = _full_spelling(source, name)
        if spelling is None:
            continue
        full, s_start, s_end = spelling
        if not (m.group("title") or _speaks_of_a_person(source, name, full)):
            continue  # maybe a party, a people or an event ("Free Egyptians")
        given = full[: len(full) - len(name)].split()
        if given and re.sub(r"\W+", " ", prev).split()[-len(given) :] == given:
            continue  # the given name is already there, whatever stands between
        out.append(Expansion(start, m.end(), full, s_start, s_end))
    return out


# A given name standing alone where a person's name stands, and its full name in the article: the
# given name before one capitalized word, with a mark of a person after the full name (an age or
# description in apposition, "Martin Richard, 8,"; a verb, "Martin Richard was killed") and the
# given name alone used for that person ("Martin was at the race"), never after a preposition of
# place ("in Boston": "Boston Marathon" names no one). News writes children, and sometimes
# victims or stars, by given name after the first mention ("a vigil Tuesday night for Martin").
# Stricter than `_SUBJECT_AFTER`: a bare comma after the name is no mark of a person here (with
# it, "Police" became "Police Department" and "Wella" "Wella Education" on Multi-News dev).
_GIVEN_ALONE_AFTER = re.compile(
    r"(?:['’]s\b|\s+(?:[a-z]+ly\s+)?(?:said|says|told|was|is|had|has|who|would|will|[a-z]{3,}ed)\b)"
)
_PERSON_AFTER_FULL = re.compile(
    r"(?:,\s+(?:\d{1,3}|a|an|the|who|whose)\b|\s+(?:[a-z]+ly\s+)?(?:said|says|told|tells|added|"
    r"wrote)\b)"
)
# Last words that make "Given Word" no person's full name: generational suffixes, and what the
# surname list above already excludes.
_NOT_FAMILY_NAMES = _NOT_SURNAMES | frozenset("jr sr ii iii iv".split())


def _given_full_name(source: str, given: str) -> tuple[str, int, int] | None:
    """The one full name "Given Surname" the article writes for a given name used alone."""
    pattern = rf"(?<![\w.'’-]){re.escape(given)}[ \t]+([A-Z][a-z]+(?:['’-][A-Z][a-z]+)?){_END}"
    found = [
        m
        for m in re.finditer(pattern, source)
        if not re.match(r"[ \t]+[A-Z]", source[m.end() :])
        and m.group(1).lower() not in _NOT_FAMILY_NAMES | CALENDAR_WORDS
    ]
    if len({m.group(1) for m in found}) != 1:
        return None  # never in full, or two people ("Martin Richard", "Martin Walsh")
    if any(
        m.group(1) != found[0].group(1)
        for m in re.finditer(rf"(?<![\w.'’-]){re.escape(given)}[ \t]+({_SURNAME}){_END}", source)
    ):
        return None  # the given name also opens another name ("Martin Luther King")
    if not any(
        _PERSON_AFTER_FULL.match(source, m.end()) or _GIVEN_ALONE_AFTER.match(source, m.end())
        for m in found
    ):
        return None
    if re.search(rf"\b(?:in|at|from|to|near|across|of)\s+{re.escape(given)}\b", source):
        return None  # a place ("in Boston", "Boston Marathon")
    alone = [
        m
        for m in re.finditer(rf"(?<![\w.'’-]){re.escape(given)}{_END}(?![ \t]+[A-Z])", source)
        if _GIVEN_ALONE_AFTER.match(source, m.end())
    ]
    if not alone:
        return None
    first = found[0]
    return first.group(), first.start(), first.end()


def bare_given_names(sentence: str, source: str, before: str = "") -> list[Expansion]:
    """Given names the sentence uses alone that its article introduces with one full name.

    Args:
        sentence: the sentence as the summary shows it.
        source: the text of the article it comes from.
        before: what the summary says before the sentence; a name it already gives is left.

    Returns:
        One `Expansion` per given name to write in full ("Martin" -> "Martin Richard"), in
        sentence order; none for a word the article also writes in lowercase, a name that
        stands beside another capitalized word, or a given name the article writes before two
        different surnames.
    """
    out: list[Expansion] = []
    lowercase = _lowercase_words(source)
    for m in re.finditer(rf"(?<![\w.'’-])(?P<name>{_NAME}){_END}", sentence):
        name = m.group("name")
        if not _given(name, lowercase) or whole_word(name).search(before):
            continue
        if _after_capitalized(sentence[: m.start()], lowercase):
            continue  # part of a longer name, or after a title
        if re.match(r"\s+[A-Z]", sentence[m.end() :]) or whole_word(name).search(
            sentence, 0, m.start()
        ):
            continue
        if not person_position(sentence, m.start(), m.end()):
            continue
        full = _given_full_name(source, name)
        if full is None or whole_word(full[0]).search(before):
            continue
        out.append(Expansion(m.start(), m.end(), *full))
    return out


# How an article introduces a person it names by one name, after the name: an age or a
# description after a comma ("I met Rusty, 71, who did the thru-hike"); a country or a surname
# spelled like a given name ("Israel", "Perry") is not introduced so.
_INTRODUCED_AFTER = r",\s+(?:\d{1,3}\b|an?\s|the\s|who\s|whose\s)"
# ... or before it, as the apposition to a noun of kin or role (`ROLE_NOUNS`): "Huang's brother,
# Will, told ..." (Multi-News dev 171, whose "... Will said." was read as a speaker never
# introduced by a reader of blind round 139).
_INTRODUCED_BEFORE = rf"\b(?:{_ROLE_ALTERNATIVES})s?[ \t]*,[ \t]+"
# A name speaking in a reporting clause ("..., Will said."): a given name that is also a common
# word ("Will", "Bill", "Mark") is a name there, which `_given` alone leaves out.
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|asked|explained|wrote)\b")
# A given name as the subject of a verb in the present ("Rusty makes it 100 miles").
_PRESENT_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]{2,}s\b")


def lone_given_names(sentence: str, source: str) -> list[str]:
    """Given names the sentence uses alone for a person its article never names in full.

    "Sometimes Rusty makes it 100 miles" (Multi-News dev 2655), whose article only ever writes
    "Rusty": no full name can be put in, so only the article's own introduction ("I met Rusty,
    71, who did the thru-hike in 2003") tells the reader who he is.

    Args:
        sentence: the sentence as the summary shows it, outside quotations.
        source: the text of the article it comes from.

    Returns:
        Each such name once, in sentence order: a word of the packaged given names
        (`synopsis.text.given_names`) that the article never writes in lowercase (unless it
        speaks: "..., Will said", `_SPEAKS_AFTER`) nor beside another capitalized word, and
        introduces with an age or a description after a comma (`_INTRODUCED_AFTER`) or as the
        apposition to a noun before it ("Huang's brother, Will,"), standing alone where a
        person's name stands (`person_position`).
    """
    out: list[str] = []
    lowercase = _lowercase_words(source)
    for m in re.finditer(rf"(?<![\w.'’-])(?P<name>{_NAME}){_END}", sentence):
        name = m.group("name")
        speaks = _SPEAKS_AFTER.match(sentence, m.end()) is not None
        if name in out or not is_given_name(name) or not (speaks or _given(name, lowercase)):
            continue
        if _after_capitalized(sentence[: m.start()], lowercase):
            continue  # part of a longer name, or after a title
        if re.match(r"\s+[A-Z]", sentence[m.end() :]):
            continue
        if not (
            person_position(sentence, m.start(), m.end()) or _PRESENT_AFTER.match(sentence, m.end())
        ):
            continue
        word = re.escape(name)
        before = re.finditer(rf"([A-Z][\w.'’-]*)[ \t]+{word}\b", source)
        if re.search(rf"(?<![\w.'’-]){word}[ \t]+[A-Z]", source) or any(
            b.group(1).lower() not in lowercase for b in before
        ):
            continue  # the article writes a longer name with it somewhere ("Lindsey Graham")
        if re.search(rf"(?<![\w.'’-]){word}{_INTRODUCED_AFTER}", source) or re.search(
            rf"{_INTRODUCED_BEFORE}{word},", source
        ):
            out.append(name)
    return out


# How an article tells the reader a name is new: "They named it Caihong, the Mandarin word for
# rainbow" (Multi-News dev 737), "a lion named Mohawk", "nicknamed Doc", "known as Tony".
_COINED = re.compile(
    r"(?:\b(?:named|dubbed|nicknamed|christened)\s+(?:it|him|her|them)"
    r"|\b(?:[Aa]n?|[Tt]he)\s+[a-z-]+\s+(?:was\s+)?(?:named|dubbed|nicknamed|christened)"
    rf"|\bknown\s+as)\s+(?P<name>{_NAME}){_END}"
)


def names_coined(text: str) -> frozenset[str]:
    """The names a text gives as new ("They named it Caihong", "a lion named Mohawk").

    Args:
        text: a sentence or an article.

    Returns:
        Each name after "named", "dubbed", "nicknamed" or "christened" following a pronoun or
        a noun, or after "known as" (`_COINED`).
    """
    return frozenset(
        m.group("name") for m in _COINED.finditer(text) if m.group("name").lower() not in STOPWORDS
    )


def coined_names(sentence: str, source: str) -> list[str]:
    """Names the sentence uses that its article gives as new ("They named it Caihong").

    Blind readers of round 132 asked what "Caihong" was in "Caihong was a two-legged predator"
    (Multi-News dev 737), chosen without its article's earlier "They named it Caihong, the
    Mandarin word for rainbow": the article tells its reader the name is new, so a summary
    must too.

    Args:
        sentence: the sentence as the summary shows it, outside quotations.
        source: the text of the article it comes from.

    Returns:
        Each name the article gives as new (`names_coined`) that the sentence writes as a whole
        word without giving it so itself, in sentence order.
    """
    found = {
        name: m.start()
        for name in names_coined(source) - names_coined(sentence)
        if (m := whole_word(name).search(sentence)) is not None
    }
    return sorted(found, key=found.__getitem__)
