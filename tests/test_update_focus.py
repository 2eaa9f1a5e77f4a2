"""Update summaries (`summarize_update`, `--since`) and focused summaries (`focus`, `--focus`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import InputError
from synopsis.model.types import Article, Sentence
from synopsis.pipeline import summarize, summarize_update
from synopsis.summarizer.features import features
from synopsis.summarizer.focus import (
    MIN_RELEVANCE,
    TITLE_WEIGHT,
    expand,
    focus,
    is_question_concept,
    query_terms,
    relevance,
    specific,
    sub_questions,
    title_terms,
)
from synopsis.summarizer.objectives import score
from synopsis.summarizer.update import (
    NOTHING_NEW,
    REPEAT_OVERLAP,
    discount,
    nothing_new,
    novelty,
    repeats,
    seen_from,
)
from synopsis.text.background import NO_BACKGROUND, Background

from .test_cli_installed import run_installed


def _article(article_id: str, published: str | None, *paragraphs: str) -> Article:
    return Article(id=article_id, published=published, text="\n\n".join(paragraphs))


# Three reports of a bus crash read on Monday (what the reader has seen) and three of Tuesday that
# repeat Monday's facts and add one: the toll rose from 10 to 14.
SEEN = [
    _article(
        "seen-1",
        "2024-03-04",
        (
            "A bus carrying tourists crashed on the A7 motorway near Valence on Monday "
            "morning, killing 10 people."
        ),
        (
            "The bus left the road and overturned into a ditch after its driver lost control "
            "in heavy rain."
        ),
        (
            "Rescue teams from Valence and Lyon took the injured passengers to three "
            "hospitals in the region."
        ),
        ("The regional prefect said an investigation into the cause of the crash had been opened."),
    ),
    _article(
        "seen-2",
        "2024-03-04",
        (
            "Ten people were killed on Monday when a tourist bus crashed on the A7 motorway "
            "near Valence."
        ),
        (
            "The driver lost control of the bus in heavy rain and it overturned into a ditch "
            "beside the road."
        ),
        ("Rescue teams took the injured passengers to hospitals in Valence and Lyon."),
        ("Prosecutors in Valence opened an investigation into the cause of the crash."),
    ),
    _article(
        "seen-3",
        "2024-03-04",
        (
            "A tourist bus crash on the A7 motorway near Valence killed 10 people on Monday, "
            "officials said."
        ),
        (
            "Witnesses said the driver lost control of the bus in heavy rain before it "
            "overturned into a ditch."
        ),
        (
            "Dozens of injured passengers were taken to hospitals in Valence and Lyon by "
            "rescue teams."
        ),
    ),
]
NEW = [
    _article(
        "new-1",
        "2024-03-05",
        (
            "The death toll from the bus crash on the A7 motorway near Valence rose to 14 on "
            "Tuesday after four injured passengers died in hospital."
        ),
        (
            "A bus carrying tourists crashed on the A7 motorway near Valence on Monday "
            "morning, killing 10 people."
        ),
        (
            "The driver lost control of the bus in heavy rain and it overturned into a ditch "
            "beside the road."
        ),
    ),
    _article(
        "new-2",
        "2024-03-05",
        (
            "Four injured passengers died in hospital on Tuesday, raising the death toll from"
            " the bus crash near Valence to 14."
        ),
        (
            "Ten people were killed on Monday when a tourist bus crashed on the A7 motorway "
            "near Valence, police said on Tuesday."
        ),
        ("Rescue teams took the injured passengers to hospitals in Valence and Lyon."),
    ),
    _article(
        "new-3",
        "2024-03-05",
        (
            "The death toll from Monday's bus crash near Valence rose to 14, hospital "
            "officials said on Tuesday."
        ),
        (
            "A tourist bus crash on the A7 motorway near Valence killed 10 people on Monday, "
            "officials said."
        ),
        ("Prosecutors in Valence opened an investigation into the cause of the crash."),
    ),
]
# Tuesday's reports that only repeat Monday's (new words, "police said on Tuesday", but no news).
REPEAT = [
    _article(
        "again-1",
        "2024-03-05",
        (
            "A bus carrying tourists crashed on the A7 motorway near Valence on Monday "
            "morning, killing 10 people, police said on Tuesday."
        ),
        (
            "The driver lost control of the bus in heavy rain and it overturned into a ditch "
            "beside the road."
        ),
    ),
    _article(
        "again-2",
        "2024-03-05",
        (
            "Ten people were killed on Monday when a tourist bus crashed on the A7 motorway "
            "near Valence, police said on Tuesday."
        ),
        ("Rescue teams took the injured passengers to hospitals in Valence and Lyon."),
    ),
]
# A storm story about two entities: the mayor (every article leads with her) and the utility.
STORM = [
    _article(
        "storm-0",
        None,
        (
            "A winter storm dumped two feet of snow on Riverton on Sunday and closed every "
            "road into the city."
        ),
        (
            "Mayor Elena Alvarez declared a state of emergency and opened four warming "
            "shelters in city schools."
        ),
        ("The power company Northgrid said falling trees had cut electricity to 40,000 homes."),
    ),
    _article(
        "storm-1",
        None,
        (
            "Riverton was buried under two feet of snow on Sunday as a winter storm closed "
            "every road into the city."
        ),
        (
            "Mayor Elena Alvarez opened warming shelters in four city schools and declared a "
            "state of emergency."
        ),
        (
            "Northgrid sent 300 repair crews from three states to restore electricity to the "
            "homes cut off by falling trees."
        ),
    ),
    _article(
        "storm-2",
        None,
        (
            "The winter storm left two feet of snow in Riverton and closed roads into the "
            "city on Sunday."
        ),
        ("Mayor Elena Alvarez declared a state of emergency for the city on Sunday afternoon."),
        (
            "Northgrid said its repair crews expected to restore electricity to most homes by"
            " Wednesday."
        ),
    ),
    _article(
        "storm-3",
        None,
        (
            "Snow two feet deep covered Riverton on Sunday after a winter storm closed every "
            "road into the city."
        ),
        (
            "Mayor Elena Alvarez urged residents to stay home and use the warming shelters in"
            " city schools."
        ),
        (
            "Northgrid said falling trees had cut electricity to 40,000 homes and its repair "
            "crews would work through the night."
        ),
    ),
]


def _config(**changes: object) -> SummarizerConfig:
    return SummarizerConfig.from_mapping({"analyze": False, "max_words": 60, **changes})


def test_update_reports_the_new_casualty_figure_and_not_the_seen_one() -> None:
    result = summarize_update(NEW, SEEN, _config())
    text = result.text
    assert "14" in text
    assert "10 people" not in text and "Ten people" not in text
    assert result.meta["mode"] == "update"
    assert all(s.sources for s in result.sentences)
    assert {src.article for s in result.sentences for src in s.sources} <= {a.id for a in NEW}


def test_plain_summary_of_the_same_articles_repeats_the_seen_figure() -> None:
    # The contrast that makes the update test meaningful: without --since, Monday's toll is chosen.
    text = summarize(NEW, _config()).text
    assert "10 people" in text or "Ten people" in text


def test_update_never_chooses_a_sentence_the_reader_has_seen() -> None:
    seen_texts = {line.strip() for a in SEEN for line in a.text.split("\n\n")}
    result = summarize_update(NEW, SEEN, _config(max_words=200))
    assert result.sentences
    assert not any(s.text in seen_texts for s in result.sentences)


def test_update_with_nothing_new_says_so_in_one_line() -> None:
    result = summarize_update(REPEAT, SEEN, _config())
    assert [s.text for s in result.sentences] == [NOTHING_NEW]
    assert result.meta["mode"] == "update"
    assert result.meta["nothing_new"] == "true"


def test_update_rejects_an_article_both_new_and_seen() -> None:
    try:
        summarize_update([*NEW, SEEN[0]], SEEN, _config())
    except InputError as err:
        assert "seen-1" in str(err)
    else:
        raise AssertionError("an article in both NEW and SEEN was accepted")


def test_focus_question_about_one_entity_selects_sentences_about_it() -> None:
    plain = summarize(STORM, _config(max_words=40))
    assert not any("Northgrid" in s.text for s in plain.sentences)
    question = "Northgrid. What did the power company Northgrid do to restore electricity?"
    focused = summarize(STORM, _config(max_words=40, focus=question))
    assert any("Northgrid" in s.text for s in focused.sentences)
    assert focused.meta["mode"] == "focus"
    assert focused.meta["focus"] == question


def test_focus_on_the_other_entity_keeps_the_mayor() -> None:
    focused = summarize(STORM, _config(max_words=40, focus="What did Mayor Elena Alvarez do?"))
    assert any("Alvarez" in s.text for s in focused.sentences)
    assert not any("Northgrid" in s.text for s in focused.sentences)


def test_query_terms_drop_the_words_narratives_ask_with() -> None:
    terms = query_terms("Describe the Euro. Include predictions reported in the press.")
    assert "euro" in terms and "predict" in terms
    assert not {"describ", "includ", "press", "report"} & terms


def test_a_question_sharing_no_word_with_the_story_changes_nothing() -> None:
    sentences, feats = _story(STORM)
    scores = score(sentences, feats)
    assert relevance(feats, "zygote quasar") == tuple(0.0 for _ in feats)
    assert focus(scores, feats, "zygote quasar").weights == scores.weights


def test_title_words_weigh_more_than_narrative_words() -> None:
    _, feats = _story(STORM)
    question = "Northgrid. What did the mayor do?"
    weights = expand(query_terms(question), feats, title_terms(question))
    assert title_terms(question) == {"northgrid"}
    assert weights["northgrid"] == TITLE_WEIGHT > weights["mayor"] == 1.0


def test_a_specific_query_word_weighs_more_than_a_common_one() -> None:
    _, feats = _story(STORM)
    question = "Northgrid. What did the mayor do?"
    terms = query_terms(question)
    flat = expand(terms, feats, title_terms(question))
    background = Background(docs=1000, df={"northgrid": 1, "mayor": 500})
    weighted = specific(flat, terms, feats, background)
    idf = {t: background.idf(t) for t in ("northgrid", "mayor")}
    assert idf["northgrid"] > idf["mayor"] > 0
    mean = (idf["northgrid"] + idf["mayor"]) / 2
    assert weighted["northgrid"] == pytest.approx(flat["northgrid"] * idf["northgrid"] / mean)
    assert weighted["mayor"] == pytest.approx(flat["mayor"] * idf["mayor"] / mean)
    assert all(weighted[w] == v for w, v in flat.items() if w not in terms)
    assert specific(flat, terms, feats, NO_BACKGROUND) == flat


def test_the_rarer_query_word_decides_which_sentence_answers_best() -> None:
    sentences, feats = _story(STORM)
    question = "What did the mayor and Northgrid do?"

    def best(background: Background) -> str:
        rel = relevance(feats, question, background)
        return sentences[max(range(len(rel)), key=rel.__getitem__)].text

    assert "Northgrid" in best(Background(docs=1000, df={"northgrid": 1, "mayor": 500}))
    assert "Mayor" in best(Background(docs=1000, df={"northgrid": 500, "mayor": 1}))


def test_focus_takes_the_concepts_of_sentences_off_the_question_out_of_the_selection() -> None:
    sentences, feats = _story(STORM)
    question = "Northgrid. What did the power company Northgrid do to restore electricity?"
    focused = focus(score(sentences, feats), feats, question)
    rel = relevance(feats, question)
    off = [i for i, r in enumerate(rel) if r < MIN_RELEVANCE]
    assert off and all(not focused.sentence_concepts[i] for i in off)
    assert all("Northgrid" not in sentences[i].text for i in off)
    assert any(focused.sentence_concepts[i] for i, r in enumerate(rel) if r >= MIN_RELEVANCE)


def test_a_seen_concept_the_new_articles_carry_more_often_keeps_its_weight() -> None:
    new_sentences, new_feats = _story(NEW)
    seen_sentences, seen_feats = _story(SEEN)
    scores = score(new_sentences, new_feats)
    seen = seen_from(seen_sentences, seen_feats)
    now = seen_from(new_sentences, new_feats)
    after = discount(scores, seen, now, strength=0.5)
    shared = [c for c in scores.weights if c in seen.concepts]
    assert shared
    for concept in shared:
        if now.concepts[concept] > seen.concepts[concept]:
            assert after.weights[concept] == scores.weights[concept]
        else:
            assert after.weights[concept] == 0.5 * scores.weights[concept]
    assert any(now.concepts[c] > seen.concepts[c] for c in shared)
    assert any(now.concepts[c] <= seen.concepts[c] for c in shared)


def test_repeats_flags_seen_sentences_only() -> None:
    new_sentences, new_feats = _story(NEW)
    seen_sentences, seen_feats = _story(SEEN)
    found = repeats(new_feats, seen_from(seen_sentences, seen_feats))
    flagged = {new_sentences[i].text for i in found}
    assert any("killing 10 people" in t for t in flagged)
    assert not any("rose to 14" in t for t in flagged)


def test_novelty_is_the_share_of_bigrams_seen_before() -> None:
    before = [features("The toll rose to ten on Monday.")]
    assert novelty([features("The toll rose to ten on Monday.")], before) == 1.0
    assert novelty([features("Rescue teams searched the river.")], before) == 0.0
    assert novelty([], before) == 0.0


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(["euro", "storm", "Northgrid", "mayor", "toll", "bus"]), max_size=4)
)
def test_focus_never_lowers_a_concept_weight(words: list[str]) -> None:
    sentences, feats = _story(STORM + NEW)
    scores = score(sentences, feats)
    focused = focus(scores, feats, " ".join(words))
    assert {c for c in focused.weights if not is_question_concept(c)} == set(scores.weights)
    assert all(focused.weights[c] >= w for c, w in scores.weights.items())


@settings(max_examples=20, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0))
def test_discount_never_raises_a_seen_concept(strength: float) -> None:
    sentences, feats = _story(NEW)
    seen = seen_from(*_story(SEEN))
    scores = score(sentences, feats)
    after = discount(scores, seen, strength=strength)
    for concept, weight in after.weights.items():
        if concept in seen.concepts:
            assert weight <= scores.weights[concept]


def _story(articles: list[Article]) -> tuple[list[Sentence], list]:  # type: ignore[type-arg]
    from synopsis.text.segment import segment

    sentences = [s for group in segment(articles) for s in group]
    return sentences, [features(s.text) for s in sentences]


def _write(folder: Path, articles: list[Article]) -> Path:
    folder.mkdir()
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    return folder


def test_cli_since_prints_only_the_new_figure(tmp_path: Path) -> None:
    new = _write(tmp_path / "new", NEW)
    seen = _write(tmp_path / "seen", SEEN)
    done = run_installed(
        ["summarize", str(new), "--since", str(seen), "--words", "60", "--format", "json"]
    )
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["mode"] == {
        "name": "update",
        "since": ["seen-1", "seen-2", "seen-3"],
        "focus": None,
    }
    text = " ".join(s["text"] for s in data["sentences"])
    assert "14" in text and "10 people" not in text


def test_cli_focus_answers_the_question(tmp_path: Path) -> None:
    folder = _write(tmp_path / "storm", STORM)
    done = run_installed(
        [
            "summarize",
            str(folder),
            "--focus",
            "What did the power company Northgrid do?",
            "--words",
            "40",
            "--format",
            "text",
        ]
    )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode("utf-8")
    assert "Focus: What did the power company Northgrid do?" in out
    assert "Northgrid" in out.split("Sources:")[0].split("Focus:")[1].split("\n", 1)[1]


def _line(cluster_id: str, articles: list[Article], **extra: object) -> str:
    docs = [{"id": a.id, "text": a.text, "published": a.published} for a in articles]
    return json.dumps({"id": cluster_id, "documents": docs, **extra}) + "\n"


def test_batch_since_from_data_takes_seen_documents_from_earlier_lines(tmp_path: Path) -> None:
    source = tmp_path / "stages.jsonl"
    topic = {"title": "Bus crash near Valence", "narrative": "What happened to the victims?"}
    source.write_text(
        _line("crash-A", SEEN, topic=topic, previous_document_ids=[])
        + _line("crash-B", NEW, topic=topic, previous_document_ids=[a.id for a in SEEN])
        + _line("crash-C", REPEAT, previous_document_ids=["seen-1", "nowhere-9"]),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    flags = ["--words", "60", "--workers", "1", "--since-from-data", "--focus-from-data"]
    done = run_installed(["batch", str(source), "-o", str(out), *flags])
    assert done.returncode == 4, done.stderr.decode()  # crash-C names a document no line holds
    first, second, third = (json.loads(x) for x in out.read_text(encoding="utf-8").splitlines())
    assert first["mode"]["name"] == "focus"
    assert second["mode"] == {
        "name": "update+focus",
        "since": ["seen-1", "seen-2", "seen-3"],
        "focus": "Bus crash near Valence. What happened to the victims?",
    }
    assert "14" in second["summary"] and "10 people" not in second["summary"]
    assert third["id"] == "crash-C" and "nowhere-9" in third["error"]


def test_markdown_text_and_html_say_which_mode_made_the_summary() -> None:
    from synopsis.render import to_markdown, to_text
    from synopsis.render.html import render_report

    question = "What did <b>Northgrid</b> do?"
    update = summarize_update(NEW, SEEN, _config(focus=question))
    line = "What's new since 3 earlier articles (seen-1, seen-2, seen-3)."
    assert line in to_markdown(update)
    assert line in to_text(update)
    html = render_report(update)
    assert "What&#39;s new since 3 earlier articles" in html
    assert "&lt;b&gt;Northgrid&lt;/b&gt;" in html and "<b>Northgrid</b>" not in html
    plain = summarize(NEW, _config())
    assert "What's new" not in to_markdown(plain) and "Focus:" not in to_text(plain)


def test_service_job_with_focus_answers_the_question() -> None:
    from synopsis.apps.web_pool import run_job

    items = [{"id": a.id, "text": a.text} for a in STORM]
    data = run_job(None, "json", items, 40, "What did the power company Northgrid do?")
    assert isinstance(data, dict)
    assert data["mode"]["name"] == "focus"
    assert "Northgrid" in data["summary"]


def test_a_blank_focus_question_is_a_config_error() -> None:
    from synopsis.model.errors import ConfigError

    for bad in ("", "   ", "x" * 5_000):
        try:
            _config(focus=bad)
        except ConfigError as err:
            assert "focus" in str(err)
        else:
            raise AssertionError(f"focus {bad[:10]!r} was accepted")


def test_cli_report_since_and_focus_say_the_mode(tmp_path: Path) -> None:
    new = _write(tmp_path / "new", NEW)
    seen = _write(tmp_path / "seen", SEEN)
    out = tmp_path / "report.html"
    flags = ["--since", str(seen), "--focus", "How many died?", "--words", "60"]
    done = run_installed(["report", str(new), "-o", str(out), *flags])
    assert done.returncode == 0, done.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert "What&#39;s new since 3 earlier articles" in html
    assert "Focus: How many died?" in html


def test_sub_questions_are_the_narrative_sentences_without_the_title_words() -> None:
    subs = sub_questions(
        "Eric Rudolph. What crimes were attributed to Eric Rudolph? "
        "What efforts were made to capture him?"
    )
    assert len(subs) == 2
    assert query_terms("crimes") <= subs[0] and query_terms("capture") <= subs[1]
    assert not any(query_terms("Eric Rudolph") & sub for sub in subs)
    assert sub_questions("What did Mayor Elena Alvarez do?") == []


# Two questions about the storm: the first in many words, the second (the power cut) in few.
TWO_QUESTIONS = (
    "Riverton winter storm. What did Mayor Elena Alvarez do about the storm, the shelters and "
    "the state of emergency? When will electricity be restored?"
)


def test_each_question_is_a_concept_held_by_the_sentences_that_answer_it() -> None:
    sentences, feats = _story(STORM)
    focused = focus(score(sentences, feats), feats, TWO_QUESTIONS)
    questions = sorted(c for c in focused.weights if is_question_concept(c))
    assert len(questions) == 2
    holders = [
        {sentences[i].text for i, cs in enumerate(focused.sentence_concepts) if q in cs}
        for q in questions
    ]
    assert holders[0] and all("Alvarez" in t for t in holders[0])
    assert holders[1] and all("electricity" in t for t in holders[1])


def test_update_keeps_question_concepts_and_still_finds_nothing_new() -> None:
    sentences, feats = _story(REPEAT)
    seen = seen_from(*_story(SEEN))
    question = "Bus crash near Valence. How many people were killed? Where were the injured taken?"
    focused = focus(score(sentences, feats), feats, question)
    questions = {c: w for c, w in focused.weights.items() if is_question_concept(c)}
    assert questions
    assert nothing_new(focused, seen, repeats(feats, seen))
    after = discount(focused, seen, seen_from(sentences, feats))
    assert {c: w for c, w in after.weights.items() if is_question_concept(c)} == questions
    result = summarize_update(REPEAT, SEEN, _config(focus=question))
    assert [s.text for s in result.sentences] == [NOTHING_NEW]


def test_a_new_sentence_sharing_most_but_not_all_of_a_seen_one_is_not_a_repeat() -> None:
    # The new sentence carries 5 of the seen sentence's 6 content words (0.83): a repeat at
    # select's near-duplicate threshold 0.7, not at REPEAT_OVERLAP (calibrated on DUC 2007 update).
    seen_text = "Rescuers searched the flooded river for the missing children."
    later = (
        "Rescuers searched the flooded river again on Tuesday as divers joined the hunt for the "
        "children."
    )
    again = "Police divers said rescuers searched the flooded river for the missing children."
    seen = seen_from(
        [Sentence(article_id="s", index=0, start=0, end=len(seen_text), text=seen_text)],
        [features(seen_text)],
    )
    assert REPEAT_OVERLAP > 5 / 6
    assert repeats([features(later), features(again)], seen) == frozenset({1})
