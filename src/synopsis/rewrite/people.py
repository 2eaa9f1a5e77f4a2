"""The story's people: which names the analyzer found are people's, indexed by surname.

The analyzer types entities without a model, so it calls many people "other" ("Robert F.
Furchgott", "Mansur Tagirov", "Osama bin Laden" in DUC 2004) and splits one person into a full
name and a short one of another type ("Pinochet" read as a place). `People` joins them by the last
word of the full spellings and takes a name typed "other" as a person's when the articles mark it
as one: a verb of saying after the surname, an age in apposition, an honorific, a role or title
right before the full name ("Rep. Greg Gianforte", "researcher Young-Ho Eom", `roles.ROLE_NOUNS`),
or the analyzer typing another spelling of the same surname a person's ("bin Laden"). A name with
none of these stays out ("Mansur Tagirov", whom his articles call a prosecutor only in "the
prosecutor's office said attackers seized Tagirov").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from synopsis.rewrite.roles import ROLE_NOUNS, ROLE_TITLES
from synopsis.text import STOPWORDS, WEEKDAYS
from synopsis.text.given_names import is_given_name
from synopsis.text.reference import SINGULAR_PERSONAL
from synopsis.text.segment import ABBREVIATIONS

# An Arabic article or patronymic particle written onto a surname: "al-Abadi" is "Abadi" when
# short ("Haider al-Abadi" ... "Abadi said").
PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-(?=[A-Z])")


@dataclass(frozen=True)
class Name:
    """An entity found by the analyzer: its type and every spelling the articles use."""

    kind: str
    variants: tuple[str, ...]


# Last words that make a "person" the analyzer found a place or an institution ("Victoria
# Road", "Cedars-Sinai Hospital"); such names are never written for a person (seen in the
# analyzer's person entities on Multi-News dev; "Amnesty International", "American Cancer
# Society", "German Olympic Sports Federation" and "Channel Two TV" in a scan of the people
# `People.of` indexes on DUC 2004, DUC 2007 main and Multi-News dev: DUC 2007 D0704 read "Moi
# has accused International of ...", shortened as a person's later mention).
NOT_SURNAMES = frozenset(
    "road street avenue boulevard square park bridge river lake mountain county city hall "
    "hospital university college school center centre church museum airport station house "
    "court building institute foundation company group party council committee agency "
    "international society federation tv".split()
)


# Of those, the words that are also common surnames ("Maj. Glenn Hall", "Sarah Park"): a spelling
# ending in one names a person when the story writes the surname as a speaker ("Hall said",
# Multi-News dev: '"She was a target ...," said Hall.' was left bare, `Glenn Hall` not indexed).
SURNAME_TOO = frozenset("hall park church house lake".split())


# First words that make a "person" a place ("North Korea", "New Hampshire", "San Diego").
NOT_FIRST_NAMES = frozenset(
    "north south east west northern southern eastern western new united saint st. san santa "
    "los las la le fort port mount lake upper lower greater central".split()
)
# Lowercase words allowed inside a person's name ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = frozenset("bin ibn bint al el de del della da di du van von der den la le".split())


def _inside_a_sentence(story: str, name: str) -> bool:
    """Whether the story writes `name` somewhere other than at a sentence's start (a first word
    capitalized only by its position, "Whenever Netflix's", is not part of a name)."""
    at = story.find(name)
    while at >= 0:
        if not _SENTENCE_START.search(story, max(0, at - 4), at) or _ABBREVIATION.search(
            story, max(0, at - 6), at
        ):
            return True  # "Dr. Robert Furchgott": an abbreviation's period ends no sentence
        at = story.find(name, at + 1)
    return False


def _looks_like_a_full_name(name: str, *, speaker: bool = False) -> bool:
    """Two or more capitalized words (particles aside), not a place or an institution (one that
    ends in a word of `SURNAME_TOO` is a name when the surname is a `speaker`)."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in NOT_FIRST_NAMES:
        return False
    bare = PARTICLE.sub("", words[-1])
    institution = bare.lower() in NOT_SURNAMES and not (speaker and bare.lower() in SURNAME_TOO)
    if not bare[:1].isupper() or institution or bare.lower() in WEEKDAYS:
        return False  # "Washington Saturday" ("in Washington Saturday") names no one
    if any(w.lower() in STOPWORDS for w in words):  # "Baserunning The Yankees", "Whenever Netflix"
        return False
    return all(PARTICLE.sub("", w)[:1].isupper() or w in NAME_PARTICLES for w in words)


# Verbs of saying after a name mark it as a person's ("Medlin said", "Barbour told").
_SPEECH = r"(?:said|says|told|tells|added|wrote|explained|testified)\b"
SPEECH_AFTER = re.compile(rf"\s+{_SPEECH}")
_SPEAKER = re.compile(rf"(?<![\w-])([A-Z][\w'’-]*)\s+{_SPEECH}")
# The first of two speakers ("Natkin and Green said", DUC 2007 D0736-C, where "Paul Natkin" was
# typed "other" and so never written in full; `_SPEAKER` finds the second).
_FIRST_SPEAKER = re.compile(
    rf"(?<![\w-])([A-Z][\w'’-]*)\s+and\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}{_SPEECH}"
)
# The one spoken to ("told DeGeneres", "asked Smith"): a person's mark only for a full name that
# opens with a given name (`is_given_name`), since outlets are told things too ("told Reuters",
# "told WBZ-TV"). Multi-News dev 1952 (blind round 67) read "told DeGeneres" with "Ellen
# DeGeneres" left out, the analyzer having typed her "other".
_ADDRESSEE = re.compile(r"\b(?:told|tells|asked|asks|thanked|thanks)\s+([A-Z][\w'’-]*)\b(?!['’])")
# Other marks of a person in news prose: an age in apposition ("Starovoitova, 52, was"; at a
# sentence's end, "Police say Caballero fatally shot Markus Austin, 33.", Multi-News dev 4180,
# where "Austin" is also a city) and an honorific before the surname ("Mr. Sizemore", "Dr.
# Mironov"). Like a verb of saying, they make a name the analyzer typed "other" a person's (its
# person typing has no model and misses many).
_AGED = re.compile(r"(?<![\w-])([A-Z][\w'’-]*),\s+\d{1,3}(?:,|\.(?!\d))")
# The courtesy titles, which say nothing of who a person is ("Mr.", "Ms."); shared with
# `names`, where a full name takes their place at a first mention.
COURTESY = "Mr|Mrs|Ms|Miss"
_HONORIFIC = re.compile(rf"\b(?:{COURTESY}|Dr)\.?\s+([A-Z][\w'’-]*)")
# A role or an honorific right before a full name ("Rep. Greg Gianforte", "researcher Young-Ho
# Eom", "Dr. Robert Furchgott").
_ROLE_OR_TITLE = "|".join(re.escape(w.rstrip(".")) for w in sorted(ROLE_NOUNS | ROLE_TITLES))


_TITLE_RIGHT_BEFORE = re.compile(rf"\b(?i:{_ROLE_OR_TITLE}|{COURTESY})\.?\s+$")


def _titled(story: str, name: str) -> bool:
    """Whether the story writes a role or an honorific right before the full name `name`."""
    at = story.find(name)
    while at >= 0:
        if _TITLE_RIGHT_BEFORE.search(story, max(0, at - 40), at):
            return True
        at = story.find(name, at + 1)
    return False


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev)\.\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|\n\s*)$")


# A name word standing alone: no capitalized word right before or after it (which would make it
# part of another name, "Zelda Williams"), and not an abbreviation's stem ("Sen." of "Hun Sen").
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


@lru_cache(maxsize=4096)
def name_pattern(variant: str) -> re.Pattern[str]:
    """A spelling of a name as a whole word (not inside a longer hyphenated word)."""
    return re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])")


def inside_full_spelling(text: str, start: int, end: int, fulls: Sequence[str]) -> bool:
    """Whether ``text[start:end]`` (a short form) is part of one of the full spellings `fulls`."""
    return any(text[max(0, end - len(f)) : end] == f or text[start:].startswith(f) for f in fulls)


def _written_alone(story: str, form: str, fulls: Sequence[str]) -> bool:
    """Whether the story writes `form` alone as a name at least once (see `People.alone`)."""
    for m in name_pattern(form).finditer(story):
        start, end = m.span()
        if inside_full_spelling(story, start, end, fulls):
            continue
        if story[end : end + 1] == "." and form.lower() in ABBREVIATIONS:
            continue
        before = max(0, start - 40)
        if (
            _CAPITAL_BEFORE.search(story, before, start)
            and not _SENTENCE_START.search(story, max(0, start - 4), start)
            and not _ABBREVIATION.search(story, before, start)
        ):
            continue
        if _CAPITAL_AFTER.match(story, end):
            continue
        return True
    return False


# A full name as the subject of a verb, and a personal pronoun of a gender later in its sentence
# ("Ariel Winter claps back at those who hated on her gold minidress", Multi-News dev 293): an
# organization is "it" or "they". A pronoun that says who is speaking ("..., he says") is
# another person's. In DUC 2004 and Multi-News dev, 33 full names the analyzer typed "other"
# and no other mark made a person's have such a pronoun; 11 are no person ("Daily Beast",
# "Jersey Shore", "Ku Klux Klan"). With a given name first (`synopsis.text.given_names`), 15
# remain: 14 people, and "Houston Exploration qualifies, he says", which the speaker rule
# leaves out (a scratch scan of 5 December 2026 that no committed script repeats).
_SUBJECT_VERB = r"\s+(?:[a-z]+ly\s+)?(?:has|had|is|was|[a-z]{2,}(?:ed|s))\b"
_GENDERED = re.compile(
    rf"\b(?:{'|'.join(sorted(SINGULAR_PERSONAL))})\b(?!\s+(?:said|says|told|tells|added|adds)\b)"
)


def _gendered_subject(story: str, name: str) -> bool:
    """Whether the story writes a full name whose first word is a given name as a person's.

    Args:
        story: the articles' texts.
        name: a full name ("Ariel Winter").

    Returns:
        True when the first word is a given name and a sentence has the name as the subject of
        a verb with a singular personal pronoun ("she", "his") after it (`_GENDERED`).
    """
    if not is_given_name(name.split()[0]):
        return False
    subject = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-]){_SUBJECT_VERB}([^.!?\n]*)")
    return any(_GENDERED.search(m.group(1)) for m in subject.finditer(story))


def _names_only(words: Sequence[str]) -> bool:
    """Whether every word is a name's, none a title or a role ("Aung San", not "Prince")."""
    return bool(words) and not any(
        w.lower().rstrip(".") in ROLE_NOUNS or w.lower() in ROLE_TITLES for w in words
    )


# A middle initial: "A." in "Gail A. Glick".
_INITIAL = re.compile(r"[A-Z]\.?$")


def occurrence(text: str, variant: str, before: int) -> tuple[int, int] | None:
    """The first occurrence of `variant` in text, preferring one before offset `before`."""
    hits = [m.span() for m in name_pattern(variant).finditer(text)]
    earlier = [h for h in hits if h[1] <= before]
    return (earlier or hits)[0] if hits else None


def full_spelling_in(
    source: str, fulls: Sequence[str], at: int
) -> tuple[str, tuple[int, int]] | None:
    """The full spelling the article introduces the person with, if only one person matches.

    The shortest spelling the article writes ("Tim Medlin" rather than "Shift Supervisor Tim
    Medlin", whose titles the analyzer may fold in), at its earliest occurrence before offset
    `at` (else anywhere); None when the article writes two different people with that surname
    ("Augusto Pinochet", "Lucia Pinochet"), unless one spelling ends the other ("Norodom
    Ranariddh", "Prince Norodom Ranariddh"), or one adds a middle initial to the other and only
    one of them is written before `at` (so the name the article gave before names the surname:
    "Gail Glick" before "Glick said", "Her attorney Gail A. Glick is with ..." at the article's
    end, Multi-News dev, a lawsuit over a tracking app); a middle initial alone may part two
    people written before it ("George W. Bush", "George Bush", DUC 2007 D0726).
    """
    hits = [
        (len(f.split()), h[1] > at, h, f) for f in fulls for h in [occurrence(source, f, at)] if h
    ]
    if not hits:
        return None
    before = {f for _, later, _, f in hits if not later}
    written = {f for _, _, _, f in hits}
    if any(not one_person(a, b, before) for a in written for b in written):
        return None
    _, _, hit, full = min(hits)
    return full, hit


def one_person(a: str, b: str, before: Collection[str]) -> bool:
    """Whether two full spellings an article writes name one person (`full_spelling_in`)."""
    if a.endswith(b) or b.endswith(a):
        return True
    return (a in before) != (b in before) and _without_initials(a) == _without_initials(b)


def _without_initials(name: str) -> list[str]:
    """The words of a name without its middle initials ("Gail A. Glick" -> ["Gail", "Glick"])."""
    words = name.split()
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.match(w))]


@dataclass(frozen=True)
class People:
    """The story's people by surname: every full spelling the articles use for each.

    The analyzer may split one person ("Pinochet" read as a place, "Augusto Pinochet" as a
    person); keying by the last word of the full spellings joins them.
    """

    full: dict[str, tuple[str, ...]]
    short: dict[str, tuple[str, ...]]
    # short forms some article of the story writes standing alone as the person's name ("Dees
    # said"), not inside a full spelling, an abbreviation ("Sen.") or another name
    alone: frozenset[str] = frozenset()
    # surnames the story also writes after another given name in a name the index does not hold
    # ("Jamie Spears" beside "Britney Spears", "Lady Melania Trump" beside "Donald Trump"): a
    # bare "Spears" may be either
    namesakes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, names: Sequence[Name], texts: Sequence[str] = ()) -> People:
        """Index the person names by surname (the last word of a multi-word spelling).

        Args:
            names: the story's entities; people, and names of type "other" (the analyzer types
                many people so) whose surname is the subject of a speech verb in `texts`
                ("Medlin said"), has an age in apposition ("Medlin, 52,"), follows an
                honorific ("Mr. Medlin") or is the last word of a spelling typed a person's
                ("bin Laden"), whose full name follows a role or title ("Rep. Greg
                Gianforte"), or whose full name opens with a given name and is the subject of
                a verb with a personal pronoun of a gender after it (`_gendered_subject`).
            texts: the articles' texts.

        Returns:
            The index.
        """
        full: dict[str, list[str]] = {}
        story = "\n".join(texts)
        lowercase = set(re.findall(r"\b[a-z]+\b", story))
        said = {*_SPEAKER.findall(story), *_FIRST_SPEAKER.findall(story)}
        speakers = {
            *said,
            *_AGED.findall(story),
            *_HONORIFIC.findall(story),
            # the surname of a spelling the analyzer typed a person's ("bin Laden")
            *(v.split()[-1] for n in names if n.kind == "person" for v in n.variants),
        }
        addressees = set(_ADDRESSEE.findall(story))
        for name in names:
            if name.kind not in ("person", "other"):
                continue
            for v in name.variants:
                # a first word the articles also write in lowercase is a word, not a first name
                # ("Shift Supervisor Tim Medlin", "Whenever Netflix", "President Bill Clinton")
                as_speaker = v.split()[-1] in said
                if (
                    not _looks_like_a_full_name(v, speaker=as_speaker)
                    or v.split()[0].lower() in lowercase
                ):
                    continue
                if name.kind == "other" and not (
                    (
                        v.split()[-1] in speakers
                        or (v.split()[-1] in addressees and is_given_name(v.split()[0]))
                        or _titled(story, v)
                        or _gendered_subject(story, v)
                    )
                    and _inside_a_sentence(story, v)
                ):
                    continue
                full.setdefault(v.split()[-1], []).append(v)
        # a spelling that ends a longer one, whose extra words are names, not a title ("Suu Kyi"
        # of "Aung San Suu Kyi", not "Norodom Ranariddh" of "Prince Norodom Ranariddh"), and
        # that opens with no given name (a full name of its own: "Ronald Reagan" of "Republican
        # Ronald Reagan"), is the person's short form: DUC 2007 D0706-C opened "Suu Kyi won the
        # Nobel Peace Prize" with no full name, the index holding "Suu Kyi" as a full spelling
        tails = {
            k: [
                v
                for v in spellings
                if not is_given_name(v.split()[0])
                and any(
                    g.endswith(" " + v) and _names_only(g[: -len(v)].split())
                    for g in spellings
                    if g != v
                )
            ]
            for k, spellings in full.items()
        }
        full = {k: [v for v in vs if v not in tails[k]] for k, vs in full.items()}
        # the short form keeps a particle the full spelling writes before the surname: "bin
        # Laden", "Bin Laden" at a sentence's start ("Laden" alone is no one's name)
        short = {
            k: tuple(
                dict.fromkeys(
                    [
                        *(
                            f"{p} {k}"
                            for v in spellings
                            if len(v.split()) > 2 and v.split()[-2].lower() in NAME_PARTICLES
                            for p in (v.split()[-2], v.split()[-2].capitalize())
                        ),
                        *tails.get(k, ()),
                        k,
                        PARTICLE.sub("", k),
                    ]
                )
            )
            for k, spellings in full.items()
        }
        fulls = {k: tuple(sorted(set(v), key=lambda x: (-len(x), x))) for k, v in full.items()}
        alone = frozenset(
            form
            for k, forms in short.items()
            for form in forms
            if _written_alone(story, form, fulls[k])
        )
        namesakes = frozenset(
            v.split()[-1]
            for name in names
            for v in name.variants
            if v.split()[-1] in fulls
            and _looks_like_a_full_name(v)
            and is_given_name(v.split()[0])
            and not any(f.endswith(v) or v.endswith(f) for f in fulls[v.split()[-1]])
        )
        return cls(fulls, short, alone, namesakes)

    def only(self, keys: Sequence[str]) -> People:
        """The index restricted to the people of these surnames (in any order)."""
        return People(
            {k: v for k, v in self.full.items() if k in keys},
            {k: v for k, v in self.short.items() if k in keys},
            self.alone,
            self.namesakes,
        )

    def shared(self, key: str, *, titled: bool = False) -> bool:
        """Whether two different people have this surname ("Patty Campbell", "William Campbell").

        Args:
            key: a surname of the index.
            titled: the mention has a formal title before it ("President Trump"), which tells
                the person from a namesake outside the index but not from a second person in it.

        Returns:
            True when the index holds two full spellings of the surname that are not one
            inside the other, or (without a title) the story names someone else by it
            (`namesakes`).
        """
        written = self.full.get(key, ())
        if key in self.namesakes and not titled:
            return True
        return any(not (a.endswith(b) or b.endswith(a)) for a in written for b in written)

    def patterns(self) -> list[tuple[str, str]]:
        """(spelling, surname) for every full spelling and every short form of a surname."""
        return [(f, k) for k, fulls in self.full.items() for f in fulls] + [
            (s, k) for k, shorts in self.short.items() for s in shorts
        ]
