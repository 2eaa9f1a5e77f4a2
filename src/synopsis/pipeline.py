"""Compose the pipeline stages into `summarize`."""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.analyze import analyze
from synopsis.clean.boilerplate import clean_articles
from synopsis.model.config import SummarizerConfig
from synopsis.model.errors import EmptyInputError, InputError
from synopsis.model.types import Article, Sentence, Skipped, Summary, SummarySentence
from synopsis.summarizer.attribute import attribute
from synopsis.summarizer.compress import compress
from synopsis.summarizer.features import features
from synopsis.summarizer.objectives import score
from synopsis.summarizer.select import select
from synopsis.text.segment import segment


def _check_ids(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for k, article in enumerate(articles):
        if not isinstance(article, Article):
            raise InputError(f"articles[{k}] is {type(article).__name__}, expected Article")
        if not article.id:
            raise InputError(f"articles[{k}] has an empty id; give every article a unique id")
        if article.id in seen:
            raise InputError(f"article id {article.id!r} appears twice; ids must be unique")
        seen.add(article.id)


def summarize(
    articles: Sequence[Article],
    config: SummarizerConfig | None = None,
    *,
    skipped: Sequence[Skipped] = (),
    max_words: int | None = None,
) -> Summary:
    """Summarize one story told by several articles; every sentence cites its sources.

    Stages, in order:
      1. clean: remove web boilerplate (`synopsis.clean.boilerplate.clean_articles`);
      2. segment: sentences with article ids and character offsets (`synopsis.text.segment`);
      3. compress and represent: drop datelines, connectives, parentheticals and trailing
         attributions (`synopsis.summarizer.compress`); stems, content words and bigram concepts
         (`synopsis.summarizer.features`);
      4. score: concept weights by article frequency with a position prior
         (`synopsis.summarizer.objectives`);
      5. select: the concept-coverage ILP under the word budget, redundancy and order
         (`synopsis.summarizer.select`);
      6. attribute: every article that carries each chosen sentence
         (`synopsis.summarizer.attribute`);
      7. analyze: entities, numbers and timeline across sources (`synopsis.analyze`).

    Args:
        articles: the story's articles (ids unique).
        config: settings; defaults to `SummarizerConfig()`.
        skipped: inputs already skipped by ingest, carried into the result.
        max_words: shorthand that overrides `config.max_words`.

    Returns:
        The summary, whose sentences carry their sources.

    Raises:
        InputError: an article is malformed or ids repeat.
        EmptyInputError: no article has text left to summarize.
    """
    cfg = config or SummarizerConfig()
    if max_words is not None:
        cfg = SummarizerConfig.from_mapping({**cfg.__dict__, "max_words": max_words})
    _check_ids(articles)
    all_skipped = list(skipped)
    if cfg.clean:
        kept, dropped = clean_articles(articles)
        all_skipped.extend(dropped)
    else:
        kept = tuple(a for a in articles if a.text.strip())
        all_skipped.extend(
            Skipped(article=a.id, why="empty text") for a in articles if not a.text.strip()
        )
    if not kept:
        reasons = "; ".join(f"{s.article}: {s.why}" for s in all_skipped) or "no articles given"
        raise EmptyInputError(f"nothing to summarize ({reasons})")
    per_article = segment(kept)
    sentences: list[Sentence] = [s for group in per_article for s in group]
    if not sentences:
        raise EmptyInputError("nothing to summarize: the articles contain no sentences")
    texts = [compress(s.text) for s in sentences] if cfg.compress else [s.text for s in sentences]
    feats = tuple(features(t) for t in texts)
    scores = score(
        sentences, feats, use_position=cfg.position_prior, use_unigrams=cfg.unigram_concepts
    )
    published = {a.id: a.published for a in kept}
    selection = select(
        sentences,
        feats,
        scores,
        max_words=cfg.max_words,
        published=published,
        node_limit=cfg.solver_node_limit,
        texts=texts,
        solver=cfg.solver,
        drop_promotional=cfg.drop_promotional,
    )
    sources = attribute(selection.indices, sentences, feats)
    chosen = tuple(
        SummarySentence(text=texts[i], sources=src)
        for i, src in zip(selection.indices, sources, strict=True)
    )
    analysis = analyze(kept, per_article) if cfg.analyze else None
    return Summary(
        sentences=chosen,
        articles=tuple(kept),
        skipped=tuple(all_skipped),
        analysis=analysis,
        max_words=cfg.max_words,
        meta={"method": selection.method},
    )
