"""Property tests: every cited span is exactly the text it claims (issue 4)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.analyze import analyze
from synopsis.model.types import Article

FRAGMENTS = [
    "The army took full control of the city of Deir Ezzor",
    "about 1,500 fighters remain in Albu Kamal",
    "on Friday",
    "On October 17th,",
    "more than 35 percent of the province",
    "Deir ez-Zor",
    "the Islamic State (IS) group",
    "Daesh, the Arabic acronym for the group,",
    "90,000 square kilometers (35,000 square miles)",
    "three years ago",
    "yesterday",
    "- Closing Crossings Into Gaza - December 15, 2017\n",
    "Published: November 4, 2017\n",
    "Prime Minister Haider al-Abadi said",
    "dozens of people",
    "1,500-2,500 fighters",
    "in 2014",
    "Qaim",
    "é ü ’ “quoted”",
    ".",
    ", ",
    "\n",
    "\n\n",
    " ",
]

article_text = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25).map(" ".join)
published = st.one_of(st.none(), st.sampled_from(["2017-11-04", "2020-02-29", "bad-date"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(article_text, published), min_size=1, max_size=4))
def test_offsets_cite_exact_spans(docs: list[tuple[str, str | None]]) -> None:
    articles = [Article(f"a{i}", text, published=pub) for i, (text, pub) in enumerate(docs)]
    texts = {a.id: a.text for a in articles}
    analysis = analyze(articles)
    for group in analysis.numbers:
        assert group.status in ("agree", "differ", "single")
        assert group.status != "single" or len({v.article for v in group.values}) == 1
        for v in group.values:
            assert texts[v.article][v.start : v.end] == v.text
            assert v.value in v.text
    for event in analysis.timeline:
        assert event.sources
        first = event.sources[0]
        assert texts[first.article][first.start : first.end] == event.text
        for src in event.sources:
            assert 0 <= src.start < src.end <= len(texts[src.article])
    dates = [e.date for e in analysis.timeline]
    assert dates == sorted(dates, key=lambda d: tuple(int(p) for p in d.split("-")))
    for ent in analysis.entities:
        assert ent.type in ("person", "place", "organization", "other")
        assert ent.mentions >= len(ent.articles) >= 1
        assert set(ent.articles) <= set(texts)
        assert all(any(v in texts[a] for a in ent.articles) for v in ent.variants)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_analyze_never_crashes_on_arbitrary_text(text: str) -> None:
    analysis = analyze([Article("x", text)])
    for group in analysis.numbers:
        for v in group.values:
            assert text[v.start : v.end] == v.text
