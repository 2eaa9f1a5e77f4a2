"""Rule-based named-entity extraction and cross-outlet variant unification.

Capitalized spans are typed by context cues (titles, "city of X", organization keywords),
in the spirit of gazetteer-free NER (Nadeau & Sekine 2007, "A survey of named entity
recognition and classification", section 3). Variants are unified by a normalized key
(diacritics, particles such as al-/el-/ez-, doubled letters), a consonant skeleton and a
difflib ratio gate, aliases introduced in the text ("Long Name (ABBR)", "X, the Arabic acronym
for Y"), acronym initials, and person short forms (last name of a unique full name).
"""

from __future__ import annotations

import difflib
import functools
import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from synopsis.analyze._names import PARTICLES, SURFACE_CACHE, name_spans
from synopsis.analyze._names import compact_key as _compact
from synopsis.analyze._names import letter_bits as _letter_bits
from synopsis.analyze._names import quick_ratio as _quick_ratio
from synopsis.analyze._names import skeleton as _skeleton
from synopsis.analyze._surface import CONNECT, ORG_WORDS, TITLES, Surface, surface_info
from synopsis.analyze._text import Span, words
from synopsis.model.types import Entity

_PERSON_AFTER_ROLE = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[A-Za-z.\-]+\s+){0,2}(?:envoy|spokes(?:wo)?man|professor|minister"
    r"|president|leader|ambassador|commander|chief|official|analyst|secretary|director|expert)\b"
)
_PLACE_NOUN_AFTER = re.compile(
    r"^\s+(?:city|town|province|village|region|border|river|valley|countryside|governorate"
    r"|district|area|side|crossing)\b"
)
# "city of X", "in X", "near the X": the word(s) just before a place name.
_PLACE_NOUNS = frozenset(words("city town province village district capital towns villages"))
_PLACE_PREPS = frozenset(words("in near across outside inside toward towards into"))
_ORG_AFTER = re.compile(
    r"^\s+(?:group|militia|organi[sz]ation|movement|party|forces|fighters|militants|jihadists"
    r"|terrorist|spokesman|leaders?|commanders?)\b"
)
_PERSON_AFTER = re.compile(r"^,?\s+(?:said|told|tweeted|added|wrote|hailed|proclaimed|says)\b")
# The words after a name that vote for its type, as one pattern (at most one of them can
# match: they start with different words); the group name says which matched.
_AFTER = re.compile(
    "|".join(
        f"(?P<{name}>{rx.pattern.removeprefix('^')})"
        for name, rx in (
            ("place", _PLACE_NOUN_AFTER),
            ("organization", _ORG_AFTER),
            ("said", _PERSON_AFTER),
            ("role", _PERSON_AFTER_ROLE),
        )
    )
)

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


class Mention(NamedTuple):
    """One capitalized span in one article, before clustering."""

    # A NamedTuple (~470 per story): cheaper to build than a dataclass, and never changed.
    article: str
    start: int
    end: int
    surface: str
    key: str
    initial: bool
    votes: dict[str, int]


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


_LOWER_WORD_AFTER = re.compile(r"\s[a-z]")
_LEAD_PUNCT = re.compile(r"\W*")
_POSSESSIVE_S = re.compile(r"[’']s\b\s+")
_INITIAL_OF = re.compile(r"\S+\s+(?:of|for)\s+(?:the\s+)?")


def _split_possessive(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span after possessives and titled "X of Y" ("President Jiang of China")."""
    raw_span = text[start:end]
    if "'" not in raw_span and "’" not in raw_span and " of " not in raw_span:
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    s = start
    for m in _POSSESSIVE_S.finditer(text[start:end]):
        parts.append((s, start + m.start() + 2))
        s = start + m.end()
    parts.append((s, end))
    out: list[tuple[int, int]] = []
    for ps, pe in parts:
        raw = text[ps:pe]
        of = raw.find(" of ")
        words = raw[: max(of, 0)].lower().split()
        if (
            of > 0
            and any(w in TITLES for w in words[:-1])
            and not any(w in ORG_WORDS for w in raw.lower().split())
        ):
            out += [(ps, ps + of), (ps + of + 4, pe)]
        else:
            out.append((ps, pe))
    return out


def _votes(text: str, low: str | None, s: int, e: int, info: Surface) -> dict[str, int]:
    """Type votes for one mention from its words and its context (`low`: text.lower() or None)."""
    # A plain dict (pooled into one Counter per key later): most mentions get no vote, and
    # building a Counter for each cost more than all the checks below.
    votes: dict[str, int] = dict(info.votes) if info.votes else {}
    last = second = ""  # the last two words before the name
    if s and text[s - 1].isspace():
        if low is not None:  # the article lowercased once, not two words per mention
            prev = low[s - 40 if s > 40 else 0 : s].rsplit(None, 2)
        else:
            prev = [w.lower() for w in text[s - 40 if s > 40 else 0 : s].rsplit(None, 2)]
        n = len(prev)
        if n:
            last = prev[-1]
            if n > 1:
                second = prev[-2]
    place_before = (
        last in _PLACE_PREPS
        or (last == "of" and second in _PLACE_NOUNS)
        or (last == "the" and second in _PLACE_PREPS)
    )
    after = ""  # which of the `_AFTER` patterns follows the name
    nxt = text[e : e + 1]
    # each starts r",?\s"; those after a comma ("said", "role") count only for multi-word names
    if (nxt == "," and info.multi) or nxt.isspace():
        m = _AFTER.match(text, e, e + 30)
        if m is not None:
            after = m.lastgroup or ""
    if place_before or after == "place":
        votes["place"] = votes.get("place", 0) + 2
    if after == "organization":
        votes["organization"] = votes.get("organization", 0) + 2
    if info.multi:
        if not votes and (after == "said" or last == "said"):
            votes["person"] = 1  # (votes is empty)
        if after == "role":
            votes["person"] = votes.get("person", 0) + 2
    if info.acronym and not votes:
        votes["organization"] = 1
    return votes


_new_tuple = tuple.__new__
_Name = tuple[int, int, str, bool, Surface]  # start, end, surface, sentence-initial, features


@functools.lru_cache(maxsize=SURFACE_CACHE)
def _inner_span_names(raw: str) -> tuple[_Name, ...]:
    """`_span_names` of a span that does not open its sentence (one-argument cache: faster)."""
    return _span_names(raw, False)


@functools.lru_cache(maxsize=SURFACE_CACHE)
def _first_span_names(raw: str) -> tuple[_Name, ...]:
    """`_span_names` of a span that opens its sentence."""
    return _span_names(raw, True)


def _span_names(raw: str, at_first: bool) -> tuple[_Name, ...]:
    """The cleaned names in one raw name span (offsets relative to it).

    They depend only on the span and on whether it opens its sentence (`at_first`), so a
    span seen before (names recur across the sentences and stories) costs one cache lookup
    (`_inner_span_names`, `_first_span_names`).
    """
    if "'" in raw or "’" in raw or " of " in raw:
        parts = _split_possessive(raw, 0, len(raw))
    else:
        parts = [(0, len(raw))]
    out: list[_Name] = []
    for ps, pe in parts:
        if at_first and ps == 0 and ("of" in raw or "for" in raw):
            # "Fighters of the Hashed al-Shaabi": a common first word
            lead = _INITIAL_OF.match(raw, ps, pe)
            if lead and lead.end() < pe:
                ps = lead.end()
        info = surface_info(raw if (ps, pe) == (0, len(raw)) else raw[ps:pe])
        if info is not None:
            s = ps + info.start
            out.append((s, ps + info.end, raw[s : ps + info.end], at_first and s == 0, info))
    return tuple(out)


# Where each raw name span starts in its sentence, with the names cleaned from it.
_Found = tuple[int, tuple[_Name, ...]]


def _sentence_names(sent: str) -> list[_Found]:
    """The cleaned name spans of one sentence, grouped by raw span (offset into the sentence)."""
    out: list[_Found] = []
    # where the first word starts (a name span starts at a word character, never before it);
    # most sentences open with a word character, where _LEAD_PUNCT matches the empty string
    first_word = None if sent[:1].isalnum() else _LEAD_PUNCT.match(sent)
    first_pos = first_word.end() if first_word else 0
    for m in name_spans(sent):
        span_start, span_end = m.span()
        raw = sent[span_start:span_end]
        names = _inner_span_names(raw) if span_start != first_pos else _first_span_names(raw)
        if names:
            out.append((span_start, names))
    return out


def extract_mentions(sentences: Sequence[Span], texts: dict[str, str]) -> list[Mention]:
    """Find capitalized-span mentions in body sentences.

    Args:
        sentences: sentence spans of all articles.
        texts: article id -> article text.

    Returns:
        Mentions with offsets into the article text and context type votes.
    """
    out: list[Mention] = []
    append = out.append
    lower_after = _LOWER_WORD_AFTER.match
    # Names are found within a sentence, so a sentence repeated in a story (quoted by several
    # articles, ~12% of DUC sentences) is scanned once; the votes read the context around it.
    found: dict[str, list[_Found]] = {}
    # Each article lowercased once for `_votes` (ASCII only: lower() keeps offsets there).
    lows = {art: t.lower() if t.isascii() else None for art, t in texts.items()}
    for sent in sentences:
        if sent.is_list or sent.is_header or sent.is_headline:
            continue
        names = found.get(sent.text)
        if names is None:
            names = found[sent.text] = _sentence_names(sent.text)
        if not names:
            continue
        base, article = sent.start, sent.article
        text, low = texts[article], lows[article]
        for offset, span_names in names:
            at = base + offset
            for rs, re_, surface, initial, info in span_names:
                s, e = at + rs, at + re_
                if info.adjective_like and lower_after(text, e):
                    continue
                votes = _votes(text, low, s, e, info)
                # tuple.__new__ builds the NamedTuple without its Python-level __new__ (~2x)
                append(_new_tuple(Mention, (article, s, e, surface, info.key, initial, votes)))
    return out


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
    if len(votes) == 1:  # most keys: one type voted for, with a positive count
        ((best, n),) = votes.items()
        return best if n > 0 else "other"
    best, n = max(votes.items(), key=operator.itemgetter(1))
    # a tie for first place leaves the type open, whichever of the tied is picked
    return best if n > max((c for t, c in votes.items() if t != best), default=0) else "other"


def _compatible(a: str, b: str) -> bool:
    """Whether two entity types may be merged ("other" goes with anything)."""
    return a == b or "other" in (a, b)


_START = operator.attrgetter("start")
_KEY = operator.attrgetter("key")
_KEY_INITIAL = operator.attrgetter("key", "initial")
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
        ms.sort(key=_START)
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
    # (over distinct keys: a story has ~25 mentions per distinct key)
    # (the distinct (key, initial) pairs first, with a C-level getter: ~18 mentions per pair)
    key_initial = set(map(_KEY_INITIAL, raw))
    non_initial = {_compact(k) for k, initial in key_initial if not initial}
    non_initial |= {_compact(t) for k, _ in key_initial if " " in k for t in k.split()}
    mentions = [
        m
        for m in raw
        if not (m.initial and " " not in m.key and _compact(m.key) not in non_initial)
    ]
    keys = sorted(set(map(_KEY, mentions)))
    key_ids = {k: i for i, k in enumerate(keys)}
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.votes:
            # the same counts, in the same order, as Counter.update (which is slow on a dict)
            pooled = votes[key_ids[m.key]]
            for t, n in m.votes.items():
                pooled[t] += n
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
    _short_form_merge(keys, uf, types, merge)
    return _assemble(mentions, key_ids, uf, votes)


# Words dropped from the end of a key before fuzzy matching ("Syrian Democratic Forces").
_CORE_SUFFIX = re.compile(r"\s+(?:forces|units|group|organi[sz]ation|river)$")
_CORE_WORDS = ("forces", "units", "group", "organisation", "organization", "river")


def _fuzzy_merge(keys: list[str], merge: _Merge) -> None:
    """Merge transliteration variants gated by skeleton and ratio."""
    core = [_CORE_SUFFIX.sub("", k) if k.endswith(_CORE_WORDS) else k for k in keys]
    compacts = [_compact(k) for k in core]
    skels = [_skeleton(c) for c in compacts]
    bags: dict[tuple[str, ...], int] = {}
    for i, k in enumerate(core):
        if " " not in k:
            continue  # one word: no bag of two or more words (keys are space-joined)
        bag = tuple(sorted(k.split()))
        if len(bag) > 1:  # "Transitional National Council" / "National Transitional Council"
            if bag in bags:
                merge(bags[bag], i)
            bags.setdefault(bag, i)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, sk in enumerate(skels):
        if sk:
            blocks[sk[:1]].append(i)
    letters: dict[int, Counter[str]] = {}
    lengths = [len(c) for c in compacts]
    min_ratio = min(SKELETON_RATIO, COMPACT_RATIO)
    for block in blocks.values():
        # Shortest first: the length ratio of i to later members only falls, so the scan for i
        # stops at the first member too long to ever pass a ratio gate (most pairs).
        members = sorted(block, key=lengths.__getitem__)
        for x, i in enumerate(members):
            compact_i, skel_i, la = compacts[i], skels[i], lengths[i]
            long_skel = len(skel_i) >= MIN_SKELETON
            for j in members[x + 1 :]:
                lb = lengths[j]  # >= la
                length_ratio = 2 * la / (la + lb)
                if length_ratio < min_ratio:
                    break  # equal or plural pairs are far above min_ratio, so none is lost
                compact_j = compacts[j]
                if compact_i == compact_j or (
                    # one is the other plus a plural s ("Houthi" / "Houthis"); compact_i is shorter
                    lb == la + 1
                    and la >= MIN_PLURAL_STEM
                    and compact_j[-1] == "s"
                    and compact_j.startswith(compact_i)
                ):
                    merge(i, j)
                    continue
                same_skel = long_skel and skel_i == skels[j]
                if length_ratio < (SKELETON_RATIO if same_skel else COMPACT_RATIO):
                    continue
                if not same_skel and compacts[i][:1] != compacts[j][:1]:
                    continue  # spelling variants that are not skeleton-equal share a start
                bits_i, bits_j = _letter_bits(compact_i), _letter_bits(compacts[j])
                if bits_i is not None and bits_j is not None:
                    # the letters in common as one AND: what `_quick_ratio` counts, in C
                    common = (bits_i & bits_j).bit_count()
                    if (2.0 * common / (la + lb) if la + lb else 1.0) < SKELETON_RATIO:
                        continue
                else:
                    if i not in letters:
                        letters[i] = Counter(compacts[i])
                    if j not in letters:
                        letters[j] = Counter(compacts[j])
                    if _quick_ratio(letters[i], letters[j], la + lb) < SKELETON_RATIO:
                        continue
                short, long_ = sorted((compacts[i], compacts[j]), key=len)
                if long_.startswith(short):
                    continue  # "Republic"/"Republican", "Honduras"/"Hondurans": derived words
                ratio = difflib.SequenceMatcher(None, compacts[i], compacts[j]).ratio()
                same_end = (compacts[i][-1] in "aeiouy") == (compacts[j][-1] in "aeiouy")
                if (same_skel and same_end and ratio >= SKELETON_RATIO) or (
                    ratio >= COMPACT_RATIO
                    and len(compacts[i]) >= 5
                    and difflib.SequenceMatcher(None, skels[i], skels[j]).ratio() >= SKELETON_RATIO
                    and same_end
                ):
                    merge(i, j)


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
            ext = {
                c
                for ini, cs in by_initials.items()
                for c in cs
                if len(ini) >= 2
                and letters.startswith(ini)
                and 0 < len(letters) - len(ini) <= 2
                and all(ch in place_letters for ch in letters[len(ini) :])
            }
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
            for j, toks_j in members[x + 1 :]:
                # one of the two must be typed a person: untyped pairs are often titles of
                # things ("World Food Program" / "World Health Program")
                if "person" in (types[uf.find(i)], types[uf.find(j)]) and _given_names_match(
                    toks_i, toks_j
                ):
                    merge(i, j)


def _short_form_merge(
    keys: list[str], uf: _UnionFind, types: dict[int, str], merge: _Merge
) -> None:
    """Merge a one-word name with the unique person whose last name it is."""
    last: dict[str, set[int]] = defaultdict(set)
    last_skel: dict[str, set[int]] = defaultdict(set)
    for i, k in enumerate(keys):
        toks = k.split()
        if len(toks) > 1 and types[uf.find(i)] == "person" and not CONNECT & set(toks):
            last[toks[-1]].add(uf.find(i))
            last_skel[_skeleton(_compact(toks[-1]))].add(uf.find(i))
    for i, k in enumerate(keys):
        if " " in k or types[uf.find(i)] not in ("person", "other"):
            continue
        cands = last.get(k, set())
        skel = _skeleton(_compact(k))
        if not cands and len(skel) >= MIN_SHORT_SKELETON:  # "Kadhafi" for "Muammar Qaddafi"
            cands = last_skel.get(skel, set())
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
    root_of = [uf.find(i) for i in range(len(uf.parent))]  # once per key, not per mention
    for m in mentions:
        groups[root_of[key_ids[m.key]]].append(m)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].surface))
    entities: list[Entity] = []
    index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    types: dict[int, str] = {}
    names: dict[int, str] = {}
    for eid, (root, ms) in enumerate(ordered):
        pooled = votes.get(root)  # most entities got no vote: no empty Counter for them
        etype = _type_of(pooled) if pooled else "other"
        variants: tuple[str, ...]
        arts: tuple[str, ...]
        if len(ms) == 1:  # most entities: the rules below pick the one surface
            name, variants, arts = ms[0].surface, (ms[0].surface,), (ms[0].article,)
        else:
            surf_counts: dict[str, int] = {}  # a plain dict: a Counter per entity cost more
            for m in ms:
                surf_counts[m.surface] = surf_counts.get(m.surface, 0) + 1
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
