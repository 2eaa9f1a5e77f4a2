"""The analysis of an update tells only what the new articles add (`synopsis.analyze.novelty`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.analyze.novelty import only_new
from synopsis.model.config import SummarizerConfig
from synopsis.model.types import Analysis, Entity, NumberGroup, NumberValue, TimelineEvent
from synopsis.pipeline import summarize, summarize_update

from .test_update_focus import NEW, SEEN


def _value(value: float, article: str) -> NumberValue:
    return NumberValue(
        value=str(int(value)),
        normalized=value,
        unit="people",
        article=article,
        start=0,
        end=2,
        text=str(int(value)),
    )


def _group(about: str, *values: float) -> NumberGroup:
    status = "agree" if len(set(values)) == 1 else "differ"
    return NumberGroup(about, status, tuple(_value(v, f"a{k}") for k, v in enumerate(values)))


def _event(date: str, text: str) -> TimelineEvent:
    return TimelineEvent(date=date, text=text, sources=())


SEEN_FACTS = Analysis(
    numbers=(_group("killed", 10, 10),),
    timeline=(_event("2024-03-04", "A bus crashed on the A7 motorway near Valence, killing 10."),),
)


def test_a_figure_the_reader_has_seen_is_left_out() -> None:
    new = Analysis(numbers=(_group("killed", 10),))
    assert only_new(new, SEEN_FACTS).numbers == ()


def test_an_updated_figure_is_kept_with_the_values_beside_it() -> None:
    group = _group("killed", 10, 14)
    assert only_new(Analysis(numbers=(group,)), SEEN_FACTS).numbers == (group,)


def test_the_same_figure_about_something_else_is_new() -> None:
    group = _group("injured", 10)
    assert only_new(Analysis(numbers=(group,)), SEEN_FACTS).numbers == (group,)


def test_an_event_retold_on_another_day_is_a_repeat() -> None:
    retold = _event("2024-03-05", "A bus crashed on the A7 motorway near Valence, killing 10.")
    assert only_new(Analysis(timeline=(retold,)), SEEN_FACTS).timeline == ()


def test_an_event_with_a_new_number_is_news() -> None:
    toll = _event("2024-03-05", "A bus crashed on the A7 motorway near Valence, killing 14.")
    assert only_new(Analysis(timeline=(toll,)), SEEN_FACTS).timeline == (toll,)


def test_entities_are_kept_whoever_was_seen() -> None:
    valence = Entity("Valence", "place", ("Valence",), ("a1",), 3)
    assert only_new(Analysis(entities=(valence,)), SEEN_FACTS).entities == (valence,)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["killed", "hurt"]), st.integers(1, 20)), max_size=6),
    st.lists(st.tuples(st.sampled_from(["killed", "hurt"]), st.integers(1, 20)), max_size=6),
)
def test_the_update_analysis_is_a_part_of_the_new_analysis(
    new_values: list[tuple[str, int]], seen_values: list[tuple[str, int]]
) -> None:
    new = Analysis(numbers=tuple(_group(a, v) for a, v in new_values))
    seen = Analysis(numbers=tuple(_group(a, v) for a, v in seen_values))
    kept = only_new(new, seen).numbers
    assert all(g in new.numbers for g in kept)
    assert all((g.about, g.values[0].normalized) not in set(seen_values) for g in kept)
    nothing_seen = only_new(new, Analysis()).numbers
    assert nothing_seen == new.numbers


def test_update_summary_analysis_drops_the_seen_toll_and_keeps_the_new_one() -> None:
    config = SummarizerConfig(max_words=100)
    plain = summarize(NEW, config).analysis
    update = summarize_update(NEW, SEEN, config).analysis
    assert plain is not None and update is not None
    assert any(v.normalized == 10.0 for g in plain.numbers for v in g.values)
    assert not any(v.normalized == 10.0 for g in update.numbers for v in g.values)
    assert any("rose to 14" in e.text for e in update.timeline)
    assert len(update.timeline) < len(plain.timeline)


def test_update_markdown_says_seen_facts_are_left_out_of_the_analysis() -> None:
    from synopsis.render import render

    config = SummarizerConfig(max_words=100)
    assert "left out" in render(summarize_update(NEW, SEEN, config), "md")
    assert "left out" not in render(summarize(NEW, config), "md")
    no_analysis = SummarizerConfig(max_words=100, analyze=False)
    assert "left out" not in render(summarize_update(NEW, SEEN, no_analysis), "md")
