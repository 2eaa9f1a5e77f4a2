"""A one-line headline naming the story, taken from the outlets' titles or the lead sentence.

Among the titles the outlets gave the story, the most central one is chosen: the title sharing
the most content words with the other titles and with the summary, the centroid idea of
MEAD (Radev, Jing, Styś & Tam, "Centroid-based summarization of multiple documents", IPM 2004)
applied to titles. Site names ("... - BBC News", "... | Reuters") and kickers ("WATCH: ") are
cut and all-capital titles are re-cased. Without titles, the summary's lead sentence is the
headline: without a fronted phrase ("Based on its remains, scientists say ..." gives "Scientists
say ..."), cut at a clause boundary, else before a subordinate clause or a phrase of time or
place, as a headline writer shortens a lead. Nothing is written that no title or sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from synopsis.model.types import Article
from synopsis.text import STOPWORDS, stem, words
from synopsis.text.reference import FUNCTION_WORDS, PHRASE_ENDS

# A title part after a separator (" - ", " | ", " — ") with at most this many words is a site or
# section name ("BBC News", "Reuters", "World news | The Guardian"); outlets' story titles in
# Multi-News dev run 6-15 words, site suffixes 1-4.
MAX_SITE_WORDS = 4
# Titles shorter than this are labels ("Update", "Live"), longer ones lead paragraphs.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 25
# A headline cut from the lead sentence keeps at least/at most this many words (AP headlines
# run 6-12 words; the upper bound leaves room for a clause).
MIN_LEAD_WORDS = 5
MAX_LEAD_WORDS = 16

_SEPARATOR = re.compile(r"\s+[-|—–:»]\s+|\s*\|\s*")
_KICKER = re.compile(r"^(?:[A-Z]{2,}\s?){1,3}:\s+")
# "(VIDEO)", "[PHOTOS]", "(UPDATED)" tags on titles.
_TAG = re.compile(
    r"\s*[(\[](?:video|photos?|pics|watch|updated?|live|opinion|exclusive)[)\]]", re.IGNORECASE
)
_CLAUSE = re.compile(r",\s|;\s|\s[—–-]\s|:\s")
# Where a lead sentence may be cut when no punctuation marks a clause within the limit: before
# a subordinate or relative clause ("... died Monday after being electrocuted | when he touched a
# fence"), else before a phrase of time or place ("... met several times | over the past week").
# Not before "that", "as", "to", "at" or "with", which often complete the verb before them
# ("refused | to", "serves | as", "aimed | at"), nor before a preposition right after a verb
# ("failed | in"); the cut keeps at least MIN_CUT_WORDS words and ends on no function word.
_SUBORDINATE = re.compile(
    r"\s(?=(?:when|after|before|while|because|since|although|though|which|who|where|whose|"
    r"until|unless)\s)"
)
_PREPOSITION = re.compile(r"\s(?=(?:in|on|during|near|amid|despite|following|over)\s)")
MIN_CUT_WORDS = 8
_DANGLING_END = frozenset("and or but of the a an to that which who whose with for by".split())
# A fronted phrase before the subject ("In an effort to force out the soldiers ..., Mali's
# neighbors decided ..."): a headline names the subject first. Its first word is a preposition,
# a subordinator or a participle ("Based", "Citing"), and it ends at its first comma, within
# MAX_FRONTED_WORDS words (AP leads front at most a clause of about that length). Not "As",
# "Over", "At least" or "More", which also open a subject ("More than 100 people died").
_FRONTED = re.compile(
    r"^((?:In|On|At(?! least\b)|After|Before|During|Following|Amid|Despite|Since|While|When|"
    r"With|Without|Fresh|Based|According|Citing|Facing|Having|Once|Although|Though|Because|If|"
    r"Unless|Under|For|By|From|Throughout|Ahead)\b[^,;:]*),\s+"
)
MAX_FRONTED_WORDS = 20
# Words that cannot open the main clause after a fronted phrase's comma: the comma then ends
# an item of a list or an aside, not the fronted phrase.
_NOT_SUBJECT = frozenset(
    "and or but which who whom whose where when that including such as while with".split()
)
_FINAL = re.compile(r"[\s.;:,|»—–-]+$")


def clean_title(title: str) -> str:
    """A title without site-name suffixes, kickers and all-capital casing.

    Args:
        title: a title as the outlet gave it.

    Returns:
        The title: "Storm hits coast - BBC News" -> "Storm hits coast".
    """
    text = " ".join(title.split())
    text = _TAG.sub("", _KICKER.sub("", text)).strip()
    for _ in range(2):  # "Story | World news | The Guardian"
        parts = _SEPARATOR.split(text)
        if len(parts) > 1 and len(parts[-1].split()) <= MAX_SITE_WORDS:
            head = text[: text.rfind(parts[-1])]
            text = _FINAL.sub("", head)
    if text.isupper():
        text = " ".join(w.capitalize() if len(w) > 3 else w.lower() for w in text.split())
        text = text[:1].upper() + text[1:]
    return _FINAL.sub("", text)


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit()}


def _main_clause(text: str) -> str:
    """`text` without a fronted phrase ("Based on its remains, scientists say ..." -> "Scientists
    say ..."), whose first word is a preposition, a subordinator or a participle; the rest is
    kept when it reads as a clause of at least `MIN_LEAD_WORDS` words."""
    m = _FRONTED.match(text)
    if m is None or len(m.group(1).split()) > MAX_FRONTED_WORDS:
        return text
    rest = text[m.end() :]
    first = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if (
        len(rest.split()) < MIN_LEAD_WORDS
        or first.lower() in _NOT_SUBJECT
        or not first[:1].isalpha()
    ):
        return text
    if _in_a_list(text, len(m.group(1))):
        return text  # the comma is inside a list ("Fresh off a tour through Thailand, Laos ...")
    clause = re.match(r"[^,]*", rest)
    if clause and re.match(r",\s+(?:and|or)\s", rest[clause.end() :]):
        return text  # "Facing criticism about its older, male, and white membership"
    if clause and not any(w.islower() and w not in FUNCTION_WORDS for w in clause.group().split()):
        return text  # a name goes on after the comma ("University of California, San Diego")
    return rest[:1].upper() + rest[1:]


def _in_a_list(text: str, comma: int) -> bool:
    """Whether the comma at `comma` separates items of a list ("video, TV, movie and music")."""
    item = re.match(r",\s+((?:\S+\s+){0,2}?\S+?)(?:,|\s+(?:and|or)\s)", text[comma:])
    return item is not None and not re.search(r"[.;:]", item.group(1))


def _trim(cut: str) -> str:
    """A cut without the punctuation and the function words it ends on ("... late in life and")."""
    words_ = _FINAL.sub("", cut).split()
    while len(words_) > MIN_LEAD_WORDS and words_[-1].lower() in _DANGLING_END:
        words_.pop()
    return _FINAL.sub("", " ".join(words_))


def _lead_headline(sentence: str) -> str:
    """The lead sentence, without a fronted phrase, cut within `MAX_LEAD_WORDS` words: at the
    last clause boundary, else before the last subordinator, relative word or preposition, else
    at the word limit with "…"."""
    text = _main_clause(" ".join(sentence.split()))
    if len(text.split()) <= MAX_LEAD_WORDS:
        return _FINAL.sub("", text)

    def within(k: int) -> bool:
        return MIN_LEAD_WORDS <= len(text[:k].split()) <= MAX_LEAD_WORDS

    cuts = [m.start() for m in _CLAUSE.finditer(text) if within(m.start())]
    if cuts:
        return _FINAL.sub("", text[: cuts[-1]])
    for pattern in (_SUBORDINATE, _PREPOSITION):
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if within(m.start())
            and len(text[: m.start()].split()) >= MIN_CUT_WORDS
            and not (pattern is _PREPOSITION and PHRASE_ENDS.match(text[: m.start()].split()[-1]))
        ]
        if cuts:
            return _trim(text[: cuts[-1]])
    return " ".join(text.split()[:MAX_LEAD_WORDS]) + " …"


def _gives(title: str, figures: Collection[str]) -> bool:
    """Whether a title states one of the figures ("injuring 12" states "12")."""
    return any(re.search(rf"(?<![\w.,]){re.escape(f)}(?![\w]|[.,]\d)", title) for f in figures)


def choose_headline(
    articles: Sequence[Article], summary: Sequence[str], *, stale: Collection[str] = ()
) -> str:
    """One line naming the story.

    Args:
        articles: the story's articles (their titles).
        summary: the summary's sentences, in order.
        stale: figures a newer article revised ("12" after "has risen to 14"); a title that
            states one is chosen only when every title does.

    Returns:
        The most central cleaned title; without usable titles, the lead sentence cut at a clause
        boundary; "" when there is neither.
    """
    titles = list(
        dict.fromkeys(
            t
            for a in articles
            if a.title
            for t in [clean_title(a.title)]
            if MIN_TITLE_WORDS <= len(t.split()) <= MAX_TITLE_WORDS
        )
    )
    if stale and not all(_gives(t, stale) for t in titles):
        titles = [t for t in titles if not _gives(t, stale)]
    if titles:
        bags = [_content(t) for t in titles]
        body = _content(" ".join(summary))

        def centrality(k: int) -> tuple[int, int]:
            shared = sum(len(bags[k] & other) for j, other in enumerate(bags) if j != k)
            return (shared + len(bags[k] & body), -k)

        return titles[max(range(len(titles)), key=centrality)]
    if summary:
        return _lead_headline(summary[0])
    return ""
