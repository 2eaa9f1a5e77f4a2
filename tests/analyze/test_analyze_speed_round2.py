"""Issue 4, second speed round: every shortcut must give what the code it replaced gave.

The references below are the replaced code, kept verbatim (but for names), so that each
property test fails if a shortcut ever finds something different.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.analyze import _names as names
from synopsis.analyze import _text, analyze, entities, numbers, timeline
from synopsis.analyze._surface import Surface, surface_info
from synopsis.model.types import Article
from synopsis.text.segment import segment_article

# Pieces that exercise names, particles, possessives, context words, numbers and dates.
PIECES = [
    "al-", "el ", "as-", "bin ", "Abu ", "de ", "van ", "Al", "Deir", "Qaim", "Hashed", "US",
    "U.S.", "Mr.", "President ", "Fighters of the ", "Bank of ", "Syrian ", "Forces", "’s ",
    "'s ", "'", " of ", " for ", " the ", " and ", " in ", " near ", " said", " told", ", ",
    " city", " group", ", the envoy", "(", ")", "SAA", " or ", "Ş", "é", " ", " ", "  ", "\t",
    "-", ".", "two", "Two", "TWO", "a dozen", "A hundred", "tens of thousands", "ten", "_",
    "5", "1,500", "1998", "2017", "$", "US$", "£", "\n", "ago", "today", "yesterday",
    "last week", "June", "May", "Sept.", "Tuesday", "Monday,", "on Friday", " 3 ", "percent",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)
ascii_texts = texts.filter(str.isascii)


def _fold_ref(s: str) -> str:
    """`fold` as first written: a translation table deleting apostrophes."""
    if s.isascii():
        return s.translate(str.maketrans("", "", "'`")).lower()
    return _text.fold(s)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20) | texts)
def test_issue4_fold_with_replaces_same_as_translate(s: str) -> None:
    assert _text.fold(s) == _fold_ref(s)


@settings(max_examples=400, deadline=None)
@given(ascii_texts)
def test_issue4_ascii_anchor_scan_same_as_regex_scan(text: str) -> None:
    words = [m.start(1) for m in numbers._ANCHOR_WORD_AFTER.finditer(text)]
    if numbers._ANCHOR_WORD_AT.match(text):
        words.insert(0, 0)
    expected = sorted(words + [m.start() for m in re.finditer(r"[0-9]+", text)])
    assert numbers._anchor_starts(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="09a _-\n", max_size=20))
def test_issue4_digit_runs_found_with_bytes_find(text: str) -> None:
    expected = [m.start() for m in re.finditer(r"[0-9]+", text)]
    assert _text.digit_run_starts(text.encode("ascii")) == expected


def test_issue4_ascii_anchor_scan_keeps_word_starts_only() -> None:
    text = "two_x, Twenty-two (TWO) hundreds of ten-5 a dozen A Dozen often"
    found = [text[p : p + 6] for p in numbers._anchor_starts(text)]
    # not "two_x" (glued), "TWO" (capitals after the first letter) or "often" (inside a word)
    expected = ["Twenty", "two (T", "hundre", "ten-5 ", "5 a do", "a doze", "dozen ", "A Doze"]
    assert found == [*expected, "Dozen "]


@settings(max_examples=300, deadline=None)
@given(st.text("abcdeqkh09", max_size=14), st.text("abcdeqkh09", max_size=14))
def test_issue4_letter_bits_count_the_letters_in_common(a: str, b: str) -> None:
    bits_a, bits_b = names.letter_bits(a), names.letter_bits(b)
    assert bits_a is not None and bits_b is not None
    ca, cb = Counter(a), Counter(b)
    assert (bits_a & bits_b).bit_count() == sum(min(n, cb[ch]) for ch, n in ca.items())


def test_issue4_letter_bits_give_up_on_long_runs_and_other_characters() -> None:
    assert names.letter_bits("a" * (names.LETTER_FIELD + 1)) is None
    assert names.letter_bits("a" * names.LETTER_FIELD) is not None
    assert names.letter_bits("şam") is None and names.letter_bits("o'neil") is None


def test_issue4_fuzzy_merge_same_pairs_with_and_without_letter_bits() -> None:
    """Keys outside a-z take the Counter path; both paths merge the same variants."""
    keys = ["houthi", "houthis", "kolodziej", "kołodziej", "qaddafi", "qadhafi", "qatar"]
    merged: list[tuple[int, int]] = []
    entities._fuzzy_merge(keys, lambda a, b: merged.append((a, b)))
    assert names.letter_bits("kołodziej") is None  # "ł": counted with a Counter
    assert merged == [(0, 1), (4, 5), (2, 3)]  # what the Counter-only code merged


def _sentence_names_ref(sent: str) -> list[tuple[int, int, str, bool, Surface]]:
    """`_sentence_names` as first written: every span cleaned in place, offsets in the sentence."""
    out: list[tuple[int, int, str, bool, Surface]] = []
    first_word = entities._LEAD_PUNCT.match(sent)
    first_pos = first_word.end() if first_word else 0
    for m in names.name_spans(sent):
        raw = m.group(0)
        span_start, span_end = m.start(), m.end()
        parts = (
            entities._split_possessive(sent, span_start, span_end)
            if "'" in raw or "’" in raw or " of " in raw
            else ((span_start, span_end),)
        )
        for ps, pe in parts:
            if ps == first_pos and ("of" in raw or "for" in raw):
                lead = entities._INITIAL_OF.match(sent, ps, pe)
                if lead and lead.end() < pe:
                    ps = lead.end()
            info = surface_info(raw if (ps, pe) == (span_start, span_end) else sent[ps:pe])
            if info is not None:
                s = ps + info.start
                out.append((s, ps + info.end, sent[s : ps + info.end], s == first_pos, info))
    return out


@settings(max_examples=500, deadline=None)
@given(texts)
def test_issue4_names_cached_per_span_same_as_per_sentence(sent: str) -> None:
    found = [
        (offset + s, offset + e, surface, initial, info)
        for offset, span_names in entities._sentence_names(sent)
        for s, e, surface, initial, info in span_names
    ]
    assert found == _sentence_names_ref(sent)


def test_issue4_span_names_split_possessives_and_lead_words() -> None:
    sent = "Fighters of the Hashed al-Shaabi met Syria's President Bashar al-Assad."
    found = [
        (offset + s, surface, initial)
        for offset, span_names in entities._sentence_names(sent)
        for s, _, surface, initial, _ in span_names
    ]
    assert found == [
        (16, "Hashed al-Shaabi", False),
        (37, "Syria", False),
        (55, "Bashar al-Assad", False),
    ]


def _votes_ref(text: str, s: int, e: int, info: Surface) -> dict[str, int]:
    """`_votes` as first written (lowercasing the two words before the name each time)."""
    votes: dict[str, int] = dict(info.votes) if info.votes else {}
    last = second = ""
    if s and text[s - 1].isspace():
        prev = text[max(0, s - 40) : s].rsplit(None, 2)
        if prev:
            last = prev[-1].lower()
        if len(prev) > 1:
            second = prev[-2].lower()
    place_before = (
        (last == "of" and second in entities._PLACE_NOUNS)
        or last in entities._PLACE_PREPS
        or (last == "the" and second in entities._PLACE_PREPS)
    )
    after = ""
    nxt = text[e : e + 1]
    if (nxt == "," and info.multi) or nxt.isspace():
        m = entities._AFTER.match(text, e, e + 30)
        after = (m.lastgroup or "") if m else ""
    if place_before or after == "place":
        votes["place"] = votes.get("place", 0) + 2
    if after == "organization":
        votes["organization"] = votes.get("organization", 0) + 2
    if info.multi and not votes and (after == "said" or last == "said"):
        votes["person"] = votes.get("person", 0) + 1
    if info.multi and after == "role":
        votes["person"] = votes.get("person", 0) + 2
    if info.acronym and not votes:
        votes["organization"] = votes.get("organization", 0) + 1
    return votes


NAMES = ["Okafor", "Deir Ezzor", "SAA", "US", "Syrian Democratic Forces", "Euphrates River"]


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(NAMES), texts)
def test_issue4_votes_same_as_reference(before: str, name: str, after: str) -> None:
    text = before + name + after
    s, e = len(before), len(before) + len(name)
    info = surface_info(name)
    assert info is not None
    low = text.lower() if text.isascii() else None
    assert entities._votes(text, low, s, e, info) == _votes_ref(text, s, e, info)


DATE_PIECES = [
    *PIECES, "Jan", "January 5, 2017", "5 May 1998", "in 1998", "1998 to 2000", "three years ago",
    "Last month", "this March", "the end of", "Yesterday",
]  # fmt: skip
date_texts = st.lists(st.sampled_from(DATE_PIECES), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(date_texts)
def test_issue4_window_needs_hold_for_every_date_match(text: str) -> None:
    """A pattern is skipped only where it cannot match: its needs hold on each of its matches."""
    for rx, kind in timeline._PATTERNS:
        for m in rx.finditer(text):
            has = timeline._window_has(text, m.start(), m.end())
            assert timeline._NEED[kind] & has == timeline._NEED[kind], (kind, m.group(0))


def _find_dates_ref(
    text: str, start: int, end: int, pub: dt.date | None
) -> list[tuple[int, int, str]]:
    """`find_dates` with every pattern run on every window (no needs, no shortcuts)."""
    anchors = [(a.start(), a.end()) for a in timeline._ANY_DATE.finditer(text, start, end)]
    windows: list[list[int]] = []
    for a_start, a_end in anchors:
        ws, we = max(start, a_start - timeline._LEFT), min(end, a_end + timeline._RIGHT)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = we
        else:
            windows.append([ws, we])
    cands: dict[tuple[int, int], str] = {}
    for ws, we in windows:
        for rx, kind in timeline._PATTERNS:
            for m in rx.finditer(text, ws, we):
                cands.setdefault(m.span(), timeline._resolve(m, kind, pub, start, end))
    taken: list[tuple[int, int]] = []
    found = []
    for (s, e), date in sorted(cands.items(), key=lambda c: (c[0][0] - c[0][1], c[0][0])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        found.append((s, e, date))
    return sorted(found)


@settings(max_examples=400, deadline=None)
@given(date_texts, st.sampled_from([None, dt.date(2017, 11, 3)]))
def test_issue4_find_dates_same_as_running_every_pattern(text: str, pub: dt.date | None) -> None:
    found = [(d.start, d.end, d.date) for d in timeline.find_dates(text, 0, len(text), pub)]
    assert found == _find_dates_ref(text, 0, len(text), pub)


ents_lists = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 5), st.integers(0, 6)), max_size=10
).map(lambda xs: sorted((s, s + n, eid) for s, n, eid in xs))


@settings(max_examples=400, deadline=None)
@given(ents_lists, st.integers(0, 60), st.integers(0, 10), st.integers(0, 3))
def test_issue4_nearest_in_one_pass_same_as_two_lists(
    ents: list[tuple[int, int, int]], s: int, width: int, background: int
) -> None:
    sent = _text.Span("a", 5, 55, "x" * 50, 0)
    e = s + width
    before = [eid for st_, _, eid in ents if sent.start <= st_ < s and eid >= background]
    after = [eid for st_, _, eid in ents if e <= st_ < sent.end and eid >= background]
    assert numbers._nearest(ents, sent, s, e, background) == set(before[-1:] + after[:1])


def test_issue4_content_lines_passed_in_give_the_same_spans_and_dateline() -> None:
    text = "Lagos, March 3, 2017\nBy Ada Obi\nOfficials said two boats sank on Friday."
    lines = _text.content_lines(text)
    sents = [(s.start, s.end) for s in segment_article(Article("a", text))]
    assert _text.spans_from_sentences("a", text, sents, lines) == _text.spans_from_sentences(
        "a", text, sents
    )
    assert timeline.publication_date(text, None, lines) == timeline.publication_date(text, None)
    assert timeline.publication_date(text, None) == dt.date(2017, 3, 3)


def test_issue4_currency_precheck_keeps_signs_and_a_sign_before_a_newline() -> None:
    """The sign check before `_CUR_BEFORE` must let through every hit, "$" + newline too."""
    for before in ("$", "US$", "€", "£", "$\n"):
        text = f"{before}5 x"
        pos = len(before)
        hit = numbers._CUR_BEFORE.search(text, max(0, pos - 3), pos)
        assert hit is not None and text[pos - 1] in numbers._CUR_LAST_CHARS


# The classes the glued-number checks were first written as.
GLUED_BEFORE = re.compile(r"[\w@#/:.\-’']")
GLUED_AFTER = re.compile(r"[\w:’']")


@settings(max_examples=500, deadline=None)
@given(st.characters() | st.sampled_from(["", "_", "-", "’", "'", "@", ":", "٣", "ſ"]))
def test_issue4_glued_checks_same_as_the_classes(char: str) -> None:
    assert numbers._glued(char, numbers._GLUED_BEFORE_MARKS) == bool(GLUED_BEFORE.match(char))
    assert numbers._glued(char, numbers._GLUED_AFTER_MARKS) == bool(GLUED_AFTER.match(char))


def _stems_ref(text: str) -> frozenset[str]:
    """The context stems as first written: a loop over r"[a-z]+" words of fold(text)."""
    out: set[str] = set()
    for w in re.findall(r"[a-z]+", _text.fold(text)):
        out.update(_text._word_stems(w))
    return frozenset(out)


@settings(max_examples=400, deadline=None)
@given(texts | st.text(max_size=30))
def test_issue4_content_stems_from_bytes_same_as_findall(text: str) -> None:
    assert _text.content_stems(text) == _stems_ref(text)


def test_issue4_aliases_still_found_after_the_article_precheck() -> None:
    """The pair scan is skipped only in articles with no "(" and no ", or "."""
    arts = [
        Article("a", "Fighters of the Popular Mobilisation Units, or PMU, entered Qaim. PMU won."),
        Article("b", "The Syrian Arab Army (SAA) took Mayadin. SAA troops moved on."),
        Article("c", "Syrian Arab Army troops and PMU fighters met near Qaim on Friday."),
    ]
    found = {e.name: e.variants for e in analyze(arts).entities}
    assert found["Popular Mobilisation Units"] == ("PMU", "Popular Mobilisation Units")
    assert found["Syrian Arab Army"] == ("SAA", "Syrian Arab Army")
