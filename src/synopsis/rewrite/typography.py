"""Typesetting edits: the wire's typewriter conventions written as a reader expects them.

Wire copy of the 1990s (the AP and New York Times copy of DUC 2004 and 2007) writes a dash as a
spaced underscore ("ETA _ Basque Homeland and Freedom _ has killed") and quotation marks as TeX
does (``humanitarian aid''); web copy sets a dash as two hyphens ("and -- in some cases -- get")
and mixes curly and straight marks within one quotation when an editor pasted it (“... truth,"
said ...), or leaves a space before a comma ("told DeGeneres , "). Shown as printed they read
as junk. Each mark is rewritten in place as a `Typeset` edit, so the aligned text still says
what was copied and what was changed: no word is added, removed or moved.

- "dash": " _ " and " -- " between words become " — "; "--" between two words becomes "—".
- "quote": ``…'' becomes “…”; a quotation's closing mark takes the style of its opening mark
  (“…" becomes “…”, "…” becomes "…"); a closing mark with no opening one is left as it is.
- "space": the space before a comma or semicolon after a word goes.
- "invisible": a character that prints nothing goes: a zero-width space, joiner or non-joiner, a
  word joiner, a byte-order mark or a soft hyphen, which web pages carry inside words ("the​ir
  team", Multi-News dev 5480) and which a terminal or plain-text reader may show as a mark.
"""

from __future__ import annotations

import re

from synopsis.model.aligned import Draft, Typeset
from synopsis.text import QUOTE_MARK
from synopsis.text.tokens import PRINTS_NOTHING

# A wire or web dash standing between two words, with spaces around it.
_SPACED_DASH = re.compile(r"(?<=\S) (?:_|--) (?=\S)")
# Two hyphens joining two words ("in--and out").
_JOINED_DASH = re.compile(r"(?<=[A-Za-z])--(?=[A-Za-z])")
# A space between a word and a comma or semicolon that ends a clause ("DeGeneres , ").
_SPACE_BEFORE = re.compile(r"(?<=\w) +(?=[,;](?:\s|$))")
# Characters that print nothing (Unicode format characters a page leaves in its text).
_INVISIBLE = re.compile(f"[{PRINTS_NOTHING}]")
_OPENING = frozenset({"``", "“", '"'})
_CLOSING = frozenset({"''", "”", '"'})


def typeset(draft: Draft) -> Draft:
    """Rewrite wire dashes, TeX and mismatched quotation marks, stray spaces and invisible
    characters in a sentence.

    Args:
        draft: the sentence as edited so far.

    Returns:
        The draft with one `Typeset` edit per mark changed; the same draft when none is.
    """
    changes: list[tuple[int, int, str, Typeset]] = []
    dash = Typeset("dash")
    changes += [(m.start(), m.end(), " — ", dash) for m in _SPACED_DASH.finditer(draft.text)]
    changes += [(m.start(), m.end(), "—", dash) for m in _JOINED_DASH.finditer(draft.text)]
    changes += _quotes(draft.text)
    space = Typeset("space")
    changes += [(m.start(), m.end(), "", space) for m in _SPACE_BEFORE.finditer(draft.text)]
    invisible = Typeset("invisible")
    changes += [(m.start(), m.end(), "", invisible) for m in _INVISIBLE.finditer(draft.text)]
    # from the end, so each change's offsets still index the text the earlier ones left
    for start, end, text, why in sorted(changes, key=lambda c: c[0], reverse=True):
        draft = draft.replace(start, end, text, why)
    return draft


def _quotes(text: str) -> list[tuple[int, int, str, Typeset]]:
    """Marks to rewrite: TeX marks as curly ones, a closing mark in its opening mark's style."""
    why = Typeset("quote")
    out: list[tuple[int, int, str, Typeset]] = []
    curly: bool | None = None  # the open quotation's style; None outside a quotation
    for m in QUOTE_MARK.finditer(text):  # TeX's (``, ''), curly and straight double marks
        mark = m.group()
        if curly is None:
            if mark not in _OPENING:
                continue  # a closing mark with nothing open: leave it
            curly = mark != '"'
            if mark == "``":
                out.append((m.start(), m.end(), "“", why))
        elif mark in _CLOSING:
            want = "”" if curly else '"'
            if mark != want:
                out.append((m.start(), m.end(), want, why))
            curly = None
        else:  # an opening mark inside an open quotation: the quotation restarts
            curly = True
            if mark == "``":
                out.append((m.start(), m.end(), "“", why))
    return out
