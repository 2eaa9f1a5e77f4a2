"""A place the summary names only by its kind ("the town"): the article's name for it goes in.

News writing names a place once ("the town of Qaim") and then refers back by its kind ("Iraq
said it now controls the town"). An extract that keeps the second sentence without the first
leaves "the town" pointing at whatever town the summary named last: the bundled example story
(`../shared/examples/is-euphrates-2017-11-03`) read "... the last significant town being held by
Islamic State is Abu Kamal ... On Nov. 3, Iraq said it now controls the town", where the article
meant Qaim. Following the reference rewriting of Nenkova ("Entity-driven rewrite for
multi-document summarization", IJCNLP 2008), which gives a dangling reference the name the
sources use, "the town" becomes the name when the cited article resolves it without doubt:

- the article calls the place by this kind before the sentence ("the town of Qaim", "the border
  town of Al Qaim");
- that name, and no other name the article gives a place of this kind, is written in the
  `names.CONTEXT_SENTENCES` sentences just before it (the referent of a definite description in
  news is almost always there, as for "He" and "The group");
- the summary's previous sentence does not name the place (then "the town" is not dangling).

The name is copied from its latest mention before the sentence, a `Resolve` edit ("description")
pointing there, as "The group" is resolved (`names.resolve_opening`). A description that opens
the sentence is left to the selection, which chooses it only right after its antecedent
(`synopsis.summarizer.coherence`); one inside a quotation is the speaker's word and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopsis.model.aligned import Draft, Resolve
from synopsis.rewrite._draft import source_span
from synopsis.rewrite.names import CONTEXT_SENTENCES
from synopsis.text.dates import CALENDAR_WORDS
from synopsis.text.quotes import quoted

__all__ = ["PLACE_KINDS", "name_place"]

# Kinds of place news writing names once and then refers back to by kind alone. Nouns that also
# name an institution or the whole polity ("the state", "the country", "the capital", "the
# region") are left out: "the state" is as often the government as a place.
PLACE_KINDS = frozenset("town city village province district county island".split())
_KINDS = "|".join(sorted(PLACE_KINDS))
# Words that may follow a place's kind when the noun phrase ends there ("controls the town and
# the nearby border crossing", "reached the city after passing checkpoints"): a function word
# or punctuation. Any other lowercase word makes a compound ("the city council") or carries a
# restrictive clause ("the town that"), which this rule does not read.
_PHRASE_END = frozenset(
    """
    and or but as at in on to for from with by after before since until during near into
    onto through across around within without over under was were is are has had have will
    would could should may might can must said says
    """.split()
)
_MENTION = re.compile(rf"(?<![\w-])the ({_KINDS})(?![\w'’-])")
# One word of a place name ("Qaim", "Deir", "Al-Qaim"), and an Arabic or Romance particle that
# may stand inside one ("Deir el- Zour", "Ciudad de Mexico").
_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_PARTICLE = r"(?:al|el|ez|ad|as|ar|an|de|del|da|di|du|la|le)-?\s*"
_NAMED = re.compile(rf"(?<![\w-])({_KINDS}) of ({_WORD}(?:\s+(?:{_PARTICLE})?{_WORD})*)")


def _place_names(source: str, kind: str, before: int) -> set[str]:
    """Names the article gives a place of this kind ("town of Qaim") before offset `before`."""
    found: set[str] = set()
    for m in _NAMED.finditer(source, 0, before):
        if m.group(1) != kind:
            continue
        words = m.group(2).split()
        while words and words[-1].lower() in CALENDAR_WORDS:  # "the city of Boston Monday"
            words.pop()
        if words:
            found.add(" ".join(words))
    return found


def _ends_phrase(text: str, at: int) -> bool:
    """Whether the noun phrase ends at offset `at` (punctuation, the end, or a function word)."""
    rest = text[at:]
    if not rest.strip() or rest[:1] in ",.;:!?)—–":
        return not re.match(r",\s+[A-Z]", rest)  # "the capital, Bamako" names it already
    word = re.match(r"\s+([a-z]+)\b", rest)
    return word is not None and word.group(1) in _PHRASE_END


def name_place(
    draft: Draft,
    article: str,
    source: str,
    context: Sequence[tuple[int, int]],
    previous: str,
) -> Draft:
    """Write the name of a place the sentence calls only by its kind ("the town" -> "Qaim").

    Args:
        draft: the sentence.
        article: id of the article it comes from (the cited article).
        source: that article's text.
        context: (start, end) of the sentences before it in that article, in order.
        previous: the text of the summary's previous sentence ("" for the first).

    Returns:
        The draft with the first such description replaced by the place's name, one `Resolve`
        edit ("description"); unchanged when no description qualifies or its place is not
        certain (see the module docstring).
    """
    if not context:
        return draft
    window = context[-CONTEXT_SENTENCES:]
    for m in _MENTION.finditer(draft.text):
        if m.start() == 0 or quoted(draft.text, m.start()) or not _ends_phrase(draft.text, m.end()):
            continue
        if source_span(draft, m.start(), m.end()) is None:
            continue
        names = _place_names(source, m.group(1), context[-1][1])
        # a place is known by its name's last word too ("Al Qaim", later "Qaim")
        latest: dict[str, tuple[int, int]] = {}
        for name in names:
            key = name.split()[-1]
            spellings = sorted({name, key}, key=len, reverse=True)
            pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, spellings))})(?![\w-])")
            for cs, ce in window:
                for hit in pattern.finditer(source, cs, ce):
                    # the last mention, and its longest spelling ("Al Qaim" over its "Qaim")
                    span = (hit.start(), hit.end())
                    latest[key] = max(latest.get(key, span), span, key=lambda x: (x[1], -x[0]))
        if len(latest) != 1:
            continue
        ((key, (start, end)),) = latest.items()
        if re.search(rf"(?<!\w){re.escape(key)}(?![\w-])", previous):  # also "al-Qaim"
            continue
        why = Resolve(article, start, end, "description")
        return draft.replace(m.start(), m.end(), source[start:end], why)
    return draft
