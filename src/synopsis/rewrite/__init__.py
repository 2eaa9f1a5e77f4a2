"""Light, faithful rewriting of the chosen summary sentences (`stage.rewrite`)."""

from synopsis.rewrite.acronyms import acronyms, unfamiliar
from synopsis.rewrite.dates import DateFact, added_words, current_year, names_relative_day
from synopsis.rewrite.people import Name, People
from synopsis.rewrite.stage import (
    Facts,
    Rules,
    name_costs,
    rewrite,
    standalone_opening,
    standalone_openings,
)

__all__ = [
    "DateFact",
    "Facts",
    "Name",
    "People",
    "Rules",
    "acronyms",
    "added_words",
    "current_year",
    "name_costs",
    "names_relative_day",
    "rewrite",
    "standalone_opening",
    "standalone_openings",
    "unfamiliar",
]
