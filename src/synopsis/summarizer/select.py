"""Choose and order summary sentences under a word budget.

Selection maximizes the weight of covered concepts subject to the budget, solved exactly as an
integer linear program (Gillick & Favre, "A Scalable Global Model for Summarization", 2009;
`synopsis.summarizer.coverage` solves it). Redundancy is implicit because a concept counts once;
near-duplicates, antecedents and revised figures are constraints of the program. So are
retellings: the position prior counts for a sentence that adds no concept, so another article's
account of what the summary already says (a second lead telling the event over) could be chosen
for its prior alone; a chosen sentence whose every concept other articles' chosen sentences
already hold is cut off with a constraint (at most n of it and those n sentences) and the program
solved again: sentence-level redundancy as a constraint of the program (McDonald, "A Study of
Global Inference Algorithms in Multi-document Summarization", ECIR 2007), generated only where
an answer breaks it, the incremental ILP of Riedel & Clarke ("Incremental Integer Linear
Programming for Non-projective Dependency Parsing", EMNLP 2006). A chosen sentence whose
definite description repeats a noun only its article's earlier sentences give is constrained the
same way, generated where an answer shows one (`definites`). Two articles' accounts of one event
that each add something still repeat what they share; choosing both costs the weight they share
once more, McDonald's pairwise redundancy penalty in the objective, so the second account stays
only where what it adds outweighs what it repeats (`repeats`: a retelling in words, or in
meaning where the sentence encoder is installed). The words the rewriter adds to write a
person's full name at the summary's first mention are paid once per person, a variable of the
program (`coverage.Program.first_mentions`). This module alone owns
the budget, redundancy, coherence constraints and ordering.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from synopsis.model.types import Sentence
from synopsis.summarizer import coherence, continuation, definites, ordering
from synopsis.summarizer.coverage import NODE_LIMIT, Program, greedy, solve
from synopsis.summarizer.eligibility import eligible, short_lead
from synopsis.summarizer.features import Features, near_duplicates
from synopsis.summarizer.leads import news_leads
from synopsis.summarizer.objectives import Concept, Scores
from synopsis.summarizer.repeats import repeat_pairs
from synopsis.text.captions import gallery_items, positions_in_picture
from synopsis.text.embeddings import vectors

# For a sentence position: whom the rewriter names in full there (surname to words added) and
# whom it names in full already (`synopsis.rewrite.name_costs`).
NameCosts = Callable[[int], tuple[Mapping[str, int], Collection[str]]]
# Weight of the position prior relative to one unit of concept weight (one article sharing a
# concept). First set to 0.5 on DUC 2004 and Multi-News dev. Official ROUGE is flat from 0.5 to 4
# (`python benchmarks/run_benchmarks.py --systems synopsis --no-speed`, DUC 2004 and
# Multi-News dev R-2: 0.5 38.83/10.04, 15.04; 1 38.80/10.11, 15.27; 2 39.04/10.08, 15.20; 3
# 38.75/10.08, 15.28; 4 38.91/10.21, 15.01; DUC 2007 update --since --focus R-2 10.55, 10.81,
# 10.92, 10.76, 10.70), so readers chose: in blind round 23 (benchmarks/blind_results/
# 2026-12-03-ab-23.md; 8 stories drawn with a seed from the 50 of 147 that change at 200/100
# words) 2 was ranked above 0.5 in 6 of 8 packets, coherence 2.75 against 2.38, informativeness
# 3.38 against 2.88, unintroduced references 2.25 against 2.62. A lead sentence opens its story
# and names what it is about, so it stands on its own in a summary. 3 and 4 were not read.
PRIOR_WEIGHT = 2.0
# The prior's weight in a long-running story (articles more than `ordering.LONG_STORY_DAYS`
# apart), where each article's lead tells its own event and leads read as a list of unrelated
# events: PRIOR_WEIGHT's value before round 23, ranked above 2.0 by readers of DUC 2007 main in
# 5 of 6 packets; one value read, not tuned; its ROUGE figures (DUC 2004 and 2007) are in
# benchmarks/blind_results/2026-12-04-ab-39.md. Not in update mode, where PRIOR_WEIGHT was
# calibrated (DUC 2007 update, all 30 stages, --since --focus: 37.55 / 11.01 against 37.12 /
# 10.71 with 0.5 in long stages; 7 rather than 9 of the 20 B and C stages the same summary as
# without --since; `python benchmarks/update_focus_eval.py`).
LONG_STORY_PRIOR_WEIGHT = 0.5
# A paragraph in which one sentence points into a picture ("(2nd L)", a figure's "(blue)":
# `synopsis.text.captions.positions_in_picture`) is a caption as a whole when it is this short:
# the figure key "Colors show ... (blue) ... (red). Pies show the probabilities ..." (Multi-News
# dev 1376) led to its second sentence once its first was barred. The bound is the cleaning
# stage's for captions with a credit (`synopsis.clean.boilerplate.CAPTION_MAX_WORDS`), not tuned.
CAPTION_PARAGRAPH_WORDS = 60
# Two sentences sharing this much of their content words are near-duplicates (wire copy reprinted
# by several outlets); at most one of them may be chosen.
DUPLICATE_OVERLAP = 0.7
# Rounds of solving with the retelling constraints found so far (`_retellings`); each round cuts
# off every retelling of the last answer. Of the 242 DUC 2004 (100 words) and Multi-News dev
# (200 and 300 words) summaries, 157 need one solve, 76 two or three, and the most any needed
# was 12 (Multi-News dev, 300 words); the bound only keeps a pathological input's work finite
# (the last answer is used).
RETELLING_ROUNDS = 20
# Candidates passed to the ILP, best concept weight per word first: solve time grows steeply with
# the candidate count while the optimum lies among the densest sentences (on DUC 2004 and
# Multi-News dev, 50 scored within 0.1 ROUGE of 100 and of no pruning, at half the solve time).
ILP_CANDIDATES = 50
# Objective bonus, in units of concept weight, for choosing two consecutive sentences of one
# article (a pair reads as connected text and the first supplies the second's referents). Off:
# on DUC 2004 / Multi-News dev (official ROUGE) 0.25 cost 0.3/0.2 and 1.0 cost 0.4/0.3
# without lowering the audit's reference or junk counts (`python benchmarks/run_benchmarks.py`,
# `python benchmarks/readability_audit_eval.py`). Blind readers of 0.5 against 0 (24 packets,
# benchmarks/blind_results/2026-12-02-ab-4-5.md): same coherence, ranked above in 13 of 24,
# unintroduced references 1.46 against 1.75 (within noise), at a ROUGE cost of 0.07-0.24; off.
CONTIGUITY_BONUS = 0.0
# The news first: when the best summary holds no central lead (an article's first sentences of
# prose, `leads.news_leads`, whose concept weight is at least this share of the heaviest lead's),
# the best summary that holds one is taken instead, so `ordering.order` can open with the main
# event. Diagnostic readers of 2026-12-04 asked for the news first in 4 of 8 summaries (round 4:
# a regional detail opened Multi-News dev 4392 while the lead "Obesity is imposing an
# increasingly heavy burden ... almost 30 percent of people globally" was left out). None turns
# it off; not applied in update mode or in a long-running story. Calibrated on Multi-News
# test_truncated without the dev ids (first 500 clusters, 200 words; `python
# benchmarks/lead_share_eval.py`): opening F1 against the reference's first sentence None 19.44,
# 0 19.45, 0.5 19.45, 0.75 19.44, 0.9 19.49, 1.0 19.42 (7 of 500 summaries change at 0.9: the
# truncated sources are mostly leads), ROUGE-2 recall 9.66 to 9.64. For comparison, not for
# choosing: Multi-News dev 23.74 -> 24.06, DUC 2004 18.82 -> 19.52 at 0.9. Blind readers
# (benchmarks/blind_results/2026-12-04-ab-43.md) preferred it in 7 of 12 changed stories.
CENTRAL_LEAD_SHARE: float | None = 0.9


@dataclass(frozen=True)
class Selection:
    """Indices of chosen sentences, in reading order, and how they were found."""

    indices: tuple[int, ...]
    method: str


def _captions(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Positions of the sentences that point into a picture, and of the rest of their paragraph
    when it is short (CAPTION_PARAGRAPH_WORDS), and of the items of a photo gallery run into a
    paragraph (`synopsis.text.captions.gallery_items`).

    Judged on the source text: compression takes a wire caption's position marks ("Shane Bauer
    (2nd L)") out of what the summary would show.
    """
    pointing = {i for i, s in enumerate(sentences) if positions_in_picture(s.text)}
    pictured = {(sentences[i].article_id, sentences[i].paragraph) for i in pointing}
    length: dict[tuple[str, int], int] = {}
    paragraphs: dict[tuple[str, int], list[int]] = {}
    for i, s in enumerate(sentences):
        key = (s.article_id, s.paragraph)
        length[key] = length.get(key, 0) + s.words
        paragraphs.setdefault(key, []).append(i)
    gallery = {
        members[k]
        for members in paragraphs.values()
        for k in gallery_items([sentences[i].text for i in members])
    }
    return (
        frozenset(pointing)
        | frozenset(gallery)
        | frozenset(
            i
            for i, s in enumerate(sentences)
            if (s.article_id, s.paragraph) in pictured
            and length[(s.article_id, s.paragraph)] <= CAPTION_PARAGRAPH_WORDS
        )
    )


def _duplicate_pairs(cands: Sequence[int], feats: Sequence[Features]) -> list[tuple[int, int]]:
    """Pairs of candidate positions whose content words overlap at least DUPLICATE_OVERLAP."""
    sets = [feats[i].content for i in cands]
    pairs = []
    for a in range(len(sets)):
        for b in range(a + 1, len(sets)):
            if near_duplicates(sets[a], sets[b], DUPLICATE_OVERLAP):
                pairs.append((a, b))
    return pairs


def _central_leads(
    sentences: Sequence[Sentence],
    cands: Sequence[int],
    concepts: Sequence[frozenset[Concept]],
    weights: Mapping[Concept, float],
    prior: np.ndarray,
) -> list[int]:
    """Candidate positions (in `cands`) of the leads that state the story's main event.

    A lead is one of its article's first sentences of prose with a position prior (a feature
    lead has none); a central one carries at least CENTRAL_LEAD_SHARE of the concept weight of
    the heaviest lead. Empty when CENTRAL_LEAD_SHARE is None.
    """
    if CENTRAL_LEAD_SHARE is None:
        return []
    opening = news_leads(sentences)
    leads = [k for k, i in enumerate(cands) if i in opening and prior[k] > 0]
    gain = {k: math.fsum(weights[c] for c in concepts[k]) for k in leads}
    best = max(gain.values(), default=0.0)
    return [k for k in leads if best > 0 and gain[k] >= CENTRAL_LEAD_SHARE * best]


def reading_order(
    sentences: Sequence[Sentence],
    published: dict[str, str | None],
    *,
    centrality: Sequence[float] | None = None,
    follows: dict[int, int] | None = None,
    texts: Sequence[str] | None = None,
    year: int | None = None,
) -> list[int]:
    """Order chosen sentences to read naturally (`ordering.order`).

    The sentence with the most central content opens (a lead sentence preferred, never
    background or "also", a quote only from a lead); the rest follow by role (event, reported
    speech, reaction, quote, background), then the next sentence of the article just read, then
    by article date when every article has one, then by position. Sentences of one article keep
    their relative order, and a sentence that needs its antecedent comes right after it.

    Args:
        sentences: the chosen sentences.
        published: article id to publication date.
        centrality: each sentence's central content (its concept weight); default equal.
        follows: position to the position of the antecedent it must follow immediately.
        texts: what each sentence reads as in the summary; default its text.
        year: the story's year, against which explicitly earlier years are background.

    Returns:
        Positions of `sentences` in reading order.
    """
    return ordering.order(
        sentences, published, centrality=centrality, follows=follows, texts=texts, year=year
    )


def _retellings(
    chosen: Sequence[int], concepts: Sequence[frozenset[Concept]], articles: Sequence[str]
) -> list[tuple[tuple[int, ...], int]]:
    """Constraints against the chosen sentences that only retell other articles' chosen ones.

    A chosen sentence retells when the chosen sentences of other articles hold every one of its
    concepts. Its cover is taken greedily (most of its concepts first, then the earlier
    candidate), and the constraint allows at most len(cover) of the sentence and its cover, so
    the sentence may still be chosen when one of them is not.

    Args:
        chosen: candidate positions of the answer.
        concepts: each candidate's concepts.
        articles: each candidate's article id.

    Returns:
        (candidates, limit) pairs for `Program.at_most`; empty when nothing is retold.
    """
    cuts = []
    for s in chosen:
        left = set(concepts[s])
        others = [j for j in chosen if articles[j] != articles[s]]
        cover: list[int] = []
        while left:
            best = max(others, key=lambda j: (len(concepts[j] & left), -j), default=None)
            if best is None or not concepts[best] & left:
                break
            cover.append(best)
            left -= concepts[best]
            others.remove(best)
        if cover and not left:
            cuts.append((tuple(sorted([s, *cover])), len(cover)))
    return cuts


def _first_mentions(
    cands: Sequence[int], name_costs: NameCosts | None
) -> list[tuple[float, tuple[int, ...], tuple[int, ...]]]:
    """Each person's full-name words with the candidates naming them bare and in full.

    Words the rewriter will add to name people in full (`synopsis.rewrite`) are paid in the
    budget once per person, so the edit fits instead of being dropped for want of words, and a
    story's main figure, named by surname in many sentences, costs its full name only once.
    """
    if name_costs is None:
        return []
    people: dict[str, tuple[list[int], list[int], list[int]]] = {}
    for k, i in enumerate(cands):
        bare, full = name_costs(i)
        for key, n in bare.items():
            words, named, _ = people.setdefault(key, ([], [], []))
            words.append(n)
            named.append(k)
        for key in full:
            people.setdefault(key, ([], [], []))[2].append(k)
    return [
        (float(max(words)), tuple(named), tuple(whole))
        for _, (words, named, whole) in sorted(people.items())
        if named
    ]


def select(
    sentences: Sequence[Sentence],
    feats: Sequence[Features],
    scores: Scores,
    *,
    max_words: int,
    published: dict[str, str | None] | None = None,
    node_limit: int = NODE_LIMIT,
    texts: Sequence[str] | None = None,
    solver: str = "ilp",
    drop_promotional: bool = True,
    blocked: Collection[int] = (),
    antecedents: bool = True,
    reserved: Mapping[int, int] | None = None,
    name_costs: NameCosts | None = None,
    revised: Mapping[int, Collection[int]] | None = None,
    update: bool = False,
    alone: Mapping[int, tuple[str, int]] | None = None,
    semantic: bool = True,
) -> Selection:
    """Choose the sentences that cover the most concept weight within `max_words`.

    Args:
        sentences: all sentences of the story.
        feats: their features.
        scores: concept weights and priors from `score`.
        max_words: the word budget; the summary never exceeds it.
        published: article id to publication date, for ordering.
        node_limit: branch-and-bound nodes the ILP solver may explore; its best answer by then
            is used (a count rather than seconds, so results do not depend on machine speed).
        texts: what each sentence would read as in the summary (e.g. compressed); default the
            sentence text. Eligibility and length are judged on these.
        solver: "ilp" (exact, the default) or "greedy" (the submodular approximation alone).
        drop_promotional: leave out web page furniture (`promotional`).
        blocked: sentence positions that may not be chosen at all (in update mode, those that
            repeat what the reader has already seen).
        antecedents: let a sentence that needs the one before it in its article
            (`coherence.needs_antecedent`) be chosen together with it, shown right after it;
            when False such sentences with a dangling first word are not eligible.
        reserved: words a later stage will add to a sentence (by position; the rewriter's
            absolute dates), counted in its length so that the edit fits in the budget.
        name_costs: for a sentence position, whom the rewriter would name in full there at a
            first mention (surname to words added) and whom the sentence names in full
            (`synopsis.rewrite.name_costs`); asked of the candidates only. Each full name's
            words are paid once in the budget, when a sentence naming the person by surname is
            chosen and none naming them in full (`coverage.Program.first_mentions`).
        revised: sentences that give a figure a newer article revised ("injuring 12" before
            "has risen to 14"), each with the sentences that give the figure as it now stands:
            chosen only together with one of them, which is shown right after it.
        update: an update summary (`blocked` holds the sentences that repeat what the reader
            saw); the prior then keeps PRIOR_WEIGHT in a long-running story too.
        alone: sentences whose dangling opening the rewriter names when they stand alone, with
            that text and the words it adds (`synopsis.rewrite.standalone_opening`): such a
            sentence may be chosen without its predecessor, the words reserved.
        semantic: also weigh two articles' retellings in other words, by the sentence
            encoder's meaning vectors where it is installed (`synopsis.summarizer.repeats`).

    Returns:
        The chosen sentence positions in reading order.
    """
    shown = [s.text for s in sentences] if texts is None else list(texts)
    long_story = ordering.long_running(list((published or {}).values()))
    if not update and long_story:
        scale = LONG_STORY_PRIOR_WEIGHT / PRIOR_WEIGHT
        scores = replace(scores, position_prior=tuple(p * scale for p in scores.position_prior))
    words = [len(t.split()) for t in shown]
    # a sentence that begins inside another sentence's quotation would lose its speaker
    barred = frozenset(blocked) | continuation.inside_quotation(sentences)
    if drop_promotional:
        barred |= _captions(sentences)
    cands = [
        i
        for i, t in enumerate(shown)
        if i not in barred
        and words[i] <= max_words
        and (
            eligible(t, drop_promotional=drop_promotional, antecedent=antecedents)
            or short_lead(t, sentences[i].index, drop_promotional, antecedents)
        )
    ]
    # A sentence that needs the one before it may be chosen only with it (an ILP constraint); one
    # that opens with a dangling word but has no sentence before it is not chosen at all.
    needs = coherence.antecedents(sentences, shown, only=cands) if antecedents else {}
    freed = coherence.released(needs, alone or {}, sentences, shown) if antecedents else {}
    needs = {i: a for i, a in needs.items() if i not in freed}
    cands = coherence.with_companions(cands, needs, revised or {})
    if not cands:
        # Nothing passes the filters: fall back to any sentence that fits, to say something.
        cands = [i for i, n in enumerate(words) if 0 < n <= max_words and i not in barred]
    if not cands:
        return Selection(indices=(), method="none")
    if len(cands) > ILP_CANDIDATES:
        # Keep the sentences with the most concept weight per word (and the prior) for the ILP.
        def density(i: int) -> float:
            gain = math.fsum(scores.weights[c] for c in scores.sentence_concepts[i])
            return (gain + PRIOR_WEIGHT * scores.position_prior[i]) / max(1, words[i])

        keep = set(sorted(cands, key=lambda i: (-density(i), i))[:ILP_CANDIDATES])
        cands = coherence.with_companions([i for i in cands if i in keep], needs, revised or {})
    local = {i: k for k, i in enumerate(cands)}
    requires: list[tuple[int, tuple[int, ...]]] = [
        (local[i], (local[a],)) for i, a in needs.items() if i in local and a in local
    ]
    requires += [
        (local[i], tuple(local[a] for a in sorted(group) if a in local))
        for i, group in (revised or {}).items()
        if i in local
    ]
    extra: dict[int, int] = {}
    for i, n in [*(reserved or {}).items(), *freed.items()]:
        if i in local:
            extra[i] = extra.get(i, 0) + n
    lengths = np.array([words[i] + extra.get(i, 0) for i in cands], dtype=float)
    concepts = [scores.sentence_concepts[i] for i in cands]
    prior = np.array([scores.position_prior[i] for i in cands])
    weights = scores.weights
    duplicates = _duplicate_pairs(cands, feats)
    # meaning vectors only where two articles' candidates could retell one another
    several = len({sentences[i].article_id for i in cands}) > 1
    meaning = vectors([shown[i] for i in cands]) if semantic and several else None
    program = Program(
        lengths,
        concepts,
        weights,
        prior,
        max_words,
        duplicates,
        requires,
        PRIOR_WEIGHT,
        first_mentions=_first_mentions(cands, name_costs),
        repeats=repeat_pairs(cands, feats, sentences, concepts, weights, meaning),
    )
    chosen: list[int] | None = None
    method = "ilp"
    if solver == "ilp" and any(concepts):
        where = {(sentences[i].article_id, sentences[i].index): k for k, i in enumerate(cands)}
        adjacent = [
            (k, nxt)
            for k, i in enumerate(cands)
            if (nxt := where.get((sentences[i].article_id, sentences[i].index + 1))) is not None
        ]

        articles = [sentences[i].article_id for i in cands]
        told = definites.Introductions(sentences, shown)
        introduced: set[int] = set()

        def solved(leads: Sequence[int] = ()) -> list[int] | None:
            nonlocal program
            answer: list[int] | None = None
            for _ in range(RETELLING_ROUNDS):
                answer = solve(
                    program,
                    node_limit,
                    adjacent=adjacent if CONTIGUITY_BONUS > 0 else (),
                    leads=leads,
                    contiguity_bonus=CONTIGUITY_BONUS,
                )
                cuts = _retellings(answer or [], concepts, articles)
                # a chosen "the shootings" whose noun only its article's earlier sentences give
                # is chosen again only with one of them (`definites`, a lazy constraint); not in
                # update mode, whose reader read the earlier articles that introduced it
                lacking = {} if update else told.unintroduced([cands[k] for k in answer or []])
                needed = [
                    (local[i], tuple(local[a] for a in group if a in local))
                    for i, group in lacking.items()
                    if local[i] not in introduced
                ]
                introduced.update(k for k, _ in needed)
                if not cuts and not needed:
                    break
                program = replace(
                    program,
                    at_most=(*program.at_most, *cuts),
                    requires=(*program.requires, *needed),
                )
            return answer

        chosen = solved()
        # not in update mode (the reader knows the story; the new articles' leads restate it) nor
        # in a long-running story (each article's lead tells its own event, see the prior above)
        leads = (
            []
            if update or long_story
            else _central_leads(sentences, cands, concepts, weights, prior)
        )
        if chosen and leads and not set(chosen) & set(leads):
            chosen = solved(leads) or chosen
    if chosen is None:
        method = "greedy"
        chosen = greedy(program)
    if not chosen:
        # No sentence adds concept weight (e.g. no shared concepts): lead with the first one
        # that needs no antecedent.
        dependents = {k for k, _ in program.requires}
        chosen = [next((k for k in range(len(cands)) if k not in dependents), 0)]
        method = "lead"
    picked = [cands[k] for k in chosen]
    position = {i: k for k, i in enumerate(picked)}
    follows = {
        position[i]: position[a]
        for i in picked
        if (a := needs.get(i)) is not None and a in position
    }
    for i, group in sorted((revised or {}).items()):
        # the report of the revised figure right after the figure it revises
        after = next((a for a in sorted(group) if a in position), None)
        if i in position and after is not None and position[after] not in follows:
            follows[position[after]] = position[i]
    ordered = reading_order(
        ordering.in_shared_copies(picked, sentences, [f.content for f in feats], DUPLICATE_OVERLAP),
        published or {},
        centrality=[math.fsum(weights[c] for c in scores.sentence_concepts[i]) for i in picked],
        follows=follows,
        texts=[shown[i] for i in picked],
        year=ordering.story_year(list((published or {}).values()), shown),
    )
    return Selection(indices=tuple(picked[k] for k in ordered), method=method)
