"""Acronyms spelled out at an organization's first mention in a summary.

A reader meets "SLOC" or "FUNCINPEC" with nothing to say what it stands for when the extract
comes from a sentence that follows the article's own introduction. As a person's first mention
carries the full name (`synopsis.rewrite.names`, after Nenkova, "Entity-driven rewrite for
multi-document summarization", IJCNLP 2008), an organization's first mention carries the
spelling whose initials the acronym is ("IMF" -> "International Monetary Fund"), as the cited
article writes it, else as the first article of the story that does; a later full spelling is
then written as the acronym. Every acronym is spelled out where the words fit, those the news
writes often too ("FBI"): both readers of the one packet of A/B round 123 that differed only
there ranked "the Federal Bureau of Investigation" above "the FBI" (Multi-News dev 1568). But
selection pays in advance only for the acronyms readers may not know (`unfamiliar`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from synopsis.model.aligned import Copied, Draft
from synopsis.rewrite._draft import source_span
from synopsis.rewrite.names import Mentioned, find_mentions, replace_name
from synopsis.rewrite.people import Name, occurrence
from synopsis.text import stem
from synopsis.text.background import Background, default_background
from synopsis.text.quotes import quoted

__all__ = ["FAMILIAR_ACRONYM_DOCS", "acronyms", "spell_out_acronyms", "unfamiliar"]

# An acronym at least this many of the background's 8,188 documents (Multi-News training
# articles, `synopsis.text.background`) write is familiar to readers ("FBI" 128, "NASA" 64,
# "NATO" 38, "CIA" 36; "IMF" 8, "IOC" 4, "SLOC" and "FUNCINPEC" none): selection does not give
# up content to make room for its spelling (it is still spelled out where words are spare). A
# value set between those two groups, the first of them AP style's acronyms acceptable on first
# reference; not tuned on any score. Paying for every acronym swapped "George H.W. Bush was born
# June 12, 1924" for the words of "the Central Intelligence Agency" (Multi-News dev 3690) and an
# official's doubt for an aside on abortion access in Canada to spell out the FBI (DUC 2004
# D31013); paying for "SLOC" spelled it out where both readers of A/B round 123 asked what it
# was (D30038).
FAMILIAR_ACRONYM_DOCS = 25


def _initials(name: str) -> str:
    """Initials of the capitalized words of a name, hyphenated parts apart ("Asia-Pacific ..." ->
    "AP...")."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def unfamiliar(
    spelled: Mapping[str, tuple[str, ...]], background: Background | None = None
) -> dict[str, tuple[str, ...]]:
    """The acronyms readers may not know (fewer than FAMILIAR_ACRONYM_DOCS background documents
    write them), for selection to pay their spelling.

    Args:
        spelled: acronym to its full spellings (`acronyms`).
        background: document frequencies; default the packaged ones.

    Returns:
        The same mapping without the familiar acronyms.
    """
    bg = default_background() if background is None else background
    return {
        k: v for k, v in spelled.items() if bg.df.get(stem(k.lower()), 0) < FAMILIAR_ACRONYM_DOCS
    }


def acronyms(names: Sequence[Name]) -> dict[str, tuple[str, ...]]:
    """Organization acronyms (3+ letters) and the spellings whose initials they are.

    Args:
        names: the story's entities.

    Returns:
        Acronym to multi-word spellings of the same organization ("IMF" -> ("International
        Monetary Fund",)); acronyms without such a spelling are left out.
    """
    out: dict[str, list[str]] = {}
    for name in names:
        if name.kind != "organization":
            continue
        short = [v for v in name.variants if re.fullmatch(r"[A-Z]{3,8}", v)]
        for acronym in short:
            out[acronym] = [
                v for v in name.variants if len(v.split()) > 1 and _initials(v) == acronym
            ]
    return {k: tuple(v) for k, v in out.items() if v}


def spell_out_acronyms(
    draft: Draft,
    spelled: Mapping[str, tuple[str, ...]],
    article: str,
    source: str,
    at: int,
    mentioned: Mentioned,
    story: Mapping[str, str] | None = None,
) -> Draft:
    """Spell out an organization's acronym at its first mention in the summary.

    A later mention that the sources wrote in full then gives back the words as the acronym,
    where the cited article writes it ("who heads the CPP ... Hun Sen's Cambodian People's
    Party won" -> "who heads the Cambodian People's Party ... Hun Sen's CPP won"), as a person's
    full name moves to the first mention (`name_mentions`).

    Args:
        draft: the sentence.
        spelled: acronym to its full spellings (`acronyms`).
        article: id of the article the sentence comes from.
        source: that article's text.
        at: where the sentence starts in it.
        mentioned: names the summary has given so far; updated.
        story: every article's text by id; when the cited article never spells the acronym
            out, the first of them that does gives the full spelling.

    Returns:
        The edited draft, with a `Resolve` ("full_name") edit pointing at where the cited article
        (else another article of `story`) writes the full spelling, or ("short_name") where the
        cited article writes the acronym; unchanged where none does.
    """
    pairs = [(f, k) for k, fulls in spelled.items() for f in fulls] + [(k, k) for k in spelled]
    out = draft
    found = find_mentions(out.text, pairs)
    written: set[str] = set()
    for k, (start, end, key) in reversed(list(enumerate(found))):
        first = key not in mentioned.names and all(k2 != key for _, _, k2 in found[:k])
        said = out.text[start:end]
        if source_span(out, start, end) is None or quoted(out.text, start):
            continue  # the speaker's own words
        if not first and key in mentioned.spelled and said != key:
            short = occurrence(source, key, at)
            if short:
                out = replace_name(out, start, end, key, Copied(article, *short), "short_name")
            continue
        if not first or said != key:
            continue
        hits = [(h[1] > at, h, f) for f in spelled[key] for h in [occurrence(source, f, at)] if h]
        where = article
        for other, text in story.items() if story and not hits else ():
            # the cited article writes only the acronym ("The current SLOC president", DUC 2004
            # D30038, counted by a reader of round 122): the first article that spells it out
            hits = [(False, h, f) for f in spelled[key] for h in [occurrence(text, f, 0)] if h]
            if hits:
                where = other
                break
        if hits:
            _, hit, full = min(hits)
            out = replace_name(out, start, end, full, Copied(where, *hit), "full_name")
            written.add(key)
    mentioned.names.update(key for _, _, key in found)
    mentioned.spelled.update(written)
    return out
