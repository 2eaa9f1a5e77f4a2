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
TOK = rf"(?<![\w\-‐])(?:\b(?=[abdeilruvz])(?:{PART}[-‐]\s?|{SPACE_PART}\s)(?=[{UP}]))?{CAPW}"
# "and" joins names only inside an organization name ("Disaster and Emergency Management
# Authority"), never two places ("Iraq and Syria").
AND_ORG = (
    rf"\s+and\s+(?=(?:{CAPW}\s+){{0,3}}(?:Authority|Ministry|Agency|Council|Commission"
    r"|Organi[sz]ation|Service|Department|Office|Committee|Institute|Bank|Fund)\b)"
)
JOINED_TOKS = rf"(?:(?:\s+(?:(?:of|for|bin|ibn)(?:\s+the)?\s+)?|{AND_ORG}){TOK})*"


def _words_of(alternation: str) -> list[str]:
    """The words of a "(?:al|el|...)" group."""
    return alternation.removeprefix("(?:").removesuffix(")").split("|")


def _by_first_char(alternation: str) -> str:
    """Rewrite "(?:al|el|...)" as the rest of each word after its (already matched) first char."""
    groups: dict[str, list[str]] = {}
    for word in _words_of(alternation):
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"(?<={c})(?:{'|'.join(t)})" for c, t in groups.items()) + ")"


_PART_FIRSTS = "".join(sorted({w[0] for w in _words_of(PART) + _words_of(SPACE_PART)}))
# A name, written plainly: a token at a capital or particle start, then joined tokens.
NAME_SPAN_PLAIN = rf"(?=[{UP}abdeilruvz]){TOK}{JOINED_TOKS}"
# The same matches as NAME_SPAN_PLAIN (tests/analyze/test_analyze_speed.py checks it), written
# to begin with a character class, which lets the regex engine skip to candidate characters
# (trying every position was the largest single cost of the analysis); (?<!...) then checks
# the word start and a branch per first character matches the rest of the first token.
NAME_SPAN = re.compile(
    rf"[{UP}{_PART_FIRSTS}](?<![\w\-‐].)"
    rf"(?:(?<=[{UP}])(?:[\w’'.\-]*[^\W\d_])?"
    rf"|(?:{_by_first_char(PART)}[-‐]\s?|{_by_first_char(SPACE_PART)}\s)(?=[{UP}]){CAPW})"
    + JOINED_TOKS
)

# The same matches for text in which no name can start with a particle (`name_spans`): a
# particle start is tried at most lowercase letters, which was half of the scan's time.
# Its joined tokens leave out the particle branch of TOK too: without a particle start in the
# text that branch never matches, and trying it after every name was ~10% of the scan.
_JOINED_CAPITAL_TOKS = (
    rf"(?:(?:\s+(?:(?:of|for|bin|ibn)(?:\s+the)?\s+)?|{AND_ORG})(?<![\w\-‐]){CAPW})*"
)
NAME_SPAN_CAPITAL = re.compile(
    rf"[{UP}](?<![\w\-‐].)(?:[\w’'.\-]*[^\W\d_])?" + _JOINED_CAPITAL_TOKS
)


def _after_particle(sep: str, alternation: str) -> str:
    """Lookbehinds: `sep` closes one of the particle words (one lookbehind per word length)."""
    by_len: dict[int, list[str]] = {}
    for word in _words_of(alternation):
        by_len.setdefault(len(word), []).append(word)
    return "|".join(rf"(?<=\b(?:{'|'.join(ws)}){sep})" for ws in by_len.values())


# Where a particle start may be: a hyphen after any particle, or a capital after a space
# particle and one whitespace character; it starts at the rarer hyphen or capital.
_HYPHEN_AFTER_PARTICLE = _after_particle("[-‐]", PART)
_CAPITAL_AFTER_PARTICLE = _after_particle(r"\s.", SPACE_PART)
_PARTICLE_HINT = re.compile(
    rf"[-‐](?:{_HYPHEN_AFTER_PARTICLE})|[{UP}](?:{_CAPITAL_AFTER_PARTICLE})"
)
_NAME_SPAN_ASCII = re.compile(NAME_SPAN.pattern, re.ASCII)
_NAME_SPAN_CAPITAL_ASCII = re.compile(NAME_SPAN_CAPITAL.pattern, re.ASCII)
_HYPHEN_HINT = re.compile(rf"[-‐](?:{_HYPHEN_AFTER_PARTICLE})")
_CAPITAL_HINT = re.compile(rf"[{UP}](?:{_CAPITAL_AFTER_PARTICLE})")


def name_spans(text: str) -> list[re.Match[str]]:
    """`NAME_SPAN` matches in text, scanning with `NAME_SPAN_CAPITAL` where it gives the same.

    Args:
        text: a sentence.

    Returns:
        The matches of NAME_SPAN.finditer(text).
    """
    # _PARTICLE_HINT.search(text), as two scans: the hyphen one only runs when the text has a
    # hyphen, which halves the cost of the check (most sentences have none).
    hint = (("-" in text or "‐" in text) and _HYPHEN_HINT.search(text)) or _CAPITAL_HINT.search(
        text
    )
    if text.isascii():  # ASCII classes give the same matches there, ~10% faster
        return list((_NAME_SPAN_ASCII if hint else _NAME_SPAN_CAPITAL_ASCII).finditer(text))
    rx = NAME_SPAN if hint else NAME_SPAN_CAPITAL
    return list(rx.finditer(text))


PARTICLES = frozenset(
    words(
        """
        al el ez ad as ash az ar an at ud ul the
        """
    )
)


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


# Letter multisets as ints for `quick_ratio`-style counts: each of a-z and 0-9 gets a field of
# LETTER_FIELD bits and a count n sets the field's n lowest bits, so the bits two multisets share
# (a & b) number sum(min(count_a, count_b)), counted by int.bit_count in C. The fields are fixed
# (no state shared between threads); other characters fall back to `quick_ratio`.
LETTER_FIELD = 32  # longer than any name's count of one letter (`letter_bits` checks)
_LETTER_SLOT = {c: k * LETTER_FIELD for k, c in enumerate("abcdefghijklmnopqrstuvwxyz0123456789")}


@functools.lru_cache(maxsize=SURFACE_CACHE)
def letter_bits(s: str) -> int | None:
    """The letter counts of s as an int (see LETTER_FIELD), or None.

    Args:
        s: a compact key.

    Returns:
        An int whose (a & b).bit_count() with another string's is the number of letters
        in common that `quick_ratio` counts; None when s has a character other than a-z and
        0-9, or one character over LETTER_FIELD times.
    """
    seen: dict[str, int] = {}
    bits = 0
    for ch in s:
        base = _LETTER_SLOT.get(ch)
        k = seen.get(ch, 0)
        if base is None or k >= LETTER_FIELD:
            return None
        seen[ch] = k + 1
        bits |= 1 << (base + k)
    return bits
