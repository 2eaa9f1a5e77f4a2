"""Selection under the budget, redundancy and order."""

from __future__ import annotations

from synopsis.models import Sentence
from synopsis.represent import features
from synopsis.score import score
from synopsis.select import eligible, reading_order, select


def _sent(article: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article, index=index, start=0, end=len(text), text=text)


STORY = [
    _sent("a", 0, "A cargo ship struck the Harbor Bridge on Tuesday, closing it to traffic."),
    _sent("b", 0, "A cargo ship struck the Harbor Bridge on Tuesday, closing it to all traffic."),
    _sent("c", 0, "The Harbor Bridge was closed after a cargo ship struck a pier on Tuesday."),
    _sent("a", 1, "Twelve people were injured when the cargo ship struck the bridge pier."),
    _sent("b", 1, "Officials said twelve people were injured and the bridge pier was damaged."),
    _sent("c", 1, "Engineers will inspect the damaged bridge pier before traffic resumes."),
    _sent("a", 2, "The weather was mild and a local bakery sold bread as usual."),
]


def test_eligibility_rejects_fragments_and_dangling_starts() -> None:
    ok = _sent("a", 0, "The Harbor Bridge was closed after a cargo ship struck it.")
    assert eligible(ok.text)
    assert not eligible("He said the Harbor Bridge was closed after the crash.")
    assert not eligible("However, the Harbor Bridge was closed after the crash.")
    assert not eligible("Harbor Bridge closed after ship crash")
    assert not eligible("Short one.")
    assert not eligible('"The bridge is closed until further notice, she said.')


def test_selection_respects_budget_and_avoids_duplicates() -> None:
    feats = [features(s.text) for s in STORY]
    scores = score(STORY, feats)
    for budget in (5, 14, 20, 30, 60):
        sel = select(STORY, feats, scores, max_words=budget)
        assert sum(STORY[i].words for i in sel.indices) <= budget
    sel = select(STORY, feats, scores, max_words=30)
    assert not {0, 1} <= set(sel.indices), "near-duplicate wire copy chosen twice"
    assert 6 not in sel.indices, "off-topic sentence chosen"


def test_selection_is_deterministic() -> None:
    feats = [features(s.text) for s in STORY]
    scores = score(STORY, feats)
    runs = {select(STORY, feats, scores, max_words=40).indices for _ in range(5)}
    assert len(runs) == 1


def test_reading_order_by_date_then_position() -> None:
    sents = [_sent("late", 0, "x"), _sent("early", 3, "y"), _sent("early", 1, "z")]
    order = reading_order(sents, {"late": "2026-03-02", "early": "2026-03-01"})
    assert order == [2, 1, 0]
    assert reading_order(sents, {}) == [0, 2, 1]
