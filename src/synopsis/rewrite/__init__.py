"""Light, faithful rewriting of the chosen summary sentences (`stage.rewrite`)."""

from synopsis.rewrite.dates import DateFact
from synopsis.rewrite.names import Name
from synopsis.rewrite.stage import Facts, Rules, rewrite

__all__ = ["DateFact", "Facts", "Name", "Rules", "rewrite"]
