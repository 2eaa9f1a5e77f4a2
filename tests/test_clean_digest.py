"""News digests cut down to the sections that tell the story."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from synopsis.clean import clean_articles
from synopsis.clean.digest import cut_digests, sections
from synopsis.model.types import Article
from synopsis.pipeline import summarize

DIGEST = Article(
    "digest",
    "Budget Approved by House Committee\n"
    "WASHINGTON (AP) -- Republicans pushed a $1.74 trillion budget through a House committee on "
    "Wednesday. By a 22-18 party-line vote, the House Budget Committee approved a spending plan "
    "that promises to leave Social Security surpluses alone while reducing taxes.\n"
    "Balloon Team Nears Jamaica\n"
    "GENEVA (AP) -- A Swiss-English balloon team was about 300 miles from Jamaica late Wednesday "
    "and hoped to catch the next jet stream over the Caribbean, the control center said. The "
    "balloon pilots, Brian Jones and Bertrand Piccard, hope to reach Mauritania by Saturday.\n"
    "Tire Marks Key to Train Probe\n"
    "BOURBONNAIS, Ill. (AP) -- Investigators are analyzing tire tracks in the mud to determine "
    "whether the truck driver at the center of a deadly Amtrak crash tried to beat the train.\n"
    "Heat Beat Hawks 86-85\n"
    "ATLANTA (AP) -- Tim Hardaway scored 24 points and Miami survived a late rally to beat the "
    "Atlanta Hawks in a basketball game on Wednesday night.",
)
STORY = [
    Article(
        "a",
        "A Swiss-English balloon team soared over the Caribbean on its attempt to become the first "
        "balloonists to fly nonstop around the world. The balloon pilots, Bertrand Piccard of "
        "Switzerland and Brian Jones of England, lifted off from the Swiss Alps on March 1. The "
        "balloon team's control center in Geneva said the jet stream would carry the balloon "
        "toward Africa.",
    ),
    Article(
        "b",
        "The balloon Breitling Orbiter 3 crossed the Pacific and reached Mexico, its pilots "
        "Bertrand Piccard and Brian Jones said from the gondola. The balloon team hopes to land "
        "in Africa after circling the world, the control center in Geneva said.",
    ),
]


def test_a_digest_keeps_only_its_section_on_the_story() -> None:
    kept, cuts = cut_digests([DIGEST, *STORY])
    assert [a.id for a in kept] == ["digest", "a", "b"]
    text = kept[0].text
    assert text.startswith("Balloon Team Nears Jamaica\nGENEVA (AP)")
    assert "Budget Committee" not in text and "Amtrak" not in text and "Hardaway" not in text
    (cut,) = cuts
    assert cut.article == "digest" and len(cut.dropped) == 3
    assert kept[1:] == tuple(STORY)


def test_the_cleaner_cuts_digests_and_the_summary_stays_on_the_story() -> None:
    kept, _ = clean_articles([DIGEST, *STORY])
    assert "Budget Committee" not in kept[0].text
    summary = summarize([DIGEST, *STORY], max_words=80)
    shown = " ".join(s.text for s in summary.sentences)
    for off_story in ("Budget", "Amtrak", "Hardaway", "Republicans"):
        assert off_story not in shown


def test_articles_without_datelines_and_stories_of_digests_only_are_left_alone() -> None:
    assert cut_digests(STORY) == (tuple(STORY), ())
    other = Article("other", DIGEST.text.replace("Balloon", "Kite"))
    assert cut_digests([DIGEST, other]) == ((DIGEST, other), ())


def test_sections_start_at_datelines_with_their_headline_lines() -> None:
    spans = sections(DIGEST.text)
    assert len(spans) == 4
    starts = [DIGEST.text[a:b].split("\n")[0] for a, b in spans]
    assert starts[1:] == [
        "Balloon Team Nears Jamaica",
        "Tire Marks Key to Train Probe",
        "Heat Beat Hawks 86-85",
    ]
    # an inline dateline after a wire separator opens a section too
    inline = "NEW YORK (AP) _ One. ___ LONDON (AP) _ Two. ___ PARIS (AP) _ Three."
    assert len(sections(inline)) == 3
    # one dateline is an article, not a digest
    assert sections(STORY[0].text) == [(0, len(STORY[0].text))]


@given(st.lists(st.sampled_from([DIGEST, *STORY, Article("x", "WASHINGTON (AP) -- Hi.")])))
def test_cutting_only_shortens_and_keeps_every_article_in_order(arts: list[Article]) -> None:
    unique = list({a.id: a for a in arts}.values())
    kept, _ = cut_digests(unique)
    assert [a.id for a in kept] == [a.id for a in unique]
    for before, after in zip(unique, kept, strict=True):
        assert len(after.text) <= len(before.text)
        for line in after.text.split("\n"):
            assert line in before.text


def test_a_long_text_full_of_datelines_is_cut_in_linear_time() -> None:
    # 6 MB, 200,000 datelines and no line break: finding each dateline's line by searching
    # back from it took 5.7 s here; line starts are found once
    text = "ROME (AP) -- A thing happened. " * 200_000
    start = time.perf_counter()
    assert len(sections(text)) == 200_000
    assert time.perf_counter() - start < 2.0
