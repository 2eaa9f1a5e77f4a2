"""A page's link cards left in its prose, shared by selection and the readability audit.

Some outlets link a person's name to a card that lists the latest headlines about them, closed
by a "MORE" link; once the page loses its markup, the card stands inside the sentence: "... new
criticism of former secretary of State Hillary Clinton Hillary Rodham ClintonTrump bullish on
Minnesota as campaign hops to blue states ... Conway: Comey mishandled Clinton investigation
from beginning MORE." (The Hill, in Multi-News dev 4937, whose 300-word summary showed it). Read
off Multi-News dev, where all 4 places with "MORE" after a lowercase word are such cards (in 3
articles of 3 clusters); DUC 2004 and DUC 2007 have none, and Multi-News test_truncated, mostly
lowercased, cannot show one (a scratch grep of 7 December 2026).
"""

from __future__ import annotations

import re

__all__ = ["LINK_CARD"]

# The card opens by writing the linked name again ("Hillary Clinton Hillary Rodham Clinton",
# "Donald Trump Donald TrumpPoll: ...", "Trey Gowdy Trey GowdyChatter grows ...") and closes with
# "MORE" in capitals after a headline's last word, in lowercase ("... from beginning MORE.");
# "MORE" for emphasis ("They want MORE money") has no name written twice before it.
LINK_CARD = re.compile(
    r"\b(?P<surname>[A-Z][a-z]+)[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?P=surname)(?=[A-Z ])"
    r"[^\n]{0,400}?(?<=[a-z]) MORE\b"
)
