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

from synopsis.text.tokens import IRREGULAR_PAST

__all__ = ["has_finite_verb", "picture_caption", "positions_in_picture"]

_PICTURE_CAPTION = re.compile(
    r"^(?:(?:An?|The)\s+(?:[\w'’-]+\s+){0,2}|[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+){0,2})?"
    r"(?i:shot|photo|photograph|picture|image|screenshot|still|rendering|micrograph|"
    r"illustration)\s+of\b"
)
# Auxiliaries, "shows" and past tenses: a main verb that makes the line a sentence. Participles
# such as "released by police" count too, so a doubtful line is kept.
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    rf"do|does|did|shows?|showed|said|says|{IRREGULAR_PAST}|[a-z]{{3,}}ed)\b"
)

# Where a person stands in a picture: "(L)", "(C)", "(2nd L)", "(3rd from right)", "(L-R)",
# "(left)", "(centre)", "(left to right)", "(from left)"; not "(R)", which may be a party.
_POSITION = re.compile(
    r"\(\s*(?:\d(?:st|nd|rd|th)\s+(?:from\s+)?(?:[LR]|left|right)|[LC]|L-R|R-L|"
    r"(?i:left|right|cent(?:er|re)|left\s+to\s+right|from\s+(?:left|right)))\s*\)"
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


def positions_in_picture(text: str) -> bool:
    """Whether a line or sentence names where people stand in a picture (a wire caption).

    Args:
        text: a line or a sentence.

    Returns:
        True for a mark such as "(L)", "(2nd R)", "(left)" or "(left to right)".
    """
    return _POSITION.search(text) is not None
