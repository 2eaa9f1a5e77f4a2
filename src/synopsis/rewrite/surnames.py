"""Surnames the entity list misses, written in full at their first mention in the summary.

The fallback of `names.name_mentions` (Nenkova, "Entity-driven rewrite for multi-document
summarization", IJCNLP 2008: a person's first mention carries the full name the sources use):
a surname or given name standing alone that the cited article writes in full elsewhere
(`synopsis.text.surnames`) becomes that full name, a `Resolve` ("full_name") edit pointing at
where the article writes it.
"""

from __future__ import annotations

from synopsis.model.aligned import Copied, Draft
from synopsis.rewrite._draft import source_span
from synopsis.rewrite.names import Mentioned, replace_name
from synopsis.text.quotes import quoted
from synopsis.text.surnames import bare_given_names, bare_surnames

__all__ = ["full_surnames"]


def full_surnames(
    draft: Draft, article: str, source: str, before: str, mentioned: Mentioned
) -> Draft:
    """Write in full a surname the summary has not named before, as its article writes it.

    The fallback for people the story's entity list misses (`name_mentions` covers those it
    has): a capitalized word that the cited article writes after one given name only ("Sen.
    Chuck Hagel" ... "Hagel lambasted") becomes that full name ("Chuck Hagel lambasted"); with a
    courtesy title the title goes too ("Mr. Reagan" -> "Ronald Reagan"). A given name the
    article uses alone for one person ("a vigil for Martin") gets its surname the same way
    ("Martin Richard"). See `synopsis.text.surnames.bare_surnames` and `bare_given_names` for
    what counts.

    Args:
        draft: the sentence.
        article: id of the article it comes from (the cited article).
        source: that article's text.
        before: the summary's text before this sentence.
        mentioned: people named earlier in the summary (read, and updated with those written).

    Returns:
        The edited draft, one `Resolve` ("full_name") edit per name written in full.
    """
    out = draft
    found = bare_surnames(out.text, source, before)
    found += [
        e
        for e in bare_given_names(out.text, source, before)
        if all(e.end <= f.start or f.end <= e.start for f in found)
    ]
    for e in sorted(found, key=lambda e: e.start, reverse=True):
        if source_span(out, e.start, e.end) is None or quoted(out.text, e.start):
            continue
        out = replace_name(
            out, e.start, e.end, e.full, Copied(article, e.source_start, e.source_end), "full_name"
        )
        mentioned.names.add(e.full.split()[-1])
    return out
