"""Summaries of the annotated set, stored as locators into /work/shared and rebuilt at run time.

The annotated set must not hold licensed text, and it must not go stale when Synopsis changes. So
each annotated summary is frozen as the list of its sentences, each sentence a locator into the
article text as `synopsis.ingest` reads it: ``{"doc", "start", "end", "edits"}``, where ``edits``
are the few character edits (whitespace, a capital letter, dropped connective or attribution)
that turn ``text[start:end]`` into the sentence as the system printed it. An edit never inserts
more than `MAX_INSERT` characters (a rewritten name or date at most), so no article text is copied
into the repo; the sentence hash
in annotations.jsonl then checks that the rebuilt sentence is the one that was annotated.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

try:  # the ingest stage is being split into modules; take whichever holds the readers
    from synopsis.ingest.inputs import load_inputs, read_clusters
except ImportError:
    from synopsis.ingest.readers import load_inputs, read_clusters
from synopsis.model.types import Article, DocumentSet

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO.parent / "shared"
# Longest text one edit may insert: a capital letter, a space, a closing quote, or a name or date
# that Synopsis' rewriting put in ("Dec. 13" for "Sunday"); never a passage of an article.
MAX_INSERT = 32
# Characters searched on each side of the best match when locating a compressed sentence.
SLACK = 80

DATASETS = {
    "duc2004": ("data/duc2004/test.jsonl", 100),
    "multinews": ("data/multinews/dev.jsonl", 300),
    # DUC 2007 main is read by the blind reading only (`blind_packets.py --duc2007`); an update
    # stage's articles ("D0716-B") read as a story of their own, in the blind reading
    # (`--duc2007-update`) and in the audit's splits (`draw.py --duc2007-update`)
    "duc2007": ("data/duc2007/main.jsonl", 250),
    "duc2007-update": ("data/duc2007/update.jsonl", 100),
}
# Datasets whose stories the audit's splits may hold (`draw.py`): the two of the audit's target
# and, once Multi-News dev had few stories left that the engineer had never read (3 of 97 after
# round 15), the DUC 2007 update stages, newswire with publication dates like DUC 2004.
ANNOTATED = ("duc2004", "multinews", "duc2007-update")
EXAMPLES = {
    "is-euphrates-2017-11-03": ("shared", "examples/is-euphrates-2017-11-03", 100),
    "harbor-bridge": ("repo", "examples/harbor-bridge", 100),
}


@dataclass(frozen=True)
class Story:
    """One cluster of the benchmark: its dataset, its articles and its word budget."""

    dataset: str
    cluster: DocumentSet
    max_words: int


def commit_label() -> str:
    """The repository's short commit hash, marked when tracked files have uncommitted changes.

    Returns:
        For instance "ac64eba" or "ac64eba (uncommitted changes)"; "unknown" without git.
    """
    try:
        run = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--exclude=*",
             "--dirty= (uncommitted changes)"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )  # fmt: skip
    except OSError:
        return "unknown"
    return run.stdout.strip() or "unknown"


def outside_repo(*paths: Path) -> None:
    """Stop when a folder or file that will hold licensed text or a reading key is in the repo.

    Args:
        paths: where packets, keys or answers are to be written.

    Raises:
        SystemExit: one of them lies inside the repository.
    """
    for path in paths:
        if path.resolve().is_relative_to(REPO):
            raise SystemExit(f"{path} is inside the repository; packets hold licensed text")


def text_hash(text: str) -> str:
    """Short SHA-256 of a sentence's text (whitespace-normalized), the annotation's check."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def load_stories(shared: Path, datasets: Sequence[str] = ("duc2004", "multinews")) -> list[Story]:
    """Read every cluster of the named datasets and both example stories.

    Args:
        shared: the shared evaluation directory (holding data/ and examples/).
        datasets: dataset names from `DATASETS`, plus "examples" for the example stories.

    Returns:
        The stories, dataset by dataset in file order.
    """
    out: list[Story] = []
    for name in datasets:
        if name == "examples":
            for cid, (root, rel, words) in EXAMPLES.items():
                base = shared if root == "shared" else REPO
                if (base / rel).is_dir():
                    cluster = load_inputs([str(base / rel)])
                    out.append(Story("examples", DocumentSet(cid, cluster.articles), words))
            continue
        rel, words = DATASETS[name]
        out += [Story(name, c, words) for c in read_clusters(str(shared / rel))]
    return out


def _find(articles: Sequence[Article], sentence: str) -> tuple[str, int, int]:
    """Locate `sentence` in the article that shares its longest stretch of text."""
    best = ("", 0, 0, -1)
    for article in articles:
        sm = SequenceMatcher(None, article.text, sentence, autojunk=False)
        m = sm.find_longest_match(0, len(article.text), 0, len(sentence))
        if m.size > best[3]:
            start = max(0, m.a - m.b - SLACK)
            end = min(len(article.text), m.a + (len(sentence) - m.b) + SLACK)
            best = (article.id, start, end, m.size)
    return best[0], best[1], best[2]


def freeze(articles: Sequence[Article], sentence: str) -> dict[str, Any]:
    """The locator of one summary sentence in its cluster's articles.

    Args:
        articles: the cluster's articles as `load_stories` reads them.
        sentence: the sentence as the system printed it.

    Returns:
        ``{"doc", "start", "end", "edits"}``; `thaw` turns it back into `sentence`.

    Raises:
        ValueError: the sentence is not (a light edit of) a span of one article.
    """
    doc, start, end = _find(articles, sentence)
    text = next(a.text for a in articles if a.id == doc)
    region = text[start:end]
    ops = SequenceMatcher(None, region, sentence, autojunk=False).get_opcodes()
    # Trim what lies outside the sentence: leading and trailing deletions of the search window.
    if ops and ops[0][0] == "delete":
        start += ops[0][2]
    if ops and ops[-1][0] == "delete":
        end -= ops[-1][2] - ops[-1][1]
    region = text[start:end]
    edits: list[list[Any]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, region, sentence, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        insert = sentence[j1:j2]
        if len(insert) > MAX_INSERT:
            raise ValueError(f"sentence is not a light edit of {doc}: would insert {insert!r}")
        edits.append([i1, i2, insert])
    frozen = {"doc": doc, "start": start, "end": end, "edits": edits}
    if thaw(articles, frozen) != sentence:
        raise ValueError(f"could not rebuild a sentence of {doc}")
    return frozen


def thaw(articles: Sequence[Article], frozen: dict[str, Any]) -> str:
    """Rebuild a sentence from its locator (see `freeze`).

    Args:
        articles: the cluster's articles.
        frozen: the locator.

    Returns:
        The sentence text.

    Raises:
        KeyError: the locator's article is not in the cluster.
    """
    by_id = {a.id: a for a in articles}
    region = by_id[frozen["doc"]].text[frozen["start"] : frozen["end"]]
    out = []
    pos = 0
    for i1, i2, insert in frozen["edits"]:
        out.append(region[pos:i1])
        out.append(insert)
        pos = i2
    out.append(region[pos:])
    return "".join(out)


def published(articles: Sequence[Article], doc: str) -> str | None:
    """Publication date of one article of the cluster, if known."""
    return next((a.published for a in articles if a.id == doc), None)


SYSTEMS = ("synopsis", "lead", "lexrank")


def run_system(system: str, articles: Sequence[Article], max_words: int) -> list[str]:
    """One system's summary of a cluster, as its sentences in order.

    Args:
        system: "synopsis", "lead" or "lexrank" (the peers under the DUC budget protocol).
        articles: the cluster's articles.
        max_words: the word budget.

    Returns:
        The summary's sentences.
    """
    from synopsis.evaluation.baselines import lead, lexrank
    from synopsis.model.config import SummarizerConfig
    from synopsis.model.errors import EmptyInputError
    from synopsis.pipeline import summarize

    if system == "lead":
        return lead(articles, max_words)
    if system == "lexrank":
        return lexrank(articles, max_words)
    config = SummarizerConfig.from_mapping({"max_words": max_words, "analyze": False})
    try:
        return [s.text for s in summarize(articles, config).sentences]
    except EmptyInputError:
        return []  # every page a placeholder (a web archive's notice): no summary
