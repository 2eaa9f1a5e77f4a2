"""Readability audit of summaries: what a reader trips over, sentence by sentence.

ROUGE does not read. This audit looks for what blind readers of extractive news summaries count
as references to things never introduced and as junk (issue 13), in the terms of the DUC
2005-2007 linguistic quality questions "referential clarity", "focus" and "structure and
coherence" (Dang, "Overview of DUC 2005", 2005) and of the discourse-level errors of extracts
catalogued by Nenkova ("Entity-driven rewrite for multi-document summarization", IJCNLP 2008) and
Otterbacher, Radev & Luo ("Revisions that improve cohesion in multi-document summaries", ACL
Workshop on Automatic Summarization 2002): dangling pronouns and definite noun phrases, first
mentions by surname, discourse connectives cut from their context, and time expressions read
against the wrong day. Each rule is a surface test that prefers precision to recall: a finding
should be a real problem (benchmarks/readability_audit_eval.py measures both on hand-annotated
summary sentences: six development splits read by the audit's author and the splits `outside1`
and `outside2`, read by outside readers who never saw the audit; benchmarks/readability_gold/
README.md).

Categories (`CATEGORIES`):

* ``pronoun``: a pronoun or demonstrative ("He said", "this city", "those attacks", "That's",
  "met here") whose referent the summary never introduced;
* ``definite``: a definite description of an entity or event never introduced ("the group",
  "the company", "the move", "the two men");
* ``bare_name``: a person first named by surname or title only ("Torre said", "Mr. Murga",
  "the president"), when the summary never gave the full name;
* ``connective``: a sentence-initial discourse connective ("But", "In the end", "As a result",
  "For its part") or an opening sentence that says "also";
* ``relative_time``: "yesterday", "on Friday", "last week" in a summary whose sentences come
  from articles published on different dates;
* ``quote``: quoted speech whose speaker the summary never names;
* ``headline``: headline or kicker text as a sentence or glued to one;
* ``furniture``: datelines, bylines, captions, photo credits, tags, calls to action, links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from synopsis.evaluation._definites import definites
from synopsis.evaluation._people import CAPITAL, person_surnames
from synopsis.evaluation._references import Finding, bare_names, hit, pronouns
from synopsis.text import WEEKDAYS, words
from synopsis.text.captions import dated_caption
from synopsis.text.dates import WIRE_DATE_LINE
from synopsis.text.links import LINK_CARD
from synopsis.text.tokens import IRREGULAR_PAST

CATEGORIES = (
    "pronoun",
    "definite",
    "bare_name",
    "connective",
    "relative_time",
    "quote",
    "headline",
    "furniture",
)
# What readers count as "refers to something the summary never introduced" and as "junk".
REFERENCE = ("pronoun", "definite", "bare_name", "quote")
JUNK = ("headline", "furniture")
# The benchmark script (benchmarks/run_benchmarks.py) tabulates these kinds.
KINDS = CATEGORIES

# A quotation is speech, not a scare quote, from this many words on ("an ``excuse''" is not).
MIN_QUOTE_WORDS = 4
# A line without final punctuation is a headline from this many words on (shorter ones are
# menu items and labels: "Sign in", "VPC"; they are furniture).
MIN_HEADLINE_WORDS = 4
# A line with at least this many commas and no verb-final punctuation is a tag or keyword list.
MIN_TAG_COMMAS = 4
# Words in one item of a tag list ("Kestrel Strait Bridge, Marrowport, ship collision").
MAX_TAG_WORDS = 4
# Headlines are short; a longer line without final punctuation is a list or table row.
MAX_HEADLINE_WORDS = 20
# The thresholds above were set by reading the DUC 2004 / Multi-News dev summaries of Synopsis,
# Lead and LexRank in benchmarks/readability_gold (precision and recall per category there).

# The reason of a kicker glued to a sentence: the rest of the sentence is still read.
_KICKER = "kicker glued to the sentence"
_QUOTE_OPEN = "“«"
_QUOTE_CLOSE = "”»"
# A closing curly quotation mark mangled in a source's encoding: "…,\ufffd? said Mumma." (the
# replacement character and a question mark, as Multi-News texts carry it for "”").
_MANGLED_CLOSE = "\ufffd?"
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*")

# --- connectives -----------------------------------------------------------------------------
_CONNECTIVE = re.compile(
    r"^(?:But|And|Or|Nor|However|Meanwhile|Still|Moreover|Furthermore|Nevertheless|"
    r"Nonetheless|Separately|Indeed|Yet|So(?! far\b)|Thus(?! far)|Therefore|Hence|Instead(?! of)|"
    r"Besides(?=,)|Rather(?=,)|Likewise|"
    r"Similarly|Otherwise|Consequently|Additionally|Plus|Anyway|Then|Again|"
    r"In addition(?! to)|In all|In the end|In turn|In contrast(?! to)|By contrast|"
    r"In response(?! to)|In other words|For (?:example|instance)|"
    r"(?:Sure|Well|Soon|Finally|Of course)(?=,)|"
    r"As (?:we|I) (?:reported|noted|said|wrote|mentioned)|"
    r"As a result|As well|Even so|After all|That said|On the other hand|At the same time|"
    r"Most recently|More recently|"
    r"For (?:its|his|her|their|our) part|All right,? so|"
    r"(?:Earlier|Later)(?= (?:on|in|that|this|the|today|tonight|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b|,))\b,?"
)
# Time counted from an event told before: "Soon afterward,", "Six minutes later,", "A year
# earlier,". Only the opening sentence is certain to lack that event (later on, readers of the
# outside splits labelled these openers where the event was missing and not where it was told).
# "After" with its event ("Minutes after President Donald Trump's press conference concluded",
# "Soon after midnight") tells it: readers of the outside splits labelled none of six.
_SEQUEL = re.compile(
    r"^(?:(?:Soon|Shortly|Not long|Moments|Minutes|Hours|Days|Weeks|Months|Years)\s+"
    r"(?:afterwards?|after(?=,)|later|thereafter)|Afterwards?|Thereafter|"
    r"(?:(?:An?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|A few|\d+)\s+)"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:later|earlier))\b,?"
)
# The sentence an opening "Otherwise" answers: a condition ("If the winner chooses the lump-sum
# cash option, the payout would be $341.2 million. Otherwise, ...": outside9, where both readers
# left it unlabelled).
_CONDITION = re.compile(r"^[\s\"“'‘(]*(?:If|Unless|Should|Only if)\b")
# A byline in capitals, as wire copy sets it ("*By ROBERT W. BLACK", DUC 2007 D0721-C, furniture
# to both readers of split outside12, a headline to the capitals test below it).
_CAPITALS_BYLINE = re.compile(r"^[*_\s]*By\s+[A-Z][A-Z.'’ -]{2,40}$")
# Not the name's "also known as" ("Myanmar is also known as Burma.", DUC 2007 D0706-B and
# D0706-A, left by all four readers of splits outside11 and outside12): it adds a name, not a fact.
_ALSO = re.compile(r"\balso\b(?!\s+(?:known|called)\s+as\b)", re.IGNORECASE)
_NOT_ONLY = re.compile(r"\bnot only\b", re.IGNORECASE)
# "D'Amato, who also runs on ...": a relative clause's "also" adds to what its noun is known for.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+(?:\w+\s+)?$")
# An earlier clause of the same sentence gives "also" what it adds to ("... has long been known to
# have damaging effects, but ... it also fuels ..."; "..., though it also houses ...": both read
# as fine by the readers of outside5 and outside6).
_CLAUSE_BEFORE = re.compile(r",\s*(?:and|but|though|although|while|yet)\b|;")

# --- relative time ---------------------------------------------------------------------------
_WEEKDAY = "|".join(w.capitalize() for w in WEEKDAYS)
_RELATIVE_TIME = re.compile(
    rf"\b(?:yesterday|today|tonight|tomorrow|"
    rf"(?:(?:[Ee]arly|[Ll]ate) )?(?:[Ll]ast|[Tt]his|[Nn]ext) (?:week(?:end)?|month|year)|"
    # "a month ago", "two years ago" (counted in words: "20 years ago" dates itself in a story)
    rf"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
    rf"[Ss]everal|[Aa] few) (?:days?|weeks?|months?|years?) ago|"
    rf"(?:{_WEEKDAY})(?:['’]s)?(?! ?,? (?:[A-Z][a-z]{{2,8}}\.? \d|\d)))\b"
    r"(?! (?:Times|Telegraph|Express|Mirror|Post|Herald|Morning|Independent)\b)",
)

# --- junk ------------------------------------------------------------------------------------
# "PHNOM PENH, Cambodia (AP) _ ", "LIMA, Dec 1 (Reuters) - ", "BOSTON (CBS) – ".
_DATELINE = re.compile(
    r"^\([A-Z/ ]{2,20}\)\s*(?:[-—–]+\s+|(?=[A-Z]))|"
    # a city in title case before a wire's or network's name ("Seoul (CNN) North and South ...",
    # outside10)
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}\s+\((?:CNN|AP|Reuters|AFP|UPI)\)"
    r"\s*(?:[-—–_]+\s+|(?=[A-Z]))|"
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?(?:,\s*\w+\.? \d{1,2})?"
    r"\s*(?:\([\w .&/-]{1,30}\)\s*)?(?:[-—–_]+\s+|(?:--|—)(?=[A-Z]))|"
    # a wire's date line: "Dec 17 (Reuters) - ", "Nov. 3 -- "
    rf"{WIRE_DATE_LINE}(?=[A-Z])"
)
_FURNITURE = re.compile(
    r"^\s*(?:(?-i:By:?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[|,].*)?)$|"
    r"(?-i:[A-Z]{3,}(?:\s[A-Z]{3,})*,\s*[A-Z][a-z]+\.?)$|"
    r"(?:Published|Updated|Posted|Last updated)(?: on)?:? .{0,40}\d{4}|"
    r"\*\s|•\s|Tags?:|Keywords?:|Related:|Read more\b|Sign (?:in|up)\b|Log ?in\b|"
    r"Remember me|Forgot (?:your )?password|Email this\b|Share this\b|Check out\b|"
    r"Click here\b|Subscribe\b|(?-i:[QA]\.\s)|(?:Newsletter )?Sign Up\b|View all\b|"
    r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}, \d{4} (?=[A-Z])|"
    r"Anyone with (?:any |more )?information\b|Follow us\b|"
    r"Like us on\b|Watch:|Advertisement\b|"
    r"(?:Photo|Image|Video|Picture)s?:|(?:Photo|Video|Image) courtesy\b|"
    r"FILE\s*[-—–]|(?-i:CLOSE)\b|Skip in\b|\(Photo\b|\((?:AP|Associated Press|Reuters|AFP)\)\s*$)",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    rf"^(?:(?:{_WEEKDAY}),?\s+)?[A-Z][a-z]+\.?\s+\d{{1,2}},\s+\d{{4}}\.?$|"
    r"\b(?:seen|shown|pictured) here\b|\bHide Caption\b|"
    # a pointer to a link ("The whole ... list can be read here", "Submit your Newswire tips
    # here.", "Follow my journey here."; readers of the outside splits labelled each furniture)
    r"\b(?:can|may|could) be (?:read|seen|found|viewed|watched|heard|downloaded) here\b|"
    r"^(?:Submit|Send|Read|Watch|See|Follow|Listen|Find|Download|Learn)\b[^.!?]{0,60}\bhere[.!]?$|"
    r"\bPhotos?:|(?<!\w)@\w+|^Embed\b|"
    r"\bautoplay\b|\bImage (?:copyright|caption)\b|"
    # a stock ticker glued into the text: "Acme Corp.’s ACME, +2.10% board"
    r"(?-i:\b[A-Z]{1,5}),\s*[-+−]\d+(?:\.\d+)?%|"
    # an agency photo caption closes on its full date: "..., in Harbor Town, Monday, May 1, 2017."
    rf"(?-i:,\s+(?:{_WEEKDAY}),\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}\.?$)|"
    r"^\((?:Also|More|Related|Read|See|Watch)\b.*\)$|^(?:\S+\s+){0,5}\S+:$|"
    r"\bContinue reading\b|\bnewsletters?\b|\((?:\d(?:st|nd|rd|th) )?[LRC]\)|^[^A-Za-z]*$|"
    # an e-mail promotion ("Get breaking news alerts ...", "... delivered weekday mornings.")
    r"\bbreaking news alerts\b|\bdelivered (?:right )?to your inbox\b|"
    r"\bdelivered weekday mornings\b|"
    r"https?://|www\.\w|\S+@\S+\.\w|\bfile photo\b|\bphoto courtesy\b|\bcourtesy of\b|"
    r"\((?:Photo|Picture|Image)s?:|\bredirects here\b|"
    r"\bFor other uses, see\b|\(disambiguation\)|\bGetty Images\b|\bAP Photo\b|"
    # an embedded post's own notices: "We've detected that JavaScript is disabled in your
    # browser.", "You always have the option to delete your Tweet location history."
    r"\bJavaScript is (?:disabled|turned off)\b|\bin your browser\b|\blegacy Twitter\b|"
    r"\bTweet(?:s)? (?:with a )?location\b|\blocation (?:information|history)\b|"
    r"\blocation to your Tweets\b|"
    r"\b(?:Embed|Share) x\b|^\s*\||"
    # a photo credit before the caption: "Maxim Shemetov / Reuters file Sochi's ..."
    rf"(?-i:^{CAPITAL}[a-z][\w.'’-]*(?:\s+{CAPITAL}[\w.'’-]*){{0,3}}\s*/\s*{CAPITAL}[a-z])|"
    # the page speaking of itself: "This story appears in the December 12 issue of Forbes."
    r"^This (?:story|article) (?:originally )?(?:appears|appeared|was (?:originally )?published)"
    r" in\b|"
    # ... or of its reprint ("This post originally ran in April 2013.", outside10)
    r"^This (?:post|piece|column|story|article) (?:originally|first) (?:ran|appeared)\b|"
    # a time stamp and byline ("March 10, 2012 10:54 am ET by MMFA Staff", outside10)
    r"^[A-Z][a-z]+\.? \d{1,2}, \d{4},? \d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|"
    # a contact line ("For more information about this collection please feel free to contact
    # Mark via Send Mail", outside10) and a pointer to an embed ("You can see the cold open
    # below, via NBC:", outside10)
    r"\bfeel free to contact\b|\bbelow, via\b|"
    # a figure's key: "Colors show probability of each branch being ... (blue) or ... (red).",
    # "Pies show the probabilities that ..." (outside10; a color in parentheses points into the
    # picture, `synopsis.text.captions`)
    r"^(?:Colou?rs|Pies|Bars|Dots|Arrows|Lines|Circles|Shading) (?:show|indicate|represent)\b|"
    # a video caption: "NBC News' Richard Engel reports from inside ..."
    rf"(?-i:^(?:{CAPITAL}[\w.'’-]*\s+){{1,5}}reports from\b)|"
    # a link card's headlines left in the sentence ("... ClintonTrump bullish ... MORE.")
    rf"(?-i:{LINK_CARD.pattern})",
    re.IGNORECASE,
)
# A page's plea to its reader ("Please enable Javascript to watch this video", "Please check the
# URL for proper spelling and capitalization.", "Please try Yahoo!"; not "Please note that ...",
# which readers took for unattributed speech) and a line of menu items set apart by bars ("Search
# the Web advanced search | most popular", "9:04 PM ET Sun, 3 Sept 2017 | 02:51"): furniture, not
# a headline. Read on the outside splits of benchmarks/readability_gold, whose readers labelled
# all six furniture.
_PAGE_PLEA = re.compile(r"^Please\s+(?!note\b)[a-z]+\b")
_MENU_BARS = re.compile(r"\S\s+\|\s+\S")
# Captions: what a photo shows ("An official product shot of ...", "A policeman standing guard
# Wednesday at ..."), a noun phrase with no finite verb outside its relative clauses.
_CAPTION_NOUN = re.compile(
    r"^(?:An?|The)\s+(?:[\w-]+\s+){0,2}(?:shot|photo|photograph|picture|image|screenshot|still|"
    r"rendering)\s+of\b"
)
_CAPTION_PARTICIPLE = re.compile(r"^An?\s+(?:[\w-]+\s+)?[\w-]+\s+[a-z]{2,}ing\b")
# The relative clause ends at the next comma: "A third advocate who has been held for a month,
# Wang Li, was accused ..." keeps its main verb (a caption has none outside the clause).
_RELATIVE_CLAUSE = re.compile(r",?\s+(?:which|who|where)\b[^,]*")
_FINITE = re.compile(  # not "shot": a caption's noun ("product shot of"); see IRREGULAR_PAST
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    rf"do|does|did|said|says|{IRREGULAR_PAST}|[a-z]{{3,}}ed)\b"
)
# A caption's closing credit: "... at a Tyson's chicken (Compassion Over Killing)".
_CREDIT_END = re.compile(rf"\({CAPITAL}[\w.'’ &/-]{{1,40}}\)\s*$")
_END = re.compile(r"""[.!?]['"”’)\]]*\s*$|[.!?]\s*['"”’)\]]+.{0,3}$""")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
# Kicker or section label glued to the start: "YANKEES Pitching The ...", "'Sold-on' In an ...".
_CAPS_KICKER = re.compile(
    r"^((?:[A-Z][A-Z'’&-]{2,}\s+)+(?:[A-Z][a-z]+\s+)?)"
    r"(?=(?:The|A|An|In|On|At|For|After|With|As|When|While|Two|Three)\s)"
)
_QUOTED_KICKER = re.compile(r"^(['‘\"“][\w' -]{2,30}['’\"”])\s+(?=[A-Z])")
# A page's section label glued to the sentence it introduces ("Story highlights A Chinese ship
# picked up a signal ..."): the definitions' "section label ... glued to one", a headline (the
# outside readers of outside6 and outside8 labelled all three so; the author's labels of dev and
# dev4 had called two of them furniture).
_SECTION_KICKER = re.compile(r"^(Story highlights)\s+(?=\S)", re.IGNORECASE)
_WIKI_HEADER = re.compile(r"\[\s*edit\s*\]")
_TITLE_LOWER = frozenset("a an the of on in at to for by and or but with from as vs".split())
_TRAILING_FUNCTION = frozenset("a an the of and or to was is who which that with for in on".split())

_SPEECH = (
    r"said|says|say|saying|told|tells|added|adds|asked|asks|wrote|writes|continued|explained|"
    r"recalled|warned|warning|insisted|stated|declared|noted|described|calling|called|quoted|"
    r"tweeted|reported|announced|replied|admitted|urged|promised|claimed|claims|claim|argued|"
    r"acknowledged|posted|testified|shouted|joked|conceded|vowed|according to|statement|"
    # manners of saying ('"... it'd be rated R!" laughed Gary Rydstrom', outside10)
    r"laughed|quipped|sighed|remarked|observed|mused|boasted|cautioned|complained|exclaimed|"
    r"states|notes|writes|insists|tweets|explains|recalls|adds|continues|says"
)
_ATTRIBUTION = re.compile(rf"\b(?:{_SPEECH})\b|:\s*$", re.IGNORECASE)
# A quotation followed by its speaker's full name: "“...,” Don Clark was able to ..."
_NAME_AFTER_QUOTE = re.compile(rf"^[\s,]*{CAPITAL}[a-z]+\s+{CAPITAL}[a-z]+")
_FIRST_PERSON_START = re.compile(r"^(?:I|We|You|My|Our|Your|Us)\b(?!\.)")
# The first person speaking inside the sentence without marks: "..., we have been working",
# "As we reported earlier", "From that event we've seen" ("I" only before a verb of its own).
_FIRST_PERSON_SUBJECT = re.compile(
    r"(?<![\w-])(?:[Ww]e(?:['’](?:ve|re|d|ll)\b|\s+(?:\w+ly\s+)?(?!and\b|or\b|of\b|the\b)[a-z]+)|"
    r"I(?:['’](?:ve|m|d|ll)\b|\s+(?:\w+ly\s+)?(?:am|was|have|had|think|thought|believe|know|"
    r"knew|saw|see|say|said|will|would|can|could|do|did|don['’]t|didn['’]t|want|wanted|feel|"
    r"felt|hope)\b))"
)
_UNMARKED = "speech with no speaker"  # the reason of a `quote` finding without quotation marks
# An editor's insertion in brackets is a quotation's ("Wilbur's [commerce secretary Wilbur
# Ross] a very rich person"), not a citation mark ("[21]") or a wiki label ("[ edit ]").
_EDITORIAL_BRACKET = re.compile(r"\[(?!\s*edit\s*\])[^\]\d]*[A-Za-z]{2,}\s+[^\]\d]*\]")


Violation = Finding
__all__ = [
    "CATEGORIES",
    "JUNK",
    "KINDS",
    "REFERENCE",
    "Finding",
    "Violation",
    "audit",
    "check",
    "count",
    "person_surnames",
]


def _quoted_mask(text: str) -> list[bool]:
    """Which characters lie inside quotation marks (an unpaired mark runs to the edge)."""
    mask = [False] * len(text)
    inside = False
    opened_at: int | None = None
    closes: list[int] = []
    i = 0
    while i < len(text):
        c = text[i]
        pair = text[i : i + 2]
        nxt = text[i + 1 : i + 2]
        opens_word = bool(nxt) and (nxt.isalnum() or nxt in "‘'")
        if pair == "``" or c in _QUOTE_OPEN or (c == '"' and not inside and opens_word):
            inside, opened_at = True, i
            i += 2 if pair == "``" else 1
            continue
        if pair == "''" or pair == _MANGLED_CLOSE or c in _QUOTE_CLOSE or c == '"':
            if not inside:
                closes.append(i)  # a quote opened in an earlier sentence ends here
            inside, opened_at = False, None
            i += 2 if pair in ("''", _MANGLED_CLOSE) else 1
            continue
        mask[i] = inside
        i += 1
    if closes:
        for k in range(closes[0]):
            mask[k] = True
    if opened_at is not None:
        for k in range(opened_at, len(text)):
            mask[k] = True
    return mask


def _junk(i: int, s: str) -> list[Finding]:
    """Headline/kicker text and page furniture."""
    body = s.strip()
    lead = len(s) - len(s.lstrip())
    m = _DATELINE.match(body)
    if m:
        return [hit("furniture", i, s, lead, lead + m.end(), "dateline before the sentence")]
    m = _FURNITURE.match(body) or _FURNITURE_ANYWHERE.search(body)
    if m:
        return [hit("furniture", i, s, lead + m.start(), lead + m.end(), "page furniture")]
    if _PAGE_PLEA.match(body) or (_MENU_BARS.search(body) and not _END.search(body)):
        return [hit("furniture", i, s, lead, len(s), "the page's own plea or menu")]
    if (_CAPTION_NOUN.match(body) or _CAPTION_PARTICIPLE.match(body)) and not _finite(body):
        return [hit("furniture", i, s, lead, len(s), "photo caption")]
    if dated_caption(body):  # "A ranger ... aims his gun at a lion on March 30." (selection's)
        return [hit("furniture", i, s, lead, len(s), "photo caption")]
    ended = bool(_END.search(body))
    n_words = len(body.split())
    if _ELLIPSIS_END.search(body) or (not ended and _CREDIT_END.search(body)):
        return [hit("furniture", i, s, lead, len(s), "truncated link text or caption credit")]
    items = body.split(",")
    if (
        not ended
        and len(items) > MIN_TAG_COMMAS
        and all(len(x.split()) <= MAX_TAG_WORDS for x in items)
    ):
        return [hit("furniture", i, s, lead, len(s), "tag or keyword list")]
    last = words(body)[-1:] if body else []
    trails = bool(last and last[0] in _TRAILING_FUNCTION) or body.endswith((",", ";", ":"))
    if not ended and n_words < MIN_HEADLINE_WORDS and body[:1].isupper() and not trails:
        return [hit("furniture", i, s, lead, len(s), "label or menu text, not a sentence")]
    letters = [c for c in body if c.isalpha()]
    if _CAPITALS_BYLINE.match(body):
        return [hit("furniture", i, s, lead, len(s), "byline")]
    if len(letters) > 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return [hit("headline", i, s, lead, len(s), "all-capitals headline")]
    if _WIKI_HEADER.search(body):
        return [hit("headline", i, s, lead, len(s), "section header")]
    kicker = _CAPS_KICKER.match(body) or _QUOTED_KICKER.match(body) or _SECTION_KICKER.match(body)
    if kicker:
        return [hit("headline", i, s, lead, lead + kicker.end(1), _KICKER)]
    if (
        not ended
        and MIN_HEADLINE_WORDS <= n_words <= MAX_HEADLINE_WORDS
        and body[:1].isupper()
        and not body.endswith((")", "]"))
        and not trails
    ):
        return [hit("headline", i, s, lead, len(s), "headline: no sentence punctuation")]
    if n_words >= MIN_HEADLINE_WORDS and _title_case(body):
        return [hit("headline", i, s, lead, len(s), "headline: every word capitalized")]
    return []


def _finite(body: str) -> bool:
    """Whether a sentence has a main verb outside its relative clause. A clause that runs on
    without a comma and holds two verbs also holds the main one ("A man who posed in a photo
    with a flag has been charged")."""
    clause = _RELATIVE_CLAUSE.search(body)
    if _FINITE.search(_RELATIVE_CLAUSE.sub("", body)):
        return True
    if clause is None or clause.group().startswith(","):
        return False  # ", which will be used for skiing": the clause, not the main verb
    verbs = list(_FINITE.finditer(clause.group()))
    return any(len(clause.group()[a.end() : b.start()].split()) >= 2 for a, b in pairwise(verbs))


def _title_case(text: str) -> bool:
    """Whether every word but short function words is capitalized ("Snooki Talks Drinking on")."""
    tokens = _WORD.findall(text)
    return bool(tokens) and all(t[:1].isupper() or t.lower() in _TITLE_LOWER for t in tokens)


def _connective(i: int, s: str, mask: list[bool], previous: str = "") -> list[Finding]:
    body = s.lstrip(" (")
    lead = len(s) - len(body)
    if lead < len(s) and mask[lead]:
        return []  # the sentence opens inside a quotation: the speaker's own "But"
    m = _CONNECTIVE.match(body)
    if m and m.group().startswith("Otherwise") and _CONDITION.match(previous):
        m = None  # "If the winner chooses the lump sum, ... Otherwise, ...": its condition
    if m:
        return [hit("connective", i, s, lead, lead + m.end(), "opens by linking to text before")]
    m = _SEQUEL.match(body) if i == 0 else None
    if m:
        return [hit("connective", i, s, lead, lead + m.end(), "counts time from an untold event")]
    # "also" anywhere, an opening "Also," too, only where nothing in the summary can satisfy it:
    # in its first sentence (the definition of `connective`; after the first, readers of the
    # outside splits left an opening "Also" unlabelled in all 4 places, "Also joining the team
    # will be Jeff Glor ...")
    if i == 0 and not _NOT_ONLY.search(s):
        for m in _ALSO.finditer(s):
            head = s[: m.start()]
            satisfied = _RELATIVE_BEFORE.search(head) or _CLAUSE_BEFORE.search(head)
            if not (mask[m.start()] or satisfied):
                return [hit("connective", i, s, m.start(), m.end(), "'also' with nothing before")]
    return []


def _relative_time(i: int, s: str, mixed: bool, mask: list[bool]) -> list[Finding]:
    if not mixed:
        return []
    for m in _RELATIVE_TIME.finditer(s):
        if not mask[m.start()]:
            return [
                hit(
                    "relative_time",
                    i,
                    s,
                    m.start(),
                    m.end(),
                    "relative date; the summary mixes articles of different days",
                )
            ]
    return []


def _quote(i: int, s: str, mask: list[bool], named_before: bool) -> list[Finding]:
    outside = "".join(c if not q else " " for c, q in zip(s, mask, strict=True))
    body = s.lstrip()
    if not any(mask):
        m = _FIRST_PERSON_START.match(body)
        if m and not _ATTRIBUTION.search(s):
            lead = len(s) - len(body)
            return [hit("quote", i, s, lead, lead + m.end(), _UNMARKED)]
        m = _FIRST_PERSON_SUBJECT.search(s) or _EDITORIAL_BRACKET.search(s)
        # the first person's own "we reported" names no speaker: only another speaker counts
        if m and not _ATTRIBUTION.search(_FIRST_PERSON_SUBJECT.sub(" ", s)):
            return [hit("quote", i, s, m.start(), m.end(), _UNMARKED)]
        return []
    lead = len(s) - len(body)
    if not (body[:1] in '"“«`' or (lead < len(s) and mask[lead])):
        return []  # a quotation inside the sentence's own clause: its subject is the speaker
    stretches = re.findall(
        r"[^\x00]+", "".join(c if q else "\x00" for c, q in zip(s, mask, strict=True))
    )
    speech = [q for q in stretches if not _title_case(q)]
    if not (lead < len(s) and mask[lead] and speech) and not any(
        len(q.split()) >= MIN_QUOTE_WORDS for q in speech
    ):
        return []  # scare quotes and titles ("an ``excuse''", “Orange Is the New Black”)
    if _ATTRIBUTION.search(outside) or (named_before and outside.strip().startswith(":")):
        return []
    last = max(k for k, q in enumerate(mask) if q)
    if _NAME_AFTER_QUOTE.match(s[last + 1 :].lstrip("”'\"")):
        return []
    start = mask.index(True)
    return [hit("quote", i, s, start, len(s), "quotation whose speaker the summary never names")]


def audit(
    sentences: Sequence[str],
    dates: Sequence[str | None] | None = None,
    surnames: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Readability problems of a summary given as its sentences in order.

    Args:
        sentences: the summary's sentences.
        dates: publication date (YYYY-MM-DD) of the article each sentence comes from, if known;
            relative time words are findings only where two known dates differ.
        surnames: surnames of people the sources name in full (`person_surnames`); without
            them only "Mr./Dr. Surname" and bare titles are found as first mentions.

    Returns:
        Every finding, in sentence order (a sentence may have several, one per category).
    """
    known = {d for d in (dates or ()) if d}
    mixed = len(known) > 1
    found: list[Finding] = []
    for i, s in enumerate(sentences):
        # a repeated sentence does not introduce what it refers to (LexRank repeats sentences)
        before = " ".join(x for x in sentences[:i] if x.strip() != s.strip())
        previous = sentences[i - 1] if i else ""  # what an "it" or "Otherwise" may lean on
        mask = _quoted_mask(s)
        junk = _junk(i, s)
        found += junk
        # page furniture, or a headline standing as the whole sentence (not a kicker glued to
        # one): no sentence going on, and no speech or references to judge (outside4: "Please
        # enable Javascript to watch this video" is not a dangling "this video")
        furniture = bool(
            junk
            and junk[0].reason not in ("dateline before the sentence", _KICKER)
            and (junk[0].category == "furniture" or junk[0].end - junk[0].start >= len(s.strip()))
        )
        if not furniture:  # "(Also on the site: ...)" is a link, not a sentence going on
            found += _connective(i, s, mask, previous)
        found += _relative_time(i, s, mixed, mask)
        if furniture:
            continue  # page furniture has no speech or references to judge
        quote = _quote(i, s, mask, bool(before))
        found += quote
        if not (quote and quote[0].reason == _UNMARKED):
            # pronouns of first-person speech are its speaker's ("Our thoughts are with
            # this family"), as inside quotation marks: the missing speaker is the `quote`
            found += pronouns(i, s, before, mask, surnames, previous)
        found += definites(i, s, before, mask)
        # "first mentioned": a repeated sentence's name was mentioned by its first copy
        found += bare_names(i, s, " ".join(sentences[:i]), mask, surnames)
    return found


def check(sentences: Sequence[str]) -> list[Finding]:
    """`audit` without dates or sources (the name earlier callers used).

    Args:
        sentences: the summary's sentences.

    Returns:
        Every finding.
    """
    return audit(sentences)


def count(
    summaries: Sequence[Sequence[str]],
    dates: Sequence[Sequence[str | None]] | None = None,
    surnames: Sequence[frozenset[str]] | None = None,
) -> dict[str, float]:
    """Findings per 100 summaries, by category, by group ("reference", "junk") and in total.

    Args:
        summaries: each summary as its list of sentences.
        dates: per summary, the publication date of each sentence's article (see `audit`).
        surnames: per summary, the surnames its sources name in full (see `person_surnames`).

    Returns:
        Category, "reference", "junk" and "total" to findings per 100 summaries.
    """
    totals = dict.fromkeys(CATEGORIES, 0)
    for k, summary in enumerate(summaries):
        found = audit(
            summary,
            dates[k] if dates is not None else None,
            surnames[k] if surnames is not None else frozenset(),
        )
        for finding in found:
            totals[finding.category] += 1
    scale = 100.0 / max(1, len(summaries))
    result = {kind: round(n * scale, 1) for kind, n in totals.items()}
    result["reference"] = round(sum(totals[k] for k in REFERENCE) * scale, 1)
    result["junk"] = round(sum(totals[k] for k in JUNK) * scale, 1)
    result["total"] = round(sum(totals.values()) * scale, 1)
    return result
