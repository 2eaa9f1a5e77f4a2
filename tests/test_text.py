"""The shared text toolkit (synopsis.text): tokens, stems, stopwords, dates, decoding, caches."""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice, product
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import synopsis.analyze._text as analyze_text
import synopsis.clean.boilerplate as boilerplate
from synopsis.summarizer.features import features
from synopsis.text import (
    STOPWORDS,
    decode_bytes,
    month_number,
    normalize_date,
    stem,
    words,
)
from synopsis.text.cache import BoundedMemo
from synopsis.text.segment import split_sentences
from synopsis.text.tokens import STEM_CACHE_SIZE

SRC = Path(__file__).resolve().parents[1] / "src" / "synopsis"


def _distinct_words(n: int) -> list[str]:
    """n distinct lowercase letter-only words of 5 letters ("aaaaa", "aaaab", ...)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(t) for t in islice(product(letters, repeat=5), n)]


# --- tokens and stems ---------------------------------------------------------------------------


def test_words_lowercase_keep_inner_apostrophes_and_split_on_underscores() -> None:
    assert words("Don’t stop_now, U.S. team!") == ["don't", "stop", "now", "u", "s", "team"]


def test_stem_is_porter2() -> None:
    assert [stem(w) for w in ("running", "agreed", "generously", "cities")] == [
        "run",
        "agre",
        "generous",
        "citi",
    ]


def test_stem_cache_stays_bounded_after_100k_distinct_words() -> None:
    stem.cache_clear()
    for w in _distinct_words(100_000):
        stem(w)
    info = stem.cache_info()
    assert info.maxsize == STEM_CACHE_SIZE < 100_000
    assert info.currsize <= STEM_CACHE_SIZE
    stem.cache_clear()


def test_analyze_stem_memo_stays_bounded_after_100k_distinct_words() -> None:
    text = " ".join(_distinct_words(100_000))
    stems = analyze_text.content_stems(text)
    assert len(stems) > 1000
    assert len(analyze_text._STEMS_OF) <= STEM_CACHE_SIZE
    analyze_text.content_stems("café " + text)
    assert len(analyze_text._STEMS_OF) <= STEM_CACHE_SIZE


def test_bounded_memo_computes_each_key_and_never_exceeds_its_bound() -> None:
    calls: list[int] = []

    def square(x: int) -> int:
        calls.append(x)
        return x * x

    memo = BoundedMemo(square, 3)
    assert [memo[k] for k in (1, 2, 1, 3, 4, 5)] == [1, 4, 1, 9, 16, 25]
    assert calls == [1, 2, 3, 4, 5]  # the second 1 was remembered
    assert len(memo) <= 3


def test_bounded_memo_rejects_a_zero_bound() -> None:
    with pytest.raises(ValueError, match="maxsize"):
        BoundedMemo(str, 0)


# --- stopwords ----------------------------------------------------------------------------------


def test_summarizer_leaves_shared_stopwords_out_of_content_words() -> None:
    f = features("According to officials, the bridge was closed")
    assert "accord" not in f.content and "the" not in f.content
    assert {"offici", "bridg", "close"} <= f.content


def test_every_stage_takes_its_stopwords_from_text_stopwords() -> None:
    assert boilerplate.STOPWORDS is STOPWORDS
    assert boilerplate._CONTINUING_WORDS <= STOPWORDS
    added = frozenset({"first", "two", "onto", "shall", "it's"})
    assert analyze_text.STOPWORDS - added <= STOPWORDS


def test_no_module_outside_text_defines_its_own_stopword_list() -> None:
    literal_list = re.compile(r"^\s*_?STOPWORDS\s*=\s*frozenset\(", re.M)
    owners = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if literal_list.search(path.read_text(encoding="utf-8"))
    ]
    assert owners == ["text/stopwords.py"]


def test_no_module_outside_text_spells_out_the_month_names() -> None:
    months = re.compile(r"\bjanuary\b.{0,40}\bfebruary\b", re.I | re.S)
    owners = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if months.search(path.read_text(encoding="utf-8"))
    ]
    assert owners == ["text/dates.py"]


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "March 3, 2026",
        "3 March 2026",
        "2026-03-03",
        "Mar. 3, 2026",
        "Mar 3rd 2026",
        "3rd Mar, 2026",
        "2026-03-03T10:00:00Z",
        "2026/3/3",
    ],
)
def test_normalize_date_reads_common_publication_date_forms(value: str) -> None:
    assert normalize_date(value) == "2026-03-03"


@pytest.mark.parametrize(
    "value", [None, "", "yesterday", "February 30, 2026", "Marchy 3, 2026", "2026-13-01", "3/3/26"]
)
def test_normalize_date_gives_none_for_what_is_not_a_calendar_date(value: str | None) -> None:
    assert normalize_date(value) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_normalize_date_reads_back_any_date_it_could_print(day: dt.date) -> None:
    for form in ("%B %d, %Y", "%d %B %Y", "%b. %d, %Y", "%d %b %Y", "%Y-%m-%d"):
        assert normalize_date(day.strftime(form)) == day.isoformat()


def test_month_number_takes_names_and_abbreviations_of_three_letters_or_more() -> None:
    assert [month_number(w) for w in ("Sept", "sep", "MAY", "December", "ma", "Maybe")] == [
        9,
        9,
        5,
        12,
        0,
        0,
    ]


def test_a_month_abbreviation_before_a_day_does_not_end_a_sentence() -> None:
    text = "The bridge opened on Sept. 5 in the rain. It closed a day later."
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences == ["The bridge opened on Sept. 5 in the rain.", "It closed a day later."]


# --- decoding -----------------------------------------------------------------------------------


def test_decode_bytes_removes_a_utf8_bom_and_reads_utf16_with_bom() -> None:
    assert decode_bytes("\ufeffcafé".encode()) == "café"
    assert decode_bytes("café au lait".encode("utf-16")) == "café au lait"


def test_decode_bytes_refuses_binary_data() -> None:
    assert decode_bytes(b"PK\x03\x04\x00\x00binary") is None


def test_decode_bytes_reads_windows_1252_text() -> None:
    text = (
        "The café’s owner said the “new” menu costs €12 and that the crème brûlée is back. "
        "Regulars were pleased to find the old pâté on the menu after months of works.\n"
    )
    assert decode_bytes(text.encode("cp1252")) == text


def test_a_name_after_a_verb_in_ing_or_ed_stands_where_a_person_does() -> None:
    from synopsis.text.surnames import person_position

    text = "Troops from Angola, who are backing Kabila, arrived."
    assert person_position(text, text.index("Kabila"), text.index("Kabila") + 6)
    text = "The threat is higher than at any previous Olympics."
    assert not person_position(text, text.index("Olympics"), text.index("Olympics") + 8)


def test_a_name_before_a_modal_stands_where_a_person_does() -> None:
    from synopsis.text.surnames import person_position

    # DUC 2004 D31009: "By tradition, Demirel should then have asked ..." kept the bare surname
    text = "By tradition, Okafor should then have asked the largest party."
    assert person_position(text, text.index("Okafor"), text.index("Okafor") + 6)
    for modal in ("could", "might", "must"):
        said = f"Okafor {modal} still call the vote."
        assert person_position(said, 0, 6)
    # "may" is also a month: not read as a modal after a name
    assert not person_position("Since Okafor may be away, the vote waits.", 6, 12)


def test_two_names_joined_as_a_plural_verbs_subject_stand_where_people_do() -> None:
    from synopsis.text.surnames import person_position

    # DUC 2007 D0740-A: "Branson and Fossett are to take off from Marrakech"
    text = "Lowe and Ekholm are to take off from Port Alder."
    assert person_position(text, 0, 4)
    assert person_position(text, text.index("Ekholm"), text.index("Ekholm") + 6)
    written = "Lowe and Bo Ekholm are to take off from Port Alder."
    assert person_position(written, 0, 4)
    text = "Ferries sail between Lowe and Ekholm on weekdays."
    assert not person_position(text, text.index("Ekholm"), text.index("Ekholm") + 6)


def test_a_name_joined_to_a_description_as_plural_subject_stands_where_a_person_does() -> None:
    from synopsis.text.surnames import person_position

    # Multi-News dev 2257: "... and el-Adli and six of his aides are on trial" kept the bare name
    text = "The sons face charges, and el-Okafor and six of his aides are on trial."
    at = text.index("el-Okafor")
    assert person_position(text, at, at + len("el-Okafor"))
    assert person_position("Okafor and his wife were arrested.", 0, 6)
    # a singular verb after the description: a thing named after the person, maybe
    assert not person_position("Okafor and the county park is open.", 0, 6)


def test_a_headings_word_before_a_given_name_is_not_part_of_the_full_name() -> None:
    from synopsis.text.surnames import bare_surnames

    # DUC 2007 D0736-A: "THE AUTHOR: Meet Wally Lamb" gave "Oprah Winfrey discovered Meet Wally
    # Lamb"
    source = "THE AUTHOR: Meet Rae Tamm, a novelist.\nOprah Winfrey discovered Tamm in 1996."
    sentence = "Oprah Winfrey discovered Tamm in 1996."
    assert [e.full for e in bare_surnames(sentence, source)] == ["Rae Tamm"]
    # two given names stay together
    source = "Author Mary Ann Tamm spoke.\nOprah Winfrey discovered Tamm in 1996."
    assert [e.full for e in bare_surnames(sentence, source)] == ["Mary Ann Tamm"]


def test_a_surname_a_person_is_reached_or_arrested_by_is_written_in_full_first() -> None:
    from synopsis.text.surnames import bare_surnames

    # Multi-News dev 60: the bare surname opened the 200-word summary's mention of him
    source = (
        "Police said her boyfriend, 32-year-old Nicholas Mattevi, was arrested around 5 a.m.\n"
        "Mattevi has since posted bond.\nABC News could not reach Mattevi for comment."
    )
    found = bare_surnames("ABC News could not reach Mattevi for comment.", source)
    assert [e.full for e in found] == ["Nicholas Mattevi"]


def test_a_surname_whose_full_name_has_a_particle_is_written_with_it() -> None:
    from synopsis.text.surnames import bare_surnames

    # Multi-News dev 4360: "Erlaf said Tuesday" was read as a surname never introduced
    source = (
        "A former minister, Mohamed Ag Erlaf, identified himself as the chief negotiator.\n"
        "Reached by telephone, Erlaf said Tuesday that the rebels are open to talks."
    )
    found = bare_surnames("Reached by telephone, Erlaf said Tuesday that talks are open.", source)
    assert [e.full for e in found] == ["Mohamed Ag Erlaf"]
    dutch = "The painter Vincent van Gogh lived in Arles.\nGogh said he was poor."
    assert [e.full for e in bare_surnames("Gogh said he was poor.", dutch)] == ["Vincent van Gogh"]


def test_the_first_of_two_names_joined_as_a_subject_is_written_in_full_beside_a_namesake() -> None:
    from synopsis.text.surnames import bare_surnames

    # DUC 2007 D0721-B: "Kreifels and Dolan described ..." became "Kreifels and Charles Dolan
    # described ...": the first of the pair was not read as a person's name, and "Aaron" was
    # taken to stand alone because "Aaron McKinney" is in the same article
    source = (
        "Aaron McKinney is on trial.\n"
        "Prosecutors called two witnesses: Aaron Kreifels, the student who found him; "
        "Charles Dolan, the neighbor who tried to help.\n"
        "Kreifels and Dolan described efforts to free him from the fence."
    )
    found = bare_surnames("Kreifels and Dolan described efforts to free him.", source)
    assert [e.full for e in found] == ["Aaron Kreifels", "Charles Dolan"]
    # a given name that does stand alone still says the pair is no one's full name
    place = "Boston Marathon runners gathered.\nBoston said it would help.\nIn Boston, crowds met."
    assert bare_surnames("Marathon said it would help.", place) == []


def test_a_surname_with_a_lowercase_article_is_written_in_full_but_a_town_is_not() -> None:
    from synopsis.text.surnames import bare_surnames

    source = (
        "Iraqi Prime Minister Haider al-Abadi said the army had retaken al-Qaim.\n"
        "The border town of al-Qaim fell on Friday, al-Abadi said in a statement."
    )
    found = bare_surnames("The town fell on Friday, al-Abadi said in a statement.", source)
    assert [e.full for e in found] == ["Haider al-Abadi"]
    assert bare_surnames("Troops entered al-Qaim on Friday.", source) == []


def test_a_name_opening_its_sentences_is_a_person_by_a_role_in_apposition() -> None:
    from synopsis.text.surnames import bare_surnames

    # Multi-News dev 3580: both full mentions open a sentence, and the apposition has no article
    source = (
        "Twitter promised changes.\n"
        "Imani Gandy, senior legal analyst at RH Reality Check, wrote Tuesday about abuse.\n"
        "Gandy has also collected other instances of harassment."
    )
    found = bare_surnames("Gandy has collected other instances of harassment.", source)
    assert [e.full for e in found] == ["Imani Gandy"]
    # a capitalized pair opening sentences with no mark of a person stays as written
    brand = "Whenever Netflix launches, it grows.\nWhenever Netflix stalls, it cuts prices."
    assert bare_surnames("Netflix has grown.", brand) == []


def test_a_show_titled_with_the_given_name_does_not_hide_the_full_name() -> None:
    from synopsis.text.surnames import bare_surnames

    # Multi-News dev 1952: the show's title "'Ellen'" is not the given name standing alone
    source = (
        "Snooki Talks Drinking on 'Ellen'\nIn an interview with Ellen DeGeneres, the star admits "
        "she may overdo it. The author told DeGeneres she wants to remember her nights."
    )
    found = bare_surnames("The author told DeGeneres she wants to remember her nights.", source)
    assert [e.full for e in found] == ["Ellen DeGeneres"]
    # the name standing alone outside quotation marks still reads as a place or a brand
    brand = source.replace("'Ellen'", "Ellen tonight")
    assert bare_surnames("The author told DeGeneres she wants to remember.", brand) == []
