"""Quantities: normalization, grouping, agree/differ status (issue 4)."""

from __future__ import annotations

from synopsis.analyze import analyze
from synopsis.model.types import Analysis, Article, NumberGroup, NumberValue


def _values(analysis: Analysis) -> list[NumberValue]:
    return [v for g in analysis.numbers for v in g.values]


def _group_of(analysis: Analysis, text: str) -> NumberGroup:
    hits = [g for g in analysis.numbers if any(v.text == text for v in g.values)]
    assert len(hits) == 1, [(g.about, [v.text for v in g.values]) for g in analysis.numbers]
    return hits[0]


def test_thousands_separator_and_range() -> None:
    art = Article(
        "a",
        "U.S. forces estimated that there are 1,500-2,500 fighters left in Rawa. "
        "Officials counted 1500 trucks near Anbar.",
    )
    vals = {v.value: v for v in _values(analyze([art]))}
    assert vals["1,500-2,500"].normalized == (1500.0, 2500.0)
    assert vals["1,500-2,500"].unit == "fighters"
    assert vals["1500"].normalized == 1500.0


def test_area_units_converted_and_agree() -> None:
    a = Article("a", "The group lost over 90,000 square kilometers of land in Syria last year.")
    b = Article("b", "The group lost some 35,000 square miles of land in Syria, officials said.")
    analysis = analyze([a, b])
    group = _group_of(analysis, "over 90,000 square kilometers")
    assert group.status == "agree"
    by_article = {v.article: v for v in group.values}
    assert by_article["b"].unit == "km²"
    assert abs(float(by_article["b"].normalized) - 90649.58) < 1  # type: ignore[arg-type]


def test_number_words_and_vague_words() -> None:
    art = Article(
        "a", "Four members of one family died near Homs, and dozens of fighters fled Homs."
    )
    vals = {v.value.lower(): v for v in _values(analyze([art]))}
    assert vals["four"].normalized == 4.0
    assert vals["four"].unit == "members"
    assert vals["dozens"].normalized is None


def test_years_and_dates_are_not_quantities() -> None:
    art = Article(
        "a",
        "In 2014 the group seized Mosul. On October 17, 2017 it lost Raqqa. "
        "By Nov. 3 it held 40 towns.",
    )
    assert [v.value for v in _values(analyze([art]))] == ["40"]


def test_qualitative_conflict_full_control_vs_percent() -> None:
    a = Article(
        "a",
        "State media said on Friday that the army now had full control of the city of Deir Ezzor.",
    )
    b = Article(
        "b",
        "Monitors said that troops now held 95 percent of the city of Deir ez-Zor.",
    )
    group = _group_of(analyze([a, b]), "95 percent")
    assert group.status == "differ"
    assert {v.normalized for v in group.values} == {100.0, 95.0}
    assert group.about in ("share of city (Deir Ezzor)", "share of city (Deir ez-Zor)")


def test_qualifiers_make_comparison_tolerant() -> None:
    a = Article("a", "The coalition said around 1,500 fighters remain in Qaim near the border.")
    b = Article("b", "Commanders said 1,650 fighters remain in Qaim near the border crossing.")
    group = _group_of(analyze([a, b]), "1,650")
    assert group.status == "agree"


def test_exact_values_that_conflict_differ() -> None:
    a = Article("a", "The fire at the dance hall in Goteborg killed 60 people, police said.")
    b = Article("b", "The fire at the dance hall in Goteborg killed 45 people, officials said.")
    group = _group_of(analyze([a, b]), "60")
    assert group.status == "differ"
    assert len(group.values) == 2


def test_open_ended_qualifier_agrees_with_larger_value() -> None:
    a = Article("a", "The group has lost more than 90 percent of the territory it held in Iraq.")
    b = Article("b", "The group has lost nearly 96 percent of its territory in Iraq, envoys said.")
    assert _group_of(analyze([a, b]), "more than 90 percent").status == "agree"


def test_vague_words_never_differ() -> None:
    a = Article("a", "Thousands of fighters were holding out in Rawa and nearby villages.")
    b = Article("b", "About 300 fighters were holding out in Rawa and nearby villages.")
    assert all(g.status != "differ" for g in analyze([a, b]).numbers)


def test_far_apart_values_are_different_quantities() -> None:
    a = Article("a", "Athletes will compete for 377 medals at the games in Bangkok this week.")
    b = Article("b", "The hosts hope to win 10 medals at the games in Bangkok this week.")
    analysis = analyze([a, b])
    assert all(g.status == "single" for g in analysis.numbers)


def test_two_values_in_one_article_are_two_quantities() -> None:
    a = Article("a", "Xu was given 13 years in prison in Beijing and Qin 12 years in prison.")
    b = Article("b", "Xu was given 13 years in prison in Beijing on Monday.")
    statuses = {g.status for g in analyze([a, b]).numbers}
    assert "differ" not in statuses


def test_single_when_one_article() -> None:
    art = Article("a", "Some 300,000 people lived in Deir Ezzor before the war in Syria.")
    (group,) = analyze([art]).numbers
    assert group.status == "single"
    assert group.values[0].normalized == 300000.0


def test_groups_ordered_differ_agree_single() -> None:
    a = Article(
        "a",
        "State media said on Friday that the army now had full control of the city of Deir Ezzor. "
        "The siege of nearly three years of Deir Ezzor ended. Officials counted 17 trucks.",
    )
    b = Article(
        "b",
        "Monitors said that troops now held 95 percent of the city of Deir ez-Zor. "
        "Troops were besieged in Deir Ezzor for nearly three years.",
    )
    statuses = [g.status for g in analyze([a, b]).numbers]
    assert statuses == ["differ", "agree", "single"]


def test_rate_percentages_without_an_of_phrase_are_compared() -> None:
    # "turnout was 71 percent" has no "of ..." to say what the share is of; the rate noun does.
    differ = analyze(
        [
            Article("a", "Turnout in the run-off was 71 percent, the electoral board said."),
            Article("b", "The electoral board said turnout reached 64 percent in the run-off."),
        ]
    )
    group = _group_of(differ, "71 percent")
    assert (group.status, group.about) == ("differ", "turnout")
    assert sorted(v.value for v in group.values) == ["64 percent", "71 percent"]
    agree = analyze(
        [
            Article("a", "Turnout was 71 percent in Gabu, officials said."),
            Article("b", "In Gabu, turnout was put at 70.6 percent by officials."),
        ]
    )
    assert _group_of(agree, "71 percent").status == "agree"


def test_percentage_with_no_rate_noun_or_object_is_not_compared() -> None:
    # a bare "rose 5 percent" says nothing about what rose in common: never grouped
    analysis = analyze(
        [
            Article("a", "Shares of Norcross rose 5 percent on Monday, traders said."),
            Article("b", "Norcross said sales rose 9 percent on Monday."),
        ]
    )
    assert not [g for g in analysis.numbers if g.status != "single"]
