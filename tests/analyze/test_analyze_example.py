"""Regression on the shared IS / Euphrates example (skipped when ../shared is absent)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from synopsis.analyze import analyze
from synopsis.analyze.timeline import publication_date
from synopsis.model.types import Article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
EXAMPLE = SHARED / "examples" / "is-euphrates-2017-11-03"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not EXAMPLE.is_dir(), reason=f"evaluation data not found at {EXAMPLE}"),
]


def _clean(articles: list[Article]) -> Sequence[Article]:
    """Use the clean stage when it exists; the analyzer must cope with boilerplate anyway."""
    try:
        from synopsis.clean.boilerplate import clean_articles
    except ImportError:
        return articles
    kept, _skipped = clean_articles(articles)
    return kept


@pytest.fixture(scope="module")
def articles() -> Sequence[Article]:
    raw = []
    for path in sorted(EXAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pub = publication_date(text, None)  # resolved from the text only
        raw.append(Article(path.stem, text, published=pub.isoformat() if pub else None))
    return _clean(raw)


def test_example_publication_dates_from_text(articles: Sequence[Article]) -> None:
    pubs = {a.id[:3]: a.published for a in articles}
    assert pubs["001"] == "2017-11-03"  # AFP dateline "Nov 3, 2017"
    assert pubs["002"] == "2017-11-04"  # "Published: November 4, 2017"
    assert pubs["000"] is None and pubs["003"] is None and pubs["004"] is None


def test_example_variants_unified(articles: Sequence[Article]) -> None:
    ents = analyze(articles).entities
    by_variant = {v: e for e in ents for v in e.variants}
    deir = by_variant["Deir Ezzor"]
    assert {"Deir ez-Zor", "Deir el-Zour", "Deir al-Zor", "Deir Ezzour"} <= set(deir.variants)
    kamal = by_variant["Albu Kamal"]
    assert {"Abu Kamal", "Boukamal"} <= set(kamal.variants)
    state = by_variant["Islamic State"]
    assert {"IS", "Daesh"} <= set(state.variants)
    qaim = by_variant["Al Qaim"]
    assert {"al-Qaim", "Qaim"} <= set(qaim.variants)
    assert len({id(deir), id(kamal), id(state), id(qaim)}) == 4


def test_example_numbers_agree_and_differ(articles: Sequence[Article]) -> None:
    groups = analyze(articles).numbers
    agree = [g for g in groups if g.status == "agree"]
    differ = [g for g in groups if g.status == "differ"]
    assert any(len({v.article for v in g.values}) >= 2 for g in agree)
    city = [g for g in differ if g.about.startswith("share of city")]
    assert city, [(g.about, g.status) for g in groups]
    assert {95.0, 100.0} <= {v.normalized for v in city[0].values}


def test_example_timeline(articles: Sequence[Article]) -> None:
    dates = [e.date for e in analyze(articles).timeline]
    assert "2017-11-03" in dates and "2017-10-17" in dates
    assert not [d for d in dates if d.startswith("2017-12")]
    oct17 = [e for e in analyze(articles).timeline if e.date == "2017-10-17"]
    assert len({s.article for e in oct17 for s in e.sources}) >= 2
