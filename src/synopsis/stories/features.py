"""Per-article term bags for story clustering: headline, body and named-entity sub-vectors.

Following Miranda, Znotiņš, Cohen and Barzdins ("Multilingual Clustering of Streaming News",
EMNLP 2018), an article is represented by separate TF-IDF sub-vectors so that each can give its
own similarity signal: the headline (the title when the input has one, plus the lead words, since
wire copy and scraped pages often carry no separate title), the body, and the named entities.
Entities are capitalized word runs that do not merely start a sentence (a cheap stand-in for the
project's full entity analysis, which is built for one story's worth of articles and costs too
much per article of a stream). Terms are Snowball stems of non-stopwords (`synopsis.text`).
`sentence_keys` hashes each sentence so the clusterer can leave out site chrome, sentences
repeated across many articles. The IDF prior that starts a stream's IDF warm (`Background`,
`default_background`) lives in `synopsis.text.background`, shared with focus mode; it is
re-exported here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

from synopsis.model.types import Article
from synopsis.text.background import BACKGROUND_FILE, NO_BACKGROUND, Background, default_background
from synopsis.text.segment import split_sentences
from synopsis.text.stopwords import STOPWORDS
from synopsis.text.tokens import stem, words

__all__ = [
    "BACKGROUND_FILE",
    "FIELDS",
    "LEAD_WORDS",
    "MAX_BODY_WORDS",
    "NO_BACKGROUND",
    "Background",
    "Bags",
    "article_bags",
    "clipped",
    "day_number",
    "default_background",
    "dot",
    "sentence_keys",
    "tfidf_vector",
]

# The sub-vectors every article has, in feature order.
FIELDS = ("head", "body", "ents")
# Lead words added to the headline bag: a news lead carries the story's who/what in its first
# sentence or two (about 25 words in DUC 2004 and Multi-News articles); Multi-News pages also
# open with their title, so the lead covers it when no separate title is given.
LEAD_WORDS = 30
# Body words read per article: beyond about 600 words (the length of a long wire story) extra
# text adds little to the story's identity but costs tokenizing time on scraped pages.
MAX_BODY_WORDS = 600
# Terms kept per article sub-vector, highest TF-IDF first: sparsifying keeps story centroids and
# the index small (a 25-article story stays near 1,000 terms) while the dropped tail terms carry
# under a tenth of a typical article vector's weight.
MAX_TERMS = {"head": 30, "body": 80, "ents": 30}

_CAP_RUN = re.compile(r"\b[A-Z][\w'’&.-]*(?:\s+(?:of|de|al|the|for)?\s*[A-Z][\w'’&.-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"”:;]\s+|\n\s*)$")
_WORD_RE = re.compile(r"\S+")


# Sentences shorter than this (characters, whitespace collapsed) get no key: too short to tell
# site chrome ("Advertisement") from a common phrase, and cheap to keep.
MIN_KEYED_SENTENCE_CHARS = 20


@dataclass(frozen=True)
class Bags:
    """Term counts of one article's sub-vectors, and its publication day (None when undated)."""

    head: Counter[str]
    body: Counter[str]
    ents: Counter[str]
    day: int | None

    def field(self, name: str) -> Counter[str]:
        """Return the bag named `name` (one of FIELDS)."""
        bag: Counter[str] = getattr(self, name)
        return bag


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()]


def _entities(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in _CAP_RUN.finditer(text):
        phrase = match.group(0).strip(" .-'’")
        tokens = [w for w in words(phrase) if w not in STOPWORDS]
        if not tokens:
            continue
        at_start = _SENTENCE_START.search(text, max(0, match.start() - 3), match.start())
        if at_start is not None and len(tokens) == 1:
            # A lone capitalized word after a sentence end is usually just the first word.
            continue
        found[" ".join(tokens)] += 1
    return found


def day_number(published: str | None) -> int | None:
    """Turn a YYYY-MM-DD date (possibly with a time after it) into a day number.

    Args:
        published: the article's publication date, or None.

    Returns:
        The proleptic Gregorian ordinal of the day, or None when absent or unreadable.
    """
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def clipped(text: str) -> str:
    """The first MAX_BODY_WORDS words of a text (whitespace runs collapsed).

    Args:
        text: an article's text.

    Returns:
        The words the body bag is built from, joined by single spaces.
    """
    return " ".join(_WORD_RE.findall(text)[:MAX_BODY_WORDS])


def sentence_keys(text: str) -> list[tuple[str, str]]:
    """Each sentence of a text with a short hash of its lowercased, whitespace-collapsed form.

    Args:
        text: the text (normally `clipped` article text).

    Returns:
        (key, sentence) pairs in order; the key is "" for sentences under
        MIN_KEYED_SENTENCE_CHARS characters.
    """
    out: list[tuple[str, str]] = []
    for a, b in split_sentences(text):
        sentence = text[a:b]
        norm = " ".join(sentence.lower().split())
        key = ""
        if len(norm) >= MIN_KEYED_SENTENCE_CHARS:
            key = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()
        out.append((key, sentence))
    return out


def article_bags(article: Article) -> Bags:
    """Build the headline, body and entity term bags of one article.

    Args:
        article: the article (title optional, text required).

    Returns:
        Its term counts per sub-vector and its publication day.
    """
    tokens = _WORD_RE.findall(article.text)
    body_text = " ".join(tokens[:MAX_BODY_WORDS])
    lead = " ".join(tokens[:LEAD_WORDS])
    head_text = f"{article.title or ''}\n{lead}"
    return Bags(
        head=Counter(_stems(head_text)),
        body=Counter(_stems(body_text)),
        ents=_entities(f"{article.title or ''}\n{body_text}"),
        day=day_number(article.published),
    )


def tfidf_vector(
    bag: Counter[str],
    df: Counter[str],
    n_docs: int,
    keep: int,
    background: Background = NO_BACKGROUND,
) -> dict[str, float]:
    """Weight a term bag by sublinear TF times smoothed IDF, keep the top terms, L2-normalize.

    Args:
        bag: term counts of one sub-vector.
        df: document frequencies of the terms so far (the article itself included).
        n_docs: number of documents the frequencies were counted over.
        keep: how many of the highest-weighted terms to keep.
        background: prior document frequencies added to the stream's own.

    Returns:
        A unit-length sparse vector (empty when the bag is empty); ties broken by term so the
        result does not depend on dictionary order.
    """
    total = 1 + n_docs + background.docs
    prior = background.df
    weights = {
        t: (1.0 + math.log(c)) * (math.log(total / (1 + df[t] + prior.get(t, 0))) + 1.0)
        for t, c in bag.items()
    }
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top))
    if norm == 0.0:
        return {}
    return {t: w / norm for t, w in top}


def dot(vector: dict[str, float], other: dict[str, float]) -> float:
    """Dot product of two sparse vectors, summed in `vector`'s term order.

    Args:
        vector: the sparse vector whose terms are iterated (the shorter one, usually).
        other: the sparse vector looked up.

    Returns:
        The sum of the products of matching weights.
    """
    # map() over the two views rather than a generator: the same products summed in the same
    # order (identical results), twice as fast. The clusterer computes the same sums in bulk
    # (`centroids.Vocabulary.dots`); this is the reference they are tested against.
    shared = map(other.get, vector.keys(), repeat(0.0))
    total: float = sum(map(operator.mul, vector.values(), shared))
    return total
