"""Name mentions: titles and lead words trimmed, possessives split, context votes, aliases."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from synopsis.analyze import _text, analyze, entities
from synopsis.analyze._mentions import _sentence_names, extract_mentions
from synopsis.analyze._names import name_spans
from synopsis.model.types import Article
from synopsis.text.segment import segment_article


def test_title_with_modifier_stripped_from_person() -> None:
    arts = [
        Article("a", "Transport Commissioner Daniel Okafor said the bridge is closed."),
        Article("b", "Okafor said ferries would run. Transport Commissioner Daniel Okafor agreed."),
    ]
    found = analyze(arts).entities
    okafor = next(e for e in found if "Okafor" in e.variants)
    assert okafor.name == "Daniel Okafor"
    assert okafor.type == "person"
    assert set(okafor.variants) == {"Daniel Okafor", "Okafor"}
    health = analyze([Article("c", "Health Minister Jane Doe visited the Harbourside Clinic.")])
    assert "Jane Doe" in {e.name for e in health.entities}


def test_a_surname_after_an_abbreviated_title_is_a_person() -> None:
    text = (
        "She had been teaching English in Damascus, where Mr. Bauer was working as a "
        "freelance journalist. Mr. Fattal came to visit. Later Dr. Okoro and Sen. Marsh met "
        "in Dover."
    )
    found = {e.name: e.type for e in analyze([Article("a", text)]).entities}
    assert found["Bauer"] == found["Fattal"] == found["Okoro"] == found["Marsh"] == "person"
    assert found["Damascus"] != "person"


def test_an_abbreviation_opening_a_place_name_stays_in_the_name() -> None:
    spans = [m.group(0) for m in name_spans("She was shot in St. Petersburg and Mt. Everest.")]
    assert spans == ["She", "St. Petersburg", "Mt. Everest"]
    # a period that ends the sentence ends the name
    spans = [m.group(0) for m in name_spans("Ann lives on Main St. He said no.")]
    assert spans == ["Ann", "Main St", "He"]


def test_office_names_keep_their_words() -> None:
    arts = [
        Article(
            "a",
            "The Transport Ministry closed the road. The Health Department opened a clinic. "
            "The High Commissioner for Refugees sent tents.",
        )
    ]
    names = {e.name for e in analyze(arts).entities}
    assert {"Transport Ministry", "Health Department", "High Commissioner for Refugees"} <= names


def test_names_with_particles_are_one_span() -> None:
    text = "Fighters left Deir ez-Zor; al-Qaim fell. Ahmed bin Salman and de Gaulle met."
    spans = [m.group(0) for m in name_spans(text)]
    assert spans == ["Fighters", "Deir ez-Zor", "al-Qaim", "Ahmed bin Salman", "de Gaulle"]


def test_span_names_split_possessives_and_lead_words() -> None:
    sent = "Fighters of the Hashed al-Shaabi met Syria's President Bashar al-Assad."
    found = [
        (offset + s, surface, initial)
        for offset, span_names in _sentence_names(sent)
        for s, _, surface, initial, _ in span_names
    ]
    assert found == [
        (16, "Hashed al-Shaabi", False),
        (37, "Syria", False),
        (55, "Bashar al-Assad", False),
    ]


def test_a_plural_possessive_inside_an_organization_name_is_not_split() -> None:
    # DUC 2004 D30001 named the party "Cambodian People" and could not spell out "the CPP"
    sent = "Hun Sen's Cambodian People's Party won, and the Women's Tennis Association met."
    surfaces = [
        surface for _, span_names in _sentence_names(sent) for _, _, surface, _, _ in span_names
    ]
    assert "Cambodian People's Party" in surfaces and "Women's Tennis Association" in surfaces
    assert "Hun Sen" in surfaces  # an owner's possessive is still split off
    arts = [
        Article(
            "a",
            "Hun Sen heads the CPP. Hun Sen's Cambodian People's Party won 64 of 122 seats.",
        )
    ]
    party = next(e for e in analyze(arts).entities if "CPP" in e.variants)
    assert party.name == "Cambodian People's Party"


def test_repeated_sentence_mentions_use_their_own_context() -> None:
    text = "He lives in Okafor. Okafor said it. Okafor said it."
    sents = _text.spans_from_sentences(
        "a", text, ((s.start, s.end) for s in segment_article(Article("a", text)))
    )
    found = extract_mentions(sents, {"a": text})
    assert [(m.start, m.surface, m.initial) for m in found] == [
        (12, "Okafor", False),
        (20, "Okafor", True),
        (36, "Okafor", True),
    ]
    assert found[0].votes == {"place": 2}
    assert found[1].votes == found[2].votes == {}


@given(
    st.dictionaries(
        st.sampled_from(["person", "place", "organization"]), st.integers(1, 5), min_size=1
    )
)
def test_entity_type_is_the_majority_vote_and_a_tie_leaves_it_open(votes: dict[str, int]) -> None:
    counter = Counter(votes)
    (best, n), *rest = [*counter.most_common(2), ("", 0)]
    assert entities._type_of(counter) == (best if n > rest[0][1] else "other")


def test_aliases_in_parentheses_and_after_or_join_their_name() -> None:
    arts = [
        Article("a", "Fighters of the Popular Mobilisation Units, or PMU, entered Qaim. PMU won."),
        Article("b", "The Syrian Arab Army (SAA) took Mayadin. SAA troops moved on."),
        Article("c", "Syrian Arab Army troops and PMU fighters met near Qaim on Friday."),
    ]
    found = {e.name: e.variants for e in analyze(arts).entities}
    assert found["Popular Mobilisation Units"] == ("PMU", "Popular Mobilisation Units")
    assert found["Syrian Arab Army"] == ("SAA", "Syrian Arab Army")


def test_transliterations_and_plurals_merge_but_derived_words_do_not() -> None:
    keys = ["houthi", "houthis", "kolodziej", "kołodziej", "qaddafi", "qadhafi", "qatar"]
    merged: list[tuple[int, int]] = []
    entities._fuzzy_merge(keys, lambda a, b: merged.append((a, b)))
    assert sorted(merged) == [(0, 1), (2, 3), (4, 5)]
    derived: list[tuple[int, int]] = []
    entities._fuzzy_merge(["republic", "republican"], lambda a, b: derived.append((a, b)))
    assert derived == []
