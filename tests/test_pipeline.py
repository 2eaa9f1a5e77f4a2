"""End-to-end properties of `summarize`."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synopsis import Article, SummarizerConfig, summarize
from synopsis.model.errors import ConfigError, EmptyInputError, InputError

from .conftest import REPO

WIRE = (
    "A cargo ship struck the Harbor Bridge in Port Alder on Tuesday, injuring twelve people "
    "and closing the span to traffic. "
)
ARTICLES = [
    Article(
        id="wire",
        text=WIRE + "Engineers from the state transport agency began inspecting the damaged pier "
        "on Wednesday morning.\nThe ship, the Northern Star, was carrying grain to the port.",
        published="2026-03-03",
    ),
    Article(
        id="reprint",
        text=WIRE + "The mayor of Port Alder said the bridge would stay closed for at least two "
        "weeks while engineers inspect the damaged pier.",
        published="2026-03-03",
    ),
    Article(
        id="local",
        text="The Harbor Bridge will stay closed for at least two weeks, the mayor of Port Alder "
        "said on Wednesday.\nFourteen people were injured when the cargo ship struck the "
        "Harbor Bridge, hospital officials said. Commuters face long detours while the damaged "
        "pier is inspected by engineers.",
        published="2026-03-04",
    ),
]


def test_summary_cites_wire_copy_in_every_outlet_that_ran_it() -> None:
    summary = summarize(ARTICLES, SummarizerConfig(max_words=60, analyze=False))
    assert 0 < summary.words <= 60
    cited = {s.article for sentence in summary.sentences for s in sentence.sources}
    assert {"wire", "reprint"} <= cited
    for sentence in summary.sentences:
        if sentence.text.startswith("A cargo ship struck"):
            assert {s.article for s in sentence.sources} >= {"wire", "reprint"}


def test_summary_is_deterministic() -> None:
    runs = {summarize(ARTICLES, max_words=50).text for _ in range(3)}
    assert len(runs) == 1


def test_bad_inputs_raise_clear_errors() -> None:
    with pytest.raises(EmptyInputError, match="nothing to summarize"):
        summarize([Article(id="x", text="   ")])
    with pytest.raises(InputError, match="appears twice"):
        summarize([ARTICLES[0], ARTICLES[0]])
    with pytest.raises(ConfigError, match="max_words"):
        summarize(ARTICLES, max_words=0)
    with pytest.raises(ConfigError, match="unknown setting"):
        SummarizerConfig.from_mapping({"max_wrods": 3})


_WORDS = st.sampled_from(
    [
        "bridge",
        "ship",
        "pier",
        "mayor",
        "traffic",
        "engineers",
        "closed",
        "struck",
        "harbor",
        "injured",
        "port",
        "city",
        "river",
        "officials",
        "said",
        "Tuesday",
        "twelve",
        "grain",
        "the",
        "a",
        "of",
        "and",
        "to",
        "in",
        "on",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=25).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_ARTICLE = st.lists(_SENTENCE, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_ARTICLE, min_size=1, max_size=5), budget=st.integers(1, 120))
def test_budget_sources_and_spans(texts: list[str], budget: int) -> None:
    articles = [Article(id=f"a{k}", text=t) for k, t in enumerate(texts)]
    summary = summarize(articles, SummarizerConfig(max_words=budget, analyze=False))
    assert summary.words <= budget
    by_id = {a.id: a for a in summary.articles}
    for sentence in summary.sentences:
        assert sentence.sources, "every summary sentence cites at least one article"
        first = sentence.sources[0]
        span_words = by_id[first.article].text[first.start : first.end].lower().split()
        it = iter(span_words)
        # Compression deletes words (and may capitalize the new first word), never adds any.
        assert all(w in it for w in sentence.text.lower().split())
        for src in sentence.sources:
            span = by_id[src.article].text[src.start : src.end]
            assert span and span == span.strip()


def test_synopsis_is_the_same_with_the_analysis_on_or_off() -> None:
    from synopsis.ingest import load_inputs

    story = load_inputs([str(REPO / "examples" / "harbor-bridge")])
    with_analysis = summarize(story.articles, SummarizerConfig(max_words=120, analyze=True))
    without = summarize(story.articles, SummarizerConfig(max_words=120, analyze=False))
    assert without.analysis is None and with_analysis.analysis is not None
    assert [s.text for s in without.sentences] == [s.text for s in with_analysis.sentences]
    assert [s.segments for s in without.sentences] == [s.segments for s in with_analysis.sentences]
