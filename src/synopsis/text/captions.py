"""Captions written as noun phrases about a picture, shared by cleaning and selection.

"An official product shot of Kinect, formally known as Project Natal, the new motion-control
system from Microsoft." opens with the picture and has no finite verb: it describes a photo, it
does not report news; so does "Scanning electron micrograph of methicillin-resistant
Staphylococcus aureus and a dead human neutrophil." (Multi-News dev 2738), with no article. "A
photo of the suspect was released by police" is a sentence. Cleaning
(`synopsis.clean.boilerplate`) drops such lines; selection (`synopsis.summarizer.furniture`)
never chooses such a sentence when it shares a line with prose. Read off Multi-News dev pages.

Wire captions name the people in a picture by where they stand: "Shane Bauer (2nd L), Sarah
Shourd (3rd L) and Josh Fattal (2nd R) sit with their mothers during a news conference in Tehran
May 20, 2010." (Multi-News dev 3842, where the compressed caption opened the summary). Such a
mark is never news prose. "(R)" is not counted, since outlets also write it for a Republican
("Gov. Rick Perry (R) said ..."; both read off the Multi-News training part).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopsis.text.dates import MONTH_PATTERN, WEEKDAYS
from synopsis.text.tokens import IRREGULAR_PAST

__all__ = [
    "dated_caption",
    "gallery_items",
    "has_finite_verb",
    "participle_caption",
    "picture_caption",
    "positions_in_picture",
]

_PICTURE_CAPTION = re.compile(
    r"^(?:(?:An?|The)\s+(?:[\w'’-]+\s+){0,2}|[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+){0,2})?"
    r"(?i:shot|photo|photograph|picture|image|screenshot|still|rendering|micrograph|"
    r"illustration)\s+of\b"
)
# Auxiliaries, "shows" and past tenses: a main verb that makes the line a sentence. Participles
# such as "released by police" count too, so a doubtful line is kept; one right after an article
# is an adjective ("X-ray image of a ring dove producing cooing sounds with a closed mouth.",
# Multi-News dev 1376, a caption that a 300-word summary kept).
_FINITE_VERB = re.compile(
    r"(?<!\b[Aa]\s)(?<!\b[Aa]n\s)(?<!\b[Tt]he\s)"
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    rf"do|does|did|shows?|showed|said|says|{IRREGULAR_PAST}|[a-z]{{2,}}ed)\b"
)

# A wire photo's caption tells what the picture shows in the present tense and ends with the day
# it was taken: "A ranger of Kenya Wildlife Service aims his gun at a lion on March 30."
# (Multi-News dev 1208, read as junk in blind round 40), "President Donald Trump speaks during a
# news conference ..., Thursday, Feb. 16, 2017." News prose dates an event in the past tense.
# Of the 57 sentences of Multi-News dev and DUC 2004 that end with a day and have no auxiliary
# or past tense, 56 are captions; the other, "Myrna Arias sued Intermex ... on May 5.", has a
# past tense of four letters, which `_FINITE_VERB` now reads too. Reading a participle after an
# article as an adjective makes it 60 of at least six words, all captions or a video's teaser
# ("An unknown visitor arrives at a gated house in Woodland Hills on Tuesday, Jan. 24, 2017.").
_CAPTION_DATE = re.compile(
    rf"\b(?:(?:on|in)\s+)?(?:(?:{'|'.join(w.capitalize() for w in WEEKDAYS)}),?\s+)?"
    rf"(?:{MONTH_PATTERN})\.?\s+[0-3]?\d(?:,\s+(?:19|20)\d\d)?\.[\"”']?$"
)
# The gallery's form, with the day first and glued to the caption: "March 30, 2016 A stray lion
# passes in front of a car after escaping from a Kenyan park." (Multi-News dev 1208).
# A limit in time before the day is prose's, not a picture's: "hope to reach the North African
# coast at Mauritania, perhaps by March 20." (DUC 2007 D0740-B, where the date rewrite wrote the
# day for "Saturday"; read as no caption by both readers of split outside11). A photo is dated by
# when it was taken, "on March 30" or the bare day.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|after|since|through)\s+$", re.IGNORECASE)
_CAPTION_DATE_FIRST = re.compile(
    rf"^(?:{MONTH_PATTERN})\.?\s+[0-3]?\d,\s+(?:19|20)\d\d\s+(?=[A-Z])"
)
# A caption opens with what the picture shows: a sentence of prose opening with a pronoun or a
# connective is no caption, in the present tense though it is ("He remains on the job until the
# new Congress ... elects a new speaker Jan. 6.", "However, the agency's estimate spans only from
# Oct. 1, 1998, through Sept. 30, 1999.", "After weeks of frustrating delays, Piccard and Jones
# set off ... on March 1.": DUC 2007 main, the only other sentences of DUC 2004 and 2007 that
# ended in a day with no auxiliary or past tense).
_PROSE_OPENERS = frozenset(
    "he she they it we i you there this that these those however after before when while but "
    "and if as since until although though despite still yet so then meanwhile".split()
)
# Captions are short: a longer sentence ending in a day is a report with a list in it.
_CAPTION_MIN_WORDS = 6
# Where a person stands in a picture: "(L)", "(C)", "(2nd L)", "(3rd from right)", "(L-R)",
# "(left)", "(centre)", "(left to right)", "(from left)"; not "(R)", which may be a party.
_POSITION = re.compile(
    r"\(\s*(?:\d(?:st|nd|rd|th)\s+(?:from\s+)?(?:[LR]|left|right)|[LC]|L-R|R-L|"
    r"(?i:left|right|cent(?:er|re)|left\s+to\s+right|from\s+(?:left|right)))\s*\)"
)

# A chart's or figure's key: a lowercase colour word alone in parentheses ("an open-mouth
# vocalizer (blue) or a closed-mouth vocalizer (red)", Multi-News dev 1376, where the figure's
# legend opened the summary and a round-53 reader counted it as junk). In Multi-News dev and the
# training part (15,201 articles) the mark occurs in 2 lines, both figure legends; DUC 2004 and
# 2007 have none. Capitalized "(RED)" is a charity's name, so the mark is lowercase only.
_COLOR_KEY = re.compile(
    r"\((?:red|blue|green|yellow|orange|purple|pink|black|white|gr[ae]y|brown)\)"
)


def has_finite_verb(text: str) -> bool:
    """Whether a text holds a word that makes it a sentence: an auxiliary or a past tense.

    Args:
        text: a line, a sentence or part of one.

    Returns:
        True when an auxiliary, "shows", "said" or a past tense (regular, or one of the common
        irregular ones) occurs in it; a doubtful text counts as a sentence.
    """
    return _FINITE_VERB.search(text) is not None


def picture_caption(text: str) -> bool:
    """Whether a line or sentence is a caption written as a noun phrase about a picture.

    Args:
        text: a line or a sentence.

    Returns:
        True when it opens with "A/An/The ... photo/shot/image ... of" (or, without the
        article, "Photo of", "Scanning electron micrograph of") and has no finite verb.
    """
    return _PICTURE_CAPTION.match(text) is not None and _FINITE_VERB.search(text) is None


def dated_caption(text: str) -> bool:
    """Whether a sentence is a wire photo's caption: what the picture shows, then its day.

    Args:
        text: a sentence.

    Returns:
        True when it ends with a day of a month ("on March 30.", "Thursday, Feb. 16, 2017.";
        not a limit, "by March 20.") or opens with a full date glued to it ("March 30, 2016 A
        stray lion passes ..."), has at least `_CAPTION_MIN_WORDS` words, does not open with a
        pronoun or a connective, and has no auxiliary or past tense.
    """
    words = text.split()
    body = text.strip()
    last = _CAPTION_DATE.search(body)
    if last is not None and _DEADLINE_BEFORE.search(body, 0, last.start()):
        last = None
    dated = last or _CAPTION_DATE_FIRST.match(body)
    return (
        len(words) >= _CAPTION_MIN_WORDS
        and dated is not None
        and words[0].strip("\"“‘'(,").lower() not in _PROSE_OPENERS
        and _FINITE_VERB.search(text) is None
    )


def positions_in_picture(text: str) -> bool:
    """Whether a line or sentence points into a picture: a wire caption or a figure's key.

    Args:
        text: a line or a sentence.

    Returns:
        True for a mark of where people stand, such as "(L)", "(2nd R)", "(left)" or "(left to
        right)", or of what a colour stands for ("(blue)").
    """
    return _POSITION.search(text) is not None or _COLOR_KEY.search(text) is not None


# A caption of a scene: a person and what they are doing, with no verb ("A policeman standing
# guard Wednesday at the Rosa Khutor Park in the Krasnaya Polyana complex, which will be used for
# skiing at the upcoming games.", Multi-News dev 415, chosen for a 300-word summary). Its only
# finite verb, if any, is in a closing relative clause. In DUC 2004 and Multi-News dev, 4
# sentences of at least `_CAPTION_MIN_WORDS` words open this way and have no auxiliary or past
# tense outside such a clause; the 3 that are prose have a present tense ("includes", "faces",
# "finds"), so a lowercase word ending in "s" outside the clause keeps a sentence. In the
# training part (105,065 sentences) the rule then holds 4: the same caption (reprinted), a
# video's teaser ("A Budweiser commercial featuring a little labrador"), a clipped teaser and a
# garbled line; a participle after "and", "or" or "of" is an adjective ("The project and
# surrounding p.r. campaign manage to ...", the one prose line before that guard).
_PARTICIPLE_OPENING = re.compile(
    r"^(?:An?|The)\s+(?:[\w'’-]+\s+){1,3}?(?<!\band\s)(?<!\bor\s)(?<!\bof\s)([a-z]{2,}ing)\b"
)
_ING_NOUNS = frozenset(
    "thing king ring spring morning evening building during string wing ceiling meeting "
    "feeling sibling darling wedding painting clothing funding housing".split()
)
_CLOSING_RELATIVE = re.compile(r",\s+(?:which|who|where|whose)\b[^,]*$")
_MAYBE_PRESENT = re.compile(r"\b[a-z]{2,}[^s']s\b|n['’]t\b")  # or a negated verb ("isn't")


def participle_caption(text: str) -> bool:
    """Whether a sentence is a scene's caption: someone doing something, with no verb.

    Args:
        text: a sentence.

    Returns:
        True when it opens with "A/An/The", one to three words and a present participle ("A
        policeman standing guard ..."), has at least `_CAPTION_MIN_WORDS` words, and outside a
        closing relative clause has no auxiliary, past tense, negated verb ("isn't") or word
        that may be a present tense (a lowercase word ending in "s").
    """
    opening = _PARTICIPLE_OPENING.match(text.strip())
    if opening is None or opening.group(1) in _ING_NOUNS or len(text.split()) < _CAPTION_MIN_WORDS:
        return False
    main = _CLOSING_RELATIVE.sub("", text.strip())
    return _FINITE_VERB.search(main) is None and _MAYBE_PRESENT.search(main) is None


# A photo gallery run into the text: each item opens with "Photos: <the gallery's title>" and
# closes with "Hide Caption 1 of 43" (CNN's galleries; lowercased in parts of the Multi-News
# training split: "hide caption 4 of 222"). Cleaning keeps such a line when it is long or holds
# prose too, so the items' captions ("Flight 370 vanished on March 8, 2014, as it flew from
# Kuala Lumpur ...", Multi-News dev 809, read as "taken from a caption" by a reader of blind
# round 141) stand as sentences.
_GALLERY_MARK = re.compile(r"\b(?:Hide Caption \d+ of \d+|Photos?:)", re.IGNORECASE)
_GALLERY_END = re.compile(r"\bHide Caption \d+ of \d+", re.IGNORECASE)


def gallery_items(paragraph: Sequence[str]) -> range:
    """The sentences of a paragraph that lie inside a photo gallery run into the text.

    Args:
        paragraph: the paragraph's sentences, in order.

    Returns:
        The positions from the first sentence with a gallery mark ("Photos:", "Hide Caption 1
        of 43") through the last that closes an item ("Hide Caption ..."); empty when no item
        closes in the paragraph.
    """
    ends = [k for k, text in enumerate(paragraph) if _GALLERY_END.search(text)]
    if not ends:
        return range(0)
    first = next(k for k, text in enumerate(paragraph) if _GALLERY_MARK.search(text))
    return range(first, ends[-1] + 1)
