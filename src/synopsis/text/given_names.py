"""Given names: whether a capitalized word is a person's first name.

The list is the US Census Bureau's 1990 frequently occurring first names, female and male (5,163
names; public domain), built by `benchmarks/given_names_build.py` from the copy the `names`
package on PyPI redistributes. It is a prior, not a typing of its own: many given names are also
places or words ("Virginia", "Houston", "Lady"), and many people's are missing ("Reese",
"Dzhokhar"), so a stage uses it only beside evidence from the text (`synopsis.rewrite.people`).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

__all__ = ["GIVEN_NAMES_FILE", "given_names", "is_given_name"]

GIVEN_NAMES_FILE = "given_names.txt.gz"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The packaged given names (`GIVEN_NAMES_FILE`), upper case; empty when it is not installed.

    Returns:
        The names, as written in the Census lists ("MARY", "JAMES").
    """
    path = resources.files("synopsis.text").joinpath(GIVEN_NAMES_FILE)
    if not path.is_file():
        return frozenset()
    return frozenset(gzip.decompress(path.read_bytes()).decode("ascii").split())


def is_given_name(word: str) -> bool:
    """Whether `word` is a given name of the Census lists, in any case ("Ariel", "ARIEL").

    Args:
        word: one word.

    Returns:
        True for a listed first name.
    """
    return word.upper() in given_names()
