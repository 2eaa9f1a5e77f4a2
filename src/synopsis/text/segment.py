"""Sentence segmentation with character offsets.

A rule-based splitter in the spirit of Kiss & Strunk's Punkt (Computational Linguistics, 2006):
candidate boundaries are terminal punctuation followed by space, and a candidate is rejected when
the token before it is a known abbreviation, an initial, or a dotted acronym that continues the
sentence.
Paragraph breaks (newlines) always end a sentence. Offsets index the input text, so
``text[start:end]`` is the sentence exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from synopsis.model.types import Article, Sentence
from synopsis.text.dates import MONTH_ABBREVIATIONS

# Abbreviated given names, as in firm names ("BT Alex. Brown", DUC 2004 and 2007 wire copy); they
# are also whole given names that end sentences ("I spoke with Alex. He said ..."), so they are
# sentence-final too.
GIVEN_NAME_ABBREVIATIONS = frozenset("alex wm chas geo jas thos benj".split())
# Abbreviations that are followed by a period but rarely end a sentence (titles, months, units,
# Latin shorthand, company suffixes). Lowercased, without the final period. The military and
# civil titles include the spellings wire copy uses before a name ("Cmndr. Zejnil Delalic",
# "Brig. Gen.", "Pfc.", "Sens."; DUC 2004's AP copy split after "Cmndr.").
ABBREVIATIONS = (
    MONTH_ABBREVIATIONS
    | frozenset(
        """
    mr mrs ms dr drs prof profs gen sen rep gov lt col sgt capt cpl maj adm cmdr pres supt insp det
    rev fr cmndr cdr comdr brig pvt pfc spc cpt lieut ens atty msgr sens reps govs gens cols sgts
    hon st ste mt ft jr sr messrs mme mlle no nos vol vols fig figs p pp para ch art sec approx
    est dept univ assn bros inc corp ltd co plc llc vs etc al ave blvd rd hwy
    """.split()
    )
    | GIVEN_NAME_ABBREVIATIONS
)
# Abbreviations that may legitimately end a sentence when a capitalized function word follows.
SENTENCE_FINAL_ABBREVIATIONS = (
    frozenset({"inc", "corp", "ltd", "co", "plc", "llc", "etc", "jr", "sr"})
    | GIVEN_NAME_ABBREVIATIONS
)
# Capitalized words that start a new sentence after an ambiguous period ("... in the U.S. The ...").
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there here but
    and or so yet however meanwhile still also then now after before when while if in on at for
    as by with from to of what who why how where some many most one two three no not
    """.split()
)

_CANDIDATE = re.compile(r"""[.!?…]+['"”’)\]]*(?=\s+)|[.!?]['"”’]?(?=['"“‘(\[]?[A-Z])""")
_NEXT_WORD = re.compile(r"""\s+['"“‘(\[]*([\w$£€]+)""")
# An ellipsis typed with spaces (". . ."): the dots before its last end no sentence (a lone
# stray dot, "the FISC. .", is no ellipsis).
_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \t]+\.){2,}")
_PREV_TOKEN = re.compile(r"(\S+)$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Za-z]\.[A-Za-z]$")
_DOTTED_STEM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_LINE = re.compile(r"[^\n]+")
# A speaker named right after a closing quotation mark, with a verb of saying, and whether the
# attribution ends the sentence there ('" Smith said.').
_SPEAKER_AFTER_QUOTE = re.compile(
    r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|wrote|writes|added|adds|asked|asks|told|tweeted|"
    r"explained|insisted|continued|recalled)\b(?P<end>\s*[.!?])?"
)
# A number glued to the next sentence ("in 2004.Officials"): two digits or more, and the next
# word capitalized then lowercase, so "No.5", "12.B" and "3.5M" never split.
_GLUED_NUMBER = re.compile(r"[\d,]*\d\d")
_GLUED_WORD = re.compile(r"['\"“‘]?[A-Z][a-z]+\b")
# A wire dateline whose place ends with a state's abbreviation ("CHARLOTTESVILLE, Va. (AP) — A
# former detective ..."; "EAST PEORIA, Ill. _ For years, ..."): the period ends the abbreviation,
# not a sentence. The place in capitals opens its line; after the period come an optional agency
# in parentheses and the dash (or wire underscore) that ends the dateline. Split there, the lead
# lost its place as its article's first sentence (38 of the 575 articles of DUC 2007 main, 4 of
# Multi-News dev).
_DATELINE_PLACE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}, [A-Z][A-Za-z]{1,5}\.(?: ?[A-Z][a-z]{0,4}\.)?")
# Longer than any place `_DATELINE_PLACE` matches (57 characters at most).
DATELINE_MAX_CHARS = 64
_DATELINE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|--|-|_)[ \t]")
# A web domain's last label after a glued period ("Agency.Com", "Pets.COM") continues the name.
_DOMAIN_SUFFIX = re.compile(r"(?:com|net|org|gov|edu|co\.uk|io|tv|info|biz)(?![\w\-‐])", re.I)


# The capitalized word before a title's abbreviation, as in a name that ends with one ("Hun
# Sen" in "strongman Hun Sen. Hun Sen complained ...", DUC 2004 D30001, which glued the two
# sentences into one summary sentence).
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)\s+$")
# Two capitalized words, the second as short as a title's abbreviation, with no period after it.
_WHOLE_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)\s+([A-Z][a-z]{1,5})(?![\w.-])")


@lru_cache(maxsize=8)
def _whole_short_names(text: str) -> frozenset[tuple[str, str]]:
    """Every ("Hun", "Sen") the text writes as two words with no period after: one pass, so a
    text full of abbreviations still splits in linear time."""
    return frozenset((m.group(1), m.group(2)) for m in _WHOLE_NAME.finditer(text))


def _name_ends_with(text: str, at: int, stem: str) -> bool:
    """Whether the abbreviation-like `stem` starting at `at` ends a name the text writes whole.

    "Sen." ends "Hun Sen." when the text also writes "Hun Sen" with no period ("Hun Sen
    complained", "Hun Sen's party"), which a title before a name never is ("Sen. Kerry").
    """
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    return before is not None and (before.group(1), stem) in _whole_short_names(text)


def _is_boundary(text: str, end: int, stop: int) -> bool:
    """Decide whether the punctuation run ending at `end` closes a sentence."""
    if end < stop and not text[end].isspace():
        # Glued sentences ("countries.Forces") split only after a real lowercase word, and
        # never inside a web domain ("Agency.Com").
        if text[end - 1] == "." and _DOMAIN_SUFFIX.match(text, end, stop):
            return False
        # the word before the terminal mark, past closing quotes ('seem."It sucks')
        mark = end - 1
        while mark > 0 and text[mark] in "'\"”’)]":
            mark -= 1
        glued = _PREV_TOKEN.search(text[max(0, mark - 60) : mark])
        word_before = glued.group(1) if glued else ""
        if _GLUED_NUMBER.fullmatch(word_before):
            # a year or a figure ("home in 2004.Officials say"): only before a real word
            return _GLUED_WORD.match(text, end, stop) is not None
        return len(word_before) > 2 and word_before[-1].islower() and "." not in word_before
    if text[end - 1] == "." and any(
        m.start() <= end - 1 < m.end() - 1
        for m in _SPACED_ELLIPSIS.finditer(text, max(0, end - 12), min(stop, end + 12))
    ):
        return False  # inside a spaced ellipsis ("busy doing . . . well, not much.")
    if text[end - 1] == "." and _DATELINE_END.match(text, end, stop):
        # the place is short, so its line starts within DATELINE_MAX_CHARS (a bounded look back
        # keeps a long line with many such marks linear)
        window = max(0, end - DATELINE_MAX_CHARS)
        line_start = text.rfind("\n", window, end) + 1 or (0 if window == 0 else -1)
        if line_start >= 0 and _DATELINE_PLACE.fullmatch(text, line_start, end):
            return False
    nxt = _NEXT_WORD.match(text, end, stop)
    if nxt is None:
        return True
    word = nxt.group(1)
    if word[0].islower():
        return False
    punct = text[end - 1]
    head = text[max(0, end - 60) : end]
    prev = _PREV_TOKEN.search(head)
    token = prev.group(1) if prev else ""
    core = token.rstrip("'\"”’)]")
    # '"... needs our help!" Jeremy Piatt wrote on his page.': the attribution belongs to the
    # quotation's sentence (after "!" or "?", or when the attribution ends there)
    said = _SPEAKER_AFTER_QUOTE.match(text, end, stop) if core != token else None
    if said is not None and (core[-1:] in "!?" or said.group("end")):
        return False
    if not core.endswith("."):
        return punct not in ",;:" and (not word[0].isdigit() or punct in "!?" or core[-1:] in "!?")
    # a dash or slash glued before an abbreviation ("the repeal –Sen. Amy Klobuchar") is not
    # part of it
    stem = core[:-1].lstrip("(['\"“‘—–-/")
    lower = stem.lower()
    starter = word.lower() in SENTENCE_STARTERS
    if word[0].isdigit():
        # "No. 5", "Nov. 3", "Fig. 2": an abbreviation before a number continues the sentence.
        return lower not in ABBREVIATIONS and not _DOTTED_ACRONYM.match(core)
    if lower in ABBREVIATIONS:
        if stem[:1].isupper() and _name_ends_with(text, end - len(token), stem):
            return True
        return lower in SENTENCE_FINAL_ABBREVIATIONS and starter
    if len(stem) == 1 and stem.isalpha():
        # An initial ("J. K. Rowling") unless it is the pronoun-like end of a sentence.
        return stem.islower() or (starter and stem not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if _DOTTED_ACRONYM.match(core) or _DOTTED_STEM.fullmatch(stem):
        # "U.S.", "a.m.": a sentence ends only if a typical sentence starter follows.
        return starter
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text into sentence spans.

    Args:
        text: the text to split.
        start: offset where splitting starts.
        end: offset where it stops (default: end of text).

    Returns:
        ``(start, end)`` character spans, whitespace-trimmed, in text order.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, stop):
        lo, hi = line.span()
        cursor = lo
        for match in _CANDIDATE.finditer(text, lo, hi):
            cut = match.end()
            # a glued straight quote ('seem."It sucks," she said') closes the sentence only when
            # one opened in it; otherwise it opens the next one
            glued_quote = text[cut - 1] == '"' and cut < hi and not text[cut].isspace()
            if glued_quote and text.count('"', cursor, cut - 1) % 2 == 0:
                cut -= 1
            if cut >= hi or not _is_boundary(text, cut, hi):
                continue
            spans.append((cursor, cut))
            cursor = cut
        spans.append((cursor, hi))
    trimmed: list[tuple[int, int]] = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if not stripped:
            continue
        a += len(chunk) - len(chunk.lstrip())
        trimmed.append((a, a + len(stripped)))
    return trimmed


def segment_article(article: Article) -> tuple[Sentence, ...]:
    """Split one article into sentences carrying its id, offsets and paragraph number.

    Args:
        article: a cleaned article.

    Returns:
        The article's sentences in order.
    """
    sentences: list[Sentence] = []
    text = article.text
    for paragraph, line in enumerate(_LINE.finditer(text)):
        for a, b in split_sentences(text, line.start(), line.end()):
            sentences.append(
                Sentence(
                    article_id=article.id,
                    index=len(sentences),
                    start=a,
                    end=b,
                    text=text[a:b],
                    paragraph=paragraph,
                )
            )
    return tuple(sentences)


def segment(articles: Sequence[Article]) -> tuple[tuple[Sentence, ...], ...]:
    """Segment every article.

    Args:
        articles: cleaned articles.

    Returns:
        One tuple of sentences per article, in the same order.
    """
    return tuple(segment_article(a) for a in articles)
