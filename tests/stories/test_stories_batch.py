"""Summarizing many stories at once: in process, in worker processes, or on Ray."""

from __future__ import annotations

import pytest

from synopsis.apps.stories_batch import StoryJob, story_reports
from synopsis.model.errors import InputError
from synopsis.model.types import Article

from ._fixtures import articles


def _jobs() -> list[StoryJob]:
    arts = articles()
    bridge = tuple(a for a in arts if a.id.startswith("bridge"))
    vote = tuple(a for a in arts if a.id.startswith("vote"))
    empty = (Article(id="blank", text="   "),)
    return [StoryJob(1, bridge), StoryJob(2, empty), StoryJob(3, vote)]


def test_reports_come_back_in_order_and_a_failing_story_says_why() -> None:
    got = list(story_reports(_jobs(), 40))
    assert [r.story for r in got] == [1, 2, 3]
    assert got[0].html.lower().startswith("<!doctype html") and "Harbor Bridge" in got[0].html
    assert "Harbor Bridge" in got[0].sentences[0]
    assert "nothing to summarize" in got[1].error and not got[1].html
    assert "Millbrook" in got[2].sentences[0]


def test_worker_processes_give_the_same_reports_as_one_process() -> None:
    assert list(story_reports(_jobs(), 40, workers=2)) == list(story_reports(_jobs(), 40))


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(InputError, match="unknown backend 'spark'"):
        list(story_reports(_jobs(), 40, backend="spark"))


def test_ray_gives_the_same_reports_as_one_process() -> None:
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'synopsis[ray]'")
    try:
        got = list(story_reports(_jobs(), 40, workers=1, backend="ray"))
    finally:
        ray.shutdown()
    assert got == list(story_reports(_jobs(), 40))
