"""Baseline ("peer") summarizers for benchmarks: Lead, and sumy's LexRank and TextRank.

* Lead takes the first sentence of each document, then the second of each, and so on (round
  robin), the usual multi-document Lead baseline.
* LexRank (Erkan & Radev, JAIR 2004) and TextRank (Mihalcea & Tarau, EMNLP 2004) are run through
  sumy 0.13 on the concatenation of the cluster's documents, as peers are normally run. sumy gets a
  tokenizer that needs no NLTK data: Synopsis' own sentence splitter and a regex word tokenizer,
  with sumy's English stop words and Snowball stemmer.

Budget policy, the same for every peer: whole sentences in the system's order. By default
(``overflow=True``, the DUC protocol behind the published peer figures) sentences are added until
the budget is reached, so the last one may cross it and ROUGE's ``-l N`` cuts the summary at N
words. With ``overflow=False`` a sentence is added only while the total stays within `max_words`,
the constraint Synopsis itself obeys; on DUC 2004 this leaves ~85 of 100 words and costs the peers
3-5 points of ROUGE-1 recall, so the benchmark reports both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from synopsis.model.errors import ConfigError, DependencyError
from synopsis.model.types import Article
from synopsis.text.segment import split_sentences

# sumy's own word filter: a token is a word if it starts with a letter (Tokenizer._WORD_PATTERN).
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")
_SPACE = re.compile(r"\s+")


def _sentences(text: str) -> list[str]:
    """Split text into whitespace-normalized sentences."""
    out = []
    for start, end in split_sentences(text):
        sentence = _SPACE.sub(" ", text[start:end]).strip()
        if sentence:
            out.append(sentence)
    return out


def _words(sentence: str) -> int:
    """Count whitespace-separated words, as ROUGE's ``-l`` does."""
    return len(sentence.split())


def fill_budget(ranked: Sequence[str], max_words: int, *, overflow: bool = True) -> list[str]:
    """Take whole sentences in order until the word budget is reached.

    Args:
        ranked: candidate sentences, best first.
        max_words: the word budget.
        overflow: keep adding until the budget is reached, so the last sentence may cross it
            (ROUGE ``-l`` truncates); if False, stop before the first sentence that would cross.

    Returns:
        A prefix of `ranked`: the shortest one with at least `max_words` words when `overflow`,
        else the longest one with at most `max_words` (whitespace) words.

    Raises:
        ConfigError: `max_words` is below 1.
    """
    if max_words < 1:
        raise ConfigError(f"max_words must be at least 1, got {max_words}")
    out: list[str] = []
    used = 0
    for sentence in ranked:
        n = _words(sentence)
        if used >= max_words or (not overflow and used + n > max_words):
            break
        out.append(sentence)
        used += n
    return out


def lead(articles: Sequence[Article], max_words: int, *, overflow: bool = True) -> list[str]:
    """Lead baseline: first sentences of each document, round robin, within the word budget.

    Args:
        articles: the cluster's documents, in input order.
        max_words: the word budget.
        overflow: let the last sentence cross the budget (see `fill_budget`).

    Returns:
        The selected sentences, in selection order.

    Raises:
        ConfigError: `max_words` is below 1.
    """
    docs = [_sentences(a.text) for a in articles]
    order: list[str] = []
    depth = max((len(d) for d in docs), default=0)
    for i in range(depth):
        order.extend(d[i] for d in docs if i < len(d))
    return fill_budget(order, max_words, overflow=overflow)


class RegexTokenizer:
    """A sumy-compatible tokenizer (``to_sentences``/``to_words``) that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentences with Synopsis' splitter."""
        return tuple(_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Return the words of a sentence (tokens starting with a letter, as sumy keeps)."""
        return tuple(_WORD.findall(sentence))


def _sumy() -> Any:
    """Import sumy lazily, with an actionable error when it is missing."""
    try:
        import sumy.models.dom as dom
    except ImportError as exc:
        raise DependencyError(
            "the Python package sumy is missing; run: pip install sumy==0.13.0"
        ) from exc
    return dom


def _document(articles: Sequence[Article], tokenizer: RegexTokenizer) -> Any:
    """Concatenate a cluster into one sumy document, one paragraph per article."""
    dom = _sumy()
    paragraphs = []
    for article in articles:
        sentences = [dom.Sentence(s, tokenizer) for s in tokenizer.to_sentences(article.text)]
        if sentences:
            paragraphs.append(dom.Paragraph(sentences))
    return dom.ObjectDocumentModel(paragraphs)


# Decimal digits of a sumy rating that count when ranking: ratings equal to 1e-9 are ties, far
# above the last-bit differences (~1e-16) between numpy builds and far below real differences.
RATING_DIGITS = 9


def sumy_ranking(articles: Sequence[Article], method: str) -> list[tuple[str, float]]:
    """Rank every sentence of a cluster with a sumy summarizer.

    Args:
        articles: the cluster's documents.
        method: "lexrank" or "textrank".

    Returns:
        ``(sentence, rating)`` pairs, best first (ties keep document order).

    Raises:
        ConfigError: the method is unknown.
        DependencyError: sumy is missing.
    """
    _sumy()
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes: dict[str, Any] = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
    if method not in classes:
        raise ConfigError(f"method must be one of {', '.join(classes)}, got {method!r}")
    summarizer = classes[method](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    document = _document(articles, RegexTokenizer())
    if not document.sentences:
        return []
    ranked: list[Any] = []

    def capture(infos: list[Any]) -> list[Any]:
        """Keep sumy's full ranking; passed where sumy expects a sentence count."""
        # sumy calls the count with every SentenceInfo sorted by rating, best first.
        ranked.extend(infos)
        return infos

    summarizer(document, capture)
    # sumy sorts by the raw float, whose last bits differ between numpy builds; rank by the
    # rating rounded to RATING_DIGITS, ties in document order, so the ranking is reproducible.
    ranked.sort(key=lambda info: (-round(float(info.rating), RATING_DIGITS), info.order))
    return [(str(info.sentence), float(info.rating)) for info in ranked]


def lexrank(articles: Sequence[Article], max_words: int, *, overflow: bool = True) -> list[str]:
    """sumy LexRank over the concatenated cluster, whole sentences within the budget.

    Args:
        articles: the cluster's documents.
        max_words: the word budget.
        overflow: let the last sentence cross the budget (see `fill_budget`).

    Returns:
        The selected sentences, in ranked order.

    Raises:
        DependencyError: sumy is missing.
        ConfigError: `max_words` is below 1.
    """
    ranked = [s for s, _ in sumy_ranking(articles, "lexrank")]
    return fill_budget(ranked, max_words, overflow=overflow)


def textrank(articles: Sequence[Article], max_words: int, *, overflow: bool = True) -> list[str]:
    """sumy TextRank over the concatenated cluster, whole sentences within the budget.

    Args:
        articles: the cluster's documents.
        max_words: the word budget.
        overflow: let the last sentence cross the budget (see `fill_budget`).

    Returns:
        The selected sentences, in ranked order.

    Raises:
        DependencyError: sumy is missing.
        ConfigError: `max_words` is below 1.
    """
    ranked = [s for s, _ in sumy_ranking(articles, "textrank")]
    return fill_budget(ranked, max_words, overflow=overflow)


PEERS: dict[str, Callable[[Sequence[Article], int], list[str]]] = {
    "lead": lead,
    "lexrank": lexrank,
    "textrank": textrank,
}
