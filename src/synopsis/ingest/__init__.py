"""Read articles from folders, files, cluster JSONL(.gz), stdin and service requests."""

from synopsis.ingest.articles import normalize_text
from synopsis.ingest.files import ARTICLE_SUFFIXES
from synopsis.ingest.inputs import iter_clusters, load_inputs, read_clusters
from synopsis.ingest.requests import request_articles
from synopsis.text.dates import normalize_date

__all__ = [
    "ARTICLE_SUFFIXES",
    "iter_clusters",
    "load_inputs",
    "normalize_date",
    "normalize_text",
    "read_clusters",
    "request_articles",
]
