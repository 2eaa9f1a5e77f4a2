"""Readability checks (issue 3): each kind of violation, and clean summaries pass."""

from __future__ import annotations

from synopsis.evaluation.readability import check, count


def _kinds(sentences: list[str]) -> list[tuple[str, int]]:
    return [(v.kind, v.index) for v in check(sentences)]


def test_issue3_clean_summary_has_no_violations() -> None:
    assert (
        _kinds(
            [
                "A cargo ship struck the Harbor Bridge on Tuesday, injuring twelve people.",
                "Engineers began inspecting the damaged pier on Wednesday.",
            ]
        )
        == []
    )


def test_issue3_dangling_pronoun_and_connective() -> None:
    assert _kinds(["He said the bridge would reopen soon."]) == [("dangling", 0)]
    assert ("dangling", 1) in _kinds(
        ["The mayor spoke on Tuesday morning.", "However, the bridge stayed shut."]
    )


def test_issue3_fragments() -> None:
    assert ("fragment", 0) in _kinds(["Bridge closed after crash"])
    assert ("fragment", 0) in _kinds(["the bridge was closed on Tuesday night."])
    assert ("fragment", 0) in _kinds(["The ship (the Northern Star was carrying grain."])


def test_issue3_near_duplicates_and_boilerplate() -> None:
    kinds = _kinds(
        [
            "A cargo ship struck the Harbor Bridge in Port Alder on Tuesday.",
            "On Tuesday a cargo ship struck the Harbor Bridge in Port Alder.",
            "Follow us on Twitter for the latest updates from Port Alder.",
        ]
    )
    assert ("duplicate", 1) in kinds and ("boilerplate", 2) in kinds


def test_count_per_hundred_summaries() -> None:
    result = count([["He left the city quickly on Monday."], ["The city was quiet on Monday."]])
    assert result["dangling"] == 50.0 and result["total"] == 50.0


def test_issue3_cue_words_match_whole_words_only() -> None:
    assert _kinds(["AOL, with more than 14 million subscribers, would acquire Netscape."]) == []
    assert ("boilerplate", 0) in _kinds(["Subscribe to our newsletter for daily updates today."])
