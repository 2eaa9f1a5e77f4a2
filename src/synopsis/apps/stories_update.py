"""`synopsis stories show ID --new`: what is new in a story since its last synopsis.

`synopsis stories report` records, per story, which articles each synopsis covered
(`StoryStore.set_last_summary`). Here the story's articles are split into those (seen) and the
rest (new), and the update synopsis of new given seen is made (`summarize_update`, after Gillick
et al., "The ICSI/UTD Summarization System at TAC 2009"). Nothing is recorded.
"""

from __future__ import annotations

from dataclasses import replace

import click

from synopsis.model.config import SummarizerConfig
from synopsis.model.types import Summary, SummarySentence
from synopsis.stories.store import LastSummary, StoryStore

__all__ = ["show_new", "story_update"]


def story_update(
    store: StoryStore, story_id: int, words: int
) -> tuple[LastSummary | None, Summary | None]:
    """What is new in a story since its last recorded synopsis (read only: records nothing).

    The story's articles are split into those its last synopsis covered (seen) and the rest
    (new); the update synopsis of new given seen (`synopsis.pipeline.summarize_update`) gets
    the date of the last synopsis as `meta["since_date"]`.

    Args:
        store: the store.
        story_id: the story's id.
        words: the word budget.

    Returns:
        (None, the plain synopsis) when no synopsis was recorded; (the record, None) when no
        article arrived since; else (the record, the update synopsis).

    Raises:
        InputError: no such story, or nothing summarizable in it.
    """
    from synopsis.pipeline import summarize, summarize_update

    _, articles = store.story(story_id)
    config = SummarizerConfig(max_words=words)
    last = store.last_summary(story_id)
    if last is None:
        return None, summarize(articles, config)
    covered = set(last.articles)
    new = [a for a in articles if a.id not in covered]
    if not new:
        return last, None
    summary = summarize_update(new, [a for a in articles if a.id in covered], config)
    return last, replace(summary, meta={**summary.meta, "since_date": last.made[:10]})


def show_new(store: StoryStore, story_id: int, fmt: str, words: int) -> str:
    """The output of `synopsis stories show ID --new`.

    Args:
        store: the store.
        story_id: the story's id.
        fmt: "md", "json" or "text".
        words: the word budget.

    Returns:
        The text to print: the update synopsis; one line when nothing is new (JSON: a summary
        whose one sentence says so); the plain synopsis after a one-line note when the story
        has no recorded synopsis (the note goes to stderr with JSON).

    Raises:
        InputError: no such story, or nothing summarizable in it.
    """
    from synopsis.render import render

    last, summary = story_update(store, story_id, words)
    if last is None:
        assert summary is not None
        note = f"Story {story_id} has no recorded synopsis yet; showing its full synopsis."
        if fmt == "json":  # stdout stays one JSON document
            click.echo(note, err=True)
            return render(summary, fmt)
        return note + "\n\n" + render(summary, fmt)
    since = last.made[:10]
    if summary is None:
        line = f"Nothing new in story {story_id} since its last synopsis ({since})."
        if fmt != "json":
            return line + "\n"
        info, _ = store.story(story_id)
        meta = {"mode": "update", "since": "\n".join(last.articles), "since_date": since}
        empty = Summary((SummarySentence(line, ()),), (), headline=info.headline, meta=meta)
        return render(empty, fmt)
    if summary.meta.get("nothing_new") == "true" and fmt != "json":
        return (
            f"Nothing new in story {story_id} since its last synopsis ({since}): the "
            f"{len(summary.articles)} articles added since repeat what was already reported.\n"
        )
    return render(summary, fmt)
