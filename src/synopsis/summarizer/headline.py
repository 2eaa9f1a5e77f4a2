"""A one-line headline naming the story, taken from the outlets' titles or the lead sentence.

Among the titles the outlets gave the story, the most central one is chosen: the title sharing
the most content words with the other titles and with the summary, the centroid idea of
MEAD (Radev, Jing, Styś & Tam, "Centroid-based summarization of multiple documents", IPM 2004)
applied to titles. Site names ("... - BBC News", "... | Reuters") and kickers ("WATCH: ") are
cut and all-capital titles are re-cased. Without titles, the summary's lead sentence is cut at a
clause boundary. Nothing is written that no title or sentence says.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from synopsis.model.types import Article
from synopsis.text import STOPWORDS, stem, words

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


def _lead_headline(sentence: str) -> str:
    """The lead sentence cut at the last clause boundary within `MAX_LEAD_WORDS` words."""
    text = " ".join(sentence.split())
    if len(text.split()) <= MAX_LEAD_WORDS:
        return _FINAL.sub("", text)
    cuts = [
        m.start()
        for m in _CLAUSE.finditer(text)
        if MIN_LEAD_WORDS <= len(text[: m.start()].split()) <= MAX_LEAD_WORDS
    ]
    if cuts:
        return _FINAL.sub("", text[: cuts[-1]])
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
