"""A place the summary names only by its kind ("the town") gets the name its article gives it."""

from __future__ import annotations

import pytest

from synopsis.model.aligned import Draft, Resolve, edits, rebuild
from synopsis.model.types import Article, Source, SummarySentence
from synopsis.rewrite import Facts, rewrite
from synopsis.text.segment import segment

QAIM = (
    "Iraqi Prime Minister Haider al-Abadi proclaimed victory in retaking the town of Qaim on the "
    "border. Iraqi forces' last fight against IS played out in Qaim, on the western edge of "
    "Anbar province. Operations began there in the last week of October. On Friday, Iraq said "
    "it now controls the town and the nearby border crossing with Syria."
)
CONTROLS = QAIM[QAIM.index("On Friday") :]
ABU_KAMAL = (
    "The last significant town being held by Islamic State is Abu Kamal, near the Iraqi border."
)


def sentence_of(article: Article, text: str) -> SummarySentence:
    start = article.text.index(text)
    draft = Draft.of(text, article.id, start)
    return SummarySentence(text, (Source(article.id, start, start + len(text)),), draft.segments)


def summarized(text: str, sentence: str, before: str = ABU_KAMAL) -> SummarySentence:
    """`sentence` of an article `text` as rewritten after a sentence of another article."""
    a, b = Article("a", text), Article("b", before)
    sentences = [s for group in segment([a, b]) for s in group]
    out = rewrite(
        [sentence_of(b, before), sentence_of(a, sentence)],
        Facts([a, b], sentences),
        max_words=200,
    )
    texts = {"a": a.text, "b": b.text}
    for s in out:
        rebuild(s.segments, texts, s.text)
    return out[1]


def test_the_town_after_a_sentence_on_another_town_gets_the_name_its_article_gives_it() -> None:
    # the bundled example read "... the last significant town ... is Abu Kamal ... On Nov. 3,
    # Iraq said it now controls the town", where its article meant Qaim
    sentence = (
        "On Friday, Iraq said it now controls the town and the nearby border crossing with Syria."
    )
    out = summarized(QAIM, sentence)
    assert out.text == (
        "On Friday, Iraq said it now controls Qaim and the nearby border crossing with Syria."
    )
    (edit,) = edits(out.segments, {"a": QAIM, "b": ABU_KAMAL})
    assert (edit.before, edit.after) == ("the town", "Qaim")
    assert isinstance(edit.why, Resolve) and edit.why.rule == "description"
    # the name is copied from its mention just before the sentence, not from "the town of Qaim"
    assert edit.why.mention_start == QAIM.index("in Qaim,") + 3


def test_a_longer_spelling_of_the_same_place_is_the_same_place() -> None:
    text = QAIM.replace("the town of Qaim", "the border town of Al Qaim")
    sentence = (
        "On Friday, Iraq said it now controls the town and the nearby border crossing with Syria."
    )
    assert "controls Qaim and" in summarized(text, sentence).text


@pytest.mark.parametrize(
    ("text", "sentence", "before"),
    [
        # the summary's previous sentence names the place: "the town" is not dangling
        (
            QAIM,
            CONTROLS,
            "Iraqi troops entered Qaim early on Friday, the army said in a statement.",
        ),
        # ... also when it spells the name with a particle
        (QAIM, CONTROLS, "Iraqi forces retook a border crossing hours after entering al-Qaim."),
        # two towns the article names by kind just before: which one is not certain
        (
            QAIM.replace("played out in Qaim,", "played out in Qaim and the town of Rawa,"),
            CONTROLS,
            ABU_KAMAL,
        ),
        # the article never calls the place a town
        (
            QAIM.replace("the town of Qaim", "Qaim"),
            CONTROLS,
            ABU_KAMAL,
        ),
        # a compound ("the town council") is not the town
        (
            QAIM.replace("controls the town and", "controls the town council and"),
            "On Friday, Iraq said it now controls the town council and the nearby border crossing "
            "with Syria.",
            ABU_KAMAL,
        ),
        # inside a quotation the speaker's word stays
        (
            QAIM.replace(
                "Iraq said it now controls the town and",
                'the general said, "We now control the town and',
            )
            + '"',
            'On Friday, the general said, "We now control the town and the nearby border crossing '
            'with Syria."',
            ABU_KAMAL,
        ),
    ],
)
def test_the_place_stays_as_written_when_its_name_is_not_certain_or_not_needed(
    text: str, sentence: str, before: str
) -> None:
    assert summarized(text, sentence, before).text == sentence


def test_a_description_that_opens_the_sentence_is_left_to_the_selection() -> None:
    text = QAIM.replace("On Friday, Iraq said it now controls the town", "The town is now held")
    sentence = "The town is now held and the nearby border crossing with Syria."
    assert summarized(text, sentence).text == sentence


def test_a_weekday_after_the_place_name_is_no_part_of_it() -> None:
    # "the town of Qaim Friday": the name the article gives the town is "Qaim"
    text = QAIM.replace(
        "retaking the town of Qaim on the border", "retaking the town of Qaim Friday"
    )
    assert "controls Qaim and" in summarized(text, CONTROLS).text
