"""Month and weekday tables and the reader of publication dates.

`normalize_date` reads the date forms that news metadata and bylines use (ISO 8601 calendar
dates and timestamps, "March 3, 2026", "3 March 2026", "Mar. 3, 2026", "Sept 3rd, 2026"), in the
spirit of the TIMEX2 normalisation of absolute dates (Ferro et al., "TIDES Temporal Annotation
Guidelines", MITRE, 2001; Mani & Wilson, "Robust temporal processing of news", ACL 2000).
Every stage takes its month and weekday words from here.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "CALENDAR_WORDS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_BY_PREFIX",
    "MONTH_PATTERN",
    "MONTH_WORDS",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WIRE_DATE_LINE",
    "month_number",
    "normalize_date",
]

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Month number by the first three letters ("sep" -> 9), the key every month spelling shares.
MONTH_BY_PREFIX = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
# Month abbreviations written with a period ("Jan.", "Sept."); May is never abbreviated.
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Every lowercase spelling of a month: full names and abbreviations.
MONTH_WORDS = frozenset(MONTHS) | MONTH_ABBREVIATIONS
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
# The full lowercase names of the months and weekdays: capitalized, yet no name of a person or
# place ("said Saturday", "the city of Boston Monday").
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A capitalized month name or abbreviation, as a regex alternation without group or period
# (callers add their own group and optional "."): "Jan", "January", "Sept", "September".
MONTH_PATTERN = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# A wire's date line before a story's first word, with or without its credit: "Dec 17 (Reuters)
# - ", "Nov. 3 (AP) -- " (Multi-News dev 3061, read as junk by blind readers in round 26). A regex
# source, anchored at the start; callers add what must follow it.
WIRE_DATE_LINE = (
    rf"^(?:{MONTH_PATTERN})\.?\s+[0-3]?\d(?:,\s*\d{{4}})?\s*(?:\([A-Z][\w .&-]{{1,30}}\)\s*)?"
    r"(?:--|[-—–_])\s+"
)

_ISO_DATE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)")
_MDY_DATE = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY_DATE = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def month_number(word: str) -> int:
    """Return the number of a month written in full or abbreviated.

    Args:
        word: a month word in any case, e.g. "March", "Mar", "sept".

    Returns:
        1-12, or 0 when `word` is not a month name or a prefix of one of at least 3 letters.
    """
    w = word.lower()
    return next((i for i, m in enumerate(MONTHS, 1) if len(w) >= 3 and m.startswith(w)), 0)


def normalize_date(value: str | None) -> str | None:
    """Return a date as YYYY-MM-DD when it can be parsed, else None.

    Args:
        value: a date such as "2026-03-03T10:00:00Z", "March 3, 2026" or "3 Mar 2026"; text
            after the date is ignored.

    Returns:
        The ISO calendar date, or None when `value` is empty, not a string, not a recognisable
        date, or not a real calendar day ("February 30, 2026").
    """
    if not value or not isinstance(value, str):
        return None
    parts: tuple[int, int, int] | None = None
    if m := _ISO_DATE.match(value):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif (m := _MDY_DATE.match(value)) and month_number(m[1]):
        parts = (int(m[3]), month_number(m[1]), int(m[2]))
    elif (m := _DMY_DATE.match(value)) and month_number(m[2]):
        parts = (int(m[3]), month_number(m[2]), int(m[1]))
    if parts is None:
        return None
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None
