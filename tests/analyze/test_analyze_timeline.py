"""Timeline: absolute and relative dates, publication dates, merging (issue 4)."""

from __future__ import annotations

import datetime as dt

from synopsis.analyze import analyze
from synopsis.analyze.timeline import find_dates, publication_date
from synopsis.model.types import Article


def _dates(text: str, pub: str | None) -> list[str]:
    anchor = dt.date.fromisoformat(pub) if pub else None
    return [d.date for d in find_dates(text, 0, len(text), anchor)]


def test_absolute_dates() -> None:
    assert _dates("It fell on November 3, 2017.", None) == ["2017-11-03"]
    assert _dates("On October 17th, SDF defeated IS.", "2017-11-04") == ["2017-10-17"]
    assert _dates("It began on Oct. 17 with strikes.", "2017-11-04") == ["2017-10-17"]
    assert _dates("The town fell in July.", "2017-11-04") == ["2017-07"]
    assert _dates("It has held the city since 2014.", None) == ["2014"]
    assert _dates("Under its control since July of 2014.", None) == ["2014-07"]


def test_relative_dates_resolved_against_publication() -> None:
    pub = "2017-11-04"  # a Saturday
    assert _dates("The army said on Friday it won.", pub) == ["2017-11-03"]
    assert _dates("The army yesterday announced victory.", pub) == ["2017-11-03"]
    assert _dates("The offensive began last week.", pub) == ["2017-10"]
    assert _dates("Three years ago, they erased the border.", pub) == ["2014"]
    assert _dates("It started five days ago.", pub) == ["2017-10-30"]


def test_next_month_and_next_year_resolve_forward_but_not_after_the() -> None:
    pub = "1998-11-03"
    assert _dates("Leaders meet next month in Malaysia.", pub) == ["1998-12"]
    assert _dates("The euro arrives next year in eleven countries.", pub) == ["1999"]
    assert _dates("Over the next year the fund will shrink.", pub) == []


def test_this_period_is_the_publication_dates_own_and_last_season_the_latest_one_over() -> None:
    pub = "1998-10-03"
    assert _dates("Yushchenko was in Washington this week for talks.", pub) == ["1998-10"]
    assert _dates("Prices rose this month across the region.", pub) == ["1998-10"]
    assert _dates("The harvest failed this year in the north.", pub) == ["1998"]
    # spring (March-May) is over by October: this year's; fall has not ended: last year's
    assert _dates("Last spring, officials considered a raid.", pub) == ["1998"]
    assert _dates("Last fall, officials considered a raid.", pub) == ["1997"]
    assert _dates("Last fall, officials considered a raid.", "1998-12-01") == ["1998"]
    # winter spans two years: not resolved; "the last summer" is no date
    assert _dates("Last winter, officials considered a raid.", pub) == []
    assert _dates("It was the last summer of the old regime.", pub) == []


def test_relative_dates_unresolved_without_publication_date() -> None:
    assert _dates("The army said on Friday it won.", None) == [""]
    assert _dates("On November 3rd the army won.", None) == [""]
    art = Article("a", "The army said on Friday it had won. It had lost the city in 2014.")
    assert [e.date for e in analyze([art]).timeline] == ["2014"]


def test_publication_date_from_text() -> None:
    assert publication_date(
        "Headline here\nBeirut | Published: November 4, 2017 12:20 PM\nBody text.", None
    ) == dt.date(2017, 11, 4)
    assert publication_date("Title\n\nBy AFP     Nov 3, 2017 in World\n\nBody.", None) == (
        dt.date(2017, 11, 3)
    )
    assert (
        publication_date(
            "Body text mentions November 3, 2017 inside a long sentence that "
            "goes on and on for well over a hundred characters of plain prose.",
            None,
        )
        is None
    )
    assert publication_date("x", "2020-02-29") == dt.date(2020, 2, 29)


def test_footer_link_dates_ignored() -> None:
    text = (
        "On Friday, the army took the city of Homs.\n"
        "- Israel Closes Border Crossings Into Gaza - December 15, 2017\n"
        "- Harbor Festival Draws Record Crowds - December 12, 2017\n"
    )
    events = analyze([Article("a", text, published="2017-11-04")]).timeline
    assert [e.date for e in events] == ["2017-11-03"]


def test_comment_and_next_stories_sections_ignored() -> None:
    text = "The army took Homs on Friday.\n4 Comments\nI remember January 5, 2016 well.\n"
    events = analyze([Article("a", text, published="2017-11-04")]).timeline
    assert [e.date for e in events] == ["2017-11-03"]


def test_same_event_from_two_articles_merged() -> None:
    a = Article(
        "a", "On October 17, the SDF captured Raqqa after a long battle.", published="2017-11-03"
    )
    b = Article(
        "b",
        "Raqqa fell to the SDF on October 17, four months after the battle began.",
        published="2017-11-04",
    )
    c = Article("c", "On October 17, a storm hit Lisbon and Porto.", published="2017-11-04")
    events = analyze([a, b, c]).timeline
    raqqa = [e for e in events if "Raqqa" in e.text]
    assert len(raqqa) == 1
    assert [s.article for s in raqqa[0].sources] == ["a", "b"]
    assert len(events) == 2


def test_timeline_is_chronological_and_cites_sentences() -> None:
    text = "In 2015 it expanded. On March 3, 2014 it began. Raqqa fell on October 17, 2017."
    art = Article("a", text)
    events = analyze([art]).timeline
    assert [e.date for e in events] == ["2014-03-03", "2015", "2017-10-17"]
    for e in events:
        (src,) = e.sources
        assert text[src.start : src.end] == e.text


def test_a_day_or_month_before_last_year_or_next_year_takes_that_year() -> None:
    pub = "1998-12-15"
    assert _dates("The accord was signed on Sept. 13 last year in Washington.", pub) == [
        "1997-09-13",
        "1997",
    ]
    assert _dates("The vote is due in March next year.", "1998-07-15") == ["1999-03", "1999"]
    assert _dates("It was signed on 13 September last year.", pub) == ["1997-09-13", "1997"]
    # "of" between them (DUC 2007 D0716: "until April 15 of next year", written as 1998)
    assert _dates("It has until April 15 of next year to act.", "1998-07-15") == [
        "1999-04-15",
        "1999",
    ]


def test_a_day_of_a_month_in_a_clause_that_looks_ahead_is_the_next_such_day() -> None:
    # DUC 2007 D0727, D0711 and D0716 read each as the day before the article, not after it
    assert _dates("Gingrich will marry Bisek on Aug. 18 in Alexandria.", "2000-05-03") == [
        "2000-08-18"
    ]
    assert _dates("Final arguments are scheduled for Feb. 22 in Washington.", "1999-11-24") == [
        "2000-02-22"
    ]
    assert _dates("Australia has until April 15 to act on the mine.", "1998-11-29") == [
        "1999-04-15"
    ]
    # "is to", "intends to": DUC 2004 D31043 read Nov. 24 of the year before
    assert _dates("Lahoud is to be sworn in on Nov. 24, the day Hrawi leaves.", "1998-10-15") == [
        "1998-11-24"
    ]
    assert _dates("The bank intends to cut rates on Dec. 3 again.", "1998-10-15") == ["1998-12-03"]
    # a past clause, and reported speech, keep the day before the article
    assert _dates("He had until April 15 to act on the mine.", "1998-11-29") == ["1998-04-15"]
    assert _dates("The plane crashed on July 16 off the island.", "1999-07-24") == ["1999-07-16"]
    assert _dates("She said he would resign on March 1 at noon.", "1999-03-05") == ["1999-03-01"]


def test_an_event_inside_a_quotation_of_two_sentences_shows_the_whole_quotation() -> None:
    art = Article(
        "a",
        'The envoy praised the troops. The group "has not reclaimed a single meter of this '
        'ground. Refugee flows reversed," McGurk wrote on Thursday. The army advanced.',
        published="2017-11-03",
    )
    (event,) = analyze([art]).timeline
    assert event.date == "2017-11-02"
    assert event.text.startswith('The group "has not reclaimed')
    assert event.text.endswith("McGurk wrote on Thursday.")
    (source,) = event.sources
    assert art.text[source.start : source.end] == event.text


def test_a_since_date_in_a_relative_clause_does_not_date_the_sentence() -> None:
    art = Article(
        "a",
        "The monitor confirmed that troops have regained control of the city, most of which has "
        "been under militant control since July of 2014. The army advanced.",
        published="2017-11-03",
    )
    assert [e.date for e in analyze([art]).timeline] == []


def test_a_relative_clause_after_a_dated_main_clause_keeps_the_main_date_only() -> None:
    art = Article(
        "a",
        "Iraqi forces retook Mosul in July, which was proclaimed the capital in 2014. "
        "The rebels, who took up arms in August 1998, marched on the capital.",
        published="2017-11-03",
    )
    dates = {e.date: e.text for e in analyze([art]).timeline}
    assert set(dates) == {"2017-07", "1998-08"}
    assert dates["2017-07"].startswith("Iraqi forces retook Mosul")
