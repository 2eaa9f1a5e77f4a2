"""Read articles from folders, files, cluster JSONL(.gz), stdin and service requests."""

from synopsis.ingest.readers import (
    ARTICLE_SUFFIXES,
    iter_clusters,
    load_inputs,
    normalize_date,
    normalize_text,
    read_clusters,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "iter_clusters",
    "load_inputs",
    "normalize_date",
    "normalize_text",
    "read_clusters",
]
