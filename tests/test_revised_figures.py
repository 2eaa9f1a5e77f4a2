"""A figure that a later article revised ("has risen to 14") is never left standing alone."""

from __future__ import annotations

import datetime as dt

from synopsis import Article, SummarizerConfig, summarize
from synopsis.analyze import analyze
from synopsis.analyze.revisions import revisions
from synopsis.render.markdown import to_markdown

LEAD = (
    "A cargo ship struck the Harbor Bridge in Port Alder on Tuesday, injuring 12 people and "
    "closing the span to traffic. "
)
REVISED = (
    "The number of people hurt when the cargo ship struck the Harbor Bridge on Tuesday has "
    "risen to 14, hospital officials said. "
)
CONFLICTING = (
    "The cargo ship that struck the Harbor Bridge on Tuesday injured 14 people, hospital "
    "officials said. "
)


def _story(later: str, *, dated: bool = True) -> list[Article]:
    day1, day2 = ("2026-03-03", "2026-03-04") if dated else (None, None)
    return [
        Article(
            id="wire",
            title="Cargo ship hits Harbor Bridge in Port Alder, injuring 12",
            text=LEAD + "Engineers from the state transport agency began inspecting the damaged "
            "pier on Tuesday afternoon. The ship, the Northern Star, was carrying grain to the "
            "port of Port Alder.",
            published=day1,
        ),
        Article(
            id="reprint",
            title="Harbor Bridge in Port Alder closed after cargo ship strike injures 12",
            text=LEAD + "The mayor of Port Alder said the bridge would stay closed for at least "
            "two weeks while engineers inspect the damaged pier.",
            published=day1,
        ),
        Article(
            id="followup",
            title="Harbor Bridge crash in Port Alder: injured count rises to 14",
            text=later + "Two of them remain in serious condition at Port Alder General. Ferries "
            "will carry commuters across the harbor while the Harbor Bridge is closed.",
            published=day2,
        ),
    ]


def _revisions(articles: list[Article]) -> list[tuple[str, str, str]]:
    pubs = {a.id: dt.date.fromisoformat(a.published) if a.published else None for a in articles}
    texts = {a.id: a.text for a in articles}
    found = revisions(analyze(articles).numbers, pubs, texts)
    return [(r.old.article, r.old.value, r.current[0].value) for r in found]


def test_the_number_of_people_that_has_risen_counts_people() -> None:
    values = [v for g in analyze(_story(REVISED)).numbers for v in g.values]
    assert ("followup", "14", "people") in {(v.article, v.value, v.unit) for v in values}


def test_a_later_report_of_a_change_revises_the_earlier_figures() -> None:
    assert sorted(_revisions(_story(REVISED))) == [("reprint", "12", "14"), ("wire", "12", "14")]


def test_a_later_figure_without_words_of_change_is_a_conflict_not_a_revision() -> None:
    assert _revisions(_story(CONFLICTING)) == []


def test_undated_articles_revise_nothing() -> None:
    assert _revisions(_story(REVISED, dated=False)) == []


def test_the_old_figure_is_chosen_only_with_the_revised_one_right_after_it() -> None:
    for words in (60, 80, 120):
        summary = summarize(_story(REVISED), SummarizerConfig(max_words=words, analyze=False))
        texts = [s.text for s in summary.sentences]
        assert any("14" in t for t in texts), texts
        for k, text in enumerate(texts):
            if "12 people" in text:
                assert k + 1 < len(texts) and "risen to 14" in texts[k + 1], texts


def test_a_budget_too_small_for_both_gives_only_the_figure_as_it_stands() -> None:
    summary = summarize(_story(REVISED), SummarizerConfig(max_words=30, analyze=False))
    assert summary.sentences
    assert "12" not in summary.text


def test_the_headline_is_not_a_title_with_the_revised_figure() -> None:
    summary = summarize(_story(REVISED), SummarizerConfig(max_words=80))
    assert "12" not in summary.headline
    assert summary.headline


def test_without_a_revision_the_conflicting_figures_are_left_to_the_analysis() -> None:
    # The contrast that makes the tests above meaningful: the figures differ (the analysis
    # says so), but nothing reports a change, so the old lead may stand on its own.
    summary = summarize(_story(CONFLICTING), SummarizerConfig(max_words=30))
    assert summary.analysis is not None
    assert any(g.status == "differ" for g in summary.analysis.numbers)
    assert "12 people" in summary.text


def test_the_analysis_marks_the_revised_figure_and_puts_the_current_one_first() -> None:
    summary = summarize(_story(REVISED), SummarizerConfig(max_words=80))
    assert summary.analysis is not None
    (group,) = [g for g in summary.analysis.numbers if g.status == "revised"]
    assert group.values[0].value == "14"
    assert [v.value for v in group.values].count("12") == 2
    assert not [g for g in summary.analysis.numbers if g.status == "differ"]


def test_markdown_says_which_figure_stands() -> None:
    summary = summarize(_story(REVISED), SummarizerConfig(max_words=80))
    page = to_markdown(summary)
    differ = page.split("## Where sources differ", 1)[1].split("##", 1)[0]
    line = next(x for x in differ.splitlines() if x.startswith("- "))
    assert line.endswith("14 ([3]); earlier 12 ([1], [2])"), line
    # a conflict without words of change stays side by side
    conflict = to_markdown(summarize(_story(CONFLICTING), SummarizerConfig(max_words=80)))
    assert " vs " in conflict.split("## Where sources differ", 1)[1].split("##", 1)[0]
