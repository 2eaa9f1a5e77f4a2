"""Light, grammar-preserving sentence compression for news.

Deletes the constituents that deletion-based compressors learn to drop first (Knight & Marcu,
"Summarization beyond sentence extraction", AI 2002; Clarke & Lapata, "Global inference for sentence
compression", JAIR 2008): a leading dateline, a leading discourse connective, a short parenthetical,
and a trailing attribution ("..., officials said on Friday."). Each rule removes a whole constituent
delimited by punctuation, so what remains is still a sentence; a rule is not applied when too little
of the sentence would be left.
"""

from __future__ import annotations

import re

# A compressed sentence keeps at least this many words, or the original is used (short remains
# are usually fragments).
MIN_KEPT_WORDS = 6

# "PHNOM PENH, Cambodia (AP) _ ", "MARROWPORT (CPA) — ", "WASHINGTON — "
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*(?:\([\w .&-]{1,30}\)\s*)?[-—–_]+\s+"
)
_CONNECTIVE = re.compile(
    r"^(?:But|And|However|Meanwhile|Also|Still|Moreover|Furthermore|In addition|Nevertheless|"
    r"Nonetheless|Separately|Indeed)\s*,?\s+(?=[\w\"“])"
)
_PARENTHETICAL = re.compile(r"\s\((?:[^()]{1,60})\)(?=[\s,.;:])")
_TIME = r"(?:on |late |early |last |this )?(?:\w+day|today|yesterday|tonight|week|month|year)"
_TAIL = (
    r"(?:\s+(?:in a statement|in an interview|in a news release|in a televised address|"
    r"at a news conference|" + _TIME + r"))*"
)
_ATTRIBUTION = re.compile(
    r",\s+(?:according to [^,;\"“”]{3,60}?"
    r"|(?:[^,;\"“”]{2,60}?\s)?(?:said|says|reported|announced|added|told [^,;\"“”]{2,40}?))"
    + _TAIL
    + r"(?=[.!]['\"”’]?$)"
)


# An attribution without its speaker (", reported.") closes an apposition ("..., Izvestia, a
# daily, reported."): removing it would leave the apposition dangling.
_BARE_VERB = re.compile(r",\s+(?:said|says|reported|announced|added)\b")


def _words(text: str) -> int:
    return len(text.split())


def compress(text: str) -> str:
    """Drop a dateline, a leading connective, short parentheticals and a trailing attribution.

    Args:
        text: one sentence.

    Returns:
        The compressed sentence, or `text` itself when no rule applies safely.
    """
    out = text
    dateline = _DATELINE.match(out)
    if dateline and out[dateline.end() : dateline.end() + 1].isupper():
        out = out[dateline.end() :]
    connective = _CONNECTIVE.match(out)
    if connective:
        rest = out[connective.end() :]
        out = rest[0].upper() + rest[1:]
    out = _PARENTHETICAL.sub("", out)
    attribution = _ATTRIBUTION.search(out)
    if attribution and out.count('"') % 2 == 0 and not _BARE_VERB.match(out, attribution.start()):
        head = out[: attribution.start()]
        tail = out[attribution.end() :]
        out = head + (tail[1:] if head.endswith(".") and tail.startswith(".") else tail)
    if _words(out) < MIN_KEPT_WORDS:
        return text
    return out
