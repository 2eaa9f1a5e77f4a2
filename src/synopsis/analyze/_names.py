"""Name spans and name keys: the string-level half of entity extraction.

Names are runs of capitalized tokens with Arabic-style particles (al-, el-, ez-, bin, abu) and
"of"/"for" joins, as in gazetteer-free NER (Nadeau & Sekine 2007, "A survey of named entity
recognition and classification", section 3); spelling variants are compared by a folded,
particle-free key, its compact form and its consonant skeleton.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from synopsis.analyze._text import fold, words

# Distinct raw spans remembered between calls (a 10-article story has ~500).
SURFACE_CACHE = 8192

PART = r"(?:al|el|ez|ad|as|ash|az|ar|an|at|ud|ul|bin|ibn|abu|bou|de|du|da|di|la|le|van|von|der)"
UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # capitals incl. Latin-1 and Latin Extended-A ("Ş", "Ö")
CAPW = rf"(?:[{UP}][\w’'.\-]*[^\W\d_]|[{UP}])"
# Particles joined by a space only where English words cannot be mistaken for them ("as",
# "at", "an" need a hyphen: "as-Sulaymaniyah", never "Monday as Japanese ...").
SPACE_PART = r"(?:al|el|bin|ibn|abu|bou|de|du|da|di|la|le|van|von|der)"
# Words that open a sentence, which an abbreviation's period before them may end ("... of
# Company A. The next day", "on Main St. He said"): no name continues into them.
_OPENERS = r"(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|There|His|Her|Its|Their)"
# An abbreviation that opens a place's name ("St. Petersburg", "Mt. Everest", "Ft. Lauderdale"):
# its period would end the span, leaving "St" and "Petersburg" as two names.
ABBREVIATED_PREFIX = rf"(?:St|Ste|Mt|Ft)\.\s(?!{_OPENERS}\b)(?=[{UP}][a-z])"
TOK = (
    rf"(?<![\w\-‐])(?:\b(?=[abdeilruvz])(?:{PART}[-‐]\s?|{SPACE_PART}\s)(?=[{UP}])"
    rf"|{ABBREVIATED_PREFIX})?{CAPW}"
)
# "and" joins names only inside an organization name ("Disaster and Emergency Management
# Authority"), never two places ("Iraq and Syria").
AND_ORG = (
    rf"\s+and\s+(?=(?:{CAPW}\s+){{0,3}}(?:Authority|Ministry|Agency|Council|Commission"
    r"|Organi[sz]ation|Service|Department|Office|Committee|Institute|Bank|Fund)\b)"
)
# A middle initial or two inside a person's name ("Brett M. Kavanaugh", "George H.W. Bush"):
# joined only when a capitalized word that does not open a sentence follows it, so "... of
# Company A. The next day" stays two spans.
INITIALS = rf"\s+[{UP}]\.(?:\s?[{UP}]\.)?(?=\s+(?!{_OPENERS}\b)[{UP}](?:['’][{UP}])?[a-z])"
JOINED_TOKS = rf"(?:{INITIALS}|(?:\s+(?:(?:of|for|bin|ibn)(?:\s+the)?\s+)?|{AND_ORG}){TOK})*"


# A name: a token at a capital or particle start, then joined tokens.
NAME_SPAN = re.compile(rf"(?=[{UP}abdeilruvz]){TOK}{JOINED_TOKS}")


def name_spans(text: str) -> list[re.Match[str]]:
    """The name spans of a sentence (`NAME_SPAN` matches).

    Args:
        text: a sentence.

    Returns:
        The matches, in order.
    """
    return list(NAME_SPAN.finditer(text))


PARTICLES = frozenset(
    words(
        """
        al el ez ad as ash az ar an at ud ul the
        """
    )
)


# A final "Jr."/"Sr." after a full name: the same person's name, as news writes it either way.
GENERATION_SUFFIXES = frozenset({"jr", "sr"})


@functools.lru_cache(maxsize=SURFACE_CACHE)
def name_key(surface: str) -> str:
    """Return the particle-free folded key of a name ("Deir ez-Zor" -> "deir zor").

    Args:
        surface: the name as written.

    Returns:
        Space-separated folded tokens without particles, hyphens or final silent h.
    """
    tokens = [t for t in _NAME_SPLIT.split(fold(surface)) if t]
    kept = [t for t in tokens if t not in PARTICLES] or tokens
    if len(kept) > 2 and kept[-1] in GENERATION_SUFFIXES:
        kept = kept[:-1]  # "Wilbur Ross Jr." is "Wilbur Ross"
    # drop a final "h" after a vowel in words over 3 letters
    return " ".join(t[:-1] if len(t) > 3 and t[-1] == "h" and t[-2] in "aeiou" else t for t in kept)


_NAME_SPLIT = re.compile(r"[\s\-‐.]+")
_DOUBLED = re.compile(r"(.)\1+")
_FUSED_ARTICLE = re.compile(r"^[ae]l[^aeiou]")
_NO_VOWELS = str.maketrans("", "", "aeiou")


@functools.lru_cache(maxsize=SURFACE_CACHE)
def compact_key(key: str) -> str:
    """Join a key's tokens, collapse doubled letters and drop a fused al-/el- prefix.

    Args:
        key: a `name_key`.

    Returns:
        The compact key ("deir zor" -> "deirzor").
    """
    s = _DOUBLED.sub(r"\1", key.replace(" ", ""))
    if _FUSED_ARTICLE.match(s) and len(s) > 6:
        s = s[2:]
    return s


# Transliteration classes, applied in this order: r"([dtkgsz])h" -> r"\1" (Qadhafi/Gaddafi,
# Kazakhstan/Kazakstan), then [qcg] -> k (Qaddafi/Gaddafi/Kadhafi), then ph -> f; the last two
# are a translation table and a literal replace, which give what the regex substitutions gave.
_H_AFTER = re.compile(r"([dtkgsz])h")
_TO_K = str.maketrans("qcg", "kkk")


@functools.lru_cache(maxsize=SURFACE_CACHE)
def skeleton(compact: str) -> str:
    """Consonant skeleton of a compact key: vowels dropped, transliteration classes merged.

    Args:
        compact: a `compact_key`.

    Returns:
        The skeleton ("kadhafi" -> "kdf").
    """
    s = compact.translate(_NO_VOWELS)
    if "h" in s:
        s = _H_AFTER.sub(r"\1", s)
    s = s.translate(_TO_K).replace("ph", "f")
    return _DOUBLED.sub(r"\1", s)


def quick_ratio(a: Counter[str], b: Counter[str], length: int) -> float:
    """`difflib.SequenceMatcher.quick_ratio` from letter counts computed once per name.

    Args:
        a: letter counts of one string.
        b: letter counts of the other.
        length: the two strings' total length.

    Returns:
        2 * (letters in common) / length, as difflib computes it.
    """
    matches = sum(min(n, b[ch]) for ch, n in a.items() if ch in b)
    return 2.0 * matches / length if length else 1.0
