"""How the cross-source analysis grows with the input: time and peak memory, 10 to 5,000 articles.

    python benchmarks/analysis_scaling.py [--sizes 10,100,500,1000,2000,5000] [--summarize]
        [--duc ../shared/data/duc2004/test.jsonl]

Generates short synthetic news articles (`synthetic_articles`: deterministic for a seed; people,
places with transliteration variants, organizations with acronyms, counted quantities, shares,
absolute and relative dates) in two kinds, "closed" (a fixed small vocabulary: quantities pile up
in few large groups, the case that was cubic) and "open" (made-up names keep appearing, so the
entity merges see ever more names), runs `synopsis.analyze.analyze` on N of them, and prints CPU
seconds (one run), the time per article, and peak traced memory (tracemalloc, in a second run:
tracing slows Python down). `--summarize` times the whole `synopsis.summarize` too (clean,
segment, ILP, analysis). `--duc` adds rows for real DUC 2004 articles, all clusters' documents
concatenated into one story (repeated, under new ids, to reach N).
Each size runs in a fresh process, so caches and memory of one size do not help the next.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_GIVEN = ["Ahmed", "Maria", "John", "Olena", "Kofi", "Li", "Yusuf", "Sarah", "Pedro", "Aisha"]
_FAMILY = ["Haddad", "Okafor", "Petrenko", "Santos", "Nguyen", "Rahman", "Keller", "Mensah"]
# place spellings the way outlets vary them (particles, doubled letters, transliteration)
_PLACES = [
    ("Deir Ezzor", "Deir ez-Zor", "Deir al-Zor"),
    ("Albu Kamal", "Abu Kamal", "Al-Bukamal"),
    ("Mayadin", "Mayadeen", "al-Mayadin"),
    ("Hodeidah", "Hudaydah", "Hodeida"),
    ("Kharkiv", "Kharkov", "Kharkiv"),
    ("Port Harcourt", "Port Harcourt", "Port-Harcourt"),
    ("Qaim", "al-Qaim", "Al-Qaim"),
    ("Misrata", "Misurata", "Misratah"),
]
_ORGS = [
    ("Syrian Democratic Forces", "SDF"),
    ("World Food Programme", "WFP"),
    ("International Committee of the Red Cross", "ICRC"),
    ("National Emergency Management Agency", "NEMA"),
    ("Popular Mobilisation Forces", "PMF"),
]
_NOUNS = ["people", "fighters", "civilians", "homes", "soldiers", "families", "vehicles"]
_VERBS = ["killed", "displaced", "injured", "evacuated", "captured", "rescued"]
_QUALS = ["", "", "about ", "more than ", "nearly ", "at least "]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "March", "June", "September", "October", "November"]


_SYLLABLES = ["ka", "ri", "mo", "tan", "bel", "su", "dor", "vi", "len", "ha", "zu", "ner", "qa"]


def _new_name(rng: random.Random) -> str:
    """A made-up capitalized name, so the number of distinct names grows with the input."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _sentence(rng: random.Random, story: int, new_names: float) -> str:
    """One sentence mixing a name, a quantity and often a date (new names at that rate)."""
    place = rng.choice(_PLACES[story % len(_PLACES) :] + _PLACES[: story % len(_PLACES)][:2])
    where = rng.choice(place)
    if new_names and rng.random() < 0.6 * new_names:
        where = _new_name(rng)
    org, acronym = rng.choice(_ORGS)
    given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
    if new_names and rng.random() < new_names:
        family = _new_name(rng)
    person = f"{given} {family}"
    count = rng.choice([12, 15, 40, 45, 120, 150, 1500, 1600, 2000, 35000])
    number = f"{count:,}" if rng.random() < 0.5 else str(count)
    when = rng.choice(
        [
            f"on {rng.choice(_WEEKDAYS)}",
            f"on {rng.choice(_MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2026)}",
            "yesterday",
            f"{rng.randint(2, 9)} days ago",
            f"in {rng.randint(2000, 2026)}",
        ]
    )
    kind = rng.randrange(5)
    if kind == 0:
        return (
            f"{person}, a spokesman for the {org} ({acronym}), said {rng.choice(_QUALS)}{number} "
            f"{rng.choice(_NOUNS)} were {rng.choice(_VERBS)} in {where} {when}."
        )
    if kind == 1:
        share = rng.choice([40, 60, 65, 90, 95])
        return (
            f"The {acronym} controls about {share} percent of the city of {where}, {person} said."
        )
    if kind == 2:
        return (
            f"Officials in {where} said {number} {rng.choice(_NOUNS)} had been "
            f"{rng.choice(_VERBS)} {when}, according to the {org}."
        )
    if kind == 3:
        km = rng.choice([18, 30, 45, 120])
        return f"Fighting spread {km} kilometres from {where} {when}, {person} told reporters."
    return f"{person} arrived in {where} {when} as the {acronym} reported new clashes."


def synthetic_articles(n: int, seed: int = 0, new_names: float = 0.0) -> list[dict[str, str]]:
    """n short articles (5-8 sentences) about a handful of stories; the same for the same seed.

    With new_names 0 the vocabulary is closed (a few places and people: quantities pile up in
    few large groups, the case that was cubic); above 0, made-up place and family names appear
    at about that rate, so the entity merges see a growing number of names.

    Args:
        n: how many articles.
        seed: random seed.
        new_names: share of family names (and 0.6 of it for places) that are made up.

    Returns:
        Articles as {"id", "text", "published"} dicts.
    """
    rng = random.Random(seed)
    out = []
    for i in range(n):
        story = rng.randrange(4)
        sents = [_sentence(rng, story, new_names) for _ in range(rng.randint(5, 8))]
        day = rng.randint(1, 28)
        out.append({"id": f"a{i}", "text": " ".join(sents), "published": f"2026-03-{day:02d}"})
    return out


def duc_articles(path: Path, n: int) -> list[dict[str, str]]:
    """The first n DUC documents of all clusters, repeated (with new ids) to reach n."""
    docs = [d for line in path.open() for d in json.loads(line)["documents"]]
    return [{"id": f"d{i}", "text": docs[i % len(docs)]["text"], "published": ""} for i in range(n)]


def _measure(kind: str, n: int, source: str, duc: str) -> dict[str, float]:
    """Run one size (in this process) and return its figures."""
    from synopsis import summarize
    from synopsis.analyze import analyze
    from synopsis.model.types import Analysis, Article
    from synopsis.text.segment import segment

    if source == "duc":
        raw = duc_articles(Path(duc), n)
    else:
        raw = synthetic_articles(n, new_names=0.0 if source == "closed" else 0.5)
    articles = [Article(id=a["id"], text=a["text"], published=a["published"] or None) for a in raw]
    sentences = segment(articles)

    def run() -> Analysis | None:
        if kind == "analyze":
            return analyze(articles, sentences)
        return summarize(articles, max_words=100).analysis

    start = time.process_time()
    result = run()
    cpu = time.process_time() - start
    tracemalloc.start()  # a second run for memory: tracing slows Python code down several times
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result is not None
    return {
        "cpu": cpu,
        "peak_mb": peak / 1e6,
        "entities": len(result.entities),
        "numbers": len(result.numbers),
        "timeline": len(result.timeline),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print one table row per (what, source, size)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--sizes", default="10,100,500,1000,2000,5000")
    ap.add_argument("--summarize", action="store_true", help="also time the whole summarize()")
    ap.add_argument("--duc", default="", help="DUC 2004 test.jsonl: add rows on real articles")
    ap.add_argument("--one", nargs=3, metavar=("KIND", "N", "SOURCE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        kind, n, source = args.one
        print(json.dumps(_measure(kind, int(n), source, args.duc)))
        return 0
    kinds = ["analyze", "summarize"] if args.summarize else ["analyze"]
    sources = ["closed", "open", "duc"] if args.duc else ["closed", "open"]
    header = (
        "| what | articles | source | CPU s | ms/article | peak MB | entities | groups | events |"
    )
    print(header)
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for kind in kinds:
        for source in sources:
            for n in (int(s) for s in args.sizes.split(",")):
                cmd = [sys.executable, __file__, "--one", kind, str(n), source, "--duc", args.duc]
                done = subprocess.run(cmd, capture_output=True, text=True, check=True)
                r = json.loads(done.stdout)
                print(
                    f"| {kind}() | {n:,} | {source} | {r['cpu']:.2f} | {1000 * r['cpu'] / n:.2f} "
                    f"| {r['peak_mb']:.0f} | {r['entities']:.0f} | {r['numbers']:.0f} "
                    f"| {r['timeline']:.0f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
