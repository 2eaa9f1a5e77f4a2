"""Who the rewriter takes for a person: given names, gendered pronouns and namesakes."""

from __future__ import annotations

from synopsis.model.aligned import Draft, Resolve, edits
from synopsis.model.types import Article, Source, SummarySentence
from synopsis.rewrite import Facts, Name, rewrite
from synopsis.rewrite.people import People
from synopsis.text.given_names import given_names, is_given_name
from synopsis.text.segment import segment


def _sentence(article: Article, text: str) -> SummarySentence:
    start = article.text.index(text)
    draft = Draft.of(text, article.id, start)
    return SummarySentence(text, (Source(article.id, start, start + len(text)),), draft.segments)


def _rewritten(text: str, names: list[Name], sentence: str) -> str:
    """The summary sentence `sentence` of a one-article story as the rewriter writes it."""
    a = Article("a", text)
    facts = Facts([a], [s for group in segment([a]) for s in group], names)
    (out,) = rewrite([_sentence(a, sentence)], facts, max_words=100)
    return out.text


def test_the_census_given_names_are_packaged() -> None:
    assert len(given_names()) > 5_000
    assert is_given_name("Ariel") and is_given_name("DAVID")
    assert not is_given_name("Beast") and not is_given_name("Exploration")


def test_a_full_name_with_a_given_name_and_her_pronoun_is_a_persons() -> None:
    # Multi-News dev 293: "Ariel Winter" had no verb of saying, age, title or role, so the
    # description "The 19-year-old 'Modern Family' star" opened the summary without her name
    names = [Name("other", ("Ariel Winter",))]
    text = "On Friday, Ariel Winter claps back at those who hated on her gold minidress."
    assert People.of(names, [text]).full == {"Winter": ("Ariel Winter",)}
    # an outlet is no person, whatever pronoun follows it; nor is a name whose "he" speaks
    beast = [Name("other", ("Daily Beast",))]
    assert People.of(beast, ["Daily Beast reported that he was drugged."]).full == {}
    company = [Name("other", ("Houston Exploration",))]
    said = "The stock of Houston Exploration qualifies, he says, as a bargain."
    assert People.of(company, [said]).full == {}
    # and without the pronoun the name stays unknown
    plain = "On Friday, Ariel Winter claps back at those who hated on the gold minidress."
    assert People.of(names, [plain]).full == {}


def test_a_full_name_with_a_given_name_the_story_speaks_to_is_a_persons() -> None:
    # Multi-News dev 1952: "told DeGeneres" was shown with her given name left out
    names = [Name("other", ("Ellen DeGeneres",))]
    text = (
        "In an interview with Ellen DeGeneres, the star admits she may overdo it. "
        'The author told DeGeneres, "I want to remember my night."'
    )
    assert People.of(names, [text]).full == {"DeGeneres": ("Ellen DeGeneres",)}
    # an outlet spoken to is no person: its first word is no given name
    outlet = [Name("other", ("Boston Globe",))]
    told = "The mayor spoke of Boston Globe reporting. A neighbor told Globe the home was quiet."
    assert People.of(outlet, [told]).full == {}
    # nor is a name the story never speaks to
    plain = "In an interview with Ellen DeGeneres, the star admits she may overdo it."
    assert People.of(names, [plain]).full == {}


def test_a_surname_another_named_person_shares_is_not_shortened_or_resolved() -> None:
    # Multi-News dev 251: "Pop star Britney Spears" became "Pop star Spears" right after
    # "her father, Jamie Spears, has stepped in"
    names = [Name("other", ("Britney Spears",)), Name("other", ("Jamie Spears",))]
    text = (
        "Pop star Britney Spears ended her radio blitz. Her father, Jamie Spears, has stepped in."
    )
    people = People.of(names, [text])
    assert people.full == {"Spears": ("Britney Spears",)}
    assert people.shared("Spears")
    # a formal title before the name tells the person from the namesake
    assert not people.shared("Spears", titled=True)
    alone = People.of(names[:1], [text])
    assert not alone.shared("Spears")


def test_a_description_gets_the_name_of_a_person_known_by_her_pronoun() -> None:
    a = Article(
        "a",
        "What are you doing, Ariel Winter?\nThe 19-year-old star is known for posting photos "
        "online. Ariel Winter claps back at those who hated on her gold minidress.",
    )
    facts = Facts(
        [a], [s for group in segment([a]) for s in group], [Name("other", ("Ariel Winter",))]
    )
    s = _sentence(a, "The 19-year-old star is known for posting photos online.")
    (out,) = rewrite([s], facts, max_words=100)
    assert out.text == "The 19-year-old star Ariel Winter is known for posting photos online."


def test_name_costs_are_the_words_the_rewriter_would_add_and_the_names_already_in_full() -> None:
    from synopsis.model.aligned import Draft
    from synopsis.rewrite import Name, People, name_costs

    text = "Prime Minister Haider al-Abadi visited the front. Abadi said the town of Qaim was free."
    people = People.of([Name("person", ("Haider al-Abadi", "Abadi"))], [text])

    def costs(sentence: str) -> tuple[dict[str, int], frozenset[str]]:
        at = text.index(sentence)
        return name_costs(Draft.of(sentence, "a", at), people, "a", text, at)

    assert costs("Abadi said the town of Qaim was free.") == ({"al-Abadi": 1}, frozenset())
    assert costs("Prime Minister Haider al-Abadi visited the front.") == (
        {},
        frozenset({"al-Abadi"}),
    )


def test_a_bare_surname_is_not_written_in_full_when_its_article_names_a_namesake() -> None:
    # Multi-News dev 1568: "Page is a US citizen who served as a volunteer advisor to the Trump
    # presidential campaign" (Carter Page) was written "FBI Attorney Lisa Page"
    # the analyzer typed both "other"; only her role makes Lisa Page a person of the index
    lisa = "Ferry board attorney Lisa Page was worried."
    both = f"The board watched Carter Page at the harbor. {lisa} The wind rose. "
    sentence = "Page is a ferry captain who sailed the night route."
    names = [Name("other", ("Carter Page",)), Name("other", ("Lisa Page",))]
    assert People.of(names, [both]).full == {"Page": ("Lisa Page",)}
    assert _rewritten(both + sentence, names, sentence) == sentence
    # unless the sentence just before names one of them: the name it gives
    before = f"{lisa} The board watched Carter Page at the harbor. "
    assert _rewritten(before + sentence, names, sentence) == "Carter " + sentence
    # with only one Page in the article, the first mention gets her full name
    assert "Lisa Page is" in _rewritten(lisa + " " + sentence, names[1:], sentence)


def test_a_name_after_a_business_or_adventure_role_is_a_persons() -> None:
    # DUC 2007 D0740-A: "Virgin boss Richard Branson and Chicago millionaire Steve Fossett",
    # whom the analyzer typed "other", were left as "Branson and Fossett"
    names = [Name("other", ("Rae Tamm",)), Name("other", ("Bo Ekholm",))]
    text = "Ferry boss Rae Tamm and Harbor millionaire Bo Ekholm plan a race."
    assert People.of(names, [text]).full == {"Tamm": ("Rae Tamm",), "Ekholm": ("Bo Ekholm",)}
    assert People.of(names, ["Rae Tamm and Bo Ekholm plan a race."]).full == {}


def test_the_last_two_words_of_a_longer_name_are_a_short_form() -> None:
    # DUC 2007 D0706-C: "Suu Kyi won the Nobel Peace Prize" opened with no full name
    names = [Name("person", ("Aung San Suu Kyi",)), Name("other", ("Suu Kyi",))]
    text = "Opposition leader Aung San Suu Kyi spoke. Suu Kyi won the prize in 1991."
    people = People.of(names, [text])
    assert people.full == {"Kyi": ("Aung San Suu Kyi",)}
    assert people.short["Kyi"][0] == "Suu Kyi"
    a = Article("a", text)
    facts = Facts([a], [s for group in segment([a]) for s in group], names)
    (out,) = rewrite([_sentence(a, "Suu Kyi won the prize in 1991.")], facts, max_words=100)
    assert out.text.endswith("Aung San Suu Kyi won the prize in 1991.")
    # a title before a full name, or a full name of its own, is no longer form of it
    prince = [Name("person", ("Prince Norodom Ranariddh", "Norodom Ranariddh"))]
    told = "Prince Norodom Ranariddh left. Norodom Ranariddh spoke."
    assert set(People.of(prince, [told]).full["Ranariddh"]) == {
        "Prince Norodom Ranariddh",
        "Norodom Ranariddh",
    }
    reagan = [Name("person", ("Republican Ronald Reagan", "Ronald Reagan"))]
    said = "It carried Republican Ronald Reagan to the nomination. Ronald Reagan won."
    assert "Ronald Reagan" in People.of(reagan, [said]).full["Reagan"]


def test_the_full_names_written_before_a_bare_surname_say_who_it_is() -> None:
    # Multi-News dev (a lawsuit over a tracking app): the article wrote "Gail Glick" before
    # "Glick said ..." and "Gail A. Glick" at its end, which were taken for two people, so the
    # bare surname was never written in full
    said = "Glick said the ferry sailed late."
    intro = "Ferry board attorney Gail Glick was worried. The wind rose. "
    later = " Her partner Gail A. Glick is with Glick & Sons."
    names = [Name("person", ("Gail Glick", "Gail A. Glick"))]
    # (with the role the article gives her)
    written = _rewritten(intro + said + later, names, said)
    assert written == "Ferry board attorney Gail Glick said the ferry sailed late."
    # two spellings written before it may be two people, a middle initial apart ("George W.
    # Bush", "George Bush"), or two given names: the surname stays as written
    both = "Ferry board attorney Gail Glick was worried. Gail A. Glick, her father, was not. "
    assert _rewritten(both + said, names, said) == said
    two = [Name("person", ("Gail Glick",)), Name("person", ("Jo Glick",))]
    jo = "Ferry board attorney Gail Glick was worried. Jo Glick, her father, was not. "
    assert _rewritten(jo + said, two, said) == said


def test_a_surname_that_is_also_a_place_word_is_a_persons_when_the_story_quotes_him() -> None:
    # Multi-News dev: "Maj. Glenn Hall" was never indexed ("hall" ends "City Hall"), so
    # '"She was a target ...," said Hall.' was left bare
    names = [Name("person", ("Glenn Hall",))]
    story = "Vermont State Police Maj. Glenn Hall spoke. Hall said the search goes on."
    assert People.of(names, [story]).full == {"Hall": ("Glenn Hall",)}
    # without a verb of saying after the surname, it may be the building
    assert People.of(names, ["Crowds filled Glenn Hall on Friday."]).full == {}
    # and a word that is never a surname stays a place's, quoted or not
    road = [Name("person", ("Victoria Road",))]
    assert People.of(road, ["Victoria Road was closed. Road said nothing."]).full == {}


def test_the_first_of_two_speakers_is_a_person_and_is_written_in_full() -> None:
    # DUC 2007 D0736-C: "Natkin and Green said ..." opened a summary sentence as "Natkin and
    # Stephen Green said": only the second speaker was taken for a person
    names = [Name("other", ("Paul Natkin",)), Name("other", ("Stephen Green",))]
    text = (
        "A judge said photographers Paul Natkin and Stephen Green own the pictures. "
        "Natkin and Green said the money allowed her to use the photos."
    )
    assert set(People.of(names, [text]).full) == {"Natkin", "Green"}
    sentence = "Natkin and Green said the money allowed her to use the photos."
    assert _rewritten(text, names, sentence).startswith("Paul Natkin and Stephen Green said")


def test_a_titled_surname_gets_the_full_name_another_article_writes_and_cites_it() -> None:
    # Multi-News dev 3842: the New York Times wrote only "Mr. Bauer and Mr. Fattal"; Reuters
    # named "Shane Bauer" and "Josh Fattal"
    names = [Name("person", ("Shane Bauer", "Bauer")), Name("person", ("Josh Fattal", "Fattal"))]
    nyt = Article("nyt", "They ended up in Evin prison, where Mr. Bauer and Mr. Fattal remain.")
    wire = Article("wire", "Iran holds Shane Bauer and Josh Fattal. Bauer is a journalist.")
    facts = Facts([nyt, wire], [s for group in segment([nyt, wire]) for s in group], names)
    (out,) = rewrite([_sentence(nyt, nyt.text)], facts, max_words=100)
    assert out.text == "They ended up in Evin prison, where Shane Bauer and Josh Fattal remain."
    written = {
        (e.after, e.why.mention_article, wire.text[e.why.mention_start : e.why.mention_end])
        for e in edits(out.segments, {"nyt": nyt.text, "wire": wire.text})
        if isinstance(e.why, Resolve)
    }
    assert written == {
        ("Shane Bauer", "wire", "Shane Bauer"),
        ("Josh Fattal", "wire", "Josh Fattal"),
    }
    # the sentence now cites where the other article writes each name
    assert {s.article for s in out.sources} == {"nyt", "wire"}
    cited = {wire.text[s.start : s.end] for s in out.sources if s.article == "wire"}
    assert cited == {"Shane Bauer", "Josh Fattal"}


def test_a_titled_surname_before_a_weekday_still_gets_the_full_name() -> None:
    names = [Name("person", ("Shane Bauer", "Bauer"))]
    nyt = Article("nyt", "Mr. Bauer Sunday said the prison guards beat him.")
    wire = Article("wire", "Iran holds Shane Bauer. Bauer is a journalist.")
    facts = Facts([nyt, wire], [s for group in segment([nyt, wire]) for s in group], names)
    (out,) = rewrite([_sentence(nyt, nyt.text)], facts, max_words=100)
    assert out.text == "Shane Bauer Sunday said the prison guards beat him."


def test_another_articles_full_name_is_not_written_for_an_untitled_word_or_a_namesake() -> None:
    names = [Name("person", ("Chile Spain", "Spain")), Name("person", ("Lisa Page", "Page"))]
    cited = Article("a", "He is too sick to be extradited to Spain. Mr. Page is a US citizen.")
    other = Article("b", "Chile Spain spoke. Lisa Page testified. Carter Page was watched.")
    facts = Facts([cited, other], [s for group in segment([cited, other]) for s in group], names)
    first, second = (
        _sentence(cited, "He is too sick to be extradited to Spain."),
        _sentence(cited, "Mr. Page is a US citizen."),
    )
    out = rewrite([first, second], facts, max_words=100)
    # no title before "Spain": a place there, not the person of the other article; "Page" is
    # two people's surname in the story
    assert [s.text for s in out] == [first.text, second.text]
    assert all({s.article for s in o.sources} == {"a"} for o in out)


def test_a_bare_surname_takes_another_articles_full_name_when_it_opens_with_a_given_name() -> None:
    # DUC 2004 D30038: "Samaranch Sunday ruled out taking the Games" from an article that never
    # writes his full name; another writes "Juan Antonio Samaranch"
    names = [
        Name("person", ("Juan Antonio Samaranch", "Samaranch")),
        Name("person", ("Chile Spain", "Spain")),
    ]
    cited = Article("a", "Samaranch Sunday ruled out taking the Games. Pinochet went to Spain.")
    other = Article("b", "IOC President Juan Antonio Samaranch spoke. Chile Spain said no.")
    facts = Facts([cited, other], [s for group in segment([cited, other]) for s in group], names)
    first = _sentence(cited, "Samaranch Sunday ruled out taking the Games.")
    second = _sentence(cited, "Pinochet went to Spain.")
    out = rewrite([first, second], facts, max_words=100)
    assert out[0].text == "Juan Antonio Samaranch Sunday ruled out taking the Games."
    assert {s.article for s in out[0].sources} == {"a", "b"}
    assert out[1].text == second.text


def test_name_costs_count_the_words_an_acronym_spelled_out_adds() -> None:
    from synopsis.rewrite import Name, People, acronyms, name_costs

    text = "The SLOC president spoke. The Salt Lake Organizing Committee met."
    other = "The Salt Lake Organizing Committee met the press."
    names = [Name("organization", ("SLOC", "Salt Lake Organizing Committee"))]
    spelled = acronyms(names)
    assert spelled == {"SLOC": ("Salt Lake Organizing Committee",)}
    people = People.of(names, [text, other])
    story = {"a": text, "b": other}

    def costs(sentence: str) -> tuple[dict[str, int], frozenset[str]]:
        at = text.index(sentence)
        draft = Draft.of(sentence, "a", at)
        return name_costs(draft, people, "a", text, at, story, spelled)

    assert costs("The SLOC president spoke.") == ({"SLOC": 3}, frozenset())
    assert costs("The Salt Lake Organizing Committee met.") == ({}, frozenset({"SLOC"}))


def test_selection_pays_only_for_acronyms_readers_may_not_know() -> None:
    from synopsis.rewrite import unfamiliar
    from synopsis.text.background import Background

    spelled = {
        "FBI": ("Federal Bureau of Investigation",),
        "SLOC": ("Salt Lake Organizing Committee",),
    }
    # "FBI" is in 100 of the background's documents, "SLOC" in none
    background = Background(docs=1_000, df={"fbi": 100})
    assert unfamiliar(spelled, background) == {"SLOC": ("Salt Lake Organizing Committee",)}
    # the packaged background knows the FBI
    assert "FBI" not in unfamiliar(spelled)


def test_another_articles_full_name_is_not_written_where_the_cited_one_names_two_people() -> None:
    names = [
        Name("person", ("Augusto Pinochet", "Pinochet")),
        Name("person", ("Lucia Pinochet", "Pinochet")),
    ]
    cited = Article(
        "a", "Augusto Pinochet and Lucia Pinochet were in London. Mr. Pinochet said he was ill."
    )
    other = Article("b", "Augusto Pinochet was arrested in London.")
    facts = Facts([cited, other], [s for group in segment([cited, other]) for s in group], names)
    (out,) = rewrite([_sentence(cited, "Mr. Pinochet said he was ill.")], facts, max_words=100)
    # which Pinochet the cited article means is not for the other article to say
    assert out.text == "Mr. Pinochet said he was ill."
    assert {s.article for s in out.sources} == {"a"}
