"""Text helpers shared by the analyzers: boilerplate-tolerant lines, sentence spans, folding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from synopsis.text.cache import BoundedMemo
from synopsis.text.dates import MONTH_PATTERN
from synopsis.text.stopwords import STOPWORDS as BASE_STOPWORDS
from synopsis.text.tokens import STEM_CACHE_SIZE, stem


def words(s: str) -> list[str]:
    """Split a whitespace-separated word list (used for the module's small lexicons).

    Args:
        s: words separated by whitespace.

    Returns:
        The words.
    """
    return s.split()


_MONTH = rf"(?:{MONTH_PATTERN})\.?"
_ENDS_WITH_DATE = re.compile(rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\s*$")
# Headers after which the rest of a page is comments or related links, never article body.
_FOOTER_HEAD = re.compile(
    r"^\s*(?:\d+\s+comments?|comments|next stories|related(?: stories| articles| posts)?"
    r"|more (?:news|stories) from\b.*|more about\b.*|read more|you may also like"
    r"|recommended(?: stories)?|trending(?: now)?|share this(?: article)?)\s*:?\s*$",
    re.IGNORECASE,
)
# Social-media embeds ("pic.twitter.com/..", "— Name (@handle) November 3, 2017").
_EMBED = re.compile(r"pic\.twitter\.com|\(@\w+\)|^\s*—\s")
_HEADER_FIELD = re.compile(
    r"^\s*by\b|(?:^|\|)\s*(?:published|updated|posted)\b\s*:?", re.IGNORECASE
)


def _is_embed(line: str) -> bool:
    """Whether a line is a social-media embed."""
    return bool(_EMBED.search(line))


def _is_header_field(line: str) -> bool:
    """Whether a line is a byline or "Published:" field."""
    return bool(_HEADER_FIELD.search(line))


class Span(NamedTuple):
    """A sentence of one article: offsets into the article text and its paragraph line."""

    article: str
    start: int
    end: int
    text: str
    line: int
    is_list: bool = False
    is_header: bool = False
    is_headline: bool = False


def is_list_line(line: str) -> bool:
    """Return True for link-list or numbered-list lines ("- Title - Dec 15, 2017").

    Args:
        line: one line of article text.

    Returns:
        Whether the line looks like a list item rather than body prose.
    """
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[0] in "-*•–" and stripped[1:2] == " ":
        return True
    return bool(re.match(r"^\d{1,2}[A-Z]", stripped)) or bool(
        re.match(r"^\d", stripped) and _ENDS_WITH_DATE.search(stripped)
    )


def is_headline(line: str) -> bool:
    """Return True for title-case lines without final punctuation (headlines, captions).

    Args:
        line: one line of article text.

    Returns:
        Whether most words of the line are capitalized and it does not end like a sentence.
    """
    if len(line) > HEADLINE_MAX_CHARS or line.rstrip().endswith((".", "”", '"', "?", "!")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(words) < 2:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= HEADLINE_CAPS_SHARE


# Share of capitalized long words above which an unpunctuated line is a headline; 0.7 keeps
# "Syrian Army Recaptures Deir ez-Zor City from Islamic State" and rejects prose fragments.
HEADLINE_CAPS_SHARE = 0.7
# Headlines and captions are short; the longest headline line in the example set is ~90 chars.
HEADLINE_MAX_CHARS = 200


def content_lines(text: str) -> list[tuple[int, int, bool, bool]]:
    """Split text into non-empty lines up to the first footer header.

    Args:
        text: article text.

    Returns:
        (start, end, is_list, is_header) per line; embeds and lines after a footer
        header ("Next Stories", "4 Comments") are left out.
    """
    out: list[tuple[int, int, bool, bool]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, end = pos, pos + len(raw.rstrip("\r\n"))
        pos += len(raw)
        line = text[start:end]
        if not line.strip():
            continue
        if _FOOTER_HEAD.match(line) and len(line.strip()) < FOOTER_HEAD_MAX_CHARS:
            break
        if _is_embed(line):
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        out.append((start + lead, end - trail, is_list_line(line), _is_header_field(line)))
    return out


# Footer headers are short; a longer line starting "More about ..." is prose (chosen by eye).
FOOTER_HEAD_MAX_CHARS = 60


def spans_from_sentences(
    article: str,
    text: str,
    sentences: Iterable[tuple[int, int]],
    lines: Sequence[tuple[int, int, bool, bool]] | None = None,
) -> list[Span]:
    """Turn an outside segmentation of one article into spans with their line's flags.

    Args:
        article: the article id.
        text: the article text.
        sentences: (start, end) offsets into text, in text order (e.g. `synopsis.text.segment`).
        lines: `content_lines(text)` when already computed.

    Returns:
        One span per sentence that lies in a content line (footers and embeds are left out),
        carrying that line's number and is_list/is_header/is_headline flags.
    """
    if lines is None:
        lines = content_lines(text)
    spans: list[Span] = []
    i, flags = -1, (False, False, False)
    for start, end in sentences:
        while i + 1 < len(lines) and lines[i + 1][0] <= start:
            i += 1
            lstart, lend, is_list, is_header = lines[i]
            flags = (is_list, is_header, is_headline(text[lstart:lend]))
        if i < 0 or start >= lines[i][1] or end > lines[i][1]:
            continue
        spans.append(Span(article, start, end, text[start:end], i, *flags))
    return spans


def fold(s: str) -> str:
    """Lowercase and strip diacritics and apostrophes.

    Args:
        s: any string.

    Returns:
        The folded ASCII-ish string.
    """
    if s.isascii():  # two replaces: ~10x faster than str.translate with a deletion table
        return s.replace("'", "").replace("`", "").lower()
    decomposed = unicodedata.normalize("NFKD", s)
    no_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"['’‘`ʿʾ]", "", no_marks).lower()


# The shared stopwords with analyze's own adjustments, kept so that entity, number and timeline
# output stays as calibrated on analysis_gold: "first", "two", "onto", "shall", "it's" are added;
# the words below are not stopwords here because the entity and quantity rules read them ("US"
# folds to "us", "Mr" is a title, "years" a unit, "made"/"got" event verbs). Using the shared list
# unchanged altered 522 entity names and 434 number values on DUC 2004 (benchmarks/
# output_snapshot.py), with no gold evidence either way.
_NOT_STOPWORDS_HERE = frozenset(
    """
    above almost although am another because below doing done either else ever every get gets
    got having hers herself himself however itself least less like made make many mr mrs ms
    much myself neither now often others ours ourselves per perhaps rather s t tell theirs
    themselves though thus toward towards until upon us via whatever whether within year years
    yours yourself
    """.split()
)
STOPWORDS = (BASE_STOPWORDS - _NOT_STOPWORDS_HERE) | frozenset(
    {"first", "two", "onto", "shall", "it's"}
)

# Event classes: different verbs that report the same kind of event across outlets ("lost
# Raqa" / "Raqqa fell"); a tiny lexicon in the spirit of TimeML event classes.
EVENT_CLASS = {
    w: f"@{cls}"
    for cls, ws in {
        "capture": "fell fall lost loses captured captures capture seized seize retook retake "
        "retaking recaptured recapture took liberated liberation defeated control controls "
        "entered",
        "attack": "attack attacks attacked assault assaults offensive strikes struck bombed "
        "shelled raid",
        "death": "killed kills died dead death deaths toll",
        "announce": "announced declared proclaimed hailed",
    }.items()
    for w in ws.split()
}
# Words that say when or who reported, not what happened; left out of event matching.
NOT_EVENT_WORDS = frozenset(
    words(
        """yesterday today tonight tomorrow ago week weeks month months year years monday
        tuesday wednesday thursday friday saturday sunday reported reports reporting told
        according added officials official statement"""
    )
)


# Cardinal number words, shared by the quantity and the relative-date readers.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100,
}  # fmt: skip


def _word_stems(w: str) -> tuple[str, ...]:
    """The stems one lowercase word adds to `content_stems` (none for short and stop words)."""
    if len(w) <= 3 or w in STOPWORDS:
        return ()
    cls = (EVENT_CLASS[w],) if w in EVENT_CLASS else ()  # "killed" / "died": the same count
    return (*cls, stem(w))


# Stems per distinct word, bounded (text.tokens.STEM_CACHE_SIZE words each) so that a
# long-running service does not grow with the vocabulary it has seen.
_STEMS_OF = BoundedMemo(_word_stems, STEM_CACHE_SIZE)
_LOWER_WORD = re.compile(r"[a-z]+")


def content_stems(text: str) -> frozenset[str]:
    """Four-letter content stems plus event classes, for "same quantity" context checks.

    Args:
        text: any text.

    Returns:
        The stems of the words (r"[a-z]+" runs) of fold(text).
    """
    return frozenset(stem for word in _LOWER_WORD.findall(fold(text)) for stem in _STEMS_OF[word])
