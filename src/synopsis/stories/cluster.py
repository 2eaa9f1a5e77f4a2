"""Online story clustering: each article joins a story or starts one as it arrives.

The design follows Miranda, Znotiņš, Cohen and Barzdins, "Multilingual Clustering of Streaming
News" (EMNLP 2018): an article is compared with each candidate story's running centroid through
separate TF-IDF similarities (headline, body, named entities), a logistic model turns those into
the probability that the article belongs to the story, and "start a new story" is its own
decision, taken when even the best candidate's probability is under a calibrated threshold.
Their learned decision gained 7 pair-F1 points over one fixed cosine threshold. As in their
system, IDF statistics are kept online (every article updates them as it arrives); they start
from a prior of word document frequencies counted on the training data
(`features.default_background`), so the first articles of a stream are weighted sensibly.
Candidates come from a sparse inverted index over each story's key terms, never from scanning
every story. A soft time decay lowers the log-odds of joining a story whose nearest article is
more than a grace period away, by the log of the extra days (a heavy-tailed, Lomax-shaped prior
on the silence between a story's articles) up to a month's worth, so a month-old story does not
absorb today's article on the same topic unless the match is strong. The grace period is the
story's own cadence (its mean days between articles) when that is longer than a week: a story
that kept receiving articles for months stays open longer than a burst of a few days.

This module keeps the clusterer's state and does the search (features, candidates, updates,
persistence); the decision model, its calibrated weights, threshold and time decay, is
`synopsis.stories.decision`.

Articles are processed strictly one at a time in the order given, so the result does not depend
on how the stream is cut into calls; it is deterministic (ties broken by story number).
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from synopsis.model.errors import InputError
from synopsis.model.types import Article
from synopsis.stories.centroids import (
    Centroid,
    StoryState,
    TermVector,
    Vocabulary,
    packed_vectors,
    post,
    ranked_stories,
    unpacked_vectors,
)
from synopsis.stories.decision import (
    CHROME_ARTICLES,
    DEFAULT_PARAMS,
    ClusterParams,
    cadence_days,
    gap_days,
    joined,
    log_odds,
    margins,
    probability,
    story_size_feature,
)
from synopsis.stories.features import (
    FIELDS,
    MAX_TERMS,
    NO_BACKGROUND,
    Background,
    Bags,
    article_bags,
    clipped,
    default_background,
    sentence_keys,
    tfidf_vector,
)

__all__ = [
    "CHROME_ARTICLES",
    "DEFAULT_PARAMS",
    "Assignment",
    "ClusterParams",
    "OnlineClusterer",
]

STATE_VERSION = 1

# Index: each article's highest-weighted body and headline terms are posted for its story and
# looked up for a new article; the MAX_CANDIDATES stories sharing the most key terms are
# candidates. On the teacher-forced fit stream, 30 + 10 key terms found the true story among 60
# candidates for 89.8% of the articles whose story already existed (12 + 6 terms: 87.2%; the
# misses are mostly pages that share no content word with their story, such as site chrome).
# On the calibration stream 30 candidates gave the same B-cubed F1 as 60 (0.793) in half the
# time; 15 lost 0.001.
KEY_BODY_TERMS = 30
KEY_HEAD_TERMS = 10
MAX_CANDIDATES = 30
# Candidates scored with every feature: those with the highest body cosine (the feature that
# carries the decision). On the calibration stream 8 gave the same B-cubed F1 as scoring all
# candidates (0.793), at three quarters of the time.
SHORTLIST = 8


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its story number, whether it started that story, and why."""

    story: int
    new: bool
    probability: float


class OnlineClusterer:
    """Assign a stream of articles to stories, one article at a time.

    The whole state (IDF counts, story centroids, index) round-trips through `to_state` and
    `from_state` as plain JSON-compatible data, and through `synopsis.stories.snapshot` as the
    compact binary snapshot the store keeps between runs.
    """

    def __init__(
        self, params: ClusterParams = DEFAULT_PARAMS, background: Background | None = None
    ) -> None:
        """Start with no stories.

        Args:
            params: the decision model (the calibrated defaults unless experimenting).
            background: the IDF prior for headline and body stems (default: the packaged one).
        """
        self.params = params
        self.background = default_background() if background is None else background
        self.n_docs = 0
        self.df: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
        self.stories: list[StoryState] = []
        # Term ids for the centroids; key term -> story numbers, increasing (`centroids.post`).
        self.vocabulary = Vocabulary()
        self.postings: dict[str, array[int]] = {}
        # Sentence key -> number of articles it was seen in (up to CHROME_ARTICLES).
        self.sentence_df: dict[str, int] = {}

    # -- features -------------------------------------------------------------------------

    def vectors(self, bags: Bags) -> dict[str, dict[str, float]]:
        """Count an article into the IDF statistics and return its unit TF-IDF sub-vectors.

        Args:
            bags: the article's term bags.

        Returns:
            One sparse unit vector per field.
        """
        self.n_docs += 1
        for f in FIELDS:
            self.df[f].update(bags.field(f).keys())
        return {
            f: tfidf_vector(
                bags.field(f),
                self.df[f],
                self.n_docs,
                MAX_TERMS[f],
                self.background if f != "ents" else NO_BACKGROUND,
            )
            for f in FIELDS
        }

    @staticmethod
    def _key_terms(vectors: dict[str, dict[str, float]]) -> list[str]:
        def top(field: str, k: int) -> list[str]:
            items = sorted(vectors[field].items(), key=lambda kv: (-kv[1], kv[0]))
            return [t for t, _ in items[:k]]

        return sorted(set(top("body", KEY_BODY_TERMS)) | set(top("head", KEY_HEAD_TERMS)))

    def candidates(self, vectors: dict[str, dict[str, float]]) -> list[int]:
        """Find the stories sharing the most key terms with an article, through the index.

        Args:
            vectors: the article's sub-vectors.

        Returns:
            Up to MAX_CANDIDATES story numbers, most shared terms first, newer stories first on
            ties.
        """
        return ranked_stories(self.postings, self._key_terms(vectors), MAX_CANDIDATES)

    def shortlist(self, vectors: dict[str, dict[str, float]], candidates: list[int]) -> list[int]:
        """The candidates with the highest body cosine, the only ones scored in full.

        Args:
            vectors: the article's sub-vectors.
            candidates: story numbers from `candidates`.

        Returns:
            At most SHORTLIST stories, highest body cosine first (story number on ties).
        """
        return [s for s, _ in self._shortlist(self._packed(vectors), candidates)]

    def _shortlist(
        self, packed: dict[str, TermVector], candidates: list[int]
    ) -> list[tuple[int, float]]:
        """`shortlist`, with each story's body cosine."""
        cosines = self._similarities(packed["body"], candidates, "body")
        scored = sorted(zip(candidates, cosines, strict=True), key=lambda sc: (-sc[1], sc[0]))
        return scored[:SHORTLIST]

    def similarities(self, vectors: dict[str, dict[str, float]], story: int) -> list[float]:
        """The similarity features of an article against one story.

        Args:
            vectors: the article's sub-vectors.
            story: a story number.

        Returns:
            [head cosine, body cosine, entity cosine, story size feature (see SIZE_FEATURE)].
        """
        return self._features(self._packed(vectors), [story])[0]

    def _features(
        self, packed: dict[str, TermVector], stories: list[int], body: list[float] | None = None
    ) -> list[list[float]]:
        """`similarities` against several stories (their body cosines, when already known)."""
        head = self._similarities(packed["head"], stories, "head")
        if body is None:
            body = self._similarities(packed["body"], stories, "body")
        ents = self._similarities(packed["ents"], stories, "ents")
        return [
            [*sims, story_size_feature(self.params, self.stories[story])]
            for story, *sims in zip(stories, head, body, ents, strict=True)
        ]

    def _similarities(self, vector: TermVector, stories: list[int], field: str) -> list[float]:
        """Centroid cosines, or (average linkage) the mean cosines with the stories' articles.

        A centroid is the sum of the members' unit vectors, so its dot product with the article
        divided by the story size is the article's mean cosine with the members.
        """
        states = [self.stories[s] for s in stories]
        dots = self.vocabulary.dots(vector, [st.centroids[field] for st in states])
        average = self.params.linkage == "average"
        out = []
        for st, d in zip(states, dots, strict=True):
            norm = math.sqrt(st.norms2[field])
            cos = d / norm if len(vector.ids) and norm > 0.0 else 0.0
            out.append(cos * norm / st.size if average else cos)
        return out

    def _packed(self, vectors: dict[str, dict[str, float]]) -> dict[str, TermVector]:
        return {f: self.vocabulary.vector(vectors[f]) for f in FIELDS}

    def probability(
        self, features: Sequence[float], gap: float, cadence: float = 0.0, margin: float = 0.0
    ) -> float:
        """The model's probability that the article belongs to the story (`decision.probability`).

        Args:
            features: as returned by `similarities`.
            gap: days between the article and the story's nearest article (0 if undated).
            cadence: the story's mean days between articles (`cadence_days`; 0 if unknown).
            margin: the story's margin over the article's other candidates (`decision.margins`).

        Returns:
            A probability in (0, 1), or 0 past the hard horizon.
        """
        return probability(self.params, features, gap, cadence, margin)

    # -- updates --------------------------------------------------------------------------

    def _join(
        self, story: int, packed: dict[str, TermVector], keys: list[str], day: int | None
    ) -> None:
        """Add an article (its vectors over the vocabulary, and its `_key_terms`) to a story."""
        st = self.stories[story]
        for f in FIELDS:
            if len(packed[f].ids):
                st.norms2[f] += 2.0 * st.centroids[f].add(packed[f]) + 1.0
        st.size += 1
        if day is not None:
            st.first = day if st.first is None else min(st.first, day)
            st.last = day if st.last is None else max(st.last, day)
        post(self.postings, keys, story)

    def place(
        self, vectors: dict[str, dict[str, float]], day: int | None, story: int | None
    ) -> int:
        """Add an article's vectors to a story, or to a new story when `story` is None.

        Args:
            vectors: the article's sub-vectors (from `vectors`).
            day: its publication day number, or None.
            story: the story number to join, or None to start a new story.

        Returns:
            The story number the article is now in.
        """
        packed, keys = self._packed(vectors), self._key_terms(vectors)
        if story is None:
            return self._new_story(packed, keys, day)
        self._join(story, packed, keys, day)
        return story

    def _new_story(self, packed: dict[str, TermVector], keys: list[str], day: int | None) -> int:
        self.stories.append(
            StoryState(
                centroids={f: Centroid() for f in FIELDS},
                norms2=dict.fromkeys(FIELDS, 0.0),
                size=0,
                first=None,
                last=None,
            )
        )
        story = len(self.stories) - 1
        self._join(story, packed, keys, day)
        return story

    def add(self, article: Article) -> Assignment:
        """Assign one article: join the most probable candidate story or start a new one.

        Args:
            article: the incoming article.

        Returns:
            The assignment.
        """
        return self.add_traced(article)[0]

    def add_traced(self, article: Article) -> tuple[Assignment, dict[str, Any]]:
        """Assign one article, and return what `replay` needs to repeat the update exactly.

        Args:
            article: the incoming article.

        Returns:
            The assignment and a JSON-compatible trace: the article's terms per field, its
            vectors (`centroids.packed_vectors`), day and sentence keys.
        """
        text = clipped(article.text)
        pieces = sentence_keys(text) if self.params.chrome_articles > 0 else []
        kept = [s for k, s in pieces if not self.is_chrome(k)]
        keyed = [k for k, _ in pieces if k]
        if keyed and all(self.is_chrome(k) for k in keyed):
            # Nothing but chrome and short fragments ("Learn more"): nothing to match on, so
            # the page starts a story of its own instead of joining the chrome pages before it.
            kept = []
        if len(kept) < len(pieces):
            text = " ".join(kept)
        # From the clipped text: the bags read only the first MAX_BODY_WORDS words anyway.
        bags = article_bags(replace(article, text=text))
        vectors = self.vectors(bags)
        sentences = sorted({k for k, _ in pieces if k})
        self.note_sentences(sentences)
        trace = {
            "keys": {f: sorted(bags.field(f)) for f in FIELDS},
            **packed_vectors(vectors),
            "day": bags.day,
            "sentences": sentences,
        }
        packed, keys = self._packed(vectors), self._key_terms(vectors)
        shortlisted = self._shortlist(packed, ranked_stories(self.postings, keys, MAX_CANDIDATES))
        stories = [s for s, _ in shortlisted]
        body = [cos for _, cos in shortlisted]
        feats = self._features(packed, stories, body)
        times = [
            (gap_days(bags.day, self.stories[s]), cadence_days(self.stories[s])) for s in stories
        ]
        # Margins are taken over the shortlist (for "body", the shortlist holds the two highest
        # body cosines of all candidates, so they are the same as over every candidate).
        z = [log_odds(self.params, f, *t) for f, t in zip(feats, times, strict=True)]
        margin = margins(self.params, body, z)
        best, best_p = -1, 0.0
        for story, zk, (gap, _), m in zip(stories, z, times, margin, strict=True):
            prob = joined(self.params, zk, gap, m)
            if prob > best_p:
                best, best_p = story, prob
        if best >= 0 and best_p >= self.params.threshold:
            self._join(best, packed, keys, bags.day)
            return Assignment(story=best, new=False, probability=best_p), trace
        story = self._new_story(packed, keys, bags.day)
        return Assignment(story=story, new=True, probability=best_p), trace

    def is_chrome(self, key: str) -> bool:
        """Whether a sentence key has been seen in CHROME_ARTICLES earlier articles.

        Args:
            key: a key from `features.sentence_keys` ("" for an unkeyed sentence).

        Returns:
            True when the sentence is left out of the bags as site chrome.
        """
        limit = self.params.chrome_articles
        return bool(key) and limit > 0 and self.sentence_df.get(key, 0) >= limit

    def note_sentences(self, keys: Iterable[str]) -> None:
        """Count an article's sentence keys (each count stops at CHROME_ARTICLES).

        Args:
            keys: the article's distinct sentence keys.
        """
        df = self.sentence_df
        for key in keys:
            n = df.get(key, 0)
            if n < CHROME_ARTICLES:
                df[key] = n + 1

    def replay(self, trace: dict[str, Any], story: int) -> None:
        """Repeat an earlier `add_traced` update without searching again.

        Args:
            trace: the trace `add_traced` returned (or, from before weights were packed, one
                with the vectors as term -> weight dicts under "vectors").
            story: the story number the article was assigned to then.

        Raises:
            InputError: the story number does not follow from the state (a corrupt log).
        """
        if not 0 <= story <= len(self.stories):
            raise InputError(
                f"story store: placement log names story {story} of {len(self.stories)}; "
                "the store is inconsistent, rebuild it"
            )
        self.n_docs += 1
        for f in FIELDS:
            self.df[f].update(trace["keys"][f])
        day = trace["day"]
        self.note_sentences(trace.get("sentences", ()))
        # Traces logged before the weights were packed hold the vectors as they are.
        vectors = trace["vectors"] if "vectors" in trace else unpacked_vectors(trace)
        self.place(vectors, day, story if story < len(self.stories) else None)

    def add_many(self, articles: Iterable[Article]) -> list[Assignment]:
        """Assign articles one by one, in the order given.

        Args:
            articles: the incoming articles.

        Returns:
            One assignment per article, in order.
        """
        return [self.add(a) for a in articles]

    # -- persistence ----------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """Return the whole state as JSON-compatible data (see `from_state`)."""
        terms = self.vocabulary.terms
        return {
            "version": STATE_VERSION,
            "n_docs": self.n_docs,
            "df": {f: dict(self.df[f]) for f in FIELDS},
            "stories": [s.to_json(terms) for s in self.stories],
            "postings": {t: ids.tolist() for t, ids in self.postings.items()},
            "sentences": self.sentence_df,
        }

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        params: ClusterParams = DEFAULT_PARAMS,
        background: Background | None = None,
    ) -> OnlineClusterer:
        """Rebuild a clusterer from `to_state` data.

        Args:
            state: data returned by `to_state`.
            params: the decision model.
            background: the IDF prior (default: the packaged one).

        Returns:
            A clusterer that continues exactly where the saved one stopped.

        Raises:
            InputError: the state was written by an incompatible version.
        """
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise InputError(
                "story store: clustering state has an unknown version; "
                "rebuild the store with this version of synopsis"
            )
        self = cls(params, background)
        self.n_docs = int(state["n_docs"])
        self.df = {f: Counter(state["df"][f]) for f in FIELDS}
        self.stories = [StoryState.from_json(s, self.vocabulary) for s in state["stories"]]
        self.postings = {t: array("q", sorted(set(ids))) for t, ids in state["postings"].items()}
        # States written before sentence keys were kept have none: chrome is learned anew.
        self.sentence_df = {str(k): int(v) for k, v in state.get("sentences", {}).items()}
        return self
