"""Text helpers shared by the analyzers: boilerplate-tolerant lines, sentence spans, folding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import NamedTuple


def words(s: str) -> list[str]:
    """Split a whitespace-separated word list (used for the module's small lexicons).

    Args:
        s: words separated by whitespace.

    Returns:
        The words.
    """
    return s.split()


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
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
# The header-field pattern anchored at the line start; the full search is needed only when the
# line has a "|" (searching every position of long body lines was a third of split time).
_HEADER_FIELD_AT_START = re.compile(r"\s*(?:by\b|(?:published|updated|posted)\b)", re.IGNORECASE)


def _is_embed(line: str) -> bool:
    """Whether a line is a social-media embed (`_EMBED`), skipping lines that cannot be."""
    return ("pic.twitter.com" in line or "(@" in line or "—" in line) and bool(_EMBED.search(line))


def _is_header_field(line: str) -> bool:
    """Whether a line is a byline or "Published:" field (same answer as `_HEADER_FIELD`)."""
    if _HEADER_FIELD_AT_START.match(line):
        return True
    return "|" in line and bool(_HEADER_FIELD.search(line))


class Span(NamedTuple):
    """A sentence of one article: offsets into the article text and its paragraph line."""

    # A NamedTuple, not a frozen dataclass: built for every sentence, and a frozen dataclass's
    # __init__ (one object.__setattr__ per field) was most of `spans_from_sentences`.

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


_new_tuple = tuple.__new__


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
        # tuple.__new__ builds the NamedTuple without its Python-level __new__ (~2x faster)
        spans.append(_new_tuple(Span, (article, start, end, text[start:end], i, *flags)))
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


STOPWORDS = frozenset(
    words(
        """
        a an the and or but if of in on at to for from by with without about over under into
        onto as is are was were be been being has have had do does did will would can could
        may might must shall should it its it's this that these those there their they them
        he she his her him we our you your i me my not no nor so than then too very just
        also only even still yet while since when where which who whom whose what why how
        all any both each few more most other some such own same after before between
        through during against among around near up down out off again further once here
        said says say told according new last first one two
        """
    )
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


# ASCII byte shapes, scanned with literal searches (the regex engine tests every character
# against a class far more slowly): non-word characters become spaces and letters lowercase
# (`word_shape`), or digits "0" and everything else a space (`digit_run_starts`).
_WORD_SHAPE = bytes(
    ord(chr(i).lower()) if chr(i).isalnum() or chr(i) == "_" else ord(" ") for i in range(128)
) + bytes(b" " * 128)
_DIGIT_SHAPE = bytes(ord("0") if 48 <= i <= 57 else ord(" ") for i in range(256))


def word_shape(data: bytes) -> bytes:
    """ASCII text with each non-word character as a space and letters lowercased.

    Args:
        data: ASCII text as bytes.

    Returns:
        Bytes of the same length, with a space exactly where the text has a non-word
        character.
    """
    return data.translate(_WORD_SHAPE)


def digit_run_starts(data: bytes) -> list[int]:
    """Where each digit run of ASCII text starts.

    Args:
        data: ASCII text as bytes.

    Returns:
        The starts of the r"[0-9]+" matches, in order.
    """
    shape = data.translate(_DIGIT_SHAPE)
    out: list[int] = []
    pos = shape.find(b"0")
    while pos >= 0:
        out.append(pos)
        end = shape.find(b" ", pos)
        if end < 0:
            break
        pos = shape.find(b"0", end)
    return out


def _word_stems(w: str) -> tuple[str, ...]:
    """The stems one lowercase word adds to `content_stems` (none for short and stop words)."""
    if len(w) <= 3 or w in STOPWORDS:
        return ()
    cls = (EVENT_CLASS[w],) if w in EVENT_CLASS else ()  # "killed" / "died": the same count
    w = w[2:] if w.startswith(("be", "re")) and len(w) > 6 else w
    return (*cls, w[:4])


class _StemCache(dict[str, tuple[str, ...]]):
    """Stems per distinct word (`_word_stems`), filled on first lookup."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        """Compute and keep the stems of a word not seen before."""
        got = self[word] = _word_stems(word)
        return got


class _ByteStemCache(dict[bytes, tuple[str, ...]]):
    """The same stems for ASCII words given as bytes."""

    def __missing__(self, word: bytes) -> tuple[str, ...]:
        """Compute and keep the stems of a word not seen before."""
        got = self[word] = _word_stems(word.decode("ascii"))
        return got


# news vocabulary is small: these stay a few thousand entries each
_STEMS_OF = _StemCache()
_STEMS_OF_BYTES = _ByteStemCache()
_LOWER_WORD = re.compile(r"[a-z]+")
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, else space


def content_stems(text: str) -> frozenset[str]:
    """Four-letter content stems plus event classes, for "same quantity" context checks.

    Args:
        text: any text.

    Returns:
        The stems of the words (r"[a-z]+" runs) of fold(text).
    """
    folded = fold(text)
    # map + chain keep the per-word loop in C; an ASCII text's words are split out of a
    # translated copy (bytes.split), faster than findall
    if folded.isascii():
        words = folded.encode("ascii").translate(_LETTERS_ONLY).split()
        return frozenset(chain.from_iterable(map(_STEMS_OF_BYTES.__getitem__, words)))
    return frozenset(chain.from_iterable(map(_STEMS_OF.__getitem__, _LOWER_WORD.findall(folded))))
