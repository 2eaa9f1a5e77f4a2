"""Remove web boilerplate (prompts, captions, bylines, link lists, embeds, comments) from articles.

Line-level classification in the spirit of boilerplate detection with shallow text features
(Kohlschütter, Fankhauser and Nejdl, "Boilerplate Detection using Shallow Text Features", WSDM
2010) and jusText's stopword/length heuristics (Pomikálek, "Removing Boilerplate and Duplicate
Content from Web Corpora", PhD thesis, Masaryk University, 2011), adapted to text that has
already lost its markup: every line gets a `LineVerdict` with the reason it is kept or dropped.
Signals are general (sentence-final punctuation, length, runs of short lines, repetition inside
an article and across the cluster, URL/handle density, a small list of generic cue phrases).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from synopsis.clean.digest import cut_digests
from synopsis.model.types import Article, Skipped
from synopsis.text.captions import picture_caption
from synopsis.text.dates import MONTH_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from synopsis.text.stopwords import STOPWORDS

__all__ = [
    "LineVerdict",
    "boilerplate_lines",
    "boilerplate_reason",
    "clean_articles",
    "clean_text",
]

# A run of at least this many consecutive short non-sentence lines is a link list, menu or
# factbox ("Next Stories" lists have 3+ items; isolated subheadings come one at a time).
LIST_RUN_MIN = 3
# "Short" for list/caption purposes: headlines in related-link lists are at most ~15 words.
SHORT_WORDS = 15
# A line whose text is contained in a longer line is a duplicate only when it has this many
# words, so that short quotes such as "He agreed." are never matched by chance.
CONTAINED_MIN_WORDS = 8
# Site templates (menus, promos, share bars) are short; a longer line found in two articles is the
# same wire copy printed twice, which is content (DUC 2004 clusters hold such reprints whole,
# as single lines without final punctuation; issue 2 regression).
TEMPLATE_MAX_WORDS = 30
# A truncated line ("... the ci...") counts as a cut-off copy when at least this many normalized
# characters of it occur elsewhere in the article.
TRUNCATED_MIN_CHARS = 25
# Lines with one generic promo cue are dropped up to this length when they start with the cue
# ("Subscribe to ...", "Sign in"); longer lines are prose that merely mentions it.
CUE_START_MAX_WORDS = 30
# A cue "starts" the line when it begins within this many characters (after bullets/quotes).
CUE_START_CHARS = 12
# Two or more cue phrases mark a promo block up to this length (e.g. "Get live ... Like us on
# Facebook and follow us on Twitter." is 36 words).
CUE_MULTI_MAX_WORDS = 60
# Photo captions ending with a credit "(AP Photo/...)" run up to about 60 words.
CAPTION_MAX_WORDS = 60
# Single weak cue words ("Twitter", "Getty Images") only mark short non-sentence lines.
WEAK_CUE_MAX_WORDS = 8
# Lines with two or more @handles/#hashtags are social embeds up to this length.
HANDLES_MAX_WORDS = 30
# Tag/keyword lines: at least this many comma-separated items, most of them 1-3 words.
TAG_MIN_ITEMS = 4
TAG_SHORT_SHARE = 0.7
# ... and many of them capitalized (tags are mostly names; prose enumerations are lowercase).
TAG_CAPITALIZED_SHARE = 0.4
# Date lines: share of tokens that are dates, weekdays, numbers or times.
DATE_TOKEN_SHARE = 0.6
# A line of at least this many words that stops mid-sentence may be hard-wrapped.
WRAP_MIN_WORDS = 6
# A comments marker only counts in the second half of an article.
COMMENTS_MIN_POSITION = 0.5

_NON_ALNUM = re.compile(r"[\W_]+")
_HANDLE = re.compile(r"@\w+|#[A-Za-z]\w*")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])\s*$")
_STRONG_CUES = re.compile(
    r"log\s?in\b|\bsign\s?(?:in|up)\b|forgot\s*(?:your\s*)?password|\bremember\s?me"
    r"|\bcreate an account\b|\bsubscribe\s+(?:to|now|today|for|here)\b|\bsubscribe\s*$"
    r"|\bfollow\s+(?:us|@\w+)|\blike\s+us\s+on\b|\bshare\s+this\s+(?:story|article|page)"
    r"|\bclick\s+here\b|\bread\s+more\b|\bcontinue\s+reading\b|\ball\s+rights\s+reserved\b"
    r"|\bprivacy\s+policy\b|\bterms\s+of\s+(?:use|service)\b|\bcookie\s+policy\b"
    r"|\b(?:use|accept)\s+(?:all\s+)?cookies\b|\bdownload\s+(?:the|our)\s+\w*\s*app\b"
    r"|\bin\s+the\s+[\w ]{0,30}\bapp\b|\bstory\s+continued\s+below\b|\bnext\s+stor(?:y|ies)\b"
    r"|\bmore\s+(?:news|stories)\s+from\b|\brelated\s+(?:stories|articles|coverage|content)\b"
    r"|\byou\s+(?:may|might)\s+also\s+like\b|\bback\s+to\s+top\b|\btop\s+of\s+page\b"
    r"|\bcontributed\s+to\s+this\s+(?:report|article|story)\b"
    r"|\b(?:writing|reporting|editing)\s+by\b|\bnewsletter\b.{0,40}\binbox\b"
    r"|\btext\s+size\b|\benable\s+javascript\b",
    re.I,
)
_WEAK_CUES = re.compile(
    r"\b(?:advertisements?|advertising|sponsored|newsletters?|subscribe|cookies?|comments?"
    r"|copyright|facebook|twitter|instagram|reddit|whatsapp|pinterest|linkedin|youtube|tumblr"
    r"|email|print|share|tweets?|photos?|photograph(?:er)?|images?|illustration|video|gallery"
    r"|slideshow|credit|getty|reuters|afp|ap|enlarge)\b|©",
    re.I,
)
_CAPTION_CREDIT = re.compile(
    r"\((?=[^()]*\b(?:photo|photos|photograph|photographer|image|images|getty|reuters|ap|afp"
    r"|associated\s+press|file|credit|courtesy|staff)\b)[^()]*\)\s*$",
    re.I,
)
_CAPTION_START = re.compile(
    r"^(?:image\s+copyright|image\s+caption|view\s+images?|enlarge(?:\s+image)?|file\s*[-–—:]"
    r"|file\s+photo|photo\s*:|image\s*:|\d+\s+of\s+\d+\.|media\s+(?:playback|caption)|embed\b)",
    re.I,
)
# A video's teaser line: an outlet's correspondent "reports from" somewhere ("NBC News' Richard
# Engel reports from inside the difficult-to-reach Coastal Cluster in Sochi.").
_VIDEO_TEASER = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}['’]s?\s+(?:[A-Z][\w.'’-]*\s+){1,3}"
    r"reports?\s+(?:from|on)\b"
)
# "Anthony Kwan/Bloomberg", "Jonathan Ernst/Reuters": photographer/agency credit lines.
_SLASH_CREDIT = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w&.'’ -]*$")
# A credit after a caption's last sentence, the line ending without punctuation: "... in 2014.
# Alistair Barr for The Wall Street Journal", "... on Monday. Jane Doe/Reuters" (Multi-News dev).
_TRAILING_CREDIT = re.compile(
    r"[.!?][\"”’]?\s+(?:(?:Photo|Image|Picture)s?(?:\s+by)?:?\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}"
    r"\s*(?:/\s*|\s+for\s+(?:The\s+)?)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}$"
)
# A line ending in a call to action with no full stop after it ("... delete your location
# history. Learn more", "... Click here") is a site notice or promo, whatever precedes it.
_CALL_TO_ACTION_END = re.compile(
    r"\b(?:(?:learn|read|find\s+out|see|discover)\s+more|(?:click|tap)\s+here)\s*[:»›>]*$", re.I
)
# An invitation to follow an outlet on social media or for its coverage, in the imperative ("For
# breaking news ..., follow WSJ India on Facebook.", "Follow us on Twitter", "Follow ABC 13 for
# the latest on air and online.", a station's sign-off in Multi-News dev 4647); "fans follow him
# on Twitter" is prose.
_FOLLOW_US = re.compile(
    r"(?:^|[,.:;!]\s+)[Ff]ollow\s+(?:us|[A-Z@][\w.&@-]*(?:\s+[A-Z0-9][\w.&-]*){0,3})\s+"
    r"(?:on\s+(?:Facebook|Twitter|Instagram|LinkedIn|YouTube|TikTok|X)\b"
    r"|for\s+(?:the\s+latest|more|updates|breaking)\b)"
)
# A web archive's notice served in place of the archived page ("Starting in 1996, Alexa Internet
# has been donating their crawl data to the Internet Archive ...", "These crawls are part of an
# effort to archive pages ..."): the name of an archive and a word of its trade on a short page.
_ARCHIVE_NAME = re.compile(r"\b(?:Internet Archive|Wayback Machine|Archive-It|archive\.org)\b")
_ARCHIVE_TRADE = re.compile(r"\b(?:crawl(?:s|ed|ing)?|web captures?|WARCs?|embargo period)\b", re.I)
# An error page served instead of the article ("Sorry, the page you requested was not found.").
_ERROR_PAGE = re.compile(
    r"\bpage\s+you\s+(?:requested|are\s+looking\s+for|were\s+looking\s+for)\b"
    r"|\bpage\s+(?:was\s+)?not\s+found\b|\b404\b[^.]{0,40}\bnot\s+found\b",
    re.I,
)
# Only a short page can be an error page: a longer one is an article that mentions one.
ERROR_PAGE_MAX_WORDS = 200
_PARENTHETICAL = re.compile(r"^\([^()]*\)$")
# A photo widget's controls, which a news page's text keeps in the line of its captions,
# however long: a gallery ("1 of 50 Full Screen Autoplay Close Skip Ad × ... View Photos ...
# Cliff Owen/AP Buy Photo Wait 1 second to continue.", Multi-News dev 1920 and 1208, where a
# round-60 reader counted a caption of it as junk) or a picture with its credit ("Buy Photo
# Workers cover up the name ... (Photo: Andrew Nelles / The Tennessean)Buy Photo", 135). The three
# lines of Multi-News dev that hold them are all captions; no article of the first 6,000
# clusters of the training part holds one.
_PHOTO_WIDGET = re.compile(r"\bBuy Photo\b|\bFull Screen Autoplay\b|\bClose Skip Ad\b")
_TWEET = re.compile(r"pic\.twitter\.com/|twitter\.com/\w+/status|^\s*[—–-]+\s*[^()]*\(@\w+\)", re.I)
_URL_OR_MAIL = re.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+|\b\w+\.(?:com|ly|ws)/")
_BYLINE = re.compile(r"^[Bb][Yy]\s*:|^By\s+[A-Z\"“]|^(?:--|—|–)\s*[A-Z]")
_DATELINE = re.compile(r"\b(?:published|posted|updated|last\s+(?:updated|modified))\b\s*:", re.I)
_LABEL = re.compile(
    r"^(?:[A-Z][A-Z0-9&'’ -]{1,30}|(?i:related|read(?:\s+more)?|see\s+also|watch|video|photos?"
    r"|more|also(?:\s+read)?|listen|gallery|recommended|sponsored|tags?|topics?|keywords?"
    r"|filed\s+under))\s*:\s*\S"
)
_COMMENTS = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|responses?|replies|reader\s+comments|leave\s+a\s+(?:comment"
    r"|reply)|join\s+the\s+(?:discussion|conversation)|add\s+(?:a|your)\s+comment"
    r"|(?:show|view|load)\s+comments)\s*:?\s*$",
    re.I,
)
# A press release ends with its issuer's "About ..." section ("About United", then "United
# Airlines and United Express operate approximately 4,700 flights a day ... United is proud to
# have the world's most comprehensive route network ... For more information, visit united.com")
# and a legal notice ("Safe Harbor Statement", "Forward-Looking Statements"); Multi-News dev
# 1854 printed the "proud to have" sentence. An "About ..." heading is also a news section's
# ("About Mohawk", 1208, before the story of a lion), so the section counts as the issuer's only
# when its paragraphs hold what only that kind of text holds: a stock listing, a web address to
# visit, "For more information", a social handle to follow.
_ABOUT_HEADING = re.compile(
    r"^About\s+(?:[Uu]s|(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z&][\w&.'’-]*){0,5})$"
)
_ISSUER_MARKERS = re.compile(
    r"\bfor (?:more|further|additional) information\b|\bvisit\s+(?:https?://)?(?:www\.)?[\w-]+\.\w"
    r"|\b(?:traded|listed) on the (?:Nasdaq|NYSE|New York Stock Exchange)\b"
    r"|\((?:NYSE|NASDAQ|Nasdaq)\s*:\s*[A-Z]+\)|\bfollow\s+@\w",
    re.I,
)
_LEGAL_HEADING = re.compile(
    r"^(?:Safe[- ]Harbou?r(?:\s+Statement)?"
    r"|(?:Cautionary\s+(?:Note|Statement)\s+(?:Regarding|on)\s+)?"
    r"Forward[- ]Looking\s+(?:Statements?|Information))\s*:?$",
    re.I,
)
# Words of a date line ("Tuesday, Oct. 16, 2018, 9:30 a.m. EDT"): months, weekdays, clock and
# time-zone words, and the prepositions between them.
_DATE_TOKENS = (
    MONTH_WORDS
    | frozenset(WEEKDAYS)
    | WEEKDAY_ABBREVIATIONS
    | frozenset("am pm a.m p.m edt est gmt utc bst cet at in on of".split())
)
# A hard-wrapped line stops on a word after which the sentence goes on: articles, prepositions,
# conjunctions, auxiliaries, pronouns and speech verbs, a subset of the shared stopwords. The
# whole list is too wide here: "Read more" ends teaser lines, and counting "more" as a
# continuation glued 13 Multi-News dev teasers onto the paragraph below them.
_CONTINUING_WORDS = STOPWORDS & frozenset(
    """
    a an the and or but of to in on at for from by with as is are was were be been has have had
    it its this that these those he she they we you i his her their our not no said says will
    would can could after before over into than then there which who what when
    """.split()
)


@dataclass(frozen=True)
class LineVerdict:
    """The decision for one line (hard-wrapped lines joined first): keep or drop it, and why."""

    index: int
    text: str
    keep: bool
    reason: str


def _norm(text: str) -> str:
    """Lowercased alphanumerics only, for duplicate detection that ignores punctuation."""
    return _NON_ALNUM.sub("", text.lower())


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_sentence(line: str) -> bool:
    """True when the line ends like prose (. ! ? … : ;, or a quote closing after a comma)."""
    text = line.rstrip()
    core = text.rstrip("\"'”’»)]").rstrip()
    if not core:
        return False
    quoted = core != text and text[-1] in '"”’»'
    return core[-1] in ".!?…:;" or (quoted and core[-1] == ",")


def _is_tag_line(line: str, words: list[str]) -> bool:
    """A comma-separated keyword list such as 'Syria, Iraq, Haider al-Abadi, US envoy'."""
    items = [item.strip() for item in line.split(",")]
    if len(items) < TAG_MIN_ITEMS or not words:
        return False
    short = sum(1 for item in items if 0 < len(item.split()) <= 3)
    if short / len(items) < TAG_SHORT_SHARE:
        return False
    capitalized = sum(1 for item in items if item[:1].isupper())
    if capitalized / len(items) < TAG_CAPITALIZED_SHARE:
        return False
    labelled = re.match(r"^(?:tags?|topics?|keywords?|filed under)\s*:", line, re.I) is not None
    stop = sum(1 for w in words if w.lower() in STOPWORDS) / len(words)
    return labelled or (not line.rstrip().endswith(".") and stop < 0.2)


def _is_date_line(words: list[str]) -> bool:
    """Mostly dates, weekdays, times and numbers: 'Tuesday, October 16, 2018'."""
    if not words or len(words) > 10:
        return False
    datey = sum(1 for w in words if w.lower().rstrip(".") in _DATE_TOKENS or w.isdigit())
    return datey / len(words) >= DATE_TOKEN_SHARE and any(w.isdigit() for w in words)


def boilerplate_reason(line: str) -> str | None:
    """Say why one line is boilerplate judged on its own, without its neighbours.

    Args:
        line: one line of text.

    Returns:
        The reason (e.g. "promo/navigation cue: log in"), or None when nothing about the line
        alone marks it as boilerplate.
    """
    words = _words(line)
    n = len(words)
    sentence = _is_sentence(line)
    if not any(ch.isalpha() for ch in line):
        return "no words (separator or symbol)"
    if n == 1 and re.search(r"\d", line) and re.search(r"[A-Za-z]", line) and " " not in line:
        return "single code-like token"
    if _TWEET.search(line):
        return "tweet embed"
    if _PHOTO_WIDGET.search(line):
        return "photo gallery or caption (the photo widget's controls)"
    strong = _STRONG_CUES.findall(line) if n <= CUE_MULTI_MAX_WORDS else []
    if strong:
        first_cue = _STRONG_CUES.search(line)
        starts = first_cue is not None and first_cue.start() <= CUE_START_CHARS
        if len(strong) >= 2 and n <= CUE_MULTI_MAX_WORDS:
            return f"promo/navigation cues: {', '.join(s.strip().lower() for s in strong[:3])}"
        if ((starts and n <= SHORT_WORDS) or not sentence) and n <= CUE_START_MAX_WORDS:
            return f"promo/navigation cue: {strong[0].strip().lower()}"
    if _CAPTION_START.search(line) or (
        n <= CAPTION_MAX_WORDS and (_CAPTION_CREDIT.search(line) or _TRAILING_CREDIT.search(line))
    ):
        return "photo caption or credit"
    if n <= CAPTION_MAX_WORDS and picture_caption(line):
        return "photo caption or credit"
    if n <= SHORT_WORDS + 10 and _VIDEO_TEASER.match(line):
        return "video caption (a correspondent reports from ...)"
    if n <= CUE_MULTI_MAX_WORDS and _CALL_TO_ACTION_END.search(line):
        return "ends with a call to action (site notice or promo)"
    if n <= CUE_MULTI_MAX_WORDS and _FOLLOW_US.search(line):
        return "asks the reader to follow the outlet on social media (promo)"
    if n <= SHORT_WORDS and _URL_OR_MAIL.search(line):
        return "link or contact line"
    if not sentence:
        if _SLASH_CREDIT.match(line) and n <= WEAK_CUE_MAX_WORDS:
            return "photo caption or credit"
        if _PARENTHETICAL.match(line) and n <= CUE_START_MAX_WORDS:
            return "parenthetical note (credit, transcript cue or link)"
        if _BYLINE.search(line) and n <= 12:
            return "byline or sign-off"
        if _DATELINE.search(line) and n <= 15:
            return "dateline"
        weak = _WEAK_CUES.search(line)
        if weak and n <= WEAK_CUE_MAX_WORDS:
            return f"short line with cue word: {weak[0].lower()}"
        if _is_date_line(words):
            return "date line"
        if _LABEL.search(line) and n <= 25:
            return "labelled link (e.g. 'Related: ...')"
        if len(_HANDLE.findall(line)) >= 2 and n <= HANDLES_MAX_WORDS:
            return "handles or hashtags"
    elif n <= 3 and _WEAK_CUES.search(line):
        return "short line with cue word"
    if _is_tag_line(line, words):
        return "keyword/tag list"
    return None


def _wrapped(line: str, nxt: str) -> bool:
    """True when `line` is a hard-wrapped piece of a paragraph that `nxt` continues."""
    words = _words(line)
    if len(words) < WRAP_MIN_WORDS or not nxt or _is_sentence(line):
        return False
    return nxt[0].islower() or line[-1] in ",-–—(" or words[-1] in _CONTINUING_WORDS


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (PDF or e-mail text broken mid-sentence) into paragraphs."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        if out and line and _wrapped(out[-1].strip(), line):
            out[-1] = f"{out[-1].rstrip()} {line}"
        else:
            out.append(raw)
    return out


def _covered(core: str, others: str) -> bool:
    return len(core) >= TRUNCATED_MIN_CHARS and core in others


def boilerplate_lines(text: str, *, shared: Iterable[str] = frozenset()) -> tuple[LineVerdict, ...]:
    """Classify every line of an article as body or boilerplate.

    Args:
        text: the article text, one paragraph or boilerplate item per line.
        shared: normalized forms (see `clean_articles`) of non-sentence lines that
            occur in several articles of the cluster, i.e. site templates.

    Returns:
        One verdict per line of `text` (blank lines are dropped with reason "blank line").
    """
    shared_set = frozenset(shared)
    lines = _unwrap(text.split("\n"))
    reasons: list[str | None] = [None] * len(lines)
    stripped = [line.strip() for line in lines]
    norms = [_norm(s) for s in stripped]
    content = [i for i, s in enumerate(stripped) if s]
    for i, s in enumerate(stripped):
        if not s:
            reasons[i] = "blank line"
    # Reader comments: a marker line in the second half drops everything after it.
    for pos, i in enumerate(content):
        if _COMMENTS.match(stripped[i]) and pos >= len(content) * COMMENTS_MIN_POSITION:
            for j in content[pos:]:
                reasons[j] = "reader comments section"
            break
    _mark_issuer_sections(stripped, content, reasons)
    # Truncated copies ("... the ci...", teaser "[…]") whose text appears elsewhere.
    for i in content:
        m = _ELLIPSIS_END.search(stripped[i]) if stripped[i].endswith(("...", "…", "]")) else None
        if reasons[i] is None and m:
            core = _norm(stripped[i][: m.start()])
            others = "".join(norms[j] for j in content if j != i)
            if _covered(core, others):
                reasons[i] = "truncated copy of another line (caption or teaser)"
    # Repeated lines: keep one copy of prose; drop every copy of repeated non-sentences.
    live = [i for i in content if reasons[i] is None]
    counts = Counter(norms[i] for i in live)
    first: dict[str, int] = {}
    for i in live:
        key = norms[i]
        if not key:
            continue
        if counts[key] > 1:
            if not _is_sentence(stripped[i]):
                reasons[i] = "repeated caption or headline"
            elif key in first:
                reasons[i] = f"repeats line {first[key] + 1}"
            first.setdefault(key, i)
    # Lines whose text is contained in a longer line (a lead paragraph shown twice).
    live = [i for i in content if reasons[i] is None]
    for i in live:
        if len(_words(stripped[i])) < CONTAINED_MIN_WORDS:
            continue
        for j in live:
            if j != i and len(norms[j]) > len(norms[i]) and norms[i] in norms[j]:
                reasons[i] = f"copy of part of line {j + 1}"
                break
    # A non-sentence line right after its own truncated copy is the full caption.
    for i in content:
        if reasons[i] is not None or _is_sentence(stripped[i]):
            continue
        prev = [j for j in content if j < i][-1:]
        if prev and (reasons[prev[0]] or "").startswith("truncated copy"):
            reasons[i] = "caption (follows its truncated copy)"
    # Line-by-line signals, then site templates shared across the cluster.
    for i in content:
        if reasons[i] is None:
            reasons[i] = boilerplate_reason(stripped[i].strip())
        if reasons[i] is None and norms[i] in shared_set:
            reasons[i] = "repeated across articles (site template)"
    # A headline-like line just before a tweet embed is the tweet's text.
    for k, i in enumerate(content[:-1]):
        nxt = content[k + 1]
        if reasons[i] is None and reasons[nxt] == "tweet embed" and not _is_sentence(stripped[i]):
            reasons[i] = "tweet embed (text before the link)"
    _mark_runs(stripped, content, reasons)
    return tuple(
        LineVerdict(i, lines[i], reasons[i] is None, reasons[i] or "body text")
        for i in range(len(lines))
    )


def _mark_issuer_sections(
    stripped: list[str], content: list[int], reasons: list[str | None]
) -> None:
    """Drop a press release's "About ..." section and its legal notice (see _ABOUT_HEADING).

    A section runs from its heading to the next line that is not a sentence (the next heading)
    or the article's end.
    """
    for pos, i in enumerate(content):
        about = _ABOUT_HEADING.match(stripped[i]) is not None
        if not (about or _LEGAL_HEADING.match(stripped[i])):
            continue
        section = [i]
        for j in content[pos + 1 :]:
            if not _is_sentence(stripped[j]) and len(_words(stripped[j])) <= SHORT_WORDS:
                break
            section.append(j)
        if about and not any(_ISSUER_MARKERS.search(stripped[j]) for j in section[1:]):
            continue  # a news section's heading ("About Mohawk")
        why = "press release: issuer's About section" if about else "press release: legal notice"
        for j in section:
            reasons[j] = reasons[j] or why


def _short_nonsentence(line: str) -> bool:
    return not _is_sentence(line) and len(_words(line)) <= SHORT_WORDS


def _mark_runs(stripped: list[str], content: list[int], reasons: list[str | None]) -> None:
    """Drop runs of short non-sentence lines (link lists, menus) and such lines at the end."""
    run: list[int] = []
    for i in [*content, -1]:
        if i >= 0 and _short_nonsentence(stripped[i]):
            run.append(i)
            continue
        if len(run) >= LIST_RUN_MIN:
            for j in run:
                reasons[j] = reasons[j] or "list of short lines (links, menu or tags)"
        run = []
    kept = [i for i in content if reasons[i] is None]
    prose = [i for i in kept if not _short_nonsentence(stripped[i])]
    if not prose:
        return
    for i in kept:
        if i > prose[-1]:
            reasons[i] = "short lines after the article body"


def shared_lines(articles: Sequence[Article]) -> frozenset[str]:
    """Normalized short non-sentence lines that occur in two or more articles."""
    seen: Counter[str] = Counter()
    for art in articles:
        keys = set()
        for line in art.text.split("\n"):
            s = line.strip()
            if s and not _is_sentence(s) and len(_words(s)) <= TEMPLATE_MAX_WORDS:
                keys.add(_norm(s))
        seen.update(k for k in keys if k)
    return frozenset(k for k, n in seen.items() if n >= 2)


def clean_text(text: str, *, shared: Iterable[str] = frozenset()) -> str:
    """Return the kept lines of `text`, stripped and joined with "\\n".

    Args:
        text: article text.
        shared: see `boilerplate_lines`.

    Returns:
        The cleaned body; empty when nothing but boilerplate was found.
    """
    verdicts = boilerplate_lines(text, shared=shared)
    return "\n".join(v.text.strip() for v in verdicts if v.keep)


def _placeholder(text: str) -> str | None:
    """Why a short page stands in for an article rather than being one, or None.

    An error page says in its first line that the page was not found; a web archive's notice
    names the archive and a word of its trade.
    """
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(_words(first)) <= SHORT_WORDS and _ERROR_PAGE.search(first):
        return "an error page ('page not found'), not an article"
    if _ARCHIVE_NAME.search(text) and _ARCHIVE_TRADE.search(text):
        return (
            "a web archive's notice (Internet Archive), not the archived article: "
            "give the original page"
        )
    return None


def clean_articles(
    articles: Sequence[Article],
) -> tuple[tuple[Article, ...], tuple[Skipped, ...]]:
    """Remove boilerplate from every article of a cluster.

    Args:
        articles: the cluster's articles as read by ingest.

    Returns:
        The articles with `text` replaced by the cleaned body (paragraphs joined by "\\n"), in
        input order, and a Skipped for each article left with no text, served as an error
        page or as a web archive's notice. A news digest keeps only its sections on the story
        of the other articles (`synopsis.clean.digest.cut_digests`).
    """
    shared = shared_lines(articles)
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for art in articles:
        why = _placeholder(art.text) if art.words <= ERROR_PAGE_MAX_WORDS else None
        if why is not None:
            skipped.append(Skipped(art.id, why))
            continue
        body = clean_text(art.text, shared=shared)
        if body.strip():
            kept.append(replace(art, text=body))
        else:
            skipped.append(Skipped(art.id, "no article text left after removing boilerplate"))
    return cut_digests(kept)[0], tuple(skipped)
