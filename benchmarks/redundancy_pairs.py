#!/usr/bin/env python
"""Does word overlap tell when one summary sentence repeats another? Blind readers judge.

Concept coverage counts each bigram once, so a sentence that retells a chosen fact in other
words still brings new bigrams and is chosen; readers name such retellings (`redundant` in
benchmarks/blind_results/2026-12-04-diagnosis-2.md). `synopsis.summarizer.features.repetition`
is the measure (selection now penalizes two articles' pairs at or above
`repeats.CROSS_ARTICLE_REPEAT`): the redundancy term of MMR (Carbonell and Goldstein, "The use of
MMR, diversity-based reranking for reordering documents and producing summaries", SIGIR 1998)
restricted to content stems and weighted by inverse document frequency (the packaged
background, so shared names and numbers count and "said" barely does): the share of the lighter
sentence's content weight that the other holds, 0 below REPEAT_MIN_SHARED shared stems. Which score
means "a reader learns nothing new" is a question for readers, so this script draws pairs of
sentences that Synopsis put in one summary, stratified by their score, and has readers who
know nothing of the measure judge each pair: REPEAT (the later sentence's news is already in the
earlier one; cutting it loses nothing), PARTLY (it repeats the main point but adds a detail
worth keeping) or NEW. `tally` gives, per score band and per threshold, the share of pairs each
answer got, so the threshold can be set where readers call nearly every pair above it a repeat.

Calibration data is the Multi-News test_truncated training part (`stories_eval.multinews_parts`,
the "fit" clusters; never dev, DUC or the held-out part), summarized at 200 words with the
default settings, so the evaluation stories stay unread.

    python benchmarks/redundancy_pairs.py draw [--seed 2029] [--stories 150] [--per-band 16]
        [--packet-size 20] [--out /tmp/redundancy/packets] [--key /tmp/redundancy_key/key.json]
        [--skip SEED:STORIES]... [--cross-only] [--measure words|meaning|quantity]
    python benchmarks/redundancy_pairs.py tally --key KEY ANSWERS... [--out RESULTS.md]
    python benchmarks/redundancy_pairs.py articles --key KEY [--results RESULTS.md]

`--measure meaning` scores pairs under the word-overlap threshold by the cosine of their meaning
vectors; `--measure quantity` draws the pairs under both thresholds that state one quantity or
day ("$53m" and "$53 million"), scored by word overlap, to ask whether a shared figure marks a
retelling (it did not: benchmarks/blind_results/redundancy-pairs-4.md).

`articles` marks each pair of a key drawn before pairs carried it as sentences of two articles or
of one (run it with the tree the key was drawn from), and with `--results` tallies that study's
judgments by it.

Packets and key hold licensed text and stay outside the repository; the results file holds only
cluster ids, scores and answers.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "readability_gold"))

from corpus import commit_label, outside_repo  # noqa: E402
from stories_eval import DATA, multinews_parts  # noqa: E402

from synopsis.model.config import SummarizerConfig  # noqa: E402
from synopsis.model.errors import SynopsisError  # noqa: E402
from synopsis.model.types import Article  # noqa: E402
from synopsis.pipeline import summarize  # noqa: E402
from synopsis.summarizer.features import features, repetition  # noqa: E402
from synopsis.summarizer.repeats import CROSS_ARTICLE_REPEAT, MEANING_REPEAT  # noqa: E402
from synopsis.text import month_number  # noqa: E402
from synopsis.text.dates import MONTH_PATTERN  # noqa: E402
from synopsis.text.embeddings import vectors  # noqa: E402

ANSWERS = ("REPEAT", "PARTLY", "NEW")
# What a pair's score is: word overlap, or the cosine of the sentences' meaning vectors (drawn
# from pairs under selection's word-overlap threshold, the retellings that rule misses).
MEASURES = {
    "words": "`synopsis.summarizer.features.repetition`",
    "meaning": "cosine of `synopsis.text.embeddings.vectors`, pairs whose word overlap "
    "(`features.repetition`) is under `repeats.CROSS_ARTICLE_REPEAT`",
    "quantity": "word overlap (`features.repetition`) of pairs that state one quantity or day "
    "(`quantities`) and that neither `repeats.CROSS_ARTICLE_REPEAT` nor "
    "`repeats.MEANING_REPEAT` already weighs",
}
# Score bands the pairs are drawn from (lower bounds; the last runs to 1).
BANDS = (0.3, 0.4, 0.5, 0.6, 0.7)
# For --measure quantity, word overlap under CROSS_ARTICLE_REPEAT.
QUANTITY_BANDS = (0.0, 0.15, 0.3, 0.45)
RESULTS = HERE / "blind_results" / "redundancy-pairs.md"
QUESTION = (
    "A short news summary contains sentence A and, later, sentence B. Does B tell a reader who "
    "has just read A anything new that matters? Answer REPEAT (B's news is already in A; cutting "
    "B loses nothing), PARTLY (B repeats A's main point but adds a detail worth keeping) or NEW "
    "(B tells something A does not), with a one-line reason."
)
ANSWER_LINE = re.compile(r"\*{0,2}(Q\d+\.\d+)\*{0,2}\s*:\s*\*{0,2}([A-Za-z]+)\*{0,2}\s*\|?\s*(.*)")


# A quantity as written: "$53 million", "$53m", "3,400", "2.1 billion", "30 percent"; and a day,
# "Oct. 16".
_AMOUNT = re.compile(
    r"(?<![\w.,/-])(?P<money>\$)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>million|billion|trillion|m|bn)\b)?(?P<share>\s*(?:percent\b|%))?"
)
_DAY = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>[0-3]?\d)\b(?!\d)")
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def quantities(text: str) -> frozenset[str]:
    """The quantities and days a sentence states, normalized ("$53m" and "$53 million" alike).

    A bare number under 10 (counted in words as often as in digits) and a year alone
    (1900-2030) are left out: neither singles out one fact.

    Args:
        text: one sentence.

    Returns:
        Each quantity as a normalized string ("53000000", "30%", "day 10-16").
    """
    found: set[str] = set()
    for m in _DAY.finditer(text):
        found.add(f"day {month_number(m.group('month')):02d}-{int(m.group('day')):02d}")
    days = [m.span("day") for m in _DAY.finditer(text)]
    for m in _AMOUNT.finditer(text):
        if any(s <= m.start("n") < e for s, e in days):
            continue
        value = float(m.group("n").replace(",", ""))
        scale, money, share = m.group("scale"), m.group("money"), m.group("share")
        if scale:
            value *= _SCALE[scale]
        elif (
            not money
            and not share
            and (value < 10 or (1900 <= value <= 2030 and value.is_integer()))
        ):
            continue
        found.add(f"{value:g}{'%' if share else ''}")
    return frozenset(found)


def auc(scores: Sequence[float], positive: Sequence[float]) -> float:
    """Probability that a pair judged positive outscores one judged negative (ties count half).

    `positive` is each pair's share of positive readings, so a split pair counts partly as both.
    """
    num = den = 0.0
    for x1, y1 in zip(scores, positive, strict=True):
        for x2, y2 in zip(scores, positive, strict=True):
            weight = y1 * (1.0 - y2)
            if weight:
                den += weight
                num += weight * (1.0 if x1 > x2 else 0.5 if x1 == x2 else 0.0)
    return num / den if den else 0.5


def _band(score: float, bands: Sequence[float] = BANDS) -> float:
    return max(b for b in bands if score >= b)


def _stories(
    rng: random.Random, count: int, skip: Sequence[tuple[int, int]]
) -> list[dict[str, Any]]:
    """`count` fit stories drawn with `rng`, none of those earlier draws (seed, count) took."""
    rows = multinews_parts()["fit"]
    taken = {r["id"] for s, n in skip for r in random.Random(s).sample(rows, min(n, len(rows)))}
    left = [r for r in rows if r["id"] not in taken]
    return rng.sample(left, min(count, len(left)))


def _summary(row: dict[str, Any]) -> tuple[list[str], list[str]] | None:
    """A story's summary at 200 words: its sentences and the article each was selected from."""
    articles = [Article(id=d["id"], text=d["text"], title=d.get("title")) for d in row["documents"]]
    config = SummarizerConfig.from_mapping({"max_words": 200, "analyze": False})
    try:
        sentences = summarize(articles, config).sentences
    except SynopsisError:
        return None
    return [s.text for s in sentences], [s.sources[0].article for s in sentences]


def _seed_stories(text: str) -> tuple[int, int]:
    """An earlier draw's --seed and --stories, written SEED:STORIES (an argparse type)."""
    seed, sep, count = text.partition(":")
    if not (sep and seed.isdigit() and count.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r}: write an earlier draw as SEED:STORIES")
    return int(seed), int(count)


def draw(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    stories = _stories(rng, args.stories, args.skip)
    bands = QUANTITY_BANDS if args.measure == "quantity" else BANDS
    pools: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for row in stories:
        got = _summary(row)
        if got is None:
            continue
        texts, sources = got
        content = [features(t).content for t in texts]
        meaning = vectors(texts) if args.measure != "words" else None
        if args.measure != "words" and meaning is None:
            raise SystemExit(f"--measure {args.measure} needs the encoder: install 'semantic'")
        stated = [quantities(t) for t in texts]
        for a in range(len(texts)):
            for b in range(a + 1, len(texts)):
                cross = sources[a] != sources[b]
                words = repetition(content[a], content[b])
                score = words if args.measure != "meaning" else float(meaning[a] @ meaning[b])
                if meaning is not None and words >= CROSS_ARTICLE_REPEAT:
                    continue  # selection's word-overlap rule already weighs these
                if args.measure == "quantity" and (
                    not stated[a] & stated[b] or float(meaning[a] @ meaning[b]) >= MEANING_REPEAT
                ):
                    continue
                if score >= bands[0] and (cross or not args.cross_only):
                    pools[_band(score, bands)].append(
                        {"story": row["id"], "a": a, "b": b, "score": round(score, 3),
                         "words": round(words, 3), "cross": cross, "first": texts[a],
                         "second": texts[b]}
                    )  # fmt: skip
    chosen = []
    for band in bands:
        pool = pools[band]
        got = rng.sample(pool, min(args.per_band, len(pool)))
        print(f"band {band:.1f}: {len(pool)} pairs, {len(got)} drawn")
        chosen += got
    rng.shuffle(chosen)
    n_packets = max(1, round(len(chosen) / args.packet_size))
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("packet_*.md"):
        old.unlink()
    options = "".join(f" --skip {seed}:{count}" for seed, count in args.skip)
    options += " --cross-only" * args.cross_only
    options += f" --measure {args.measure}" * (args.measure != "words")
    key: dict[str, Any] = {
        "measure": args.measure,
        "draw": f"python benchmarks/redundancy_pairs.py draw --seed {args.seed} "
        f"--stories {args.stories} --per-band {args.per_band} --packet-size {args.packet_size}"
        + options,
        "commit": commit_label(),
        "pairs": {},
    }
    for p in range(n_packets):
        lines = [f"# Reading packet {p + 1} of {n_packets}", "", f"> {QUESTION}", "",
                 "Judge each pair on its own. Write one line per pair, in exactly this form "
                 "(the template is at the end):", "",
                 "    Q0.00: NEW | A gives the verdict, B the sentence", "", "---", ""]  # fmt: skip
        ids = []
        for item, pair in enumerate(chosen[p::n_packets], start=1):
            pid = f"Q{p + 1}.{item:02d}"
            ids.append(pid)
            lines += [f"## Pair {pid}", "", f"A: {pair['first']}", "", f"B: {pair['second']}", ""]
            key["pairs"][pid] = {k: pair[k] for k in ("story", "a", "b", "score", "words", "cross")}
        lines += ["---", "", "## Answer template", "", "```", *(f"{i}: ??? | " for i in ids), "```"]
        (args.out / f"packet_{p + 1}.md").write_text("\n".join(lines) + "\n", "utf-8")
    args.key.parent.mkdir(parents=True, exist_ok=True)
    args.key.write_text(json.dumps(key, indent=1), "utf-8")
    print(f"{n_packets} packets in {args.out}; key {args.key}")


def _by_articles(pairs: dict[str, Any], votes: dict[str, Counter[str]]) -> list[str]:
    """Answers per threshold for pairs of two articles' sentences and of one article's."""
    out = ["By where the two sentences come from, pairs at or above each threshold (answers "
           "summed over readings):", "",
           "| sentences of | threshold | pairs | REPEAT | PARTLY | NEW |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for cross in (True, False):
        for t in (0.3, 0.5, 0.55, 0.6, 0.7):
            ids = [p for p in votes if pairs[p]["cross"] == cross and pairs[p]["score"] >= t]
            if ids:
                cells = " | ".join(str(sum(votes[p][a] for p in ids)) for a in ANSWERS)
                where = "two articles" if cross else "one article"
                out.append(f"| {where} | {t:.2f} | {len(ids)} | {cells} |")
    return out


_JUDGMENT = re.compile(r"\| (Q\d+\.\d+) \| \S+ \| \d+ \| \d+ \| [\d.]+ \| (.+) \|")


def articles(args: argparse.Namespace) -> None:
    """Mark each pair of an earlier key as two articles' sentences or one's ("cross").

    Keys drawn before the field existed lack it; the story's summary is made again, so run this
    with the tree the key names (`PYTHONPATH=<worktree>/src`), whose summaries it drew from.
    """
    key = json.loads(args.key.read_text("utf-8"))
    rows = {r["id"]: r for r in multinews_parts()["fit"]}
    made: dict[str, list[str] | None] = {}
    for pair in key["pairs"].values():
        if pair["story"] not in made:
            got = _summary(rows[pair["story"]])
            made[pair["story"]] = got[1] if got else None
        sources = made[pair["story"]]
        if sources is None:
            raise SystemExit(f"{pair['story']}: no summary; is this the tree of {key['commit']}?")
        pair["cross"] = sources[pair["a"]] != sources[pair["b"]]
    args.key.write_text(json.dumps(key, indent=1), "utf-8")
    print(f"{sum(p['cross'] for p in key['pairs'].values())} of {len(key['pairs'])} pairs cross")
    if args.results:
        # the judgments table of a results file whose answer files were not kept
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for line in args.results.read_text("utf-8").splitlines():
            if m := _JUDGMENT.fullmatch(line.strip()):
                for item in m.group(2).split(", "):
                    answer, count = item.split()
                    votes[m.group(1)][answer] += int(count)
        print("\n".join(_by_articles(key["pairs"], votes)))


def tally(args: argparse.Namespace) -> None:
    key = json.loads(args.key.read_text("utf-8"))
    pairs: dict[str, dict[str, Any]] = key["pairs"]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for path in args.answers:
        for line in Path(path).read_text("utf-8").splitlines():
            m = ANSWER_LINE.match(line.strip())
            if m and m.group(1) in pairs and m.group(2).upper() in ANSWERS:
                votes[m.group(1)][m.group(2).upper()] += 1
    # each pair's readings split one vote among its readers
    share = {pid: {a: c[a] / sum(c.values()) for a in ANSWERS} for pid, c in votes.items()}
    agree = sum(1 for c in votes.values() if len(c) == 1 and sum(c.values()) > 1)
    multi = sum(1 for c in votes.values() if sum(c.values()) > 1)
    out = [
        "# Repetition between summary sentences: blind readers' calibration (issue 13)",
        "",
        f'Question: "{QUESTION}"',
        "",
        f"Pairs: `{key['draw']}` (commit {key['commit']}), sentences of Synopsis summaries of "
        "Multi-News training-part stories at 200 words; packets stay outside the repository.",
        f"Readings: `python benchmarks/redundancy_pairs.py tally --key KEY "
        f"{' '.join(Path(a).name for a in args.answers)}`. {args.readers}",
        f"Pairs judged: {len(votes)} of {len(pairs)}; read more than once: {multi}, "
        f"all readers agreeing on {agree}.",
        "",
        f"Share of answers per score band ({MEASURES[key.get('measure', 'words')]}):",
        "",
        "| band | pairs | REPEAT | PARTLY | NEW |",
        "|---|---|---|---|---|",
    ]
    bands = QUANTITY_BANDS if key.get("measure") == "quantity" else BANDS
    for band in bands:
        ids = [p for p in share if _band(pairs[p]["score"], bands) == band]
        if ids:
            cells = [f"{sum(share[p][a] for p in ids) / len(ids):.0%}" for a in ANSWERS]
            out.append(f"| {band:.1f}+ | {len(ids)} | " + " | ".join(cells) + " |")
    out += ["", "Pairs at or above each threshold:", "",
            "| threshold | pairs | REPEAT | REPEAT or PARTLY |", "|---|---|---|---|"]  # fmt: skip
    thresholds = (0.0, 0.1, 0.15, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
    for t in thresholds if bands is QUANTITY_BANDS else thresholds[4:]:
        ids = [p for p in share if pairs[p]["score"] >= t]
        if ids:
            rep = sum(share[p]["REPEAT"] for p in ids) / len(ids)
            both = sum(share[p]["REPEAT"] + share[p]["PARTLY"] for p in ids) / len(ids)
            out.append(f"| {t:.2f} | {len(ids)} | {rep:.0%} | {both:.0%} |")
    if all("cross" in pairs[p] for p in share):
        out += ["", *_by_articles(pairs, votes)]
    ids = sorted(share)
    score = [pairs[p]["score"] for p in ids]
    rep = auc(score, [share[p]["REPEAT"] for p in ids])
    both = auc(score, [share[p]["REPEAT"] + share[p]["PARTLY"] for p in ids])
    out += ["", f"How well the score ranks the pairs (AUC; 0.5 is chance): REPEAT against the "
            f"rest {rep:.2f}, REPEAT or PARTLY against NEW {both:.2f}."]  # fmt: skip
    out += ["", "## Judgments", "", "| pair | story | A | B | score | answers |",
            "|---|---|---|---|---|---|"]  # fmt: skip
    for pid in sorted(votes, key=lambda p: tuple(int(x) for x in p[1:].split("."))):
        k = pairs[pid]
        answers = ", ".join(f"{a} {n}" for a, n in sorted(votes[pid].items()))
        out.append(f"| {pid} | {k['story']} | {k['a']} | {k['b']} | {k['score']} | {answers} |")
    args.out.write_text("\n".join(out) + "\n", "utf-8")
    print("\n".join(out[: out.index("## Judgments")]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    dr = sub.add_parser("draw")
    dr.add_argument("--seed", type=int, default=2029)
    dr.add_argument("--stories", type=int, default=150)
    dr.add_argument("--per-band", type=int, default=16)
    dr.add_argument("--packet-size", type=int, default=20)
    dr.add_argument("--out", type=Path, default=Path("/tmp/redundancy/packets"))
    dr.add_argument("--key", type=Path, default=Path("/tmp/redundancy_key/key.json"))
    dr.add_argument(
        "--skip",
        action="append",
        default=[],
        type=_seed_stories,
        metavar="SEED:STORIES",
        help="leave out the stories an earlier draw took (its --seed and --stories); repeatable",
    )
    dr.add_argument(
        "--cross-only", action="store_true", help="only pairs of sentences of different articles"
    )
    dr.add_argument(
        "--measure",
        choices=sorted(MEASURES),
        default="words",
        help="score pairs by word overlap or by meaning (the `semantic` extra's encoder)",
    )
    ar = sub.add_parser("articles")
    ar.add_argument("--key", type=Path, default=Path("/tmp/redundancy_key/key.json"))
    ar.add_argument("--results", type=Path, default=None, help="tally its judgments table too")
    ta = sub.add_parser("tally")
    ta.add_argument("--key", type=Path, default=Path("/tmp/redundancy_key/key.json"))
    ta.add_argument("answers", nargs="+")
    ta.add_argument("--out", type=Path, default=RESULTS)
    ta.add_argument("--readers", default="", help="who the readers were (one sentence)")
    args = parser.parse_args(argv)
    if args.cmd == "tally":
        tally(args)
        return 0
    if args.cmd == "articles":
        articles(args)
        return 0
    outside_repo(args.out, args.key)
    if not DATA.is_dir():
        print(f"no evaluation data at {DATA}", file=sys.stderr)
        return 2
    draw(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
