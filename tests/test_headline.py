"""The headline (issue 13, item 4): from titles or the lead, at the top of every format."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.model.types import Article, Source, Summary, SummarySentence
from synopsis.pipeline import summarize
from synopsis.render import render, render_report, to_dict
from synopsis.render.schema import SummaryJSON
from synopsis.summarizer.headline import choose_headline, clean_title

from .test_schema import schema_errors


def art(i: int, title: str | None) -> Article:
    return Article(id=f"a{i}", text="A cargo ship hit the Kestrel bridge.", title=title)


def test_site_name_suffixes_and_kickers_are_cut_from_titles() -> None:
    assert clean_title("Ship hits Kestrel bridge - BBC News") == "Ship hits Kestrel bridge"
    assert clean_title("Ship hits Kestrel bridge | Reuters") == "Ship hits Kestrel bridge"
    assert clean_title("Ship hits bridge | World news | The Guardian") == "Ship hits bridge"
    assert clean_title("WATCH: Ship hits Kestrel bridge") == "Ship hits Kestrel bridge"
    assert clean_title("  Ship hits   Kestrel bridge. ") == "Ship hits Kestrel bridge"
    assert clean_title("Ship hits Kestrel bridge (VIDEO)") == "Ship hits Kestrel bridge"
    assert clean_title("[PHOTOS] Ship hits Kestrel bridge") == "Ship hits Kestrel bridge"


def test_all_capital_titles_are_recased() -> None:
    assert clean_title("SHIP HITS KESTREL BRIDGE") == "Ship Hits Kestrel Bridge"


def test_a_title_is_kept_whole_when_the_part_after_a_dash_is_long() -> None:
    title = "Bridge closed - ferries to run every hour until the inspection ends"
    assert clean_title(title) == title


def test_the_most_central_title_is_chosen() -> None:
    articles = [
        art(1, "Live updates - Port Daily"),
        art(2, "Cargo ship hits Kestrel Strait Bridge, closing it | Alder Wire"),
        art(3, "Kestrel Strait Bridge closed after cargo ship strike"),
        art(4, "Council meets on ferry timetable"),
    ]
    summary = ["A cargo ship struck the Kestrel Strait Bridge on Monday, closing it."]
    assert choose_headline(articles, summary) == "Cargo ship hits Kestrel Strait Bridge, closing it"


def test_without_titles_the_lead_sentence_is_cut_at_a_clause_boundary() -> None:
    lead = (
        "A cargo ship struck the Kestrel Strait Bridge early on Monday, closing the main road "
        "link between the two towns for at least a week while engineers inspect it."
    )
    headline = choose_headline([art(1, None)], [lead])
    assert headline == "A cargo ship struck the Kestrel Strait Bridge early on Monday"
    assert lead.startswith(headline)


def test_a_fronted_phrase_gives_way_to_the_subject() -> None:
    lead = (
        "Based on its stunningly preserved remains, scientists say the dinosaur's head and chest "
        "were covered with feathers."
    )
    headline = choose_headline([art(1, None)], [lead])
    assert headline == "Scientists say the dinosaur's head and chest were covered with feathers"


@pytest.mark.parametrize(
    "lead",
    [
        # the comma is inside a list or a name, not after a fronted phrase
        "Fresh off a tour through Thailand, Laos and China, the secretary picked up the phone "
        "to call the president about trade.",
        "According to a study by researchers at the University of California, San Diego School "
        "of Medicine, bacteria spread faster in dust.",
        # "More than" opens the subject
        "More than 100 people died, officials said on Monday after the storm hit the coast.",
    ],
)
def test_a_subject_is_never_cut_off_as_a_fronted_phrase(lead: str) -> None:
    headline = choose_headline([art(1, None)], [lead])
    assert lead.startswith(headline.removesuffix(" …"))


def test_without_a_comma_the_lead_is_cut_before_a_subordinate_clause() -> None:
    lead = (
        "A 12-year-old boy died Monday after being electrocuted when he touched a fence that had "
        "been electrified by a live wire at a ball field."
    )
    headline = choose_headline([art(1, None)], [lead])
    assert headline == "A 12-year-old boy died Monday after being electrocuted"


def test_a_short_lead_sentence_is_the_headline_without_its_full_stop() -> None:
    assert choose_headline([art(1, None)], ["Ship hits bridge."]) == "Ship hits bridge"


def test_no_titles_and_no_sentences_give_no_headline() -> None:
    assert choose_headline([art(1, None)], []) == ""


A = Article(id="wire", text="A ship hit the bridge. It closed.", title="Ship hits bridge - Wire")
SUMMARY = Summary(
    sentences=(SummarySentence("A ship hit the bridge.", (Source("wire", 0, 22),)),),
    articles=(A,),
    headline="Ship hits bridge",
)


def test_headline_opens_markdown_text_json_and_the_report() -> None:
    assert render(SUMMARY, "md").startswith("# Ship hits bridge\n\n")
    assert render(SUMMARY, "text").startswith("Ship hits bridge\n\n")
    data = json.loads(render(SUMMARY, "json"))
    assert next(iter(data)) == "headline" and data["headline"] == "Ship hits bridge"
    report = render_report(SUMMARY)
    assert "<title>Ship hits bridge</title>" in report
    assert "<h1>Ship hits bridge</h1>" in report


def test_without_a_headline_markdown_keeps_its_summary_heading() -> None:
    plain = Summary(sentences=SUMMARY.sentences, articles=(A,))
    assert render(plain, "md").startswith("# Summary\n")
    assert not render(plain, "text").startswith("\n")


def test_a_headline_starting_with_hash_does_not_become_a_deeper_heading() -> None:
    odd = Summary(sentences=SUMMARY.sentences, articles=(A,), headline="#1 ship hits bridge")
    assert render(odd, "md").startswith("# \\#1 ship hits bridge\n")


def test_report_escapes_the_headline() -> None:
    odd = Summary(sentences=SUMMARY.sentences, articles=(A,), headline="<script>x</script>")
    report = render_report(odd)
    assert "<script>x</script>" not in report and "&lt;script&gt;x&lt;/script&gt;" in report


def test_summarize_takes_the_headline_from_a_title_and_json_lists_edits() -> None:
    articles = [
        Article(
            "a",
            "However, the Kestrel Strait Bridge will stay closed for a week after a cargo ship "
            "struck it on Monday.",
            title="Kestrel bridge to stay closed for a week | Alder Wire",
        ),
        Article(
            "b",
            # not a retelling of the first (two articles' accounts of one event are not both
            # chosen when what the second adds does not outweigh what it repeats)
            "Engineers began to inspect the Kestrel Strait Bridge on Tuesday while ferries ran "
            "extra trips.",
            title="Engineers inspect Kestrel bridge - Port Daily",
        ),
    ]
    summary = summarize(articles, max_words=60)
    assert summary.headline in (
        "Kestrel bridge to stay closed for a week",
        "Engineers inspect Kestrel bridge",
    )
    data = to_dict(summary)
    assert schema_errors(json.loads(json.dumps(data)), SummaryJSON) == []
    assert all("edits" in s for s in data["sentences"])
    changes = [e for s in data["sentences"] for e in s["edits"]]
    assert {
        "from": "However, t",
        "to": "T",
        "why": {"kind": "delete", "rule": "connective"},
    } in changes


TOKENS = ["Ship", "hits", "bridge", "-", "|", "BBC", "News", "WATCH:", "the", ",", "KESTREL"]


@settings(max_examples=200, deadline=None)
@given(
    titles=st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join)),
        max_size=4,
    ),
    lead=st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join),
)
def test_the_headline_only_uses_words_of_the_titles_or_the_lead(
    titles: list[str | None], lead: str
) -> None:
    articles = [art(i, t) for i, t in enumerate(titles)]
    headline = choose_headline(articles, [lead] if lead else [])
    assert "\n" not in headline
    source = " ".join([*(t or "" for t in titles), lead]).lower().split()
    for word in headline.removesuffix(" …").lower().split():
        assert any(word in w for w in source), (word, headline)
