"""A `Summary` as Markdown: the synopsis with citation markers, sources, analysis sections."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from synopsis.analyze.revisions import REVISED
from synopsis.model.types import (
    Analysis,
    Article,
    NumberGroup,
    NumberValue,
    Source,
    Summary,
    TimelineEvent,
)


def numbering(summary: Summary) -> dict[str, int]:
    """Article id to its 1-based citation number, in source order."""
    return {a.id: k for k, a in enumerate(summary.articles, start=1)}


# An article without a title (a plain-text file whose first line is already prose) is named by
# its opening words, at most this many, so a reader can tell the sources apart without opening
# the files; ten words name the story in the leads of the example stories. Not tuned.
OPENING_WORDS = 10


def display_title(article: Article) -> str:
    """The article's title, or for an untitled one its opening words in quotation marks.

    Args:
        article: a cleaned article.

    Returns:
        The title; else the first OPENING_WORDS words of its text, quoted, with an ellipsis
        when the text goes on; the id for an article with no text.
    """
    if article.title:
        return article.title
    words = article.text.split()
    if not words:
        return article.id
    more = "…" if len(words) > OPENING_WORDS else ""
    return f"“{' '.join(words[:OPENING_WORDS])}{more}”"


def describe(article: Article, *, with_id: bool = True) -> str:
    """Title, outlet and date of an article, joined by dashes.

    Args:
        article: a cleaned article.
        with_id: name an untitled article's id after its opening words, so the reader can
            find its file (the text format prints every id already).

    Returns:
        The description, e.g. "Cargo ship hits bridge — Tidewater Herald — 2026-03-03", or
        "“Officials said a ship hit the bridge.” — Port Daily — local" for an untitled one.
    """
    parts = [display_title(article)]
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article.published)
    if with_id and not article.title and article.text.strip():
        parts.append(article.id)
    return " — ".join(parts)


# Event sentences longer than this are cut at a word boundary in the Markdown digest.
MARKDOWN_EVENT_CHARS = 200


def _cited(values: Sequence[NumberValue], label: Callable[[str], str]) -> list[str]:
    """Each wording of a quantity with the articles that give it: "14 ([1], [5])".

    Wordings that differ only in case ("About 40", "about 40") are one.
    """
    shown: dict[str, str] = {}
    cited: dict[str, dict[str, None]] = {}
    for v in values:
        wording = " ".join(v.value.split())
        shown.setdefault(wording.lower(), wording)
        cited.setdefault(wording.lower(), {})[label(v.article)] = None
    return [f"{shown[key]} ({', '.join(labels)})" for key, labels in cited.items()]


def _values_line(group: NumberGroup, label: Callable[[str], str], joiner: str) -> str:
    """One bullet: the quantity and each wording of it with the articles that give it.

    "people: 14 ([1], [5]) vs 12 ([2], [3])" rather than one entry per article, so that which
    figure how many sources give reads at a glance. A revised group says which figure stands:
    "people: 14 ([1], [5]); earlier 12 ([2], [3])".
    """
    if group.status == REVISED:
        value = group.values[0].normalized
        now = [v for v in group.values if v.normalized == value]
        earlier = [v for v in group.values if v.normalized != value]
        return (
            f"- {group.about}: {', '.join(_cited(now, label))}; "
            f"earlier {', '.join(_cited(earlier, label))}"
        )
    return f"- {group.about}: {joiner.join(_cited(group.values, label))}"


@dataclass(frozen=True)
class TimelineEntry:
    """A timeline line as pages show it: one sentence at one date, with the other dates it names."""

    date: str
    also: tuple[str, ...]
    text: str
    sources: tuple[Source, ...]


def timeline_entries(events: Sequence[TimelineEvent]) -> list[TimelineEntry]:
    """The timeline with each sentence once, at its most specific date.

    The analysis dates a sentence once per date it names ("built in 2011 ... inspected on 14
    November 2025" is an event of 2011 and one of 2025-11-14), which a page would print twice.
    Here it stands at its most specific date (a day before a month before a year; the earliest of
    equally specific ones, the start of "from 2007 to 2009"), the other dates in `also`.

    Args:
        events: the analysis' timeline, in its order.

    Returns:
        One entry per distinct sentence, in the order of the events that keep it; its sources
        are those of all its events.
    """
    groups: dict[str, list[int]] = {}
    for k, event in enumerate(events):
        groups.setdefault(" ".join(event.text.split()), []).append(k)
    kept: dict[int, TimelineEntry] = {}
    for members in groups.values():
        main = min(members, key=lambda k: (-len(events[k].date), events[k].date, k))
        dates = dict.fromkeys(sorted(events[k].date for k in members))
        sources = tuple(dict.fromkeys(s for k in members for s in events[k].sources))
        also = tuple(d for d in dates if d != events[main].date)
        kept[main] = TimelineEntry(events[main].date, also, events[main].text, sources)
    return [kept[k] for k in sorted(kept)]


def _when(entry: TimelineEntry) -> str:
    """A timeline date with the other dates its sentence names: "2025-11-14 (also 2011)"."""
    return f"{entry.date} (also {', '.join(entry.also)})" if entry.also else entry.date


def _trim(text: str, limit: int) -> str:
    """Flatten whitespace and cut at a word boundary after `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def analysis_markdown(analysis: Analysis, article_label: Callable[[str], str]) -> str:
    """Render an analysis as compact Markdown for a summary page.

    Args:
        analysis: the result of `analyze`.
        article_label: maps an article id to how the page cites it (e.g. "[2]").

    Returns:
        Sections "## Where sources agree", "## Where sources differ", "## Timeline" and
        "## Names used", each a bullet list ("- None found." when empty).
    """
    agree = [_values_line(g, article_label, ", ") for g in analysis.numbers if g.status == "agree"]
    differ = [
        _values_line(g, article_label, " vs ")
        for g in analysis.numbers
        if g.status in ("differ", REVISED)
    ]
    timeline = [
        f"- {_when(e)}: {_trim(e.text, MARKDOWN_EVENT_CHARS)} "
        f"({', '.join(dict.fromkeys(article_label(s.article) for s in e.sources))})"
        for e in timeline_entries(analysis.timeline)
    ]
    names = [
        f"- {e.name} ({e.type}): {', '.join(e.variants)}"
        for e in analysis.entities
        if len(e.variants) > 1
    ]
    out: list[str] = []
    for title, lines in (
        ("Where sources agree", agree),
        ("Where sources differ", differ),
        ("Timeline", timeline),
        ("Names used", names),
    ):
        out.append(f"## {title}")
        out.extend(lines or ["- None found."])
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _analysis_markdown(summary: Summary, number: dict[str, int]) -> str:
    if summary.analysis is None:
        return ""
    return analysis_markdown(summary.analysis, lambda aid: f"[{number.get(aid, '?')}]")


def _heading(text: str) -> str:
    """One line of text safe as a Markdown heading: flattened, leading '#' markers escaped."""
    flat = " ".join(text.split())
    return "\\" + flat if flat.startswith("#") else flat


def mode_line(summary: Summary) -> str:
    """One line saying which mode made the summary ("" for a plain synopsis).

    Args:
        summary: a summary; its `meta` "since" (ids, one a line), "since_date" (the date of
            the synopsis the reader saw, when known) and "focus" are read.

    Returns:
        E.g. "What's new since 3 earlier articles (a, b, c). Focus: what did the mayor do?".
        An update with an analysis also says that the analysis leaves out what was seen
        (`synopsis.analyze.novelty`).
    """
    parts = []
    since = summary.meta.get("since")
    since_date = summary.meta.get("since_date")
    if since is not None:
        ids = [i for i in since.split("\n") if i]
        earlier = f"{len(ids)} earlier article{'s' if len(ids) != 1 else ''}"
        if since_date:  # a story's last synopsis: its date, not its (many) article ids
            parts.append(f"What's new since {since_date}, after {earlier}.")
        else:
            parts.append(f"What's new since {earlier}" + (f" ({', '.join(ids)})." if ids else "."))
        if summary.analysis is not None:
            parts.append("Figures and dates the earlier articles reported are left out below.")
    focus = summary.meta.get("focus")
    if focus:
        parts.append(f"Focus: {' '.join(focus.split())}")
    return " ".join(parts)


def to_markdown(summary: Summary) -> str:
    """The headline, the summary with numbered citation markers, its sources, the analysis.

    Args:
        summary: a summary.

    Returns:
        Markdown text.
    """
    number = numbering(summary)
    lines = [f"# {_heading(summary.headline) or 'Summary'}", ""]
    mode = mode_line(summary)
    if mode:
        lines += [f"_{_heading(mode)}_", ""]
    body = []
    for sentence in summary.sentences:
        marks = "".join(f"[{number[s.article]}]" for s in sentence.sources if s.article in number)
        body.append(f"{sentence.text} {marks}".rstrip())
    lines.append(" ".join(body) if body else "_No summary could be made._")
    lines += ["", "## Sources", ""]
    for article in summary.articles:
        line = f"{number[article.id]}. {describe(article)} ({article.words} words)"
        if article.url:
            line += f" <{article.url}>"
        lines.append(line)
    if summary.skipped:
        lines += ["", "## Skipped", ""]
        lines += [f"- {s.article}: {s.why}" for s in summary.skipped]
    extra = _analysis_markdown(summary, number)
    if extra:
        lines += ["", extra.rstrip()]
    return "\n".join(lines) + "\n"
