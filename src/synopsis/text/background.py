"""Background document frequencies of stems: an IDF prior for any stage that weighs words.

Counted once over the Multi-News training part (fit clusters, 8,900 articles; stems seen in at
least 2 of them) by `benchmarks/stories_eval.py train`. The story clusterer starts its online
IDF from it (`synopsis.stories`); focus mode weighs a question's words by it
(`synopsis.summarizer.focus`), so "Lockerbie" counts for more than "efforts".
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["BACKGROUND_FILE", "NO_BACKGROUND", "Background", "default_background"]


@dataclass(frozen=True)
class Background:
    """Document frequencies of stems counted once over a training corpus (an IDF prior)."""

    docs: int
    df: dict[str, int]

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency of a stem, log((docs + 1) / (df + 1)).

        Args:
            term: a stem (`synopsis.text.stem`).

        Returns:
            The IDF (0 for every stem of an empty background; log(docs + 1) for an unseen stem).
        """
        return math.log((self.docs + 1) / (self.df.get(term, 0) + 1))


NO_BACKGROUND = Background(docs=0, df={})
BACKGROUND_FILE = "background_df.json.gz"


@lru_cache(maxsize=1)
def default_background() -> Background:
    """The packaged IDF prior (`BACKGROUND_FILE`), or none when the file is absent.

    Returns:
        Body-stem document frequencies over the Multi-News training part (see the module
        docstring); `NO_BACKGROUND` when the file is not installed.
    """
    path = resources.files("synopsis.text").joinpath(BACKGROUND_FILE)
    if not path.is_file():
        return NO_BACKGROUND
    data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return Background(docs=int(data["docs"]), df={str(k): int(v) for k, v in data["df"].items()})
