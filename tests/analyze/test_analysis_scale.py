"""The cross-source analysis grows near-linearly with the input (issue 9: it was cubic).

Counted in comparisons (pairs of quantity mentions and pairs of names looked at), which do not
depend on the machine's speed, plus one generous wall-clock bound.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from synopsis.analyze import analyze, entities, numbers
from synopsis.model.types import Article

PLACES = ["Deir Ezzor", "Deir ez-Zor", "Albu Kamal", "Abu Kamal", "Mayadin", "Mayadeen"]
NOUNS = ["people", "fighters", "civilians", "homes", "soldiers", "families"]
VERBS = ["killed", "displaced", "injured", "evacuated", "rescued"]
COUNTS = ["12", "15", "40", "45", "120", "150", "1,500", "1600", "2,000", "35,000"]
SYLLABLES = ["ka", "ri", "mo", "tan", "bel", "su", "dor", "vi", "len", "ha", "zu", "qa"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _articles(n: int, seed: int = 7) -> list[Article]:
    """n short articles with names (some new each time), counts, shares and dates."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(4, 7)):
            where = rng.choice(PLACES) if rng.random() < 0.7 else _name(rng)
            who = f"{rng.choice(['Ahmed', 'Maria', 'Kofi'])} {_name(rng)}"
            sents.append(
                rng.choice(
                    [
                        f"{who} said about {rng.choice(COUNTS)} {rng.choice(NOUNS)} were "
                        f"{rng.choice(VERBS)} in {where} on {rng.choice(['Friday', 'Monday'])}.",
                        f"The group held {rng.choice(['60', '65', '90'])} percent of the city of "
                        f"{where} on March {rng.randint(1, 9)}, 2026, {who} said.",
                        f"Officials in {where} said {rng.choice(COUNTS)} {rng.choice(NOUNS)} "
                        "had been evacuated yesterday.",
                    ]
                )
            )
        out.append(Article(f"a{i}", " ".join(sents), published=f"2026-03-{rng.randint(1, 9):02d}"))
    return out


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, counter: list[int]) -> None:
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any) -> Any:
        counter[0] += 1
        return original(*args)

    monkeypatch.setattr(module, name, counted)


def _comparisons(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    counter = [0]
    with monkeypatch.context() as patch:
        _counting(patch, numbers, "_compatible", counter)
        _counting(patch, numbers, "_conflict", counter)
        _counting(patch, entities, "_spelling_variants", counter)
        analyze(_articles(n))
    return counter[0]


def test_doubling_the_input_less_than_triples_the_comparisons(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, large = _comparisons(monkeypatch, 300), _comparisons(monkeypatch, 600)
    assert small > 1000  # the generated stories really are compared
    assert large < 3 * small, (small, large)  # quadratic growth would be 4x, cubic 8x


def test_a_thousand_articles_analyzed_in_seconds() -> None:
    articles = _articles(1000)
    start = time.process_time()
    result = analyze(articles)
    assert time.process_time() - start < 20.0  # about 2 s on a 2-core dev VM; was 132 s
    assert result.entities and result.numbers and result.timeline


def test_unrelated_counts_are_grouped_by_their_noun() -> None:
    nouns = ["apples", "boats", "cars", "drums", "eggs", "forks", "goats", "hats"]
    arts = [
        Article(f"a{k}", f"Officials said {100 + k} {nouns[k % 8]} arrived in Oslo.")
        for k in range(200)
    ]
    groups = analyze(arts).numbers
    assert {g.values[0].unit for g in groups} == set(nouns)


def test_a_group_stops_growing_at_its_cap() -> None:
    cap = numbers.MAX_GROUP_SIZE
    arts = [
        Article(f"a{k}", "Officials in Oslo said 1,500 boats were damaged by the storm.")
        for k in range(cap + 5)
    ]
    groups = analyze(arts).numbers
    assert sorted(len(g.values) for g in groups) == [5, cap]
    assert {g.status for g in groups} == {"agree"}
