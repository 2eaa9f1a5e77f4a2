"""benchmarks/stories_gold_audit.py: answer parsing, interval math, strata weights, packets.

Literal fixtures only: nothing here reads ../shared.
"""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests._scripts import benchmark_script


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    return benchmark_script("stories_gold_audit")


def test_parser_reads_decorated_answer_lines_and_ignores_the_rest(audit: ModuleType) -> None:
    text = "\n".join(
        [
            "My answers:",
            "P1.01: SAME | both about the nanny",
            "- **P1.02** — related — same actor, different news",
            "p2.03 : different",
            "`P2.04`: DIFFERENT: one is site boilerplate",
            "P2.05: ??? | ",  # an unfilled template line
            "P2.06: one of SAME, RELATED, DIFFERENT, and a one-line reason.",  # packet prompt
            "XP2.07: SAME | not an id",
        ]
    )
    found, problems = audit.parse_answers(text)
    assert found == {
        "P1.01": ("SAME", "both about the nanny"),
        "P1.02": ("RELATED", "same actor, different news"),
        "P2.03": ("DIFFERENT", ""),
        "P2.04": ("DIFFERENT", "one is site boilerplate"),
    }
    assert problems == []


def test_parser_flags_a_pair_answered_two_ways_and_keeps_the_first(audit: ModuleType) -> None:
    found, problems = audit.parse_answers("P3.01: SAME | a\nP3.01: DIFFERENT | b\nP3.02: SAME\n")
    assert found["P3.01"][0] == "SAME"
    assert found["P3.02"][0] == "SAME"
    assert len(problems) == 1 and "P3.01" in problems[0]


def test_filled_packet_template_parses_back_and_packet_names_no_stratum(audit: ModuleType) -> None:
    items = [("P4.01", "first text about a vote", "second text"), ("P4.02", "a", "b")]
    packet = audit.packet_text(4, 6, items)
    template = packet.split("```")[1]
    assert audit.parse_answers(packet)[0] == {}  # nothing in an unanswered packet parses
    filled = template.replace("P4.01: ???", "P4.01: SAME").replace("P4.02: ???", "P4.02: related")
    assert {k: v[0] for k, v in audit.parse_answers(filled)[0].items()} == {
        "P4.01": "SAME",
        "P4.02": "RELATED",
    }
    for word in ("missed", "extra", "agreed", "gold", "cluster", "synopsis"):
        assert word not in packet.lower()


def test_wilson_interval_matches_published_values(audit: ModuleType) -> None:
    # Newcombe (1998), Statistics in Medicine 17:857, table I: 81/263 -> 0.2553-0.3662,
    # 15/148 -> 0.0624-0.1605, 0/20 -> 0-0.1611.
    for k, n, lo, hi in ((81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0, 0.1611)):
        got = audit.wilson(k, n)
        assert got == pytest.approx((lo, hi), abs=1e-4)
    assert audit.wilson(0, 0) == (0.0, 1.0)


def test_shares_split_one_vote_among_a_pairs_readers(audit: ModuleType) -> None:
    counts, n = audit.shares([["SAME"], ["SAME", "DIFFERENT"], [], ["RELATED"]])
    assert n == 3
    assert counts == {"SAME": 1.5, "RELATED": 1.0, "DIFFERENT": 0.5}


def test_strata_weights_add_up_to_the_b_cubed_loss(audit: ModuleType) -> None:
    rng = random.Random(5)
    gold = [rng.randrange(6) for _ in range(40)]
    pred = [g if rng.random() < 0.6 else rng.randrange(9) for g in gold]
    pools = audit.strata(pred, gold)
    s = audit.scores(pred, gold)
    n = len(gold)
    assert 2 / n * sum(c.weight for c in pools["extra"]) == pytest.approx(1 - s["b3_p"])
    assert 2 / n * sum(c.weight for c in pools["missed"]) == pytest.approx(1 - s["b3_r"])
    for c in pools["missed"]:
        assert gold[c.i] == gold[c.j] and pred[c.i] != pred[c.j]
    for c in pools["extra"]:
        assert gold[c.i] != gold[c.j] and pred[c.i] == pred[c.j]
    for c in pools["agreed"]:
        assert gold[c.i] == gold[c.j] and pred[c.i] == pred[c.j]


def test_pps_sample_draws_distinct_pairs_favouring_heavy_ones(audit: ModuleType) -> None:
    cands = [audit.Candidate(0, k, 1.0) for k in range(1, 51)]
    cands += [audit.Candidate(1, k, 100.0) for k in range(2, 7)]
    got = audit.pps_sample(cands, 10, random.Random(0))
    assert len({(c.i, c.j) for c in got}) == 10
    assert sum(c.i == 1 for c in got) == 5  # all five heavy pairs (half the weight) are in
    assert audit.pps_sample(cands[:3], 10, random.Random(0)) == cands[:3]


def test_truncate_keeps_the_first_words_and_marks_the_cut(audit: ModuleType) -> None:
    assert audit.truncate("a b  c\nd", 3) == "a b c [...]"
    assert audit.truncate("a b", 3) == "a b"
