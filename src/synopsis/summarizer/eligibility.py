"""Which sentences may stand in a summary at all: length, shape and a start that needs nothing.

Selection (`synopsis.summarizer.select`) passes only eligible sentences to its program. The
rules are surface tests read off the outputs of Synopsis, Lead and LexRank on DUC 2004 and
Multi-News dev (each constant says where), in the manner of the shallow text features that
classify boilerplate (Kohlschütter, Fankhauser & Nejdl, "Boilerplate Detection using Shallow
Text Features", WSDM 2010); page furniture has its own module (`furniture`).
"""

from __future__ import annotations

import re

from synopsis.summarizer import coherence
from synopsis.summarizer.furniture import furniture, promotional
from synopsis.text import QUOTE_MARK
from synopsis.text.dates import MONTH_PATTERN
from synopsis.text.tokens import IRREGULAR_PAST

__all__ = [
    "LIST_ITEMS",
    "LIST_ITEM_WORDS",
    "MAX_WORDS",
    "MIN_WORDS",
    "SHORT_MIN_WORDS",
    "eligible",
    "short_lead",
]

# Candidate sentence length in words. Shorter ones are mostly fragments, captions and headlines;
# longer ones are run-ons from bad markup (checked by reading DUC 2004 and Multi-News dev outputs).
MIN_WORDS = 8
# A shorter sentence (down to this many words) is eligible in an article's lead paragraph (its
# second or third sentence) when it tells an event, past or to come (`_TELLS_EVENT`), ends in a
# full stop and neither quotes nor reports anyone: "He died on Friday at age 94." (Multi-News dev
# 3690, an obituary whose summary never said Bush died, named by readers of blind rounds 136 and
# 137), "The deputy was killed instantly.", "Bail has been set at $500,000." An article's first
# sentence stays out, and so does a present-tense characterization ("Newt Gingrich is back to
# bomb-throwing again.", "Tony Spitz has the details."): every 5-7 word sentence with a verb
# changed 103 of 266 benchmark summaries, feature ledes and TV furniture among what came in
# (scratch dumps of 7 December 2026). With these limits 15 change; blind A/B round 138 preferred
# them in 12 of 16 readings (benchmarks/blind_results/2026-12-07-ab-138.md), after "Linkov was
# seriously injured, it said." ("it" never named) was read worse by both its readers.
SHORT_MIN_WORDS = 5
MAX_WORDS = 60

# First words that need an antecedent, a previous sentence or a speaker to make sense: those a
# sentence may open with right after its predecessor (`coherence.ANTECEDENT_STARTS`), and those
# that need a speaker or continue a sentence as a fragment. A statement opening with a relative
# "Which" ("Which means Spiegel & Co. only have to sell ...", Multi-News dev 1980) continues the
# sentence before, as "That means" does; it is never eligible (questions, which end in "?", are
# not eligible anyway).
_DANGLING = coherence.ANTECEDENT_STARTS | frozenset("we i you our my yes which".split())
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")
# "One" standing for one of a set named before ("One would require federal health plans to cover
# contraceptives.", DUC 2004 D31031, after a list of riders the summary never showed): a pronoun
# that needs its antecedent, unlike "One person was killed". A verb or "of them" right after it
# marks the pronoun.
_ONE_OF_A_SET = re.compile(
    r"[\"'“‘(]*One\s+(?:would|will|is|was|has|had|could|can|may|might|must|should|does|did|"
    r"of\s+(?:them|those|these|which))\b"
)
_TERMINAL = re.compile(r"[.!]['\"”’)]*$")
# A sentence that trails off in an ellipsis is an excerpt cut short ("The Commission finds
# further that Mrs. Madikizela-Mandela herself was responsible for committing such gross
# violations of human rights. . . .", a report quoted in DUC 2004 D31001): what it leaves out
# is what the quoting article went on to.
_TRAILING_ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|…)\s*\.?['\"”’)]*$")
# An entry of a chronology: a date, a dash, then the event in the historical present ("May 14 -
# Microsoft and the Justice Department reveal that they are conducting settlement talks", DUC 2007
# D0711). Its year stands in a heading the summary does not show, and it reads as today's news.
_CHRONOLOGY_ENTRY = re.compile(rf"(?:{MONTH_PATTERN})\.?\s+[0-3]?\d\s+[-_]\s+[A-Z]")
# A question mark or a replacement character standing for a character an encoding could not
# write: inside a word ("classi?ed" for the "fi" ligature, "Steele?s" for a curly apostrophe),
# after a word and before a lowercase one ("The Ohrs? relationship") or opening a word (its
# "?infancy?" for curly quotes): Multi-News dev 1568, a memo copied from a PDF, read as junk in
# blind round 67. In DUC 2004, DUC 2007 and Multi-News dev this matches 64 sentences of that
# article and one other ("Have a tip we should know? tips@mediaite.com", a notice); such text
# would reach the reader as it is, so it is not chosen.
_GARBLED = re.compile(r"[A-Za-z][?\ufffd][A-Za-z]|[A-Za-z]\?\s+[a-z]|(?<!\S)[?\ufffd][A-Za-z]")
# A list written as a sentence: items of a few words joined by commas and "and"/"or", no clause
# ("Boxing, bowling, beach volleyball, track and field, soccer and table tennis.", the games of a
# list in Multi-News dev 327). At least LIST_ITEMS items of at most LIST_ITEM_WORDS words each.
_LIST_SEPARATOR = re.compile(r",\s*|\s+(?:and|or)\s+")
LIST_ITEMS = 3
LIST_ITEM_WORDS = 3


# A verb that tells what happened or will happen: a past tense, a passive or perfect, "will".
_TELLS_EVENT = re.compile(
    rf"(?<![\w-])(?:was|were|been|will|died|{IRREGULAR_PAST}|[a-z]{{3,}}ed)\b"
)
# Words that report what someone said: such a short sentence leaves the reader asking whose.
_SAYS = re.compile(r"\b(?:said|says|told|according to)\b")


def _only_a_list(text: str) -> bool:
    """Whether a sentence is only a list of short items (`LIST_ITEMS`), with no clause."""
    items = _LIST_SEPARATOR.split(text.strip().rstrip(".!'\"”’)"))
    return len(items) >= LIST_ITEMS and all(len(i.split()) <= LIST_ITEM_WORDS for i in items)


def eligible(
    text: str,
    *,
    drop_promotional: bool = True,
    antecedent: bool = False,
    min_words: int = MIN_WORDS,
) -> bool:
    """Whether a sentence can stand in a summary (length, shape, no dangling start).

    Args:
        text: the sentence as the summary would show it.
        drop_promotional: reject web page furniture (`promotional`).
        antecedent: the sentence will be shown right after its predecessor, so an opening
            pronoun, demonstrative or connective (`coherence.ANTECEDENT_STARTS`) is allowed,
            except a demonstrative standing for a proposition (`coherence.abstract_anaphor`).
        min_words: the fewest words it may have (`short_lead` passes SHORT_MIN_WORDS).

    Returns:
        Whether it may be chosen.
    """
    n = len(text.split())
    if n < min_words or n > MAX_WORDS:
        return False
    if not _TERMINAL.search(text) or _TRAILING_ELLIPSIS.search(text):
        return False
    if _CHRONOLOGY_ENTRY.match(text):
        return False
    first = _FIRST_WORD.match(text)
    if first is None or not (first.group(1)[0].isupper() or text[0].isdigit()):
        return False
    start = first.group(1).lower()
    if start in _DANGLING and not (
        antecedent and start in coherence.ANTECEDENT_STARTS and not coherence.abstract_anaphor(text)
    ):
        return False
    if _ONE_OF_A_SET.match(text):
        return False
    if len(QUOTE_MARK.findall(text)) % 2:
        return False  # a quotation left open or closed unopened ("saying: ``We don't have a deal.")
    if text.count("(") != text.count(")"):
        return False  # half a parenthesis ("(Overweight is defined as ...", DUC 2007 D0724)
    if "http" in text or "@" in text:
        return False
    if _GARBLED.search(text):
        return False
    if _only_a_list(text):
        return False
    return not (drop_promotional and (promotional(text) or furniture(text)))


def short_lead(text: str, index: int, drop_promotional: bool, antecedent: bool) -> bool:
    """Whether a sentence under MIN_WORDS may still be chosen (SHORT_MIN_WORDS).

    Args:
        text: the sentence as the summary would show it.
        index: its position in its article (0 for the first sentence).
        drop_promotional: reject web page furniture, as `eligible` does.
        antecedent: the sentence will be shown right after its predecessor (as in `eligible`).

    Returns:
        True when it is its article's second or third sentence, has SHORT_MIN_WORDS words or
        more, tells an event (`_TELLS_EVENT`), ends in a full stop, neither quotes nor reports
        anyone, and is otherwise `eligible`.
    """
    if not 1 <= index <= 2:
        return False
    if not text.endswith(".") or QUOTE_MARK.search(text) or not _TELLS_EVENT.search(text):
        return False
    if _SAYS.search(text):
        return False  # "Linkov was seriously injured, it said.": whose words, the reader asks
    return eligible(
        text,
        drop_promotional=drop_promotional,
        antecedent=antecedent,
        min_words=SHORT_MIN_WORDS,
    )
