"""Named entities across outlets: mentions clustered so every spelling variant is one entity.

Mentions come from `_mentions` (rule-based, gazetteer-free typing after Nadeau & Sekine 2007,
"A survey of named entity recognition and classification", section 3). Variants are unified by
a normalized key (diacritics, particles such as al-/el-/ez-, doubled letters), a consonant
skeleton and a difflib ratio gate, aliases introduced in the text ("Long Name (ABBR)", "X, the
Arabic acronym for Y"), acronym initials, person short forms (last name of a unique full name,
typed a person or, for a surname typed a person, untyped)
and an organization's name with a word added inside it ("Hallberg Shipping Line"). Every
pairwise comparison is made within a block that shares a key (first skeleton letter, surname,
initials), with at most MAX_FUZZY_NEIGHBOURS names per name, so cost stays near-linear.
"""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from synopsis.analyze._mentions import Mention, extract_mentions
from synopsis.analyze._names import PARTICLES, SURFACE_CACHE, quick_ratio
from synopsis.analyze._names import compact_key as _compact
from synopsis.analyze._names import skeleton as _skeleton
from synopsis.analyze._surface import CONNECT
from synopsis.analyze._text import Span
from synopsis.model.types import Entity

# Ratio gates for fuzzy merges, chosen on the Deir Ezzor / Albu Kamal / Mayadin variants (all
# >= 0.8 with an equal consonant skeleton) while distinct names in the gold set stay < 0.75.
SKELETON_RATIO = 0.8
COMPACT_RATIO = 0.88
# The most mentioned entities name the story's setting, not a particular quantity or event;
# 3 fits the gold stories (group + two countries); only applied with >= 8 entities.
BACKGROUND_ENTITIES = 3
MIN_ENTITIES_FOR_BACKGROUND = 8
# A one-word name joins a full name by consonant skeleton only if the skeleton has at least
# this many consonants ("kdf" for Kadhafi/Qaddafi); shorter ones collide.
MIN_SHORT_SKELETON = 3
# Given names of one person as outlets transliterate them ("Giorgos"/"Yiorgos" 0.86,
# "Amadou"/"Ahmadou" 0.92) are this similar; different people's ("Jeb"/"George") far less.
# Only names of at least MIN_GIVEN_NAME letters are compared (set on the test fixtures).
GIVEN_NAME_RATIO = 0.8
MIN_GIVEN_NAME = 4
# Surnames shorter than this are not compared ("Type I" / "Type II" are not people).
MIN_SURNAME = 3
# Shortest name whose plural is merged with it ("Kurd"/"Kurds" is 4, "Houthi" 6).
MIN_PLURAL_STEM = 4
# Consonant skeletons shorter than this collide too often ("Hama"/"Homs") to merge on alone.
MIN_SKELETON = 4


# Names of one block compared with each name: the next ones by length among names with the same
# first skeleton letter (`_fuzzy_merge`), the next ones among full names with the same surname
# (`_given_name_merge`). Bounds both merges on very large inputs. Never reached on DUC 2004 test
# or Multi-News dev (there the length gate stops every fuzzy scan within 22 names, and a surname
# has at most 7 full names), so outputs there are unchanged (benchmarks/output_snapshot.py).
MAX_FUZZY_NEIGHBOURS = 32


@dataclass(frozen=True)
class EntityIndex:
    """Entities plus where each was mentioned, for the number and timeline analyzers."""

    entities: tuple[Entity, ...]
    mentions: dict[str, list[tuple[int, int, int]]]
    types: dict[int, str]
    names: dict[int, str]

    @property
    def background(self) -> int:
        """Entity ids below this are the story's setting (the group, the countries).

        Returns:
            BACKGROUND_ENTITIES for stories with many entities, else 0 (a short story's
            most mentioned names are what its events are about).
        """
        return BACKGROUND_ENTITIES if len(self.entities) >= MIN_ENTITIES_FOR_BACKGROUND else 0


_Merge = Callable[[int, int], None]


@functools.lru_cache(maxsize=SURFACE_CACHE)
def _initials(key_surface: str) -> str:
    """Initials of a multi-word name, ignoring particles and connectors."""
    words = [w for w in _INITIALS_SPLIT.split(key_surface) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in _NOT_INITIAL and w[0].isalpha())


_INITIALS_SPLIT = re.compile(r"[\s\-‐]+")
_NOT_INITIAL = PARTICLES | CONNECT


class _UnionFind:
    """Disjoint sets over key ids (path halving)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """Return the root of i."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the sets of a and b under the smaller root."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _type_of(votes: Counter[str]) -> str:
    """Winning type of a vote counter, or "other"."""
    if not votes:
        return "other"
    best, n = max(votes.items(), key=lambda item: item[1])
    # a tie for first place leaves the type open, whichever of the tied is picked
    return best if n > max((c for t, c in votes.items() if t != best), default=0) else "other"


def _compatible(a: str, b: str) -> bool:
    """Whether two entity types may be merged ("other" goes with anything)."""
    return a == b or "other" in (a, b)


_ALIAS_FOR = re.compile(
    r"(?:the|an|its)\s+(?:\w+\s+)?(?:acronym|abbreviation|name|term)\s+for\s+(?:the\s+group\b)?"
)
_PAREN_GAP = re.compile(r"(?:\s+[a-z]+)?\s*\(")
_OR_ACRONYM = re.compile(r"^,\s+or\s+(?:the\s+)?$")
_COMMA_OR = re.compile(r",\s+or\s")  # in every `_OR_ACRONYM` gap


def _alias_links(
    mentions: list[Mention],
    key_ids: dict[str, int],
    texts: dict[str, str],
    sentences: Sequence[Span],
    types: dict[int, str],
) -> list[tuple[int, int]]:
    """Pairs of key ids made equal by aliases introduced in the text."""
    links: list[tuple[int, int]] = []
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_article[m.article].append(m)
    by_sentence: dict[str, list[Span]] = defaultdict(list)
    for sent in sentences:
        if " for " in sent.text:  # every alias phrase below ends "... for Y"
            by_sentence[sent.article].append(sent)
    for art, ms in by_article.items():
        text = texts[art]
        ms.sort(key=lambda m: m.start)
        # an alias gap ends "(" or reads ", or ": most articles have neither anywhere
        pairs = itertools.pairwise(ms) if "(" in text or _COMMA_OR.search(text) else ()
        for prev, cur in pairs:
            # both alias forms need a gap ending "(" or starting ",": test those characters
            # before slicing the gap (most neighbouring mentions have neither)
            if cur.start <= prev.end or (
                text[cur.start - 1] != "(" and (text[prev.end] != "," or not cur.surface.isupper())
            ):
                continue
            gap = text[prev.end : cur.start]
            paren = (
                gap.endswith("(")
                and _PAREN_GAP.fullmatch(gap)
                and text[cur.end : cur.end + 1]
                in (
                    ")",
                    " ",
                )
            )
            if paren and re.match(r"\)\s*[_—–-]", text[cur.end : cur.end + 4]):
                paren = False  # dateline "VIENNA, Austria (AP) _": the outlet, not an alias
            if paren and cur.surface.isupper():
                # "Syrian Army (SAA)" yes, "BRUSSELS, Belgium (AP)" no: the acronym must start
                # like one of the name's words
                paren = cur.surface[0] in {w[0].upper() for w in re.split(r"[\s\-]+", prev.surface)}
            elif paren:
                # "Hashed al-Shaabi (Popular Mobilisation units)" yes, "Securities (Japan)" no
                paren = " " in cur.surface
            if paren or (_OR_ACRONYM.match(gap) and cur.surface.isupper()):
                links.append((key_ids[prev.key], key_ids[cur.key]))
        org_counts: Counter[int] | None = None  # counted when first needed (rarely)
        for sent in by_sentence.get(art, []):
            for hit in _ALIAS_FOR.finditer(sent.text):
                pos = sent.start + hit.start()
                before = [m for m in ms if sent.start <= m.start < pos]
                if not before:
                    continue
                alias = before[-1]
                after_pos = sent.start + hit.end()
                target = next((m for m in ms if m.start == after_pos), None)
                if target is not None:
                    links.append((key_ids[alias.key], key_ids[target.key]))
                elif hit.group(0).endswith("group"):
                    if org_counts is None:
                        org_counts = Counter(
                            key_ids[m.key] for m in ms if types[key_ids[m.key]] == "organization"
                        )
                    if org_counts:
                        links.append((key_ids[alias.key], org_counts.most_common(1)[0][0]))
    return links


def build_entities(sentences: Sequence[Span], texts: dict[str, str]) -> EntityIndex:
    """Extract entities from all articles and unify their variants.

    Args:
        sentences: sentence spans of all articles.
        texts: article id -> article text.

    Returns:
        The entity index: entities (most mentioned first) and per-article mention offsets.
    """
    raw = extract_mentions(sentences, texts)
    # A capitalized first word of a sentence is a name only if written so elsewhere too,
    # alone or inside a longer name ("Gaddafi has ..." after "Moammar Gaddafi").
    non_initial = {_compact(m.key) for m in raw if not m.initial}
    non_initial |= {_compact(t) for m in raw if " " in m.key for t in m.key.split()}
    mentions = [
        m
        for m in raw
        if not (m.initial and " " not in m.key and _compact(m.key) not in non_initial)
    ]
    keys = sorted({m.key for m in mentions})
    key_ids = {k: i for i, k in enumerate(keys)}
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.votes:
            votes[key_ids[m.key]].update(m.votes)
    types = {i: _type_of(votes[i]) if i in votes else "other" for i in range(len(keys))}
    uf = _UnionFind(len(keys))

    def merge(a: int, b: int) -> None:
        """Union two keys if their current types are compatible, pooling type votes."""
        ra, rb = uf.find(a), uf.find(b)
        if ra != rb and _compatible(types[ra], types[rb]):
            votes[min(ra, rb)].update(votes[max(ra, rb)])
            uf.union(ra, rb)
            types[uf.find(ra)] = _type_of(votes[uf.find(ra)])

    for a, b in _alias_links(mentions, key_ids, texts, sentences, types):
        merge(a, b)
    _fuzzy_merge(keys, merge)
    _acronym_merge(mentions, keys, key_ids, uf, types, merge)
    _given_name_merge(keys, uf, types, merge)
    _inserted_word_merge(keys, uf, types, merge)
    # keys written with more than one word ("Al Gore", whose "Al" the key drops as a particle)
    spaced = frozenset(m.key for m in mentions if " " in m.surface.strip())
    _short_form_merge(keys, uf, types, merge, spaced)
    return _assemble(mentions, key_ids, uf, votes)


# Words dropped from the end of a key before fuzzy matching ("Syrian Democratic Forces").
_CORE_SUFFIX = re.compile(r"\s+(?:forces|units|group|organi[sz]ation|river)$")


def _bag_merge(core: list[str], merge: _Merge) -> None:
    """Merge names with the same words in another order ("National Transitional Council")."""
    first_with: dict[tuple[str, ...], int] = {}
    for i, k in enumerate(core):
        bag = tuple(sorted(k.split()))
        if len(bag) > 1:
            if bag in first_with:
                merge(first_with[bag], i)
            first_with.setdefault(bag, i)


def _spelling_variants(a: str, skel_a: str, b: str, skel_b: str) -> bool:
    """Whether two compact keys (a no longer than b) are spellings of one name.

    Args:
        a: the shorter (or equally long) compact key.
        skel_a: its consonant skeleton.
        b: the other compact key.
        skel_b: its skeleton.

    Returns:
        True for equal keys, a plural ("Houthi" / "Houthis"), and transliterations that pass
        the skeleton and ratio gates.
    """
    if a == b or (len(a) >= MIN_PLURAL_STEM and b == a + "s"):
        return True
    same_skel = len(skel_a) >= MIN_SKELETON and skel_a == skel_b
    if 2 * len(a) / (len(a) + len(b)) < (SKELETON_RATIO if same_skel else COMPACT_RATIO):
        return False
    if not same_skel and a[0] != b[0]:
        return False  # spelling variants that are not skeleton-equal share a start
    # an upper bound of the ratio below (difflib's quick_ratio), far cheaper from letter counts
    if quick_ratio(_letters(a), _letters(b), len(a) + len(b)) < SKELETON_RATIO:
        return False
    if b.startswith(a):
        return False  # "Republic"/"Republican", "Honduras"/"Hondurans": derived words
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    same_end = (a[-1] in "aeiouy") == (b[-1] in "aeiouy")
    if same_skel and same_end and ratio >= SKELETON_RATIO:
        return True
    return (
        ratio >= COMPACT_RATIO
        and len(a) >= 5
        and difflib.SequenceMatcher(None, skel_a, skel_b).ratio() >= SKELETON_RATIO
        and same_end
    )


@functools.lru_cache(maxsize=SURFACE_CACHE)
def _letters(compact: str) -> Counter[str]:
    """Letter counts of a compact key (read only)."""
    return Counter(compact)


def _fuzzy_merge(keys: list[str], merge: _Merge) -> None:
    """Merge transliteration variants gated by skeleton and ratio."""
    core = [_CORE_SUFFIX.sub("", k) for k in keys]
    _bag_merge(core, merge)
    compacts = [_compact(k) for k in core]
    skels = [_skeleton(c) for c in compacts]
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, skel in enumerate(skels):
        if skel:
            blocks[skel[0]].append(i)
    min_ratio = min(SKELETON_RATIO, COMPACT_RATIO)
    for block in blocks.values():
        # Shortest first: the length ratio of a name to later ones only falls, so its scan
        # stops at the first one too long to pass a ratio gate.
        members = sorted(block, key=lambda i: len(compacts[i]))
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + MAX_FUZZY_NEIGHBOURS]:
                a, b = compacts[i], compacts[j]
                if 2 * len(a) / (len(a) + len(b)) < min_ratio:
                    break
                if _spelling_variants(a, skels[i], b, skels[j]) and not _other_initials(
                    core[i], core[j]
                ):
                    merge(i, j)


def _other_initials(a: str, b: str) -> bool:
    """Whether two name keys carry different middle initials ("George W. Bush" / "George H.W.
    Bush": two people); a name without initials may still be the same person's."""
    mid_a = "".join(t for t in a.split()[1:-1] if len(t) <= 2)
    mid_b = "".join(t for t in b.split()[1:-1] if len(t) <= 2)
    return bool(mid_a and mid_b and mid_a != mid_b)


_NOT_LETTER = re.compile(r"[^A-Za-z]")


def _acronym_merge(
    mentions: list[Mention],
    keys: list[str],
    key_ids: dict[str, int],
    uf: _UnionFind,
    types: dict[int, str],
    merge: _Merge,
) -> None:
    """Merge all-caps acronyms with the unique multi-word name whose initials they spell."""
    surfaces: dict[int, str] = {}
    for m in mentions:
        surfaces.setdefault(key_ids[m.key], m.surface)
    by_initials: dict[str, set[int]] = defaultdict(set)
    place_letters: set[str] = set()
    for i, surf in surfaces.items():
        if len(surf.split()) >= 2:
            by_initials[_initials(surf)].add(uf.find(i))
        if types[uf.find(i)] == "place" and surf[:1].isupper():
            place_letters.add(surf[0].upper())
    for i, surf in surfaces.items():
        if not surf.replace(".", "").replace("-", "").isupper():
            continue  # tested first: most names are not all capitals
        letters = _NOT_LETTER.sub("", surf)
        if not 2 <= len(letters) <= 8:
            continue
        cands = by_initials.get(letters, set()) - {uf.find(i)}
        if not cands:
            # a name's initials followed by one or two letters that start place names
            ext: set[int] = set()
            for cut in (1, 2):
                ini = letters[:-cut]
                if len(ini) >= 2 and all(ch in place_letters for ch in letters[-cut:]):
                    ext |= by_initials.get(ini, set())
            cands = ext - {uf.find(i)}
        if len(cands) == 1:
            merge(i, next(iter(cands)))


def _person_like(key: str, etype: str) -> list[str] | None:
    """The tokens of a 2-3 word name that may be a person's ("Moussa Traore"), else None."""
    toks = key.split()
    if (
        2 <= len(toks) <= 3
        and etype in ("person", "other")
        and len(toks[-1]) >= MIN_SURNAME
        and not CONNECT & set(toks)
    ):
        return toks
    return None


def _given_names_match(a: list[str], b: list[str]) -> bool:
    """Whether two names' given (and middle) names are spellings of the same ones."""
    first_a, first_b = _compact(a[0]), _compact(b[0])
    if first_a != first_b and (
        min(len(first_a), len(first_b)) < MIN_GIVEN_NAME
        or difflib.SequenceMatcher(None, first_a, first_b).ratio() < GIVEN_NAME_RATIO
    ):
        return False
    # a middle name in both must match too ("Nobel Peace Prize" / "Nobel Literature Prize")
    return len(a) < 3 or len(b) < 3 or _compact(a[1]) == _compact(b[1])


def _given_name_merge(
    keys: list[str], uf: _UnionFind, types: dict[int, str], merge: _Merge
) -> None:
    """Merge a person's full names that share a surname and spell the given name differently."""
    by_last: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for i, k in enumerate(keys):
        toks = _person_like(k, types[uf.find(i)])
        if toks is not None:
            by_last[toks[-1]].append((i, toks))
    for members in by_last.values():
        for x, (i, toks_i) in enumerate(members):
            for j, toks_j in members[x + 1 : x + 1 + MAX_FUZZY_NEIGHBOURS]:
                # one of the two must be typed a person: untyped pairs are often titles of
                # things ("World Food Program" / "World Health Program")
                if "person" in (types[uf.find(i)], types[uf.find(j)]) and _given_names_match(
                    toks_i, toks_j
                ):
                    merge(i, j)


# Words that make a longer organization name another body, not the same one in full
# ("University of Southern California" is not "University of California").
_QUALIFIERS = frozenset(
    "north south east west northern southern eastern western central new national state "
    "international regional".split()
)


def _inserted_word_merge(
    keys: list[str], uf: _UnionFind, types: dict[int, str], merge: _Merge
) -> None:
    """Merge a two-word organization with the three-word one that adds a word inside it
    ("Hallberg Line" / "Hallberg Shipping Line"), unless that word qualifies it (`_QUALIFIERS`)."""
    short: dict[tuple[str, str], int] = {}
    for i, k in enumerate(keys):
        toks = k.split()
        if len(toks) == 2 and types[uf.find(i)] == "organization":
            short.setdefault((toks[0], toks[1]), i)
    for i, k in enumerate(keys):
        toks = k.split()
        if len(toks) != 3 or types[uf.find(i)] != "organization":
            continue
        if toks[1].lower() in _QUALIFIERS or toks[1].lower() in CONNECT:
            continue
        j = short.get((toks[0], toks[2]))
        if j is not None:
            merge(i, j)


def _short_form_merge(
    keys: list[str],
    uf: _UnionFind,
    types: dict[int, str],
    merge: _Merge,
    spaced: frozenset[str] = frozenset(),
) -> None:
    """Merge a one-word name with the unique person whose last name it is.

    A surname typed a person ("Mr. Bauer", "Trump said") also joins the one full name of the
    story that ends in it when that name is untyped ("Shane Bauer", "Donald Trump" where no
    context typed them): news writing shortens a name to its last word only when that word says
    who is meant. Only a key written as one word takes part (`spaced` holds those written with
    more: "Al Gore" has the key "gore", and must not take "Tipper Gore").
    """
    last: dict[str, set[int]] = defaultdict(set)
    last_skel: dict[str, set[int]] = defaultdict(set)
    untyped: dict[str, set[int]] = defaultdict(set)
    for i, k in enumerate(keys):
        toks = k.split()
        if len(toks) > 1 and types[uf.find(i)] == "person" and not CONNECT & set(toks):
            last[toks[-1]].add(uf.find(i))
            last_skel[_skeleton(_compact(toks[-1]))].add(uf.find(i))
        if _person_like(k, types[uf.find(i)]) is not None:
            untyped[toks[-1]].add(uf.find(i))
    for i, k in enumerate(keys):
        if " " in k or types[uf.find(i)] not in ("person", "other"):
            continue
        cands = last.get(k, set())
        skel = _skeleton(_compact(k))
        if not cands and len(skel) >= MIN_SHORT_SKELETON:  # "Kadhafi" for "Muammar Qaddafi"
            cands = last_skel.get(skel, set())
        if not cands and types[uf.find(i)] == "person" and k not in spaced:
            cands = untyped.get(k, set())
        owners = {uf.find(c) for c in cands}
        if len(owners) == 1:
            merge(i, next(iter(owners)))


def _assemble(
    mentions: list[Mention],
    key_ids: dict[str, int],
    uf: _UnionFind,
    votes: dict[int, Counter[str]],
) -> EntityIndex:
    """Turn clusters into Entity records and the offset index."""
    groups: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[uf.find(key_ids[m.key])].append(m)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].surface))
    entities: list[Entity] = []
    index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    types: dict[int, str] = {}
    names: dict[int, str] = {}
    for eid, (root, ms) in enumerate(ordered):
        etype = _type_of(votes.get(root, Counter()))
        surf_counts = Counter(m.surface for m in ms)
        full = [s for s in surf_counts if not s.replace(".", "").isupper()] or list(surf_counts)
        name = max(full, key=lambda s: (surf_counts[s], len(s.split()), len(s)))
        variants = tuple(sorted(surf_counts, key=lambda s: (-surf_counts[s], s)))
        arts = tuple(sorted({m.article for m in ms}))
        entities.append(Entity(name, etype, variants, arts, len(ms)))
        types[eid], names[eid] = etype, name
        for m in ms:
            index[m.article].append((m.start, m.end, eid))
    for spans in index.values():
        spans.sort()
    return EntityIndex(tuple(entities), dict(index), types, names)
