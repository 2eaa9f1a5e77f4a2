"""Articles that share almost no words with the rest of their story are set aside, with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from synopsis.model.config import SummarizerConfig
from synopsis.model.types import Article
from synopsis.pipeline import summarize
from synopsis.summarizer.features import features
from synopsis.summarizer.offstory import off_story
from synopsis.text.segment import segment

from .test_cli_installed import run_installed

FERRY = (
    "A passenger ferry caught fire off Port Ellis on Tuesday, forcing 212 passengers into "
    "lifeboats. The coast guard said all passengers were rescued and 9 were treated for smoke. "
    "The fire started in the engine room of the ferry Marlow Star, the operator said. "
    "Investigators from the maritime safety board will examine the engine room."
)
FERRY_2 = (
    "The coast guard rescued 212 passengers from the burning ferry Marlow Star near Port Ellis. "
    "Nine passengers were treated for smoke inhalation at Port Ellis hospital. "
    "The operator said the fire began in the engine room and crews put it out by evening. "
    "The maritime safety board opened an inquiry into the ferry fire."
)
FERRY_3 = (
    "Passengers described thick smoke filling the ferry as the crew lowered the lifeboats. "
    "The Marlow Star fire was the second engine room fire on the route this year, the maritime "
    "safety board said. The coast guard towed the ferry back to Port Ellis on Wednesday. "
    "The operator suspended sailings while the board examines the engine room."
)
ENCYCLOPEDIA = (
    "Tapestry is a form of textile art, traditionally woven by hand on a loom. "
    "Most weavers use a naturally based warp thread such as linen or cotton. "
    "The weft threads are usually wool or cotton but may include silk, gold or silver. "
    "Tapestry workshops flourished in Flanders and northern France in the fifteenth century."
)
# A round-up of unrelated items: every article shares little with every other.
ROUNDUP = (
    "The city council approved a budget for new bicycle lanes downtown.",
    "A museum opened an exhibition of medieval tapestries from Flanders.",
    "The regional orchestra named a violinist from Lisbon as its conductor.",
    "Farmers reported a record harvest of apples after a mild spring.",
)


def _story(*texts: str) -> list[Article]:
    return [Article(id=f"a{k}", text=t) for k, t in enumerate(texts)]


def _aside(articles: list[Article]) -> dict[str, str]:
    per_article = segment(articles)
    sentences = [s for group in per_article for s in group]
    return off_story(articles, sentences, [features(s.text) for s in sentences])


def test_a_page_unrelated_to_the_story_is_set_aside_with_its_reason() -> None:
    articles = _story(FERRY, FERRY_2, FERRY_3, ENCYCLOPEDIA)
    aside = _aside(articles)
    assert list(aside) == ["a3"]
    assert aside["a3"].startswith("off the story")


def test_the_summary_cites_no_sentence_of_a_page_set_aside_and_says_why() -> None:
    summary = summarize(_story(FERRY, FERRY_2, FERRY_3, ENCYCLOPEDIA), max_words=120)
    assert [s.article for s in summary.skipped] == ["a3"]
    assert "off the story" in summary.skipped[0].why
    assert {a.id for a in summary.articles} == {"a0", "a1", "a2"}
    cited = {span.article for s in summary.sentences for span in s.sources}
    assert cited and "a3" not in cited
    assert "Tapestry" not in " ".join(s.text for s in summary.sentences)


def test_the_check_can_be_turned_off() -> None:
    config = SummarizerConfig(max_words=120, off_story=False)
    summary = summarize(_story(FERRY, FERRY_2, FERRY_3, ENCYCLOPEDIA), config)
    assert summary.skipped == ()
    assert len(summary.articles) == 4


def test_a_round_up_of_unrelated_items_keeps_every_article() -> None:
    assert _aside(_story(*ROUNDUP)) == {}


def test_two_articles_are_not_tested_since_either_could_be_the_odd_one() -> None:
    assert _aside(_story(FERRY, ENCYCLOPEDIA)) == {}


def test_an_article_beside_two_unrelated_pages_is_kept() -> None:
    # The two pages resemble each other more than either resembles the article: no core story.
    assert _aside(_story(FERRY, ENCYCLOPEDIA, ENCYCLOPEDIA.replace("Flanders", "Brussels"))) == {}


def test_on_story_articles_are_all_kept() -> None:
    assert _aside(_story(FERRY, FERRY_2, FERRY_3)) == {}


def test_the_command_lists_a_page_set_aside_in_its_json(tmp_path: Path) -> None:
    for name, text in (("a.txt", FERRY), ("b.txt", FERRY_2), ("c.txt", FERRY_3)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "d.txt").write_text(ENCYCLOPEDIA, encoding="utf-8")
    done = run_installed(["summarize", str(tmp_path), "--format", "json", "--words", "80"])
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert [s["article"] for s in data["skipped"]] == ["d"]
    assert "off the story" in data["skipped"][0]["why"]
    assert "off the story" in done.stderr.decode()


def test_the_command_keeps_every_article_when_asked(tmp_path: Path) -> None:
    for name, text in (("a.txt", FERRY), ("b.txt", FERRY_2), ("c.txt", FERRY_3)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "d.txt").write_text(ENCYCLOPEDIA, encoding="utf-8")
    done = run_installed(
        ["summarize", str(tmp_path), "--format", "json", "--words", "80", "--keep-off-story"]
    )
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["skipped"] == []
    assert len(data["articles"]) == 4


def test_the_service_job_sets_aside_or_keeps_the_page_as_asked() -> None:
    from synopsis.apps.web_pool import run_job

    items = [
        {"id": f"a{k}", "text": t} for k, t in enumerate((FERRY, FERRY_2, FERRY_3, ENCYCLOPEDIA))
    ]
    data = run_job(None, "json", items, 80)
    assert isinstance(data, dict)
    assert [s["article"] for s in data["skipped"]] == ["a3"]
    kept = run_job(None, "json", items, 80, None, True)
    assert isinstance(kept, dict)
    assert kept["skipped"] == [] and len(kept["articles"]) == 4
