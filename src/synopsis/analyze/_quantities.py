"""Quantity mentions in one sentence: a number, its qualifier, unit or counted noun, and places.

Quantities are recognised with patterns in the style of numeric-fact extraction (Madaan et
al. 2016, "Numerical relation extraction with minimal supervision", AAAI: a number, its unit
or counted noun, and the entities around it). Each mention becomes an interval from its
qualifier ("about" widens, "more than" opens upwards, ranges stay ranges); `numbers` groups
and compares them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.analyze._phrases import (
    RATE_WINDOW,
    counted_noun,
    object_phrase,
    of_phrase,
    rate_noun,
    risen_to_noun,
)
from synopsis.analyze._text import NUMBER_WORDS, Span, content_stems
from synopsis.analyze.entities import EntityIndex
from synopsis.model.types import NumberValue

# "one" is left out: "one of the towns" is not a count.
_WORDS = {w: n for w, n in NUMBER_WORDS.items() if w != "one"} | {"a hundred": 100}
_VAGUE = {
    "a dozen": (10.0, 14.0),
    "dozen": (10.0, 14.0),
    "dozens": (24.0, 99.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "tens of thousands": (20000.0, 99999.0),
    "hundreds of thousands": (200000.0, 999999.0),
    "millions": (2e6, 1e9),
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted(_WORDS, key=len, reverse=True))
_VAGUENUM = "|".join(sorted(_VAGUE, key=len, reverse=True))
_QUAL = (
    r"about|around|approximately|roughly|nearly|almost|some|over|more than|less than|fewer than"
    r"|under|at least|up to|an estimated|estimated|just over|just under|close to|as many as"
)
_UNITS = (
    r"%|percent|per cent|pct|square (?:kilomet(?:er|re)s|km|miles|met(?:er|re)s)|sq\.? ?(?:km|mi)"
    r"|km2|km²|hectares|acres|kilomet(?:er|re)s|km|miles|met(?:er|re)s"
    r"|(?:years?|months?|weeks?|days?|hours?|minutes?)(?:[- ]old)?"
    r"|dollars|euros|pounds"
)
_QUALS = sorted(_QUAL.split("|"), key=len, reverse=True)
_CUR_BEFORE = re.compile(r"(?:US\$|\$|€|£)$")
_ANCHOR_WORDS = sorted(
    {w.split()[-1] for w in _WORDS} | {w.split()[0] for w in _VAGUE}, key=len, reverse=True
)


def _anchor_word(word: str) -> str:
    """Pattern for a number word (first letter either case) and the phrase it only starts."""
    # "a" starts a quantity only in "a dozen" / "a hundred", "tens" only in "tens of thousands".
    first = f"[{word[0].upper()}{word[0]}]{word[1:]}"
    if word in _WORDS or word in _VAGUE:
        return first
    rests = sorted(
        (k[len(word) + 1 :] for k in (*_WORDS, *_VAGUE) if k.startswith(word + " ")),
        key=len,
        reverse=True,
    )
    return f"{first}(?= (?i:{'|'.join(rests)}))"


_DIGIT_RUN = re.compile(r"\d+")
_NUMBER_WORDS = "|".join(_anchor_word(w) for w in _ANCHOR_WORDS)
# A number word after a non-word character (or at the start of the text, `_NUMBER_WORD_AT`).
_NUMBER_WORD_AFTER = re.compile(rf"\W((?:{_NUMBER_WORDS})\b)")
_NUMBER_WORD_AT = re.compile(rf"(?:{_NUMBER_WORDS})\b")


def anchor_starts(text: str) -> list[int]:
    """Where a quantity may start in text, in order: each digit run and each number word.

    Args:
        text: an article text.

    Returns:
        The start offsets (a quantity match from a digit run's first digit covers the run).
    """
    digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
    number_words = [m.start(1) for m in _NUMBER_WORD_AFTER.finditer(text)]
    if _NUMBER_WORD_AT.match(text):
        number_words.insert(0, 0)
    return sorted(digits + number_words)


_QUANTITY = re.compile(
    rf"(?:\b(?P<vague>{_VAGUENUM})|(?P<lo>{_NUM}|\b(?:{_WORDNUM})\b)(?:\s+(?P<scale1>thousand|million|billion|trillion))?"
    rf"(?:\s*(?:-|–|to)\s*(?P<hi>{_NUM})(?:\s+(?P<scale2>thousand|million|billion|trillion))?)?)"
    rf"(?:[- ](?P<unit>{_UNITS})\b|(?P<pct>%))?",
    re.IGNORECASE,
)
_QUALITATIVE = re.compile(
    r"\b(?:(?:full|complete|total)\s+control\s+(?:of|over)|all\s+of)\s+"
    r"|\bthe\s+(?:city|town|province|village)\s+of\s+\S+(?:\s\S+)?\s+(?:completely|entirely)\b",
    re.IGNORECASE,
)
_PART_OF = re.compile(rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:{_NUM})(?:\s+(?:million|billion))?")
# A number glued to a word, handle, path, time or decimal is not a quantity ("F-16", "3:30"):
# a word character or one of these marks right before or after it.
_GLUED_BEFORE_MARKS = frozenset("_@#/:.-’'")
_GLUED_AFTER_MARKS = frozenset("_:’'")


def _glued(char: str, marks: frozenset[str]) -> bool:
    """Whether a one-character string (or "") is a word character or one of marks."""
    return char.isalnum() or char in marks


_AGO = re.compile(r"\s+ago\b")
_QUALITATIVE_CUES = ("control of", "control over", "all of", "completely", "entirely")


def has_qualitative_cue(s: str) -> bool:
    """Whether s contains one of the words a "full control"-style claim needs.

    Args:
        s: a sentence.

    Returns:
        Whether any of `_QUALITATIVE_CUES` occurs in s.
    """
    return any(cue in s for cue in _QUALITATIVE_CUES)


_TO_CANON = {
    "square kilometers": ("km²", 1.0),
    "square kilometres": ("km²", 1.0),
    "square km": ("km²", 1.0),
    "sq km": ("km²", 1.0),
    "sq. km": ("km²", 1.0),
    "km2": ("km²", 1.0),
    "km²": ("km²", 1.0),
    "square miles": ("km²", 2.589988),
    "sq mi": ("km²", 2.589988),
    "sq. mi": ("km²", 2.589988),
    "hectares": ("km²", 0.01),
    "acres": ("km²", 0.00404686),
    "square meters": ("km²", 1e-6),
    "square metres": ("km²", 1e-6),
    "kilometers": ("km", 1.0),
    "kilometres": ("km", 1.0),
    "km": ("km", 1.0),
    "miles": ("km", 1.609344),
    "meters": ("km", 0.001),
    "metres": ("km", 0.001),
    "year": ("days", 365.25),
    "month": ("days", 30.44),
    "week": ("days", 7.0),
    "day": ("days", 1.0),
    "hour": ("days", 1 / 24),
    "minute": ("days", 1 / 1440),
    "dollars": ("USD", 1.0),
    "euros": ("EUR", 1.0),
    "pounds": ("GBP", 1.0),
}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}

# Relative half-widths of the intervals (chosen so rounding and unit conversions such as
# "90,000 square kilometers (35,000 square miles)" or "30 kilometres (18 miles)" agree, while
# "95 percent" vs "full control" (100) does not).
EXACT_TOL = 0.02
CONVERTED_TOL = 0.06
ABOUT_TOL = 0.10
NEARLY_LOW = 0.85
# Of-phrase window (chars) in which a place names what a share is "of"; 60 reaches "Iraq" in
# "96% of the land the group once held in Iraq is now liberated" (gold/example by eye).
# "1,500-2,500 fighters in Qaim and 2,000-3,000 in Albu Kamal": the second number inherits the
# first one's noun when an "and" joins them within this many characters.
ELLIPSIS_GAP = 40
OF_WINDOW = 60
# Context window (chars each side) for durations: "siege of nearly three years" must share
# "siege" with "besieged ... for nearly three years" but not a whole sentence's words.
CONTEXT_CHARS = 50
# "two"/"one" counts ("two major defeats") are too common to be worth comparing.
_TOO_COMMON = frozenset({"two"})
# Years written as bare numbers are dates, not quantities.
YEAR_RANGE = (1800, 2100)


@dataclass(slots=True)
class Quantity:
    """A quantity mention with what is needed to group and compare it."""

    value: NumberValue
    interval: tuple[float, float]
    vague: bool
    noun: str
    places: frozenset[int]
    context: frozenset[str]  # content stems around the mention (`_context`)
    raw_unit: str = ""
    numeric: bool = True
    point: float = 0.0


def _num(s: str) -> float:
    """Parse "1,500" or a number word."""
    s = s.lower()
    return float(_WORDS[s]) if s in _WORDS else float(s.replace(",", ""))


def _qualifier_before(text: str, lo: int, pos: int) -> tuple[str, int]:
    """The qualifier ("about", "more than") right before pos, and where it starts."""
    if pos <= lo or not text[pos - 1].isspace():
        return "", pos
    seg = text[lo:pos]
    stripped = seg.rstrip()
    low = stripped.lower()
    for q in _QUALS:
        if low.endswith(q) and (len(low) == len(q) or not low[-len(q) - 1].isalnum()):
            return stripped[-len(q) :], lo + len(stripped) - len(q)
    return "", pos


def _interval(lo: float, hi: float, qual: str, tol: float) -> tuple[float, float]:
    """Interval of values a mention allows, from its qualifier."""
    q = qual.lower()
    if q in (
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "close to",
    ):
        return lo * (1 - ABOUT_TOL), hi * (1 + ABOUT_TOL)
    if q in ("nearly", "almost", "just under"):
        return lo * NEARLY_LOW, hi * (1 + tol)
    if q in ("over", "more than", "at least", "just over", "as many as"):
        return lo * (1 - tol), math.inf
    if q in ("less than", "fewer than", "under", "up to"):
        return 0.0, hi * (1 + tol)
    return lo * (1 - tol), hi * (1 + tol)


def _places(index: EntityIndex, ents: list[tuple[int, int, int]], lo: int, hi: int) -> set[int]:
    """Ids of place-like entities mentioned in [lo, hi)."""
    return {
        eid
        for s, _, eid in ents
        if lo <= s < hi and index.types[eid] not in ("person", "organization")
    }


def extract_quantities(
    sent: Span,
    text: str,
    index: EntityIndex,
    ents: list[tuple[int, int, int]],
    masked: Sequence[tuple[int, int]],
    anchors: Sequence[int],
) -> list[Quantity]:
    """Quantities (and "full control"-style 100% claims) in one sentence.

    Args:
        sent: the sentence span.
        text: the article text.
        index: the entity index.
        ents: the sentence's entity mentions (start, end, entity id), sorted.
        masked: spans of date expressions in the sentence (their numbers are not quantities).
        anchors: where a quantity may start in the sentence (`anchor_starts`).

    Returns:
        Quantities with intervals, nouns, nearby places and context stems.
    """
    out: list[Quantity] = []
    if has_qualitative_cue(sent.text):
        out.extend(_qualitative(sent, text, index, ents))
    prev_noun, prev_end, last = "", -1, sent.start
    for num_start in anchors:
        if num_start < last:
            continue
        m = _QUANTITY.match(text, num_start, sent.end)
        if not m:
            continue
        vague_txt, lo_grp, scale1, hi_txt, scale2, unit_grp, pct = m.group(
            "vague", "lo", "scale1", "hi", "scale2", "unit", "pct"
        )
        if not (lo_grp or vague_txt):
            continue
        last = e = m.end()
        if masked and any(ds < e and num_start < de for ds, de in masked):
            continue  # inside a date; the check below, with the qualifier, would say so too
        # a currency sign ends right before the number (or "$" before a final newline)
        cur_m = _CUR_BEFORE.search(text, max(sent.start, num_start - 3), num_start)
        cur_start = cur_m.start() if cur_m else num_start
        qual, s = _qualifier_before(text, max(sent.start, cur_start - 24), cur_start)
        if masked and any(ds < e and s < de for ds, de in masked):
            continue
        before, after = text[max(0, num_start - 1) : num_start], text[e : e + 1]
        if _glued(before, _GLUED_BEFORE_MARKS) or _glued(after, _GLUED_AFTER_MARKS):
            continue
        if _AGO.match(text, e, e + 6):
            continue
        lo_txt = lo_grp or ""
        unit_raw = (unit_grp or pct or "").lower()
        if unit_raw.endswith("old"):
            continue  # ages belong to people, not to the story's quantities
        if (
            lo_txt.isdigit()
            and len(lo_txt) == 4
            and not unit_raw
            and YEAR_RANGE[0] <= int(lo_txt) <= YEAR_RANGE[1]
        ):
            continue
        vague = bool(vague_txt)
        if vague:
            lo, hi = _VAGUE[vague_txt.lower()]
            pos_after = e
            of = re.match(r"\s+of\b", text[e : e + 4])
            pos_after = e + (of.end() if of else 0)
        else:
            scale = _SCALE.get((scale1 or scale2 or "").lower(), 1.0)
            lo = _num(lo_txt) * _SCALE.get((scale1 or "").lower(), scale)
            hi = _num(hi_txt) * scale if hi_txt else lo
            pos_after = e
        canon, factor, converted = "", 1.0, False
        if unit_raw in ("%", "percent", "per cent", "pct"):
            canon = "%"
        elif unit_raw:
            key = re.sub(r"[- ]old$", "", unit_raw)
            key = key if key in _TO_CANON else key.rstrip("s")
            canon, factor = _TO_CANON.get(key, (unit_raw, 1.0))
            converted = canon in ("km²", "km") and factor != 1.0
        cur = cur_m.group(0).lower() if cur_m else ""
        if cur:
            canon = _CURRENCY[cur]
        lo, hi = lo * factor, hi * factor
        noun = ""
        if canon == "%":
            noun, _ = of_phrase(text, e, sent.end)
            if not noun:  # "turnout was 71 percent", "a 64 percent turnout"
                noun = rate_noun(text, max(sent.start, s - RATE_WINDOW), min(sent.end, e + 20))
            places = _places(index, ents, e, min(sent.end, e + OF_WINDOW))
            if not places:
                near = _places(index, ents, sent.start, s)
                prior = [eid for st, _, eid in ents if sent.start <= st < s and eid in near]
                places = set(prior[-1:])
            if not noun:
                continue
        if not canon:
            if lo_txt.lower() in _TOO_COMMON:
                continue
            noun = counted_noun(text, pos_after, sent.end)
            part_of = None if noun else _PART_OF.match(text, e, sent.end)
            if part_of:  # "64 of the 122 seats": both count seats
                noun = counted_noun(text, part_of.end(), sent.end)
            if (
                not noun
                and prev_noun
                and s - prev_end < ELLIPSIS_GAP
                and re.search(r"\band\b", text[prev_end:s])
            ):
                noun = prev_noun
            if not noun:
                noun = risen_to_noun(text, sent.start, s)
            if not noun:
                continue
        if canon != "%":
            places = _nearest(ents, sent, s, e, index.background)
        tol = CONVERTED_TOL if converted else EXACT_TOL
        interval = (lo, hi) if vague else _interval(lo, hi, qual, tol)
        value_start = num_start if not qual else s
        normalized: float | tuple[float, float] | None = (
            None if vague else (lo if lo == hi else (lo, hi))
        )
        value_text = text[value_start:e]
        nv = NumberValue(value_text, normalized, canon or noun, sent.article, s, e, text[s:e])
        raw_unit = unit_raw[:-1] if unit_raw.endswith("s") else unit_raw
        out.append(
            Quantity(
                nv,
                interval,
                vague,
                noun,
                frozenset(places),
                _context(text, sent, s, e),
                raw_unit,
                point=(lo + hi) / 2,
            )
        )
        prev_noun, prev_end = noun, e
    return out


def _context(text: str, sent: Span, s: int, e: int) -> frozenset[str]:
    """Content stems within CONTEXT_CHARS of a mention, in its sentence, excluding itself."""
    left = text[max(sent.start, s - CONTEXT_CHARS) : s]
    return content_stems(left + " " + text[e : min(sent.end, e + CONTEXT_CHARS)])


def _nearest(
    ents: list[tuple[int, int, int]], sent: Span, s: int, e: int, background: int
) -> set[int]:
    """The nearest non-background entity before and after a mention, in its sentence."""
    last_before: int | None = None
    lo, hi = sent.start, sent.end
    for st, _, eid in ents:
        if eid < background:
            continue
        if lo <= st < s:
            last_before = eid
        elif e <= st < hi:
            return {last_before, eid} if last_before is not None else {eid}
    return {last_before} if last_before is not None else set()


def _qualitative(
    sent: Span,
    text: str,
    index: EntityIndex,
    ents: list[tuple[int, int, int]],
) -> list[Quantity]:
    """ "Full control of the city of X" / "all of X city" / "the city of X completely" = 100%."""
    out = []
    for m in _QUALITATIVE.finditer(sent.text):
        s = sent.start + m.start()
        if m.group(0).lower().startswith("the"):
            head = m.group(0).split()[1].lower()
            e = sent.start + m.end()
            places = _places(index, ents, s, e)
        else:
            head, e = object_phrase(text, sent.start + m.end(), sent.end)
            places = _places(index, ents, s, e)
        if not head or not places or head in ("territory", "it"):
            continue
        nv = NumberValue(text[s:e], 100.0, "%", sent.article, s, e, text[s:e])
        out.append(
            Quantity(
                nv,
                (100.0 * (1 - EXACT_TOL), 100.0),
                False,
                head,
                frozenset(places),
                _context(text, sent, s, e),
                numeric=False,
                point=100.0,
            )
        )
    return out
