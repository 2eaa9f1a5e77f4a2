"""The JSON output's one typed schema: `synopsis summarize --format json`, batch lines, the service.

`render.data.to_dict` returns a `SummaryJSON`; `apps.batch` writes one `BatchRecord` per line;
the HTTP service publishes these types as its OpenAPI response models; tests/test_schema.py checks
README's "JSON output" example and real outputs against them.

Offsets (`start`, `end`) index the article's cleaned text: ``text[start:end]`` is the span.
A sentence's `segments` spell its `text` in order: a copied segment ``{"article", "start",
"end"}`` is that span verbatim; an inserted segment ``{"text", "replaces", "why"}`` is text the
system wrote in place of the span `replaces` (``start == end`` for a pure insertion, `text` empty
for a deletion), licensed by `why`: ``{"kind": "delete", "rule": ...}`` for the compression
rules and the openers rewriting removes (the text is empty, or the first letter of what follows,
re-capitalized);
``{"kind": "resolve", "rule", "mention"}`` for a name the cited article writes at `mention`;
``{"kind": "date", "date", "anchor"}`` for a relative date written out;
``{"kind": "tense", "rule", "date", "now"}`` for a verb written in the past;
``{"kind": "typeset", "rule"}`` for a dash or quotation mark written as readers expect it.
Every inserted segment
is an edit ``{"from": <source text of replaces>, "to": text, "why": why}``, listed per sentence
under `edits`.
"""

import sys
from typing import Literal, NotRequired, Required

# pydantic (the service's response models) accepts only typing_extensions.TypedDict before 3.12.
if sys.version_info >= (3, 12):
    from typing import TypedDict
else:
    from typing_extensions import TypedDict

from synopsis.model.aligned import DeleteRule, ResolveRule, TypesetRule

# Values `synopsis.analyze` gives: entity types (`analyze.entities`) and number-group statuses
# (`analyze.numbers`: "single" when only one article gives a value, or values that differ
# without a reliable conflict; `analyze.revisions`: "revised" when the newest articles agree on
# a figure they report as a change, "has risen to 14", and older ones differ: the current values
# come first).
EntityType = Literal["person", "place", "organization", "other"]
NumberStatus = Literal["agree", "differ", "single", "revised"]


class SpanJSON(TypedDict):
    """A span of one article's cleaned text."""

    article: str
    start: int
    end: int


class CopiedJSON(TypedDict):
    """A segment copied verbatim from `article`'s cleaned text ``[start:end]``."""

    article: str
    start: int
    end: int


class DeletionJSON(TypedDict):
    """Licence of an edit that deletes a constituent (compression) or an opener (rewriting)."""

    kind: Literal["delete"]
    rule: DeleteRule


class ResolveJSON(TypedDict):
    """Licence of a name written for a mention: `mention` is where the cited article writes it.

    `rule`: "full_name" (a person's first mention in the summary), "short_name" (a later one),
    "pronoun" (a dangling "He"/"She"), "description" (a dangling "The group"/"The company", or
    "the town" named), "role" (a person's first mention with the role the cited article
    writes before the name, "First-grade teacher Shanda Ince", or in an apposition it closes
    with a comma, "Kenneth Moch, the president and CEO of Chimerix,"), "epithet" (the name written
    after a description that opens a sentence: "The Chicago hip-hop mogul Kanye West").
    """

    kind: Literal["resolve"]
    rule: ResolveRule
    mention: SpanJSON


class AbsoluteDateJSON(TypedDict):
    """Licence of a calendar date written for a relative one ("on Friday" -> "on Nov. 3").

    `date` is the replaced words resolved against `anchor`, the cited article's publication
    date (both YYYY-MM-DD).
    """

    kind: Literal["date"]
    date: str
    anchor: str


class BackshiftJSON(TypedDict):
    """Licence of a verb written in the past.

    `rule` "forecast": a forecast's verb ("plans to sign on Oct. 5" -> "planned"); `date` is the
    date the forecast names. `rule` "perfect": a present perfect ("has offered" -> "had
    offered"); `date` is the cited article's publication date. `now` is the story's newest
    publication date (all YYYY-MM-DD; `date` is before `now`: the story has passed it).
    """

    kind: Literal["tense"]
    rule: Literal["forecast", "perfect"]
    date: str
    now: str


class TypesetJSON(TypedDict):
    """Licence of a punctuation mark written as readers expect it; no word changes.

    `rule`: "dash" (the wire's " _ " or " -- " written " — "), "quote" (TeX's ``...'' written
    “...”, or a closing mark set in its opening mark's style), "space" (a space before a comma
    removed), "invisible" (a zero-width character or soft hyphen removed), "colon" (a colon that
    introduced a quotation or list the summary does not show, after a whole clause, set as a full
    stop).
    """

    kind: Literal["typeset"]
    rule: TypesetRule


WhyJSON = DeletionJSON | ResolveJSON | AbsoluteDateJSON | BackshiftJSON | TypesetJSON


class InsertedJSON(TypedDict):
    """A segment the system wrote in place of the span `replaces`, licensed by `why`."""

    text: str
    replaces: SpanJSON
    why: WhyJSON


SegmentJSON = CopiedJSON | InsertedJSON


# One change to the source text: "from" (the replaced source text) became "to", licensed by
# "why". The functional form, because "from" is a Python keyword.
EditJSON = TypedDict("EditJSON", {"from": str, "to": str, "why": WhyJSON})


class SentenceJSON(TypedDict):
    """A summary sentence, the spans that carry it, the segments that spell it, its edits.

    `edits` lists the sentence's inserted segments as ``{"from", "to", "why"}`` records
    (`render.data` always writes it; not required so that older outputs still validate).
    """

    text: str
    sources: list[SpanJSON]
    segments: list[SegmentJSON]
    edits: NotRequired[list[EditJSON]]


class ArticleJSON(TypedDict):
    """An article the summary was made from."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    words: int


class SkippedJSON(TypedDict):
    """An input that was not used, and why."""

    article: str
    why: str


class EntityJSON(TypedDict):
    """An entity with every spelling the outlets used."""

    name: str
    type: EntityType
    variants: list[str]
    articles: list[str]
    mentions: int


class NumberValueJSON(TypedDict):
    """One mention of a quantity; `normalized` is a number, a [low, high] range, or null."""

    value: str
    normalized: float | list[float] | None
    unit: str
    article: str
    start: int
    end: int
    text: str


class NumberGroupJSON(TypedDict):
    """Mentions of one quantity across articles, and whether they agree."""

    about: str
    status: NumberStatus
    values: list[NumberValueJSON]


class TimelineEventJSON(TypedDict):
    """A dated event (`date` ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY when vaguer)."""

    date: str
    text: str
    sources: list[SpanJSON]


class ModeJSON(TypedDict):
    """Which mode made the summary: "update" (`--since`), "focus" (`--focus`) or both.

    `since_date` is the date of the synopsis the reader saw (`synopsis stories show ID --new`).
    """

    name: Literal["update", "focus", "update+focus"]
    since: list[str]
    focus: str | None
    since_date: NotRequired[str]


class SummaryJSON(TypedDict):
    """The JSON of `synopsis summarize --format json` and of ``POST /v1/summarize``.

    `headline` names the story in one line (an outlet's title or a cut of the lead sentence;
    `render.data` always writes it, "" when there is none). `mode` is there only for an update
    or focused summary.
    """

    headline: NotRequired[str]
    summary: str
    sentences: list[SentenceJSON]
    articles: list[ArticleJSON]
    skipped: list[SkippedJSON]
    entities: list[EntityJSON]
    numbers: list[NumberGroupJSON]
    timeline: list[TimelineEventJSON]
    mode: NotRequired[ModeJSON]


class BatchRecord(TypedDict, total=False):
    """One line of `synopsis batch` output.

    ``{"id", "headline", "summary", "sentences"}`` plus "skipped" when inputs were skipped,
    "entities", "numbers", "timeline" with ``--analysis``, "mode" for an update or focused
    summary (``--since-from-data``, ``--focus-from-data``); or ``{"id", "error"}`` when the
    cluster cannot be summarized (`id` null when its input line could not be read).
    """

    id: Required[str | None]
    headline: str
    summary: str
    sentences: list[SentenceJSON]
    skipped: list[SkippedJSON]
    entities: list[EntityJSON]
    numbers: list[NumberGroupJSON]
    timeline: list[TimelineEventJSON]
    mode: ModeJSON
    error: str
