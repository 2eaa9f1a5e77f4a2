"""Frozen data types shared by every pipeline stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from synopsis.model.aligned import Segment


@dataclass(frozen=True)
class Article:
    """One news article; after `clean`, `text` is the cleaned body that offsets refer to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    origin: str | None = None

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the text."""
        return len(self.text.split())


@dataclass(frozen=True)
class Skipped:
    """An input that was not used, and why."""

    article: str
    why: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of one article, located by character offsets into the article's text."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def words(self) -> int:
        """Number of whitespace-separated words."""
        return len(self.text.split())


@dataclass(frozen=True)
class Source:
    """A span of one article that supports a summary sentence."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence with every article span that carries its information.

    `segments` spell `text` (`synopsis.model.aligned`): spans copied from the article the
    sentence was selected from and the edits made to them; empty when it was built without them.
    """

    text: str
    sources: tuple[Source, ...]
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One entity, however the outlets spelled it."""

    name: str
    type: str
    variants: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class NumberValue:
    """One mention of a quantity in one article."""

    value: str
    normalized: float | tuple[float, float] | None
    unit: str
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class NumberGroup:
    """Mentions of the same quantity across articles, and whether they agree."""

    about: str
    status: str
    values: tuple[NumberValue, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event with the spans that report it."""

    date: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Analysis:
    """Cross-source analysis of a story: entities, numbers and timeline."""

    entities: tuple[Entity, ...] = ()
    numbers: tuple[NumberGroup, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The result of `summarize`: cited sentences plus the articles they came from."""

    sentences: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()
    analysis: Analysis | None = None
    max_words: int = 0
    headline: str = ""
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """The summary as one paragraph."""
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        """Number of words in the summary."""
        return sum(len(s.text.split()) for s in self.sentences)


@dataclass(frozen=True)
class DocumentSet:
    """A story as read from input: articles, optional reference summaries, what was skipped."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()
