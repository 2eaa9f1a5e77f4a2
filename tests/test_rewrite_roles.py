"""Who a person is (issue 13, item 3): a first mention carries the role its article writes."""

from __future__ import annotations

from synopsis.model.aligned import Resolve, edits, rebuild
from synopsis.model.types import Article
from synopsis.rewrite import Facts, Name, rewrite
from synopsis.rewrite.people import People
from synopsis.rewrite.roles import role_before
from tests.test_rewrite import sentence_of, sentences_of

SCHOOL = Article(
    "a",
    "The killing stunned the small community. First-grade teacher Shanda Ince told reporters "
    "she kept wondering how it could have been stopped. Ince called Kameron the kindest boy "
    "she had ever taught.",
)


def test_a_first_mention_gets_the_role_the_cited_article_writes_before_the_name() -> None:
    s = sentence_of(SCHOOL, "Ince called Kameron the kindest boy she had ever taught.")
    (out,) = rewrite([s], Facts([SCHOOL], sentences_of(SCHOOL), []), max_words=100)
    assert out.text == (
        "First-grade teacher Shanda Ince called Kameron the kindest boy she had ever taught."
    )
    (edit,) = edits(out.segments, {"a": SCHOOL.text})
    assert isinstance(edit.why, Resolve) and edit.why.rule == "role"
    assert SCHOOL.text[edit.why.mention_start : edit.why.mention_end] == edit.after
    rebuild(out.segments, {"a": SCHOOL.text}, out.text)


def test_a_name_after_a_plural_role_is_said_to_be_one_of_them() -> None:
    # DUC 2004 D30001, which only the budget kept from reading "opposition party leaders
    # opposition leader Prince Norodom Ranariddh and Sam Rainsy"
    a = Article(
        "a",
        "The king met opposition leader Prince Norodom Ranariddh. Talks stalled, and opposition "
        "party leaders Prince Norodom Ranariddh and Sam Rainsy are out of the country.",
    )
    text = (
        "Talks stalled, and opposition party leaders Prince Norodom Ranariddh and Sam Rainsy are "
        "out of the country."
    )
    (out,) = rewrite([sentence_of(a, text)], Facts([a], sentences_of(a), []), max_words=100)
    assert out.text == text


def test_a_later_mention_gets_no_role() -> None:
    named = Article("b", "Shanda Ince spoke at the vigil.")
    school = Article(
        "a",
        "First-grade teacher Shanda Ince told reporters she kept wondering. "
        "Shanda Ince called Kameron the kindest boy she had ever taught.",
    )
    later = sentence_of(school, "Shanda Ince called Kameron the kindest boy she had ever taught.")
    facts = Facts([school, named], sentences_of(school, named), [])
    alone = rewrite([later], facts, max_words=100)
    assert alone[0].text.startswith("First-grade teacher Shanda Ince called")  # first mention
    out = rewrite([sentence_of(named, named.text), later], facts, max_words=100)
    assert out[1].text.startswith("Shanda Ince called Kameron")


def test_a_name_the_summary_already_introduces_keeps_its_words() -> None:
    a = Article(
        "a",
        "He met teacher Dan Aguliar and principal Maria Okafor at the school. "
        "The mayor thanked neighbor Dan Aguliar for his help. "
        "The mayor thanked Maria Okafor, a teacher at the school, for her help.",
    )
    for text in (
        "The mayor thanked neighbor Dan Aguliar for his help.",
        "The mayor thanked Maria Okafor, a teacher at the school, for her help.",
    ):
        (out,) = rewrite([sentence_of(a, text)], Facts([a], sentences_of(a), []), max_words=100)
        assert out.text == text


def test_a_lowercase_role_is_written_inside_a_sentence_but_never_at_its_start() -> None:
    a = Article(
        "a",
        "Earlier on Tuesday, restaurant manager Krystle Campbell, 29, was identified. "
        "Krystle Campbell had gone to watch a friend. The crowd cheered Krystle Campbell at the "
        "finish line.",
    )
    facts = Facts([a], sentences_of(a), [])
    (start,) = rewrite([sentence_of(a, "Krystle Campbell had gone to watch a friend.")], facts)
    assert start.text == "Krystle Campbell had gone to watch a friend."
    inside = sentence_of(a, "The crowd cheered Krystle Campbell at the finish line.")
    (out,) = rewrite([inside], facts)
    assert out.text == "The crowd cheered restaurant manager Krystle Campbell at the finish line."


def test_a_role_never_takes_the_possessive_pronoun_before_it() -> None:
    a = Article("a", "The actor arrived with his lawyer John Smith. The judge thanked John Smith.")
    s = sentence_of(a, "The judge thanked John Smith.")
    (out,) = rewrite([s], Facts([a], sentences_of(a), []))
    assert out.text == "The judge thanked lawyer John Smith."


def test_a_role_is_added_only_while_the_summary_stays_within_its_budget() -> None:
    s = sentence_of(SCHOOL, "Ince called Kameron the kindest boy she had ever taught.")
    words = len(s.text.split()) + 1  # room for the given name, not for the role
    (out,) = rewrite([s], Facts([SCHOOL], sentences_of(SCHOOL), []), max_words=words)
    assert out.text.startswith("Shanda Ince called")


def test_role_before_reads_titles_offices_and_their_modifiers() -> None:
    text = "He said Sen. Chuck Hagel and Bexar County Sheriff Javier Salazar met a Texas man."
    hagel = text.index("Chuck")
    assert role_before(text, hagel) == (text.index("Sen."), "Sen.")
    salazar = text.index("Javier")
    assert role_before(text, salazar) == (text.index("Bexar"), "Bexar County Sheriff")
    assert role_before(text, text.index("Texas")) is None  # "a" is no role
    assert role_before("On Tuesday Shanda Ince spoke.", 11) is None
    oust = "a campaign to oust President Laurent Kabila."
    assert role_before(oust, oust.index("Laurent")) == (oust.index("President"), "President")
    # "head" of an organization (Multi-News dev 415, named by a diagnostic reader)
    court = "The U.N. court convicted camp commander Zdravko Mucic, a Croat."
    assert role_before(court, court.index("Zdravko")) == (court.index("camp"), "camp commander")
    retired = "He said retired general Wesley Clark would speak."
    found = role_before(retired, retired.index("Wesley"))
    assert found is not None and found[1] == "retired general"
    rescue = "Global Rescue head Daniel Richards said Sochi was a unique environment."
    assert role_before(rescue, rescue.index("Daniel")) == (0, "Global Rescue head")
    # an auxiliary ends the role: Multi-News dev 1920 wrote "Why did House Speaker John
    # Boehner does not want ..." for "Mr. Boehner does not want ..."
    why = "Why did House Speaker John Boehner move to delay the law?"
    assert role_before(why, why.index("John")) == (why.index("House"), "House Speaker")


def test_a_relation_after_a_possessive_or_a_role_inside_a_quotation_is_no_role() -> None:
    # "because of friend Anwar Ibrahim's arrest" (DUC 2004 D30008) read as no sentence does
    theirs = "They protest the treatment of their jailed friend Anwar Ibrahim."
    assert role_before(theirs, theirs.index("Anwar")) is None
    mine = "``I'm very concerned over how my friend Anwar Ibrahim has been treated,'' he said."
    assert role_before(mine, mine.index("Anwar")) is None
    said = '"We trust Judge Maria Okafor," the mayor said.'
    assert role_before(said, said.index("Maria")) is None  # the speaker's words
    alone = "Neighbor Dan Aguliar heard the shots."
    assert role_before(alone, alone.index("Dan")) == (0, "Neighbor")
    a = Article("a", "He wept for his friend Anwar Ibrahim. The court jailed Anwar Ibrahim.")
    (out,) = rewrite(
        [sentence_of(a, "The court jailed Anwar Ibrahim.")], Facts([a], sentences_of(a), [])
    )
    assert out.text == "The court jailed Anwar Ibrahim."


def test_a_name_after_a_leader_or_an_office_is_a_persons() -> None:
    # DUC 2004 D30044: the analyzer typed "Abdullah Ocalan" other, and no rule took him for a
    # person, so "the rebel, Abdullah Ocalan" stayed in full after "Ocalan" was introduced
    story = "Kurdish rebel leader Abdullah Ocalan was arrested in Rome. Turkey wants him back."
    people = People.of([Name("other", ("Abdullah Ocalan",))], [story])
    assert people.full == {"Ocalan": ("Abdullah Ocalan",)}
    office = "The plan was backed by City Commissioner Nick Fish on Monday."
    assert People.of([Name("other", ("Nick Fish",))], [office]).full == {"Fish": ("Nick Fish",)}
    # a word that is no role leaves a name typed other out
    plain = "The plan was backed by Nick Fish on Monday."
    assert People.of([Name("other", ("Nick Fish",))], [plain]).full == {}


def test_a_formal_title_that_opens_the_articles_sentence_is_written_inside_one() -> None:
    # DUC 2004 D30027: "In recent months, Leonid Kuchma has implemented ..." with no title,
    # where the article opens "President Leonid Kuchma called Friday ..."
    a = Article(
        "a",
        "President Leonid Kuchma called Friday for changes to the reforms. In recent months, "
        "Leonid Kuchma has ruled by decree. Archaeologist Giles Hamm led the dig. Every find "
        "was logged by Giles Hamm himself.",
    )
    facts = Facts([a], sentences_of(a), [])
    (out,) = rewrite(
        [sentence_of(a, "In recent months, Leonid Kuchma has ruled by decree.")], facts
    )
    assert out.text == "In recent months, President Leonid Kuchma has ruled by decree."
    # an occupation capitalized only by opening the sentence is not carried inside one
    (dig,) = rewrite([sentence_of(a, "Every find was logged by Giles Hamm himself.")], facts)
    assert dig.text == "Every find was logged by Giles Hamm himself."


CHIMERIX = Article(
    "c",
    "The boy got the drug. Kenneth Moch, the president and CEO of Chimerix, told reporters "
    "the firm had changed course. Moch said the company was grateful to the family.",
)


def test_a_first_mention_gets_the_apposition_its_article_closes_with_a_comma() -> None:
    s = sentence_of(CHIMERIX, "Moch said the company was grateful to the family.")
    (out,) = rewrite([s], Facts([CHIMERIX], sentences_of(CHIMERIX), []), max_words=100)
    assert out.text == (
        "Kenneth Moch, the president and CEO of Chimerix, said the company was grateful to "
        "the family."
    )
    roles = [e for e in edits(out.segments, {"c": CHIMERIX.text}) if e.why.rule == "role"]
    assert len(roles) == 1 and CHIMERIX.text.count(roles[0].after) == 1
    rebuild(out.segments, {"c": CHIMERIX.text}, out.text)


def test_an_apposition_is_not_written_where_its_commas_would_not_read() -> None:
    # the name before its possessive: "Kenneth Moch, the president ..., 's firm" cannot be
    s = Article(
        "s",
        "Kenneth Moch, the president and CEO of Chimerix, spoke. Moch's firm changed course.",
    )
    out = rewrite([sentence_of(s, "Moch's firm changed course.")], Facts([s], sentences_of(s), []))
    assert "president" not in out[0].text


def test_role_after_reads_a_role_apposition_and_nothing_else() -> None:
    from synopsis.rewrite.roles import role_after

    text = (
        "Ann Lee, a spokeswoman for the ministry, said. Zelda Williams, 25, said. "
        "John Smith, who led the team, said. Al Fox, Ohio, said. Bo Ray, the firm's chief, said."
    )

    def after(name: str) -> str | None:
        found = role_after(text, text.index(name) + len(name))
        return None if found is None else found[1]

    assert after("Ann Lee") == "a spokeswoman for the ministry"
    assert after("Bo Ray") == "the firm's chief"
    assert after("Zelda Williams") is None  # an age is no role
    assert after("John Smith") is None  # a clause
    assert after("Al Fox") is None  # a place


def test_a_role_only_another_article_writes_is_given_with_that_article_cited() -> None:
    # Multi-News dev 5528: the cited article wrote "Rick Perry", another "Texas Gov. Rick Perry"
    cited = Article("a", "Michael Bloomberg praised Rick Perry for his record on jobs.")
    other = Article("b", "The race changed when Texas Gov. Rick Perry entered it in August.")
    s = sentence_of(cited, cited.text)
    (out,) = rewrite([s], Facts([cited, other], sentences_of(cited, other), []), max_words=100)
    assert out.text == "Michael Bloomberg praised Texas Gov. Rick Perry for his record on jobs."
    assert {src.article for src in out.sources} == {"a", "b"}
    texts = {"a": cited.text, "b": other.text}
    (edit,) = edits(out.segments, texts)
    assert isinstance(edit.why, Resolve) and edit.why.mention_article == "b"
    rebuild(out.segments, texts, out.text)


def test_no_role_is_borrowed_where_the_summary_says_who_or_the_role_is_dated() -> None:
    other = Article(
        "b",
        "He said Texas Gov. Rick Perry spoke. It said Starbucks chief executive Howard Schultz "
        "spoke. It said former President Ronald Reagan died. It said founder John Kennedy died.",
    )
    for sentence in (
        "The head of the state party, Rick Perry, praised the plan.",  # the name is an apposition
        "Under secretary of State for jobs Rick Perry praised it.",  # a role a few words before
        "Howard Schultz, Starbucks' chief executive, praised the plan.",
        "A wave carried Ronald Reagan to the nomination.",  # "former" is of its article's time
        "The crash killed John Kennedy and his wife.",  # "founder" alone needs its magazine
    ):
        cited = Article("a", sentence)
        s = sentence_of(cited, sentence)
        facts = Facts([cited, other], sentences_of(cited, other), [])
        (out,) = rewrite([s], facts, max_words=100)
        assert out.text == sentence
