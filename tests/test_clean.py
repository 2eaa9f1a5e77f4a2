"""Tests for the boilerplate cleaner (synopsis.clean.boilerplate)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from synopsis.clean.boilerplate import boilerplate_lines, clean_articles, clean_text
from synopsis.ingest.readers import load_inputs
from synopsis.model.types import Article

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-bridge"


def _read_case(path: Path) -> tuple[str, list[bool | None]]:
    """Split a marked fixture into article text and the expected keep flag per line."""
    text_lines: list[str] = []
    expected: list[bool | None] = []
    for raw in path.read_text(encoding="utf-8").split("\n"):
        if raw[:2] in ("+ ", "- "):
            text_lines.append(raw[2:])
            expected.append(raw[0] == "+")
        else:
            text_lines.append(raw)
            expected.append(None)
    return "\n".join(text_lines), expected


CASES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture_lines_kept_or_dropped_as_marked(path: Path) -> None:
    text, expected = _read_case(path)
    verdicts = boilerplate_lines(text)
    assert len(verdicts) == len(expected)
    wrong = [
        (v.text, v.reason)
        for v, want in zip(verdicts, expected, strict=True)
        if want is not None and v.keep != want
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_clean_text_is_the_kept_lines_joined(path: Path) -> None:
    text, expected = _read_case(path)
    kept = [line.strip() for line, want in zip(text.split("\n"), expected, strict=True) if want]
    assert clean_text(text) == "\n".join(kept)


def test_fixtures_cover_every_boilerplate_kind() -> None:
    reasons = set()
    for path in CASES:
        text, _ = _read_case(path)
        reasons |= {v.reason.split(":")[0] for v in boilerplate_lines(text) if not v.keep}
    for kind in (
        "promo/navigation cue",
        "byline or sign-off",
        "dateline",
        "truncated copy of another line (caption or teaser)",
        "caption (follows its truncated copy)",
        "repeated caption or headline",
        "keyword/tag list",
        "tweet embed",
        "tweet embed (text before the link)",
        "photo gallery or caption (the photo widget's controls)",
        "reader comments section",
        "list of short lines (links, menu or tags)",
        "short line with cue word",
        "photo caption or credit",
        "parenthetical note (credit, transcript cue or link)",
        "press release",
    ):
        assert kind in reasons, kind


def test_every_dropped_line_says_why() -> None:
    text, _ = _read_case(FIXTURES / "lists_and_promos.txt")
    for v in boilerplate_lines(text):
        assert v.reason
        assert (v.reason == "body text") == v.keep


def test_short_paragraphs_and_quotes_survive() -> None:
    text = "\n".join(
        [
            "The minister resigned on Friday after a week of pressure over the contract.",
            "Nobody was hurt.",
            '"I have made mistakes," she said.',
            "“We will rebuild,”",
            "Why?",
            "A new minister will be named next week, the prime minister's office said.",
        ]
    )
    assert clean_text(text) == text


def test_subheading_between_paragraphs_survives() -> None:
    text = (
        "Prices rose 4 percent in the year to May, the statistics office said.\n"
        "What comes next\n"
        "Economists expect the central bank to raise rates again in July."
    )
    assert clean_text(text) == text


def test_hard_wrapped_lines_are_joined_into_one_kept_paragraph() -> None:
    text = (
        "The committee has reviewed the documents provided by the ministry and finds that\n"
        "the procurement of the new patrol boats did not follow the rules set out in the\n"
        "public tenders act, in particular the requirement to publish the contract.\n"
        "The committee recommends that the ministry repeat the tender."
    )
    out = clean_text(text).split("\n")
    assert len(out) == 2
    assert out[0].split() == " ".join(text.split("\n")[:3]).split()
    assert out[1] == "The committee recommends that the ministry repeat the tender."


def test_cue_word_inside_long_prose_is_kept() -> None:
    text = (
        "The new privacy policy for the company's smart speakers lets its partners store "
        "recordings of what users say for up to two years, the regulator said."
    )
    assert clean_text(text) == text


def test_template_line_shared_by_two_articles_is_dropped_but_shared_prose_kept() -> None:
    wire = "The ferry left port at 6 a.m. and ran aground an hour later, the coast guard said."
    a = Article("a", f"{wire}\nMost Popular Right Now\nThe crew of 14 was rescued.")
    b = Article("b", f"Most Popular Right Now\n{wire}\nPassengers were taken to a hotel.")
    cleaned, skipped = clean_articles([a, b])
    assert not skipped
    assert cleaned[0].text == f"{wire}\nThe crew of 14 was rescued."
    assert cleaned[1].text == f"{wire}\nPassengers were taken to a hotel."


def test_article_with_only_boilerplate_is_skipped_with_reason() -> None:
    junk = Article("junk", "Sign in\nRemember me Forgot password?\nAdvertisement\n___")
    good = Article("good", "The bridge reopened on Monday after six weeks of repairs.", title="T")
    cleaned, skipped = clean_articles([junk, good])
    assert [a.id for a in cleaned] == ["good"]
    assert cleaned[0].title == "T"
    assert skipped[0].article == "junk"
    assert skipped[0].why == "no article text left after removing boilerplate"


def test_clean_keeps_metadata_and_order() -> None:
    arts = [Article(str(i), f"Sentence number {i} is a real body sentence here.") for i in range(5)]
    cleaned, _ = clean_articles(arts)
    assert [a.id for a in cleaned] == ["0", "1", "2", "3", "4"]
    assert cleaned == tuple(arts)


_VOCAB = re.findall(
    r"\w+",
    "river town council water bridge people market school road farmer doctor price week "
    "month winter summer family report plan money house street train city night morning "
    "harbour police island village field storm engineer worker garden museum",
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_VOCAB), min_size=8, max_size=25),
        min_size=1,
        max_size=8,
    )
)
def test_property_plain_prose_paragraphs_are_all_kept(paragraphs: list[list[str]]) -> None:
    lines = [" ".join(words).capitalize() + "." for words in paragraphs]
    norms = ["".join(ch for ch in line.lower() if ch.isalnum()) for line in lines]
    assume(len(set(norms)) == len(norms))
    assume(not any(a in b for a in norms for b in norms if a != b))
    text = "\n\n".join(lines)
    assert clean_text(text) == "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_property_output_words_come_from_input(text: str) -> None:
    out = clean_text(text)
    assert "\n\n" not in out
    remaining = text.split()
    for word in out.split():
        assert word in remaining
        remaining.remove(word)


def test_example_story_keeps_every_body_line_and_drops_the_furniture() -> None:
    cluster = load_inputs([str(EXAMPLE)])
    cleaned, skipped = clean_articles(cluster.articles)
    assert not skipped
    text = {a.id: a.text for a in cleaned}
    everything = "\n".join(text.values())
    for junk in (
        "Forgot password",
        "Log in with",
        "pic.twitter.com",
        "(@MarrowportPD)",
        "Like us on Facebook",
        "Next Stories",
        "More news",
        "3 Comments",
        "council was warned",
        "Tags:",
        "Advertisement",
        "Subscribe to",
        "By Nadia Brenner",
        "Published:",
        "Rescue boats gather",
        "ship collision, Orla Brenning",
    ):
        assert junk not in everything, junk
    for art_id, body in (
        ("01-marrowport-courier", "Nobody was killed."),
        ("01-marrowport-courier", "Juno Pettersen was driving a delivery van"),
        ("01-marrowport-courier", "The Coastal Safety Board has opened an investigation."),
        ("02-daily-ledger-wire", "MARROWPORT (CPA) — A container ship lost power"),
        ("02-daily-ledger-wire", "but the work was never funded"),
        ("03-tidewater-herald", "The Coastal Safety Board said it was sending a team"),
        ("04-shipping-ledger", "- Feeder operators expect delays of at least a week."),
        ("04-shipping-ledger", "What it means for the port"),
        ("05-kmpr-followup", "Two sailors remain in serious but stable condition"),
    ):
        assert body in text[art_id], (art_id, body)
    lead = "The number of people hurt when a container ship hit the Kestrel Strait Bridge"
    assert text["05-kmpr-followup"].count(lead) == 1
    for body in text.values():
        assert all(line == line.strip() and line for line in body.split("\n"))


@pytest.mark.shared
def test_shared_example_boilerplate_removed_and_body_kept(shared_dir: Path) -> None:
    folder = shared_dir / "examples" / "is-euphrates-2017-11-03"
    if not folder.is_dir():
        pytest.skip(f"shared example not found at {folder}")
    cluster = load_inputs([str(folder)])
    cleaned, skipped = clean_articles(cluster.articles)
    assert not skipped
    out = "\n".join(a.text for a in cleaned)
    for junk in ("Forgot password", "pic.twitter.com", "Next Stories", "Like us on Facebook"):
        assert junk not in out
    assert not re.search(r"^\d+ Comments$", out, re.M)
    # Body preservation: long prose lines (30+ words ending with a period) are only dropped as
    # reader comments, promos or duplicates, never by the caption/list/tag heuristics.
    allowed = ("reader comments section", "promo/navigation cues", "copy of part", "repeats")
    for art in cluster.articles:
        for v in boilerplate_lines(art.text):
            words = len(v.text.split())
            if not v.keep and words >= 30 and v.text.strip().endswith("."):
                assert v.reason.startswith(allowed), (art.id, v.index, v.reason)


@pytest.mark.shared
def test_multinews_dev_is_cleaned_fast_with_modest_removal(shared_dir: Path) -> None:
    path = shared_dir / "data" / "multinews" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"multinews dev set not found at {path}")
    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = [
        [Article(d["id"], d["text"]) for d in c["documents"] if d["text"].strip()] for c in clusters
    ]
    start = time.perf_counter()
    cleaned = [clean_articles(arts)[0] for arts in articles]
    elapsed = time.perf_counter() - start
    assert elapsed < 10.0
    before = sum(len([x for x in a.text.split("\n") if x.strip()]) for c in articles for a in c)
    after = sum(len(a.text.split("\n")) for c in cleaned for a in c)
    removed = 1 - after / before
    assert 0.03 < removed < 0.25, removed


def test_explain_main_prints_verdicts_and_stats(capsys: pytest.CaptureFixture[str]) -> None:
    from synopsis.apps.clean_explain import main

    assert main([str(EXAMPLE / "02-daily-ledger-wire.txt")]) == 0
    out = capsys.readouterr().out
    assert "DROP promo/navigation cue: next stories" in out
    assert "KEEP" in out
    assert re.search(r"1 cluster\(s\): removed 9 of 18 non-blank lines \(50\.0%\)", out)


def test_wire_copy_printed_twice_is_content_not_template() -> None:
    """A long line shared by two articles is a reprint, not a site template (DUC 2004 case)."""
    body = (
        "Two yacht crew members are dead, three yachts remain missing and rescue resources were "
        "stretched to the limit Monday as huge seas and gale-force winds continued to batter "
        "the fleet in the Sydney to Hobart race, officials said on Monday and Tuesday _"
    )
    articles = [Article(id="a", text=body), Article(id="b", text=body)]
    kept, skipped = clean_articles(articles)
    assert [a.text for a in kept] == [body, body]
    assert skipped == ()


def test_a_teaser_ending_in_read_more_is_not_glued_to_the_next_paragraph() -> None:
    text = (
        "Methane on Mars: does it mean the Curiosity rover has found life? Read more\n"
        "The huge body of water lasted for millions of years. But over time, the Martian "
        "atmosphere thinned and the ocean slowly escaped into space.\n"
        "Scientists said the findings would guide where future rovers land."
    )
    kept = clean_text(text).split("\n")
    assert kept[0].startswith("The huge body of water")
    assert not any("Read more" in line for line in kept)


def test_a_line_hard_wrapped_after_a_function_word_is_joined_to_its_continuation() -> None:
    text = (
        "The council voted on Tuesday to reopen the bridge to traffic after the\n"
        "Engineers found no damage to the main cables, officials said.\n"
        "Traffic resumed at noon."
    )
    kept = clean_text(text).split("\n")
    assert kept[0] == (
        "The council voted on Tuesday to reopen the bridge to traffic after the "
        "Engineers found no damage to the main cables, officials said."
    )


def test_a_site_notice_ending_in_a_call_to_action_is_dropped() -> None:
    notice = (
        "When you post with a location, the site stores that location. You can switch location "
        "on/off before each post and always have the option to delete your history. Learn more"
    )
    body = "The council approved the new harbor budget on Tuesday after a long debate."
    assert clean_text(f"{notice}\n{body}") == body
    # a news sentence that merely ends with the words, full stop included, is kept
    prose = "The families said they still wanted to learn more."
    assert clean_text(prose) == prose


def test_a_caption_ending_in_a_photographers_credit_is_dropped() -> None:
    caption = (
        "The mayor describes one of the city's new electric buses in 2014. "
        "Jane Doe for The Harbor Times"
    )
    body = "The city granted the mayor a new budget for buses on Friday, officials said."
    assert clean_text(f"{caption}\n{body}") == body
    slash = "Firefighters work at the scene on Monday. Jane Doe/Reuters"
    assert clean_text(f"{slash}\n{body}") == body


def test_an_error_page_is_skipped_with_its_reason_but_an_article_mentioning_one_is_kept() -> None:
    error = Article(
        "gone",
        "Sorry, the page you requested was not found.\n"
        "Please check the URL for proper spelling and capitalization.",
    )
    article = Article(
        "real",
        "404 not found — police are asking property owners in the county to look for any signs "
        "of the missing student, officials said on Sunday.",
    )
    cleaned, skipped = clean_articles([error, article])
    assert [a.id for a in cleaned] == ["real"]
    assert [(s.article, s.why) for s in skipped] == [
        ("gone", "an error page ('page not found'), not an article")
    ]


def test_a_web_archive_notice_is_skipped_but_an_article_about_the_archive_is_kept() -> None:
    notice = Article(
        "archived",
        "These crawls are part of an effort to archive pages as they are created and archive "
        "the pages that they refer to. The Internet Archive hopes that references to these "
        "archived pages will be put in place of a link that would otherwise be broken.",
    )
    article = Article(
        "story",
        "The Internet Archive said on Monday that a court ruled against its book lending "
        "program, which publishers had challenged, and that it would appeal the decision.",
    )
    cleaned, skipped = clean_articles([notice, article])
    assert [a.id for a in cleaned] == ["story"]
    [(which, why)] = [(s.article, s.why) for s in skipped]
    assert which == "archived" and "web archive" in why


def test_an_invitation_to_follow_the_outlet_is_dropped_but_prose_about_following_is_kept() -> None:
    body = "Alphabet granted its chief executive shares worth $199 million, a filing showed."
    promo = "For breaking news, features and analysis from India, follow WSJ India on Facebook."
    prose = "Fans follow him on Twitter in droves, the report said on Monday."
    assert clean_text(f"{body}\n{promo}\n{prose}") == f"{body}\n{prose}"


def test_a_stations_invitation_to_follow_its_coverage_is_dropped() -> None:
    body = "A judge doubted whether the search warrant should have been issued, lawyers said."
    promo = "Follow ABC 13 for the latest on air and online."
    prose = "Investors follow Apple for the latest chips, analysts said on Monday."
    assert clean_text(f"{body}\n{promo}\n{prose}") == f"{body}\n{prose}"


def test_a_picture_caption_and_a_video_teaser_are_dropped_but_sentences_about_pictures_kept() -> (
    None
):
    body = "Microsoft unveiled the Kinect controller on Sunday at a show, officials said."
    caption = (
        "An official product shot of Kinect, formally known as Project Natal, the new "
        "motion-control system from Microsoft."
    )
    teaser = "NBC News' Richard Engel reports from inside the Coastal Cluster in Sochi."
    kept = "A photo of the suspect was released by police on Monday night."
    assert clean_text(f"{body}\n{caption}\n{teaser}\n{kept}") == f"{body}\n{kept}"
