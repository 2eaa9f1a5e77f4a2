"""The text toolkit every stage shares: sentence segmentation, tokens, stems, stopwords, dates.

`words`, `stem` and `QUOTE_MARK` (tokens.py), `STOPWORDS` (stopwords.py), month/weekday tables and
`normalize_date` (dates.py), `decode_bytes` (decode.py) and `split_sentences` (segment.py) are
the one implementation of each; stages import them from here instead of keeping their own.
"""

from synopsis.text.dates import (
    MONTH_WORDS,
    MONTHS,
    WEEKDAYS,
    month_number,
    normalize_date,
)
from synopsis.text.decode import decode_bytes
from synopsis.text.stopwords import STOPWORDS
from synopsis.text.tokens import QUOTE_MARK, stem, words

__all__ = [
    "MONTHS",
    "MONTH_WORDS",
    "QUOTE_MARK",
    "STOPWORDS",
    "WEEKDAYS",
    "decode_bytes",
    "month_number",
    "normalize_date",
    "stem",
    "words",
]
