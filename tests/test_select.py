"""Selection under the budget, redundancy and order."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest

import synopsis.summarizer.select as sel_mod
from synopsis.model.types import Sentence
from synopsis.summarizer import coverage
from synopsis.summarizer.compress import compress
from synopsis.summarizer.eligibility import short_lead
from synopsis.summarizer.features import features
from synopsis.summarizer.furniture import furniture, promotional
from synopsis.summarizer.objectives import score
from synopsis.summarizer.select import eligible, reading_order, select
from synopsis.text.captions import gallery_items


def _sent(article: str, index: int, text: str) -> Sentence:
    return Sentence(article_id=article, index=index, start=0, end=len(text), text=text)


STORY = [
    _sent("a", 0, "A cargo ship struck the Harbor Bridge on Tuesday, closing it to traffic."),
    _sent("b", 0, "A cargo ship struck the Harbor Bridge on Tuesday, closing it to all traffic."),
    _sent("c", 0, "The Harbor Bridge was closed after a cargo ship struck a pier on Tuesday."),
    _sent("a", 1, "Twelve people were injured when the cargo ship struck the bridge pier."),
    _sent("b", 1, "Officials said twelve people were injured and the bridge pier was damaged."),
    _sent("c", 1, "Engineers will inspect the damaged bridge pier before traffic resumes."),
    _sent("a", 2, "The weather was mild and a local bakery sold bread as usual."),
]


def test_eligibility_rejects_fragments_and_dangling_starts() -> None:
    ok = _sent("a", 0, "The Harbor Bridge was closed after a cargo ship struck it.")
    assert eligible(ok.text)
    assert not eligible("He said the Harbor Bridge was closed after the crash.")
    assert not eligible("However, the Harbor Bridge was closed after the crash.")
    assert not eligible("Harbor Bridge closed after ship crash")
    assert not eligible("Short one.")
    assert not eligible('"The bridge is closed until further notice, she said.')


def test_an_entry_of_a_chronology_is_not_eligible_and_keeps_its_date() -> None:
    # DUC 2007 D0711: "May 14 - Microsoft and the Justice Department reveal ..." lost its date
    # as if it were a wire's date line, and read as today's news
    entry = "May 14 - The harbor authority and the city reveal that they are in talks on the pier."
    assert compress(entry) == entry
    assert not eligible(entry)
    wire = (
        "Dec 17 (Reuters) - The harbor authority and the city said they are in talks on the pier."
    )
    assert compress(wire).startswith("The harbor authority")


@pytest.mark.parametrize(
    "text",
    [
        # DUC 2004 D31001: a report quoted as an excerpt that trails off
        "The commission finds further that the harbor master was responsible for such acts. . . .",
        "The commission finds further that the harbor master was responsible for such acts...",
        "The commission finds further that the harbor master was responsible for such acts…",
    ],
)
def test_a_sentence_that_trails_off_in_an_ellipsis_is_not_eligible(text: str) -> None:
    assert not eligible(text)
    # an ellipsis inside the sentence leaves it whole
    assert eligible("The commission found the harbor master . . . responsible for such acts.")


def test_selection_respects_budget_and_avoids_duplicates() -> None:
    feats = [features(s.text) for s in STORY]
    scores = score(STORY, feats)
    for budget in (5, 14, 20, 30, 60):
        sel = select(STORY, feats, scores, max_words=budget)
        assert sum(STORY[i].words for i in sel.indices) <= budget
    sel = select(STORY, feats, scores, max_words=30)
    assert not {0, 1} <= set(sel.indices), "near-duplicate wire copy chosen twice"
    assert 6 not in sel.indices, "off-topic sentence chosen"


def test_selection_is_deterministic() -> None:
    feats = [features(s.text) for s in STORY]
    scores = score(STORY, feats)
    runs = {select(STORY, feats, scores, max_words=40).indices for _ in range(5)}
    assert len(runs) == 1


def test_reading_order_by_date_then_position() -> None:
    sents = [_sent("late", 0, "x"), _sent("early", 3, "y"), _sent("early", 1, "z")]
    order = reading_order(sents, {"late": "2026-03-02", "early": "2026-03-01"})
    assert order == [2, 1, 0]
    assert reading_order(sents, {}) == [0, 2, 1]


@pytest.mark.parametrize(
    "text",
    [
        "Flowing in every day, these data are added to the Wayback Machine after an embargo.",
        "Add Donald Trump as an interest to stay up to date on the latest news from ABC News.",
        "Please follow her for up to the minute news on what is really going on.",
        "Cliff Owen/AP Buy Photo Wait 1 second to continue.",
        "Sign Up You agree to receive occasional updates and special offers for our products.",
        "To keep up with our stories about science, sign up for the Tech & Science newsletter.",
    ],
)
def test_promotional_furniture_is_not_eligible(text: str) -> None:
    assert promotional(text)
    assert not eligible(text)
    assert eligible(text, drop_promotional=False) or len(text.split()) < 8


@pytest.mark.parametrize(
    "text",
    [
        "Please let my son go and see him, the mother told reporters outside the court.",
        "Jennifer Duffy, editor of a nonpartisan newsletter, said none of the candidates had won.",
        "For consumers who do not subscribe to the dial-up service, it has its own Web site.",
        "The new privacy policy allows the company to listen to everything users say.",
    ],
)
def test_news_sentences_are_not_promotional(text: str) -> None:
    assert not promotional(text)


def test_promotional_sentence_is_never_selected() -> None:
    promo = _sent(
        "c", 2, "Sign up for the Harbor Bridge newsletter to get cargo ship news in your inbox."
    )
    story = [*STORY, promo]
    feats = [features(s.text) for s in story]
    scores = score(story, feats)
    assert 7 not in select(story, feats, scores, max_words=60).indices
    # only the furniture filter bars it (at 200 words it would now retell articles a and b)
    assert eligible(promo.text, drop_promotional=False)
    assert not eligible(promo.text)


def test_ilp_with_cut_pool_limit_is_within_the_mip_gap_of_brute_force() -> None:
    feats = [features(s.text) for s in STORY]
    scores = score(STORY, feats)
    cands = [i for i, s in enumerate(STORY) if eligible(s.text)]
    dup = {(cands[a], cands[b]) for a, b in sel_mod._duplicate_pairs(cands, feats)}

    def value(chosen: tuple[int, ...]) -> float:
        covered = set().union(*(scores.sentence_concepts[i] for i in chosen))
        prior = sum(scores.position_prior[i] for i in chosen)
        return sum(scores.weights[c] for c in covered) + sel_mod.PRIOR_WEIGHT * prior

    for budget in (14, 25, 40):
        best = max(
            value(subset)
            for r in range(len(cands) + 1)
            for subset in itertools.combinations(cands, r)
            if sum(STORY[i].words for i in subset) <= budget
            and not any((a, b) in dup for a, b in itertools.combinations(subset, 2))
        )
        got = select(STORY, feats, scores, max_words=budget)
        assert got.method == "ilp"
        assert value(got.indices) >= (1 - coverage.MIP_GAP) * best - 1e-9


@pytest.mark.parametrize(
    "text",
    [
        "CLOSE Authorities are trying to capture a leopard that killed a toddler in the park.",
        "Hide Caption 1 of 15 Photos: Shooting at Oregon community college in October.",
        "Anyone with information about the shooting is asked to contact the state police.",
        "Find out all about the emotional letter the actress has received from her ex-husband...",
        "Royal Bodyguard Warns: 'Kate Middleton's Baby Is In Danger!' Insiders Say Today.",
        "YANKEES Pitching The starting pitching enabled the Yankees to advance past Cleveland.",
        "CNN's Ed Payne and Jennifer Moore contributed to this report from Atlanta, Georgia.",
        # a wire credit line that names the story (Multi-News dev 3228 at 300 words)
        "Associated Press writer Raphael Satter in Paris contributed to this story.",
        # a line announcing what follows it (Multi-News dev 1920, junk to a reader of round 126)
        "Here’s a look at what’s happening, and why, ahead of the Monday night deadline.",
        "Here are some key moments from that briefing.",
        "Jane Doe / Reuters file The Olympic Park is seen in December from the ski jump.",
        # a quotation gallery's date line once its quotation is split off
        "November 1989, as the Berlin Wall was crumbling in the divided city.",
        "August 1974, speaking to the president shortly before he resigned, when he was chairman.",
        # a study's citation line and a how-to's step label
        "Source: Crotty Alexander L, Matthew D, Hwang J, et al. Analysis of the Effects.",
        "Step 1: Harvest all of your planet's resources and build a swarm of satellites.",
        # a wire caption naming where people stand (Multi-News dev 3842)
        "Shane Bauer (2nd L) and Josh Fattal (R) sit with their mothers in Tehran May 20, 2010.",
        "Mark Staake (left) and his nephew Tanner Ruane (right) were part of the plot, police say.",
        # a participle after an article is an adjective, not the verb of a sentence (Multi-News
        # dev 1376 and 2729, kept by 300-word summaries)
        "X-ray image of a ring dove producing cooing sounds with a closed mouth.",
        "An unknown visitor arrives at a gated house in Woodland Hills on Tuesday, Jan. 24, 2017.",
        # a figure's colour key (Multi-News dev 1376, where it opened the summary)
        "Colors show probability of each branch being an open-mouth vocalizer (blue) or a "
        "closed-mouth vocalizer (red).",
        # a gallery's label glued to its caption (Multi-News dev 1208)
        "Caption Wildlife officials in Kenya shot the escaped lion several times after it escaped.",
        # a research paper's sentence with its reference numbers (Multi-News dev 737)
        "Hindlimb feathering is seen in Anchiornis huxleyi, and other Tiaojishan theropods2,31.",
        "The maxilla has a ridge as in troodontids14.",
        # a link card's headlines left in the sentence (Multi-News dev 4937 at 300 words)
        "The panel criticized the former mayor Dana Holt Dana Marie HoltRiver port reopens after "
        "storm Council weighs new budget MORE.",
        "Senator Ana Ruiz Ana RuizPoll: voters back the bridge plan MORE said the vote was fair.",
    ],
)
def test_captions_teasers_and_headlines_are_never_eligible(text: str) -> None:
    assert furniture(text)
    assert not eligible(text)


@pytest.mark.parametrize(
    "text",
    [
        "Close to 37,000 people died in the conflict between the army and the rebels.",
        "NATO said the alliance would send two more ships to the strait on Friday.",
        "The Kestrel Strait Bridge reopened on Friday after engineers finished repairs.",
        "November 1989, as the Berlin Wall was crumbling, Bush met Gorbachev in Malta.",
        "March 3, 2011, was the day the protests began in the eastern city of Benghazi.",
        "Sources said the two leaders would meet again in Geneva before the end of the year.",
        "The papers were delivered every morning to the embassy by a courier.",
        "Subscribers receive the latest news every hour, the agency said on Monday.",
        # "(R)" for a Republican, not a place in a picture
        "Texas Gov. Rick Perry (R) said Monday he will not run for reelection in 2014.",
        # a past tense that is the sentence's verb, though an adjective follows an article
        "A photo of the wounded soldier circulated widely on social media on March 30.",
        "The injured were taken to hospitals in the city on Tuesday, Jan. 24, 2017.",
        # a charity's name in capitals, not a figure's colour key
        "Bono's (RED) campaign has raised more than $500 million to fight AIDS in Africa.",
        "Captions under the photographs were written by the museum's curators, the report said.",
        # what follows the colon is the news
        "Here's the backstory: on Monday, India's regulator blocked Facebook's Free Basics.",
        # "MORE" for emphasis, with no name written twice before it
        "Residents of Port Alder want MORE buses, Mayor Dana Holt said on Monday.",
        "He said here is the problem the city never solved.",
        # a handle, a call sign and a model name are no reference numbers
        "A user with the handle mollybloom11 posted the video on Reddit on Monday.",
        "The station told wusa9 reporters that the suspect was in custody.",
        "Samsung recalled the note7 phones after reports of batteries catching fire.",
        "Her lawyer said 3 of the 12 jurors had been dismissed.",
        "He was released in 2010 on a usd500,000 bail after the hearing.",  # an amount
    ],
)
def test_news_sentences_are_not_taken_for_furniture(text: str) -> None:
    assert not furniture(text)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Greg Vaughn: Big-time power on anything high and over the plate.", True),
        ("Unknown Risk: Unknown use of alcohol during pregnancy.", True),
        # compression deletes an "Update:" label before this test
        ("Update: The storm has moved north of the islands overnight.", True),
        ("Mount Tabor Reservoir: The city is flushing 38 million gallons of water.", True),
        ("TRUMP: They'll do signs, and they'll do drawings that are inappropriate.", True),
        ("Bottom line: Obama won the state by nine points.", False),
        ('Mayor Ann Lee: "We will rebuild the bridge."', False),
        ('Says Wax: "He viewed it as an opportunity to have a pulpit."', False),
    ],
)
def test_a_sentence_after_a_label_is_furniture(text: str, item: bool) -> None:
    assert furniture(text) is item


@pytest.mark.parametrize(
    ("text", "listing"),
    [
        # DUC 2007 D0736-A: a list of Emmy nominees opened an update summary
        (
            "Talk show: ``Leeza,'' NBC; ``The Rosie O'Donnell Show,'' Syndicated; ``Live With"
            " Regis and Kathie Lee,'' Syndicated; ``The View,'' ABC.",
            True,
        ),
        ("Men's 100 meters: 1, Maurice Greene; 2, Ato Boldon; 3, Obadele Thompson.", True),
        # prose: a label with a verb announces its list; items of a clause's length; no label
        ("The plan has three parts: taxes rise; spending falls; debt shrinks.", False),
        (
            "In the fire's first hour: flames spread from the kitchen of the house on Elm"
            " Street; the roof fell in within minutes of the first call; crews arrived late.",
            False,
        ),
        ("A rating of 25 is overweight; 30 obese; 40 severely obese.", False),
    ],
)
def test_a_labelled_listing_set_off_by_semicolons_is_furniture(text: str, listing: bool) -> None:
    assert furniture(text) is listing


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        (
            "E.O. 12812 (Administration of George H.W. Bush) (noting Senate resolution requesting"
            " that President provide for declassification of certain information).",
            True,
        ),
        ("A Soccer Game (official name to be announced)", True),
        ("TIDE (OLYMPIA, Wash.)", True),
        # a verb, a quotation or an aside of its own outside the parentheses: prose
        ("Smith (R-Texas) resigned on Friday after the vote.", False),
        ("''They're (the users) absolutely lying.", False),
        ("(All but one of the men's cases has been dismissed.)", False),
    ],
)
def test_a_footnote_whose_words_are_in_parentheses_is_furniture(text: str, entry: bool) -> None:
    assert furniture(text) is entry


@pytest.mark.parametrize(
    "text",
    [
        "Remember, you can buy the digital edition of LOOK magazine for your tablet or iPhone.",
        "Think of the worst sound you've ever heard in a horror film at night.",
        "Picture, if you will, the mighty Tyrannosaurus rex stalking its prey.",
        "Let someone else plan your appearances after you claim your coin.",
        "By the way, if you're thinking of jumping in on the auction, Michaels has advice.",
        "Honestly, I'm not sure how to describe this horrifying sound, so just take a listen.",
        "If you have any information, you can call Odessa Crimestoppers at 432-333-TIPS.",
        "If you're long-suffering enough, as Nicole Freedman is, the race is for you.",
        "Just look at who's going to bat for Napster, the Internet music-swapping company.",
        "Now listen closely to your fearsome and possibly feathered friend in the film.",
        "Inside: the names of 300,000 people the band Metallica wanted booted from the service.",
        # a news wire's budget line
        "The Hearst News Service will file the following for Wednesday and Sunday.",
        # a line announcing the list below it (DUC 2007 D0716-A)
        "The following are major news items in leading Harbor newspapers published today.",
        "Following is the text of the ferry board's ruling on night crossings.",
        # a page's e-mail or app promotion (Multi-News dev 3478)
        "Breaking News Emails Get breaking news alerts and special reports.",
        "The news and stories that matter, delivered weekday mornings.",
        "Sign up to get the newsroom's major investigations delivered to your inbox.",
        "Get breaking news with our free mobile app.",
        # a pointer to the page's own media
        "In the video above, you can hear Ariel Winter tell Conan about her baby voice.",
        "The two images below are taken from the complaint filed in federal court.",
        "The above image was posted to an anonymous forum on Thursday afternoon.",
        # a wire photo's caption: what the picture shows, then its day (Multi-News dev 1208)
        "A ranger of Kenya Wildlife Service aims his gun at a lion on March 30.",
        "President Donald Trump speaks during a news conference in Washington, Thursday, Feb. 16, "
        "2017.",
        "March 30, 2016 A stray lion passes in front of a car after escaping from a Kenyan park.",
        # the reader addressed in the second person, outside quotation marks and unreported
        "Your biggest decision right now is whether to take the cash prize or an annuity.",
        "The SmartTV is designed to enable you to easily find and access video programming.",
        "End too late in the season and you'll hit snow in the northern mountains.",
        "Ask for advice, but not from your cousin who says he's doing great with stocks.",
        # a sentence announcing what follows it
        "A harbor spokesperson responded to our inquiry with the following statement.",
    ],
)
def test_a_sentence_addressed_to_the_reader_or_a_wire_budget_line_is_furniture(text: str) -> None:
    assert furniture(text)
    assert not eligible(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Remember, we will win this fight," the senator told the crowd on Monday night.',
        "Lethal injection was used in the execution of the man convicted in 1998.",
        "Letters were sent to every member of the board of directors last week.",
        "Listeners called the station to complain about the broadcast on Sunday.",
        "Pictures of the victims lined the walls of the church on Sunday morning.",
        "Remembering the victims, the mayor laid a wreath at the bridge on Monday.",
        "If you are driving a Tesla with Autopilot, you are less likely to crash, Tesla said.",
        "Temperatures stayed below freezing, and the video showed the river above its banks.",
        "Prices rose above the forecast, and photos of the queues spread on social media.",
        # prose ending in a day: a past tense, a pronoun or a connective first
        "Myrna Arias sued Intermex Wire Transfer LLC in Kern County Superior Court on May 5.",
        "He remains on the job until the new Congress formally elects a new speaker Jan. 6.",
        "After weeks of frustrating delays, Piccard and Jones set off from the Alps on March 1.",
        # "you" quoted or reported, a "thank-you", and "the following" telling a time
        '"You never know," the coach told reporters after the game on Monday night.',
        "Tesla said that if you drive with Autopilot engaged, you are safer on the road.",
        "A page for the campaign posted a thank-you message to supporters on Tuesday night.",
        "The missing hiker was found safe by rangers near the ridge the following week.",
    ],
)
def test_quoted_imperatives_and_lookalike_words_are_not_reader_address(text: str) -> None:
    assert not furniture(text)


def test_a_noun_phrase_about_a_micrograph_is_a_caption_without_an_article() -> None:
    assert furniture(
        "Scanning electron micrograph of methicillin-resistant Staphylococcus aureus and a "
        "dead human neutrophil."
    )
    assert not furniture("Satellite image of the storm shows a clear eye over the islands.")


def test_an_answer_opening_with_yes_is_not_eligible() -> None:
    # the question it answers is not in the summary (DUC 2007 D0706)
    assert not eligible(
        "Yes, it placed the elected victor, Nobel Peace Prize winner Aung San Suu Kyi, under "
        "house arrest."
    )
    assert eligible("Yesterday's vote placed the opposition leader under house arrest again.")


@pytest.mark.parametrize(
    "text",
    [
        "One would require federal health plans to cover contraceptives.",
        "One of them, Richie Garcia, will be the crew chief in the opener.",
        "One was a Medicaid tax benefit to New York City, which challenged the law.",
    ],
)
def test_one_standing_for_one_of_a_set_is_not_eligible(text: str) -> None:
    assert not eligible(text)


@pytest.mark.parametrize(
    "text",
    [
        "One person was killed and 12 were injured when the ship hit the bridge.",
        "One issue is how many of the damaged buildings need to be torn down.",
    ],
)
def test_one_as_a_number_is_eligible(text: str) -> None:
    assert eligible(text)


def test_a_caption_about_a_picture_is_furniture_but_a_sentence_about_one_is_not() -> None:
    from synopsis.summarizer.furniture import furniture

    assert furniture(
        "An official product shot of Kinect, formally known as Project Natal, the new "
        "motion-control system from Microsoft."
    )
    assert not furniture("A photo of the suspect was released by police on Monday night.")


def test_a_scene_caption_with_no_verb_is_furniture_but_present_tense_prose_is_not() -> None:
    assert furniture(
        "A guard standing watch Tuesday at the Harbor Gate of the old port district, which"
        " will host the regatta."
    )
    assert not furniture("A rebel group fighting for autonomy faces an uncertain future.")
    assert not furniture("The ferry and waiting crowd remain on the pier until noon.")
    assert not furniture("The coach isn't expecting a quick return for the injured striker.")


def test_a_wire_caption_is_never_chosen_even_when_compression_drops_its_marks() -> None:
    caption = (
        "Shane Bauer (2nd L), Sarah Shourd (3rd L) and Josh Fattal (2nd R) sit with their "
        "mothers during a news conference in Tehran May 20, 2010."
    )
    prose = "Iran delayed the trial of the two American hikers held since July 2009 in Tehran."
    sentences = [
        Sentence("a", 0, 0, len(caption), caption),
        Sentence("a", 1, len(caption) + 1, len(caption) + 1 + len(prose), prose, paragraph=1),
    ]
    shown = [re.sub(r" \([^)]*\)", "", caption), prose]  # what compression leaves
    feats = [features(t) for t in shown]
    scores = score(sentences, feats)
    got = select(sentences, feats, scores, max_words=100, texts=shown)
    assert got.indices == (1,)


def test_every_sentence_of_a_short_caption_paragraph_is_barred_with_its_key() -> None:
    # Multi-News dev 1376: a figure's two-sentence key, the colour marks in its first sentence
    key = "Colors show probability of each branch being a cooer (blue) or a roarer (red)."
    rest = "Pies show the probabilities that the ancestors of birds and crocodiles cooed."
    prose = "Some large dinosaurs probably cooed with closed mouths rather than roaring."
    texts = [key, rest, prose]
    sentences, start = [], 0
    for k, (text, paragraph) in enumerate(zip(texts, (0, 0, 1), strict=True)):
        sentences.append(Sentence("a", k, start, start + len(text), text, paragraph=paragraph))
        start += len(text) + 1
    feats = [features(t) for t in texts]
    got = select(sentences, feats, score(sentences, feats), max_words=100)
    assert got.indices == (2,)
    # the same second sentence in a paragraph of prose stays eligible
    apart = [replace(s, paragraph=k) for k, s in enumerate(sentences)]
    assert 1 in select(apart, feats, score(apart, feats), max_words=100).indices


def test_the_items_of_a_photo_gallery_run_into_a_paragraph_are_never_chosen() -> None:
    # Multi-News dev 809: "Flight 370 vanished on March 8, 2014, ..." stood between a gallery's
    # marks ("Photos: ...", "Hide Caption 1 of 43") and was read as a caption in blind round 141
    texts = [
        "Photos: The search for the ferry Relatives light candles at the pier on Monday.",
        "The ferry Kestrel vanished on March 8 as it crossed from Port Alder to Dunmore.",
        "Hide Caption 1 of 2 Photos: The search for the ferry Divers search the strait.",
        "Hide Caption 2 of 2",
        "Divers found the wreck of the ferry Kestrel in the strait on Friday, officials said.",
    ]
    sentences, start = [], 0
    for k, text in enumerate(texts):
        paragraph = 0 if k < 4 else 1
        sentences.append(Sentence("a", k, start, start + len(text), text, paragraph=paragraph))
        start += len(text) + 1
    feats = [features(t) for t in texts]
    got = select(sentences, feats, score(sentences, feats), max_words=100)
    assert got.indices == (4,)
    # the same sentences with no item closed ("Hide Caption ...") are prose
    assert list(gallery_items(texts[:2])) == []
    assert list(gallery_items(texts)) == [0, 1, 2, 3]


def test_a_long_running_story_weighs_the_lead_prior_less() -> None:
    from synopsis.summarizer.objectives import Scores

    lead = _sent(
        "a", 0, "The city council voted to widen the harbor channel at its meeting on Monday."
    )
    later = _sent(
        "b", 5, "Harbor traffic doubled and the port hired two hundred more dock workers."
    )
    story = [lead, later]
    feats = [features(s.text) for s in story]
    # the lead carries less content but the position prior; only one sentence fits
    scores = Scores(
        weights={"lead": 1.0, "later": 2.0},
        sentence_concepts=(frozenset({"lead"}), frozenset({"later"})),
        position_prior=(1.0, 0.0),
    )
    budget = 20  # one sentence fits, not both
    days = {"a": "1998-03-02", "b": "1998-03-09"}
    assert select(story, feats, scores, max_words=budget, published=days).indices == (0,)
    # articles years apart: each lead tells its own event, and content decides
    years = {"a": "1996-03-02", "b": "1998-03-09"}
    assert select(story, feats, scores, max_words=budget, published=years).indices == (1,)
    # an update summary keeps the prior it was calibrated with
    update = select(story, feats, scores, max_words=budget, published=years, update=True)
    assert update.indices == (0,)


def test_a_summary_without_a_central_lead_takes_one_in() -> None:
    from synopsis.summarizer.objectives import Scores

    lead = _sent("a", 0, "The city council voted to widen the harbor channel on Monday night.")
    detail = _sent("b", 4, "Dock workers unloaded twice as many ships as the year before.")
    other = _sent("c", 4, "Fishing boats waited outside the breakwater for the tide to turn.")
    story = [lead, detail, other]
    feats = [features(s.text) for s in story]
    # the two details together outweigh the lead, and the lead leaves no room for either
    scores = Scores(
        weights={"lead": 2.0, "detail": 2.5, "other": 2.5},
        sentence_concepts=(frozenset({"lead"}), frozenset({"detail"}), frozenset({"other"})),
        position_prior=(0.5, 0.0, 0.0),
    )
    budget = 22
    assert 0 in select(story, feats, scores, max_words=budget).indices
    # without the rule, or in an update summary (the reader knows the story), content decides
    saved = sel_mod.CENTRAL_LEAD_SHARE
    try:
        sel_mod.CENTRAL_LEAD_SHARE = None
        assert select(story, feats, scores, max_words=budget).indices == (1, 2)
    finally:
        sel_mod.CENTRAL_LEAD_SHARE = saved
    assert 0 not in select(story, feats, scores, max_words=budget, update=True).indices


def test_a_full_name_is_paid_once_however_many_chosen_sentences_name_the_person_bare() -> None:
    import numpy as np

    from synopsis.summarizer.coverage import Program, greedy, solve
    from synopsis.summarizer.objectives import Scores

    # two sentences name "Riede" by surname; writing "Tobias Riede" at the first adds one word
    story = [
        _sent("a", 0, "Riede said the birds cooed with closed mouths."),
        _sent("a", 1, "Riede said crocodiles boom with their mouths open."),
        _sent("b", 0, "Tobias Riede, a physiology professor, led the study."),
    ]
    feats = [features(s.text) for s in story]
    scores = Scores(
        weights={"birds": 3.0, "crocodiles": 3.0, "study": 1.0},
        sentence_concepts=(
            frozenset({"birds"}),
            frozenset({"crocodiles"}),
            frozenset({"study"}),
        ),
        position_prior=(0.0, 0.0, 0.0),
    )

    def costs(i: int) -> tuple[dict[str, int], frozenset[str]]:
        return ({"Riede": 1}, frozenset()) if i < 2 else ({}, frozenset({"Riede"}))

    # 8 + 8 words and the full name's one word once: 17 fit in 17; paid per sentence, 18 would not
    chosen = select(story, feats, scores, max_words=17, name_costs=costs).indices
    assert sorted(chosen) == [0, 1]
    assert sorted(select(story, feats, scores, max_words=16, name_costs=costs).indices) != [0, 1]
    # a sentence that names the person in full pays for the later bare mentions
    program = Program(
        lengths=np.array([8.0, 8.0, 8.0]),
        concepts=[frozenset({"birds"}), frozenset({"crocodiles"}), frozenset({"study"})],
        weights={"birds": 3.0, "crocodiles": 3.0, "study": 1.0},
        prior=np.zeros(3),
        budget=24,
        duplicates=[],
        requires=[],
        prior_weight=1.0,
        first_mentions=[(1.0, (0, 1), (2,))],
    )
    assert sorted(solve(program, 100) or []) == [0, 1, 2]
    # the greedy start pays the name when it takes the first bare sentence: it stays in budget
    assert sorted(greedy(program)) == [0, 1]


def test_a_sentence_that_only_retells_other_articles_is_not_chosen_for_its_prior() -> None:
    from synopsis.summarizer.objectives import Scores

    story = [
        _sent("a", 0, "A woman drove over a man outside a hotel party after midnight on Sunday."),
        _sent("a", 1, "Police know who the driver is but have not arrested anyone yet."),
        # the second article's lead tells the same event over: all its concepts are above
        _sent("b", 0, "Shortly after 12 a.m., a guest at the celebration left and struck a man."),
    ]
    feats = [features(s.text) for s in story]
    scores = Scores(
        weights={"woman": 2.0, "party": 2.0, "midnight": 2.0, "police": 2.0},
        sentence_concepts=(
            frozenset({"woman", "party", "midnight"}),
            frozenset({"police"}),
            frozenset({"woman", "party", "midnight"}),
        ),
        position_prior=(1.0, 0.7, 1.0),
    )
    # room for all three: whichever lead comes second would add only its prior
    chosen = set(select(story, feats, scores, max_words=100).indices)
    assert 1 in chosen and len(chosen & {0, 2}) == 1
    # with a concept of its own it adds something, and is chosen
    own = replace(
        scores,
        weights={**scores.weights, "left": 1.0},
        sentence_concepts=(*scores.sentence_concepts[:2], frozenset({"woman", "party", "left"})),
    )
    assert set(select(story, feats, own, max_words=100).indices) == {0, 1, 2}


def test_a_later_sentence_of_the_same_article_is_not_a_retelling() -> None:
    from synopsis.summarizer.objectives import Scores

    story = [
        _sent("a", 0, "A woman drove over a man outside a hotel party after midnight on Sunday."),
        _sent("a", 1, "The woman did not stop, drove over the man and kept on going."),
        _sent("b", 0, "Police know who the driver is but have not arrested anyone yet."),
    ]
    feats = [features(s.text) for s in story]
    scores = Scores(
        weights={"woman": 2.0, "ran": 2.0, "police": 2.0},
        sentence_concepts=(
            frozenset({"woman", "ran"}),
            frozenset({"woman", "ran"}),
            frozenset({"police"}),
        ),
        position_prior=(1.0, 0.7, 1.0),
    )
    # its own article goes on with the story; only another article's account is a retelling
    assert set(select(story, feats, scores, max_words=100).indices) == {0, 1, 2}


def test_the_program_and_its_greedy_start_keep_at_most_constraints() -> None:
    import numpy as np

    program = coverage.Program(
        lengths=np.array([5.0, 5.0, 5.0]),
        concepts=[frozenset({"x"}), frozenset({"y"}), frozenset({"z"})],
        weights={"x": 1.0, "y": 1.0, "z": 1.0},
        prior=np.zeros(3),
        budget=100,
        duplicates=[],
        requires=[],
        prior_weight=0.0,
        at_most=[((0, 1, 2), 2)],
    )
    assert len(coverage.greedy(program)) == 2
    solved = coverage.solve(program, coverage.NODE_LIMIT)
    assert solved is not None and len(solved) == 2
    assert sorted(coverage.solve(replace(program, at_most=()), coverage.NODE_LIMIT) or []) == [
        0,
        1,
        2,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Executive Branch has worked to declassify speci?c materials in the public interest.",
        "Accordingly, the Committee?s request to release the Memorandum is a request for that.",
        "The Ohrs? relationship with Steele and Fusion GPS was concealed from the court there.",
        "Corroboration of the Steele dossier was in its ?infancy? at the time of the application.",
        "The agency said the files were classi\ufffded and could not be released to the public.",
    ],
)
def test_text_garbled_by_an_encoding_is_not_eligible(text: str) -> None:
    assert not eligible(text)


def test_a_question_quoted_inside_a_sentence_is_not_garbled_text() -> None:
    assert eligible('"Why would they leave?" the mayor asked reporters outside City Hall.')


def test_a_retelling_is_kept_only_where_what_it_adds_outweighs_what_it_repeats() -> None:
    import numpy as np

    # the two accounts share "quake" and "toll" (weight 4); each adds a concept of its own
    program = coverage.Program(
        lengths=np.array([10.0, 10.0]),
        concepts=[frozenset({"quake", "toll", "dead"}), frozenset({"quake", "toll", "tents"})],
        weights={"quake": 2.0, "toll": 2.0, "dead": 1.0, "tents": 1.0},
        prior=np.zeros(2),
        budget=100,
        duplicates=[],
        requires=[],
        prior_weight=0.0,
    )
    assert sorted(coverage.solve(program, coverage.NODE_LIMIT) or []) == [0, 1]
    # choosing both costs the shared weight once more: what each adds (1) does not pay for it
    repeated = replace(program, repeats=[(0, 1, 4.0)])
    assert len(coverage.solve(repeated, coverage.NODE_LIMIT) or []) == 1
    # what each adds (5) outweighs what it repeats: both are chosen
    worth = replace(repeated, weights={**program.weights, "dead": 5.0, "tents": 5.0})
    assert sorted(coverage.solve(worth, coverage.NODE_LIMIT) or []) == [0, 1]


def test_two_articles_retelling_one_event_are_a_repeat_pair_but_one_article_is_not() -> None:
    from synopsis.summarizer.features import repetition
    from synopsis.summarizer.objectives import Scores
    from synopsis.summarizer.repeats import CROSS_ARTICLE_REPEAT, repeat_pairs

    story = [
        _sent("a", 0, "A strong earthquake struck the coastal city of Izmir early on Tuesday."),
        _sent("b", 0, "The strong earthquake struck coastal Izmir early Tuesday, officials said."),
        _sent("a", 1, "The strong earthquake struck the coastal city of Izmir on Tuesday morning."),
        _sent("b", 1, "Rescue teams from Greece and Israel reached the ruined harbor by evening."),
    ]
    feats = [features(s.text) for s in story]
    assert repetition(feats[0].content, feats[1].content) >= CROSS_ARTICLE_REPEAT
    assert repetition(feats[0].content, feats[3].content) < CROSS_ARTICLE_REPEAT
    concepts = [frozenset({"earthquak", "izmir"})] * 3 + [frozenset({"rescu"})]
    weights = {"earthquak": 3.0, "izmir": 2.0, "rescu": 1.0}
    scores = Scores(weights=weights, sentence_concepts=tuple(concepts), position_prior=(0.0,) * 4)
    pairs = repeat_pairs([0, 1, 2, 3], feats, story, scores.sentence_concepts, weights)
    # the two articles' accounts are pairs, weighing the concepts they share; the same
    # article's second account (0 and 2) is its own article going on, not a second account
    assert sorted((a, b) for a, b, _ in pairs) == [(0, 1), (1, 2)]
    assert all(penalty == 5.0 for _, _, penalty in pairs)


OBITUARY = [
    _sent("a", 0, "George Bush led the nation to victory in the Gulf War and ended the Cold War."),
    _sent("a", 1, "He died on Friday at age 94."),
    _sent("a", 2, "Bush was born in Milton in 1924 and served in the Navy in the war."),
    _sent(
        "b", 0, "Leaders around the world praised George Bush, who led the nation in the Gulf War."
    ),
    _sent(
        "b",
        1,
        "Bush died on Friday at age 94 in Houston, where he had lived with his wife since he left "
        "the White House in 1993, a spokesman for the family said.",
    ),
    _sent("b", 2, "Bush is back."),
]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("He died on Friday at age 94.", True),
        ("Bail has been set at $500,000.", True),
        ("The new team will start Jan. 3.", True),
        ("Newt Gingrich is back to bomb-throwing.", False),  # no event told
        ("Tony Spitz has the details tonight.", False),
        ("The White House is a fine-tuned machine.", False),  # a hyphenated adjective
        ('"We lost him," his son said.', False),  # a quotation
        ("Linkov was seriously injured, it said.", False),  # a report: whose words?
        ("Bush died.", False),  # under SHORT_MIN_WORDS
    ],
)
def test_a_short_sentence_may_be_chosen_only_when_it_tells_an_event(text: str, event: bool) -> None:
    assert not eligible(text)
    assert short_lead(text, 1, True, True) is event
    assert not short_lead(text, 0, True, True)  # an article's first sentence: a feature lede


def test_the_death_an_obituary_reports_in_seven_words_is_chosen() -> None:
    feats = [features(s.text) for s in OBITUARY]
    sel = select(OBITUARY, feats, score(OBITUARY, feats), max_words=30)
    assert 1 in sel.indices
    # the same sentence past the lead paragraph is not eligible
    later = [*OBITUARY[:1], replace(OBITUARY[1], index=6), *OBITUARY[2:]]
    assert 1 not in select(later, feats, score(later, feats), max_words=30).indices
