"""Rewriting never introduces a name or date the cited article does not support (issue 13).

On every benchmark cluster (DUC 2004 at 100 words, Multi-News dev at 300; skipped without the
evaluation data): each sentence's segments rebuild its text; each name written is the cited
article's own text at the licence's mention; each date written is what the replaced words
resolve to against the cited article's publication date; a forecast's verb is written in the past
only for a date the sentence names before the story's newest article; a typesetting edit changes
marks only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from synopsis.analyze.timeline import find_dates, publication_date
from synopsis.ingest.readers import read_clusters
from synopsis.model.aligned import (
    AbsoluteDate,
    Backshift,
    Deletion,
    Inserted,
    Resolve,
    Typeset,
    edits,
    rebuild,
)
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import EmptyInputError
from synopsis.model.types import Article, Summary, SummarySentence
from synopsis.pipeline import summarize

BENCHMARKS = [("duc2004/test.jsonl", 100), ("multinews/dev.jsonl", 300)]
# The verbs a backshift may write, each in its past (`synopsis.rewrite.tense`).
BACKSHIFTS = {
    ("will", "would"),
    ("plans", "planned"),
    ("plan", "planned"),
    ("intends", "intended"),
    ("intend", "intended"),
    ("expects", "expected"),
    ("expect", "expected"),
    ("is", "was"),
    ("are", "were"),
}


def _span_of(sentence: SummarySentence, article: Article) -> tuple[int, int]:
    """The smallest span of `article` that holds every piece of `sentence` copied from it."""
    spans = [s.replaces if isinstance(s, Inserted) else s for s in sentence.segments]
    lo = min(s.start for s in spans if s.article == article.id)
    hi = max(s.end for s in spans if s.article == article.id)
    return lo, hi


def check_summary(summary: Summary) -> dict[str, int]:
    """Assert every edit of `summary` is supported; count the edits by kind."""
    texts = {a.id: a.text for a in summary.articles}
    by_id = {a.id: a for a in summary.articles}
    counts: dict[str, int] = {}
    for sentence in summary.sentences:
        rebuild(sentence.segments, texts, sentence.text)
        cited = {src.article for src in sentence.sources}
        for edit in edits(sentence.segments, texts):
            why = edit.why
            assert edit.span.article in cited, f"edit {edit} outside the cited articles"
            if isinstance(why, Deletion):
                kind = f"delete:{why.rule}"
                assert edit.after in ("", edit.before[-1:].upper()), edit
            elif isinstance(why, Resolve):
                kind = f"resolve:{why.rule}"
                assert why.mention_article in cited, edit
                written = texts[why.mention_article][why.mention_start : why.mention_end]
                name = edit.after.strip().removeprefix("The ")
                assert written == name, f"{name!r} is not what the cited article writes there"
            elif isinstance(why, Backshift) and why.rule == "perfect":
                kind = "tense:perfect"
                # a present perfect's "has"/"have" as "had", told by an article older than the
                # story's newest one
                assert (edit.before, edit.after) in {("has", "had"), ("have", "had")}, edit
                article = by_id[edit.span.article]
                pub = publication_date(article.text, article.published)
                days = [publication_date(a.text, a.published) for a in summary.articles]
                newest = max(d for d in days if d is not None).isoformat()
                assert pub is not None and pub.isoformat() == why.date < why.now == newest, edit
            elif isinstance(why, Backshift):
                kind = "tense"
                # one verb of a forecast in its past, for a date the sentence names, on or
                # after its article's day and before the story's newest article's
                assert (edit.before, edit.after) in BACKSHIFTS, edit
                article = by_id[edit.span.article]
                pub = publication_date(article.text, article.published)
                days = [publication_date(a.text, a.published) for a in summary.articles]
                newest = max(d for d in days if d is not None).isoformat()
                assert pub is not None and pub.isoformat() <= why.date < why.now == newest, edit
                found = {
                    d.date for d in find_dates(article.text, *_span_of(sentence, article), pub)
                }
                assert why.date in found, f"{edit}: the sentence names {found}"
            elif isinstance(why, Typeset):
                kind = f"typeset:{why.rule}"
                # marks only: no letter or digit written or removed
                assert not re.search(r"\w", edit.before.replace("_", "") + edit.after), edit
            else:
                assert isinstance(why, AbsoluteDate)
                kind = "date"
                article = by_id[edit.span.article]
                pub = publication_date(article.text, article.published)
                assert pub is not None and why.anchor == pub.isoformat(), edit
                # resolved in its sentence: a clause's tense decides "on Thursday"
                lo, hi = _span_of(sentence, article)
                found = [
                    d.date
                    for d in find_dates(article.text, lo, hi, pub)
                    if edit.span.start <= d.start < d.end <= edit.span.end
                ]
                assert found == [why.date], f"{edit}: read as {found}"
            counts[kind] = counts.get(kind, 0) + 1
    assert summary.words <= summary.max_words
    return counts


@pytest.mark.parametrize(("path", "words"), BENCHMARKS)
def test_every_edit_on_every_benchmark_cluster_is_supported_by_the_cited_article(
    shared_dir: Path, path: str, words: int
) -> None:
    clusters = read_clusters(str(shared_dir / "data" / path))
    config = SummarizerConfig(max_words=words, analyze=False)
    total: dict[str, int] = {}
    for cluster in clusters:
        try:
            summary = summarize(cluster.articles, config)
        except EmptyInputError as err:
            # a cluster whose every page is a placeholder (Multi-News has one that is only a
            # web archive's notice) has nothing to rewrite; anything else is a failure
            assert "web archive's notice" in str(err), err
            continue
        counts = check_summary(summary)
        for kind, n in counts.items():
            total[kind] = total.get(kind, 0) + n
    # the rules fire on real data (so the checks above are not vacuous)
    assert total.get("date", 0) > 0 or total.get("resolve:full_name", 0) > 0, total
    print(json.dumps(total, sort_keys=True))


def test_inserted_segments_in_a_rewritten_example_name_their_licence(shared_dir: Path) -> None:
    folder = shared_dir / "examples" / "is-euphrates-2017-11-03"
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    from synopsis.ingest.inputs import load_inputs

    cluster = load_inputs([str(folder)])
    summary = summarize(cluster.articles, SummarizerConfig(max_words=100))
    check_summary(summary)
    for sentence in summary.sentences:
        for seg in sentence.segments:
            if isinstance(seg, Inserted):
                assert isinstance(seg.why, Deletion | Resolve | AbsoluteDate | Backshift | Typeset)
