"""Weekdays resolve against publication dates: backwards in past clauses, forwards in future."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from synopsis.analyze import analyze
from synopsis.analyze.timeline import find_dates, publication_date

HARBOR = Path(__file__).resolve().parents[2] / "examples" / "harbor-bridge"
PUB = "2026-03-03"  # a Tuesday


def _dates(text: str, pub: str = PUB) -> list[str]:
    return [d.date for d in find_dates(text, 0, len(text), dt.date.fromisoformat(pub))]


def test_future_weekday_resolves_forwards() -> None:
    text = "The city will add ferry sailings between the Old Quay and Galloway from Wednesday."
    assert _dates(text) == ["2026-03-04"]
    assert _dates("The vote is due to take place on Friday.") == ["2026-03-06"]
    assert _dates("The council plans to meet on Monday.") == ["2026-03-09"]
    assert _dates("Buses run every ten minutes starting Thursday.") == ["2026-03-05"]
    assert _dates("On Thursday, the council will vote on the repairs.") == ["2026-03-05"]
    assert _dates("Repairs would finish by Saturday.") == ["2026-03-07"]
    # an outlook in the present (DUC 2004 D30048: "is expected to announce Tuesday")
    assert _dates("Cardoso is expected to announce the cuts Thursday.") == ["2026-03-05"]
    assert _dates("The mayor is to meet the families on Friday.") == ["2026-03-06"]
    # in the past it may look back from a past day
    assert _dates("The mayor was expected to speak on Friday.") == ["2026-02-27"]


def test_a_weekday_counted_down_to_is_ahead() -> None:
    # DUC 2004 D30048: "With only five days to go before gubernatorial runoffs on Sunday", in an
    # article of Tuesday, Oct. 20, 1998, was written "Oct. 18" (the runoffs were on Oct. 25)
    text = "With only five days to go before the runoffs on Sunday, nobody said how."
    assert _dates(text) == ["2026-03-08"]
    assert _dates("Parties campaigned for the upcoming vote on Sunday.") == ["2026-03-08"]
    # without a countdown, the Sunday before
    assert _dates("The runoffs were held on Sunday.") == ["2026-03-01"]


def test_an_opening_weekday_before_a_past_verb_is_past_whatever_follows() -> None:
    # DUC 2004 D31031 ("On Monday, White House negotiators, led by ..., tried to determine
    # whether House Democrats would accept a deal", an article of Tuesday, Oct. 13, 1998)
    text = (
        "On Monday, negotiators, led by the chief of staff, tried to determine whether the "
        "council would accept a deal."
    )
    assert _dates(text) == ["2026-03-02"]
    assert _dates("Thursday night, Reyes stated that he would not resign.") == ["2026-02-26"]
    assert _dates("On Monday, the council will vote on the deal it rejected.") == ["2026-03-09"]


def test_next_weekday_skips_publication_day() -> None:
    assert _dates("The bridge reopens next Tuesday.") == ["2026-03-10"]
    assert _dates("The city will reopen the bridge on Tuesday night.") == ["2026-03-03"]


def test_past_weekday_resolves_backwards() -> None:
    assert _dates("The ship struck the bridge on Wednesday.") == ["2026-02-25"]
    assert _dates("Hallberg said on Monday that it would pay for repairs.") == ["2026-03-02"]
    assert _dates('"We will not reopen it," Okafor said on Monday.') == ["2026-03-02"]
    assert _dates("The toll climbed to 1,500 people by Monday evening.") == ["2026-03-02"]
    assert _dates("It will review what went wrong last Monday.") == ["2026-03-02"]


def test_dateline_gives_the_publication_date() -> None:
    text = "Lagos, March 3, 2017\nBy Ada Obi\nOfficials said two boats sank on Friday."
    assert publication_date(text, None) == dt.date(2017, 3, 3)
    assert _dates("Officials said two boats sank on Friday.", "2017-03-03") == ["2017-03-03"]


@pytest.mark.skipif(not HARBOR.is_dir(), reason=f"example not found at {HARBOR}")
def test_harbor_bridge_ferry_sailings_dated_the_coming_wednesday() -> None:
    from synopsis.clean.boilerplate import clean_articles
    from synopsis.ingest.readers import load_inputs

    kept, _ = clean_articles(load_inputs([str(HARBOR)]).articles)
    analysis = analyze(kept)
    ferry = [e for e in analysis.timeline if "will add ferry sailings" in e.text]
    assert [e.date for e in ferry] == ["2026-03-04"]
    okafor = next(e for e in analysis.entities if "Okafor" in e.variants)
    assert (okafor.name, okafor.variants) == ("Daniel Okafor", ("Daniel Okafor", "Okafor"))
