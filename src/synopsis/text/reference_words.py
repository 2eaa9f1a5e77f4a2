"""Word lists of referring expressions, shared by the summarizer, the rewriter and the audit.

Nouns that need no introduction (`SELF_EVIDENT`), nationalities (`DEMONYMS`), nouns for people
(`PERSON_WORDS`, `ROLE_NOUNS`), heads of definite descriptions that point back
(`ANAPHORIC_HEADS`) and the words that introduce them (`INTRODUCED_BY`), written by reading DUC
2004 and Multi-News dev summaries (see benchmarks/readability_gold). `synopsis.text.reference`
reads sentences with them and re-exports them.
"""

from __future__ import annotations

__all__ = [
    "ANAPHORIC_HEADS",
    "COMPOUND_TAILS",
    "DEMONYMS",
    "HARM",
    "INTRODUCED_BY",
    "PERSON_WORDS",
    "ROLE_NOUNS",
    "SELF_EVIDENT",
]

# Nouns a demonstrative may take without an antecedent: times ("this year") and the story itself.
SELF_EVIDENT = frozenset(
    """
    year years week weeks weekend month months morning afternoon evening night day days time
    times season summer winter spring fall autumn decade century hour hours moment point way
    kind sort story
    """.split()
)
# Adjectives of nationality, faith and region ("American", "Shiite", "Western"): capitalized, yet
# no name a pronoun could stand for ("An American rescue would need his approval"), and no
# person's name before a title ("Syrian President").
DEMONYMS = frozenset(
    """
    syrian iraqi iranian russian american british french german turkish kurdish lebanese
    israeli palestinian saudi afghan pakistani yemeni qatari emirati egyptian jordanian
    libyan chinese japanese indian european african asian arab arabic shia shiite sunni
    muslim christian jewish western eastern northern southern
    """.split()
)
# Common nouns for people: a pronoun after one of them has an antecedent ("the officer ... he").
PERSON_WORDS = frozenset(
    """
    man woman men women boy girl child children son daughter father mother wife husband brother
    sister family official officials spokesman spokeswoman spokesperson president minister
    leader chief director manager police officer officers investigator investigators victim
    victims suspect suspects worker workers employee employees people person resident residents
    friend friends student students doctor doctors patient lawyer lawyers judge king queen
    actor actress singer player players coach governor mayor senator premier pope general
    soldier soldiers teen teenager fans fan neighbor neighbors parents
    """.split()
)
# Head nouns of the roles news writing puts before a person's name ("teacher Shanda Ince",
# "Neighbor Dan Aguliar", "publicist Andrew Wyatt"): occupations, offices, ranks and family or
# social relations. A closed list rather than a tagger: the word right before a name is a role
# only when it is one of these, so "Tuesday Shanda Ince" or "told Shanda Ince" never is. "head"
# ("Global Rescue head Daniel Richards", Multi-News dev 415) came from a diagnostic reading;
# "leader" from blind round 50 ("Kurdish rebel leader Abdullah Ocalan", DUC 2004 D30044, whom
# no rule took for a person, so a later "the rebel, Abdullah Ocalan" stayed in full), with the
# offices of heads of state and parliaments and the roles of politics and courts ("dissident",
# "suspect", "defendant") added beside it by eye, not read by readers; the roles of business
# and adventure ("Virgin boss Richard Branson and Chicago millionaire Steve Fossett", DUC 2007
# D0740-A, whom both readers of the audit's split outside11 asked about) likewise.
ROLE_NOUNS = frozenset(
    """
    teacher counselor counsellor principal student pupil classmate neighbor neighbour friend
    boyfriend girlfriend fiance fiancee roommate father mother son daughter brother sister wife
    husband uncle aunt nephew niece cousin grandmother grandfather grandson granddaughter widow
    spokesman spokeswoman spokesperson publicist minister president chairman chairwoman
    director manager officer official lawyer attorney prosecutor judge detective sheriff deputy
    captain lieutenant sergeant commander general colonel chief executive founder co-founder
    owner professor researcher scientist analyst economist expert author writer novelist
    journalist reporter editor columnist correspondent photographer actor actress singer rapper
    comedian musician coach player quarterback pitcher striker goalkeeper senator congressman
    congresswoman lawmaker governor mayor ambassador secretary adviser advisor aide negotiator
    activist witness survivor resident doctor surgeon nurse physician pastor priest bishop rabbi
    imam cleric historian archaeologist paleontologist biologist astronomer designer producer
    filmmaker engineer pilot firefighter trooper agent investigator ranger nanny guard head
    leader speaker premier chancellor commissioner king queen prince princess pope dissident
    candidate nominee suspect defendant millionaire billionaire tycoon magnate entrepreneur
    businessman businesswoman boss balloonist adventurer explorer aviator coroner
    """.split()
)
# Heads of definite descriptions that point back to an entity or event introduced before.
ANAPHORIC_HEADS = frozenset(
    """
    group company firm organization organisation agency unit man woman men women boy girl
    couple pair suspect suspects gunman gunmen victim victims hacker hackers attacker attackers
    move deal decision plan agreement announcement withdrawal proposal measure newspaper source
    request demand offer meeting hearing ruling study studies dead hostage hostages assailant
    assailants
    """.split()
)
# Stems of harm that introduce "the victim(s)".
HARM = frozenset("kill shot shoot murder die dead attack wound injur death".split())
# Stems of a seizure that introduce "the hostage(s)".
_SEIZURE = frozenset({"kidnap", "abduct", "seiz", "captiv", "captor", "hostag", "held"})
# Stems that introduce "the study" ("researchers found", "published in the journal").
_RESEARCH = frozenset({"research", "survey", "journal", "publish", "found"})
# Heads that the verb or noun of an earlier sentence introduces ("agreed to buy" -> "the deal"),
# as stems.
INTRODUCED_BY: dict[str, frozenset[str]] = {
    # a settlement is a deal ("... a $325,000 settlement ..." then "The deal will give ...",
    # read on the outside5 split of benchmarks/readability_gold)
    "deal": frozenset(
        {"buy", "purchas", "acquir", "acquisit", "merger", "agre", "agreement", "sell"}
        | {"settlement"}
    ),
    # what was agreed or promised is "the pledge" ("agreed Monday to work together ..." then
    # "The pledge, which was made in a joint statement, ...", outside7)
    "pledge": frozenset({"agre", "promis", "vow", "pledg", "commit"}),
    # court papers are "the filing" ("In court papers, defense lawyer William Fick cited ..."
    # then "The filing says ...", outside7)
    "filing": frozenset({"paper", "motion", "file", "lawsuit"}),
    "agreement": frozenset({"deal", "agre", "accord", "treati", "pact"}),
    "decision": frozenset({"decid", "rule", "ruling", "vote", "chose"}),
    "plan": frozenset({"propos", "intend", "would"}),
    "withdrawal": frozenset({"withdraw", "withdrew", "pull", "pullout"}),
    "announcement": frozenset({"announc", "said", "declar"}),
    "company": frozenset({"inc", "corp", "co", "ltd", "plc", "llc", "compani"}),
    "victim": HARM,
    "victims": HARM,
    # "The two dead were found on the vessel" (DUC 2004 D30029) before any death was told
    "dead": HARM,
    "assailant": HARM,
    "assailants": HARM,
    "hostage": _SEIZURE,
    "hostages": _SEIZURE,
    "suspect": frozenset({"arrest", "warrant", "charg", "accus", "suspect"}),
    "suspects": frozenset({"arrest", "warrant", "charg", "accus", "suspect"}),
    "firm": frozenset({"inc", "corp", "co", "ltd", "compani"}),
    "group": frozenset({"organ", "associ", "movement", "parti", "network"}),
    "request": frozenset({"ask", "sought", "seek", "call", "appeal", "demand"}),
    "demand": frozenset({"ask", "insist", "call", "request"}),
    "offer": frozenset({"propos", "bid"}),
    "meeting": frozenset({"meet", "met", "talk", "summit", "session"}),
    "hearing": frozenset({"court", "trial", "testifi"}),
    "ruling": frozenset({"rule", "judg", "court", "decis", "verdict"}),
    "study": _RESEARCH,
    "studies": _RESEARCH,
    # a lawsuit or prosecution told before is "the case" ("The case focuses on ..." after "the
    # trial"; read on the outside3 split of benchmarks/readability_gold)
    "case": frozenset({"trial", "lawsuit", "suit", "court", "charg", "prosecutor", "indict"}),
    # a title abbreviated before a name introduces the title's noun ("Gen. Emile Lahoud" ...
    # "The general enjoys ...")
    "general": frozenset({"gen"}),
    "senator": frozenset({"sen"}),
    "governor": frozenset({"gov"}),
    "representative": frozenset({"rep"}),
    "colonel": frozenset({"col"}),
    "lieutenant": frozenset({"lt"}),
    "sergeant": frozenset({"sgt"}),
    "captain": frozenset({"capt"}),
    "doctor": frozenset({"dr"}),
    "professor": frozenset({"prof"}),
}
# Nouns that make an anaphoric head a mere modifier ("the incident report").
COMPOUND_TAILS = frozenset(
    """
    report reports site scene area leader leaders member members official officials spokesman
    spokeswoman statement headquarters office chief director talks investigation probe
    """.split()
)
