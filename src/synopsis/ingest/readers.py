"""The names ingest exported before it was split into modules, kept for existing imports.

Reading is done by `synopsis.ingest.inputs` (command-line inputs), `files` (folders and article
files), `jsonl` (cluster JSON and JSONL/.gz), `stdin`, and `requests` (the HTTP service's
articles), which share `articles` (decoding, text, HTML) and `ids`.
"""

from __future__ import annotations

from synopsis.ingest.articles import normalize_text
from synopsis.ingest.files import ARTICLE_SUFFIXES
from synopsis.ingest.inputs import iter_clusters, load_inputs, read_clusters
from synopsis.text.dates import normalize_date

__all__ = [
    "ARTICLE_SUFFIXES",
    "iter_clusters",
    "load_inputs",
    "normalize_date",
    "normalize_text",
    "read_clusters",
]
