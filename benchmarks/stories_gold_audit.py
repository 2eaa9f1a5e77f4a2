#!/usr/bin/env python
"""Blind audit of the story labels behind the issue-11 clustering figures.

Question: how much of our B-cubed loss on the Multi-News held-out stream (or, with `--stream`,
another stream of `stories_eval.py`, such as DUC 2007, whose gold stories are topics followed
for years) comes from the gold clusters themselves (unrelated articles joined in one cluster;
one event split over two)? Blind readers judge article pairs; nothing here asserts the answer.

    python benchmarks/stories_gold_audit.py draw [--out /tmp/gold_audit/packets]
        [--key /tmp/gold_audit_key/key.json] [--per-stratum 40] [--packet-size 20] [--copies 1]
        [--seed 2027] [--words 250] [--stream heldout]
    python benchmarks/stories_gold_audit.py ingest --key KEY ANSWERS... [--out RESULTS.md]
        [--reasons]

`draw` runs the online clusterer over the stream exactly as `stories_eval.py eval
--streams STREAM` does, and samples article pairs in three strata:
  missed  - gold puts the two in one story, ours splits them (recall errors);
  extra   - ours joins them, gold splits them (precision errors);
  agreed  - both join them (a control: how often readers reject a pair both sides accept).
Sampling is proportional to each pair's B-cubed weight, with replacement, a repeated draw drawn
again: B-cubed precision loss is 1 - P = (2/n) * sum over extra pairs of 1/|C| (C the pair's
predicted story), recall loss 1 - R = (2/n) * sum over missed pairs of 1/|G| (G its gold story),
so the share of sampled missed (extra) pairs readers call a gold error estimates the share of
the recall (precision) loss that is gold error. Agreed pairs are weighted 1/|C| likewise (their
share of B-cubed precision credit). `draw` checks both identities against `scores`.

Packets (licensed article text, truncated to --words words) go OUTSIDE the repository, with no
hint of stratum, system or dataset ids: pairs get opaque ids (P<packet>.<item>), the two
articles of a pair are put in random order, and the strata are shuffled together. The key
(pair id -> article ids, stratum, weight, and the loss figures of the draw) goes to a separate
file readers never see. The key also flags pairs with an article whose opening opens an
article of another gold story (scraped site chrome; stories_eval's training filter), which
`ingest` tallies apart.

`ingest` parses answer lines `P3.07: SAME | reason` (RELATED, DIFFERENT likewise; case and
markdown decoration ignored), joins them with the key and writes ids, strata, answers and
tallies (never article text, never the readers' reasons) to
benchmarks/blind_results/stories-gold-audit.md; it prints per-stratum shares with Wilson 95%
intervals (Wilson 1927) and the estimated share of our B-cubed loss that is gold-label error.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "readability_gold"))

from corpus import commit_label, outside_repo  # noqa: E402
from stories_eval import (  # noqa: E402
    DATA,
    STREAMS,
    Stream,
    _without_shared_boilerplate,
    run_online,
    scores,
)

ANSWERS = ("SAME", "RELATED", "DIFFERENT")
STRATA = ("missed", "extra", "agreed")
RESULTS = HERE / "blind_results" / "stories-gold-audit.md"
# How the results name each stream that has been audited (others by their STREAMS key).
STREAM_NAMES = {
    "heldout": "Multi-News held-out part (stories_eval.py STREAMS['heldout'])",
    "duc2007": "DUC 2007 main + update in publication order (stories_eval.py STREAMS['duc2007'])",
    "duc2004": "DUC 2004 in publication order (stories_eval.py STREAMS['duc2004'])",
}
# The dataset name a results file's title gives each stream.
TITLES = {"duc2007": "DUC 2007", "duc2004": "DUC 2004"}
DEFAULT_OUT = Path("/tmp/gold_audit/packets")
DEFAULT_KEY = Path("/tmp/gold_audit_key/key.json")
Z95 = 1.959963984540054

# The pair id of the example answer in the packets' instructions; never a real pair, never read.
EXAMPLE_ID = "P0.00"
QUESTION = (
    "Are these two articles about the same news story (the same specific event or "
    "development, as a news site would group them)? Answer SAME, RELATED (same broad topic, "
    "different event) or DIFFERENT, with a one-line reason."
)

# An answer line: pair id, separators (spaces, colon, dash, bar, markdown bold/code), answer
# word, then an optional reason. A template line ("P3.07: ??? | ") does not match.
ANSWER_LINE = re.compile(
    r"(?<![\w.])(P\d+\.\d+)[\s:*`|\-\u2013\u2014.)\]=]+(SAME|RELATED|DIFFERENT)\b[\s*`|:\-\u2013\u2014.,;]*(.*)$",
    re.IGNORECASE,
)


# -- sampling ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One unordered article pair (stream positions i < j) of a stratum, with its weight."""

    i: int
    j: int
    weight: float


def strata(pred: Sequence[object], gold: Sequence[object]) -> dict[str, list[Candidate]]:
    """Every pair of each stratum with its B-cubed weight (1/|G| missed, 1/|C| extra, agreed)."""
    by_pred: dict[object, list[int]] = defaultdict(list)
    by_gold: dict[object, list[int]] = defaultdict(list)
    for k, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].append(k)
        by_gold[g].append(k)
    out: dict[str, list[Candidate]] = {s: [] for s in STRATA}
    for members in by_gold.values():
        w = 1.0 / len(members)
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                if pred[i] != pred[j]:
                    out["missed"].append(Candidate(i, j, w))
    for members in by_pred.values():
        w = 1.0 / len(members)
        for a, i in enumerate(members):
            for j in members[a + 1 :]:
                out["agreed" if gold[i] == gold[j] else "extra"].append(Candidate(i, j, w))
    return out


def pps_sample(cands: Sequence[Candidate], k: int, rng: random.Random) -> list[Candidate]:
    """Up to k distinct pairs drawn with probability proportional to weight (repeats redrawn)."""
    if len(cands) <= k:
        return list(cands)
    weights = [c.weight for c in cands]
    chosen: dict[tuple[int, int], Candidate] = {}
    while len(chosen) < k:
        c = rng.choices(cands, weights=weights)[0]
        chosen.setdefault((c.i, c.j), c)
    return list(chosen.values())


def truncate(text: str, words: int) -> str:
    """The first `words` whitespace-separated words, marked when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" [...]" if len(parts) > words else "")


# -- packets -----------------------------------------------------------------------------------


def packet_text(number: int, total: int, items: Sequence[tuple[str, str, str]]) -> str:
    """A reader packet: instructions, the pairs, and an answer template to fill in."""
    lines = [
        f"# Reading packet {number} of {total}",
        "",
        f"This packet holds {len(items)} pairs of news articles. For each pair:",
        "",
        f"> {QUESTION}",
        "",
        "Texts are cut to their first words and may be lowercased or carry website clutter; "
        "judge what the articles report. If one text is not a news article at all (only site "
        "boilerplate), answer DIFFERENT and say so in the reason. Judge each pair on its own.",
        "",
        "Write your answers in a plain text file, one line per pair, in exactly this form "
        "(the template is at the end of this packet):",
        "",
        f"    {EXAMPLE_ID}: SAME | both report the senate vote on the budget bill",
        "",
        f"({EXAMPLE_ID} is only an example; the real pair ids start at P{number}.01.)",
        "",
    ]
    for pair_id, first, second in items:
        lines += [
            "---",
            "",
            f"## Pair {pair_id}",
            "",
            "### Article 1",
            "",
            first,
            "",
            "### Article 2",
            "",
            second,
            "",
            f"Answer for {pair_id}: one of SAME, RELATED, DIFFERENT, and a one-line reason.",
            "",
        ]
    lines += [
        "---",
        "",
        "## Answer template",
        "",
        "Replace each ??? with SAME, RELATED or DIFFERENT and add a one-line reason after the |:",
        "",
        "```",
        *(f"{pair_id}: ??? | " for pair_id, _, _ in items),
        "```",
        "",
    ]
    return "\n".join(lines)


def draw(args: argparse.Namespace) -> None:
    stream: Stream = STREAMS[args.stream]()
    gold = [g for _, g in stream]
    pred = run_online(stream)
    s = scores(pred, gold)
    n = len(stream)
    pools = strata(pred, gold)
    # Articles whose opening also opens an article of another gold story: scraped site chrome
    # ("This will appear next to all of your comments ..."), flagged so ingest can tally apart.
    kept = {a.id for a, _ in _without_shared_boilerplate(stream)}
    # The pair weights must account for the whole B-cubed loss (see the module docstring).
    loss_p = 2.0 / n * sum(c.weight for c in pools["extra"])
    loss_r = 2.0 / n * sum(c.weight for c in pools["missed"])
    assert math.isclose(loss_p, 1 - s["b3_p"], abs_tol=1e-9), (loss_p, s["b3_p"])
    assert math.isclose(loss_r, 1 - s["b3_r"], abs_tol=1e-9), (loss_r, s["b3_r"])
    credit_p = 2.0 / n * sum(c.weight for c in pools["agreed"])
    print(f"{args.stream}: {n} articles, {len(set(gold))} gold stories, {len(set(pred))} ours")
    print(f"B3 P {s['b3_p']:.4f} R {s['b3_r']:.4f} F1 {s['b3_f1']:.4f}")
    rng = random.Random(args.seed)
    chosen: list[tuple[str, Candidate]] = []
    for name in STRATA:
        got = pps_sample(pools[name], args.per_stratum, rng)
        print(f"{name}: {len(pools[name])} pairs in the stream, {len(got)} drawn")
        chosen += [(name, c) for c in got]

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("packet_*.md"):
        old.unlink()
    n_packets = max(1, round(len(chosen) / args.packet_size))
    key_pairs: dict[str, dict[str, Any]] = {}
    packets: list[list[tuple[str, str, str]]] = []
    for copy in range(args.copies):
        order = list(chosen)
        rng.shuffle(order)
        for p in range(n_packets):
            number = copy * n_packets + p + 1
            items: list[tuple[str, str, str]] = []
            for item, (name, c) in enumerate(order[p::n_packets], start=1):
                pair_id = f"P{number}.{item:02d}"
                first, second = (c.i, c.j) if rng.random() < 0.5 else (c.j, c.i)
                texts = [
                    truncate(f"{stream[k][0].title or ''}\n{stream[k][0].text}", args.words)
                    for k in (first, second)
                ]
                items.append((pair_id, texts[0], texts[1]))
                key_pairs[pair_id] = {
                    "pair": f"{stream[c.i][0].id}|{stream[c.j][0].id}",
                    "article_1": stream[first][0].id,
                    "article_2": stream[second][0].id,
                    "stratum": name,
                    "boilerplate": stream[c.i][0].id not in kept or stream[c.j][0].id not in kept,
                    "weight": c.weight,
                    "packet": number,
                }
            packets.append(items)
    total = len(packets)
    for number, items in enumerate(packets, start=1):
        (out / f"packet_{number}.md").write_text(packet_text(number, total, items), "utf-8")
    key = {
        "draw": (
            f"python benchmarks/stories_gold_audit.py draw --seed {args.seed} "
            f"--per-stratum {args.per_stratum} --packet-size {args.packet_size} "
            f"--copies {args.copies} --words {args.words}"
            + ("" if args.stream == "heldout" else f" --stream {args.stream}")
        ),
        "commit": commit_label(),
        "stream": STREAM_NAMES.get(args.stream, f"stories_eval.py STREAMS[{args.stream!r}]"),
        "stream_key": args.stream,
        "articles": n,
        "b3_p": s["b3_p"],
        "b3_r": s["b3_r"],
        "b3_f1": s["b3_f1"],
        "loss_p": loss_p,
        "loss_r": loss_r,
        "agreed_credit_p": credit_p,
        "population": {name: len(pools[name]) for name in STRATA},
        "pairs": key_pairs,
    }
    args.key.parent.mkdir(parents=True, exist_ok=True)
    args.key.write_text(json.dumps(key, indent=1), "utf-8")
    print(f"{total} packets in {out} ({len(key_pairs)} pair readings); key {args.key}")


# -- ingest ------------------------------------------------------------------------------------


def parse_answers(text: str) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Answer lines of one reader: {pair id: (ANSWER, reason)}, and problems found.

    A pair answered twice with different answers is a problem (the first answer is kept); the
    example id of the instructions is skipped.
    """
    found: dict[str, tuple[str, str]] = {}
    problems: list[str] = []
    for line in text.splitlines():
        m = ANSWER_LINE.search(line.strip())
        if m is None:
            continue
        pair_id, answer, reason = m.group(1).upper(), m.group(2).upper(), m.group(3).strip()
        if pair_id == EXAMPLE_ID:
            continue
        if pair_id in found and found[pair_id][0] != answer:
            problems.append(f"{pair_id} answered twice ({found[pair_id][0]}, {answer})")
            continue
        found.setdefault(pair_id, (answer, reason))
    return found, problems


def wilson(successes: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (successes may be fractional)."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return (max(0.0, (centre - half) / denom), min(1.0, (centre + half) / denom))


def shares(votes: Iterable[Sequence[str]]) -> tuple[dict[str, float], int]:
    """Per answer, the number of pairs voting it (a pair's readers split its one vote)."""
    counts: dict[str, float] = dict.fromkeys(ANSWERS, 0.0)
    n = 0
    for answers in votes:
        if not answers:
            continue
        n += 1
        for a in answers:
            counts[a] += 1.0 / len(answers)
    return counts, n


# Which answer makes a pair a gold-label error, under the two readings of RELATED.
GOLD_ERROR = {
    "related_is_same": {"missed": ("DIFFERENT",), "extra": ("SAME", "RELATED")},
    "related_is_different": {"missed": ("RELATED", "DIFFERENT"), "extra": ("SAME",)},
}
# Agreed pairs the readers reject (both gold and ours joined two stories).
AGREED_WRONG = {"related_is_same": ("DIFFERENT",), "related_is_different": ("RELATED", "DIFFERENT")}


def _share(k: float, n: int) -> str:
    """`k/n` as a percentage with its Wilson 95% interval, or n/a when nothing was judged."""
    if n == 0:
        return "n/a"
    lo, hi = wilson(k, n)
    return f"{k / n:.0%} [{lo:.0%}, {hi:.0%}]"


def gold_error_estimates(
    counts: dict[str, dict[str, float]], ns: dict[str, int], key: dict[str, Any]
) -> list[str]:
    """Markdown lines: the share of our B-cubed loss that is gold error, and implied B3."""
    lp, lr, credit = key["loss_p"], key["loss_r"], key["agreed_credit_p"]
    lines: list[str] = []
    for reading, rule in GOLD_ERROR.items():
        k = {name: sum(counts[name][a] for a in answers) for name, answers in rule.items()}
        k["agreed"] = sum(counts["agreed"][a] for a in AGREED_WRONG[reading])
        label = "the same" if reading == "related_is_same" else "a different"
        head = (
            f"- RELATED read as {label} story: gold error in {_share(k['missed'], ns['missed'])} "
            f"of missed pairs, {_share(k['extra'], ns['extra'])} of extra pairs; agreed pairs "
            f"rejected {_share(k['agreed'], ns['agreed'])}."
        )
        if not (ns["missed"] and ns["extra"]):
            lines.append(head + " (No loss share: a stratum has no judgments.)")
            continue
        g = {name: (k[name] / ns[name], *wilson(k[name], ns[name])) for name in ("missed", "extra")}
        share = [(g["extra"][x] * lp + g["missed"][x] * lr) / (lp + lr) for x in range(3)]
        rejected = k["agreed"] / ns["agreed"] if ns["agreed"] else 0.0
        p_new = 1 - (1 - g["extra"][0]) * lp - rejected * credit
        r_new = 1 - (1 - g["missed"][0]) * lr
        f_new = 2 * p_new * r_new / (p_new + r_new)
        lines.append(
            f"{head} Share of our B-cubed loss that is gold error: **{share[0]:.0%}** "
            f"[{share[1]:.0%}, {share[2]:.0%}]. First-order B3 against corrected labels: "
            f"P {p_new:.3f}, R {r_new:.3f}, F1 {f_new:.3f} (measured {key['b3_f1']:.3f})."
        )
    return lines


HOW = """\
How the estimate is computed. B-cubed loss splits exactly over pairs: 1 - P = (2/n) * sum of
1/|C| over extra pairs, 1 - R = (2/n) * sum of 1/|G| over missed pairs (checked at draw time).
Pairs were drawn with probability proportional to that weight, so the share g_m of missed pairs
judged a gold error estimates the share of the recall loss that is gold error, g_e likewise for
the precision loss. Share of the loss = (g_e * (1 - P) + g_m * (1 - R)) / ((1 - P) + (1 - R));
its bracket combines the Wilson bounds of g_e and g_m (conservative). Missed pair = gold error
when readers do not find one story in it; extra pair = gold error when they do. The first-order
B3 moves g_m of the recall loss and g_e of the precision loss to credit and charges agreed pairs
readers reject as precision loss (share of agreed x their precision credit).

Caveats: the pairs both gold and ours split were not sampled (one event split over two gold
clusters that we split too stays invisible, so the estimate favours gold); the first-order B3
ignores how relabelling would resize clusters (B-cubed weights are 1/size) and the recall side
of rejected agreed pairs; reader judgments are not ground truth either (see the agreement
line above) and RELATED is a judgment call, hence both readings; pairs with several readers
split one vote among them; texts were cut to the packets' word limit; one held-out draw, one
seed."""


def tally(
    by_pair: dict[str, list[str]],
    info: dict[str, dict[str, Any]],
    keep: Callable[[dict[str, Any]], bool],
) -> tuple[dict[str, dict[str, float]], dict[str, int], list[str]]:
    """Per stratum, answer counts and pairs judged (of the pairs `keep` accepts), as a table."""
    counts: dict[str, dict[str, float]] = {}
    ns: dict[str, int] = {}
    table = ["| stratum | pairs | SAME | RELATED | DIFFERENT |", "|---|---|---|---|---|"]
    for name in STRATA:
        chosen = (v for p, v in by_pair.items() if info[p]["stratum"] == name and keep(info[p]))
        counts[name], ns[name] = shares(chosen)
        cells = [_share(counts[name][a], ns[name]) for a in ANSWERS]
        table.append(f"| {name} | {ns[name]} | {' | '.join(cells)} |")
    return counts, ns, table


def ingest(args: argparse.Namespace) -> None:
    key = json.loads(Path(args.key).read_text("utf-8"))
    pairs: dict[str, dict[str, Any]] = key["pairs"]
    judged: dict[str, tuple[str, str]] = {}
    problems: list[str] = []
    for path in args.answers:
        found, probs = parse_answers(Path(path).read_text("utf-8"))
        problems += [f"{path}: {p}" for p in probs]
        for pair_id, value in found.items():
            if pair_id not in pairs:
                problems.append(f"{path}: unknown pair id {pair_id}")
            elif pair_id in judged:
                problems.append(f"{path}: {pair_id} already answered in another file")
            else:
                judged[pair_id] = value
    missing = sorted(set(pairs) - set(judged), key=_pair_order)
    for p in problems:
        print(f"warning: {p}", file=sys.stderr)
    if missing:
        print(f"warning: {len(missing)} pair ids unanswered: {' '.join(missing)}", file=sys.stderr)
    if not judged:
        raise SystemExit("no answers parsed")

    by_pair: dict[str, list[str]] = defaultdict(list)  # canonical pair -> answers
    info: dict[str, dict[str, Any]] = {}
    for pair_id in sorted(judged, key=_pair_order):
        entry = pairs[pair_id]
        by_pair[entry["pair"]].append(judged[pair_id][0])
        info[entry["pair"]] = entry
    counts, ns, table = tally(by_pair, info, lambda e: True)
    clean = tally(by_pair, info, lambda e: not e.get("boilerplate", False))[2]
    multi = [v for v in by_pair.values() if len(v) > 1]
    agreement = (
        f"Pairs read by more than one reader: {len(multi)}; all readers agreed on "
        f"{sum(len(set(v)) == 1 for v in multi)} of them."
        if multi
        else "Each pair was read by one reader (no agreement figure)."
    )
    if args.readers:
        agreement = f"Readers: {args.readers} {agreement}"
    estimates = gold_error_estimates(counts, ns, key)
    print("\n".join(table))
    print("\nwithout shared-boilerplate pairs:")
    print("\n".join(clean))
    print()
    print("\n".join(estimates))
    if args.reasons:
        for pair_id in sorted(judged, key=_pair_order):
            print(f"{pair_id} [{pairs[pair_id]['stratum']}] {judged[pair_id][0]}: "
                  f"{judged[pair_id][1]}")  # fmt: skip

    judgments = [
        "| pair id | article 1 | article 2 | stratum | boilerplate | answer |",
        "|---|---|---|---|---|---|",
        *(
            f"| {pid} | {pairs[pid]['article_1']} | {pairs[pid]['article_2']} | "
            f"{pairs[pid]['stratum']} | {'yes' if pairs[pid].get('boilerplate') else 'no'} | "
            f"{judged[pid][0]} |"
            for pid in sorted(judged, key=_pair_order)
        ),
    ]
    title = TITLES.get(key.get("stream_key", ""), "Multi-News")
    doc = [
        f"# Blind audit of the {title} story labels (issue 11)",
        "",
        f"Do the gold clusters cap what a story clusterer can reach on {title}? Independent",
        "readers judged article pairs of the stream, blind to stratum and system, with",
        f'the question: "{QUESTION}"',
        "",
        f"Packets: `{key['draw']}` (commit {key['commit']}; texts stay outside the repository).",
        f"Judgments: `python benchmarks/stories_gold_audit.py ingest --key KEY "
        f"{' '.join(Path(a).name for a in args.answers)}`.",
        f"Stream: {key['stream']}, {key['articles']} articles; ours at draw time: B3 P "
        f"{key['b3_p']:.3f}, R {key['b3_r']:.3f}, F1 {key['b3_f1']:.3f}. Pairs in the stream "
        f"per stratum: "
        + ", ".join(f"{k} {v}" for k, v in key["population"].items())
        + f". Readings parsed: {len(judged)} of {len(pairs)}.",
        "",
        "Strata: missed = gold joins, ours splits; extra = ours joins, gold splits; agreed = both",
        "join (control). Share of pairs per answer, Wilson 95% interval in brackets:",
        "",
        *table,
        "",
        "The same, without the pairs where an article's opening also opens an article of another",
        "gold story (scraped site chrome shared across clusters; `boilerplate` below):",
        "",
        *clean,
        "",
        agreement,
        "",
        "Share of our B-cubed loss that is gold-label error:",
        "",
        *estimates,
        "",
        HOW,
        "",
        "## Judgments",
        "",
        *judgments,
        "",
    ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(doc), "utf-8")
    print(f"\nwrote {out}")


def _pair_order(pair_id: str) -> tuple[int, int]:
    packet, item = pair_id[1:].split(".")
    return (int(packet), int(item))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    dr = sub.add_parser("draw", help="sample pairs and write reader packets and the key")
    dr.add_argument("--out", type=Path, default=DEFAULT_OUT, help="packet folder (not the repo)")
    dr.add_argument("--key", type=Path, default=DEFAULT_KEY, help="key file (not the repo)")
    dr.add_argument("--per-stratum", type=int, default=40)
    dr.add_argument("--packet-size", type=int, default=20)
    dr.add_argument("--copies", type=int, default=1, help="readings per pair (distinct packets)")
    dr.add_argument("--seed", type=int, default=2027)
    dr.add_argument("--words", type=int, default=250, help="words kept of each article")
    dr.add_argument("--stream", default="heldout", choices=sorted(STREAMS), help="which stream")
    ing = sub.add_parser("ingest", help="join readers' answers with the key; write the results")
    ing.add_argument("--key", type=Path, default=DEFAULT_KEY)
    ing.add_argument("answers", nargs="+", help="answer files, one per reader")
    ing.add_argument("--out", type=Path, default=RESULTS)
    ing.add_argument("--reasons", action="store_true", help="also print readers' reasons")
    ing.add_argument("--readers", default="", help="who the readers were (one sentence)")
    args = parser.parse_args(argv)
    if args.cmd == "draw":
        outside_repo(args.out, args.key)
        if not DATA.is_dir():
            print(f"no evaluation data at {DATA}", file=sys.stderr)
            return 2
        draw(args)
    else:
        ingest(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
