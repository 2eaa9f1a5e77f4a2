"""Readability audit, rounds 15 to 17: what the summary resolves is no finding; page text is.

Each case is a literal fixture written for the project (the stories the rules were read on are
named in `synopsis.evaluation._references` and `_definites`); each pairs the resolved form with
one that still dangles, so the rule cannot pass by finding nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from synopsis.evaluation.readability import audit, person_surnames


def _found(
    sentences: Sequence[str], surnames: frozenset[str] = frozenset()
) -> set[tuple[str, int]]:
    return {(f.category, f.index) for f in audit(sentences, None, surnames)}


@pytest.mark.parametrize(
    "before",
    [
        "Harborline's ferry Kestrel ran aground off Port Alder on Tuesday with 80 people aboard.",
        "Harborline ran its first night ferry to the island on Tuesday.",
    ],
)
def test_the_company_after_a_company_name_is_introduced(before: str) -> None:
    later = "The company was only licensed to sail that route on weekdays."
    assert ("definite", 1) not in _found([before, later])
    assert ("definite", 1) in _found(["the ferry ran aground on Tuesday.", later])


def test_the_agency_after_an_acronym_is_introduced() -> None:
    later = "\u201cAfter the MTA wrote to Harborline,\u201d the agency said, fares were cut."
    assert ("definite", 0) not in _found([later])
    assert ("definite", 0) in _found([later.replace("the MTA", "inspectors")])


def test_an_adjective_before_the_subject_noun_does_not_stand_for_it() -> None:
    before = "The ferry line's chief was awarded shares worth $2 million."
    later = "The new shares take his holdings to about $9 million."
    assert ("definite", 1) not in _found([before, later])
    assert ("definite", 1) in _found(["The ferry line's chief was praised.", later])


def test_a_quoted_word_names_the_word() -> None:
    before = "Neighbours gathered outside the ferry office on Tuesday."
    named = "The word \u201cpeace\u201d was chalked on the pier."
    assert ("definite", 1) not in _found([before, named])
    assert ("definite", 1) in _found([before, "The word was chalked on the pier."])


def test_this_one_stands_for_a_noun_used_before() -> None:
    before = "Don't look for Ana Reyes at any harbor festival this summer."
    later = "She is sitting this one out to care for her father."
    assert ("pronoun", 1) not in _found([before, later])


@pytest.mark.parametrize(
    ("before", "later"),
    [
        ("Kestrel Island is home to seals and puffins.", "It is ringed by a sea wall."),
        ("The harbor was a busy port.", "In 1982, it was the scene of a great fire."),
        ("The Kestrel had two engines.", "It is the oldest ferry still sailing."),
    ],
)
def test_an_opening_it_after_one_thing_as_subject_refers_to_it(before: str, later: str) -> None:
    assert ("pronoun", 1) not in _found([before, later])


@pytest.mark.parametrize(
    ("before", "later"),
    [
        # a person is no "it"
        ("Ana Reyes was the harbor master.", "It is a hard job in winter."),
        # a plural subject is no "it"
        ("The ferry fares were cut.", "It was a shock, crews said."),
        # a comment or a participle before the "it" points at the situation, not the subject
        ("The harbor was closed.", "Sure, it's not much of a port."),
        ("The harbor was closed.", "Viewed in the light of the storm, it makes sense."),
        # nothing opens the sentence before: its subject is a clause
        ("After the storm passed, crews returned.", "It was a long night."),
    ],
)
def test_an_opening_it_with_no_thing_before_still_dangles(before: str, later: str) -> None:
    assert ("pronoun", 1) in _found([before, later], frozenset({"Reyes"}))


@pytest.mark.parametrize(
    "sentence",
    [
        "The whole list of passengers can be read here, and includes three crew members.",
        "Submit your harbor news tips here.",
        "Follow my journey here.",
    ],
)
def test_a_pointer_to_a_link_is_furniture_not_a_dangling_here(sentence: str) -> None:
    found = _found(["The ferry sailed on Tuesday.", sentence])
    assert ("furniture", 1) in found and ("pronoun", 1) not in found


def test_a_place_named_here_is_still_no_furniture() -> None:
    found = _found(["The ferry sailed on Tuesday.", "Crews met here to plan the repairs."])
    assert ("furniture", 1) not in found and ("pronoun", 1) in found


def test_otherwise_after_a_condition_links_to_it() -> None:
    condition = "If the winner takes the lump sum, the payout would be $341 million."
    later = "Otherwise, the jackpot would be paid over 30 years."
    assert ("connective", 1) not in _found([condition, later])
    assert ("connective", 1) in _found(["The payout would be $341 million.", later])


@pytest.mark.parametrize(
    "line",
    [
        "This post originally ran in April 2013.",
        "March 10, 2012 10:54 am ET by Harbor Desk Staff",
        "For more information about this collection please feel free to contact Ana via Send Mail",
        "You can see the whole crossing below, via the harbor board:",
        "Colors show the share of each route sailed by day (blue) or by night (red).",
        "Pies show the probabilities that each ferry sails on time.",
    ],
)
def test_a_reprint_note_time_stamp_contact_line_embed_pointer_or_figure_key_is_furniture(
    line: str,
) -> None:
    assert ("furniture", 1) in _found(["The ferry sailed on Tuesday.", line])


def test_a_city_before_a_networks_name_is_a_dateline() -> None:
    found = audit(["Port Alder (CNN) The ferry sailed on Tuesday with 80 people aboard."])
    dateline = ("furniture", "dateline before the sentence")
    assert [(f.category, f.reason) for f in found] == [dateline]
    assert ("furniture", 0) not in _found(["Port Alder's ferry sailed on Tuesday."])


def test_a_quotation_followed_by_a_manner_of_saying_and_a_name_has_its_speaker() -> None:
    said = "\u201cIf people knew where the horn came from, they'd laugh,\u201d laughed Ana Reyes."
    assert ("quote", 0) not in _found([said])
    unsaid = "\u201cIf people knew where the horn came from, they would laugh at all of it.\u201d"
    assert ("quote", 0) in _found([unsaid])


def test_this_conclusion_points_at_what_the_sentence_before_says() -> None:
    before = "The most important ferry on the coast is the Kestrel, a study found."
    later = "Researchers arrived at this conclusion by counting crossings."
    assert ("pronoun", 1) not in _found([before, later])
    assert ("pronoun", 0) in _found([later])


def test_two_surnames_joined_as_subject_or_a_possessive_opening_are_bare_names() -> None:
    names = person_surnames(["Pilot Ann Lowe and engineer Bo Ekholm flew on.", "Rae Tamm won."])
    assert ("bare_name", 0) in _found(["Lowe and Ekholm are to take off at dawn."], names)
    assert ("bare_name", 0) in _found(["Tamm's announcement came on Tuesday."], names)
    named = ["Ann Lowe and Bo Ekholm flew on.", "Lowe and Ekholm are to take off at dawn."]
    assert ("bare_name", 1) not in _found(named, names)
    assert ("bare_name", 1) not in _found(["Rae Tamm won.", "Tamm's announcement came."], names)


def test_also_known_as_adds_a_name_and_a_capitals_byline_is_furniture() -> None:
    assert ("connective", 0) not in _found(["Port Alder is also known as Alderport."])
    assert ("connective", 0) in _found(["Port Alder is also a ferry town."])
    found = audit(["The ferry sailed on Tuesday.", "*By ANN W. LOWE"])
    assert [(f.category, f.reason) for f in found] == [("furniture", "byline")]
    assert ("headline", 1) in _found(["The ferry sailed.", "FERRY SAILS AGAIN AT DAWN"])


def test_a_preposition_opening_a_sentence_gives_no_given_name() -> None:
    # DUC 2007 D0703-C: "Besides France, ..." made "France" a surname, and "Italy and France
    # have adopted the euro" a bare name
    assert "France" not in person_surnames(["Besides France, Italy joined the euro in 1999."])
    assert "Tamm" in person_surnames(["Rae Tamm joined the ferry board in 1999."])
    sentence = "Italy and France have adopted the euro."
    names = person_surnames(["Besides France, Italy joined the euro in 1999."])
    assert ("bare_name", 0) not in _found([sentence], names)
