"""Article ids: one de-duplicator for ids taken from names, one check for ids a caller chose.

Ids that ingest derives from file names, upload names or positions may repeat (two folders each
holding `a.txt`); `unique_ids` renames the repeats deterministically. Ids a caller wrote down
(JSON documents, service requests, the Python API) are theirs to keep, so a repeat there is an
error that `check_unique_ids` names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from synopsis.ingest.articles import check_string
from synopsis.model.errors import InputError
from synopsis.model.types import Article

__all__ = ["check_articles", "check_unique_ids", "first_duplicate", "unique_ids"]


def unique_ids(ids: Iterable[str]) -> list[str]:
    """Rename repeated ids deterministically, never onto an id already in use.

    A repeat of `x` becomes the first free `x-2`, `x-3`, ...; ids are taken in input order, so
    `a, a, a-2` becomes `a, a-2, a-2-2`.

    Args:
        ids: ids in input order.

    Returns:
        The ids, every one distinct, unrepeated ids unchanged.
    """
    wanted = list(ids)
    used: set[str] = set()
    out: list[str] = []
    for aid in wanted:
        new, n = aid, 1
        while new in used:
            n += 1
            new = f"{aid}-{n}"
        used.add(new)
        out.append(new)
    return out


def first_duplicate(ids: Iterable[str]) -> int | None:
    """The position of the first id that repeats an earlier one, or None when all differ.

    Args:
        ids: ids in input order.

    Returns:
        The index of the first repeat, or None.
    """
    seen: set[str] = set()
    for k, aid in enumerate(ids):
        if aid in seen:
            return k
        seen.add(aid)
    return None


def check_unique_ids(ids: Sequence[str], where: str = "articles") -> None:
    """Reject empty or repeated ids chosen by the caller.

    Args:
        ids: the ids in input order.
        where: how the list is named in messages ("articles", "line 3: documents").

    Raises:
        InputError: an id is empty or repeats an earlier one (the message names its position).
    """
    for k, aid in enumerate(ids):
        if not aid:
            raise InputError(f"{where}[{k}] has an empty id; give every article a unique id")
    dup = first_duplicate(ids)
    if dup is not None:
        raise InputError(
            f"{where}[{dup}]: article id {ids[dup]!r} appears twice; ids must be unique"
        )


def check_articles(articles: Sequence[Article]) -> None:
    """Check articles handed over without ingest (the Python API): type, ids, writable text.

    Args:
        articles: the articles in input order.

    Raises:
        InputError: an item is not an Article, an id is empty or repeated, or a string field
            holds an unpaired surrogate (which no output format can write).
    """
    for k, article in enumerate(articles):
        if not isinstance(article, Article):
            raise InputError(f"articles[{k}] is {type(article).__name__}, expected Article")
        for field in ("id", "text", "title", "url", "published", "outlet"):
            value = getattr(article, field)
            if isinstance(value, str):
                check_string(value, f"articles[{k}].{field}")
    check_unique_ids([a.id for a in articles])
