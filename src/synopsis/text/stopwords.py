"""The one stopword list every stage starts from.

Function words in the sense of Luhn ("The automatic creation of literature abstracts", IBM
Journal, 1958) and of the SMART system's stop list (Salton, 1971), trimmed to what news text
needs, plus the reporting words that every news story shares. A stage that needs more says
`STOPWORDS | {...}` with a comment why.
"""

from __future__ import annotations

__all__ = ["STOPWORDS"]

# Pronouns, determiners, auxiliaries, prepositions, conjunctions, and reporting words ("said",
# "told", "according") that carry no story content. The list the summarizer's ROUGE figures
# were measured with; clean/ and analyze/ used subsets of it before it was shared.
STOPWORDS = frozenset(
    """
    a about above after again against all almost also although am among an and another any are
    around as at be because been before being below between both but by can could did do does
    doing done down during each either else even ever every few for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into is it
    its itself just last least less like made make many may me might more most much must my
    myself near neither no nor not now of off often on once one only or other others our ours
    ourselves out over own per perhaps rather said same say says she should since so some still
    such than that the their theirs them themselves then there these they this those though
    through thus to too toward towards under until up upon us very via was we were what whatever
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself mr mrs ms told tell according new year years s t
    """.split()
)
