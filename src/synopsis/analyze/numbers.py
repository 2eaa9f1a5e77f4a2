"""Quantities across outlets: extraction, normalization, grouping and agree/differ status.

Quantities are recognised with patterns in the style of numeric-fact extraction (Madaan et
al. 2016, "Numerical relation extraction with minimal supervision", AAAI: a number, its unit
or counted noun, and the entities around it). Each mention becomes an interval from its
qualifier ("about" widens, "more than" opens upwards, ranges stay ranges); a group is marked
"differ" only when two articles give intervals that cannot both be true, and vague words
("dozens", "thousands") never cause a "differ": precision over recall.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat

import synopsis.analyze._text as _text
from synopsis.analyze._phrases import (
    RATE,
    RATE_WINDOW,
    counted_noun,
    object_phrase,
    of_phrase,
    rate_noun,
)
from synopsis.analyze._text import NUMBER_WORDS, Span
from synopsis.analyze.entities import EntityIndex
from synopsis.analyze.timeline import DateMention, find_dates
from synopsis.model.types import NumberGroup, NumberValue

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
_QUALS_TUPLE = tuple(_QUALS)
_CUR_BEFORE = re.compile(r"(?:US\$|\$|€|£)$")
_CUR_LAST_CHARS = frozenset("$€£\n")  # the last character of any `_CUR_BEFORE` search hit
_ANCHOR_WORDS = sorted(
    {w.split()[-1] for w in _WORDS} | {w.split()[0] for w in _VAGUE}, key=len, reverse=True
)


def _anchor_tail(word: str) -> str:
    """Pattern for `word` after its first letter, plus the rest of a phrase it only starts."""
    # "a" starts a quantity only in "a dozen" / "a hundred", "tens" only in "tens of thousands".
    if word in _WORDS or word in _VAGUE:
        return word[1:]
    rests = sorted(
        (k[len(word) + 1 :] for k in (*_WORDS, *_VAGUE) if k.startswith(word + " ")),
        key=len,
        reverse=True,
    )
    return f"{word[1:]}(?= (?i:{'|'.join(rests)}))"


_ANCHOR_TAILS: dict[str, list[str]] = {}
for _w in _ANCHOR_WORDS:
    _ANCHOR_TAILS.setdefault(_w[0], []).append(_anchor_tail(_w))
# Cheap scan for where a quantity may start: the first digit of a digit run (a match from it
# covers the run), or a number word at a word start
# (r"\d|\b(?:[Tt]wo|...)\b", leaving out the many "a" not followed by "dozen"/"hundred":
# the quantity pattern fails there anyway). Written to begin with a character class, which lets
# the regex engine skip ahead to candidate characters; the word start is checked after the
# first letter by (?<!\w.), and the rest of the word by a branch per first letter.
_ANCHOR = re.compile(
    r"[\d"
    + "".join(sorted({c + c.upper() for c in _ANCHOR_TAILS}))
    + r"](?:(?<=\d)(?<!\d.)|(?<!\w.)(?:"
    + "|".join(f"(?<=[{c.upper()}{c}])(?:{'|'.join(t)})" for c, t in _ANCHOR_TAILS.items())
    + r")\b)"
)
# The same starts found faster on a whole text (`_anchor_starts`): digits, and number words
# right after a non-word character (the engine skips quickly to those) or opening the text.
_ANCHOR_WORD = (
    "(?:"
    + "|".join(f"[{c.upper()}{c}](?:{'|'.join(t)})" for c, t in _ANCHOR_TAILS.items())
    + r")\b"
)
_ANCHOR_WORD_AFTER = re.compile(
    r"\W(?=[" + "".join(sorted({c + c.upper() for c in _ANCHOR_TAILS})) + rf"])({_ANCHOR_WORD})"
)
_ANCHOR_WORD_AT = re.compile(_ANCHOR_WORD)
# The first digit of each digit run: a quantity match from it always covers the whole run, so
# the run's later digits were never tried (same quantities, a far shorter anchor list).
_DIGIT = re.compile(r"\d+")  # starts of digit runs; a leading lookbehind scans slower
# ASCII texts (every cleaned DUC article) take a faster route: in their `word_shape`, the
# candidate scan jumps between spaces (a literal) instead of testing every character against a
# class; each candidate is then checked with `_ANCHOR_WORD_AT` on the real text.
_ANCHOR_WORD_CANDIDATE = re.compile(
    (
        " (?=["
        + "".join(_ANCHOR_TAILS)
        + "])(?="
        + "|".join(
            f"{c}(?:{'|'.join(w[1:] for w in _ANCHOR_WORDS if w[0] == c)})"
            for c in _ANCHOR_TAILS
            if c != "a"
        )
        + "|a (?:hundred|dozen))"
    ).encode("ascii")
)


def _anchor_starts(text: str) -> list[int]:
    """Where a number may start in text, in order: words of `_ANCHOR` and each digit run."""
    if text.isascii():
        at = _ANCHOR_WORD_AT.match
        data = text.encode("ascii")
        # the candidate's space is a non-word character before a lowercased anchor word
        shape = _text.word_shape(data)
        words = [m.end() for m in _ANCHOR_WORD_CANDIDATE.finditer(shape) if at(text, m.end())]
        if at(text):
            words.insert(0, 0)
        digits = _text.digit_run_starts(data)
    else:
        words = [m.start(1) for m in _ANCHOR_WORD_AFTER.finditer(text)]
        if _ANCHOR_WORD_AT.match(text):
            words.insert(0, 0)
        digits = [m.start() for m in _DIGIT.finditer(text)]
    return sorted(words + digits) if words else digits


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
# the classes [\w@#/:.\-’'] before it and [\w:’'] after it, tested on one character with str
# methods (a regex call per number cost more); \w is what str.isalnum() accepts, plus "_".
_GLUED_BEFORE_MARKS = frozenset("_@#/:.-’'")
_GLUED_AFTER_MARKS = frozenset("_:’'")


def _glued(char: str, marks: frozenset[str]) -> bool:
    """Whether a one-character string (or "") is a word character or one of marks."""
    return char.isalnum() or char in marks


_AGO = re.compile(r"\s+ago\b")
_QUALITATIVE_CUES = ("control of", "control over", "all of", "completely", "entirely")


def _has_qualitative_cue(s: str) -> bool:
    """Whether s contains one of `_QUALITATIVE_CUES` (unrolled: it runs for every sentence)."""
    return (
        "control of" in s
        or "control over" in s
        or "all of" in s
        or "completely" in s
        or "entirely" in s
    )


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
# Shared context stems needed to group two mentions: with a shared entity 1 ("siege" in
# "siege of nearly three years" / "besieged ... for nearly three years"), without one 2; set
# on the gold stories and checked against false "differ" groups on DUC 2004 by eye.
MIN_CONTEXT_ANCHORED = 1
MIN_CONTEXT_FREE = 2
# Two numeric mentions "differ" only if their contexts share this many stems (a false
# "differ" misleads more than a missed one).
MIN_CONTEXT_DIFFER = 2
MIN_CONTEXT_DIFFER_FREE = 3  # without a shared entity
# Counts below this ("three attacks" vs "four attacks") often enumerate subsets; they may
# agree but never "differ".
MIN_DIFFER_COUNT = 10
# Values further apart than this factor are two quantities ("10 medals" / "377 medals"), not
# a conflict; real conflicting reports in the gold set and DUC 2004 are within 1.5x.
MAX_RATIO = 3.0
# "two"/"one" counts ("two major defeats") are too common to be worth comparing.
_TOO_COMMON = frozenset({"two"})
# Years written as bare numbers are dates, not quantities.
YEAR_RANGE = (1800, 2100)


@dataclass(slots=True)  # slots: built per quantity and read in every pairwise check
class _Quantity:
    """A quantity mention with what is needed to group and compare it."""

    value: NumberValue
    interval: tuple[float, float]
    vague: bool
    noun: str
    places: frozenset[int]
    # where the context stems come from: (text, sentence, start, end) for `_context`; the stems
    # are computed on first use, since most mentions are never compared with another one
    window: tuple[str, Span, int, int]
    raw_unit: str = ""
    numeric: bool = True
    point: float = 0.0
    stems: frozenset[str] | None = None

    @property
    def context(self) -> frozenset[str]:
        """Content stems around the mention (`_context` of `window`)."""
        if self.stems is None:
            self.stems = _context(*self.window)
        return self.stems


def _num(s: str) -> float:
    """Parse "1,500" or a number word."""
    s = s.lower()
    return float(_WORDS[s]) if s in _WORDS else float(s.replace(",", ""))


def _qualifier_before(text: str, lo: int, pos: int) -> tuple[str, int]:
    """The qualifier ("about", "more than") right before pos, and where it starts."""
    if pos <= lo or not text[pos - 1].isspace():  # the common case, without slicing
        return "", pos
    seg = text[lo:pos]
    stripped = seg.rstrip()
    low = stripped.lower()
    if not low.endswith(_QUALS_TUPLE):
        return "", pos
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
    anchors: Sequence[int] | None = None,
    maybe_cue: bool = True,
) -> list[_Quantity]:
    """Quantities (and "full control"-style 100% claims) in one sentence.

    Args:
        sent: the sentence span.
        text: the article text.
        index: the entity index.
        ents: this article's entity mentions (start, end, entity id), sorted.
        masked: spans of date expressions in the sentence (their numbers are not quantities).
        anchors: where a number may start in the sentence, when already found.
        maybe_cue: False when the article has no "full control" cue (so the sentence has none).

    Returns:
        Quantities with intervals, nouns, nearby places and context stems.
    """
    out: list[_Quantity] = []
    if maybe_cue and _has_qualitative_cue(sent.text):
        out.extend(_qualitative(sent, text, index, ents))
    if anchors is None:
        anchors = [a.start() for a in _ANCHOR.finditer(text, sent.start, sent.end)]
    if not anchors:
        return out
    prev_noun, prev_end, last = "", -1, sent.start
    for num_start in anchors:
        if num_start < last:
            continue
        m = _QUANTITY.match(text, num_start, sent.end)
        if not m:
            continue
        # all named groups in one call (each m.group(name) call looks the name up again)
        vague_txt, lo_grp, scale1, hi_txt, scale2, unit_grp, pct = m.group(
            "vague", "lo", "scale1", "hi", "scale2", "unit", "pct"
        )
        if not (lo_grp or vague_txt):
            continue
        last = e = m.end()
        if masked and any(ds < e and num_start < de for ds, de in masked):
            continue  # inside a date; the check below, with the qualifier, would say so too
        # a currency sign ends right before the number (or "$" before a final newline)
        cur_m = (
            _CUR_BEFORE.search(text, max(sent.start, num_start - 3), num_start)
            if num_start > sent.start and text[num_start - 1] in _CUR_LAST_CHARS
            else None
        )
        cur_start = cur_m.start() if cur_m else num_start
        qual, s = _qualifier_before(text, max(sent.start, cur_start - 24), cur_start)
        if masked and any(ds < e and s < de for ds, de in masked):
            continue
        before, after = text[max(0, num_start - 1) : num_start], text[e : e + 1]
        if _glued(before, _GLUED_BEFORE_MARKS) or _glued(after, _GLUED_AFTER_MARKS):
            continue
        if after.isspace() and _AGO.match(text, e, e + 6):  # r"\s+ago" needs a space first
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
                continue
        if canon != "%":  # after the checks above: most candidates without a noun are dropped
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
            _Quantity(
                nv,
                interval,
                vague,
                noun,
                frozenset(places),
                (text, sent, s, e),
                raw_unit,
                point=(lo + hi) / 2,
            )
        )
        prev_noun, prev_end = noun, e
    return out


def _context(text: str, sent: Span, s: int, e: int) -> frozenset[str]:
    """Content stems within CONTEXT_CHARS of a mention, in its sentence, excluding itself."""
    left = text[max(sent.start, s - CONTEXT_CHARS) : s]
    return _text.content_stems(left + " " + text[e : min(sent.end, e + CONTEXT_CHARS)])


def _nearest(
    ents: list[tuple[int, int, int]], sent: Span, s: int, e: int, background: int
) -> set[int]:
    """The nearest non-background entity before and after a mention, in its sentence."""
    # one pass instead of two filtered lists: the last match before, the first after
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
) -> list[_Quantity]:
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
            _Quantity(
                nv,
                (100.0 * (1 - EXACT_TOL), 100.0),
                False,
                head,
                frozenset(places),
                (text, sent, s, e),
                numeric=False,
                point=100.0,
            )
        )
    return out


def _compatible(a: _Quantity, b: _Quantity) -> bool:
    """Whether two mentions can describe the same quantity."""
    if a.value.unit != b.value.unit or a.noun != b.noun:
        return False
    if a.raw_unit != b.raw_unit and a.value.unit == "days":
        return False  # "24 hours" and "three years" are never the same duration
    low, high = (a.point, b.point) if a.point <= b.point else (b.point, a.point)
    if high > MAX_RATIO * (low if low > 1e-9 else 1e-9):
        return False  # "10 medals" and "377 medals" are two quantities, not a conflict
    overlap = a.interval[0] <= b.interval[1] and b.interval[0] <= a.interval[1]
    if a.value.article == b.value.article and not overlap and a.numeric and b.numeric:
        return False  # one article giving two values means two different things
    if _disjoint(a, b) and not _strong(a, b):
        return False  # too loosely related to be called either the same or a conflict
    shared = len(a.context & b.context)
    if a.places & b.places:
        # "share of city (Deir Ezzor)" is specific on its own
        return a.value.unit == "%" or shared >= MIN_CONTEXT_ANCHORED
    return shared >= MIN_CONTEXT_FREE


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two closed intervals meet."""
    return a[0] <= b[1] and b[0] <= a[1]


def _strong(a: _Quantity, b: _Quantity) -> bool:
    """Whether two mentions share enough context to be called one quantity when they differ."""
    if not (a.numeric and b.numeric):
        return True
    need = MIN_CONTEXT_DIFFER if a.places & b.places else MIN_CONTEXT_DIFFER_FREE
    return len(a.context & b.context) >= need


def _disjoint(a: _Quantity, b: _Quantity) -> bool:
    """Cross-article, non-vague mentions whose intervals do not meet."""
    return (
        a.value.article != b.value.article
        and not (a.vague or b.vague)
        and not _overlaps(a.interval, b.interval)
    )


def _conflict(a: _Quantity, b: _Quantity, by_article: dict[str, list[_Quantity]]) -> bool:
    """Whether two grouped mentions from different articles cannot both be true.

    Not when some article states values matching both (then they are two quantities, like
    a 13-year and an 11-year sentence), nor for small counts, nor when the two mentions
    share too little context.
    """
    if not _disjoint(a, b) or not _strong(a, b):
        return False
    for qs in by_article.values():
        same = [q for q in qs if q.value.unit == a.value.unit and q.noun == a.noun and q.numeric]
        if (
            any(_overlaps(q.interval, a.interval) for q in same)
            and any(_overlaps(q.interval, b.interval) for q in same)
            and not all(
                _overlaps(q.interval, a.interval) and _overlaps(q.interval, b.interval)
                for q in same
            )
        ):
            return False
    small = max(a.interval[1], b.interval[1]) < MIN_DIFFER_COUNT
    return not (small and a.value.unit == a.noun)


def _about(q: _Quantity, index: EntityIndex) -> str:
    """Describe what a group counts: "share of city (Deir Ezzor)", "fighters (Al-Qaim)"."""
    places = ", ".join(sorted(index.names[p] for p in q.places))
    unit = q.value.unit
    share = q.noun if RATE.fullmatch(q.noun) else f"share of {q.noun}"  # "turnout"
    what = {"%": share, "km²": "area", "km": "distance", "days": "duration"}.get(unit, unit)
    return f"{what} ({places})" if places else what


def group_numbers(
    sentences: Sequence[Span],
    texts: dict[str, str],
    index: EntityIndex,
    dates_of: dict[tuple[str, int], list[DateMention]] | None = None,
) -> tuple[NumberGroup, ...]:
    """Extract quantities from all articles and group mentions of the same quantity.

    Args:
        sentences: sentence spans of all articles.
        texts: article id -> text.
        index: entity index (places name what a quantity is about).
        dates_of: date mentions per sentence (`timeline.sentence_dates`); found here if None.

    Returns:
        Groups, "differ" first, then "agree", then "single"; within, most articles first.
    """
    quantities: list[_Quantity] = []
    starts = {art: _anchor_starts(t) for art, t in texts.items()}
    ent_starts = {art: [st for st, _, _ in ms] for art, ms in index.mentions.items()}
    # a sentence can only hold a "full control" cue if its article does (checked once)
    cue_in = {art: _has_qualitative_cue(t) for art, t in texts.items()}
    for sent in sentences:
        if sent.is_list or sent.is_header or sent.is_headline:
            continue
        art_starts = starts[sent.article]
        lo = bisect.bisect_left(art_starts, sent.start)
        hi = bisect.bisect_left(art_starts, sent.end, lo)
        if lo == hi and not (cue_in[sent.article] and _has_qualitative_cue(sent.text)):
            continue  # no number and no "full control": nothing to extract
        text = texts[sent.article]
        # Only the sentence's own entity mentions are ever looked at: slice them once here
        # instead of filtering the whole article's list for every quantity.
        all_ents = index.mentions.get(sent.article, [])
        if all_ents:
            e_starts = ent_starts[sent.article]
            e_lo = bisect.bisect_left(e_starts, sent.start)
            ents = all_ents[e_lo : bisect.bisect_left(e_starts, sent.end, e_lo)]
        else:
            ents = all_ents
        dates = (
            dates_of.get((sent.article, sent.start), [])
            if dates_of is not None
            else find_dates(text, sent.start, sent.end, None)
        )
        masked = [(d.start, d.end) for d in dates]
        found = extract_quantities(
            sent, text, index, ents, masked, art_starts[lo:hi], cue_in[sent.article]
        )
        quantities.extend(found)
    by_article: dict[str, list[_Quantity]] = {}
    for q in quantities:
        by_article.setdefault(q.value.article, []).append(q)
    groups: list[list[_Quantity]] = []
    # Members of a group share unit and noun (`_compatible` requires it), so a mention is only
    # tried against the groups of its own (unit, noun), in creation order as before.
    groups_of: dict[tuple[str, str], list[list[_Quantity]]] = {}
    for q in quantities:
        candidates = groups_of.setdefault((q.value.unit, q.noun), [])
        for g in candidates:
            if all(map(_compatible, repeat(q), g)):  # map: no generator frame per check
                g.append(q)
                break
        else:
            groups.append([q])
            candidates.append(groups[-1])
    out: list[tuple[int, int, NumberGroup]] = []
    rank = {"differ": 0, "agree": 1, "single": 2}
    for g in groups:
        pairs = [(a, b) for i, a in enumerate(g) for b in g[i + 1 :]]
        if any(_conflict(a, b, by_article) for a, b in pairs):
            parts, status = [g], "differ"
        elif any(_disjoint(a, b) for a, b in pairs):
            # values that differ without a reliable conflict: neither "agree" nor "differ"
            parts, status = [[q] for q in g], "single"
        else:
            parts, status = [g], "agree"
        for part in parts:
            arts = {q.value.article for q in part}
            st = "single" if len(arts) == 1 else status
            group = NumberGroup(_about(part[0], index), st, tuple(q.value for q in part))
            out.append((rank[st], -len(arts), group))
    out.sort(key=lambda t: (t[0], t[1]))
    return tuple(t[2] for t in out)
