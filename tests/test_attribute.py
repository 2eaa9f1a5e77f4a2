"""Attribution of summary sentences to every article that carries them."""

from __future__ import annotations

from synopsis.model.types import Sentence
from synopsis.summarizer.attribute import attribute
from synopsis.summarizer.features import features


def _sent(article: str, index: int, text: str, start: int = 0) -> Sentence:
    return Sentence(article_id=article, index=index, start=start, end=start + len(text), text=text)


def test_reprinted_and_paraphrased_sentences_are_cited_unrelated_are_not() -> None:
    sents = [
        _sent("a", 0, "Syrian troops retook the city of Deir ez-Zor from Islamic State on Friday."),
        _sent(
            "b", 4, "Syrian troops retook the city of Deir ez-Zor from Islamic State on Friday.", 90
        ),
        _sent(
            "c", 2, "On Friday Syrian troops recaptured the city of Deir ez-Zor from Islamic State."
        ),
        _sent("d", 0, "Iraqi forces entered the border town of al-Qaim on Friday."),
    ]
    sources = attribute([0], sents, [features(s.text) for s in sents])[0]
    assert [s.article for s in sources] == ["a", "b", "c"]
    assert (sources[1].start, sources[1].end) == (90, 90 + len(sents[1].text))
